/**
 * The Risk triggers tab's starting rows: the triggers of a regional sector-led-improvement
 * agreement's annual self-assessment, by area, with where the evidence comes from
 * (committee-practice.md). Set-up writes them into an empty tab with one setValues; officers
 * rate them and add their own.
 */
import {RISK_AREAS, TAB} from '../workbook/schema';
import {Cell} from '../workbook/table';
import {tabAndHeaders} from '../workbook/money-names';
import type {Layout} from '../workbook/setup';

type Area = (typeof RISK_AREAS)[number];

/** [area, trigger, source of data]: 21 triggers across the four areas. */
export const RISK_TRIGGER_SEED: readonly (readonly [Area, string, string])[] = [
  [
    'Outcomes',
    'Outcome framework measures below the regional average or falling',
    'Performance leads group',
  ],
  ['Outcomes', 'Progress markers on personalisation not met', 'Personalisation network'],
  [
    'Outcomes',
    'Regional local measures worsening over two or more quarters',
    'Performance leads group',
  ],
  ['Outcomes', 'Locality scorecard measures off track', 'Performance leads group'],
  [
    'Resources (finance and people)',
    'Financial concerns: higher than average cuts to prevention, raised eligibility criteria, or an unexplained rise in residential or nursing admissions',
    'Finance leads group',
  ],
  [
    'Resources (finance and people)',
    'Significant change in unit costs without a value-for-money review',
    'Finance leads group',
  ],
  [
    'Resources (finance and people)',
    'Annual audit letter raises financial issues',
    'The authority (committee report)',
  ],
  [
    'Resources (finance and people)',
    'Recruitment and retention: high vacancy, sickness or senior staff turnover, or poor staff survey results',
    'Workforce return; HR leads group',
  ],
  [
    'Other intelligence',
    'Minimum standards not met in a thematic self-assessment',
    'Completed self-assessment',
  ],
  ['Other intelligence', 'Annual audit letter raises non-financial concerns', 'The authority'],
  ['Other intelligence', 'Lack of momentum after a peer review', 'Regional lead'],
  ['Other intelligence', 'Local account missing, vague or over-ambitious', 'Council website'],
  ['Other intelligence', 'Quality improvement programme targets missed', 'Director'],
  ['Other intelligence', 'Sudden political change', 'Media; local knowledge'],
  [
    'Interface with stakeholders',
    'User satisfaction falling, complaints rising, or adverse ombudsman or judicial review outcomes',
    'Complaints report; ombudsman',
  ],
  [
    'Interface with stakeholders',
    'Annual safeguarding report raises concerns',
    'Safeguarding board; national return',
  ],
  [
    'Interface with stakeholders',
    'Personalisation report shows slow progress',
    'Personalisation board',
  ],
  ['Interface with stakeholders', 'Disengaging from regional networks', 'Planning group'],
  [
    'Interface with stakeholders',
    'Strained relationships with partners, e.g. little progress on the health and wellbeing strategy',
    'Partners',
  ],
  ['Interface with stakeholders', 'Weak or deteriorating market position', 'Market data; websites'],
  ['Interface with stakeholders', 'Poor interface with public health', 'Director; public health'],
];

/**
 * Fills the triggers into the Risk triggers tab when it holds no rows below the headers (a new
 * workbook, or a tab set-up has just made). Two reads and at most one write; rows an officer
 * has added are never touched. Returns the number of rows written.
 */
export function prefillRiskTriggers(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  layout?: Layout, // set-up's sheets and header rows, when it has just read them
): number {
  const [sheet, cols] = tabAndHeaders(ss, TAB.riskTriggers, layout);
  if (sheet.getLastRow() > 1) return 0;
  const width = Math.max(...cols.values());
  const rows = RISK_TRIGGER_SEED.map(([area, trigger, source]) => {
    const line: Cell[] = Array(width).fill('');
    line[(cols.get('Area') ?? 1) - 1] = area;
    line[(cols.get('Trigger') ?? 2) - 1] = trigger;
    line[(cols.get('Source of data') ?? 3) - 1] = source;
    return line;
  });
  sheet.getRange(2, 1, rows.length, width).setValues(rows);
  return rows.length;
}
