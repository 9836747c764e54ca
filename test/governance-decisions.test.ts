/**
 * The Decisions tab: made by set-up with the contract's headers, Type and Implementation status
 * refused outside their lists as typed, a recommendation to Council needing its implementation
 * status, and the register reader giving Decision records (bad cells as problems with their cell).
 */
import {openWorkbook, type Clerk} from './driver';
import {registerFromGrid} from '../src/workbook/registers';
import {TAB} from '../src/workbook/schema';

describe('the Decisions tab as a clerk uses it', () => {
  let b: Clerk;
  beforeAll(async () => {
    b = await openWorkbook({today: '2026-11-23'});
    b.load({
      Meetings: [{'Meeting date': '2026-10-08', Status: 'Held'}],
      Decisions: [
        {
          'Meeting date': '2026-10-08',
          'Minute no.': '233',
          Item: 'Market position statement',
          Decision: 'The market position statement was agreed for consultation.',
          Type: 'Resolved',
          'Implementation status': 'In progress',
        },
      ],
    });
  });

  test('has the headers of the contract, in order', () => {
    expect(b.cells('Decisions!A1:H1')[0]).toEqual([
      'Meeting date',
      'Minute no.',
      'Item',
      'Decision',
      'Type',
      'Key decision ref',
      'Implementation status',
      'Link',
    ]);
  });

  test('Type refuses other values and says what was typed; case is put right', () => {
    b.edit('Decisions!E2', 'Agreed');
    expect(b.value('Decisions!E2')).toBe('Resolved');
    expect(b.note('Decisions', 'E2')).toContain('"Agreed" was typed here');
    expect(b.note('Decisions', 'E2')).toContain('Resolved, Noted, Recommended to Council');
    b.edit('Decisions!E2', 'noted');
    expect(b.value('Decisions!E2')).toBe('Noted');
  });

  test('a recommendation to Council needs its implementation status', () => {
    b.edit('Decisions!G2', '');
    b.edit('Decisions!E2', 'Recommended to Council');
    expect(b.note('Decisions', 'G2')).toContain(
      'A decision Recommended to Council needs an Implementation status',
    );
    b.edit('Decisions!G2', 'Finished');
    expect(b.value('Decisions!G2')).toBe('');
    expect(b.note('Decisions', 'G2')).toContain(
      'Not started, In progress, Implemented, Not implemented',
    );
    b.edit('Decisions!G2', 'implemented');
    expect(b.value('Decisions!G2')).toBe('Implemented');
  });
});

test('the register reader gives Decision records; an unreadable date is a problem naming its cell', () => {
  const grid = [
    [
      'Meeting date',
      'Minute no.',
      'Item',
      'Decision',
      'Type',
      'Key decision ref',
      'Implementation status',
      'Link',
    ],
    [
      new Date(2026, 9, 8),
      '233',
      'Budget',
      'Recommended the budget to Council.',
      'Recommended to Council',
      'KD2026/07',
      'Not started',
      '',
    ],
    ['next week', '234', 'Fees', 'Fees noted.', 'Noted', '', '', ''],
  ];
  const reg = registerFromGrid(TAB.decisions, grid);
  expect(reg.records).toEqual([
    {
      row: 2,
      meeting: '2026-10-08',
      minute: '233',
      item: 'Budget',
      decision: 'Recommended the budget to Council.',
      type: 'Recommended to Council',
      keyDecisionRef: 'KD2026/07',
      implementationStatus: 'Not started',
      link: '',
    },
  ]);
  expect(reg.problems.map(p => [p.row, p.header, p.kind])).toEqual([[3, 'Meeting date', 'value']]);
});
