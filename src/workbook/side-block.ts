/**
 * A labelled block of summary formulas beside a table (Cash flow summary, Lots totals): labels
 * in one column, values in the next, a title in row 1. It sits two columns right of the last
 * header so it never collides with the table, and is found again by its title on repair.
 * Every value cell gets a named range, which is what the Dashboard reads.
 */
import {Cell} from './table';
import {columnLetter} from './formulas';
import {NameMap, setName} from './money-names';

export interface BlockRow {
  readonly label: string;
  /** A formula (text starting "="); `{value:N}` is replaced by the A1 of the value cell of row N (1-based within the block rows). */
  readonly formula: string;
  readonly format?: string;
  /** Named range over the value cell. */
  readonly name?: string;
}

function textless(format: string | undefined): string {
  return !format || format === '@' ? 'General' : format;
}

/** Resolves `{value:N}` references between block rows. Pure. */
export function resolveBlock(
  rows: readonly BlockRow[],
  valueColumn: number,
  firstRow: number,
): string[] {
  const letter = columnLetter(valueColumn);
  return rows.map(r =>
    r.formula.replace(
      /\{value:(\d+)\}/g,
      (_m, n: string) => `${letter}${firstRow + Number(n) - 1}`,
    ),
  );
}

/** Where the block's label column is: where its title already is, else two columns right of the last header. Pure. */
export function blockColumn(headerRow: readonly Cell[], title: string): number {
  const at = headerRow.findIndex(h => String(h).trim() === title);
  if (at >= 0) return at + 1;
  let last = 0;
  headerRow.forEach((h, i) => {
    if (String(h).trim() !== '') last = i + 1;
  });
  return last + 2;
}

/**
 * Writes the block (one setValues for labels and formulas, one setNumberFormats, bold title)
 * and names the value cells. Returns the A1 of each value cell.
 */
export function writeSideBlock(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  title: string,
  rows: readonly BlockRow[],
  names: NameMap,
): string[] {
  const lastCol = Math.max(sheet.getLastColumn(), 1);
  const headerRow = sheet.getRange(1, 1, 1, lastCol).getValues()[0] as Cell[];
  const labelCol = blockColumn(headerRow, title);
  const valueCol = labelCol + 1;
  if (valueCol > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), valueCol - sheet.getMaxColumns());
  const formulas = resolveBlock(rows, valueCol, 2);
  const grid: Cell[][] = [[title, ''], ...rows.map((r, i) => [r.label, formulas[i]] as Cell[])];
  const range = sheet.getRange(1, labelCol, grid.length, 2);
  // Formats first, and never plain text ('@') on a formula cell: Sheets keeps a formula typed into a plain-text cell as text.
  range.setNumberFormats(
    grid.map((_line, i) => ['@', i === 0 ? '@' : textless(rows[i - 1].format)]),
  );
  range.setValues(grid);
  sheet.getRange(1, labelCol, 1, 2).setFontWeight('bold');
  sheet.setColumnWidth(labelCol, 220);
  sheet.setColumnWidth(valueCol, 170);
  protectBlock(sheet, range, title);
  const cells = rows.map((_r, i) => `${columnLetter(valueCol)}${i + 2}`);
  rows.forEach((r, i) => {
    if (r.name) setName(ss, names, r.name, sheet.getRange(cells[i]));
  });
  return cells;
}

/** A warning-only protection over the block (made once; found again by its description). */
function protectBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
  title: string,
): void {
  const description = `Committee Clerk: ${title} (formulas written by the program)`;
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .find(p => p.getDescription() === description);
  if (existing) existing.setRange(range);
  else range.protect().setDescription(description).setWarningOnly(true);
}
