/**
 * Meeting rules: the time window, the number of meetings a year, meetings on non-working days,
 * notice deadlines passed, and key decisions or private items without enough notice.
 */
import {clearDaysBetween, dayNumber, isWorkingDay, workday} from './calendar';
import {Finding} from './findings';
import type {AgendaItem, Meeting} from './records';

export type {AgendaItem, Meeting};
import {deadlines, NoticeRules, nonWorkingReason} from './notice';
import {markers, noticeFrom} from './agenda-plan';

export interface MeetingRules {
  readonly notice: NoticeRules;
  readonly keyDecisionDays: number;
  readonly windowStart: number | null;
  readonly windowEnd: number | null;
  readonly meetingsPerYear: number;
  readonly lookAheadWorkingDays: number;
}

export const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const live = (m: Meeting) => m.status !== 'Cancelled';

export function needsNotice(item: AgendaItem): boolean {
  return (
    !!item.keyDecisionRef ||
    item.section === 'Key decisions' ||
    item.confidential ||
    item.section === 'Exempt items'
  );
}

export function meetingFindings(
  meetings: readonly Meeting[],
  items: readonly AgendaItem[],
  rules: MeetingRules,
  holidays: ReadonlyMap<string, string>,
  today: string,
): Finding[] {
  const out: Finding[] = [];
  const hols = new Set(holidays.keys());
  const where = (m: Meeting) => `Meetings row ${m.row} (${m.date})`;
  for (const m of meetings.filter(live)) {
    const reason = nonWorkingReason(m.date, holidays);
    if (reason)
      out.push({
        rule: 'Meeting on a working day',
        severity: 'Warning',
        where: where(m),
        finding: `The meeting ${reason}.`,
        whatToDo: 'Check the date; move the meeting if the office is closed.',
      });
    if (m.start !== null && m.end !== null && m.end <= m.start) {
      out.push({
        rule: 'End after start',
        severity: 'Problem',
        where: where(m),
        finding: `Ends at ${clock(m.end)}, not after its start at ${clock(m.start)}.`,
        whatToDo: 'Correct the Start time or End time.',
      });
    }
    if (rules.windowStart !== null && m.start !== null && m.start < rules.windowStart) {
      out.push({
        rule: 'Meeting inside the agreed hours',
        severity: 'Problem',
        where: where(m),
        finding: `Starts at ${clock(m.start)}, before ${clock(rules.windowStart)} ("Meeting window start").`,
        whatToDo: 'Move the start time, or change the window in Settings.',
      });
    }
    if (rules.windowEnd !== null && m.end !== null && m.end > rules.windowEnd) {
      out.push({
        rule: 'Meeting inside the agreed hours',
        severity: 'Problem',
        where: where(m),
        finding: `Ends at ${clock(m.end)}, after ${clock(rules.windowEnd)} ("Meeting window end").`,
        whatToDo: 'Shorten the meeting, or change the window in Settings.',
      });
    }
    if (m.date < today) continue;
    const d = deadlines(m.date, rules.notice, hols);
    if (d.papersDespatchBy < today && !m.agendaPublishedOn) {
      out.push({
        rule: 'Papers despatched in time',
        severity: 'Problem',
        where: where(m),
        finding: `Papers were due out by ${d.papersDespatchBy} and "Agenda published on" is empty.`,
        whatToDo: 'Despatch the papers now and record the date, or ask the chair about postponing.',
      });
    }
    const horizon = workday(today, rules.lookAheadWorkingDays, hols);
    for (const [what, date] of [
      ['Report deadline', d.reportDeadline],
      ['Papers despatch', d.papersDespatchBy],
      ['Agenda agreed by', d.agendaAgreedBy],
    ] as const) {
      if (date >= today && date <= horizon)
        out.push({
          rule: 'Deadline coming up',
          severity: 'Note',
          where: where(m),
          finding: `${what}: ${date}.`,
          whatToDo:
            what === 'Report deadline'
              ? 'Remind report authors.'
              : what === 'Papers despatch'
                ? 'Assemble the pack.'
                : 'Agree the agenda with the chair.',
        });
    }
    if (
      m.status === 'Provisional' &&
      dayNumber(m.date) - dayNumber(today) <= rules.keyDecisionDays
    ) {
      out.push({
        rule: 'Meeting confirmed',
        severity: 'Warning',
        where: where(m),
        finding: `The meeting is in ${dayNumber(m.date) - dayNumber(today)} days and still Provisional.`,
        whatToDo: 'Confirm or cancel it.',
      });
    }
    const late = items.filter(
      i =>
        i.meeting === m.date &&
        (i.paperStatus === 'Awaited' || i.paperStatus === '') &&
        d.reportDeadline < today,
    );
    for (const i of late) {
      out.push({
        rule: 'Reports in by the deadline',
        severity: 'Warning',
        where: `Agenda row ${i.row} (${i.title})`,
        finding: `The report deadline ${d.reportDeadline} has passed and the paper is ${i.paperStatus || 'not recorded'}.`,
        whatToDo: `Chase ${i.leadOfficer || 'the lead officer'}, or mark the paper "To follow".`,
      });
    }
    for (const i of items.filter(x => x.meeting === m.date && needsNotice(x))) {
      // Notice counts from the item's first appearance in a published forward plan.
      const from = noticeFrom(i, today);
      const clear = clearDaysBetween(from, m.date);
      if (clear < rules.keyDecisionDays) {
        out.push({
          rule: `${rules.keyDecisionDays} clear days' notice of key decisions and private items`,
          severity: 'Warning',
          where: `Agenda row ${i.row} (${i.title})`,
          finding: `${i.keyDecisionRef ? `Key decision ${i.keyDecisionRef}` : i.confidential ? 'A private item' : 'A key decision'} is on the meeting of ${m.date}, ${clear} clear days ${from === today ? 'away' : `after it first appeared in a published forward plan (${from})`}.`,
          whatToDo:
            'Check it was in the forward plan 28 clear days ago; if not, follow the urgency procedure or move it.',
        });
      }
    }
  }
  // Ordinary meetings a year against the target, for this year and the years ahead with dates.
  const thisYear = Number(today.slice(0, 4));
  const years = new Set(meetings.map(m => Number(m.date.slice(0, 4))).filter(y => y >= thisYear));
  years.add(thisYear);
  for (const y of [...years].sort()) {
    const n = meetings.filter(
      m => live(m) && m.type !== 'Reserve' && m.type !== 'Workshop' && m.date.startsWith(`${y}-`),
    ).length;
    const reserve = meetings.filter(
      m => live(m) && m.type === 'Reserve' && m.date.startsWith(`${y}-`),
    ).length;
    out.push(
      n >= rules.meetingsPerYear
        ? {
            rule: 'Meetings a year',
            severity: 'Met',
            where: `Meetings ${y}`,
            finding: `${n} meetings in ${y} (target ${rules.meetingsPerYear}).`,
            whatToDo: '',
          }
        : {
            rule: 'Meetings a year',
            severity: y === thisYear ? 'Problem' : 'Warning',
            where: `Meetings ${y}`,
            finding: `${n} meetings in ${y}${reserve ? ` (plus ${reserve} reserve)` : ''}; the target is ${rules.meetingsPerYear} ("Meetings per year").`,
            whatToDo: 'Add meeting dates, or change "Meetings per year" in Settings.',
          },
    );
  }
  return out;
}

export interface PlanRow {
  readonly meeting: string;
  readonly meetingStatus: string;
  readonly item: string;
  readonly leadOfficer: string;
  readonly keyDecisionRef: string;
  readonly reportDeadline: string | null;
  readonly despatch: string | null;
  readonly flag: string;
  /** "*" to full Council, "+" confidential (domain/agenda-plan.ts). */
  readonly markers?: string;
  readonly firstPublished?: string | null;
}

const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${DAY[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${MONTH[m - 1]} ${y}`;
}

/** The forward agenda plan: future meetings in order with their items, then "To be programmed". */
export function forwardPlan(
  meetings: readonly Meeting[],
  items: readonly AgendaItem[],
  rules: MeetingRules,
  holidays: ReadonlyMap<string, string>,
  today: string,
): PlanRow[] {
  const hols = new Set(holidays.keys());
  const rows: PlanRow[] = [];
  for (const m of meetings.filter(x => live(x) && x.date >= today)) {
    const d = deadlines(m.date, rules.notice, hols);
    const status = [m.status || 'Status not set', m.type && m.type !== 'Ordinary' ? m.type : '']
      .filter(Boolean)
      .join(', ');
    const mine = items.filter(i => i.meeting === m.date);
    const dayFlag = isWorkingDay(m.date, hols)
      ? ''
      : `Meeting ${nonWorkingReason(m.date, holidays)}. `;
    if (!mine.length)
      rows.push({
        meeting: longDate(m.date),
        meetingStatus: status,
        item: '(no items yet)',
        leadOfficer: '',
        keyDecisionRef: '',
        reportDeadline: d.reportDeadline,
        despatch: d.papersDespatchBy,
        flag: dayFlag.trim(),
      });
    for (const i of mine) {
      const notice = clearDaysBetween(noticeFrom(i, today), m.date);
      const short = needsNotice(i) && notice < rules.keyDecisionDays;
      const noRef =
        i.section === 'Key decisions' && !i.keyDecisionRef
          ? ' Key decision with no reference.'
          : '';
      rows.push({
        meeting: longDate(m.date),
        meetingStatus: status,
        item: i.title,
        leadOfficer: i.leadOfficer,
        keyDecisionRef: i.keyDecisionRef,
        reportDeadline: d.reportDeadline,
        despatch: d.papersDespatchBy,
        flag: (
          dayFlag +
          (short
            ? `Only ${notice} clear days' notice; ${rules.keyDecisionDays} needed for ${i.keyDecisionRef || i.section === 'Key decisions' ? 'key decisions' : 'private items'}.`
            : '') +
          noRef
        ).trim(),
        markers: markers(i),
        firstPublished: i.firstPublished ?? null,
      });
    }
  }
  for (const i of items.filter(x => !x.meeting)) {
    rows.push({
      meeting: 'To be programmed',
      meetingStatus: '',
      item: i.title,
      leadOfficer: i.leadOfficer,
      keyDecisionRef: i.keyDecisionRef,
      reportDeadline: null,
      despatch: null,
      flag:
        i.section === 'Key decisions' && !i.keyDecisionRef ? 'Key decision with no reference.' : '',
      markers: markers(i),
      firstPublished: i.firstPublished ?? null,
    });
  }
  return rows;
}
