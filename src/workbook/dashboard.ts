/**
 * The Dashboard tab: what managers read in ten seconds. Every figure is a live formula over
 * named ranges (registers' columns, settings, the Cash flow summary and Lots totals), so it
 * stays current with no script; "Refresh dashboard" only rebuilds the layout (and the list of
 * action owners, which is the one thing a formula cannot discover portably).
 *
 * Budget: refresh makes a fixed number of service calls whatever the size of the registers
 * (15 on the demo, besides the caller check's 4): one read each of the Actions tab (the register
 * reader) and the Lists tab (the coverage values), one setValues / setNumberFormats /
 * setFontWeights over the whole layout.
 */
import {VOTING_ROLES} from '../domain/membership';
import {ActionItem} from '../domain/records';
import {isOpen} from '../domain/watch';
import {readRegister} from './registers';
import {ACTION_STATUSES, RAG_RATINGS, TAB, listValuesOf} from './schema';
import {useLists} from './lists';
import {actionStatusColours} from './chart-colours';
import {Cell} from './table';
import {columnLetter} from './formulas';
import {CASH_FLOW_NAMES} from './cashflow';
import {LOT_NAMES} from './lots';
import {headerColumns} from './money-names';

export const DASHBOARD_WIDTH = 4;

/**
 * A formula counting serving members (chair, vice-chair and members; Status not Left; term
 * current: Term start empty or not after today, Term end empty or not before today) that also
 * meet `extra` (more COUNTIFS criteria). The same definition as domain/membership.ts isServing
 * with VOTING_ROLES (`votingOnly` false: every role, as the term-ending rule counts them all).
 * COUNTIFS with inclusion-exclusion, not SUMPRODUCT over comparisons: COUNTIFS matches text
 * ignoring case as the register reader does, and needs no array arithmetic.
 */
export function servingMembers(extra: string, votingOnly = true): string {
  const who = votingOnly
    ? VOTING_ROLES.map(role => `Members_Role,"${role}"`)
    : ['Members_Name,"<>",Members_Name,"<>Name"'];
  const notYet = ',Members_TermStart,">"&TODAY()';
  const ended = ',Members_TermEnd,"<"&TODAY()';
  return who
    .map(w => {
      const base = `${w},Members_Status,"<>Left"${extra}`;
      return `COUNTIFS(${base})-COUNTIFS(${base}${notYet})-COUNTIFS(${base}${ended})+COUNTIFS(${base}${notYet}${ended})`;
    })
    .join('+');
}
/**
 * The sum of `each` over contracts ending in the window, as domain/watch.ts endingInWindow
 * defines it: Status not Ended; the end is Extended to when it is a date, else End date; from
 * today to today + the longer of "Contract warning days" and the Notice period (days). The
 * window differs by row, which COUNTIFS cannot express, so this is an array SUMPRODUCT;
 * ARRAYFORMULA makes HyperFormula evaluate it as Sheets' SUMPRODUCT does. Cells that are not
 * dates or numbers (the header, unreadable values) count as empty, as the reader reads them.
 */
export function endingSoon(each: string): string {
  const end =
    'IF(ISNUMBER(Contracts_ExtendedTo),Contracts_ExtendedTo,IF(ISNUMBER(Contracts_EndDate),Contracts_EndDate,0))';
  const notice = 'IF(ISNUMBER(Contracts_NoticePeriodDays),Contracts_NoticePeriodDays,0)';
  const warning = 'Settings_ContractWarningDays';
  const window = `IF(${notice}>${warning},${notice},${warning})`;
  return `ARRAYFORMULA(SUMPRODUCT((Contracts_Status<>"Ended")*(${end}>=TODAY())*(${end}-TODAY()<=${window})*${each}))`;
}
const REQUIRED_CLIENT_GROUPS = 'Settings_RequiredClientGroups';
const REQUIRED_SERVICE_TYPES = 'Settings_RequiredServiceTypes';
export const MAX_OWNERS = 15;
export const ENDING_LIST = 5;
const DATE = 'dd/mm/yyyy';
const MONEY = '£#,##0;-£#,##0';
const COUNT = '0';

export interface DashboardLayout {
  values: Cell[][];
  formats: string[][];
  weights: string[][];
  /** 1-based rows of the "Actions by status" table (header row first, then one row per status). */
  statusTable: {first: number; last: number};
}

/** Owners named in actions that are not closed (as the register reader reads them), sorted. Pure. */
export function openOwners(actions: readonly ActionItem[]): string[] {
  const set = new Set<string>();
  for (const a of actions) if (isOpen(a)) a.owners.forEach(name => set.add(name));
  return [...set].sort((a, b) => a.localeCompare(b));
}

/**
 * A cell of "; "-separated items as ";item;item;" in lower case: a space either side of a
 * separator dropped, and commas read as separators when `commas` (the register reader splits a
 * Members cell on either; Settings lists on ";" only; the edit check writes "A; B"). One cell,
 * never a range: string functions over a whole column cost LibreOffice a million strings.
 */
function items(cell: string, commas: boolean): string {
  const t = commas ? `SUBSTITUTE(${cell},",",";")` : `TRIM(${cell})`;
  return `(";"&LOWER(SUBSTITUTE(SUBSTITUTE(${t},"; ",";")," ;",";"))&";")`;
}

/**
 * Whether `items` (as items() writes them) holds the whole item `value`, ignoring case, as
 * domain/membership.ts sameName compares. FIND, not SEARCH or COUNTIFS patterns: it has no
 * wildcards in any engine, so a value holding * ? or ~ means itself.
 */
function holds(itemsOf: string, value: string): string {
  const v = `;${value.trim().toLowerCase()};`.replace(/"/g, '""');
  return `ISNUMBER(FIND("${v}",${itemsOf}))`;
}

/**
 * Serving members as an array of 1/0 over the Members rows: the definition of servingMembers
 * (domain/membership.ts isServing, VOTING_ROLES; "=" ignores case in every engine, as COUNTIFS
 * does), a Term start / Term end that is not a date counting as empty.
 */
function servingArray(): string {
  const roles = VOTING_ROLES.map(r => `(Members_Role="${r}")`).join('+');
  return (
    `((${roles})>0)*(Members_Status<>"Left")` +
    `*IF(ISNUMBER(Members_TermStart),Members_TermStart<=TODAY(),1)` +
    `*IF(ISNUMBER(Members_TermEnd),Members_TermEnd>=TODAY(),1)`
  );
}

/** Separator between members' cells in servingList(). */
const LIST_SEPARATOR = '; ';

/**
 * What the serving members list in a Members column (`range`: Members_ClientGroups or
 * Members_ServiceTypes), their cells joined by "; " in row order: one array formula per list,
 * which the coverage figures then search (coverage()) instead of each value scanning the rows.
 * Sheets' TEXTJOIN gives an error past 50,000 characters (several hundred serving members
 * listing every value), and the coverage figures with it.
 */
export function servingList(range: string): string {
  return `ARRAYFORMULA(TEXTJOIN("${LIST_SEPARATOR}",TRUE(),IF(${servingArray()},${range},"")))`;
}

/**
 * Coverage as domain/membership.ts counts it: how many of the values a setting requires (Settings
 * "Required client groups" / "Required service types", named `setting`) at least one serving
 * member lists, and how many it requires. Live: each value of the list (the Lists tab, as
 * installed) counts when the setting names it as a whole item, and is covered when `list` (the
 * cell holding servingList() of the Members column) holds it as a whole item, ignoring case:
 * "Carers" is not covered by "Young carers" alone. items() reads the joined cells as it would
 * each cell: an item never spans two cells, as the join puts a separator between them, and a
 * cell ending in a single space is read as if it had none (as the register reader trims items).
 */
export function coverage(
  list: string,
  setting: string,
  values: readonly string[],
): {covered: string; required: string} {
  const required = (v: string) => holds(items(setting, false), v);
  // A separator after the last cell too, so that every cell ends the same way.
  const listed = items(`${list}&"${LIST_SEPARATOR}"`, true);
  return {
    covered: values.map(v => `IF(${required(v)},IF(${holds(listed, v)},1,0),0)`).join('+'),
    required: values.map(v => `IF(${required(v)},1,0)`).join('+'),
  };
}

/** The layout: labels, formulas, formats and bold cells, 4 columns wide. Pure. */
export function dashboardLayout(owners: readonly string[]): DashboardLayout {
  const rows: {cells: Cell[]; formats?: string[]; bold?: boolean}[] = [];
  const add = (cells: Cell[], formats?: string[], bold = false) => {
    rows.push({cells, formats, bold});
    return rows.length; // 1-based row number
  };
  const heading = (cells: string[]) => add(cells, undefined, true);
  const blank = () => add([]);

  add(['Committee dashboard'], undefined, true);
  add(['Today', '=TODAY()', 'Live figures: they update as the registers change.'], ['@', DATE]);
  blank();

  // Next meeting and its deadlines
  heading(['Next meeting', 'Date', 'Days to go', '']);
  const next = `MINIFS(Meetings_Date,Meetings_Date,">="&TODAY(),Meetings_Status,"<>Cancelled")`;
  const meetingRow = rows.length + 1;
  const days = (r: number) => `=IF(ISNUMBER(B${r}),B${r}-TODAY(),"")`;
  const when = (r: number) =>
    `=IF(NOT(ISNUMBER(C${r})),"",IF(C${r}<0,"Passed",IF(C${r}=0,"Today",IF(C${r}<=7,"Within a week",""))))`;
  add(
    ['Meeting', `=IF(${next}=0,"None scheduled",${next})`, days(meetingRow), ''],
    ['@', DATE, COUNT],
  );
  for (const [label, name] of [
    ['Agenda agreed by', 'Meetings_AgendaAgreedBy'],
    ['Report deadline', 'Meetings_ReportDeadline'],
    ['Papers despatch by', 'Meetings_PapersDespatchBy'],
  ]) {
    const r = rows.length + 1;
    add(
      [
        label,
        `=IF(ISNUMBER($B$${meetingRow}),IFERROR(INDEX(${name},MATCH($B$${meetingRow},Meetings_Date,0)),""),"")`,
        days(r),
        when(r),
      ],
      ['@', DATE, COUNT],
    );
  }
  blank();

  // Actions: open, overdue, due soon; in all and by owner
  heading(['Actions', 'Open', 'Overdue', 'Due soon']);
  const open = (who: string) =>
    `COUNTIFS(Actions_Action,"<>",Actions_Action,"<>Action",Actions_Status,"<>Closed"${who})`;
  const overdue = (who: string) =>
    `COUNTIFS(Actions_Action,"<>",Actions_Status,"<>Closed",Actions_ReviewDate,"<"&TODAY()${who})`;
  const dueSoon = (who: string) =>
    `COUNTIFS(Actions_Action,"<>",Actions_Status,"<>Closed",Actions_ReviewDate,">="&TODAY(),Actions_ReviewDate,"<="&(TODAY()+Settings_ActionDueSoonDays)${who})`;
  add(
    ['All owners', `=${open('')}`, `=${overdue('')}`, `=${dueSoon('')}`],
    ['@', COUNT, COUNT, COUNT],
  );
  const shown = owners.slice(0, MAX_OWNERS);
  for (const name of shown) {
    const r = rows.length + 1;
    const who = `,Actions_Owner,"*"&$A${r}&"*"`;
    add(
      [name, `=${open(who)}`, `=${overdue(who)}`, `=${dueSoon(who)}`],
      ['@', COUNT, COUNT, COUNT],
    );
  }
  if (owners.length > shown.length)
    add([`…and ${owners.length - shown.length} more owners: see the Actions tab`]);
  blank();

  const statusFirst = heading(['Actions by status', 'Number', '', '']);
  for (const s of ACTION_STATUSES)
    add([s, `=COUNTIFS(Actions_Action,"<>",Actions_Status,"${s}")`], ['@', COUNT]);
  const statusLast = add(
    ['No status', '=COUNTIFS(Actions_Action,"<>",Actions_Status,"")'],
    ['@', COUNT],
  );
  blank();

  // Membership compliance summary (the full check is Committee > Check membership). Counted as
  // the check counts: serving members (domain/membership.ts isServing, VOTING_ROLES).
  heading(['Membership', 'Now', 'Rule', 'Result']);
  let r = rows.length + 1;
  add(
    [
      'Serving members',
      `=${servingMembers('')}`,
      '=Settings_MinimumMembers&" to "&Settings_MaximumMembers',
      `=IF(AND(B${r}>=Settings_MinimumMembers,B${r}<=Settings_MaximumMembers),"Meets the rule","Check")`,
    ],
    ['@', COUNT, '@', '@'],
  );
  for (const [label, size, setting] of [
    ['Small providers', 'Small', 'Settings_MinimumSmallProviders'],
    ['Large providers', 'Large', 'Settings_MinimumLargeProviders'],
  ]) {
    r = rows.length + 1;
    add(
      [
        label,
        `=${servingMembers(`,Members_ProviderSize,"${size}"`)}`,
        `="at least "&${setting}`,
        `=IF(B${r}>=${setting},"Meets the rule","Check")`,
      ],
      ['@', COUNT, '@', '@'],
    );
  }
  for (const [name, range, setting] of [
    ['Client groups', 'Members_ClientGroups', REQUIRED_CLIENT_GROUPS],
    ['Service types', 'Members_ServiceTypes', REQUIRED_SERVICE_TYPES],
  ] as const) {
    // What serving members list, then counted against the required values of the list as the
    // Lists tab extends it (installed by buildDashboard). The text beside it stops the joined
    // cells running on under the charts: the cell shows its start, and all of it when selected.
    const list = add([
      `${name} of serving members`,
      `=${servingList(range)}`,
      'as Members lists them',
    ]);
    r = rows.length + 1;
    const f = coverage(`B${list}`, setting, listValuesOf(name));
    add(
      [
        `${name} covered`,
        `=${f.covered}`,
        `="of "&(${f.required})&" required"`,
        `=IF(B${r}>=${f.required},"Meets the rule","Check")`,
      ],
      ['@', COUNT, '@', '@'],
    );
  }
  r = rows.length + 1;
  add(
    [
      'Terms ending soon',
      `=${servingMembers(',Members_TermEnd,"<="&(TODAY()+Settings_TermWarningDays)', false)}`,
      '="within "&Settings_TermWarningDays&" days"',
      `=IF(B${r}=0,"None","Plan reappointments")`,
    ],
    ['@', COUNT, '@', '@'],
  );
  r = rows.length + 1;
  add(
    [
      'Term ended, still Active',
      '=COUNTIFS(Members_Name,"<>",Members_Status,"<>Left",Members_TermEnd,"<"&TODAY())',
      '="none"',
      `=IF(B${r}=0,"None","Renew the term or mark Left")`,
    ],
    ['@', COUNT, '@', '@'],
  );
  add(['Full check: Committee > Check membership']);
  blank();

  // Contracts ending in the window: domain/watch.ts endingInWindow, the one definition.
  heading(['Contracts ending soon', 'Number', 'Annual value', 'Window']);
  add(
    [
      'All',
      `=${endingSoon('1')}`,
      `=${endingSoon('IF(ISNUMBER(Contracts_AnnualValue),Contracts_AnnualValue,0)')}`,
      '=Settings_ContractWarningDays&" days, or the notice period if longer"',
    ],
    ['@', COUNT, MONEY, '@'],
  );
  // The next five end dates from today (Status not Ended; Extended to, when filled, replaces End date).
  heading(['Next to end', 'End date', 'Contracts', '']);
  const notEnded = ',Contracts_Status,"<>Ended"';
  for (let i = 0; i < ENDING_LIST; i++) {
    const row = rows.length + 1;
    const prev = i === 0 ? 'TODAY()-1' : `B${row - 1}`;
    const a = `MINIFS(Contracts_EndDate,Contracts_EndDate,">"&${prev},Contracts_ExtendedTo,""${notEnded})`;
    const b = `MINIFS(Contracts_ExtendedTo,Contracts_ExtendedTo,">"&${prev}${notEnded})`;
    // The next end date after the one above: the earlier of the next End date (not extended) and the next Extended to.
    const earliest = `IF(${a}=0,IF(${b}=0,"",${b}),IF(${b}=0,${a},MIN(${a},${b})))`;
    const date = i === 0 ? `=${earliest}` : `=IF(NOT(ISNUMBER(B${row - 1})),"",${earliest})`;
    const pos = `IFERROR(MATCH(B${row},Contracts_EndDate,0),MATCH(B${row},Contracts_ExtendedTo,0))`;
    add(
      [
        `=IF(ISNUMBER(B${row}),INDEX(Contracts_Reference,${pos})&" ("&INDEX(Contracts_Provider,${pos})&")"&IF(C${row}>1," and "&(C${row}-1)&" more",""),"")`,
        date,
        `=IF(ISNUMBER(B${row}),COUNTIFS(Contracts_EndDate,B${row},Contracts_ExtendedTo,""${notEnded})+COUNTIFS(Contracts_ExtendedTo,B${row}${notEnded}),"")`,
        '',
      ],
      ['@', DATE, COUNT],
    );
  }
  blank();

  heading(['Business case (Cash flow tab)', 'Value', '', '']);
  add(['Break-even period', `=${CASH_FLOW_NAMES.breakEvenPeriod}`], ['@', '@']);
  add(['Payback period', `=${CASH_FLOW_NAMES.payback}`], ['@', '@']);
  add(['Steady-state annual saving', `=${CASH_FLOW_NAMES.annualSaving}`], ['@', MONEY]);
  add(['Total investment', `=${CASH_FLOW_NAMES.totalInvestment}`], ['@', MONEY]);
  add(['Total cost avoidance', `=${CASH_FLOW_NAMES.totalCostAvoidance}`], ['@', MONEY]);
  add(['Benefit per £1 invested', `=${CASH_FLOW_NAMES.benefitPerPound}`], ['@', '£0.00']);
  blank();

  heading(['Lots (Lots tab)', 'Value', '', '']);
  add(['Total annual lot budget', `=${LOT_NAMES.annualBudget}`], ['@', MONEY]);
  add(['Total over the contract term', `=${LOT_NAMES.contractTerm}`], ['@', MONEY]);
  add(['Our commitment over the term', `=${LOT_NAMES.ourCommitment}`], ['@', MONEY]);
  add(['Contracted annual value', `=${LOT_NAMES.contracted}`], ['@', MONEY]);
  blank();

  // The yearly risk self-assessment (Risk triggers tab): how many triggers at each rating, and when.
  heading(['Risk triggers (self-assessment)', 'Triggers', '', '']);
  for (const rag of RAG_RATINGS)
    add([rag, `=COUNTIFS(Risk_Trigger,"<>",Risk_RAG,"${rag}")`], ['@', COUNT]);
  add(['Not rated', '=COUNTIFS(Risk_Trigger,"<>",Risk_RAG,"")'], ['@', COUNT]);
  add(
    ['Last assessed', '=IF(COUNT(Risk_AssessedOn)=0,"Not yet assessed",MAX(Risk_AssessedOn))'],
    ['@', DATE],
  );

  // Settings are stored as text ("7"): VALUE() makes them numbers, else "8 >= "6"" compares text and number.
  // The required lists are text, read as they are.
  const numeric = (v: Cell) =>
    typeof v === 'string' && v.startsWith('=')
      ? v.replace(/\b(Settings_(?!Required)\w+)/g, 'VALUE($1)')
      : v;
  const W = DASHBOARD_WIDTH;
  const pad = <T>(xs: readonly T[] | undefined, fill: T): T[] =>
    Array.from({length: W}, (_x, i) => (xs && i < xs.length ? xs[i] : fill));
  return {
    values: rows.map(x => pad(x.cells, '' as Cell).map(numeric)),
    // A formula in a plain-text ('@') cell is kept as text by Sheets, so formula cells never get '@'.
    formats: rows.map(x => {
      const cells = pad(x.cells, '' as Cell);
      return pad(x.formats, 'General').map((f, i) =>
        !f || (f === '@' && String(cells[i]).startsWith('=')) ? 'General' : f,
      );
    }),
    weights: rows.map(x => pad<string>([], x.bold ? 'bold' : 'normal')),
    statusTable: {first: statusFirst, last: statusLast},
  };
}

/** Rows the layout takes at most (so a refresh with fewer owners blanks what is left over). */
export const DASHBOARD_MAX_ROWS = dashboardLayout(
  Array.from({length: MAX_OWNERS + 1}, (_x, i) => `o${i}`),
).values.length;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The owners of actions not closed, through the register reader (one getValues). */
function readOwners(ss: Spreadsheet): string[] {
  return openOwners(readRegister(ss, TAB.actions).records);
}

/** Rebuilds the Dashboard tab's layout (and its charts when they are missing). */
export function buildDashboard(ss: Spreadsheet): {
  rows: number;
  owners: number;
  chartsBuilt: boolean;
} {
  const owners = readOwners(ss);
  useLists(ss);
  const layout = dashboardLayout(owners);
  let sheet = ss.getSheetByName(TAB.dashboard);
  const isNew = !sheet;
  if (!sheet) sheet = ss.insertSheet(TAB.dashboard);
  // Pad to the largest layout so rows left from a longer owner list are blanked in the same write.
  const height = Math.max(DASHBOARD_MAX_ROWS, layout.values.length);
  while (layout.values.length < height) {
    layout.values.push(Array(DASHBOARD_WIDTH).fill(''));
    layout.formats.push(Array(DASHBOARD_WIDTH).fill('General'));
    layout.weights.push(Array(DASHBOARD_WIDTH).fill('normal'));
  }
  const range = sheet.getRange(1, 1, height, DASHBOARD_WIDTH);
  // Formats first: a formula written into a cell still formatted as plain text would stay text.
  range.setNumberFormats(layout.formats);
  range.setValues(layout.values);
  range.setFontWeights(layout.weights as GoogleAppsScript.Spreadsheet.FontWeight[][]);
  let chartsBuilt = false;
  const charts = sheet.getCharts();
  if (charts.length < 3) {
    for (const c of charts) sheet.removeChart(c);
    buildCharts(ss, sheet, layout.statusTable);
    chartsBuilt = true;
  }
  if (isNew || chartsBuilt) {
    sheet.setColumnWidth(1, 300);
    sheet.setColumnWidths(2, 3, 120);
  }
  return {rows: layout.values.length, owners: owners.length, chartsBuilt};
}

/** The three charts (built once; their ranges follow the data as Sheets adjusts them). */
function buildCharts(
  ss: Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  status: {first: number; last: number},
): void {
  const cf = ss.getSheetByName(TAB.cashFlow);
  const lots = ss.getSheetByName(TAB.lots);
  const chartCol = DASHBOARD_WIDTH + 2;
  if (cf) {
    const cols = headerColumns(cf);
    const p = cols.get('Period');
    const cum = cols.get('Cumulative cash flow');
    if (p && cum) {
      sheet.insertChart(
        sheet
          .newChart()
          .asColumnChart()
          .addRange(cf.getRange(`${columnLetter(p)}1:${columnLetter(p)}101`))
          .addRange(cf.getRange(`${columnLetter(cum)}1:${columnLetter(cum)}101`))
          .setOption('title', 'Cumulative cash flow by period')
          .setOption('legend', {position: 'none'})
          .setOption('width', 560)
          .setOption('height', 300)
          .setPosition(1, chartCol, 0, 0)
          .build(),
      );
    }
  }
  sheet.insertChart(
    sheet
      .newChart()
      .asPieChart()
      .addRange(sheet.getRange(status.first, 1, status.last - status.first + 1, 2))
      .setOption('title', 'Actions by status')
      .setOption('colors', actionStatusColours())
      .setOption('width', 560)
      .setOption('height', 300)
      .setPosition(17, chartCol, 0, 0)
      .build(),
  );
  if (lots) {
    const cols = headerColumns(lots);
    const lot = cols.get('Lot');
    const value = cols.get('Contracted annual value');
    if (lot && value) {
      sheet.insertChart(
        sheet
          .newChart()
          .asColumnChart()
          .addRange(lots.getRange(`${columnLetter(lot)}1:${columnLetter(lot)}101`))
          .addRange(lots.getRange(`${columnLetter(value)}1:${columnLetter(value)}101`))
          .setOption('title', 'Contract value by lot (annual)')
          .setOption('legend', {position: 'none'})
          .setOption('width', 560)
          .setOption('height', 300)
          .setPosition(33, chartCol, 0, 0)
          .build(),
      );
    }
  }
}
