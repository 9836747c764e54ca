/**
 * Membership compliance: size, balance, coverage, deputies, substitutes, terms and attendance.
 * Every number comes from the rules passed in (read from Settings by the caller).
 */
import {addDays, dayNumber} from './calendar';
import {Finding} from './findings';
import type {AttendanceRecord, Member} from './records';
import {DEPUTY_RULES, deputyFindings} from './deputies';

export type {AttendanceRecord, Member};

export interface MembershipRules {
  readonly minMembers: number;
  readonly maxMembers: number;
  readonly minSmall: number;
  readonly minLarge: number;
  readonly requiredClientGroups: readonly string[];
  readonly requiredServiceTypes: readonly string[];
  readonly termWarningDays: number;
  readonly minAttendancePct: number;
}

export interface RuleResult {
  readonly rule: string;
  readonly met: boolean;
  /** Names of the members who count towards the rule. */
  readonly counts: readonly string[];
  readonly details: string;
  /** Findings behind a rule not met (with where and what to do). */
  readonly findings: readonly Finding[];
}

/** Roles that make up the membership (deputies, officers, the secretariat and observers do not). */
export const VOTING_ROLES: readonly string[] = ['Chair', 'Vice-chair', 'Member'];

export const sameName = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether a member is serving on a date: status not Left, and the term (if given) covers it. */
export function isServing(m: Member, on: string): boolean {
  if (m.status === 'Left') return false;
  if (m.termStart && m.termStart > on) return false;
  if (m.termEnd && m.termEnd < on) return false;
  return true;
}

const where = (m: Member) => `Members row ${m.row} (${m.name})`;
const list = (names: readonly string[]) => (names.length ? names.join(', ') : 'nobody');

export function evaluateMembership(
  members: readonly Member[],
  attendance: readonly AttendanceRecord[],
  rules: MembershipRules,
  today: string,
): RuleResult[] {
  const serving = members.filter(m => isServing(m, today));
  const core = serving.filter(m => VOTING_ROLES.includes(m.role));
  const names = core.map(m => m.name);
  const results: RuleResult[] = [];
  const simple = (
    rule: string,
    met: boolean,
    counts: string[],
    details: string,
    whatToDo: string,
  ): void => {
    results.push({
      rule,
      met,
      counts,
      details,
      findings: met
        ? []
        : [{rule, severity: 'Problem', where: 'Members', finding: details, whatToDo}],
    });
  };

  const size = core.length;
  simple(
    `Membership between ${rules.minMembers} and ${rules.maxMembers}`,
    size >= rules.minMembers && size <= rules.maxMembers,
    names,
    `${size} serving member${size === 1 ? '' : 's'} (chair, vice-chair and members; deputies and officers not counted).`,
    size < rules.minMembers
      ? `Recruit ${rules.minMembers - size} more member(s), or change "Minimum members" in Settings.`
      : `Reduce the membership by ${size - rules.maxMembers}, or change "Maximum members" in Settings.`,
  );

  const small = core.filter(m => m.providerSize === 'Small').map(m => m.name);
  simple(
    `At least ${rules.minSmall} from small providers`,
    small.length >= rules.minSmall,
    small,
    `${small.length} from small providers.`,
    'Recruit a member from a small provider, or check the Provider size column.',
  );
  const large = core.filter(m => m.providerSize === 'Large').map(m => m.name);
  simple(
    `At least ${rules.minLarge} from large providers`,
    large.length >= rules.minLarge,
    large,
    `${large.length} from large providers.`,
    'Recruit a member from a large provider, or check the Provider size column.',
  );

  for (const [label, required, pick] of [
    ['Client group', rules.requiredClientGroups, (m: Member) => m.clientGroups],
    ['Service type', rules.requiredServiceTypes, (m: Member) => m.serviceTypes],
  ] as const) {
    for (const need of required) {
      const who = core.filter(m => pick(m).some(g => sameName(g, need))).map(m => m.name);
      simple(
        `${label} covered: ${need}`,
        who.length > 0,
        who,
        who.length ? `Covered by ${list(who)}.` : `No serving member covers ${need}.`,
        `Recruit a member whose organisation covers ${need}.`,
      );
    }
  }

  // Nominated members name a deputy who may attend in their place.
  const deputies = serving.filter(m => m.role === 'Deputy' || m.deputyFor);
  const nominated = core.filter(m => m.nominatedBy);
  const noDeputy = nominated.filter(m => !deputies.some(d => sameName(d.deputyFor, m.name)));
  results.push({
    rule: 'Each nominated member has a deputy',
    met: noDeputy.length === 0,
    counts: nominated.filter(m => !noDeputy.includes(m)).map(m => m.name),
    details: noDeputy.length
      ? `No deputy for ${list(noDeputy.map(m => m.name))}.`
      : `${nominated.length} nominated member(s), each with a deputy.`,
    findings: noDeputy.map(m => ({
      rule: 'Each nominated member has a deputy',
      severity: 'Problem' as const,
      where: where(m),
      finding: `${m.name} was nominated by ${m.nominatedBy} but no serving member is recorded as their deputy.`,
      whatToDo: `Ask ${m.nominatedBy} to name a deputy and add them to Members with Role "Deputy" and "Deputy for" = ${m.name}.`,
    })),
  });

  // Substitutes: only for nominated members, and only their registered deputy; one nominee per body.
  const deputyRules = deputyFindings(members, attendance, today);
  for (const [rule, counts, ok, bad] of [
    [
      DEPUTY_RULES.entitled,
      nominated,
      'Only nominated members sent substitutes.',
      'substitution(s) for members who attend personally.',
    ],
    [
      DEPUTY_RULES.registered,
      deputies,
      'Every substitute was the registered deputy.',
      'substitution(s) by someone other than the registered deputy.',
    ],
    [
      DEPUTY_RULES.oneNominee,
      nominated,
      'Each nominating body has one serving nominee.',
      'serving nominee(s) beyond the first of their nominating body.',
    ],
  ] as const) {
    const found = deputyRules.filter(f => f.rule === rule);
    results.push({
      rule,
      met: found.length === 0,
      counts: counts.map(m => m.name),
      details: found.length ? `${found.length} ${bad}` : ok,
      findings: found.map(({rule: r, severity, where: w, finding, whatToDo}) => ({
        rule: r,
        severity,
        where: w,
        finding,
        whatToDo,
      })),
    });
  }

  // Terms ending within the warning period.
  const horizon = addDays(today, rules.termWarningDays);
  const ending = serving.filter(m => m.termEnd && m.termEnd >= today && m.termEnd <= horizon);
  results.push({
    rule: `No term ends within ${rules.termWarningDays} days`,
    met: ending.length === 0,
    counts: ending.map(m => m.name),
    details: ending.length
      ? `Ending soon: ${ending.map(m => `${m.name} (${m.termEnd})`).join(', ')}.`
      : 'No term ends in the warning period.',
    findings: ending.map(m => ({
      rule: 'Term ending',
      severity: 'Warning' as const,
      where: where(m),
      finding: `${m.name}'s term ends on ${m.termEnd} (in ${dayNumber(m.termEnd!) - dayNumber(today)} days).`,
      whatToDo: 'Renew the term (change Term end) or arrange a replacement.',
    })),
  });

  // A term that has ended while the member is still Active: not serving, so not counted anywhere,
  // but never silently: the clerk renews the term or marks the member Left.
  const lapsed = members.filter(m => m.status !== 'Left' && m.termEnd && m.termEnd < today);
  results.push({
    rule: 'No term has ended while the member is still Active',
    met: lapsed.length === 0,
    counts: lapsed.map(m => m.name),
    details: lapsed.length
      ? `Term ended: ${lapsed.map(m => `${m.name} (${m.termEnd})`).join(', ')}; not counted as serving.`
      : 'Every Active member is within their term.',
    findings: lapsed.map(m => ({
      rule: 'Term ended',
      severity: 'Warning' as const,
      where: where(m),
      finding: `${m.name}'s term ended on ${m.termEnd} but their Status is not Left, so they are not counted as a serving member.`,
      whatToDo: 'Renew the term (change Term end), or set Status to Left.',
    })),
  });

  // Attendance over the last 12 months.
  const from = addDays(today, -365);
  const low: string[] = [];
  const rates: string[] = [];
  const findings: Finding[] = [];
  for (const m of core) {
    const mine = attendance.filter(
      a => sameName(a.member, m.name) && a.meeting > from && a.meeting <= today,
    );
    if (!mine.length) continue;
    const present = mine.filter(a => a.attendance === 'Present').length;
    const represented = mine.filter(a => a.attendance === 'Substitute attended').length;
    const pct = Math.round((100 * present) / mine.length);
    rates.push(`${m.name} ${pct}%`);
    if (pct < rules.minAttendancePct) {
      low.push(m.name);
      findings.push({
        rule: 'Attendance',
        severity: 'Warning',
        where: where(m),
        finding: `${m.name} attended ${present} of ${mine.length} meetings in the last 12 months (${pct}%)${represented ? `; a substitute came to ${represented}` : ''}.`,
        whatToDo: 'The chair may wish to talk to the member about their attendance.',
      });
    }
  }
  results.push({
    rule: `Attendance at least ${rules.minAttendancePct}% over 12 months`,
    met: low.length === 0,
    counts: core.filter(m => !low.includes(m.name)).map(m => m.name),
    details: rates.length
      ? `Attendance: ${rates.join(', ')}.`
      : 'No attendance recorded in the last 12 months.',
    findings,
  });
  return results;
}

/** Members with a role that expects an email for papers and reminders but have none. */
export function membersWithoutEmail(members: readonly Member[], today: string): Member[] {
  return members.filter(m => isServing(m, today) && !m.email);
}
