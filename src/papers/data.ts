/**
 * Reads the tabs papers need into plain typed records: each tab with one getDataRange().getValues()
 * (three service calls: getSheetByName, getDataRange, getValues), columns found by header.
 */
import {TAB, tabSpec} from '../workbook/schema';
import {Cell, Typed, WorkbookError, headerIndex, isDate, typedRow} from '../workbook/table';
import {parseClock} from '../workbook/settings';
import {clockText} from './dates';

export interface Meeting {
  readonly row: number;
  readonly date: Date | null;
  /** "10:00" or ''. */
  readonly start: string;
  readonly end: string;
  readonly venue: string;
  readonly type: string;
  readonly status: string;
  readonly reportDeadline: Date | null;
  readonly despatchBy: Date | null;
  readonly notes: string;
}

export interface AgendaItem {
  readonly row: number;
  readonly date: Date | null;
  readonly itemNo: number | null;
  readonly section: string;
  readonly title: string;
  readonly purpose: string;
  readonly lead: string;
  readonly keyRef: string;
  readonly paperStatus: string;
  readonly confidential: boolean;
  readonly standing: boolean;
  readonly link: string;
  readonly notes: string;
}

export interface Member {
  readonly row: number;
  readonly name: string;
  readonly organisation: string;
  readonly role: string;
  readonly email: string;
  readonly phone: string;
  readonly status: string;
}

export interface AttendanceRecord {
  readonly date: Date | null;
  readonly member: string;
  readonly attendance: string;
  readonly substitute: string;
  readonly declarations: string;
}

export interface ActionRecord {
  readonly row: number;
  readonly date: Date | null;
  readonly minute: string;
  readonly report: string;
  readonly by: string;
  readonly action: string;
  readonly comments: string;
  readonly status: string;
  readonly review: Date | null;
  readonly closed: Date | null;
}

export interface ContractRecord {
  readonly reference: string;
  readonly provider: string;
  readonly title: string;
  readonly lot: string;
  readonly funding: string;
  readonly annualValue: number;
  readonly start: Date | null;
  readonly end: Date | null;
  readonly status: string;
}

export interface CashFlowRecord {
  readonly period: string;
  readonly net: number;
  readonly cumulative: number;
}

/** One tab as typed rows (schema columns by header) plus the sheet, for writing back. */
export interface TabRows {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly headers: string[];
  readonly index: ReadonlyMap<string, number>;
  readonly grid: Cell[][];
  readonly rows: {readonly row: number; readonly v: Record<string, Typed>}[];
}

/** Reads a tab with one getValues. `sheet` may be passed when the caller already holds it. */
export function readTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  sheet?: GoogleAppsScript.Spreadsheet.Sheet,
): TabRows {
  const sh = sheet ?? ss.getSheetByName(name);
  if (!sh)
    throw new WorkbookError(
      `The "${name}" tab is missing. Run Committee > Set up or repair workbook to add it.`,
    );
  return tabRowsFromGrid(name, sh, sh.getDataRange().getValues() as Cell[][]);
}

export function tabRowsFromGrid(
  name: string,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  grid: Cell[][],
): TabRows {
  const spec = tabSpec(name);
  const headers = (grid[0] ?? []).map(h => String(h).trim());
  const index = headerIndex(spec, headers);
  const rows: TabRows['rows'] = [];
  for (let r = 1; r < grid.length; r++) {
    const raw = grid[r];
    if (raw.every(c => c === '' || c === null)) continue;
    rows.push({row: r + 1, v: typedRow(spec, index, raw)});
  }
  return {sheet, headers, index, grid, rows};
}

const str = (v: Typed): string =>
  v === null
    ? ''
    : Array.isArray(v)
      ? v.join('; ')
      : isDate(v)
        ? v.toISOString()
        : String(v).trim();
const date = (v: Typed): Date | null => (isDate(v) ? v : null);
const num = (v: Typed): number => (typeof v === 'number' ? v : 0);

/**
 * A time cell as "HH:mm". Sheets returns a time-only cell as a Date on 30 December 1899 in the
 * spreadsheet's zone; the script runs in the same zone (manifest timeZone), so getHours and
 * getMinutes read it back exactly as typed (as settings.ts does), with no service call per row.
 */
function timeText(v: Typed): string {
  if (v === null) return '';
  if (isDate(v)) return clockText(v.getHours() * 60 + v.getMinutes());
  if (typeof v === 'number' && v >= 0 && v < 1) return clockText(Math.round(v * 1440));
  const m = parseClock(String(v));
  return m === null ? String(v) : clockText(m);
}

export function meetingsOf(t: TabRows): Meeting[] {
  return t.rows.map(({row, v}) => ({
    row,
    date: date(v['Meeting date']),
    start: timeText(v['Start time']),
    end: timeText(v['End time']),
    venue: str(v['Venue']),
    type: str(v['Type']),
    status: str(v['Status']),
    reportDeadline: date(v['Report deadline']),
    despatchBy: date(v['Papers despatch by']),
    notes: str(v['Notes']),
  }));
}

export function agendaOf(t: TabRows): AgendaItem[] {
  return t.rows.map(({row, v}) => ({
    row,
    date: date(v['Meeting date']),
    itemNo: typeof v['Item no.'] === 'number' ? (v['Item no.'] as number) : null,
    section: str(v['Section']),
    title: str(v['Title']),
    purpose: str(v['Purpose']),
    lead: str(v['Lead officer']),
    keyRef: str(v['Key decision ref']),
    paperStatus: str(v['Paper status']),
    confidential: v['Confidential'] === true,
    standing: v['Standing item'] === true,
    link: str(v['Paper link']),
    notes: str(v['Notes']),
  }));
}

export function membersOf(t: TabRows): Member[] {
  return t.rows.map(({row, v}) => ({
    row,
    name: str(v['Name']),
    organisation: str(v['Organisation']),
    role: str(v['Role']),
    email: str(v['Email']),
    phone: str(v['Phone']),
    status: str(v['Status']),
  }));
}

export function attendanceOf(t: TabRows): AttendanceRecord[] {
  return t.rows.map(({v}) => ({
    date: date(v['Meeting date']),
    member: str(v['Member']),
    attendance: str(v['Attendance']),
    substitute: str(v['Substitute']),
    declarations: str(v['Declarations of interest']),
  }));
}

export function actionsOf(t: TabRows): ActionRecord[] {
  return t.rows.map(({row, v}) => ({
    row,
    date: date(v['Meeting date']),
    minute: str(v['Minute no.']),
    report: str(v['Report title']),
    by: str(v['Action to be taken by']),
    action: str(v['Action']),
    comments: str(v['Comments']),
    status: str(v['Status']),
    review: date(v['Review date']),
    closed: date(v['Date closed']),
  }));
}

export function contractsOf(t: TabRows): ContractRecord[] {
  return t.rows.map(({v}) => ({
    reference: str(v['Reference']),
    provider: str(v['Provider']),
    title: str(v['Contract/grant']),
    lot: str(v['Lot']),
    funding: str(v['Funding type']),
    annualValue: num(v['Annual value']),
    start: date(v['Start date']),
    end: date(v['End date']),
    status: str(v['Status']),
  }));
}

export function cashFlowOf(t: TabRows): CashFlowRecord[] {
  return t.rows.map(({v}) => ({
    period: str(v['Period']),
    net: num(v['Net cash flow']),
    cumulative: num(v['Cumulative cash flow']),
  }));
}

/**
 * The calendar day of a date cell as a number, without a service call. Sheets returns date
 * cells at local midnight of the workbook zone; adding 12 hours before flooring to a UTC day
 * gives that local day for any zone within ±12 hours of UTC.
 */
export function dayKey(d: Date): number {
  return Math.floor((d.getTime() + 12 * 3600e3) / 86400e3);
}

export const TABS = TAB;
