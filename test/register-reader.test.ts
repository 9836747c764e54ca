/**
 * The one reader of the registers (src/workbook/registers.ts), driven with grids as getValues
 * returns them: the edit check's parser for every value, problems for every unreadable cell,
 * one rule for which rows count.
 */
import {linkProblems, registerFromGrid} from '../src/workbook/registers';
import {tabSpec} from '../src/workbook/schema';
import {problemsInGrid} from '../src/workbook/problems';

type Cell = string | number | boolean | Date;
const headers = (tab: string) => tabSpec(tab).columns.map(c => c.header);
/** A grid of the tab's schema headers and rows given by header. */
function grid(tab: string, rows: Record<string, Cell>[], extra: Cell[][] = []): Cell[][] {
  const hs = headers(tab);
  return [hs, ...rows.map(r => hs.map(h => r[h] ?? ''))].map((line, i) => [
    ...line,
    ...(extra[i] ?? []),
  ]);
}

describe('Agenda: Confidential as the edit check reads it, whoever wrote it', () => {
  const items = registerFromGrid(
    'Agenda',
    grid('Agenda', [
      {Title: 'Typed Yes', Confidential: 'Yes'},
      {Title: 'Script Y', Confidential: 'Y'},
      {Title: 'Old sheet yes', Confidential: 'yes '},
      {Title: 'Checkbox', Confidential: true},
      {Title: 'Text TRUE', Confidential: 'TRUE'},
      {Title: 'Unreadable', Confidential: 'maybe'},
      {Title: 'Typed No', Confidential: 'No'},
      {Title: 'n', Confidential: 'n'},
      {Title: 'Checkbox off', Confidential: false},
      {Title: 'Empty', Confidential: ''},
    ]),
  );
  test('Yes, Y, yes, TRUE and true are confidential; so is a value nobody can read', () => {
    expect(Object.fromEntries(items.records.map(i => [i.title, i.confidential]))).toEqual({
      'Typed Yes': true,
      'Script Y': true,
      'Old sheet yes': true,
      Checkbox: true,
      'Text TRUE': true,
      Unreadable: true,
      'Typed No': false,
      n: false,
      'Checkbox off': false,
      Empty: false,
    });
  });
  test('the unreadable flag is a problem naming the cell and what to do', () => {
    expect(items.problems).toEqual([
      {
        tab: 'Agenda',
        row: 7,
        col: 9,
        header: 'Confidential',
        value: 'maybe',
        problem: '"maybe" is not Yes or No.',
        kind: 'value',
      },
    ]);
  });
});

test('dates and times: Date cells read; a date held as text is a problem, as are serials', () => {
  const m = registerFromGrid(
    'Meetings',
    grid('Meetings', [
      {'Meeting date': new Date(2026, 11, 10), 'Start time': new Date(1899, 11, 30, 10, 0)},
      {'Meeting date': new Date(2027, 0, 14), 'Start time': '9.30am', 'End time': 0.5},
      {'Meeting date': new Date(2027, 2, 4), 'Start time': '14:00', 'Agenda published on': 46000},
      {'Meeting date': 'next Tuesday', Venue: 'Room 1'},
      // Text that reads as a date (pasted as '14/01/2027, imported, or typed into a plain-text
      // cell): the sheet's formulas do not count it, so neither does the reader.
      {'Meeting date': ' 14/01/2027', Venue: 'Room 2'},
      {'Meeting date': new Date(2027, 3, 1), 'Agenda published on': '2027-03-01'},
    ]),
  );
  expect(m.records.map(r => [r.row, r.date, r.start, r.end, r.agendaPublishedOn])).toEqual([
    [2, '2026-12-10', 600, null, null],
    [3, '2027-01-14', 570, 720, null],
    [4, '2027-03-04', 840, null, null],
    [7, '2027-04-01', null, null, null],
  ]);
  const text = (v: string) =>
    `"${v}" is text, not a date: the Dashboard's figures and the sheet's colours do not count it, so the checks do not either. Type the date again as dd/mm/yyyy, for example 12/03/2026, in a cell not formatted as plain text (Format > Number > Date).`;
  expect(m.problems.map(p => `${p.row} ${p.header}: ${p.problem}`)).toEqual([
    '4 Agenda published on: "46000" is not a date. Type the date as dd/mm/yyyy, for example 12/03/2026.',
    '5 Meeting date: "next Tuesday" is not a date. Type the date as dd/mm/yyyy, for example 12/03/2026.',
    `6 Meeting date: ${text('14/01/2027')}`,
    `7 Agenda published on: ${text('2027-03-01')}`,
  ]);
});

test('lists and Yes/No ignore case and spaces; unknown values are problems, never guesses', () => {
  const r = registerFromGrid(
    'Members',
    grid('Members', [
      {
        Name: ' Ann Able ',
        Role: 'vice-chair',
        'Provider size': 'SMALL ',
        'Client groups': 'older people, carers',
        Status: 'active',
      },
      {Name: 'Bo Bell', Role: 'Boss', Status: 'Left'},
    ]),
  );
  expect(r.records[0]).toMatchObject({
    name: 'Ann Able',
    role: 'Vice-chair',
    providerSize: 'Small',
    clientGroups: ['Older people', 'Carers'],
    status: 'Active',
  });
  expect(r.records[1]).toMatchObject({name: 'Bo Bell', role: '', status: 'Left'});
  expect(r.problems).toEqual([
    expect.objectContaining({row: 3, header: 'Role', value: 'Boss', kind: 'value'}),
  ]);
});

test('money: a negative or ambiguous amount is a problem and reads as nothing, never as 0', () => {
  const r = registerFromGrid(
    'Contracts',
    grid('Contracts', [
      {Reference: 'C-1', 'Annual value': -500},
      {Reference: 'C-2', 'Annual value': '1.234,50'},
      {Reference: 'C-3', 'Annual value': '£1,234.50', 'End date': new Date(2027, 2, 31)},
    ]),
  );
  expect(r.records.map(c => c.annualValue)).toEqual([null, null, 1234.5]);
  expect(r.problems.map(p => `${p.row} ${p.header}`)).toEqual(['2 Annual value', '3 Annual value']);
});

test('which rows count: summary blocks beside a table and formula-only rows are never records', () => {
  const hs = headers('Cash flow');
  const formulaOnly = hs.map(h =>
    h === 'Hours in period' || h === 'Cumulative cash flow' ? 0 : '',
  );
  const g: Cell[][] = [
    [...hs, '', 'Cash flow summary', ''],
    [
      ...hs.map(h => (h === 'Period' ? 'Q1 2026/27' : h === 'Cumulative cash flow' ? -40500 : '')),
      '',
      'Break-even period',
      'Q3',
    ],
    [...formulaOnly, '', 'Payback', '18 months'],
    [...hs.map(() => ''), '', 'Total investment', 40500],
  ];
  const r = registerFromGrid('Cash flow', g);
  expect(r.records.map(p => [p.row, p.period, p.cumulative])).toEqual([[2, 'Q1 2026/27', -40500]]);
  expect(r.problems).toEqual([]);
});

test('one row per key: duplicates are problems on every copy and count once (the last)', () => {
  const r = registerFromGrid(
    'Attendance',
    grid('Attendance', [
      {'Meeting date': new Date(2026, 8, 3), Member: 'Dan Dee', Attendance: 'Apologies'},
      {'Meeting date': new Date(2026, 8, 3), Member: 'Eve Ely', Attendance: 'Present'},
      {
        'Meeting date': new Date(2026, 8, 3),
        Member: 'dan dee ',
        Attendance: 'Substitute attended',
        Substitute: 'Hal Hunt',
      },
    ]),
  );
  expect(r.records.map(a => [a.row, a.member, a.attendance])).toEqual([
    [3, 'Eve Ely', 'Present'],
    [4, 'dan dee', 'Substitute attended'],
  ]);
  expect(r.problems.map(p => [p.row, p.kind])).toEqual([
    [2, 'unique'],
    [4, 'unique'],
  ]);
  expect(r.problems[0].problem).toBe(
    'The attendance of 03/09/2026, Dan Dee is recorded more than once, so it would be counted twice. Delete the duplicate row.',
  );
});

test('the Problems list is the reader’s problems, row rules included', () => {
  const g = grid('Actions', [
    {Action: 'Write to the chair', 'Action to be taken by': 'Cat Cole', Status: 'Ongoing'},
    {Action: 'No owner', Status: 'closed'},
  ]);
  expect(
    problemsInGrid(tabSpec('Actions'), g, 0).map(p => `${p.row} ${p.header} ${p.kind}`),
  ).toEqual(['2 Review date rule', '3 Action to be taken by required']);
});

test('a missing required column: a problem for Problems, a plain error for readers', () => {
  const r = registerFromGrid('Members', [
    ['Name', 'Email'],
    ['Ann', 'ann@example.org'],
  ]);
  expect(r.records).toEqual([]);
  expect(r.problems).toEqual([
    expect.objectContaining({
      row: 1,
      header: 'Role',
      problem:
        'The "Role" column is missing. Put the header back in row 1, or run Committee > Set up or repair workbook.',
    }),
  ]);
});

test('names and dates the registers take from each other: attendance and action owners', () => {
  const members = registerFromGrid(
    'Members',
    grid('Members', [
      {Name: 'Cat Cole', Role: 'Member'},
      {Name: 'Dan Dee', Role: 'Chair'},
    ]),
  );
  const meetings = registerFromGrid(
    'Meetings',
    grid('Meetings', [{'Meeting date': new Date(2026, 8, 3)}]),
  );
  const attendance = registerFromGrid(
    'Attendance',
    grid('Attendance', [
      {'Meeting date': new Date(2026, 8, 3), Member: 'cat cole', Attendance: 'Present'},
      {'Meeting date': new Date(2026, 8, 3), Member: 'Cat Coal', Attendance: 'Present'},
      {'Meeting date': new Date(2026, 8, 4), Member: 'Dan Dee', Attendance: 'Present'},
    ]),
  );
  const actions = registerFromGrid(
    'Actions',
    grid('Actions', [
      {Action: 'Write', 'Action to be taken by': 'Dan Dee; Head of Quality'},
      {Action: 'Call', 'Action to be taken by': 'Cat Cole'},
    ]),
  );
  const found = linkProblems({members, meetings, attendance, actions});
  expect(
    found.map(p => `${p.tab} ${p.row} ${p.header}${p.warning ? ' (warning)' : ''}: ${p.problem}`),
  ).toEqual([
    'Attendance 3 Member: "Cat Coal" is not a name on the Members tab, so this attendance is not counted. Type the name as it is on Members, or add the member.',
    'Attendance 4 Meeting date: There is no meeting on 04/09/2026 on the Meetings tab, so this attendance is not counted. Correct the date, or add the meeting.',
    'Actions 2 Action to be taken by (warning): "Head of Quality" is not on the Members tab, so no reminder can reach them. Type names as they are on Members, or add the person.',
  ]);
});
