/**
 * Lists officers can extend (issue 16 item 9): set-up fills a Lists tab with the program's Client
 * groups and Service types; a value added there is accepted as typed on Members and in Settings
 * "Required client groups", and counts in the composition rules; a value removed while members
 * still use it is on the Problems list naming those rows. Lists the logic depends on stay fixed.
 */
import {openWorkbook, FLAG, type Clerk} from './driver';
import {CLIENT_GROUPS, SERVICE_TYPES} from '../src/workbook/schema';

let b: Clerk;
beforeAll(async () => {
  b = await openWorkbook({today: '2026-11-23'});
  b.load({
    Members: [
      {Name: 'Ann Able', Role: 'Chair', Status: 'Active', 'Client groups': 'Carers'},
      {Name: 'Ben Brook', Role: 'Member', Status: 'Active'},
    ],
  });
});

test('set-up fills the Lists tab from the program lists, one column per list', () => {
  const rows = b.rows('Lists', 'B');
  expect(rows.map(r => r['Client groups']).filter(Boolean)).toEqual([...CLIENT_GROUPS]);
  expect(rows.map(r => r['Service types']).filter(Boolean)).toEqual([...SERVICE_TYPES]);
});

test('a client group not on the list is kept and flagged; added to the list, it is accepted', () => {
  b.edit('Members!G3', 'Autism');
  expect(b.value('Members!G3')).toBe('Autism');
  expect(b.meta('Members', 'G3').background).toBe(FLAG);
  expect(b.note('Members', 'G3')).toContain('"Autism" is not one of the Client groups');
  b.edit('Lists!A8', 'Autism');
  b.edit('Members!G3', 'autism; older people');
  expect(b.value('Members!G3')).toBe('Autism; Older people');
  expect(b.note('Members', 'G3')).toBe('');
});

test('the composition rules follow the list: "Autism" required and covered', () => {
  const row = b.rows('Settings', 'C').findIndex(s => s['Setting'] === 'Required client groups');
  b.edit(`Settings!B${row + 2}`, 'Autism; Older people');
  expect(b.note('Settings', `B${row + 2}`)).toBe('');
  b.run('checkMembership');
  const rule = b
    .rows('Membership check', 'D')
    .find(r => r['Rule'] === 'Client group covered: Autism');
  expect(rule).toMatchObject({Result: 'Met', 'Who counts': 'Ben Brook'});
});

test('a value removed from the list while members use it: Problems names the rows', () => {
  // Carers is row 6 of the Client groups column.
  expect(b.value('Lists!A6')).toBe('Carers');
  b.edit('Lists!A6', '');
  b.run('checkWorkbookProblems');
  const problems = b.rows('Problems', 'G').map(p => `${p['Tab']}!${p['Cell']}: ${p['Problem']}`);
  expect(problems).toContain(
    'Lists!A1: "Carers" is used on the Members tab (row 2) but is not in the Client groups list. Add it back to the list, or change those rows.',
  );
  expect(problems.some(p => p.startsWith('Members!G2: "Carers" is not one of'))).toBe(true);
});
