// Entry points for the money features: top-level functions the menu and triggers call.
import {setUpMoney} from '../workbook/money-setup';
import {buildDashboard} from '../workbook/dashboard';
import {CASH_FLOW_NAMES} from '../workbook/cashflow';

/**
 * Menu: Committee > Refresh dashboard. Rebuilds the Dashboard tab's layout; its figures are
 * live formulas, so between refreshes it stays current by itself. Sets up the money named
 * ranges first if they are missing (a workbook set up before this feature existed).
 * No document lock: two refreshes at once write the same layout, so neither can spoil the other.
 */
export function refreshDashboard(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss.getRangeByName(CASH_FLOW_NAMES.payback)) setUpMoney(ss);
  const result = buildDashboard(ss);
  ss.toast(
    `Dashboard refreshed: ${result.owners} action owners listed${result.chartsBuilt ? ', charts rebuilt' : ''}.`,
    'Committee Clerk',
  );
}

/** Menu: Committee > Set up money tabs. Re-points the money named ranges and rewrites the Cash flow summary and Lots totals. */
export function setUpMoneyTabs(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  setUpMoney(ss);
  buildDashboard(ss);
  ss.toast('Cash flow summary, Lots totals and Dashboard set up.', 'Committee Clerk');
}
