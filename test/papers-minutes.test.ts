/**
 * The minutes draft: the membership with its attendance to complete, declarations pre-filled
 * from Attendance and from standing interests that match an item, no resolution under
 * procedural items, actions already recorded, and minute numbers per meeting or running
 * through the municipal year (committee-practice "Minutes", "Kinds of group": "233.").
 */
import type {ActionItem, AttendanceRecord} from '../src/domain/records';
import {orderAgenda} from '../src/papers/agenda';
import {firstMinuteNo, minutesPaper} from '../src/papers/minutes';
import {paperText} from '../src/papers/model';
import {SETTINGS, day, item, meeting, member} from './papers-helpers';

const when = day('2020-10-08');
const members = [
  member({name: 'Ann Able', role: 'Chair'}),
  member({name: 'Ben Brook', role: 'Vice-chair'}),
  member({
    name: 'Dan Dee',
    role: 'Member',
    organisation: 'Dee Homecare',
    interests: 'Director of Dee Homecare; Lot 2; Birch Lodge',
  }),
  member({name: 'Cat Cole', role: 'Member'}),
  member({name: 'Lee Officer', role: 'Lead officer'}),
];
const attendance: AttendanceRecord[] = [
  {
    row: 2,
    meeting: when,
    member: 'Ann Able',
    attendance: 'Present',
    substitute: '',
    declarations: '',
  },
  {
    row: 3,
    meeting: when,
    member: 'Ben Brook',
    attendance: 'Apologies',
    substitute: '',
    declarations: '',
  },
  {
    row: 4,
    meeting: when,
    member: 'Dan Dee',
    attendance: 'Present',
    substitute: '',
    declarations: '',
  },
  {
    row: 5,
    meeting: when,
    member: 'Lee Officer',
    attendance: 'Present',
    substitute: '',
    declarations: '',
  },
];
const items = orderAgenda([
  item({
    row: 2,
    section: 'Constitutional matters',
    title: 'Apologies for absence and declarations of interest',
    purpose: 'To note',
    standing: true,
  }),
  item({
    row: 3,
    section: 'Constitutional matters',
    title: 'Minutes of the previous meeting',
    purpose: 'To approve',
    standing: true,
  }),
  item({
    row: 4,
    section: 'Key decisions',
    title: 'Recommissioning of homecare lot 2',
    purpose: 'To decide',
  }),
  item({
    row: 5,
    section: 'Information and monitoring',
    title: 'Date of next meeting',
    purpose: 'To note',
    standing: true,
  }),
]);
const actions: ActionItem[] = [
  {
    row: 2,
    meeting: when,
    minute: '235',
    title: 'Homecare',
    owners: ['Lee Officer'],
    action: 'Publish the tender timetable',
    comments: '',
    status: 'Open',
    reviewDate: day('2020-11-30'),
    dateClosed: null,
    lastUpdated: null,
  },
];

const paper = minutesPaper(
  {
    meeting: meeting({date: when}),
    items,
    attendance,
    members,
    actions,
    firstMinute: 233,
    previous: day('2020-07-09'),
    next: meeting({date: day('2021-01-14'), start: 14 * 60, venue: 'Room 2'}),
  },
  SETTINGS,
);
const text = paperText(paper);
const tables = paper.blocks
  .filter(b => b.kind === 'table')
  .map(b => (b.kind === 'table' ? b.rows : []));

test('the membership with its attendance, blanks left to complete', () => {
  expect(tables[1]).toEqual([
    ['Member', 'Role', 'Attendance'],
    ['Ann Able', 'Chair', 'Present'],
    ['Ben Brook', 'Vice-chair', 'Apologies'],
    ['Cat Cole', 'Member', '[Present / Apologies / Absent]'],
    ['Dan Dee', 'Member', 'Present'],
  ]);
  expect(text).toContain('Officers in attendance: Lee Officer');
  expect(text).not.toContain('Present: None');
});

test('declarations: a standing interest that matches an item is pre-filled', () => {
  expect(tables[2]).toEqual([
    ['Member', 'Interest', 'Item / note'],
    [
      'Dan Dee',
      'Director of Dee Homecare; Lot 2; Birch Lodge',
      'Registered interest that may be relevant to item 235 (Recommissioning of homecare lot 2), matching "Lot 2": to confirm',
    ],
  ]);
  expect(text).not.toContain('No interests were declared');
});

test('running minute numbers; no resolution under procedural items', () => {
  const headings = paper.blocks
    .filter(b => b.kind === 'heading' && b.level === 3)
    .map(b => (b.kind === 'heading' ? b.text : ''));
  expect(headings).toEqual([
    '233. Apologies for absence and declarations of interest',
    '234. Minutes of the previous meeting',
    '235. Recommissioning of homecare lot 2',
    '236. Date of next meeting',
  ]);
  const after = (h: string) => text.split(h)[1].split(/\n\d{3}\. /)[0];
  expect(after('233. Apologies')).toContain('Apologies for absence were received from Ben Brook.');
  expect(after('233. Apologies')).not.toContain('RESOLVED');
  expect(after('236. Date of next meeting')).toContain(
    'The next meeting will be held on Thursday 14 January 2021 at 14:00, Room 2.',
  );
  expect(after('236. Date of next meeting')).not.toContain('RESOLVED');
  expect(after('234. Minutes')).toContain(
    'RESOLVED: That the minutes of the meeting held on 9 July 2020 be approved as a correct record',
  );
  expect(after('235. Recommissioning')).toContain('RESOLVED: (a) [resolution]');
});

test('actions already recorded for the meeting are listed', () => {
  expect(tables[3].slice(0, 2)).toEqual([
    ['Minute no.', 'Action', 'Action to be taken by', 'Review date'],
    ['235', 'Publish the tender timetable', 'Lee Officer', '30/11/2020'],
  ]);
});

test('the first minute number: per meeting 1; running from the municipal year start', () => {
  const meetings = [
    meeting({date: day('2020-04-02')}),
    meeting({date: day('2020-07-09')}),
    meeting({date: when}),
  ];
  const agenda = [
    item({row: 2, meeting: day('2020-04-02')}),
    item({row: 3, meeting: day('2020-07-09')}),
    item({row: 4, meeting: day('2020-07-09')}),
    item({row: 5, meeting: when}),
  ];
  const running = {mode: 'Running' as const, first: 201, yearStarts: 5};
  expect(firstMinuteNo(meetings[2], meetings, agenda, running)).toBe(203); // April is last year
  expect(firstMinuteNo(meetings[2], meetings, agenda, {...running, mode: 'Per meeting'})).toBe(1);
  expect(firstMinuteNo(meetings[0], meetings, agenda, running)).toBe(201 + 0);
});

test('quorum: the draft says whether the meeting was quorate, counted as compliance counts', () => {
  const draft = (quorum: number, att = attendance) =>
    paperText(
      minutesPaper(
        {
          meeting: meeting({date: when}),
          items,
          attendance: att,
          members,
          actions,
          firstMinute: 1,
          quorum,
        },
        SETTINGS,
      ),
    );
  // Ann Able and Dan Dee count; the lead officer does not.
  expect(draft(3)).toContain(
    'The meeting was inquorate: 2 of the 3 members needed were present. It could discuss but not decide; any decision must be taken again at a quorate meeting.',
  );
  expect(draft(2)).toContain('The meeting was quorate: 2 members present (quorum 2).');
  // No quorum, or no attendance recorded yet: nothing is said.
  expect(draft(0)).not.toMatch(/quorate/);
  expect(draft(3, [])).not.toMatch(/quorate/);
});

test("a registered interest in an exempt item never puts the item's title in the public part", () => {
  const secret = 'Provider of concern: Larch Care (Lot 2)';
  const withExempt = orderAgenda([
    ...items,
    item({row: 9, section: 'Exempt items', title: secret, confidential: true}),
  ]);
  const draft = minutesPaper(
    {
      meeting: meeting({date: when}),
      items: withExempt,
      attendance,
      members,
      actions,
      firstMinute: 1,
    },
    SETTINGS,
  );
  const declarations = draft.blocks.find(
    b => b.kind === 'table' && b.rows[0][0] === 'Member' && b.rows[0][1] === 'Interest',
  );
  expect(JSON.stringify(declarations)).not.toContain('Larch');
  expect(paperText(draft)).toContain('(an exempt item), matching "Lot 2": to confirm');
});
