/**
 * The Dashboard end to end on the demo group: built by Committee > Refresh dashboard within its
 * service-call budget, every formula in the workbook evaluates without an error value, the
 * figures agree with counts taken independently from the registers, the charts exist and draw,
 * and LibreOffice computes the Cash flow templates to the hand-worked plan (the saved demo's every
 * formula is recalculated by LibreOffice in test/emulator/libreoffice-demo.test.ts).
 * Charts: developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 */
import {mkdtempSync, readFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {DetailedCellError} from 'hyperformula';
import {getComputed, type WorkbookModel} from '../emulator/sheets';
import {chartDataFromRanges, renderChartPng} from '../emulator/charts/render';
import {renderXlsxToPng, writePrintXlsx} from '../scripts/print-dashboard';
import {addChartImages} from '../emulator/charts/xlsx-images';
import {tabSpec} from '../src/workbook/schema';
import {resolveTemplate, columnLetter} from '../src/workbook/formulas';
import {cashFlowSummaryRows} from '../src/workbook/cashflow';
import {resolveBlock} from '../src/workbook/side-block';
import {computeCashFlow} from '../src/domain/money';
import {runSoffice} from '../emulator/drive/soffice';
import {openWorkbook, type Clerk, type Stats} from './driver';
import {onPath, testWith} from './tools';

let dir: string;
let demo: Clerk;
let refreshStats: Stats;
let model: WorkbookModel;
/** Computed cells of the workbook, dates as YYYY-MM-DD (what `clerk get --json` prints). */
const cells = (a1: string): unknown[][] => demo.cells(a1);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dash-'));
  demo = await openWorkbook({demo: true});
  demo.run('refreshDashboard'); // first run builds the tab and its charts
  refreshStats = demo.run('refreshDashboard').stats;
  model = demo.model;
});

test('Refresh dashboard stays within 17 service calls (no per-row work: formulas do the counting)', () => {
  // 13 for the Dashboard (the Actions and Lists tabs by their span: Spreadsheet.getRange and
  // getValues each, was 3 with getSheetByName and getDataRange; the layout written) and 4 for
  // the caller check.
  expect(refreshStats.total).toBeLessThanOrEqual(17);
  expect(refreshStats.calls['Spreadsheet.getRange']).toBe(2);
  expect(refreshStats.calls['Range.setValues']).toBe(1);
  expect(refreshStats.calls['Range.getValue'] ?? 0).toBe(0);
});

test('every formula in the demo workbook evaluates without an error value', async () => {
  const errors: string[] = [];
  for (const sheet of model.sheets) {
    const values = model.hf.getSheetValues(sheet.hfId);
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v instanceof DetailedCellError)
          errors.push(
            `${sheet.name}!R${r + 1}C${c + 1} ${v.value} ${model.hf.getCellFormula({sheet: sheet.hfId, row: r, col: c}) ?? ''}`.slice(
              0,
              300,
            ),
          );
      }),
    );
  }
  expect(errors).toEqual([]);
});

test('Cash flow: cumulative below zero red, the break-even row green; the summary is protected (warning only)', () => {
  const cf = model.sheets.find(s => s.name === 'Cash flow')!;
  const ours = cf.conditionalFormats.filter(r =>
    JSON.stringify(r.condition).includes('Committee Clerk money'),
  );
  expect(ours.map(r => r.format)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({background: '#ceead6', bold: true}),
      expect.objectContaining({fontColor: '#b3261e'}),
    ]),
  );
  expect(
    cf.protections.some(
      p => p.description.startsWith('Committee Clerk: Business case summary') && p.warningOnly,
    ),
  ).toBe(true);
});

test('the Dashboard agrees with counts taken from the registers', async () => {
  const dash = cells('Dashboard!A1:D70');
  const row = (label: string) => dash.find(l => l[0] === label)!;
  // The day the formulas saw (TODAY()): --today once the emulator's TODAY follows the clock.
  const today = String(row('Today')[1]);
  const week = new Date(`${today}T12:00:00Z`);
  week.setUTCDate(week.getUTCDate() + 7);
  const weekOn = week.toISOString().slice(0, 10);
  const actions = cells('Actions!A1:J200');
  const h = actions[0] as string[];
  const col = (name: string) => h.indexOf(name);
  const live = actions
    .slice(1)
    .filter(l => l[col('Action')] !== '' && l[col('Status')] !== 'Closed');
  const review = (l: unknown[]) => String(l[col('Review date')] ?? '');
  // Overdue: review date before today; due soon: today to today + 7 days (Settings default)
  const overdue = live.filter(l => review(l) !== '' && review(l) < today).length;
  const soon = live.filter(l => review(l) >= today && review(l) <= weekOn).length;
  expect(row('All owners').slice(1, 4)).toEqual([live.length, overdue, soon]);
  expect(live.length).toBeGreaterThan(0);
  const byStatus = (s: string) =>
    actions.slice(1).filter(l => l[col('Action')] !== '' && l[col('Status')] === s).length;
  for (const s of ['Open', 'Ongoing', 'On hold', 'Closed']) expect(row(s)[1]).toBe(byStatus(s));
  // Cash-flow summary rows are the named cells of the Cash flow tab
  const cf = cells("'Cash flow'!L1:M12");
  const cfv = (label: string) => cf.find(l => l[0] === label)![1];
  expect(row('Break-even period')[1]).toBe(cfv('Break-even period'));
  expect(row('Payback period')[1]).toBe(cfv('Payback period'));
  expect(row('Steady-state annual saving')[1]).toBe(cfv('Steady-state annual saving'));
  // Next meeting: the earliest meeting on or after today that is not cancelled
  const meetings = cells('Meetings!A1:F40');
  const mh = meetings[0] as string[];
  const next = meetings
    .slice(1)
    .map(l => [String(l[mh.indexOf('Meeting date')]), l[mh.indexOf('Status')]] as const)
    .filter(([d, s]) => d >= today && s !== 'Cancelled')
    .map(([d]) => d)
    .sort()[0];
  expect(row('Meeting')[1]).toBe(next);
});

test('three charts: cumulative cash flow, actions by status, contract value by lot; each draws as a PNG', async () => {
  const sheet = model.sheets.find(s => s.name === 'Dashboard')!;
  expect(sheet.charts.map(c => [c.type, c.options.title])).toEqual([
    ['COLUMN', 'Cumulative cash flow by period'],
    ['PIE', 'Actions by status'],
    ['COLUMN', 'Contract value by lot (annual)'],
  ]);
  const cash = chartDataFromRanges(sheet.charts[0], a1 => getComputed(model, a1).values);
  const cum = cells("'Cash flow'!I2:I9").map(l => l[0]);
  expect(cash.values).toEqual(cum);
  const png = renderChartPng(sheet.charts[0], cash);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(560); // IHDR width
  // As pictures in an xlsx (what saveXlsx can add for people opening the file)
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Dashboard');
  expect(addChartImages(wb, model)).toBe(3);
  const file = path.join(dir, 'pictures.xlsx');
  await wb.xlsx.writeFile(file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  expect(
    back
      .getWorksheet('Dashboard')!
      .getImages()
      .map(i => [i.range.tl.nativeCol, i.range.tl.nativeRow]),
  ).toEqual([
    [5, 0],
    [5, 16],
    [5, 32],
  ]);
});

/** LibreOffice's own results for the saved demo workbook and for the Cash flow templates. */
describe('LibreOffice', () => {
  const withLibreOffice = testWith('soffice');
  let loTemplates: ExcelJS.Workbook;
  let templates: ReturnType<typeof writeTemplates>;
  // Three steps, each with its own time limit: the awaited file work, then LibreOffice (which
  // runs synchronously), then reading its results.
  beforeAll(async () => {
    templates = writeTemplates();
    await templates.wb.xlsx.writeFile(path.join(dir, 'templates.xlsx'));
  });
  beforeAll(() => {
    if (!onPath('soffice')) return;
    // Handed to the run's LibreOffice (test/global-setup.cjs). The saved demo's every formula is
    // recalculated by LibreOffice and compared in test/emulator/libreoffice-demo.test.ts.
    const out = path.join(dir, 'lo');
    const r = runSoffice(
      [
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        path.join(dir, 'templates.xlsx'),
      ],
      [path.join(out, 'templates.xlsx')],
      dir,
    );
    if (r.status !== 0 || !existsSync(path.join(out, 'templates.xlsx')))
      throw new Error(
        `LibreOffice did not recalculate the workbook (${r.status ?? r.signal}): ${r.stderr}`,
      );
  });
  beforeAll(async () => {
    if (!onPath('soffice')) return;
    loTemplates = new ExcelJS.Workbook();
    await loTemplates.xlsx.readFile(path.join(dir, 'lo', 'templates.xlsx'));
  });

  withLibreOffice(
    'the Cash flow templates as written for Sheets (OFFSET to the row above) compute the hand-worked plan in LibreOffice',
    () => {
      const {index, block, blockCol, plan} = templates;
      const back = loTemplates.getWorksheet('Cash flow')!;
      const result = (r: number, c: number) => {
        const v = back.getCell(r, c).value as {result?: unknown} | null;
        return v && typeof v === 'object' && 'result' in v
          ? v.result
          : (v as {formula?: string} | null)?.formula
            ? 0
            : v;
      };
      const {rows, summary} = computeCashFlow(plan);
      const cum = index.get('Cumulative cash flow')! + 1;
      // −21,750 −25,250 −21,500 −14,500 −3,000 6,000 15,000 24,000, as worked by hand in test/domain-money.test.ts
      expect(rows.map((_r, i) => result(i + 2, cum))).toEqual(rows.map(r => r.cumulative));
      expect(rows.map((_r, i) => result(i + 2, index.get('Break-even status')! + 1))).toEqual([
        'Not yet',
        'Not yet',
        'Not yet',
        'Not yet',
        'Not yet',
        'Break-even',
        'In surplus',
        'In surplus',
      ]);
      const at = (label: string) =>
        result(block.findIndex(b => b.label === label) + 2, blockCol + 1);
      expect(at('Break-even period')).toBe('Q6');
      expect(at('Payback period')).toBe(summary.paybackText); // 1 year 4 months
      expect(at('Steady-state annual saving')).toBe(52000);
    },
  );

  testWith('soffice', 'pdftoppm')('the Dashboard renders to a PNG with its charts', async () => {
    const print = path.join(dir, 'dashboard-print.xlsx');
    expect(await writePrintXlsx(model, print)).toBe(3);
    const png = renderXlsxToPng(print, path.join(dir, 'dashboard.png'), 90);
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(existsSync(png)).toBe(true);
  });
});

/**
 * The Cash flow tab written straight from the schema's templates (the emulator saves
 * OFFSET(I3,-1,0) as I2, as HyperFormula normalises it), with the hand-worked plan.
 */
function writeTemplates() {
  const spec = tabSpec('Cash flow');
  const headers = spec.columns.map(c => c.header);
  const index = new Map(headers.map((h, i) => [h, i]));
  const plan = [
    [10, 25000],
    [20, 10000],
    [30, 6000],
    [40, 6000],
    [40, 1500],
    [40, 4000],
    [40, 4000],
    [40, 4000],
  ].map(([hours, spend], i) => ({
    period: `Q${i + 1}`,
    hoursPerWeek: hours,
    weeksInPeriod: i === 4 ? null : 13,
    savingPerHour: 25,
    expenditure: spend,
  }));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cash flow');
  ws.addRow(headers);
  plan.forEach((p, i) => {
    const input: Record<string, unknown> = {
      Period: p.period,
      'Hours per week': p.hoursPerWeek,
      'Weeks in period': p.weeksInPeriod,
      'Saving per hour': p.savingPerHour,
      Expenditure: p.expenditure,
    };
    spec.columns.forEach((c, j) => {
      const cell = ws.getCell(i + 2, j + 1);
      if (c.formula)
        cell.value = {
          formula: resolveTemplate(c.formula, i + 2, index).slice(1),
        } as ExcelJS.CellFormulaValue;
      else if (input[c.header] !== null && input[c.header] !== undefined)
        cell.value = input[c.header] as ExcelJS.CellValue;
    });
  });
  const block = cashFlowSummaryRows(h => columnLetter(index.get(h)! + 1));
  const blockCol = headers.length + 2;
  resolveBlock(block, blockCol + 1, 2).forEach((f, i) => {
    ws.getCell(i + 2, blockCol).value = block[i].label;
    ws.getCell(i + 2, blockCol + 1).value = {formula: f.slice(1)} as ExcelJS.CellFormulaValue;
  });
  return {wb, index, block, blockCol, plan};
}
