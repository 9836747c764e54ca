/**
 * Notice deadlines of a meeting, as a clerk works them out by hand. The Meetings tab computes
 * the same dates with live formulas (the Meetings formula columns in schema.ts); a test holds the two together.
 */
import {addDays, clearDaysBetween, workday, isWorkingDay, isWeekend} from './calendar';

/** How papers notice is counted (Settings "Notice basis"). */
export type NoticeBasis = 'Clear working days' | 'Calendar days';

export interface NoticeRules {
  /** Calendar days before the meeting by which the agenda is agreed with the chair. */
  readonly agendaAgreedDays: number;
  /** Days of notice between despatch and the meeting, counted by `basis`. */
  readonly papersNoticeDays: number;
  /** Default: clear working days (neither day counts, nor weekends or holidays). */
  readonly basis?: NoticeBasis;
  /** Working days before despatch by which report authors deliver. */
  readonly reportDeadlineWorkingDays: number;
}

export interface Deadlines {
  readonly agendaAgreedBy: string;
  readonly papersDespatchBy: string;
  readonly reportDeadline: string;
}

/**
 * Clear working days: despatch is the latest working day with N clear working days before the
 * meeting; counting back over working days, the meeting's own day never counts, so it is
 * WORKDAY(meeting, -(N+1)). Calendar days ("at least 7 days in advance"): the meeting date less
 * N days, or the working day before it when the office is closed then, which is
 * WORKDAY(meeting - N + 1, -1).
 */
export function papersDespatchBy(
  meeting: string,
  days: number,
  holidays: ReadonlySet<string>,
  basis: NoticeBasis = 'Clear working days',
): string {
  if (basis === 'Calendar days') return workday(addDays(meeting, -days + 1), -1, holidays);
  return workday(meeting, -(days + 1), holidays);
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
  const despatch = papersDespatchBy(meeting, rules.papersNoticeDays, holidays, rules.basis);
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
