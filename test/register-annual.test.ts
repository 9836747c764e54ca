/**
 * The annual report reads the same records as every check (issue 10): the Cash flow tab's plan
 * periods only (never the summary block beside them), contracts that were extended, and no
 * report for a year with no meeting.
 */
import {annualReportPaper, meetingsHeld} from '../src/papers/annual-report';
import {paperText} from '../src/papers/model';
import {registerFromGrid} from '../src/workbook/registers';
import {tabSpec} from '../src/workbook/schema';
import {SETTINGS, meeting} from './papers-helpers';
import {BLANK_CONTRACT} from './register-helpers';

type Cell = string | number | boolean | Date;

/** The Cash flow tab as set-up leaves it: two plan periods and the summary block beside them. */
function cashFlowGrid(): Cell[][] {
  const hs = tabSpec('Cash flow').columns.map(c => c.header);
  const row = (v: Record<string, Cell>) => hs.map(h => v[h] ?? '');
  return [
    [...hs, '', 'Business case summary', ''],
    [
      ...row({Period: 'Q1 2026/27', 'Net cash flow': -40500, 'Cumulative cash flow': -40500}),
      '',
      'Break-even period',
      'Q2 2026/27',
    ],
    [
      ...row({Period: 'Q2 2026/27', 'Net cash flow': 40500, 'Cumulative cash flow': 0}),
      '',
      'Payback period',
      '6 months',
    ],
    [...row({}), '', 'Total investment', 40500],
    [...row({}), '', 'Total cost avoidance', 0],
  ];
}

const data = {
  meetings: [meeting({date: '2026-03-05', status: 'Held'})],
  items: [],
  attendance: [],
  actions: [],
  contracts: [
    {
      ...BLANK_CONTRACT,
      reference: 'NC-302',
      fundingType: 'Contract',
      annualValue: 640000,
      startDate: '2020-04-01',
      endDate: '2025-03-31',
      extendedTo: '2027-03-31',
    },
    {
      ...BLANK_CONTRACT,
      reference: 'NC-900',
      fundingType: 'Grant',
      annualValue: 1000,
      startDate: '2020-04-01',
      endDate: '2025-03-31',
    },
  ],
  cashFlow: registerFromGrid('Cash flow', cashFlowGrid()).records,
};

test('the cash flow section has the plan periods only, never the summary rows', () => {
  const text = paperText(annualReportPaper(2026, data, new Date(2026, 10, 23), SETTINGS));
  expect(text).toContain('From −£40,500 in Q1 2026/27 to £0 in Q2 2026/27.');
  expect(text).not.toContain('Break-even period');
  expect(text).not.toContain('in .');
});

test('a contract extended beyond its End date is overseen until its Extended to date', () => {
  const text = paperText(annualReportPaper(2026, data, new Date(2026, 10, 23), SETTINGS));
  expect(text).toContain(
    '1 contract and grants with a combined annual value of £640,000 were overseen.',
  );
});

test('a year with no meeting held has no meetings to report (the command then makes no report)', () => {
  expect(meetingsHeld(2019, data.meetings, '2026-11-23')).toEqual([]);
  expect(meetingsHeld(2026, data.meetings, '2026-11-23').map(m => m.date)).toEqual(['2026-03-05']);
});
