/**
 * Set-up of the money side: named ranges over the registers and settings, the Cash flow
 * summary, the Lots totals, the conditional formats. Idempotent. Called after the workbook's
 * set-up (the schema's formula columns are written there) and by Refresh dashboard when the
 * names are missing.
 */
import {existingNames, pointMoneyNames} from './money-names';
import {setUpCashFlow} from './cashflow';
import {setUpLots} from './lots';
import type {Layout} from './setup';

/** `layout`: what set-up has just found and read, so it is not found or read again. */
export function setUpMoney(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, layout?: Layout): void {
  const names = existingNames(ss);
  pointMoneyNames(ss, names, layout);
  setUpCashFlow(ss, names, layout);
  setUpLots(ss, names, layout);
}
