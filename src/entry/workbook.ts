// Entry points for the workbook features: top-level functions the menu and triggers call.

/** Simple trigger: validation as people type. Must not call services that need authorisation. */
export function onEdit(_e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Arrives with the workbook issue.
}

export function setUpWorkbook(): void {
  SpreadsheetApp.getActiveSpreadsheet().toast('Set-up arrives with the workbook issue.');
}
