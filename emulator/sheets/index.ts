/**
 * The Sheets side of the offline Workspace emulator. Hosts (the clerk CLI, tests) use:
 * - newWorkbookModel / loadXlsx / saveXlsx: the workbook and its file;
 * - createSpreadsheetApp: the global SpreadsheetApp a script sees (every call counted);
 * - userEdit: a person typing or pasting (validation rejects, onEdit event values);
 * - setActiveRange: what `--select 'Tab!A1'` selects;
 * - getComputed: computed values and display text for `clerk get`.
 */
import {Book} from './book';
import {readComputed} from './cells';
import type {WorkbookModel} from './model';

export {newWorkbookModel, findSheet} from './model';
export type {WorkbookModel, SheetModel, CellMeta, ValidationSpec} from './model';
export {loadXlsx, saveXlsx} from './xlsx';
export {createSpreadsheetApp, createChartsService} from './app';
export type {SheetsHost} from './book';
export {userEdit, setActiveRange, EditRejected} from './user-edit';
export type {UserEditResult} from './user-edit';
export {parseTypedInput} from './typed-input';
export type {TypedValue} from './typed-input';
export {formatValue, isDateFormat} from './format';
export {parseA1, columnToLetters, rectToA1} from './a1';
export {unwrap} from './expose';

/**
 * Computed values (numbers, strings, booleans, Dates for date-formatted cells) and the
 * display text of a range such as 'Tab!A1:D9' (open-ended forms allowed). Throws
 * "Range not found" for an unknown tab or a malformed reference.
 */
export function getComputed(
  model: WorkbookModel,
  a1: string,
): {values: unknown[][]; display: string[][]} {
  const book = new Book({} as Book['ctx'], model, {});
  const {sheet, rect} = book.resolveA1(a1);
  return readComputed(model, sheet, rect);
}
