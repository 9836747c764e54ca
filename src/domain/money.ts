/**
 * Money rules, computed the way a finance officer works them by hand. Pure: no Apps Script
 * calls. The sheet formulas (src/workbook/money-formulas.ts) compute the same figures live;
 * tests check that both agree.
 *
 * Invest-to-save cash flow, per period (usually a quarter of 13 weeks):
 *   hours in period   = hours per week × weeks in period (13 when left empty)
 *   cost avoidance    = hours in period × saving per hour
 *   net cash flow     = cost avoidance − expenditure
 *   cumulative        = running total of net cash flow
 * Break-even period: the first period whose cumulative is ≥ 0.
 * Payback: the time to break-even, interpolated within the break-even period, in weeks, then
 * months (weeks × 12 / 52, rounded to the nearest month) and stated as "1 year 4 months".
 * Steady-state annual saving: last period's hours per week × 52 × saving per hour.
 */

export const DEFAULT_WEEKS_IN_PERIOD = 13;
export const WEEKS_PER_YEAR = 52;
export const NOT_WITHIN_PLAN = 'Not within the plan';
export const FIRST_PERIOD = 'Within the first period';

/** A problem with what an officer typed, named by place and field. */
export class MoneyInputError extends Error {}

/** A value as read from a cell: number, text, or empty (null / ''). */
export type CellInput = number | string | null | undefined;

export interface PeriodInput {
  period: CellInput;
  hoursPerWeek: CellInput;
  weeksInPeriod: CellInput;
  savingPerHour: CellInput;
  expenditure: CellInput;
}

export interface PeriodResult {
  period: string;
  hoursPerWeek: number;
  weeksInPeriod: number;
  hoursInPeriod: number;
  savingPerHour: number;
  costAvoidance: number;
  expenditure: number;
  net: number;
  cumulative: number;
}

export interface CashFlowSummary {
  periods: number;
  totalInvestment: number;
  totalCostAvoidance: number;
  netBenefit: number;
  /** Label of the break-even period, or "Not within the plan". */
  breakEvenPeriod: string;
  /** 0-based index of the break-even period, or -1. */
  breakEvenIndex: number;
  /** Weeks from the start of the plan to break-even (interpolated), or null. */
  paybackWeeks: number | null;
  /** Payback rounded to whole months, or null. */
  paybackMonths: number | null;
  /** "1 year 4 months", "Within the first period", or "Not within the plan". */
  paybackText: string;
  annualSaving: number;
  /** Cost avoidance per £1 of expenditure, or null when nothing is spent. */
  benefitPerPound: number | null;
}

function isBlank(v: CellInput): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A number from a cell: empty gives `fallback`; text is refused, naming the period and field. */
function numberIn(v: CellInput, field: string, where: string, fallback: number): number {
  if (isBlank(v)) return fallback;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw new MoneyInputError(
    `${where}: ${field} "${String(v)}" is not a number. Type digits only, e.g. 40 or 25.50.`,
  );
}

/**
 * Works out every period and the summary. Throws MoneyInputError naming the row for text in a
 * number cell, a negative number, a blank period between periods, and an empty plan.
 */
export function computeCashFlow(inputs: readonly PeriodInput[]): {
  rows: PeriodResult[];
  summary: CashFlowSummary;
} {
  // Trailing blank rows are not part of the plan; a blank row between periods is an error.
  let last = inputs.length - 1;
  while (last >= 0 && isRowBlank(inputs[last])) last--;
  if (last < 0) throw new MoneyInputError('The cash-flow plan has no periods yet.');
  const rows: PeriodResult[] = [];
  let cumulative = 0;
  for (let i = 0; i <= last; i++) {
    const p = inputs[i];
    const where = `Cash flow row ${i + 2}`;
    if (isBlank(p.period)) {
      throw new MoneyInputError(
        isRowBlank(p)
          ? `${where} is blank between periods. Fill it in or delete the row.`
          : `${where}: fill in the Period (e.g. "Q${i + 1}").`,
      );
    }
    const label = String(p.period).trim();
    const at = `${where} (${label})`;
    const hoursPerWeek = numberIn(p.hoursPerWeek, 'Hours per week', at, 0);
    const weeksInPeriod = numberIn(p.weeksInPeriod, 'Weeks in period', at, DEFAULT_WEEKS_IN_PERIOD);
    const savingPerHour = numberIn(p.savingPerHour, 'Saving per hour', at, 0);
    const expenditure = numberIn(p.expenditure, 'Expenditure', at, 0);
    for (const [field, v] of [
      ['Hours per week', hoursPerWeek],
      ['Weeks in period', weeksInPeriod],
      ['Saving per hour', savingPerHour],
      ['Expenditure', expenditure],
    ] as const) {
      if (v < 0)
        throw new MoneyInputError(
          `${at}: ${field} is negative (${v}). Enter income as cost avoidance, not as negative expenditure.`,
        );
    }
    const hoursInPeriod = hoursPerWeek * weeksInPeriod;
    const costAvoidance = hoursInPeriod * savingPerHour;
    const net = costAvoidance - expenditure;
    cumulative += net;
    rows.push({
      period: label,
      hoursPerWeek,
      weeksInPeriod,
      hoursInPeriod,
      savingPerHour,
      costAvoidance,
      expenditure,
      net,
      cumulative,
    });
  }
  return {rows, summary: summarise(rows)};
}

function isRowBlank(p: PeriodInput): boolean {
  return [p.period, p.hoursPerWeek, p.weeksInPeriod, p.savingPerHour, p.expenditure].every(isBlank);
}

export function summarise(rows: readonly PeriodResult[]): CashFlowSummary {
  const totalInvestment = rows.reduce((s, r) => s + r.expenditure, 0);
  const totalCostAvoidance = rows.reduce((s, r) => s + r.costAvoidance, 0);
  const k = rows.findIndex(r => r.cumulative >= 0);
  let paybackWeeks: number | null = null;
  let paybackMonths: number | null = null;
  let paybackText = NOT_WITHIN_PLAN;
  if (k >= 0) {
    paybackWeeks = paybackWeeksAt(rows, k);
    paybackMonths = Math.round((paybackWeeks * 12) / WEEKS_PER_YEAR);
    paybackText = k === 0 ? FIRST_PERIOD : yearsAndMonths(paybackMonths);
  }
  const lastRow = rows[rows.length - 1];
  return {
    periods: rows.length,
    totalInvestment,
    totalCostAvoidance,
    netBenefit: totalCostAvoidance - totalInvestment,
    breakEvenPeriod: k >= 0 ? rows[k].period : NOT_WITHIN_PLAN,
    breakEvenIndex: k,
    paybackWeeks,
    paybackMonths,
    paybackText,
    annualSaving: lastRow ? lastRow.hoursPerWeek * WEEKS_PER_YEAR * lastRow.savingPerHour : 0,
    benefitPerPound: totalInvestment > 0 ? totalCostAvoidance / totalInvestment : null,
  };
}

/**
 * Weeks to break-even: the whole periods before period k, plus the part of period k needed
 * to recover what was still owed at its start (cumulative climbs in a straight line within
 * the period: fraction = owed at start ÷ net cash flow of the period).
 */
export function paybackWeeksAt(rows: readonly PeriodResult[], k: number): number {
  const before = rows.slice(0, k).reduce((s, r) => s + r.weeksInPeriod, 0);
  const r = rows[k];
  const owedAtStart = -(r.cumulative - r.net);
  const fraction = r.net > 0 && owedAtStart > 0 ? owedAtStart / r.net : 0;
  return before + fraction * r.weeksInPeriod;
}

/** 16 → "1 year 4 months"; 12 → "1 year"; 5 → "5 months"; 0 → "Under 1 month". */
export function yearsAndMonths(totalMonths: number): string {
  const m = Math.round(totalMonths);
  if (m < 1) return 'Under 1 month';
  const years = Math.floor(m / 12);
  const months = m % 12;
  const parts: string[] = [];
  if (years > 0) parts.push(`${years} ${years === 1 ? 'year' : 'years'}`);
  if (months > 0) parts.push(`${months} ${months === 1 ? 'month' : 'months'}`);
  return parts.join(' ');
}

/**
 * A framework term as written in Settings: "7", 7, "5+2" or "5 + 2" (initial term plus
 * extension years). Anything else ("five plus two", "5 years", "") is refused with a message
 * saying how to write it. The sheet formula accepts exactly the same forms.
 */
export function parseTerm(value: CellInput, where = 'Settings > Framework term'): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  const text = String(value ?? '').replace(/\s+/g, '');
  const m = /^(\d+(?:\.\d+)?)(?:\+(\d+(?:\.\d+)?))?$/.exec(text);
  if (!m) {
    throw new MoneyInputError(
      `${where}: "${String(value ?? '')}" is not a term the program can read. Write it in figures, like 5+2 (five years plus two extension years) or 7.`,
    );
  }
  const total = Number(m[1]) + (m[2] ? Number(m[2]) : 0);
  if (total <= 0) throw new MoneyInputError(`${where}: the term must be more than 0 years.`);
  return total;
}

/**
 * An uplift as stored in a percent cell: 0.2 means 20%. A value of 1 or more was almost always
 * typed as "20" instead of "20%", so it is refused rather than multiplied by 21.
 */
export function checkUplift(value: CellInput, where = 'Uplift %'): number {
  if (isBlank(value)) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new MoneyInputError(
      `Check ${where}: "${String(value)}" is not a percentage. Type it like 20%.`,
    );
  }
  if (value < 0) throw new MoneyInputError(`Check ${where}: ${value * 100}% is negative.`);
  if (value >= 1)
    throw new MoneyInputError(
      `Check ${where}: ${value} looks like ${value * 100}%. Type it as ${value}%.`,
    );
  return value;
}

export interface LotInput {
  lot: string;
  annualScopedSpend: CellInput;
  ourAnnualContribution: CellInput;
  uplift: CellInput;
  termYears: number;
}

export interface LotResult {
  lot: string;
  totalAnnualBudget: number;
  totalContractTerm: number;
  ourCommitment: number;
}

/** Total annual lot budget = scoped spend × (1 + uplift); over the term × term years; our commitment = our contribution × term years. */
export function lotBudget(input: LotInput): LotResult {
  const where = `Lot ${input.lot}`;
  const spend = numberIn(input.annualScopedSpend, 'Annual scoped spend', where, 0);
  const ours = numberIn(input.ourAnnualContribution, 'Our annual contribution', where, 0);
  const uplift = checkUplift(input.uplift, `Uplift % of lot ${input.lot}`);
  const totalAnnualBudget = spend * (1 + uplift);
  return {
    lot: input.lot,
    totalAnnualBudget,
    totalContractTerm: totalAnnualBudget * input.termYears,
    ourCommitment: ours * input.termYears,
  };
}

/** Section 75 pooled budget: each partner's share of the pool (fractions summing to 1). */
export function pooledShares(
  laContribution: CellInput,
  partnerContribution: CellInput,
  where = 'Pooled budget',
): {la: number; partner: number} {
  const la = numberIn(laContribution, 'LA contribution', where, 0);
  const partner = numberIn(partnerContribution, 'Partner contribution', where, 0);
  if (la < 0 || partner < 0) throw new MoneyInputError(`${where}: a contribution is negative.`);
  const pool = la + partner;
  if (pool <= 0)
    throw new MoneyInputError(`${where}: no contributions, so there is no pool to share.`);
  return {la: la / pool, partner: partner / pool};
}
