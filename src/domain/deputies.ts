/**
 * Deputies and nominations: who may stand in for whom. A nominated member (Members "Nominated
 * by") may send their registered deputy (a member whose "Deputy for" names them); a member not
 * nominated attends personally; a nominating body has one serving nominee. Pure: the edit check,
 * Problems and compliance all ask these functions.
 */
import {Finding} from './findings';
import {isServing, sameName, VOTING_ROLES} from './membership';
import type {AttendanceRecord, Day, Member} from './records';

export const DEPUTY_RULES = {
  entitled: 'Substitutes only for members entitled to them',
  registered: "A substitute is the member's registered deputy",
  oneNominee: 'One serving nominee per nominating body',
} as const;

/** The roster fields these rules read (a Members row). */
export type Rostered = Pick<
  Member,
  'row' | 'name' | 'role' | 'nominatedBy' | 'deputyFor' | 'status' | 'termStart' | 'termEnd'
>;

export interface SubstituteVerdict {
  readonly rule: string;
  readonly problem: string;
  readonly whatToDo: string;
}

/**
 * Why `substitute` may not stand in for `memberName` at the meeting of `on` (null: they may, or
 * the member is not on the roster, which the name check reports). Deputies serving on that day count.
 */
export function substituteProblem(
  memberName: string,
  substitute: string,
  on: Day | null,
  roster: readonly Rostered[],
): SubstituteVerdict | null {
  const m = roster.find(x => sameName(x.name, memberName));
  if (!m || !memberName.trim()) return null;
  const who = substitute.trim() || 'A substitute';
  if (!m.nominatedBy.trim())
    return {
      rule: DEPUTY_RULES.entitled,
      problem: `${who} attended for ${m.name}, who is not a nominated member and so attends personally.`,
      whatToDo:
        'Record the member as Apologies, or record who nominated them in Members if they are entitled to a deputy.',
    };
  if (!substitute.trim()) return null; // an unnamed substitute is the row rule's finding
  const deputies = roster.filter(
    d => sameName(d.deputyFor, m.name) && (on ? isServing(d as Member, on) : d.status !== 'Left'),
  );
  if (deputies.some(d => sameName(d.name, substitute))) return null;
  return {
    rule: DEPUTY_RULES.registered,
    problem: deputies.length
      ? `${who} is not ${m.name}'s registered deputy (${deputies.map(d => d.name).join(', ')}).`
      : `${who} attended for ${m.name}, who has no registered deputy.`,
    whatToDo: deputies.length
      ? `Record the deputy who came, or, if ${m.nominatedBy} has named ${who} as deputy, change "Deputy for" on ${who}'s Members row to ${m.name}.`
      : `Add ${who} to Members with Role "Deputy" and "Deputy for" ${m.name}, once ${m.nominatedBy} has named them.`,
  };
}

/** A deputy or nomination finding with the sheet cell it is about. */
export interface DeputyFinding extends Finding {
  readonly tab: 'Members' | 'Attendance';
  readonly row: number;
  readonly header: string;
}

/** Serving nominees beyond the first of each nominating body (roster order). */
export function extraNominees(roster: readonly Rostered[], today: Day): DeputyFinding[] {
  const first = new Map<string, Rostered>();
  const out: DeputyFinding[] = [];
  for (const m of roster) {
    if (!m.nominatedBy.trim() || !VOTING_ROLES.includes(m.role)) continue;
    if (!isServing(m as Member, today)) continue;
    const body = m.nominatedBy.trim().toLowerCase();
    const earlier = first.get(body);
    if (!earlier) {
      first.set(body, m);
      continue;
    }
    out.push({
      rule: DEPUTY_RULES.oneNominee,
      severity: 'Problem',
      where: `Members row ${m.row} (${m.name})`,
      finding: `${m.name} and ${earlier.name} are both serving nominees of ${m.nominatedBy.trim()}; a nominating body has one member (its deputy stands in).`,
      whatToDo: `Ask ${m.nominatedBy.trim()} which of them is its nominee; record the other as its deputy (Role "Deputy", "Deputy for") or clear their "Nominated by".`,
      tab: 'Members',
      row: m.row,
      header: 'Nominated by',
    });
  }
  return out;
}

/**
 * Why the member on sheet row `row` may not be a nominee of their body: another serving nominee
 * of the same body (null when none, or the row is not a serving nominee). For the edit check.
 */
export function nomineeProblem(
  roster: readonly Rostered[],
  row: number,
  today: Day,
): SubstituteVerdict | null {
  const nominee = (m: Rostered) =>
    !!m.nominatedBy.trim() && VOTING_ROLES.includes(m.role) && isServing(m as Member, today);
  const m = roster.find(x => x.row === row);
  if (!m || !nominee(m)) return null;
  const others = roster.filter(
    x => x.row !== row && nominee(x) && sameName(x.nominatedBy, m.nominatedBy),
  );
  if (!others.length) return null;
  const body = m.nominatedBy.trim();
  return {
    rule: DEPUTY_RULES.oneNominee,
    problem: `${others.map(o => o.name).join(', ')} ${others.length === 1 ? 'is already a serving nominee' : 'are already serving nominees'} of ${body}; a nominating body has one member (its deputy stands in).`,
    whatToDo: `Ask ${body} which is its nominee; record the other as its deputy (Role "Deputy", "Deputy for") or clear their "Nominated by".`,
  };
}

/** Every substitution that breaks a rule, and every extra nominee. */
export function deputyFindings(
  roster: readonly Rostered[],
  attendance: readonly AttendanceRecord[],
  today: Day,
): DeputyFinding[] {
  const out: DeputyFinding[] = [];
  for (const a of attendance) {
    if (a.attendance !== 'Substitute attended' && !a.substitute.trim()) continue;
    const v = substituteProblem(a.member, a.substitute, a.meeting, roster);
    if (v)
      out.push({
        rule: v.rule,
        severity: 'Problem',
        where: `Attendance row ${a.row} (${a.meeting}, ${a.member})`,
        finding: v.problem,
        whatToDo: v.whatToDo,
        tab: 'Attendance',
        row: a.row,
        header: 'Substitute',
      });
  }
  return out.concat(extraNominees(roster, today));
}
