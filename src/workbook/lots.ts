/**
 * The Lots tab's totals: live formulas in a block beside the table (named Lots_*), so a lot
 * added at the bottom is counted at once. A lot whose figures need checking makes the totals
 * say so rather than add up the lots that happen to be numbers.
 */
import {TAB} from './schema';
import {columnLetter} from './formulas';
import {WorkbookError} from './table';
import {BlockRow, writeSideBlock} from './side-block';
import {NameMap, tabAndHeaders} from './money-names';
import type {Layout} from './setup';

export const LOTS_TOTALS_TITLE = 'Lots totals';
export const CHECK_LOTS = 'Check the lots marked in red text';

export const LOT_NAMES = {
  lotsToCheck: 'Lots_ToCheck',
  scopedSpend: 'Lots_TotalScopedSpend',
  ourAnnual: 'Lots_TotalOurAnnualContribution',
  annualBudget: 'Lots_TotalAnnualBudget',
  contractTerm: 'Lots_TotalContractTerm',
  ourCommitment: 'Lots_TotalOurCommitment',
  contracted: 'Lots_TotalContractedAnnualValue',
} as const;

const _HEADERS = [
  'Lot',
  'Annual scoped spend',
  'Our annual contribution',
  'Total annual lot budget',
  'Term (years)',
  'Total contract term',
  'Our commitment over term',
  'Contracted annual value',
] as const;
type Header = (typeof _HEADERS)[number];
const MONEY = '£#,##0;-£#,##0';

/** The totals rows, given where each column is. Pure. */
export function lotTotalsRows(letter: (h: Header) => string): BlockRow[] {
  const col = (h: Header) => `$${letter(h)}:$${letter(h)}`;
  const flagged = (
    [
      'Total annual lot budget',
      'Term (years)',
      'Total contract term',
      'Our commitment over term',
    ] as const
  )
    .map(h => `COUNTIF(${col(h)},"Check*")+COUNTIF(${col(h)},"See*")`)
    .join('+');
  const total = (h: Header) => `=IF({value:1}>0,"${CHECK_LOTS}",SUM(${col(h)}))`;
  return [
    {label: 'Lots to check', formula: `=${flagged}`, format: '0', name: LOT_NAMES.lotsToCheck},
    {
      label: 'Annual scoped spend',
      formula: total('Annual scoped spend'),
      format: MONEY,
      name: LOT_NAMES.scopedSpend,
    },
    {
      label: 'Our annual contribution',
      formula: total('Our annual contribution'),
      format: MONEY,
      name: LOT_NAMES.ourAnnual,
    },
    {
      label: 'Total annual lot budget',
      formula: total('Total annual lot budget'),
      format: MONEY,
      name: LOT_NAMES.annualBudget,
    },
    {
      label: 'Total over the contract term',
      formula: total('Total contract term'),
      format: MONEY,
      name: LOT_NAMES.contractTerm,
    },
    {
      label: 'Our commitment over the term',
      formula: total('Our commitment over term'),
      format: MONEY,
      name: LOT_NAMES.ourCommitment,
    },
    {
      label: 'Contracted annual value',
      formula: `=SUM(${col('Contracted annual value')})`,
      format: MONEY,
      name: LOT_NAMES.contracted,
    },
  ];
}

/** `layout`: set-up's sheets and header rows, when it has just read them. */
export function setUpLots(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  names: NameMap,
  layout?: Layout,
): void {
  const [sheet, cols] = tabAndHeaders(ss, TAB.lots, layout);
  const letter = (h: Header): string => {
    const c = cols.get(h);
    if (!c)
      throw new WorkbookError(
        `The "${TAB.lots}" tab has no "${h}" column. Run Committee > Set up or repair workbook.`,
      );
    return columnLetter(c);
  };
  writeSideBlock(ss, sheet, LOTS_TOTALS_TITLE, lotTotalsRows(letter), names);
}
