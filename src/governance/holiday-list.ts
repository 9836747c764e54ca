/**
 * Keeps the sheet side of the calendar: the "Holiday list" tab (bank holidays of the region for
 * the years in use, plus the Holidays tab's closures) and the named ranges the Meetings deadline
 * formulas read: Holidays_All over that list, and Notice_* over the notice settings' Value cells,
 * so the formulas follow Settings changes live.
 */
import {NOTICE_NAMES, NOTICE_SETTING_OF, TAB} from '../workbook/schema';
import {Cell, isDate} from '../workbook/table';
import {existingNames, pointSettingNames, setName, settingCells} from '../workbook/money-names';
import {readSpan} from '../workbook/span';
import {
  bankHolidaysForYears,
  dateOfIso,
  FIRST_YEAR,
  isoOfDate,
  LAST_YEAR,
  Region,
} from '../domain/calendar';
import {Closure} from '../domain/records';
import {writeReportTab} from './report-tab';
import type {Settings} from '../workbook/settings';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Years the list covers: from the year before the earliest meeting to ten years after the later
 * of today and the last meeting, so a date an officer types for years ahead is still computed
 * with its holidays before the list is next refreshed (about 9 rows a year: cheap for WORKDAY).
 */
export function yearsInUse(meetingDates: readonly string[], today: string): [number, number] {
  const years = [...meetingDates, today].map(d => Number(d.slice(0, 4)));
  return [
    Math.max(FIRST_YEAR, Math.min(...years) - 1),
    Math.min(LAST_YEAR, Math.max(...years) + 10),
  ];
}

/** Every non-working day other than weekends: date → name. Bank holidays first, then closures. */
export function holidayMap(
  region: Region,
  years: [number, number],
  closures: readonly Closure[],
): Map<string, string> {
  const map = new Map<string, string>();
  for (const h of bankHolidaysForYears(region, years[0], years[1])) map.set(h.date, h.name);
  for (const c of closures) if (!map.has(c.date)) map.set(c.date, c.name);
  return map;
}

const NOTICE_WHO = 'the Meetings deadline formulas';

/**
 * Keeps the Holiday list tab and the names the deadline formulas read: when the tab already
 * holds these rows (read by its span, two calls) nothing is written, since Sheets keeps a named
 * range on its cells as rows move; otherwise, or when `rewrite` (set-up and repair), the tab is
 * written whole (one setValues) and Holidays_All and Notice_* are pointed again. Either way a
 * notice setting without its row stops with what to do. Service calls do not depend on the
 * number of holidays or meetings.
 */
export function refreshHolidayList(
  ss: Spreadsheet,
  region: Region,
  years: [number, number],
  closures: readonly Closure[],
  settings: Settings,
  rewrite = false,
): Map<string, string> {
  const map = holidayMap(region, years, closures);
  const bank = new Set(bankHolidaysForYears(region, years[0], years[1]).map(h => h.date));
  const entries = [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const source = (date: string) => (bank.has(date) ? `Bank holiday (${region})` : 'Holidays tab');
  settingCells(settings, NOTICE_SETTING_OF, NOTICE_WHO);
  if (!rewrite && listHolds(ss, entries, source)) return map;
  const rows: Cell[][] = entries.map(([date, name]) => [dateOfIso(date), name, source(date)]);
  const sheet = writeReportTab(ss, TAB.holidayList, rows);
  sheet.getRange(2, 1, rows.length, 1).setNumberFormat('yyyy-mm-dd');
  if (!sheet.isSheetHidden()) sheet.hideSheet();
  const existing = existingNames(ss);
  setName(ss, existing, NOTICE_NAMES.holidays, sheet.getRange(2, 1, rows.length, 1));
  pointNoticeNames(ss, existing, settings);
  return map;
}

/** Whether the Holiday list tab holds exactly these rows below its header (its span: two calls). */
function listHolds(
  ss: Spreadsheet,
  entries: readonly [string, string][],
  source: (date: string) => string,
): boolean {
  const grid = readSpan(ss, TAB.holidayList)?.grid.slice(1);
  if (!grid || grid.length !== entries.length) return false;
  return entries.every(([date, name], i) => {
    const [d, n, s] = grid[i];
    return isDate(d) && isoOfDate(d) === date && n === name && s === source(date);
  });
}

/**
 * Points Notice_* at the Value cells of their settings (found by name: rows may move), from the
 * settings the caller read, or reading them.
 */
export function pointNoticeNames(
  ss: Spreadsheet,
  existing = existingNames(ss),
  settings?: Settings,
): void {
  pointSettingNames(ss, existing, NOTICE_SETTING_OF, NOTICE_WHO, settings);
}
