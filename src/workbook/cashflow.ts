/**
 * The Cash flow tab's business-case summary: live formulas beside the table, each in a named
 * range the Dashboard reads (CashFlow_BreakEvenPeriod, CashFlow_Payback, ...), and the
 * conditional formats (cumulative below zero red, the break-even row green).
 *
 * The formulas compute exactly what src/domain/money.ts computes (tests check both agree):
 * payback = weeks of the periods before break-even + the fraction of the break-even period
 * needed to recover what was still owed at its start, × 12 / 52, rounded to whole months.
 * They read whole columns, so periods added at the bottom count at once.
 */
import {TAB} from './schema';
import {BREAK_EVEN_STATUS, CASH_FLOW_ROW_TEXT} from './money-formulas';
import {columnLetter} from './formulas';
import {WorkbookError} from './table';
import {BlockRow, writeSideBlock} from './side-block';
import {NameMap, tabAndHeaders} from './money-names';
import type {Layout} from './setup';
import {
  DEFAULT_WEEKS_IN_PERIOD,
  FIRST_PERIOD,
  NOT_WITHIN_PLAN,
  WEEKS_PER_YEAR,
} from '../domain/money';

export const CASH_FLOW_SUMMARY_TITLE = 'Business case summary';
export const CHECK_ROWS = 'Check the rows marked in Cumulative cash flow';

export const CASH_FLOW_NAMES = {
  periods: 'CashFlow_Periods',
  rowsToCheck: 'CashFlow_RowsToCheck',
  totalInvestment: 'CashFlow_TotalInvestment',
  totalCostAvoidance: 'CashFlow_TotalCostAvoidance',
  netBenefit: 'CashFlow_NetBenefit',
  breakEvenPeriod: 'CashFlow_BreakEvenPeriod',
  paybackMonths: 'CashFlow_PaybackMonths',
  payback: 'CashFlow_Payback',
  annualSaving: 'CashFlow_AnnualSaving',
  benefitPerPound: 'CashFlow_BenefitPerPound',
} as const;

const HEADERS = [
  'Period',
  'Hours per week',
  'Weeks in period',
  'Saving per hour',
  'Cost avoidance',
  'Expenditure',
  'Net cash flow',
  'Cumulative cash flow',
  'Break-even status',
] as const;
type Header = (typeof HEADERS)[number];

const MONEY = '£#,##0;-£#,##0';

/**
 * The summary rows, given where each column is (header → column letter). Pure.
 * `{value:N}` refers to the value of row N of this block.
 */
export function cashFlowSummaryRows(letter: (h: Header) => string): BlockRow[] {
  const col = (h: Header) => `$${letter(h)}:$${letter(h)}`;
  const P = col('Period');
  const HW = col('Hours per week');
  const W = col('Weeks in period');
  const SPH = col('Saving per hour');
  const CA = col('Cost avoidance');
  const EX = col('Expenditure');
  const NET = col('Net cash flow');
  const CUM = col('Cumulative cash flow');
  const ST = col('Break-even status');
  const check = (f: string) => `=IF({value:2}>0,"${CHECK_ROWS}",${f})`;
  const k = `MATCH("${BREAK_EVEN_STATUS.breakEven}",${ST},0)`;
  const notYet = `"${BREAK_EVEN_STATUS.notYet}"`;
  // Weeks before break-even: the "Not yet" rows; an empty Weeks in period counts as 13.
  const weeksBefore = `SUMIF(${ST},${notYet},${W})+${DEFAULT_WEEKS_IN_PERIOD}*(COUNTIF(${ST},${notYet})-COUNTIFS(${ST},${notYet},${W},">=0"))`;
  const net = `INDEX(${NET},${k})`;
  const owed = `MAX(0,-(INDEX(${CUM},${k})-${net}))`;
  const weeksK = `IF(INDEX(${W},${k})="",${DEFAULT_WEEKS_IN_PERIOD},INDEX(${W},${k}))`;
  const fraction = `IF(${net}>0,${owed}/${net},0)`;
  const m = '{value:7}';
  const years = `INT(${m}/12)`;
  const months = `MOD(${m},12)`;
  const text =
    `IF(${years}>0,${years}&IF(${years}=1," year"," years"),"")&IF(AND(${years}>0,${months}>0)," ","")&` +
    `IF(${months}>0,${months}&IF(${months}=1," month"," months"),"")`;
  const last = '{value:1}+1';
  return [
    {
      label: 'Periods in the plan',
      formula: `=COUNTA(${P})-1`,
      format: '0',
      name: CASH_FLOW_NAMES.periods,
    },
    {
      label: 'Rows to check',
      formula: `=COUNTIF(${CUM},"Check*")+COUNTIF(${CUM},"${CASH_FLOW_ROW_TEXT.fillPeriod}")+COUNTIF(${CUM},"Blank row*")`,
      format: '0',
      name: CASH_FLOW_NAMES.rowsToCheck,
    },
    {
      label: 'Total investment',
      formula: check(`SUM(${EX})`),
      format: MONEY,
      name: CASH_FLOW_NAMES.totalInvestment,
    },
    {
      label: 'Total cost avoidance',
      formula: check(`SUM(${CA})`),
      format: MONEY,
      name: CASH_FLOW_NAMES.totalCostAvoidance,
    },
    {
      label: 'Net benefit over the plan',
      formula: check('{value:4}-{value:3}'),
      format: MONEY,
      name: CASH_FLOW_NAMES.netBenefit,
    },
    {
      label: 'Break-even period',
      formula: check(
        `IF({value:1}<1,"No periods yet",IFERROR(INDEX(${P},${k}),"${NOT_WITHIN_PLAN}"))`,
      ),
      format: '@',
      name: CASH_FLOW_NAMES.breakEvenPeriod,
    },
    {
      label: 'Payback (months)',
      formula: check(
        `IF(ISNUMBER(${k}),ROUND((${weeksBefore}+${fraction}*${weeksK})*12/${WEEKS_PER_YEAR},0),{value:6})`,
      ),
      format: '0',
      name: CASH_FLOW_NAMES.paybackMonths,
    },
    {
      label: 'Payback period',
      formula: `=IF(ISNUMBER(${m}),IF(${k}=2,"${FIRST_PERIOD}",IF(${m}<1,"Under 1 month",${text})),${m})`,
      format: '@',
      name: CASH_FLOW_NAMES.payback,
    },
    {
      label: 'Steady-state annual saving',
      formula: check(
        `IF({value:1}<1,"No periods yet",N(INDEX(${HW},${last}))*${WEEKS_PER_YEAR}*N(INDEX(${SPH},${last})))`,
      ),
      format: MONEY,
      name: CASH_FLOW_NAMES.annualSaving,
    },
    {
      label: 'Benefit per £1 invested',
      formula: check('IF({value:3}<=0,"No investment in the plan",{value:4}/{value:3})'),
      format: '£0.00',
      name: CASH_FLOW_NAMES.benefitPerPound,
    },
  ];
}

/** Marker in our conditional-format formulas, so repair replaces ours and keeps officers' own. */
export const MONEY_MARKER = 'N("Committee Clerk money")=0';

/**
 * Writes the summary block, names its cells, and sets the red/green conditional formats.
 * `layout`: set-up's sheets and header rows, when it has just read them.
 */
export function setUpCashFlow(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  names: NameMap,
  layout?: Layout,
): void {
  const [sheet, cols] = tabAndHeaders(ss, TAB.cashFlow, layout);
  const letter = (h: Header): string => {
    const c = cols.get(h);
    if (!c)
      throw new WorkbookError(
        `The "${TAB.cashFlow}" tab has no "${h}" column. Run Committee > Set up or repair workbook.`,
      );
    return columnLetter(c);
  };
  const rows = cashFlowSummaryRows(letter);
  writeSideBlock(ss, sheet, CASH_FLOW_SUMMARY_TITLE, rows, names);

  const maxRows = sheet.getMaxRows();
  const cum = cols.get('Cumulative cash flow') as number;
  const status = letter('Break-even status');
  const lastTableCol = Math.max(...HEADERS.map(h => cols.get(h) as number));
  const belowZero = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(
      `=AND(${MONEY_MARKER},ISNUMBER($${columnLetter(cum)}2),$${columnLetter(cum)}2<0)`,
    )
    .setFontColor('#b3261e')
    .setBackground('#fde7e9')
    .setRanges([sheet.getRange(2, cum, Math.max(maxRows - 1, 1), 1)])
    .build();
  const breakEven = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(`=AND(${MONEY_MARKER},$${status}2="${BREAK_EVEN_STATUS.breakEven}")`)
    .setBackground('#ceead6')
    .setBold(true)
    .setRanges([sheet.getRange(2, 1, Math.max(maxRows - 1, 1), lastTableCol)])
    .build();
  const keep = sheet.getConditionalFormatRules().filter(r => !isMoneyRule(r));
  sheet.setConditionalFormatRules(keep.concat([breakEven, belowZero]));
}

export function isMoneyRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const cond = rule.getBooleanCondition();
  return !!cond && cond.getCriteriaValues().some(v => String(v).includes(MONEY_MARKER));
}
