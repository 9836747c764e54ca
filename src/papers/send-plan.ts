/**
 * Who gets which papers of a meeting (pure): members, deputies and officers the full pack, the
 * mailing list and observers the public one; each person once, at the fullest version they are
 * due; no one sent the same version of the same meeting twice (the Sent tab remembers); and
 * everyone left out is listed with the reason.
 */
import {Day, MailingEntry, Member, SentMessage} from '../domain/records';

export type SendVersion = 'Full' | 'Public';

export interface Recipient {
  readonly name: string;
  readonly email: string;
  readonly version: SendVersion;
  /** "Member", "Deputy", "Mailing list"… */
  readonly as: string;
}

export interface Skipped {
  readonly name: string;
  readonly reason: string;
}

export interface SendPlan {
  readonly send: Recipient[];
  readonly skipped: Skipped[];
}

/** Roles that receive the full pack (exempt items included). */
export const FULL_PACK_ROLES = [
  'Chair',
  'Vice-chair',
  'Member',
  'Deputy',
  'Lead officer',
  'Secretariat',
];

/** A register row's problem with its email cell ("flagged"), by row. */
export type FlaggedRows = ReadonlyMap<number, string>;

export function planSend(
  meeting: Day,
  members: readonly Member[],
  flaggedMembers: FlaggedRows,
  mailing: readonly MailingEntry[],
  flaggedMailing: FlaggedRows,
  sent: readonly SentMessage[],
): SendPlan {
  const skipped: Skipped[] = [];
  const chosen = new Map<string, Recipient>();
  const offer = (r: Recipient) => {
    const key = r.email.toLowerCase();
    const had = chosen.get(key);
    if (!had || (had.version === 'Public' && r.version === 'Full')) chosen.set(key, r);
  };
  const address = (name: string, email: string, row: number, flagged: FlaggedRows) => {
    if (email) return email;
    const problem = flagged.get(row);
    skipped.push({
      name,
      reason: problem ? `the email address is flagged (${problem})` : 'no email address',
    });
    return '';
  };
  for (const m of members) {
    if (m.status === 'Left' || !m.name) continue;
    const email = address(m.name, m.email, m.row, flaggedMembers);
    if (!email) continue;
    const full = FULL_PACK_ROLES.includes(m.role);
    offer({name: m.name, email, version: full ? 'Full' : 'Public', as: m.role || 'Member'});
  }
  for (const e of mailing) {
    const name = e.name || e.email || `Mailing list row ${e.row}`;
    if (!e.subscribed) {
      skipped.push({name, reason: 'unsubscribed'});
      continue;
    }
    const email = address(name, e.email, e.row, flaggedMailing);
    if (email) offer({name, email, version: 'Public', as: 'Mailing list'});
  }
  const done = new Map<string, SentMessage>();
  for (const s of sent) if (s.meeting === meeting) done.set(`${s.to}|${s.version}`, s);
  const send: Recipient[] = [];
  for (const r of chosen.values()) {
    const before = done.get(`${r.email.toLowerCase()}|${r.version}`);
    if (before)
      skipped.push({
        name: r.name,
        reason: `already sent the ${r.version.toLowerCase()} papers${before.sentOn ? ` on ${before.sentOn}` : ''}`,
      });
    else send.push(r);
  }
  return {send, skipped};
}
