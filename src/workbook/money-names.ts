/**
 * Named ranges the money formulas and the Dashboard read, so no formula needs to know where a
 * column is: register columns (whole columns, found by header) and single settings (the Value
 * cell of the setting's row, found by name). Sheets keeps a named range pointing at the same
 * cells when columns or rows are moved; set-up re-points them after a repair.
 */
import {SettingName, TAB} from './schema';
import {Cell, WorkbookError, getTab, headerPositions} from './table';
import {columnLetter} from './formulas';
import {quotedTab} from './span';
import {Settings, readSettings, settingsFromGrid} from './settings';
import type {Layout} from './setup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type NameMap = Map<string, GoogleAppsScript.Spreadsheet.NamedRange>;

/** Whole-column names over the registers: name → [tab, header]. */
export const REGISTER_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  Actions_Owner: [TAB.actions, 'Action to be taken by'],
  Actions_Action: [TAB.actions, 'Action'],
  Actions_Status: [TAB.actions, 'Status'],
  Actions_ReviewDate: [TAB.actions, 'Review date'],
  Contracts_Reference: [TAB.contracts, 'Reference'],
  Contracts_Provider: [TAB.contracts, 'Provider'],
  Contracts_Lot: [TAB.contracts, 'Lot'],
  Contracts_AnnualValue: [TAB.contracts, 'Annual value'],
  Contracts_EndDate: [TAB.contracts, 'End date'],
  Contracts_ExtendedTo: [TAB.contracts, 'Extended to'],
  Contracts_NoticePeriodDays: [TAB.contracts, 'Notice period (days)'],
  Contracts_Status: [TAB.contracts, 'Status'],
  Meetings_Date: [TAB.meetings, 'Meeting date'],
  Meetings_Status: [TAB.meetings, 'Status'],
  Meetings_AgendaAgreedBy: [TAB.meetings, 'Agenda agreed by'],
  Meetings_ReportDeadline: [TAB.meetings, 'Report deadline'],
  Meetings_PapersDespatchBy: [TAB.meetings, 'Papers despatch by'],
  Members_Name: [TAB.members, 'Name'],
  Members_Role: [TAB.members, 'Role'],
  Members_Status: [TAB.members, 'Status'],
  Members_TermStart: [TAB.members, 'Term start'],
  Members_ProviderSize: [TAB.members, 'Provider size'],
  Members_TermEnd: [TAB.members, 'Term end'],
  Risk_Trigger: [TAB.riskTriggers, 'Trigger'],
  Risk_RAG: [TAB.riskTriggers, 'RAG'],
  Risk_AssessedOn: [TAB.riskTriggers, 'Assessed on'],
  Members_ClientGroups: [TAB.members, 'Client groups'],
  Members_ServiceTypes: [TAB.members, 'Service types'],
};

/** Single-setting names: name → setting (row of the Settings tab). */
export const SETTING_NAMES: Readonly<Record<string, string>> = {
  Settings_FrameworkTerm: 'Framework term',
  Settings_ActionDueSoonDays: 'Action due soon days',
  Settings_MinimumMembers: 'Minimum members',
  Settings_MaximumMembers: 'Maximum members',
  Settings_MinimumSmallProviders: 'Minimum small providers',
  Settings_MinimumLargeProviders: 'Minimum large providers',
  Settings_TermWarningDays: 'Term warning days',
  Settings_ContractWarningDays: 'Contract warning days',
  Settings_RequiredClientGroups: 'Required client groups',
  Settings_RequiredServiceTypes: 'Required service types',
};

/** The name map of the run in progress (sharedNames), read when first asked for. */
let shared: {ss: Spreadsheet; names: NameMap | null} | null = null;

/**
 * Runs `body` with one map of the spreadsheet's names for every existingNames(ss) inside it:
 * reading the map costs a getName call per name, and set-up's parts (holidays, money) each
 * ask for it. The map lives only while `body` runs, so no later run sees a stale one.
 */
export function withSharedNames<T>(ss: Spreadsheet, body: () => T): T {
  const outer = shared;
  shared = {ss, names: null};
  try {
    return body();
  } finally {
    shared = outer;
  }
}

export function existingNames(ss: Spreadsheet): NameMap {
  if (shared?.ss === ss) return (shared.names ??= readNames(ss));
  return readNames(ss);
}

function readNames(ss: Spreadsheet): NameMap {
  return new Map(ss.getNamedRanges().map(n => [n.getName(), n]));
}

/** Re-points an existing name (NamedRange.setRange) or creates it. */
export function setName(
  ss: Spreadsheet,
  existing: NameMap,
  name: string,
  range: GoogleAppsScript.Spreadsheet.Range,
): void {
  const named = existing.get(name);
  if (named) named.setRange(range);
  else {
    ss.setNamedRange(name, range);
    // setNamedRange returns no NamedRange to add: the shared map is read again when next asked for.
    if (shared?.names === existing) shared.names = null;
  }
}

/** A tab's sheet and header row, from set-up's layout when it has them, else found and read (getTab's message when missing). */
export function tabAndHeaders(
  ss: Spreadsheet,
  tab: string,
  layout?: Layout,
): [GoogleAppsScript.Spreadsheet.Sheet, Map<string, number>] {
  const sheet = layout?.sheets.get(tab) ?? getTab(ss, tab);
  return [sheet, layout?.headers.get(tab) ?? headerColumns(sheet)];
}

/** Header row of a tab: header → 1-based column. One getValues. */
export function headerColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet): Map<string, number> {
  const lastCol = Math.max(sheet.getLastColumn(), 1);
  return columnsOfRow(sheet.getRange(1, 1, 1, lastCol).getValues()[0] as Cell[]);
}

/** A header row as header → 1-based column (the first of a repeated header). Pure. */
function columnsOfRow(row: readonly Cell[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const [h, i] of headerPositions(row.map(h => String(h).trim()))) out.set(h, i + 1);
  return out;
}

/**
 * A tab's header row by its span, Spreadsheet.getRange("'Tab'!1:1") and getValues (two calls,
 * no Sheet needed): header → 1-based column. A missing tab stops with getTab's message.
 */
function headersOfTab(ss: Spreadsheet, tab: string): Map<string, number> {
  let row: Cell[];
  try {
    row = ss.getRange(`${quotedTab(tab)}!1:1`).getValues()[0] as Cell[];
  } catch {
    return headerColumns(getTab(ss, tab)); // no such tab: getTab says so
  }
  return columnsOfRow(row);
}

/**
 * Points every register and setting name at its cells. Throws naming a missing header or
 * setting. `layout`: the header rows and settings set-up has read, so they are not read again.
 */
export function pointMoneyNames(ss: Spreadsheet, existing: NameMap, layout?: Layout): void {
  const headersOf = new Map(layout?.headers);
  for (const [name, [tab, header]] of Object.entries(REGISTER_NAMES)) {
    let cols = headersOf.get(tab);
    if (!cols) {
      cols = headersOfTab(ss, tab);
      headersOf.set(tab, cols);
    }
    const col = cols.get(header);
    if (!col)
      throw new WorkbookError(
        `The "${tab}" tab has no "${header}" column, which the Dashboard reads. Run Committee > Set up or repair workbook.`,
      );
    const letter = columnLetter(col);
    setName(ss, existing, name, ss.getRange(`${quotedTab(tab)}!${letter}:${letter}`));
  }
  const settings = layout?.settings ? settingsFromGrid(layout.settings) : readSettings(ss);
  pointSettingNames(ss, existing, SETTING_NAMES, 'the money formulas', settings);
}

/**
 * The Value cell ("B13") of each named setting, found by name (rows may move; a row still under
 * a setting's former name counts): name → cell. No service call. Throws naming a setting whose
 * row is missing; `who` says in the message what needs it.
 */
export function settingCells(
  settings: Settings,
  names: Readonly<Record<string, string>>,
  who: string,
): [string, string][] {
  return Object.entries(names).map(([name, setting]) => {
    const cell = settings.cell(setting as SettingName);
    if (!cell)
      throw new WorkbookError(
        `The Settings tab has no "${setting}" row, which ${who} need. Run Committee > Set up or repair workbook.`,
      );
    return [name, cell];
  });
}

/**
 * Points each name at the Value cell of its setting on the Settings tab (settingCells), from
 * `settings` when the caller has read them, else with one read of the tab (two calls).
 */
export function pointSettingNames(
  ss: Spreadsheet,
  existing: NameMap,
  names: Readonly<Record<string, string>>,
  who: string,
  settings: Settings = readSettings(ss),
): void {
  for (const [name, cell] of settingCells(settings, names, who))
    setName(ss, existing, name, ss.getRange(`${quotedTab(TAB.settings)}!${cell}`));
}
