/**
 * The change log: who changed which register cell, when, from what to what. Written by an
 * installable edit trigger (it runs with authorisation, so the event names the editor; the
 * simple onEdit must not try). The tabs are protected so only the program writes there; past a
 * limit, the oldest rows move to the archive tab in one batch.
 *
 * Per edit, five calls: the edited tab and its name, the rows from the header to the edit in
 * one read (for the row's key), the log and one appendRow. The limit is kept by a daily trigger
 * (and by a paste, which reads the log's end anyway), so a single edit never counts the log.
 *
 * Five is the floor while the edit check is the simple onEdit. The trigger is a run of its own
 * ("Installable triggers always run under the account of the person who created them":
 * developers.google.com/apps-script/guides/triggers/installable), so it shares nothing the check
 * read; and the check cannot hand the work over, since a simple trigger may not call services
 * that need authorisation (developers.google.com/apps-script/guides/triggers#restrictions) nor
 * tell, without reading something on every edit, that this trigger exists. The tab could be
 * known by its header row (as the check knows it), one call less, but a copy of a register tab
 * would then be logged under the register's name.
 */
import {SCHEMA, TAB, TabSpec} from '../workbook/schema';
import {Cell, isDate} from '../workbook/table';
import {isProgramBuilt} from '../workbook/setup';
import {parseA1, rectOfEvent, Rect, typedText} from '../workbook/onedit';
import {a1} from '../workbook/formulas';
import {isoOfDate} from '../domain/calendar';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const CHANGE_LOG_HANDLER = 'recordChange';
/** The daily trigger that moves the oldest rows to the archive. */
export const CHANGE_LOG_TRIM_HANDLER = 'trimChangeLog';
/** Rows the Change log keeps; past it the oldest quarter moves to the archive. */
export const CHANGE_LOG_LIMIT = 2000;
/** Cells of one paste logged one by one; a bigger paste is one summary row. */
export const CELLS_PER_EDIT = 200;
const WIDTH = 7;
const PROTECTION = 'Committee Clerk: the change log (only the program writes here)';

/** A register tab whose edits are logged: in the schema, kept by officers, not the log itself. */
export function loggedTab(name: string): TabSpec | null {
  const spec = SCHEMA.find(t => t.name === name);
  if (!spec || isProgramBuilt(spec)) return null;
  return spec;
}

/** A cell value as the log shows it: dates dd/mm/yyyy, times hh:mm, the rest as text. */
export function shown(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (isDate(v as Cell)) {
    const d = v as Date;
    if (d.getFullYear() < 1900)
      return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    const iso = isoOfDate(d);
    return `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  }
  return String(v);
}

/** The key of a sheet row from the header row and that row, e.g. "Ann Able" or "26/11/2026, Ann Able". */
export function rowKey(spec: TabSpec, headers: readonly Cell[], line: readonly Cell[]): string {
  const keys = spec.rowKey ?? [
    spec.columns.find(c => c.required)?.header ?? spec.columns[0].header,
  ];
  const heads = headers.map(h => String(h).trim());
  return keys
    .map(k => heads.indexOf(k))
    .filter(i => i >= 0)
    .map(i => shown(line[i]))
    .filter(Boolean)
    .join(', ');
}

export interface EditSeen {
  readonly when: Date;
  readonly who: string;
  readonly spec: TabSpec;
  readonly rect: Rect;
  /** Rows 1 to the last edited row, as read after the edit. */
  readonly grid: readonly (readonly Cell[])[];
  /** Given by Sheets for a single-cell edit only (a date as its serial: see oldShown). */
  readonly oldValue?: unknown;
}

/** The log rows of one edit. Pure. */
export function changeRows(e: EditSeen): Cell[][] {
  const {rect, grid, spec} = e;
  const cells = rect.numRows * rect.numCols;
  const single = cells === 1;
  const row = (r: number, cell: string, oldV: string, newV: string): Cell[] => [
    e.when,
    e.who,
    spec.name,
    cell,
    r === 1 ? '(header row)' : rowKey(spec, grid[0] ?? [], grid[r - 1] ?? []),
    oldV,
    newV,
  ];
  if (cells > CELLS_PER_EDIT) {
    const range = `${a1(rect.row, rect.col)}:${a1(rect.row + rect.numRows - 1, rect.col + rect.numCols - 1)}`;
    return [
      [e.when, e.who, spec.name, range, `${rect.numRows} rows`, '', `(${cells} cells pasted)`],
    ];
  }
  const out: Cell[][] = [];
  for (let r = rect.row; r < rect.row + rect.numRows; r++)
    for (let c = rect.col; c < rect.col + rect.numCols; c++) {
      const now = shown(grid[r - 1]?.[c - 1]);
      const before = single ? shown(e.oldValue) : '(not given for a paste)';
      if (single || now !== '') out.push(row(r, a1(r, c), before, now));
    }
  return out;
}

/** Logs one edit event (the installable trigger's work). Does nothing outside the registers. */
export function logEdit(
  ss: Spreadsheet,
  e: GoogleAppsScript.Events.SheetsOnEdit,
  when: Date,
): number {
  const sheet = e.range.getSheet();
  const spec = loggedTab(sheet.getName());
  if (!spec) return 0;
  const rect = rectOfEvent(e) ?? parseA1(e.range.getA1Notation());
  const bottom = rect.row + rect.numRows - 1;
  // Rows 1 to the edit, to the last column with content, in one call (Sheet.getSheetValues;
  // numColumns -1 reads to the last column: developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns).
  const grid = sheet.getSheetValues(1, 1, bottom, -1) as Cell[][];
  let who = '';
  try {
    who = e.user ? String(e.user.getEmail ? e.user.getEmail() : e.user) : '';
  } catch {
    who = '';
  }
  const rows = changeRows({when, who, spec, rect, grid, oldValue: oldShown(spec, grid, rect, e)});
  if (!rows.length) return 0;
  const log = ss.getSheetByName(TAB.changeLog);
  if (!log) return 0;
  if (rows.length === 1) {
    log.appendRow(rows[0]); // grows the tab when it is full
    return 1;
  }
  const end = log.getLastRow();
  const max = log.getMaxRows();
  if (end + rows.length > max) log.insertRowsAfter(max, end + rows.length - max);
  log.getRange(end + 1, 1, rows.length, WIDTH).setValues(rows);
  if (end + rows.length - 1 > CHANGE_LOG_LIMIT) archiveOldest(ss, log, end + rows.length);
  return rows.length;
}

/**
 * The old value as the cell showed it: e.oldValue is text, and Sheets gives a date as its serial
 * ("46327"), a time and a percentage as fractions, so they are shown by the edited column's type.
 */
function oldShown(
  spec: TabSpec,
  grid: readonly (readonly Cell[])[],
  rect: Rect,
  e: GoogleAppsScript.Events.SheetsOnEdit,
): string | undefined {
  if (e.oldValue === undefined) return undefined;
  const header = String(grid[0]?.[rect.col - 1] ?? '').trim();
  return typedText(
    spec.columns.find(c => c.header === header),
    e.oldValue,
  );
}

/** The daily trim: past the limit, the oldest rows move to the archive. Returns how many moved. */
export function trimLog(ss: Spreadsheet): number {
  const log = ss.getSheetByName(TAB.changeLog);
  if (!log) return 0;
  const last = log.getLastRow();
  return last - 1 > CHANGE_LOG_LIMIT ? archiveOldest(ss, log, last) : 0;
}

/** Moves the oldest rows to the archive so the log keeps three quarters of its limit. */
export function archiveOldest(
  ss: Spreadsheet,
  log: GoogleAppsScript.Spreadsheet.Sheet,
  lastRow: number,
): number {
  const move = lastRow - 1 - Math.floor((CHANGE_LOG_LIMIT * 3) / 4);
  if (move <= 0) return 0;
  const rows = log.getRange(2, 1, move, WIDTH).getValues();
  const archive = ss.getSheetByName(TAB.changeLogArchive) ?? ss.insertSheet(TAB.changeLogArchive);
  const end = Math.max(archive.getLastRow(), 1);
  const max = archive.getMaxRows();
  if (end + move > max) archive.insertRowsAfter(max, end + move - max);
  archive.getRange(end + 1, 1, move, WIDTH).setValues(rows);
  log.deleteRows(2, move);
  return move;
}

export function changeLogTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter(
    t =>
      (t.getHandlerFunction() === CHANGE_LOG_HANDLER && t.getTriggerSourceId() === ss.getId()) ||
      t.getHandlerFunction() === CHANGE_LOG_TRIM_HANDLER,
  );
}

/** One edit trigger (replacing any earlier one) and the log tabs protected: only the program (its installer) writes. */
export function switchOnChangeLog(ss: Spreadsheet): void {
  for (const t of changeLogTriggers(ss)) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger(CHANGE_LOG_HANDLER).forSpreadsheet(ss).onEdit().create();
  ScriptApp.newTrigger(CHANGE_LOG_TRIM_HANDLER).timeBased().everyDays(1).atHour(2).create();
  for (const name of [TAB.changeLog, TAB.changeLogArchive]) {
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    const done = sheet
      .getProtections(SpreadsheetApp.ProtectionType.SHEET)
      .some(p => p.getDescription() === PROTECTION);
    if (done) continue;
    const p = sheet.protect().setDescription(PROTECTION);
    p.removeEditors(p.getEditors());
    if (p.canDomainEdit()) p.setDomainEdit(false);
  }
}

export function switchOffChangeLog(ss: Spreadsheet): number {
  const ts = changeLogTriggers(ss);
  for (const t of ts) ScriptApp.deleteTrigger(t);
  return ts.filter(t => t.getHandlerFunction() === CHANGE_LOG_HANDLER).length;
}
