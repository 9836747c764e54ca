/**
 * Decisions from minutes (issue 16 item 4), pure: the resolutions of a minutes Doc's text under
 * their numbered minutes, their type, what cannot be taken in, and what republishing adds.
 */
import {decisionsToAdd, decisionTypeOf, resolutionsInMinutes} from '../src/domain/decisions';
import type {Decision} from '../src/domain/records';

const MINUTES = [
  'Adults Committee',
  'Declarations of interest',
  '233. Apologies for absence',
  'Apologies were received from Ben Brook.',
  '234. Minutes of the previous meeting',
  'RESOLVED: That the minutes of the meeting held on 9 July 2020 be approved as a correct record.',
  '235. Recommissioning of supported living',
  'Summary of discussion: members asked about the timetable.',
  'RESOLVED: (a) That the recommissioning plan be approved;',
  '(b) That the Director be authorised to award the contracts.',
  '236. Quarterly quality report',
  'RESOLVED: That the report be noted.',
  '237. Carers strategy',
  'RECOMMENDED: That Council adopt the carers strategy.',
  '238. Market position statement',
  'RESOLVED: (a) [resolution]',
  'Exempt items (not for publication)',
  'RESOLVED: That under Section 100A(4) of the Local Government Act 1972, the press and public be excluded from the meeting.',
].join('\n');

test('each resolution under its minute, with its type; procedure and exclusion left out', () => {
  const r = resolutionsInMinutes(MINUTES);
  expect(r.decisions).toEqual([
    {
      minute: '235',
      item: 'Recommissioning of supported living',
      decision:
        '(a) That the recommissioning plan be approved; (b) That the Director be authorised to award the contracts.',
      type: 'Resolved',
    },
    {
      minute: '236',
      item: 'Quarterly quality report',
      decision: 'That the report be noted.',
      type: 'Noted',
    },
    {
      minute: '237',
      item: 'Carers strategy',
      decision: 'That Council adopt the carers strategy.',
      type: 'Recommended to Council',
    },
  ]);
});

test('a resolution that cannot be taken in is a problem naming the minute and what to do', () => {
  const r = resolutionsInMinutes(MINUTES);
  expect(r.problems).toEqual([
    {
      where: 'Minute 238 (Market position statement)',
      problem:
        'The resolution still reads "RESOLVED: (a) [resolution]": write the resolution the meeting made in place of the words in brackets.',
    },
  ]);
  expect(resolutionsInMinutes('RESOLVED: That the fees be increased by 3%.').problems).toEqual([
    {
      where: 'Before the first numbered minute',
      problem:
        '"That the fees be increased by 3%." is not under a numbered minute heading ("233. Title"), so it has no minute number.',
    },
  ]);
});

test('the type follows the words: recommended to Council, noted, else resolved', () => {
  expect(decisionTypeOf('RESOLVED', 'That it be recommended to Council that the fees rise.')).toBe(
    'Recommended to Council',
  );
  expect(decisionTypeOf('RESOLVED', 'That the update be noted.')).toBe('Noted');
  expect(decisionTypeOf('RESOLVED', 'That the report be noted and the plan approved.')).toBe(
    'Resolved',
  );
});

test('republishing adds only minutes the Decisions tab does not have for that meeting', () => {
  const found = resolutionsInMinutes(MINUTES).decisions;
  const edited: Decision = {
    row: 2,
    meeting: '2020-10-08',
    minute: '236.',
    item: 'Quarterly quality report',
    decision: 'Noted, with thanks to the quality team.',
    type: 'Noted',
    keyDecisionRef: '',
    implementationStatus: '',
    link: '',
  };
  expect(decisionsToAdd('2020-10-08', found, [edited]).map(d => d.minute)).toEqual(['235', '237']);
  // The same minute number at another meeting is another decision.
  expect(decisionsToAdd('2021-01-14', found, [edited]).map(d => d.minute)).toEqual([
    '235',
    '236',
    '237',
  ]);
});
