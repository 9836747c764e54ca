/**
 * Members' standing interests end to end (issue 16 item 5): Build agenda names, per item, the
 * members whose registered interests match it; the minutes draft pre-fills them "to confirm";
 * Check compliance reminds members yearly to review their declarations and names an unreadable
 * review date's cell.
 */
import type {Clerk, Step} from './driver';
import {MEMBERS, MEETING_ROW, papersWorkbook} from './papers/fixture';

let c: Clerk;
const steps: Record<string, Step> = {};

beforeAll(async () => {
  c = await papersWorkbook({
    Members: MEMBERS.map(m =>
      m.Name === 'Dan Dee'
        ? {
            ...m,
            'Interests declared': 'Lot 2; supported living',
            'Interests reviewed on': '2020-01-10',
          }
        : m.Name === 'Cat Cole'
          ? {...m, 'Interests declared': 'Quality; Birch Lodge', 'Interests reviewed on': 'spring'}
          : m.Name === 'Ann Able'
            ? {...m, 'Interests reviewed on': '2019-06-01'}
            : m,
    ),
  });
  steps.build = c.run('buildAgendaForSelectedMeeting', {select: `Meetings!A${MEETING_ROW}`});
  steps.minutes = c.run('generateMinutesDraft', {select: `Meetings!A${MEETING_ROW}`});
  steps.check = c.run('checkCompliance');
});

test('Build agenda lists, per item, the members whose registered interests match it', () => {
  expect(steps.build.out).toContain(
    'Registered interests that may be relevant (Members "Interests declared"; to confirm with each member):',
  );
  expect(steps.build.out).toMatch(
    /Item \d+ \(Recommissioning of supported living\): Dan Dee \("supported living"\)/,
  );
  expect(steps.build.out).toMatch(/Item \d+ \(Quarterly quality report\): Cat Cole \("Quality"\)/);
});

test('the minutes draft pre-fills them under declarations, to confirm', () => {
  const text = c.doc('Minutes (draft) – 8 October 2020').getText();
  expect(text).toMatch(
    /Dan Dee\s+Lot 2; supported living\s+Registered interest that may be relevant to item \d+ \(Recommissioning of supported living\), matching "supported living": to confirm/,
  );
});

test('compliance reminds members yearly to review their declarations; an unreadable date names its cell', () => {
  const rows = c.rows('Compliance') as Record<string, string>[];
  const review = rows.filter(r => r.Rule === 'Declarations of interest reviewed yearly');
  expect(review.map(r => r.Where)).toEqual(
    expect.arrayContaining(['Members row 2 (Ann Able)', 'Members row 4 (Cat Cole)']),
  );
  expect(review.find(r => r.Where === 'Members row 2 (Ann Able)')!.Finding).toBe(
    'Ann Able last reviewed their declarations of interest on 2019-06-01, more than a year ago.',
  );
  // Dan Dee reviewed in January 2020: within the year of 21 September 2020.
  expect(review.some(r => r.Where.includes('Dan Dee'))).toBe(false);
  const headers = c.values('Members!A1:Z1')[0].map(String);
  const cell = `${String.fromCharCode(65 + headers.indexOf('Interests reviewed on'))}4`;
  expect(rows).toContainEqual(
    expect.objectContaining({
      Where: `Members row 4, Interests reviewed on (cell ${cell})`,
      Finding: '"spring" is not a date. Type the date as dd/mm/yyyy, for example 12/03/2026.',
    }),
  );
});
