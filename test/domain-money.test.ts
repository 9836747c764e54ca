/**
 * Money rules against figures worked by hand (hand calculations in the comments).
 */
import {
  MoneyInputError,
  computeCashFlow,
  yearsAndMonths,
  parseTerm,
  checkUplift,
  lotBudget,
  pooledShares,
  NOT_WITHIN_PLAN,
  FIRST_PERIOD,
  PeriodInput,
} from '../src/domain/money';

/** The business case used across the money tests: 8 quarters, saving £25 an hour. */
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

describe('cash flow', () => {
  test('the 8-quarter business case, worked by hand', () => {
    const {rows, summary} = computeCashFlow(PLAN);
    // Q1: 10 h × 13 wk = 130 h; × £25 = £3,250; − £25,000 = −£21,750; cumulative −21,750
    // Q2: 20 × 13 = 260 h; £6,500 − £10,000 = −£3,500; cumulative −25,250
    // Q3: 390 h; £9,750 − £6,000 = £3,750; cumulative −21,500
    // Q4: 520 h; £13,000 − £6,000 = £7,000; cumulative −14,500
    // Q5: weeks empty → 13; 520 h; £13,000 − £1,500 = £11,500; cumulative −3,000
    // Q6: £13,000 − £4,000 = £9,000; cumulative 6,000  ← first ≥ 0: break-even
    // Q7: 9,000 → 15,000; Q8: 9,000 → 24,000
    expect(rows.map(r => r.hoursInPeriod)).toEqual([130, 260, 390, 520, 520, 520, 520, 520]);
    expect(rows.map(r => r.costAvoidance)).toEqual([
      3250, 6500, 9750, 13000, 13000, 13000, 13000, 13000,
    ]);
    expect(rows.map(r => r.net)).toEqual([-21750, -3500, 3750, 7000, 11500, 9000, 9000, 9000]);
    expect(rows.map(r => r.cumulative)).toEqual([
      -21750, -25250, -21500, -14500, -3000, 6000, 15000, 24000,
    ]);
    expect(summary.breakEvenPeriod).toBe('Q6');
    // Payback: 5 whole quarters = 65 weeks, plus 3,000 owed ÷ 9,000 a quarter = 1/3 of 13 weeks
    // = 4.333 weeks → 69.333 weeks × 12 / 52 = 16.0 months = 1 year 4 months.
    expect(summary.paybackWeeks).toBeCloseTo(69.3333, 3);
    expect(summary.paybackMonths).toBe(16);
    expect(summary.paybackText).toBe('1 year 4 months');
    // Investment 25,000+10,000+6,000+6,000+1,500+4,000×3 = 60,500; avoidance 3,250+6,500+9,750+13,000×5 = 84,500
    expect(summary.totalInvestment).toBe(60500);
    expect(summary.totalCostAvoidance).toBe(84500);
    expect(summary.netBenefit).toBe(24000);
    // Steady state: last quarter's 40 h/week × 52 × £25 = £52,000 a year
    expect(summary.annualSaving).toBe(52000);
    // 84,500 ÷ 60,500 = 1.3967 avoided per £1 spent
    expect(summary.benefitPerPound).toBeCloseTo(1.3967, 4);
  });

  test('a plan that never breaks even says so', () => {
    // Q1: 130 h × £10 = 1,300 − 5,000 = −3,700; Q2: −3,700 → cumulative −7,400 < 0 throughout
    const {summary} = computeCashFlow([
      {period: 'Q1', hoursPerWeek: 10, weeksInPeriod: 13, savingPerHour: 10, expenditure: 5000},
      {period: 'Q2', hoursPerWeek: 10, weeksInPeriod: 13, savingPerHour: 10, expenditure: 5000},
    ]);
    expect(summary.breakEvenPeriod).toBe(NOT_WITHIN_PLAN);
    expect(summary.paybackText).toBe(NOT_WITHIN_PLAN);
    expect(summary.paybackMonths).toBeNull();
  });

  test('a plan that breaks even in its first period', () => {
    // Q1: 130 h × £50 = 6,500 − 1,000 = 5,500 ≥ 0 at once: nothing owed at the start, payback 0 weeks
    const {summary} = computeCashFlow([
      {period: 'Q1', hoursPerWeek: 10, weeksInPeriod: 13, savingPerHour: 50, expenditure: 1000},
      {period: 'Q2', hoursPerWeek: 10, weeksInPeriod: 13, savingPerHour: 50, expenditure: 1000},
    ]);
    expect(summary.breakEvenPeriod).toBe('Q1');
    expect(summary.paybackWeeks).toBe(0);
    expect(summary.paybackText).toBe(FIRST_PERIOD);
  });

  test('zero expenditure: no investment to compare, never a division by zero', () => {
    const {summary} = computeCashFlow([
      {period: 'Q1', hoursPerWeek: 5, weeksInPeriod: 13, savingPerHour: 20, expenditure: 0},
    ]);
    // 65 h × £20 = 1,300 avoided, nothing spent
    expect(summary.totalInvestment).toBe(0);
    expect(summary.benefitPerPound).toBeNull();
    expect(summary.breakEvenPeriod).toBe('Q1');
  });

  test('negative expenditure is refused, naming the row', () => {
    expect(() =>
      computeCashFlow([
        {period: 'Q1', hoursPerWeek: 5, weeksInPeriod: 13, savingPerHour: 20, expenditure: -500},
      ]),
    ).toThrow('Cash flow row 2 (Q1): Expenditure is negative (-500)');
  });

  test('text in a money or hours cell is refused, naming row and field', () => {
    expect(() =>
      computeCashFlow([
        {period: 'Q1', hoursPerWeek: 'forty', weeksInPeriod: 13, savingPerHour: 20, expenditure: 0},
      ]),
    ).toThrow('Cash flow row 2 (Q1): Hours per week "forty" is not a number');
    expect(() =>
      computeCashFlow([
        {period: 'Q1', hoursPerWeek: 4, weeksInPeriod: 13, savingPerHour: '£20ish', expenditure: 0},
      ]),
    ).toThrow(MoneyInputError);
  });

  test('a blank period in the middle is refused; trailing blank rows are ignored', () => {
    const q = (period: string | null): PeriodInput => ({
      period,
      hoursPerWeek: period ? 1 : null,
      weeksInPeriod: null,
      savingPerHour: period ? 1 : null,
      expenditure: null,
    });
    expect(() => computeCashFlow([q('Q1'), q(null), q('Q3')])).toThrow(
      'Cash flow row 3 is blank between periods',
    );
    expect(() => computeCashFlow([q('Q1'), {...q('Q2'), period: ''}])).toThrow(
      'Cash flow row 3: fill in the Period',
    );
    expect(computeCashFlow([q('Q1'), q(null), q(null)]).rows).toHaveLength(1);
    expect(() => computeCashFlow([q(null)])).toThrow('no periods yet');
  });
});

describe('years and months', () => {
  test.each([
    [16, '1 year 4 months'],
    [12, '1 year'],
    [24, '2 years'],
    [25, '2 years 1 month'],
    [5, '5 months'],
    [1, '1 month'],
    [0, 'Under 1 month'],
  ])('%d months → %s', (m, text) => expect(yearsAndMonths(m)).toBe(text));
});

describe('framework term', () => {
  test.each([
    ['5+2', 7],
    ['5 + 2', 7],
    [' 7 ', 7],
    [7, 7],
    ['3+1', 4],
    ['2.5+1', 3.5],
  ])('%p → %d years', (t, n) => expect(parseTerm(t)).toBe(n));
  test('"five plus two" gets a clear message', () => {
    expect(() => parseTerm('five plus two')).toThrow(
      'Settings > Framework term: "five plus two" is not a term the program can read. Write it in figures, like 5+2',
    );
    expect(() => parseTerm('')).toThrow(MoneyInputError);
    expect(() => parseTerm('5 years')).toThrow(MoneyInputError);
  });
});

describe('lots and pooled budgets', () => {
  test('lot budget: scoped spend × (1 + uplift), × term, our commitment × term', () => {
    // £1,000,000 × 1.2 = £1,200,000 a year; × 7 years = £8,400,000; our £250,000 × 7 = £1,750,000
    expect(
      lotBudget({
        lot: '1',
        annualScopedSpend: 1000000,
        ourAnnualContribution: 250000,
        uplift: 0.2,
        termYears: parseTerm('5+2'),
      }),
    ).toEqual({
      lot: '1',
      totalAnnualBudget: 1200000,
      totalContractTerm: 8400000,
      ourCommitment: 1750000,
    });
  });
  test('an uplift typed as 20 instead of 20% is refused, not multiplied by 21', () => {
    expect(() => checkUplift(20)).toThrow('Check Uplift %: 20 looks like 2000%. Type it as 20%.');
    expect(checkUplift(0.2)).toBe(0.2);
    expect(checkUplift(null)).toBe(0);
  });
  test('Section 75 shares as fractions of the pool', () => {
    // LA £300,000 + NHS £100,000 = £400,000 pool: 75% / 25%
    expect(pooledShares(300000, 100000)).toEqual({la: 0.75, partner: 0.25});
    expect(() => pooledShares(0, 0)).toThrow('no contributions');
  });
});
