/**
 * A1 notation as Apps Script accepts it: 'A1', 'A1:B2', open-ended 'B5:B', whole columns
 * 'B:D', whole rows '5:7', optional '$' and an optional sheet prefix ('Cash flow'!A1).
 * Pure functions: no HyperFormula, no Apps Script objects.
 */

/** A rectangle on one sheet, 1-based like Apps Script. */
export interface GridRect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** A reference before the sheet size is known: undefined ends are open (to the last row/column). */
export interface A1Ref {
  sheetName?: string;
  startRow?: number;
  startCol?: number;
  endRow?: number;
  endCol?: number;
}

export function columnToLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Quotes a sheet name for a formula or A1 reference when Sheets would ('Cash flow'!A1). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "'Cash flow'!A1:B2" into the sheet name and the range part. */
export function splitSheet(a1: string): {sheetName?: string; part: string} {
  const text = a1.trim();
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(text);
  if (quoted) return {sheetName: quoted[1].replace(/''/g, "'"), part: quoted[2]};
  const bang = text.lastIndexOf('!');
  if (bang > 0) return {sheetName: text.slice(0, bang), part: text.slice(bang + 1)};
  return {part: text};
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Parses an A1 reference; returns undefined when it is not one (the caller says "Range not found"). */
export function parseA1(a1: string): A1Ref | undefined {
  const {sheetName, part} = splitSheet(a1);
  const [a, b, extra] = part.split(':');
  if (extra !== undefined || !a) return undefined;
  const start = parseEnd(a);
  if (!start) return undefined;
  if (b === undefined) {
    // A single cell only; 'B' or '5' alone are not ranges.
    if (start.row === undefined || start.col === undefined) return undefined;
    return {
      sheetName,
      startRow: start.row,
      startCol: start.col,
      endRow: start.row,
      endCol: start.col,
    };
  }
  const end = parseEnd(b);
  if (!end) return undefined;
  const ref: A1Ref = {sheetName};
  if (start.col !== undefined && start.row !== undefined) {
    // 'A1:B2', open-ended 'B5:B' (to the last row) and 'A5:5' (to the last column).
    ref.startRow = start.row;
    ref.startCol = start.col;
    ref.endRow = end.row;
    ref.endCol = end.col;
    if (end.row === undefined && end.col === undefined) return undefined;
  } else if (start.col !== undefined) {
    // 'B:D' or 'B:D9' (from row 1).
    if (end.col === undefined) return undefined;
    ref.startRow = 1;
    ref.startCol = start.col;
    ref.endCol = end.col;
    ref.endRow = end.row;
  } else {
    // '5:7'
    if (end.row === undefined || end.col !== undefined) return undefined;
    ref.startRow = start.row;
    ref.startCol = 1;
    ref.endRow = end.row;
  }
  return ref;
}

/** Absolute R1C1 ranges as getRange accepts them: 'R5C3', 'R1C1:R2C4', with an optional sheet. */
export function parseR1C1(a1: string): A1Ref | undefined {
  const {sheetName, part} = splitSheet(a1);
  const m = /^R(\d+)C(\d+)(?::R(\d+)C(\d+))?$/i.exec(part.trim());
  if (!m) return undefined;
  const [r1, c1] = [Number(m[1]), Number(m[2])];
  const [r2, c2] = m[3] ? [Number(m[3]), Number(m[4])] : [r1, c1];
  return {sheetName, startRow: r1, startCol: c1, endRow: r2, endCol: c2};
}

function parseEnd(s: string): {row?: number; col?: number} | undefined {
  let m = CELL.exec(s);
  if (m) return {col: lettersToColumn(m[1]), row: Number(m[2])};
  m = COL.exec(s);
  if (m) return {col: lettersToColumn(m[1])};
  m = ROW.exec(s);
  if (m) return {row: Number(m[1])};
  return undefined;
}

/** Resolves open ends against the sheet size; normalises reversed corners ('B2:A1'). */
export function resolveRef(ref: A1Ref, maxRows: number, maxCols: number): GridRect {
  const r1 = ref.startRow ?? 1;
  const c1 = ref.startCol ?? 1;
  const r2 = ref.endRow ?? maxRows;
  const c2 = ref.endCol ?? maxCols;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return {row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1};
}

/** 'A1' for one cell, 'A1:B2' otherwise, as Range.getA1Notation() gives. */
export function rectToA1(r: GridRect): string {
  const a = `${columnToLetters(r.col)}${r.row}`;
  if (r.numRows === 1 && r.numCols === 1) return a;
  return `${a}:${columnToLetters(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

/** Absolute form for formulas and named ranges: 'Tab'!$A$1:$B$2. */
export function rectToAbsolute(sheetName: string, r: GridRect): string {
  const a = `$${columnToLetters(r.col)}$${r.row}`;
  const b = `$${columnToLetters(r.col + r.numCols - 1)}$${r.row + r.numRows - 1}`;
  return `${quoteSheetName(sheetName)}!${a}:${b}`;
}

export function rectContains(r: GridRect, row: number, col: number): boolean {
  return row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols;
}

/**
 * Moves a rectangle after rows (or columns) are inserted or deleted, as Sheets moves the
 * ranges of rules and protections. Returns undefined when the rectangle is deleted entirely.
 * `at` is the first affected 1-based index; `count` > 0 inserts, < 0 deletes.
 */
export function shiftRect(
  r: GridRect,
  axis: 'row' | 'col',
  at: number,
  count: number,
): GridRect | undefined {
  const start = axis === 'row' ? r.row : r.col;
  const size = axis === 'row' ? r.numRows : r.numCols;
  let s = start;
  let n = size;
  if (count > 0) {
    if (at <= start) s = start + count;
    else if (at < start + size) n = size + count;
  } else {
    const delEnd = at - count; // exclusive
    const end = start + size; // exclusive
    const overlap = Math.max(0, Math.min(end, delEnd) - Math.max(start, at));
    n = size - overlap;
    if (n <= 0) return undefined;
    if (at < start) s = start - (Math.min(delEnd, start) - at);
  }
  return axis === 'row' ? {...r, row: s, numRows: n} : {...r, col: s, numCols: n};
}
