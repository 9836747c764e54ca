/**
 * A tab read by its span: Spreadsheet.getRange("'Tab'!A1:Z") and one getValues, two service
 * calls where getSheetByName, getDataRange and getValues make three. The Sheet is not needed to
 * read, so it is found only when a caller asks for it (Range.getSheet, one call), and a write
 * back goes through the span's range (Range.offset, one call, as Sheet.getRange would be).
 * SpreadsheetApp has no one-call read of several tabs: a RangeList is "a collection of one or
 * more Range instances in the same sheet"
 * (developers.google.com/apps-script/reference/spreadsheet/range-list).
 */
import {Cell, getTab} from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Where a tab that was read can be written: its Sheet (when asked) and cells by position. */
export interface WriteBack {
  /** The tab's Sheet: found on the first call (one service call), none when already held. */
  readonly sheet: () => Sheet;
  /** The cells from a row and column of the tab (1-based), for a write: one service call. */
  readonly cells: (row: number, col: number, numRows: number, numCols: number) => Range;
}

/** A tab's grid as read (row 1 first) and where to write back. */
export interface TabRead extends WriteBack {
  readonly grid: Cell[][];
}

/** The columns a span read covers: A to Z, every row (to the sheet's last). */
export const SPAN = 'A1:Z';

/** A tab's name as A1 notation quotes it: 'Mailing list'!A1:Z, an apostrophe doubled. */
export function quotedTab(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const filled = (v: Cell) => v !== '' && v !== null && v !== undefined;

/**
 * The grid without its empty rows and columns at the end, as getDataRange would have read it
 * (at least one cell; a cell whose formula shows nothing counts as empty here).
 */
export function trimGrid(grid: readonly (readonly Cell[])[]): Cell[][] {
  let rows = grid.length;
  while (rows > 1 && !grid[rows - 1].some(filled)) rows--;
  let cols = 1;
  for (let r = 0; r < rows; r++)
    for (let c = grid[r].length; c > cols; c--)
      if (filled(grid[r][c - 1])) {
        cols = c;
        break;
      }
  return grid.slice(0, Math.max(rows, 1)).map(line => {
    const out = line.slice(0, cols);
    while (out.length < cols) out.push('');
    return out;
  });
}

/**
 * The cells of a tab's span (two calls), trimmed as getDataRange would have read them; null
 * when Apps Script refuses the range: no such tab ("Range not found"), or a tab with fewer
 * columns than the span. Callers fall back to readWhole, which says what is wrong.
 */
export function readSpan(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: string,
): TabRead | null {
  let range: Range;
  let grid: Cell[][];
  try {
    range = ss.getRange(`${quotedTab(tab)}!${SPAN}`);
    grid = trimGrid(range.getValues() as Cell[][]);
  } catch {
    return null;
  }
  let sheet: Sheet | undefined;
  return {
    grid,
    sheet: () => (sheet ??= range.getSheet()),
    cells: (r, c, n, w) => range.offset(r - 1, c - 1, n, w),
  };
}

/** A sheet already in hand read whole: getDataRange and getValues (two calls). */
export function readWhole(sheet: Sheet): TabRead {
  return {
    grid: sheet.getDataRange().getValues() as Cell[][],
    sheet: () => sheet,
    cells: (r, c, n, w) => sheet.getRange(r, c, n, w),
  };
}

/**
 * A tab read in two calls: by its span when its first row holds every header in `needs`, else
 * whole (the span was refused, for a missing tab or one narrower than A:Z, or a needed header
 * is past Z or missing, which the caller then names). A missing tab is null when `optional`,
 * else getTab's message. `sheet`, when the caller already holds it, is read whole.
 */
export function readTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: string,
  needs: readonly string[],
  optional = false,
  sheet?: Sheet,
): TabRead | null {
  const span = sheet ? null : readSpan(ss, tab);
  if (span) {
    const heads = new Set(span.grid[0].map(h => String(h).trim()));
    if (needs.every(h => heads.has(h))) return span;
  }
  // Only asking by name tells a missing tab from a narrow one, and says so in the message.
  const sh = sheet ?? (optional && !span ? ss.getSheetByName(tab) : getTab(ss, tab));
  return sh ? readWhole(sh) : null;
}
