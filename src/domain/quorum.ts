/**
 * Quorum: a meeting can discuss without one but not decide (committee-practice.md). A held
 * meeting is counted from the Attendance tab: serving members present in person or through a
 * substitute; officers, the secretariat and observers never count.
 */
import {Finding} from './findings';
import type {AttendanceRecord, Meeting, Member} from './records';

/** Roles that are not members of the group for the quorum. */
const NOT_MEMBERS = new Set(['lead officer', 'secretariat', 'observer']);
const COUNTS = new Set(['present', 'substitute attended']);

const key = (s: string) => s.trim().toLowerCase();

/** Whether a member served on a day: a member role, and the day within their term. */
export function servingOn(m: Member, day: string): boolean {
  if (NOT_MEMBERS.has(key(m.role))) return false;
  if (m.termStart && m.termStart > day) return false;
  if (m.termEnd && m.termEnd < day) return false;
  return true;
}

/** Members counted present at a meeting, in Attendance order (each name once). */
export function presentForQuorum(
  meeting: string,
  members: readonly Member[],
  attendance: readonly AttendanceRecord[],
): string[] {
  const byName = new Map(members.map(m => [key(m.name), m]));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const a of attendance) {
    if (a.meeting !== meeting || !COUNTS.has(key(a.attendance))) continue;
    const m = byName.get(key(a.member));
    if (!m || !servingOn(m, meeting) || seen.has(key(m.name))) continue;
    seen.add(key(m.name));
    out.push(
      a.attendance.toLowerCase().startsWith('substitute') && a.substitute
        ? `${m.name} (substitute ${a.substitute})`
        : m.name,
    );
  }
  return out;
}

/**
 * Each held meeting (Status Held; not a workshop) with attendance recorded: met, or inquorate; a held meeting
 * with no attendance recorded cannot be checked and says so. Quorum 0 means the group has none.
 */
export function quorumFindings(
  meetings: readonly Meeting[],
  members: readonly Member[],
  attendance: readonly AttendanceRecord[],
  quorum: number,
  groupChair: string,
): Finding[] {
  if (quorum <= 0) return [];
  const out: Finding[] = [];
  const rule = `Quorum (${quorum} members present)`;
  for (const m of meetings) {
    // A workshop decides nothing, so it needs no quorum.
    if (key(m.status) !== 'held' || key(m.type) === 'workshop') continue;
    const where = `Meetings row ${m.row} (${m.date})`;
    if (!attendance.some(a => a.meeting === m.date)) {
      out.push({
        rule,
        severity: 'Note',
        where,
        finding:
          'The meeting is Held but no attendance is recorded, so its quorum cannot be checked.',
        whatToDo: `Record who attended on the Attendance tab (Meeting date ${m.date}).`,
      });
      continue;
    }
    const present = presentForQuorum(m.date, members, attendance);
    const chair = m.chair || groupChair;
    const chaired = chair ? `, chaired by ${chair}` : '';
    if (present.length >= quorum) {
      out.push({
        rule,
        severity: 'Met',
        where,
        finding: `${present.length} members present${chaired}: ${present.join(', ')}.`,
        whatToDo: '',
      });
    } else {
      out.push({
        rule,
        severity: 'Problem',
        where,
        finding: `Inquorate: ${present.length} of the ${quorum} members needed were present${chaired}${present.length ? ` (${present.join(', ')})` : ''}. An inquorate meeting can discuss but not decide.`,
        whatToDo:
          'Say so in the minutes and take any decisions again at a quorate meeting; if the Attendance tab is incomplete, complete it.',
      });
    }
  }
  return out;
}
