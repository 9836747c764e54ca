/**
 * Formula templates of the money tabs (Cash flow, Lots, Contracts), used by the schema.
 * `{Header}` is the cell of that column in the same row (src/workbook/formulas.ts).
 *
 * Portable: only functions that Google Sheets, HyperFormula and LibreOffice all implement
 * (IF, AND, OR, NOT, ISNUMBER, N, COUNTA, OFFSET with constant offsets, ROW, SUMIF, VALUE,
 * LEFT, MID, FIND, SUBSTITUTE). No QUERY, REGEXMATCH, INDIRECT, FILTER or array spills.
 *
 * Bad input never gives a wrong number that looks right: a text in a number cell, a negative
 * figure, a missing period or an uplift typed as 20 instead of 20% shows a "Check ..." text in
 * the first formula column that depends on it, and "See ..." / "Check this row" further on, so
 * totals that read the column see a text, not a number (the summary counts them).
 *
 * The running total reads the row above with OFFSET(cell,-1,0): it keeps working when rows are
 * inserted or deleted (the usual Sheets idiom for "the cell above"; see
 * https://webapps.stackexchange.com/questions/90145), and HyperFormula accepts OFFSET only with
 * constant offsets, which these are.
 */

/** Weeks in a period when the cell is left empty (a quarter). Keep in step with src/domain/money.ts. */
const WEEKS = 13;

/** Texts the Cumulative cash flow column shows for a row that cannot be counted. */
export const CASH_FLOW_ROW_TEXT = {
  fillPeriod: 'Fill in the Period',
  checkRow: 'Check this row',
  blankAbove: 'Blank row above: fill it in or delete it',
  checkAbove: 'Check the rows above',
} as const;

/** Values of the Break-even status column. */
export const BREAK_EVEN_STATUS = {
  notYet: 'Not yet',
  breakEven: 'Break-even',
  surplus: 'In surplus',
  belowAgain: 'Below zero again',
} as const;

const notNumber = (h: string) => `AND({${h}}<>"",NOT(ISNUMBER({${h}})))`;

export const CASH_FLOW_FORMULAS = {
  hoursInPeriod:
    `=IF({Period}="","",IF(${notNumber('Hours per week')},"Check Hours per week: not a number",` +
    `IF(${notNumber('Weeks in period')},"Check Weeks in period: not a number",` +
    `IF(OR(N({Hours per week})<0,N({Weeks in period})<0),"Check: hours or weeks below zero",` +
    `N({Hours per week})*IF({Weeks in period}="",${WEEKS},{Weeks in period})))))`,
  costAvoidance:
    `=IF({Period}="","",IF(NOT(ISNUMBER({Hours in period})),"See Hours in period",` +
    `IF(${notNumber('Saving per hour')},"Check Saving per hour: not a number",` +
    `IF(N({Saving per hour})<0,"Check Saving per hour: below zero",{Hours in period}*N({Saving per hour})))))`,
  netCashFlow:
    `=IF({Period}="","",IF(NOT(ISNUMBER({Cost avoidance})),"See Cost avoidance",` +
    `IF(${notNumber('Expenditure')},"Check Expenditure: not a number",` +
    `IF(N({Expenditure})<0,"Check Expenditure: below zero (enter savings as cost avoidance)",{Cost avoidance}-N({Expenditure})))))`,
  cumulativeCashFlow:
    `=IF({Period}="",IF(COUNTA({Hours per week},{Weeks in period},{Saving per hour},{Expenditure})>0,"${CASH_FLOW_ROW_TEXT.fillPeriod}",""),` +
    `IF(NOT(ISNUMBER({Net cash flow})),"${CASH_FLOW_ROW_TEXT.checkRow}",` +
    `IF(ROW()=2,{Net cash flow},` +
    `IF(ISNUMBER(OFFSET({Cumulative cash flow},-1,0)),OFFSET({Cumulative cash flow},-1,0)+{Net cash flow},` +
    `IF(AND(OFFSET({Period},-1,0)="",OFFSET({Cumulative cash flow},-1,0)=""),"${CASH_FLOW_ROW_TEXT.blankAbove}","${CASH_FLOW_ROW_TEXT.checkAbove}")))))`,
  breakEvenStatus:
    `=IF(NOT(ISNUMBER({Cumulative cash flow})),"",` +
    `IF(OR(OFFSET({Break-even status},-1,0)="${BREAK_EVEN_STATUS.breakEven}",OFFSET({Break-even status},-1,0)="${BREAK_EVEN_STATUS.surplus}",OFFSET({Break-even status},-1,0)="${BREAK_EVEN_STATUS.belowAgain}"),` +
    `IF({Cumulative cash flow}>=0,"${BREAK_EVEN_STATUS.surplus}","${BREAK_EVEN_STATUS.belowAgain}"),` +
    `IF({Cumulative cash flow}>=0,"${BREAK_EVEN_STATUS.breakEven}","${BREAK_EVEN_STATUS.notYet}")))`,
} as const;

/** The framework term setting without spaces ("5 + 2" → "5+2"). */
const TERM = 'SUBSTITUTE(Settings_FrameworkTerm," ","")';

export const LOT_FORMULAS = {
  totalAnnualLotBudget:
    `=IF({Lot}="","",IF({Annual scoped spend}="","",IF(NOT(ISNUMBER({Annual scoped spend})),"Check Annual scoped spend: not a number",` +
    `IF(${notNumber('Uplift %')},"Check Uplift %: not a number",` +
    `IF(N({Uplift %})<0,"Check Uplift %: below zero",` +
    `IF(N({Uplift %})>=1,"Check Uplift %: "&{Uplift %}&" looks like "&{Uplift %}*100&"%. Type it as "&{Uplift %}&"%",` +
    `{Annual scoped spend}*(1+N({Uplift %}))))))))`,
  /** "5+2" → 7, "7" → 7; anything else a message (same forms as parseTerm in src/domain/money.ts). */
  termYears:
    `=IF({Lot}="","",IF(ISNUMBER(Settings_FrameworkTerm),Settings_FrameworkTerm,` +
    `IFERROR(VALUE(LEFT(${TERM},FIND("+",${TERM})-1))+VALUE(MID(${TERM},FIND("+",${TERM})+1,20)),` +
    `IFERROR(VALUE(${TERM}),"Check Settings > Framework term: write it like 5+2"))))`,
  totalContractTerm:
    `=IF({Lot}="","",IF(AND(ISNUMBER({Total annual lot budget}),ISNUMBER({Term (years)})),{Total annual lot budget}*{Term (years)},` +
    `IF(ISNUMBER({Term (years)}),IF({Total annual lot budget}="","","See Total annual lot budget"),"See Term (years)")))`,
  ourCommitment:
    `=IF({Lot}="","",IF(NOT(ISNUMBER({Term (years)})),"See Term (years)",` +
    `IF(${notNumber('Our annual contribution')},"Check Our annual contribution: not a number",N({Our annual contribution})*{Term (years)})))`,
  /** Sum of the Contracts register's annual values for this lot (named ranges over whole columns). */
  contractedAnnualValue: `=IF({Lot}="","",SUMIF(Contracts_Lot,{Lot},Contracts_AnnualValue))`,
} as const;

const pooled = (mine: string) =>
  `=IF(AND({LA contribution}="",{Partner contribution}=""),"",` +
  `IF(OR(${notNumber('LA contribution')},${notNumber('Partner contribution')}),"Check the contributions: not a number",` +
  `IF(OR(N({LA contribution})<0,N({Partner contribution})<0),"Check the contributions: below zero",` +
  `IF(N({LA contribution})+N({Partner contribution})=0,"No pool",N({${mine}})/(N({LA contribution})+N({Partner contribution}))))))`;

export const CONTRACT_FORMULAS = {
  laShare: pooled('LA contribution'),
  partnerShare: pooled('Partner contribution'),
} as const;
