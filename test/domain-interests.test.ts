/**
 * Members' standing interests (issue 16 item 5): the matching rule (terms of "Interests
 * declared" and the member's organisation, as whole words in an item's title or notes), the
 * yearly review reminder, and an unreadable review date reported with its cell.
 */
import {
  interestReviewFindings,
  interestTerms,
  matchInterests,
  mentions,
} from '../src/domain/interests';
import {registerFromGrid} from '../src/workbook/registers';
import {TAB, tabSpec} from '../src/workbook/schema';
import {day, item, member} from './papers-helpers';

const lot2 = item({title: 'Recommissioning of homecare Lot 2', notes: ''});
const lot21 = item({title: 'Lot 21 day opportunities'});
const birch = item({title: 'Provider of concern', notes: 'Figures from Birch Lodge Care'});
const deeNamed = item({title: 'Dee Homecare: contract performance'});

test('terms are "; "-separated; whole words, any case, punctuation ignored', () => {
  expect(interestTerms('Director of Dee Homecare;  Lot 2 ; Birch Lodge; a')).toEqual([
    'Director of Dee Homecare',
    'Lot 2',
    'Birch Lodge',
  ]);
  expect(mentions('Recommissioning of homecare lot 2', 'Lot 2')).toBe(true);
  expect(mentions('Lot 21 day opportunities', 'Lot 2')).toBe(false);
  expect(mentions('Birch Lodge, (staff) consultation', 'birch lodge')).toBe(true);
  expect(mentions('Birchwood Lodge', 'Birch Lodge')).toBe(false);
});

test('a serving member matches by a term of the register or by their organisation', () => {
  const members = [
    member({name: 'Dan Dee', organisation: 'Dee Homecare', interests: 'Lot 2; Birch Lodge'}),
    // The organisation alone is not a declaration: nothing registered, nothing matched.
    member({name: 'Cat Cole', organisation: 'Dee Homecare', interests: ''}),
    member({name: 'Eve Ely', interests: 'Lot 2', status: 'Left'}),
    member({name: 'Lee Officer', role: 'Lead officer', interests: 'Lot 2'}),
    member({name: 'Old Hand', interests: 'Lot 2', termEnd: day('2019-12-31')}),
  ];
  const found = matchInterests([lot2, lot21, birch, deeNamed], members, day('2020-10-08'));
  expect(found.map(m => [m.member, m.item.title, m.term])).toEqual([
    ['Dan Dee', 'Recommissioning of homecare Lot 2', 'Lot 2'],
    ['Dan Dee', 'Provider of concern', 'Birch Lodge'],
    ['Dan Dee', 'Dee Homecare: contract performance', 'Dee Homecare'],
  ]);
});

test('compliance reminds each serving member yearly to review their declarations', () => {
  const members = [
    member({row: 2, name: 'Ann Able', interestsReviewedOn: day('2026-01-15')}),
    member({row: 3, name: 'Ben Brook', interestsReviewedOn: day('2025-11-01')}),
    member({row: 4, name: 'Cat Cole'}),
    member({row: 5, name: 'Lee Officer', role: 'Lead officer'}),
    member({row: 6, name: 'Eve Ely', status: 'Left'}),
  ];
  const f = interestReviewFindings(members, day('2026-11-23'));
  expect(f.map(x => [x.severity, x.where, x.finding])).toEqual([
    [
      'Warning',
      'Members row 3 (Ben Brook)',
      'Ben Brook last reviewed their declarations of interest on 2025-11-01, more than a year ago.',
    ],
    [
      'Note',
      'Members row 4 (Cat Cole)',
      'Cat Cole has no date in "Interests reviewed on": their declarations of interest have not been reviewed this year.',
    ],
  ]);
  expect(f[0].whatToDo).toBe(
    'Ask Ben Brook to confirm or update "Interests declared" (terms separated by "; "), then type the date in "Interests reviewed on".',
  );
  expect(interestReviewFindings(members.slice(0, 1), day('2026-11-23'))).toEqual([
    expect.objectContaining({
      severity: 'Met',
      finding: 'All 1 serving members reviewed their declarations within the last year.',
    }),
  ]);
});

test('an unreadable review date is a problem naming its cell, and counts as not reviewed', () => {
  const headers = tabSpec(TAB.members).columns.map(c => c.header);
  const line = headers.map(h =>
    h === 'Name'
      ? 'Dan Dee'
      : h === 'Role'
        ? 'Member'
        : h === 'Interests reviewed on'
          ? 'last spring'
          : '',
  );
  const reg = registerFromGrid(TAB.members, [headers, line]);
  const col = headers.indexOf('Interests reviewed on') + 1;
  expect(reg.problems.map(p => [p.row, p.col, p.header, p.value])).toEqual([
    [2, col, 'Interests reviewed on', 'last spring'],
  ]);
  expect(reg.records[0].interestsReviewedOn).toBeNull();
  expect(interestReviewFindings(reg.records, day('2026-11-23'))[0].where).toBe(
    'Members row 2 (Dan Dee)',
  );
});
