/**
 * Money end to end, as an officer works: a new workbook (set-up writes the Cash flow summary
 * and Lots totals), business-case inputs pasted and typed, computed cells read back, checked
 * against figures worked by hand (in the comments). dist/Code.js runs in one in-process
 * workspace per workbook (test/driver.ts). `npm test` builds first.
 */
import {openWorkbook, type Clerk} from './driver';

/** Rows of a tab as objects by header, and the block beside the table (label → value). */
function read(
  c: Clerk,
  tab: string,
  a1 = 'A1:Z14',
  title?: string,
): {rows: Record<string, unknown>[]; block: Record<string, unknown>} {
  const g = c.cells(`${tab}!${a1}`);
  const headers = (g[0] as unknown[]).map(String);
  const col = title ? headers.indexOf(title) : -1;
  const end = col >= 0 ? col - 1 : headers.length;
  const rows = g
    .slice(1)
    .filter(l => l.slice(0, end).some(v => v !== '' && v !== null))
    .map(l => Object.fromEntries(headers.slice(0, end).map((h, i) => [h, l[i]])));
  const block: Record<string, unknown> = {};
  if (col >= 0)
    for (const line of g.slice(1)) if (line[col]) block[String(line[col])] = line[col + 1];
  return {rows, block};
}
const cashFlow = (c: Clerk) => read(c, "'Cash flow'", 'A1:M14', 'Business case summary');
const lots = (c: Clerk) => read(c, 'Lots', 'A1:M9', 'Lots totals');

let book: Clerk;

beforeAll(async () => {
  book = await openWorkbook();
  // The business case of test/domain-money.test.ts, pasted as an officer pastes it.
  book.paste(
    'Cash flow',
    `
Period,Hours per week,Weeks in period,Saving per hour,Expenditure
Q1,10,13,£25.00,"£25,000"
Q2,20,13,25,10000
Q3,30,13,25,6000
Q4,40,13,25,6000
Q5,40,,25,1500
Q6,40,13,25,4000
Q7,40,13,25,4000
Q8,40,13,25,4000`,
  );
});

describe('Cash flow', () => {
  test('the imported plan computes as worked by hand', () => {
    const {rows: r, block: s} = cashFlow(book);
    // Hours: 10×13=130, 20×13=260, 390, 520, Q5 weeks empty → 13 → 520, 520, 520, 520
    expect(r.map(x => x['Hours in period'])).toEqual([130, 260, 390, 520, 520, 520, 520, 520]);
    // Avoidance: 130×25=3,250; 6,500; 9,750; 13,000 ×5
    expect(r.map(x => x['Cost avoidance'])).toEqual([
      3250, 6500, 9750, 13000, 13000, 13000, 13000, 13000,
    ]);
    // Net: 3,250−25,000=−21,750; 6,500−10,000=−3,500; 3,750; 7,000; 11,500; 9,000; 9,000; 9,000
    expect(r.map(x => x['Net cash flow'])).toEqual([
      -21750, -3500, 3750, 7000, 11500, 9000, 9000, 9000,
    ]);
    expect(r.map(x => x['Cumulative cash flow'])).toEqual([
      -21750, -25250, -21500, -14500, -3000, 6000, 15000, 24000,
    ]);
    expect(r.map(x => x['Break-even status'])).toEqual([
      'Not yet',
      'Not yet',
      'Not yet',
      'Not yet',
      'Not yet',
      'Break-even',
      'In surplus',
      'In surplus',
    ]);
    expect(s['Break-even period']).toBe('Q6');
    // 5 quarters (65 weeks) + 3,000 owed ÷ 9,000 × 13 weeks = 69.33 weeks × 12/52 = 16 months
    expect(s['Payback (months)']).toBe(16);
    expect(s['Payback period']).toBe('1 year 4 months');
    expect(s['Total investment']).toBe(60500);
    expect(s['Total cost avoidance']).toBe(84500);
    expect(s['Steady-state annual saving']).toBe(52000); // 40 × 52 × £25
    expect(s['Benefit per £1 invested'] as number).toBeCloseTo(84500 / 60500, 9);
  });

  test('editing one input recalculates the payback', () => {
    // Q6 (row 7) expenditure 4,000 → 8,500: net 13,000 − 8,500 = 4,500; cumulative −3,000 + 4,500 = 1,500
    // payback 65 + (3,000 ÷ 4,500) × 13 = 73.67 weeks × 12/52 = 17.0 → 1 year 5 months
    book.edit('Cash flow!G7', '8500');
    const {block: s} = cashFlow(book);
    expect(s['Payback (months)']).toBe(17);
    expect(s['Payback period']).toBe('1 year 5 months');
    expect(s['Total investment']).toBe(65000);
    book.edit('Cash flow!G7', '4000');
  });

  test('text typed in an hours cell never leaves a wrong number standing', () => {
    book.edit('Cash flow!B4', 'thirty');
    const {rows: r, block: s} = cashFlow(book);
    if (r[2]['Hours per week'] === 'thirty') {
      // Kept and flagged: the row and every total say to check it
      expect(r[2]['Hours in period']).toBe('Check Hours per week: not a number');
      expect(r[2]['Cumulative cash flow']).toBe('Check this row');
      expect(s['Payback period']).toBe('Check the rows marked in Cumulative cash flow');
      expect(s['Total investment']).toBe('Check the rows marked in Cumulative cash flow');
    } else {
      // Refused: the old value is back, and the figures are the hand-worked ones (payback back to 16 months after the edit above)
      expect(r[2]['Hours per week']).toBe(30);
      expect(s['Payback period']).toBe('1 year 4 months');
    }
    book.edit('Cash flow!B4', '30');
  });
});

test('edge cases: a period without a label, breaking even at once, nothing spent, never breaking even', async () => {
  const b = await openWorkbook();
  b.paste(
    'Cash flow',
    `
Period,Hours per week,Weeks in period,Saving per hour,Expenditure
Q1,10,13,50,1000
,10,13,50,0
Q3,10,13,50,0`,
  );
  let cf = cashFlow(b);
  // The middle row has figures but no Period: it is pointed at and nothing is totalled
  expect(cf.rows[1]['Cumulative cash flow']).toBe('Fill in the Period');
  expect(cf.rows[2]['Cumulative cash flow']).toBe('Check the rows above');
  expect(cf.block['Break-even period']).toBe('Check the rows marked in Cumulative cash flow');

  b.edit('Cash flow!A3', 'Q2');
  cf = cashFlow(b);
  // Q1: 130 h × £50 = 6,500 − 1,000 = 5,500 ≥ 0 in the first quarter
  expect(cf.rows.map(x => x['Cumulative cash flow'])).toEqual([5500, 12000, 18500]);
  expect(cf.block['Break-even period']).toBe('Q1');
  expect(cf.block['Payback period']).toBe('Within the first period');

  b.edit('Cash flow!G2', '0');
  cf = cashFlow(b);
  // Nothing spent: 3 × 6,500 = 19,500 avoided, and no "per £1" to show
  expect(cf.block['Total cost avoidance']).toBe(19500);
  expect(cf.block['Benefit per £1 invested']).toBe('No investment in the plan');

  b.edit('Cash flow!G2', '50000');
  cf = cashFlow(b);
  // 6,500 − 50,000 = −43,500; then +6,500 a quarter: −37,000, −30,500: never ≥ 0
  expect(cf.rows.map(x => x['Cumulative cash flow'])).toEqual([-43500, -37000, -30500]);
  expect(cf.block['Break-even period']).toBe('Not within the plan');
  expect(cf.block['Payback period']).toBe('Not within the plan');
});

describe('Lots, contracts and pooled budgets', () => {
  beforeAll(() => {
    book.paste(
      'Lots',
      `
Lot,Title,Annual scoped spend,Our annual contribution,Uplift %
1,Homecare,"£1,000,000","£250,000",20%
2,Day services,"£100,000","£40,000",`,
    );
    book.paste(
      'Contracts',
      `
Reference,Provider,Contract/grant,Lot,Funding type,Annual value,Start date,End date,LA contribution,Partner contribution,Status
C-001,Acorn Care Ltd,Homecare north,1,Contract,"£400,000",01/04/2024,31/03/2027,,,Active
C-002,Birch Homecare CIC,Homecare south,1,Contract,"£350,000",01/04/2024,31/12/2026,,,Active
C-003,Cedar Day Centre,Day opportunities,2,Section 75,"£90,000",01/04/2025,31/03/2028,"£67,500","£22,500",Active`,
    );
  });

  test('lot budgets over the 5+2 term, our commitment, contracted value per lot, Section 75 shares', () => {
    const {rows: r, block: t} = lots(book);
    // Lot 1: £1,000,000 × 1.2 = £1,200,000 a year; × 7 = £8,400,000; ours £250,000 × 7 = £1,750,000; contracts 400,000 + 350,000
    expect(r[0]).toMatchObject({
      'Total annual lot budget': 1200000,
      'Term (years)': 7,
      'Total contract term': 8400000,
      'Our commitment over term': 1750000,
      'Contracted annual value': 750000,
    });
    // Lot 2: no uplift: £100,000; × 7 = £700,000; ours £40,000 × 7 = £280,000; contract C-003 £90,000
    expect(r[1]).toMatchObject({
      'Total annual lot budget': 100000,
      'Total contract term': 700000,
      'Our commitment over term': 280000,
      'Contracted annual value': 90000,
    });
    // Totals: 1,300,000 a year; 9,100,000 over the term; our (250,000 + 40,000) × 7 = 2,030,000
    expect(t['Total annual lot budget']).toBe(1300000);
    expect(t['Total over the contract term']).toBe(9100000);
    expect(t['Our commitment over the term']).toBe(2030000);
    const c = read(book, 'Contracts', 'A1:R4').rows;
    // C-003: £67,500 + £22,500 = £90,000 pool: 75% / 25%; C-001 has no pool
    expect([c[2]['LA share'], c[2]['Partner share']]).toEqual([0.75, 0.25]);
    expect(c[0]['LA share']).toBe('');
  });

  test('an uplift typed as 20 instead of 20% shows a message, not £21,000,000', () => {
    book.edit('Lots!E2', '20');
    const {rows: r, block: t} = lots(book);
    if (r[0]['Uplift %'] === 20) {
      expect(r[0]['Total annual lot budget']).toBe(
        'Check Uplift %: 20 looks like 2000%. Type it as 20%',
      );
      expect(t['Total annual lot budget']).toBe('Check the lots marked in red text');
    } else {
      expect(r[0]['Total annual lot budget']).toBe(1200000); // refused: 20% kept
    }
    book.edit('Lots!E2', '20%');
  });

  test('a framework term written "five plus two" is named, not guessed', () => {
    const settings = book.cells('Settings!A1:B60');
    const row = settings.findIndex(l => l[0] === 'Framework term') + 1;
    expect(row).toBeGreaterThan(1);
    book.edit(`Settings!B${row}`, 'five plus two');
    let r = lots(book).rows;
    expect(r[0]['Term (years)']).toBe('Check Settings > Framework term: write it like 5+2');
    expect(r[0]['Total contract term']).toBe('See Term (years)');
    book.edit(`Settings!B${row}`, '3 + 1');
    r = lots(book).rows;
    expect(r[0]['Total annual lot budget']).toBe(1200000); // the uplift edit above was put right
    expect(r[0]['Total contract term']).toBe(4800000); // 1,200,000 × 4
  });
});
