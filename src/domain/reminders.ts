/**
 * Reminder digests: one email per action owner (overdue and due-soon actions), and one for the
 * clerk (deadlines coming up, contracts needing attention, owners who cannot be emailed).
 * Never the same item to the same person twice in a day: `alreadySent` holds the keys of the
 * (person, item) pairs sent today, and each digest carries the keys it would add.
 */
import {
  ActionItem,
  ActionFlag,
  actionFlags,
  describeAction,
  WatchRules,
  ContractWatch,
} from './watch';
import {sameName} from './membership';

export interface Recipient {
  readonly name: string;
  readonly email: string;
  /** Why the address in the register cannot be used (flagged); never mailed then. */
  readonly emailProblem?: string;
}

export interface UpcomingDeadline {
  readonly date: string;
  readonly what: string;
  readonly meeting: string;
}

export interface Digest {
  readonly to: string;
  readonly name: string;
  readonly subject: string;
  readonly body: string;
  /** Keys of the (person, item) pairs this digest reminds of. */
  readonly keys: readonly string[];
  /** The clerk's digest (sent first: it lists what could not be sent). */
  readonly forClerk: boolean;
}

export interface ReminderPlan {
  readonly digests: Digest[];
  /** Owners who have due items but no email (or are not in Members). */
  readonly skipped: string[];
}

export interface ReminderInput {
  readonly today: string;
  readonly groupName: string;
  readonly actions: readonly ActionItem[];
  readonly members: readonly Recipient[];
  readonly clerk: Recipient;
  readonly deadlines: readonly UpcomingDeadline[];
  readonly contracts: readonly ContractWatch[];
  readonly rules: WatchRules;
  readonly alreadySent: ReadonlySet<string>;
  /** Reviews that have fallen due (terms of reference yearly, documents), for the clerk. */
  readonly housekeeping?: readonly string[];
}

/** A short stable hash (FNV-1a, 32 bits) so the day's state fits in a script property. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

export function reminderKey(email: string, item: string): string {
  return shortHash(`${email.trim().toLowerCase()}|${item}`);
}

const actionItemId = (a: ActionItem) => `action|${a.meeting ?? ''}|${a.minute}|${a.action}`;

export function planReminders(input: ReminderInput): ReminderPlan {
  const {today, rules} = input;
  const byOwner = new Map<
    string,
    {name: string; items: {flag: ActionFlag; action: ActionItem}[]}
  >();
  for (const a of input.actions) {
    const flags = actionFlags(a, today, rules).filter(f => f === 'Overdue' || f === 'Due soon');
    if (!flags.length) continue;
    for (const owner of a.owners) {
      const key = owner.trim().toLowerCase();
      if (!byOwner.has(key)) byOwner.set(key, {name: owner.trim(), items: []});
      byOwner.get(key)!.items.push({flag: flags[0], action: a});
    }
  }
  const digests: Digest[] = [];
  const skipped: string[] = [];
  for (const {name: ownerName, items} of byOwner.values()) {
    const member = input.members.find(m => sameName(m.name, ownerName));
    if (!member || !member.email || member.emailProblem) {
      skipped.push(
        `${ownerName}${!member ? ' (not found in Members)' : member.emailProblem ? ` (${member.emailProblem})` : ' (no email in Members)'}`,
      );
      continue;
    }
    const fresh = items.filter(
      i => !input.alreadySent.has(reminderKey(member.email, actionItemId(i.action))),
    );
    if (!fresh.length) continue;
    const overdue = fresh.filter(i => i.flag === 'Overdue');
    const soon = fresh.filter(i => i.flag === 'Due soon');
    const lines = [
      `Dear ${member.name},`,
      '',
      `This is your ${input.groupName} action reminder for ${today}.`,
      '',
    ];
    if (overdue.length)
      lines.push(
        'Overdue:',
        ...overdue.map(i => `- ${describeAction(i.action)} (review date ${i.action.reviewDate})`),
        '',
      );
    if (soon.length)
      lines.push(
        `Due in the next ${rules.dueSoonDays} days:`,
        ...soon.map(i => `- ${describeAction(i.action)} (review date ${i.action.reviewDate})`),
        '',
      );
    lines.push(
      `Please send an update to ${input.clerk.name || 'the clerk'}${input.clerk.email ? ` (${input.clerk.email})` : ''}.`,
    );
    digests.push({
      to: member.email,
      name: member.name,
      subject: `${input.groupName}: ${overdue.length ? `${overdue.length} overdue` : ''}${overdue.length && soon.length ? ', ' : ''}${soon.length ? `${soon.length} due soon` : ''} action${fresh.length === 1 ? '' : 's'}`,
      body: lines.join('\n'),
      keys: fresh.map(i => reminderKey(member.email, actionItemId(i.action))),
      forClerk: false,
    });
  }

  if (input.clerk.email) {
    const items: {id: string; line: string; section: string}[] = [
      ...input.deadlines.map(d => ({
        section: 'Deadlines in the next working days',
        id: `deadline|${d.meeting}|${d.what}|${d.date}`,
        line: `- ${d.date}: ${d.what} for the meeting on ${d.meeting}`,
      })),
      ...input.contracts.map(w => ({
        section: 'Contracts needing attention',
        id: `contract|${w.contract.reference}|${w.currentEnd}`,
        line: `- ${w.contract.reference} ${w.contract.title || ''}${w.contract.provider ? ` (${w.contract.provider})` : ''}: ends ${w.currentEnd}, in ${w.daysLeft} days${w.extensionUntil ? `; may be extended to ${w.extensionUntil}` : ''}`,
      })),
      ...(input.housekeeping ?? []).map(h => ({
        section: 'Reviews due',
        id: `review|${h}`,
        line: `- ${h}`,
      })),
      ...skipped.map(s => ({
        section: 'Action owners who could not be emailed',
        id: `skipped|${s}`,
        line: `- ${s}`,
      })),
    ];
    const fresh = items.filter(i => !input.alreadySent.has(reminderKey(input.clerk.email, i.id)));
    if (fresh.length) {
      const lines = [`Daily ${input.groupName} digest for ${today}.`, ''];
      for (const section of [...new Set(fresh.map(i => i.section))]) {
        lines.push(`${section}:`, ...fresh.filter(i => i.section === section).map(i => i.line), '');
      }
      digests.push({
        to: input.clerk.email,
        name: input.clerk.name || 'Clerk',
        subject: `${input.groupName}: clerk's digest for ${today}`,
        body: lines.join('\n').trimEnd(),
        keys: fresh.map(i => reminderKey(input.clerk.email, i.id)),
        forClerk: true,
      });
    }
  }
  return {digests, skipped};
}
