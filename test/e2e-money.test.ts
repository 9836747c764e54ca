/**
 * Money end to end, as an officer works: `clerk new`, Committee > Set up money tabs, business-case
 * inputs pasted with `clerk import` and typed with `clerk edit`, computed cells read back with
 * `clerk get --json`, checked against figures worked by hand (in the comments).
 * Runs dist/Code.js in the emulator in-process (main from emulator/cli). `npm test` builds first.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../emulator/cli';
import { BufferIo } from '../emulator/services/io';

const TODAY = '2026-11-23';
jest.setTimeout(60000);

async function clerk(...argv: string[]): Promise<BufferIo> {
  const io = new BufferIo();
  const code = await main([...argv, '--today', TODAY], io);
  if (code !== 0) throw new Error(`clerk ${argv.join(' ')} → ${code}\n${io.stderr.join('\n')}`);
  return io;
}

async function grid(book: string, a1: string): Promise<unknown[][]> {
  const io = await clerk('get', book, a1, '--json');
  return JSON.parse(io.stdout.join('\n'));
}

/** The block beside a table (label → value), found by its title in row 1. */
async function block(book: string, tab: string, title: string): Promise<Record<string, unknown>> {
  const g = await grid(book, `${tab}!A1:Z14`);
  const col = (g[0] as unknown[]).findIndex((h) => h === title);
  if (col < 0) throw new Error(`no "${title}" block on ${tab}`);
  const out: Record<string, unknown> = {};
  for (const line of g.slice(1)) if (line[col]) out[String(line[col])] = line[col + 1];
  return out;
}

/** Rows of a tab as objects by header. */
async function rows(book: string, tab: string, a1: string): Promise<Record<string, unknown>[]> {
  const g = await grid(book, `${tab}!${a1}`);
  const headers = (g[0] as unknown[]).map(String);
  return g.slice(1).filter((l) => l.some((v) => v !== '' && v !== null)).map((l) => Object.fromEntries(headers.map((h, i) => [h, l[i]])));
}

function csv(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text.trim() + '\n');
  return file;
}

let dir: string;
let book: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'money-'));
  book = path.join(dir, 'money.xlsx');
  await clerk('new', book);
  await clerk('run', book, 'setUpMoneyTabs');
  // The business case of test/domain-money.test.ts, pasted as an officer pastes it.
  await clerk('import', book, 'Cash flow', csv(dir, 'plan.csv', `
Period,Hours per week,Weeks in period,Saving per hour,Expenditure
Q1,10,13,£25.00,"£25,000"
Q2,20,13,25,10000
Q3,30,13,25,6000
Q4,40,13,25,6000
Q5,40,,25,1500
Q6,40,13,25,4000
Q7,40,13,25,4000
Q8,40,13,25,4000`));
});

describe('Cash flow', () => {
  test('the imported plan computes as worked by hand', async () => {
    const r = await rows(book, 'Cash flow', 'A1:J10');
    // Hours: 10×13=130, 20×13=260, 390, 520, Q5 weeks empty → 13 → 520, 520, 520, 520
    expect(r.map((x) => x['Hours in period'])).toEqual([130, 260, 390, 520, 520, 520, 520, 520]);
    // Avoidance: 130×25=3,250; 6,500; 9,750; 13,000 ×5
    expect(r.map((x) => x['Cost avoidance'])).toEqual([3250, 6500, 9750, 13000, 13000, 13000, 13000, 13000]);
    // Net: 3,250−25,000=−21,750; 6,500−10,000=−3,500; 3,750; 7,000; 11,500; 9,000; 9,000; 9,000
    expect(r.map((x) => x['Net cash flow'])).toEqual([-21750, -3500, 3750, 7000, 11500, 9000, 9000, 9000]);
    expect(r.map((x) => x['Cumulative cash flow'])).toEqual([-21750, -25250, -21500, -14500, -3000, 6000, 15000, 24000]);
    expect(r.map((x) => x['Break-even status'])).toEqual(['Not yet', 'Not yet', 'Not yet', 'Not yet', 'Not yet', 'Break-even', 'In surplus', 'In surplus']);
    const s = await block(book, 'Cash flow', 'Business case summary');
    expect(s['Break-even period']).toBe('Q6');
    // 5 quarters (65 weeks) + 3,000 owed ÷ 9,000 × 13 weeks = 69.33 weeks × 12/52 = 16 months
    expect(s['Payback (months)']).toBe(16);
    expect(s['Payback period']).toBe('1 year 4 months');
    expect(s['Total investment']).toBe(60500);
    expect(s['Total cost avoidance']).toBe(84500);
    expect(s['Steady-state annual saving']).toBe(52000); // 40 × 52 × £25
    expect(s['Benefit per £1 invested'] as number).toBeCloseTo(84500 / 60500, 9);
  });

  test('editing one input recalculates the payback', async () => {
    // Q6 (row 7) expenditure 4,000 → 8,500: net 13,000 − 8,500 = 4,500; cumulative −3,000 + 4,500 = 1,500
    // payback 65 + (3,000 ÷ 4,500) × 13 = 73.67 weeks × 12/52 = 17.0 → 1 year 5 months
    await clerk('edit', book, 'Cash flow!G7', '8500');
    const s = await block(book, 'Cash flow', 'Business case summary');
    expect(s['Payback (months)']).toBe(17);
    expect(s['Payback period']).toBe('1 year 5 months');
    expect(s['Total investment']).toBe(65000);
    await clerk('edit', book, 'Cash flow!G7', '4000');
    expect((await block(book, 'Cash flow', 'Business case summary'))['Payback period']).toBe('1 year 4 months');
  });

  test('text typed in an hours cell never leaves a wrong number standing', async () => {
    await clerk('edit', book, 'Cash flow!B4', 'thirty');
    const r = await rows(book, 'Cash flow', 'A1:J10');
    const s = await block(book, 'Cash flow', 'Business case summary');
    if (r[2]['Hours per week'] === 'thirty') {
      // Kept and flagged: the row and every total say to check it
      expect(r[2]['Cumulative cash flow']).toBe('Check this row');
      expect(s['Payback period']).toBe('Check the rows marked in Cumulative cash flow');
    } else {
      // Refused: the old value is back and the figures are the hand-worked ones
      expect(r[2]['Hours per week']).toBe(30);
      expect(s['Payback period']).toBe('1 year 4 months');
    }
    await clerk('edit', book, 'Cash flow!B4', '30');
    expect((await block(book, 'Cash flow', 'Business case summary'))['Payback period']).toBe('1 year 4 months');
  });
});

describe('edge cases in their own books', () => {
  async function plan(name: string, body: string): Promise<{ book: string; s: Record<string, unknown> }> {
    const b = path.join(dir, `${name}.xlsx`);
    await clerk('new', b);
    await clerk('run', b, 'setUpMoneyTabs');
    await clerk('import', b, 'Cash flow', csv(dir, `${name}.csv`, `Period,Hours per week,Weeks in period,Saving per hour,Expenditure\n${body}`));
    return { book: b, s: await block(b, 'Cash flow', 'Business case summary') };
  }

  test('never breaks even; breaks even at once; spends nothing', async () => {
    // 130 h × £10 = 1,300 − 5,000 = −3,700 a quarter: cumulative −3,700, −7,400
    const never = await plan('never', 'Y1 Q1,10,13,10,5000\nY1 Q2,10,13,10,5000');
    expect(never.s['Break-even period']).toBe('Not within the plan');
    expect(never.s['Payback period']).toBe('Not within the plan');
    // 130 h × £50 = 6,500 − 1,000 = 5,500 ≥ 0 in the first quarter; no spending in Q2
    const first = await plan('first', 'Q1,10,13,50,1000\nQ2,10,13,50,0');
    expect(first.s['Break-even period']).toBe('Q1');
    expect(first.s['Payback period']).toBe('Within the first period');
    // 65 h × £20 = 1,300 avoided, nothing spent: no benefit ratio to show
    const free = await plan('free', 'Q1,5,13,20,0');
    expect(free.s['Benefit per £1 invested']).toBe('No investment in the plan');
    expect(free.s['Total cost avoidance']).toBe(1300);
  });

  test('a blank period in the middle is pointed at, and the totals refuse to add up', async () => {
    const gap = await plan('gap', 'Q1,10,13,25,1000\n,,,,\nQ3,10,13,25,1000');
    const r = await grid(gap.book, 'Cash flow!A1:J4');
    // Either the import skipped the blank line (then Q3 is row 3 and all is well: 2,250 + 2,250) or row 3 is blank
    if (r[2][0] === 'Q3') {
      expect(gap.s['Total cost avoidance']).toBe(6500); // 130 h × £25 × 2
    } else {
      expect(r[3][8]).toBe('Blank row above: fill it in or delete it');
      expect(gap.s['Break-even period']).toBe('Check the rows marked in Cumulative cash flow');
    }
  });
});

describe('Lots, contracts and pooled budgets', () => {
  beforeAll(async () => {
    await clerk('import', book, 'Lots', csv(dir, 'lots.csv', `
Lot,Title,Annual scoped spend,Our annual contribution,Uplift %
1,Homecare,"£1,000,000","£250,000",20%
2,Day services,"£100,000","£40,000",`));
    await clerk('import', book, 'Contracts', csv(dir, 'contracts.csv', `
Reference,Provider,Contract/grant,Lot,Funding type,Annual value,Start date,End date,LA contribution,Partner contribution,Status
C-001,Acorn Care Ltd,Homecare north,1,Contract,"£400,000",01/04/2024,31/03/2027,,,Active
C-002,Birch Homecare CIC,Homecare south,1,Contract,"£350,000",01/04/2024,31/12/2026,,,Active
C-003,Cedar Day Centre,Day opportunities,2,Section 75,"£90,000",01/04/2025,31/03/2028,"£67,500","£22,500",Active`));
  });

  test('lot budgets over the 5+2 term, our commitment, contracted value per lot', async () => {
    const r = await rows(book, 'Lots', 'A1:J3');
    // Lot 1: £1,000,000 × 1.2 = £1,200,000 a year; × 7 = £8,400,000; ours £250,000 × 7 = £1,750,000; contracts 400,000 + 350,000
    expect(r[0]).toMatchObject({ 'Total annual lot budget': 1200000, 'Term (years)': 7, 'Total contract term': 8400000, 'Our commitment over term': 1750000, 'Contracted annual value': 750000 });
    // Lot 2: no uplift: £100,000; × 7 = £700,000; ours £40,000 × 7 = £280,000; contract C-003 £90,000
    expect(r[1]).toMatchObject({ 'Total annual lot budget': 100000, 'Total contract term': 700000, 'Our commitment over term': 280000, 'Contracted annual value': 90000 });
    const t = await block(book, 'Lots', 'Lots totals');
    expect(t['Total annual lot budget']).toBe(1300000);
    expect(t['Total over the contract term']).toBe(9100000);
    expect(t['Our commitment over the term']).toBe(2030000);
  });

  test('Section 75 shares of the pool', async () => {
    const r = await rows(book, 'Contracts', 'A1:R4');
    // £67,500 + £22,500 = £90,000 pool: 75% / 25%
    expect(r[2]['LA share']).toBe(0.75);
    expect(r[2]['Partner share']).toBe(0.25);
    expect(r[0]['LA share']).toBe('');
  });

  test('an uplift typed as 20 instead of 20% shows a message, not £21,000,000', async () => {
    await clerk('edit', book, 'Lots!E2', '20');
    const r = await rows(book, 'Lots', 'A1:J3');
    if (r[0]['Uplift %'] === 20) {
      expect(r[0]['Total annual lot budget']).toBe('Check Uplift %: 20 looks like 2000%. Type it as 20%');
      expect((await block(book, 'Lots', 'Lots totals'))['Total annual lot budget']).toBe('Check the lots marked in red text');
    } else {
      expect(r[0]['Total annual lot budget']).toBe(1200000);
    }
    await clerk('edit', book, 'Lots!E2', '20%');
    expect((await rows(book, 'Lots', 'A1:J3'))[0]['Total annual lot budget']).toBe(1200000);
  });

  test('a framework term written "five plus two" is named, not guessed', async () => {
    const settings = await grid(book, 'Settings!A1:B60');
    const row = settings.findIndex((l) => l[0] === 'Framework term') + 1;
    expect(row).toBeGreaterThan(1);
    await clerk('edit', book, `Settings!B${row}`, 'five plus two');
    let r = await rows(book, 'Lots', 'A1:J3');
    expect(r[0]['Term (years)']).toBe('Check Settings > Framework term: write it like 5+2');
    expect(r[0]['Total contract term']).toBe('See Term (years)');
    await clerk('edit', book, `Settings!B${row}`, '3 + 1');
    r = await rows(book, 'Lots', 'A1:J3');
    expect(r[0]['Total contract term']).toBe(4800000); // 1,200,000 × 4
    await clerk('edit', book, `Settings!B${row}`, '5+2');
  });
});
