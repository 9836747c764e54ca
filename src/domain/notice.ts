/**
 * Notice deadlines of a meeting, as a clerk works them out by hand. The Meetings tab computes
 * the same dates with live formulas (NOTICE_FORMULAS); a test holds the two together.
 */
import {addDays, clearDaysBetween, workday, isWorkingDay, isWeekend} from './calendar';

export interface NoticeRules {
  /** Calendar days before the meeting by which the agenda is agreed with the chair. */
  readonly agendaAgreedDays: number;
  /** Clear working days between despatch and the meeting (neither day counts). */
  readonly papersClearWorkingDays: number;
  /** Working days before despatch by which report authors deliver. */
  readonly reportDeadlineWorkingDays: number;
}

export interface Deadlines {
  readonly agendaAgreedBy: string;
  readonly papersDespatchBy: string;
  readonly reportDeadline: string;
}

/**
 * Despatch is the latest working day with N clear working days before the meeting: counting
 * back over working days, the meeting's own day never counts, so it is WORKDAY(meeting, -(N+1)).
 */
export function papersDespatchBy(
  meeting: string,
  clearWorkingDays: number,
  holidays: ReadonlySet<string>,
): string {
  return workday(meeting, -(clearWorkingDays + 1), holidays);
}

export function agendaAgreedBy(meeting: string, calendarDays: number): string {
  return addDays(meeting, -calendarDays);
}

export function reportDeadline(
  despatch: string,
  workingDays: number,
  holidays: ReadonlySet<string>,
): string {
  return workday(despatch, -workingDays, holidays);
}

export function deadlines(
  meeting: string,
  rules: NoticeRules,
  holidays: ReadonlySet<string>,
): Deadlines {
  const despatch = papersDespatchBy(meeting, rules.papersClearWorkingDays, holidays);
  return {
    agendaAgreedBy: agendaAgreedBy(meeting, rules.agendaAgreedDays),
    papersDespatchBy: despatch,
    reportDeadline: reportDeadline(despatch, rules.reportDeadlineWorkingDays, holidays),
  };
}

/** Key decisions need N clear (calendar) days' notice: is the meeting too close today? */
export function keyDecisionNoticeShort(meeting: string, today: string, clearDays: number): boolean {
  return clearDaysBetween(today, meeting) < clearDays;
}

/** Why a meeting date is not a working day ('' when it is one). */
export function nonWorkingReason(date: string, holidays: ReadonlyMap<string, string>): string {
  if (isWeekend(date)) return 'falls on a weekend';
  const name = holidays.get(date);
  if (name !== undefined) return `falls on a holiday (${name})`;
  return isWorkingDay(date, new Set(holidays.keys())) ? '' : 'is not a working day';
}
