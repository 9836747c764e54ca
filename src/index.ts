/**
 * Entry points: the only globals Apps Script sees. Every function exported here (or
 * re-exported from src/entry/) becomes a top-level function declaration in dist/Code.js.
 */
import {buildMenu} from './menu';

export * from './entry/workbook';
export * from './entry/governance';
export * from './entry/papers';
export * from './entry/money';
export * from './entry/web';
// Private (the trailing "_"): the build calls it before each other entry point (src/entry/guard.ts).
export {checkCaller as checkCaller_} from './entry/guard';

/** Simple trigger: adds the Committee menu, even on a blank spreadsheet. No authorised services. */
export function onOpen(): void {
  buildMenu(SpreadsheetApp.getUi());
}
