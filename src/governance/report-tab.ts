/**
 * Writes a program-built tab whole: the schema's headers and the rows in ONE setValues, so the
 * number of service calls does not grow with the number of rows.
 */
import {tabSpec} from '../workbook/schema';
import {Cell} from '../workbook/table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function writeReportTab(
  ss: Spreadsheet,
  name: string,
  rows: readonly Cell[][],
): GoogleAppsScript.Spreadsheet.Sheet {
  const spec = tabSpec(name);
  const headers = spec.columns.map(c => c.header);
  const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
  const width = headers.length;
  const grid: Cell[][] = [
    headers,
    ...rows.map(r => headers.map((_h, i) => (r[i] === undefined || r[i] === null ? '' : r[i]))),
  ];
  // Clear what the last run left (it may have been longer), then write everything at once.
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow > 0 && lastCol > 0)
    sheet.getRange(1, 1, lastRow, Math.max(lastCol, width)).clearContent();
  // A range may not run past the sheet's last row: grow the tab first (one call, only when needed).
  const maxRows = sheet.getMaxRows();
  if (grid.length > maxRows) sheet.insertRowsAfter(maxRows, grid.length - maxRows);
  sheet.getRange(1, 1, grid.length, width).setValues(grid);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  return sheet;
}
