// Entry points for the workbook features: top-level functions the menu and triggers call.
import {handleEdit} from '../workbook/onedit';
import {setUpOrRepair, SetupReport, type Layout} from '../workbook/setup';
import {rebuildProblems} from '../workbook/problems';
import {loadDemo} from '../workbook/demo';
import {loadPartnership} from '../workbook/demo-partnership';
import {prepareDeadlineFormulas} from '../governance/gather';
import {setUpMoney} from '../workbook/money-setup';
import {prefillRiskTriggers} from '../governance/risk-triggers';
import {prefillLists} from '../workbook/lists';
import {withSharedNames} from '../workbook/money-names';

/**
 * The other areas' parts of set-up, run after the schema's: the holiday list and named ranges the
 * Meetings deadline formulas read, and the money named ranges, Cash flow summary and Lots totals.
 * A part that fails is reported by name; the rest of set-up stands.
 */
function setUpOtherAreas(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, layout?: Layout): string[] {
  const failed: string[] = [];
  const parts: [string, () => void][] = [
    ['holidays and deadlines', () => prepareDeadlineFormulas(ss)],
    ['money tabs', () => setUpMoney(ss, layout)],
    ['risk triggers', () => void prefillRiskTriggers(ss, layout)],
    ['lists', () => void prefillLists(ss, layout)],
  ];
  // The parts share one map of the named ranges (each would otherwise read every name again).
  withSharedNames(ss, () => {
    for (const [name, run] of parts) {
      try {
        run();
      } catch (e) {
        failed.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  });
  return failed;
}

/** Simple trigger: validation as people type. Must not call services that need authorisation. */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return; // run by hand from the editor: nothing was edited
  handleEdit(e);
}

/** Committee > Set up or repair workbook (and `clerk new`). Safe to run again at any time. */
export function setUpWorkbook(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lock = LockService.getDocumentLock();
  if (lock && !lock.tryLock(30000)) {
    ss.toast('Another set-up or generation is running. Try again in a minute.', 'Committee Clerk');
    return;
  }
  try {
    const report = setUpOrRepair(ss);
    const failed = setUpOtherAreas(ss, report.layout);
    const problems = rebuildProblems(ss, new Date(), report.layout);
    const also = failed.length ? ` Could not finish: ${failed.join('; ')}.` : '';
    ss.toast(setupSummary(report, problems) + also, 'Committee Clerk', 15);
  } finally {
    lock?.releaseLock();
  }
}

function setupSummary(r: SetupReport, problems: number): string {
  const parts: string[] = [];
  if (r.created.length) parts.push(`added the tabs ${r.created.join(', ')}`);
  if (r.renamedHeaders.length) parts.push(`put back the headers ${r.renamedHeaders.join('; ')}`);
  if (r.addedColumns.length)
    parts.push(
      `added the columns ${r.addedColumns.join('; ')} at the end (if you renamed or deleted one, its old column is still there: move the values across)`,
    );
  if (r.addedSettings.length)
    parts.push(
      r.addedSettings.length > 5
        ? `added ${r.addedSettings.length} settings with their defaults (Settings tab)`
        : `added the settings ${r.addedSettings.join(', ')}`,
    );
  if (r.renamedSettings.length)
    parts.push(`renamed the settings ${r.renamedSettings.join('; ')} (values kept)`);
  if (r.formulasRestored.length)
    parts.push(
      `put formulas back in ${r.formulasRestored.join(', ')} (what was typed is in each cell's note)`,
    );
  if (r.formulaFailures.length)
    parts.push(`could not write the formulas of ${r.formulaFailures.join('; ')}`);
  const done = parts.length
    ? `Set-up ${parts.join('; ')}.`
    : 'The workbook was already set up: nothing needed repair.';
  return `${done} ${problems ? `${problems} problem${problems === 1 ? '' : 's'} listed on the Problems tab.` : 'No problems found.'}`;
}

/** Committee > Check workbook problems: rebuilds the Problems tab. */
export function checkWorkbookProblems(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const n = rebuildProblems(ss);
  ss.toast(
    n
      ? `${n} problem${n === 1 ? '' : 's'} listed on the Problems tab, each with a link to its cell.`
      : 'No problems found.',
    'Committee Clerk',
    10,
  );
}

/**
 * `clerk new BOOK --demo=partnership`: the fictional parent-carer partnership board (calendar-day
 * notice, monthly meetings chaired by the forum, complaints and volunteer agreements).
 */
export function loadPartnershipDemo(): void {
  loadDemoGroup(loadPartnership, 'the fictional partnership board');
}

/** `clerk new --demo` (and a menu-less way to try the program): the fictional demo group. Refuses a workbook that has data. */
export function loadDemoData(): void {
  loadDemoGroup(loadDemo, 'the fictional demo group');
}

function loadDemoGroup(
  load: (ss: GoogleAppsScript.Spreadsheet.Spreadsheet) => void,
  what: string,
): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  load(ss);
  const failed = setUpOtherAreas(ss); // the demo's meetings widen the holiday years; lots get their totals
  if (failed.length) ss.toast(`Could not finish: ${failed.join('; ')}.`, 'Committee Clerk');
  rebuildProblems(ss);
  ss.toast(`Loaded ${what} (example.org addresses only).`, 'Committee Clerk');
}
