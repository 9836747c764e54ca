/**
 * Entry points: the only globals Apps Script sees. Each is a top-level function in dist/Code.js.
 */

export function onOpen(): void {
  SpreadsheetApp.getUi().createMenu('Committee').addItem('Set up or repair workbook', 'setUpWorkbook').addToUi();
}

export function onEdit(_e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Validation as people type arrives with the workbook issue.
}

export function setUpWorkbook(): void {
  SpreadsheetApp.getActiveSpreadsheet().toast('Set-up arrives with the workbook issue.');
}
