/**
 * The yearly risk self-assessment paper (issue 16 item 7): Committee > Papers > Generate risk
 * self-assessment makes a Doc from the Risk triggers tab, counting Red, Amber and Green per
 * area, each of the four areas with its triggers, evidence, who assessed them and when, and the
 * support sought; a rating the program cannot read is named with its row, not shown as a rating.
 */
import {openWorkbook, type Clerk, type Step} from './driver';

let c: Clerk;
let step: Step;
let text: string;

beforeAll(async () => {
  c = await openWorkbook({today: '2026-11-23'});
  c.load({}, {'Group name': 'Northfield Partnership Board'});
  // Ratings as a script (or a paste before the program was installed) would leave them: the
  // last row holds a rating the program cannot read.
  const sheet = c.ss.getSheetByName('Risk triggers');
  sheet.getRange('D2:H4').setValues([
    [
      'Red',
      'Outcome measures fell for three quarters',
      new Date(2026, 9, 1),
      'Jo Lead',
      'Targeted support',
    ],
    ['Green', 'On track', new Date(2026, 9, 1), 'Jo Lead', ''],
    ['Amber', 'Two markers missed', new Date(2026, 9, 2), 'Sam Peer', 'Self help'],
  ]);
  sheet.getRange('D6:H6').setValues([['Orange', '', '', '', '']]);
  step = c.run('generateSelfAssessment');
  text = c.doc('Risk self-assessment – 23 November 2026').getText();
});

test('counts of Red, Amber and Green per area and in all', () => {
  expect(text).toMatch(/Area\s+Red\s+Amber\s+Green\s+Not rated/);
  expect(text).toMatch(/Outcomes\s+1\s+1\s+1\s+1/);
  expect(text).toMatch(/Resources \(finance and people\)\s+0\s+0\s+0\s+4/);
  expect(text).toMatch(/All areas\s+1\s+1\s+1\s+18/);
  expect(text).toContain('Last assessed on 2 October 2026.');
  expect(text).toContain(
    'Support sought: Self help for 1 trigger; Targeted support for 1 trigger.',
  );
});

test('each of the four areas with its triggers, evidence, assessor and support', () => {
  for (const area of [
    'Outcomes',
    'Resources (finance and people)',
    'Other intelligence',
    'Interface with stakeholders',
  ])
    expect(text).toContain(`\n${area}\n`);
  expect(text).toMatch(
    /Outcome framework measures below the regional average or falling\s+Performance leads group\s+Red\s+Outcome measures fell for three quarters\s+01\/10\/2026, Jo Lead\s+Targeted support/,
  );
  expect(text.indexOf('Outcomes\n')).toBeLessThan(text.indexOf('Interface with stakeholders\n'));
});

test('an unreadable rating is named with its row, in the paper and the summary', () => {
  const line = 'Risk triggers row 6, RAG:';
  expect(text).toContain('Cells to correct');
  expect(text).toContain(line);
  expect(step.dialog).toContain(line);
  expect(step.dialog).toContain('Risk self-assessment – 23 November 2026');
});
