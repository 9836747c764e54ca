/**
 * Typed access to a tab by header: one getValues to read, one setValues to write back.
 * Columns are found by header text, so officers may reorder columns or add their own;
 * unknown columns are carried through untouched.
 */
import {ColumnSpec, TabSpec, tabSpec} from './schema';

export type Cell = string | number | boolean | Date;
/** A typed value: Date for date/time, number for number/money/percent, string[] for multi, boolean for bool, null when empty. */
export type Typed = string | number | boolean | Date | string[] | null;

export interface Row {
  /** 1-based sheet row number. */
  readonly row: number;
  /** Typed values of the schema's columns, by header (null when empty). */
  readonly values: Record<string, Typed>;
  /** The raw cell values of the whole row as read (extra columns included). */
  readonly raw: Cell[];
}

export interface Table {
  readonly spec: TabSpec;
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly headers: string[];
  /** 0-based position of each header found (schema columns and extra ones). */
  readonly index: ReadonlyMap<string, number>;
  readonly rows: Row[];
}

/** A problem the officer must fix before the program can read a tab. */
export class WorkbookError extends Error {}

export function getTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet)
    throw new WorkbookError(
      `The "${name}" tab is missing. Run Committee > Set up or repair workbook to add it.`,
    );
  return sheet;
}

/**
 * Reads a tab into typed rows with one getValues. Rows blank in every schema column are skipped
 * (empty rows, and rows of summary blocks the program keeps beside a table). A missing required
 * header stops with a message naming the tab and header, never a misread column.
 */
export function readTable(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): Table {
  const spec = tabSpec(name);
  const sheet = getTab(ss, name);
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  const grid: Cell[][] =
    lastRow >= 1 && lastCol >= 1
      ? (sheet.getRange(1, 1, lastRow, lastCol).getValues() as Cell[][])
      : [[]];
  const headers = (grid[0] ?? []).map(h => String(h).trim());
  const index = headerIndex(spec, headers);
  const rows: Row[] = [];
  const schemaCols = spec.columns
    .map(c => index.get(c.header))
    .filter((i): i is number => i !== undefined);
  for (let r = 1; r < grid.length; r++) {
    const raw = grid[r];
    // Blank in the schema's columns: an empty row, or a row of a summary block beside the table.
    if (schemaCols.every(i => raw[i] === '' || raw[i] === null || raw[i] === undefined)) continue;
    rows.push({row: r + 1, raw, values: typedRow(spec, index, raw)});
  }
  return {spec, sheet, headers, index, rows};
}

/** Where each header is (its first occurrence, 0-based). */
export function headerPositions(headers: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  return index;
}

/** Where each header is; throws when a required header is missing. */
export function headerIndex(spec: TabSpec, headers: readonly string[]): Map<string, number> {
  const index = headerPositions(headers);
  for (const c of spec.columns) {
    if (c.required && !index.has(c.header)) {
      throw new WorkbookError(
        `The "${spec.name}" tab has no "${c.header}" column. Put the header back in row 1 or run Committee > Set up or repair workbook.`,
      );
    }
  }
  return index;
}

export function typedRow(
  spec: TabSpec,
  index: ReadonlyMap<string, number>,
  raw: readonly Cell[],
): Record<string, Typed> {
  const values: Record<string, Typed> = {};
  for (const c of spec.columns) {
    const i = index.get(c.header);
    values[c.header] = i === undefined ? null : toTyped(c, raw[i]);
  }
  return values;
}

/** Converts a stored cell value to its column's type; a value of the wrong type is kept as text. */
export function toTyped(col: ColumnSpec, v: Cell | undefined): Typed {
  if (v === undefined || v === null || v === '') return null;
  switch (col.type) {
    case 'date':
    case 'time':
      return isDate(v) ? v : String(v);
    case 'number':
    case 'money':
    case 'percent':
      return typeof v === 'number' ? v : String(v);
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (/^(yes|true)$/i.test(String(v).trim())) return true;
      if (/^(no|false)$/i.test(String(v).trim())) return false;
      return String(v);
    case 'multi':
      return String(v)
        .split(/\s*;\s*/)
        .filter(Boolean);
    default:
      return isDate(v) ? v : String(v);
  }
}

/** Cross-realm safe Date test (values may come from another realm in tests). */
export function isDate(v: unknown): v is Date {
  return (
    Object.prototype.toString.call(v) === '[object Date]' && !Number.isNaN((v as Date).getTime())
  );
}

/**
 * Writes the given columns of rows back in one setValues over the rows' span, keeping every
 * other cell (extra columns, formulas in untouched columns are re-read as values: so only
 * pass columns that hold plain values). `rows` must come from `readTable` on the same tab.
 */
export function writeColumns(
  table: Table,
  rows: readonly Row[],
  headers: readonly string[],
  value: (row: Row, header: string) => Cell,
): void {
  if (!rows.length) return;
  const cols = headers.map(h => {
    const i = table.index.get(h);
    if (i === undefined)
      throw new WorkbookError(`The "${table.spec.name}" tab has no "${h}" column.`);
    return i;
  });
  const first = Math.min(...rows.map(r => r.row));
  const last = Math.max(...rows.map(r => r.row));
  const c0 = Math.min(...cols);
  const c1 = Math.max(...cols);
  const byRow = new Map(table.rows.map(r => [r.row, r]));
  const grid: Cell[][] = [];
  for (let r = first; r <= last; r++) {
    const existing = byRow.get(r);
    const line: Cell[] = [];
    for (let c = c0; c <= c1; c++) line.push(existing?.raw[c] ?? '');
    grid.push(line);
  }
  for (const row of rows) {
    headers.forEach((h, k) => {
      grid[row.row - first][cols[k] - c0] = value(row, h);
    });
  }
  table.sheet.getRange(first, c0 + 1, grid.length, c1 - c0 + 1).setValues(grid);
}

/**
 * A string written with setValues stays the same string: Sheets parses written strings as if
 * typed, so text that looks like a number, date, formula or TRUE gets a leading apostrophe
 * (which Sheets hides and which forces text).
 */
/** Columns set-up formats as plain text ('@'): Sheets keeps what is typed or written there as text. */
export function isPlainTextColumn(col: ColumnSpec | undefined): boolean {
  return !!col && !col.formula && ['text', 'email', 'list', 'multi', 'bool'].includes(col.type);
}

/** A value for setValues into a column: plain-text columns take it as it is, others through keepAsText. */
export function forColumn(col: ColumnSpec | undefined, v: Cell | null | undefined): Cell {
  if (v === undefined || v === null) return '';
  return isPlainTextColumn(col) ? v : keepAsText(v);
}

export function keepAsText(v: Cell | null | undefined): Cell {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' && /^([=+\-'£$€.]|\d|(true|false)$)/i.test(v)) return `'${v}`;
  return v;
}

/**
 * Appends records (values by header) after the last row with one setValues. Formula columns get
 * their formula; headers not on the tab are refused by name; text stays text (forColumn).
 * Numbers written into date columns are date serials. Returns the first row written.
 */
export function appendRecords(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  records: readonly Readonly<Record<string, Cell>>[],
  formula: (
    spec: TabSpec,
    header: string,
    row: number,
    index: ReadonlyMap<string, number>,
  ) => string,
): number {
  const spec = tabSpec(name);
  const sheet = getTab(ss, name);
  const lastCol = sheet.getLastColumn();
  const headers = lastCol
    ? (sheet.getRange(1, 1, 1, lastCol).getValues()[0] as Cell[]).map(h => String(h).trim())
    : [];
  const index = headerIndex(spec, headers);
  const first = lastTableRow(sheet, spec, index) + 1;
  if (!records.length) return first;
  for (const rec of records) {
    for (const h of Object.keys(rec)) {
      if (!index.has(h))
        throw new WorkbookError(`The "${name}" tab has no "${h}" column to write to.`);
    }
  }
  const formulaCols = spec.columns.filter(c => c.formula && index.has(c.header));
  const rows = records.map((rec, k) => {
    const line: Cell[] = headers.map(h =>
      forColumn(
        spec.columns.find(c => c.header === h),
        rec[h],
      ),
    );
    for (const c of formulaCols)
      line[index.get(c.header) as number] = formula(spec, c.header, first + k, index);
    return line;
  });
  sheet.getRange(first, 1, rows.length, headers.length).setValues(rows);
  return first;
}

/**
 * The last row with a value in any of the schema's columns (1 when the table is empty): not
 * getLastRow(), which also counts summary blocks beside the table. One read of those columns.
 */
export function lastTableRow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  spec: TabSpec,
  index: ReadonlyMap<string, number>,
): number {
  const last = sheet.getLastRow();
  if (last < 2) return 1;
  const cols = spec.columns
    .map(c => index.get(c.header))
    .filter((i): i is number => i !== undefined);
  if (!cols.length) return 1;
  const c0 = Math.min(...cols);
  const c1 = Math.max(...cols);
  const grid = sheet.getRange(2, c0 + 1, last - 1, c1 - c0 + 1).getValues() as Cell[][];
  for (let r = grid.length - 1; r >= 0; r--) {
    if (cols.some(c => grid[r][c - c0] !== '' && grid[r][c - c0] !== null)) return r + 2;
  }
  return 1;
}
