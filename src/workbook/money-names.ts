/**
 * Named ranges the money formulas and the Dashboard read, so no formula needs to know where a
 * column is: register columns (whole columns, found by header) and single settings (the Value
 * cell of the setting's row, found by name). Sheets keeps a named range pointing at the same
 * cells when columns or rows are moved; set-up re-points them after a repair.
 */
import {TAB} from './schema';
import {Cell, WorkbookError, getTab} from './table';
import {columnLetter} from './formulas';

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

export function existingNames(ss: Spreadsheet): NameMap {
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
  else ss.setNamedRange(name, range);
}

/** Header row of a tab: header → 1-based column. One getValues. */
export function headerColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet): Map<string, number> {
  const lastCol = Math.max(sheet.getLastColumn(), 1);
  const row = sheet.getRange(1, 1, 1, lastCol).getValues()[0] as Cell[];
  const map = new Map<string, number>();
  row.forEach((h, i) => {
    const t = String(h).trim();
    if (t && !map.has(t)) map.set(t, i + 1);
  });
  return map;
}

/** Points every register and setting name at its cells. Throws naming a missing header or setting. */
export function pointMoneyNames(ss: Spreadsheet, existing: NameMap): void {
  const headersOf = new Map<
    string,
    {sheet: GoogleAppsScript.Spreadsheet.Sheet; cols: Map<string, number>}
  >();
  for (const [name, [tab, header]] of Object.entries(REGISTER_NAMES)) {
    let h = headersOf.get(tab);
    if (!h) {
      const sheet = getTab(ss, tab);
      h = {sheet, cols: headerColumns(sheet)};
      headersOf.set(tab, h);
    }
    const col = h.cols.get(header);
    if (!col)
      throw new WorkbookError(
        `The "${tab}" tab has no "${header}" column, which the Dashboard reads. Run Committee > Set up or repair workbook.`,
      );
    const letter = columnLetter(col);
    setName(ss, existing, name, h.sheet.getRange(`${letter}:${letter}`));
  }
  pointSettingNames(ss, existing, SETTING_NAMES, 'the money formulas');
}

/**
 * Points each name at the Value cell of its setting on the Settings tab (found by name: rows may
 * move), with one read of the tab. `who` says in messages what needs the settings.
 */
export function pointSettingNames(
  ss: Spreadsheet,
  existing: NameMap,
  names: Readonly<Record<string, string>>,
  who: string,
): void {
  const settings = getTab(ss, TAB.settings);
  const grid = settings.getDataRange().getValues() as Cell[][];
  const heads = (grid[0] ?? []).map(x => String(x).trim());
  const nameCol = heads.indexOf('Setting');
  const valueCol = heads.indexOf('Value');
  if (nameCol < 0 || valueCol < 0)
    throw new WorkbookError(
      'The Settings tab needs "Setting" and "Value" headers in row 1. Run Committee > Set up or repair workbook.',
    );
  for (const [name, setting] of Object.entries(names)) {
    const r = grid.findIndex((line, i) => i > 0 && String(line[nameCol]).trim() === setting);
    if (r < 0)
      throw new WorkbookError(
        `The Settings tab has no "${setting}" row, which ${who} need. Run Committee > Set up or repair workbook.`,
      );
    setName(ss, existing, name, settings.getRange(r + 1, valueCol + 1));
  }
}
