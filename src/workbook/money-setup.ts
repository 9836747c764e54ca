/**
 * Set-up of the money side: named ranges over the registers and settings, the Cash flow
 * summary, the Lots totals, the conditional formats. Idempotent. Called after the workbook's
 * set-up (the schema's formula columns are written there) and by Refresh dashboard when the
 * names are missing.
 */
import {existingNames, pointMoneyNames} from './money-names';
import {setUpCashFlow} from './cashflow';
import {setUpLots} from './lots';
import {TAB} from './schema';

/** `headers`: header rows set-up has just read (tab → header → column), so they are not read again. */
export function setUpMoney(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  headers: ReadonlyMap<string, Map<string, number>> = new Map(),
): void {
  const names = existingNames(ss);
  pointMoneyNames(ss, names, headers);
  setUpCashFlow(ss, names, headers.get(TAB.cashFlow));
  setUpLots(ss, names, headers.get(TAB.lots));
}
