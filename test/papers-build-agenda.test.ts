import {planAgenda, standingPlan} from '../src/papers/build-agenda';
import {item} from './papers-helpers';

const STANDING = [
  'Apologies for absence and declarations of interest',
  'Minutes of the previous meeting',
  'Action log',
  'Forward agenda plan',
  'Date of next meeting',
];

describe('Build agenda for selected meeting (plan)', () => {
  test('standing items: the first three open the agenda, the last two close the public part', () => {
    expect(standingPlan(STANDING).map(p => `${p.section}/${p.purpose}/${p.paperStatus}`)).toEqual([
      'Constitutional matters/To note/No paper',
      'Constitutional matters/To approve/Awaited',
      'Constitutional matters/To note/Awaited',
      'Information and monitoring/To note/Awaited',
      'Information and monitoring/To note/No paper',
    ]);
  });

  test('adds the missing standing items and numbers everything in section order', () => {
    const existing = [
      item({row: 20, section: 'Information and monitoring', title: 'Quality report'}),
      item({row: 21, section: 'Key decisions', title: 'Homecare recommissioning'}),
      item({row: 22, section: 'Exempt items', title: 'Provider of concern'}),
      item({
        row: 23,
        section: 'Constitutional matters',
        title: 'Minutes of the previous meeting',
        standing: true,
        leadOfficer: 'Edited by the officer',
      }),
    ];
    const plan = planAgenda(existing, STANDING);
    expect(plan.add.map(a => `${a.no} ${a.title}`)).toEqual([
      '1 Apologies for absence and declarations of interest',
      '3 Action log',
      '6 Forward agenda plan',
      '7 Date of next meeting',
    ]);
    expect([...plan.numbers.entries()].sort((a, b) => a[1] - b[1])).toEqual([
      [23, 2],
      [21, 4],
      [20, 5],
      [22, 8],
    ]);
  });

  test('re-running adds nothing and keeps the numbers', () => {
    const first = planAgenda([item({row: 5, section: 'Decisions', title: 'Budget'})], STANDING);
    const rows = [
      item({row: 5, section: 'Decisions', title: 'Budget', itemNo: first.numbers.get(5)!}),
      ...first.add.map((a, k) =>
        item({row: 10 + k, section: a.section, title: a.title, itemNo: a.no, standing: true}),
      ),
    ];
    const again = planAgenda(rows, STANDING);
    expect(again.add).toEqual([]);
    expect(rows.map(r => again.numbers.get(r.row))).toEqual(rows.map(r => r.itemNo));
  });

  test('an item with no section stops the build with a plain message', () => {
    expect(() => planAgenda([item({row: 9, section: '', title: 'Budget'})], STANDING)).toThrow(
      'Agenda row 9 ("Budget") has no Section. Choose one of: Constitutional matters, Key decisions, Decisions, Information and monitoring, Exempt items, then build the agenda again.',
    );
  });
});
