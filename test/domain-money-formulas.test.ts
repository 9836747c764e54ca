/**
 * The money formulas (schema templates + summary block) evaluated by HyperFormula directly on a
 * grid, checked against src/domain/money.ts and against figures worked by hand. Fast: no
 * emulator. The end-to-end tests (e2e-money) drive the same formulas through `clerk`.
 * HyperFormula's OFFSET needs constant offsets (hyperformula.handsontable.com/docs/guide/list-of-differences).
 */
import {HyperFormula} from 'hyperformula';
import {tabSpec, TAB} from '../src/workbook/schema';
import {resolveTemplate, columnLetter} from '../src/workbook/formulas';
import {cashFlowSummaryRows, CHECK_ROWS} from '../src/workbook/cashflow';
import {lotTotalsRows, CHECK_LOTS} from '../src/workbook/lots';
import {resolveBlock, blockColumn} from '../src/workbook/side-block';
import {computeCashFlow, PeriodInput} from '../src/domain/money';
import {dashboardLayout} from '../src/workbook/dashboard';

type V = string | number | null;

function sheetGrid(
  tab: string,
  rows: Record<string, V>[],
  extraRows = 0,
): {grid: V[][]; index: Map<string, number>} {
  const spec = tabSpec(tab);
  const headers = spec.columns.map(c => c.header);
  const index = new Map(headers.map((h, i) => [h, i]));
  const grid: V[][] = [headers];
  for (let r = 0; r < rows.length + extraRows; r++) {
    const line: V[] = headers.map(h => {
      const c = spec.columns.find(x => x.header === h)!;
      if (c.formula) return resolveTemplate(c.formula, r + 2, index);
      return rows[r]?.[h] ?? null;
    });
    grid.push(line);
  }
  return {grid, index};
}

function withBlock(
  grid: V[][],
  title: string,
  block: ReturnType<typeof cashFlowSummaryRows>,
): {col: number} {
  const col = blockColumn(grid[0] as string[], title);
  const formulas = resolveBlock(block, col + 1, 2);
  const need = 1 + block.length;
  while (grid.length < need) grid.push([]);
  grid[0][col - 1] = title;
  block.forEach((b, i) => {
    grid[i + 1][col - 1] = b.label;
    grid[i + 1][col] = formulas[i];
  });
  return {col};
}

function cashFlowSheet(plan: PeriodInput[], extraRows = 2) {
  const rows = plan.map(
    p =>
      ({
        Period: p.period ?? null,
        'Hours per week': p.hoursPerWeek ?? null,
        'Weeks in period': p.weeksInPeriod ?? null,
        'Saving per hour': p.savingPerHour ?? null,
        Expenditure: p.expenditure ?? null,
      }) as Record<string, V>,
  );
  const {grid, index} = sheetGrid(TAB.cashFlow, rows, extraRows);
  const {col} = withBlock(
    grid,
    'Business case summary',
    cashFlowSummaryRows(h => columnLetter(index.get(h)! + 1)),
  );
  const hf = HyperFormula.buildFromSheets(
    {'Cash flow': grid.map(l => l.map(v => (v === null ? null : v))) as never},
    {licenseKey: 'gpl-v3'},
  );
  const sid = hf.getSheetId('Cash flow')!;
  const cell = (row: number, header: string) =>
    hf.getCellValue({sheet: sid, row: row - 1, col: index.get(header)!});
  const summary = (label: string) => {
    const i = cashFlowSummaryRows(() => 'A').findIndex(b => b.label === label);
    return hf.getCellValue({sheet: sid, row: i + 1, col});
  };
  return {hf, cell, summary};
}

const PLAN: PeriodInput[] = [
  {period: 'Q1', hoursPerWeek: 10, weeksInPeriod: 13, savingPerHour: 25, expenditure: 25000},
  {period: 'Q2', hoursPerWeek: 20, weeksInPeriod: 13, savingPerHour: 25, expenditure: 10000},
  {period: 'Q3', hoursPerWeek: 30, weeksInPeriod: 13, savingPerHour: 25, expenditure: 6000},
  {period: 'Q4', hoursPerWeek: 40, weeksInPeriod: 13, savingPerHour: 25, expenditure: 6000},
  {period: 'Q5', hoursPerWeek: 40, weeksInPeriod: null, savingPerHour: 25, expenditure: 1500},
  {period: 'Q6', hoursPerWeek: 40, weeksInPeriod: 13, savingPerHour: 25, expenditure: 4000},
  {period: 'Q7', hoursPerWeek: 40, weeksInPeriod: 13, savingPerHour: 25, expenditure: 4000},
  {period: 'Q8', hoursPerWeek: 40, weeksInPeriod: 13, savingPerHour: 25, expenditure: 4000},
];

describe('cash-flow formulas agree with the domain and the hand calculation', () => {
  test('the 8-quarter plan', () => {
    const {cell, summary} = cashFlowSheet(PLAN);
    const {rows, summary: s} = computeCashFlow(PLAN);
    rows.forEach((r, i) => {
      expect(cell(i + 2, 'Hours in period')).toBe(r.hoursInPeriod);
      expect(cell(i + 2, 'Cost avoidance')).toBe(r.costAvoidance);
      expect(cell(i + 2, 'Net cash flow')).toBe(r.net);
      expect(cell(i + 2, 'Cumulative cash flow')).toBe(r.cumulative);
    });
    // Hand: cumulative −21,750 −25,250 −21,500 −14,500 −3,000 then 6,000: Q6 is the break-even row
    expect([2, 3, 4, 5, 6, 7, 8, 9].map(r => cell(r, 'Break-even status'))).toEqual([
      'Not yet',
      'Not yet',
      'Not yet',
      'Not yet',
      'Not yet',
      'Break-even',
      'In surplus',
      'In surplus',
    ]);
    // Trailing formula rows with no period stay empty
    expect(cell(10, 'Cumulative cash flow')).toBe('');
    expect(summary('Break-even period')).toBe('Q6');
    expect(summary('Payback (months)')).toBe(16); // (65 + 13/3) weeks × 12/52 = 16
    expect(summary('Payback period')).toBe('1 year 4 months');
    expect(summary('Payback period')).toBe(s.paybackText);
    expect(summary('Total investment')).toBe(60500);
    expect(summary('Total cost avoidance')).toBe(84500);
    expect(summary('Net benefit over the plan')).toBe(24000);
    expect(summary('Steady-state annual saving')).toBe(52000); // 40 × 52 × £25
    expect(summary('Benefit per £1 invested')).toBeCloseTo(84500 / 60500, 10);
  });

  test('never breaks even', () => {
    const plan = [1, 2].map(n => ({
      period: `Q${n}`,
      hoursPerWeek: 10,
      weeksInPeriod: 13,
      savingPerHour: 10,
      expenditure: 5000,
    }));
    const {summary} = cashFlowSheet(plan);
    expect(summary('Break-even period')).toBe('Not within the plan');
    expect(summary('Payback period')).toBe('Not within the plan');
  });

  test('breaks even in the first period', () => {
    const plan = [1, 2].map(n => ({
      period: `Q${n}`,
      hoursPerWeek: 10,
      weeksInPeriod: 13,
      savingPerHour: 50,
      expenditure: 1000,
    }));
    const {summary} = cashFlowSheet(plan);
    expect(summary('Break-even period')).toBe('Q1');
    expect(summary('Payback period')).toBe('Within the first period');
  });

  test('zero expenditure: benefit per £1 says there is no investment', () => {
    const {summary} = cashFlowSheet([
      {period: 'Q1', hoursPerWeek: 5, weeksInPeriod: 13, savingPerHour: 20, expenditure: 0},
    ]);
    expect(summary('Benefit per £1 invested')).toBe('No investment in the plan');
    expect(summary('Total cost avoidance')).toBe(1300); // 65 h × £20
  });

  test('text in an hours cell: the row and the summary say check, no number shown', () => {
    const plan = PLAN.map(p => (p.period === 'Q3' ? {...p, hoursPerWeek: 'thirty'} : p));
    const {cell, summary} = cashFlowSheet(plan);
    expect(cell(4, 'Hours in period')).toBe('Check Hours per week: not a number');
    expect(cell(4, 'Cumulative cash flow')).toBe('Check this row');
    expect(cell(5, 'Cumulative cash flow')).toBe('Check the rows above');
    expect(summary('Rows to check')).toBe(6);
    for (const label of [
      'Total investment',
      'Break-even period',
      'Payback period',
      'Steady-state annual saving',
    ])
      expect(summary(label)).toBe(CHECK_ROWS);
  });

  test('negative expenditure and a blank period in the middle', () => {
    const neg = cashFlowSheet(PLAN.map(p => (p.period === 'Q2' ? {...p, expenditure: -10} : p)));
    expect(neg.cell(3, 'Net cash flow')).toBe(
      'Check Expenditure: below zero (enter savings as cost avoidance)',
    );
    const blank = cashFlowSheet([
      PLAN[0],
      {
        period: null,
        hoursPerWeek: null,
        weeksInPeriod: null,
        savingPerHour: null,
        expenditure: null,
      },
      PLAN[2],
    ]);
    expect(blank.cell(4, 'Cumulative cash flow')).toBe('Blank row above: fill it in or delete it');
    expect(blank.summary('Break-even period')).toBe(CHECK_ROWS);
    const noLabel = cashFlowSheet([PLAN[0], {...PLAN[1], period: null}]);
    expect(noLabel.cell(3, 'Cumulative cash flow')).toBe('Fill in the Period');
    expect(noLabel.summary('Rows to check')).toBe(1);
  });
});

describe('lots formulas', () => {
  function lotsSheet(term: V, lots: Record<string, V>[]) {
    const {grid, index} = sheetGrid(TAB.lots, lots);
    const {col} = withBlock(
      grid,
      'Lots totals',
      lotTotalsRows(h => columnLetter(index.get(h)! + 1)),
    );
    const contracts: V[][] = [
      ['Lot', 'Annual value'],
      ['1', 400000],
      ['1', 350000],
      ['2', 90000],
    ];
    const hf = HyperFormula.buildFromSheets(
      {
        Lots: grid as never,
        Settings: [['Framework term', term]] as never,
        Contracts: contracts as never,
      },
      {licenseKey: 'gpl-v3'},
    );
    hf.addNamedExpression('Settings_FrameworkTerm', '=Settings!$B$1');
    hf.addNamedExpression('Contracts_Lot', '=Contracts!$A:$A');
    hf.addNamedExpression('Contracts_AnnualValue', '=Contracts!$B:$B');
    const sid = hf.getSheetId('Lots')!;
    const cell = (row: number, header: string) =>
      hf.getCellValue({sheet: sid, row: row - 1, col: index.get(header)!});
    const total = (i: number) => hf.getCellValue({sheet: sid, row: i, col});
    return {cell, total};
  }
  const LOTS = [
    {
      Lot: '1',
      Title: 'Homecare',
      'Annual scoped spend': 1000000,
      'Our annual contribution': 250000,
      'Uplift %': 0.2,
    },
    {
      Lot: '2',
      Title: 'Day services',
      'Annual scoped spend': 100000,
      'Our annual contribution': 40000,
      'Uplift %': null,
    },
  ];

  test('5+2: budget, term, totals, our commitment, contracted value', () => {
    const {cell, total} = lotsSheet('5+2', LOTS);
    // Lot 1: £1,000,000 × 1.2 = £1,200,000; × 7 = £8,400,000; our £250,000 × 7 = £1,750,000; contracts 400,000 + 350,000
    expect(cell(2, 'Total annual lot budget')).toBe(1200000);
    expect(cell(2, 'Term (years)')).toBe(7);
    expect(cell(2, 'Total contract term')).toBe(8400000);
    expect(cell(2, 'Our commitment over term')).toBe(1750000);
    expect(cell(2, 'Contracted annual value')).toBe(750000);
    // Lot 2: no uplift: £100,000; × 7 = £700,000
    expect(cell(3, 'Total contract term')).toBe(700000);
    // Totals: budget 1,300,000; over term 9,100,000; our commitment (250,000 + 40,000) × 7 = 2,030,000
    expect(total(4)).toBe(1300000);
    expect(total(5)).toBe(9100000);
    expect(total(6)).toBe(2030000);
    expect(total(7)).toBe(840000);
  });

  test('uplift typed as 20 instead of 20%: a message, and the totals refuse to add up', () => {
    const {cell, total} = lotsSheet('5+2', [{...LOTS[0], 'Uplift %': 20}, LOTS[1]]);
    expect(cell(2, 'Total annual lot budget')).toBe(
      'Check Uplift %: 20 looks like 2000%. Type it as 20%',
    );
    expect(cell(2, 'Total contract term')).toBe('See Total annual lot budget');
    expect(total(4)).toBe(CHECK_LOTS);
  });

  test('a term written "five plus two"', () => {
    const {cell} = lotsSheet('five plus two', LOTS);
    expect(cell(2, 'Term (years)')).toBe('Check Settings > Framework term: write it like 5+2');
    expect(cell(2, 'Total contract term')).toBe('See Term (years)');
    expect(lotsSheet(' 3 + 1 ', LOTS).cell(2, 'Term (years)')).toBe(4);
    expect(lotsSheet(6, LOTS).cell(2, 'Term (years)')).toBe(6);
  });
});

describe('dashboard formulas (HyperFormula, dates relative to the real today since HyperFormula TODAY() is the system date)', () => {
  const now = new Date();
  const serial = (days: number) =>
    Math.floor(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86400000) +
    25569 +
    days;

  test('actions by owner, contracts ending (Extended to replaces End date), next meeting', () => {
    const layout = dashboardLayout(['Ann Lee', 'Bo Chan']);
    const actions = [
      ['Action to be taken by', 'Action', 'Status', 'Review date'],
      ['Ann Lee', 'Write the report', 'Open', serial(-3)], // overdue
      ['Bo Chan; Ann Lee', 'Visit providers', 'Ongoing', serial(2)], // due soon (within 7 days)
      ['Bo Chan', 'Draft the brief', 'On hold', serial(30)], // open, neither
      ['Ann Lee', 'Old item', 'Closed', serial(-40)], // closed: not counted
    ];
    const contracts = [
      ['Reference', 'Provider', 'Annual value', 'End date', 'Extended to', 'Status', 'Notice'],
      ['C-1', 'Acorn', 100, serial(10), null, 'Live', null], // ends in 10 days
      ['C-2', 'Birch', 200, serial(10), null, null, 'ninety'], // same day (unreadable notice: none)
      ['C-3', 'Cedar', 400, serial(-5), serial(100), null, null], // ended but extended to day 100: in the window
      ['C-4', 'Dale', 800, serial(300), null, null, 365], // beyond 180 days but inside its notice period
      ['C-5', 'Elm', 1600, serial(50), serial(400), null, null], // extended beyond the window
      ['C-6', 'Fir', 3200, serial(20), null, 'ended', null], // Status Ended: not counted, not listed
      ['C-7', 'Gum', 6400, serial(200), null, null, 30], // beyond 180 days and its notice period
    ];
    const meetings = [
      ['Meeting date', 'Status', 'Agenda', 'Report', 'Despatch'],
      [serial(-20), 'Held', null, null, null],
      [serial(12), 'Cancelled', null, null, null],
      [serial(30), 'Confirmed', serial(16), serial(21), serial(24)],
    ];
    const members = [
      ['Name', 'Status', 'Provider size', 'Term end', 'Role', 'Term start', 'Groups', 'Types'],
      ['Ann Lee', 'Active', 'Small', serial(20), 'Chair', serial(-400), 'Carers', 'Homecare'],
      ['Bo Chan', 'Active', 'Large', serial(400), 'member', null, 'older people; Carers', null],
      ['Cy Dee', 'Left', 'Small', serial(10), 'Member', null, 'Mental health', null],
      // Not serving: a deputy, a term not started, a term ended but still Active.
      ['Di Dep', 'Active', 'Large', null, 'Deputy', null, 'Mental health', 'Day services'],
      ['Ed Early', 'Active', 'Large', null, 'Member', serial(30), 'Mental health', null],
      ['Fay Gone', '', 'Small', serial(-3), 'Vice-chair', null, 'Mental health', null],
    ];
    const settings = [
      ['Setting', 'Value'],
      ['Action due soon days', '7'],
      ['Minimum members', '2'],
      ['Maximum members', '10'],
      ['Minimum small providers', '1'],
      ['Minimum large providers', '2'],
      ['Term warning days', '60'],
      ['Contract warning days', '180'],
      ['Required client groups', 'Older people; Mental health; Carers'],
      ['Required service types', 'Homecare; Day services'],
    ];
    const hf = HyperFormula.buildFromSheets(
      {
        Dashboard: layout.values as never,
        Actions: actions as never,
        Contracts: contracts as never,
        Meetings: meetings as never,
        Members: members as never,
        Settings: settings as never,
        Other: [['CF', 'Lots']] as never,
      },
      {licenseKey: 'gpl-v3'},
    );
    const names: [string, string][] = [
      ['Actions_Owner', 'Actions!$A:$A'],
      ['Actions_Action', 'Actions!$B:$B'],
      ['Actions_Status', 'Actions!$C:$C'],
      ['Actions_ReviewDate', 'Actions!$D:$D'],
      ['Contracts_Reference', 'Contracts!$A:$A'],
      ['Contracts_Provider', 'Contracts!$B:$B'],
      ['Contracts_AnnualValue', 'Contracts!$C:$C'],
      ['Contracts_EndDate', 'Contracts!$D:$D'],
      ['Contracts_ExtendedTo', 'Contracts!$E:$E'],
      ['Contracts_Status', 'Contracts!$F:$F'],
      ['Contracts_NoticePeriodDays', 'Contracts!$G:$G'],
      ['Meetings_Date', 'Meetings!$A:$A'],
      ['Meetings_Status', 'Meetings!$B:$B'],
      ['Meetings_AgendaAgreedBy', 'Meetings!$C:$C'],
      ['Meetings_ReportDeadline', 'Meetings!$D:$D'],
      ['Meetings_PapersDespatchBy', 'Meetings!$E:$E'],
      ['Members_Name', 'Members!$A:$A'],
      ['Members_Status', 'Members!$B:$B'],
      ['Members_ProviderSize', 'Members!$C:$C'],
      ['Members_TermEnd', 'Members!$D:$D'],
      ['Members_Role', 'Members!$E:$E'],
      ['Members_TermStart', 'Members!$F:$F'],
      ['Members_ClientGroups', 'Members!$G:$G'],
      ['Members_ServiceTypes', 'Members!$H:$H'],
      ['Settings_ActionDueSoonDays', 'Settings!$B$2'],
      ['Settings_MinimumMembers', 'Settings!$B$3'],
      ['Settings_MaximumMembers', 'Settings!$B$4'],
      ['Settings_MinimumSmallProviders', 'Settings!$B$5'],
      ['Settings_MinimumLargeProviders', 'Settings!$B$6'],
      ['Settings_TermWarningDays', 'Settings!$B$7'],
      ['Settings_ContractWarningDays', 'Settings!$B$8'],
      ['Settings_RequiredClientGroups', 'Settings!$B$9'],
      ['Settings_RequiredServiceTypes', 'Settings!$B$10'],
    ];
    for (const n of [
      'CashFlow_BreakEvenPeriod',
      'CashFlow_Payback',
      'CashFlow_AnnualSaving',
      'CashFlow_TotalInvestment',
      'CashFlow_TotalCostAvoidance',
      'CashFlow_BenefitPerPound',
    ])
      names.push([n, 'Other!$A$1']);
    for (const n of [
      'Lots_TotalAnnualBudget',
      'Lots_TotalContractTerm',
      'Lots_TotalOurCommitment',
      'Lots_TotalContractedAnnualValue',
    ])
      names.push([n, 'Other!$B$1']);
    // The Risk triggers block reads an empty register here.
    names.push(['Risk_Trigger', 'Other!$C:$C'], ['Risk_RAG', 'Other!$D:$D']);
    names.push(['Risk_AssessedOn', 'Other!$E:$E']);
    for (const [n, ref] of names) hf.addNamedExpression(n, `=${ref}`);
    const d = hf.getSheetId('Dashboard')!;
    const values = hf.getSheetValues(d);
    const row = (label: string) => values.find(l => l[0] === label)!;
    for (const line of values)
      for (const v of line)
        expect(
          typeof v === 'object' && v !== null ? String((v as {value?: string}).value) : 'ok',
        ).toBe('ok');
    // Open (not closed): 3; overdue: "Write the report"; due soon: "Visit providers"
    expect(row('All owners').slice(1, 4)).toEqual([3, 1, 1]);
    // Ann Lee owns 1 alone and shares 1: open 2, overdue 1, due soon 1; Bo Chan: open 2, due soon 1
    expect(row('Ann Lee').slice(1, 4)).toEqual([2, 1, 1]);
    expect(row('Bo Chan').slice(1, 4)).toEqual([2, 0, 1]);
    expect(['Open', 'Ongoing', 'On hold', 'Closed'].map(s => row(s)[1])).toEqual([1, 1, 1, 1]);
    // Next meeting: day 30 (day 12 is cancelled), 30 days to go; its deadlines from the same row
    expect(row('Meeting').slice(1, 3)).toEqual([serial(30), 30]);
    expect(row('Papers despatch by').slice(1, 4)).toEqual([serial(24), 24, '']);
    // Serving: Ann Lee and Bo Chan ("member" matches as Sheets' COUNTIFS ignores case); not Cy
    // Dee (Left), Di Dep (a deputy), Ed Early (term not started), Fay Gone (term ended).
    expect(row('Serving members').slice(1, 4)).toEqual([2, '2 to 10', 'Meets the rule']);
    expect(row('Small providers')[1]).toBe(1);
    expect(row('Large providers').slice(1, 4)).toEqual([1, 'at least 2', 'Check']);
    // Ann Lee's term ends within 60 days; Fay Gone's has ended while her Status is not Left.
    expect(row('Terms ending soon')[1]).toBe(1);
    expect(row('Term ended, still Active')[1]).toBe(1);
    // Coverage by serving members only: Older people (Bo Chan, "older people") and Carers, not
    // Mental health (a leaver, a deputy, a term not started, a term ended); Homecare, not Day services.
    expect(row('Client groups covered').slice(1, 4)).toEqual([2, 'of 3 required', 'Check']);
    expect(row('Service types covered').slice(1, 4)).toEqual([1, 'of 2 required', 'Check']);
    // Ending within 180 days or the notice period if longer (domain/watch.ts endingInWindow):
    // C-1, C-2 (day 10), C-3 (extended to day 100) and C-4 (day 300, 365 days' notice): £1,500
    expect(row('All').slice(1, 3)).toEqual([4, 1500]);
    // The next five to end from today, Status not Ended (C-6 is left out).
    const list = values.slice(values.findIndex(l => l[0] === 'Next to end') + 1).slice(0, 5);
    expect(list.map(l => l.slice(0, 3))).toEqual([
      ['C-1 (Acorn) and 1 more', serial(10), 2],
      ['C-3 (Cedar)', serial(100), 1],
      ['C-7 (Gum)', serial(200), 1],
      ['C-4 (Dale)', serial(300), 1],
      ['C-5 (Elm)', serial(400), 1],
    ]);
  });
});
