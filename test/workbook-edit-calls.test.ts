/**
 * What one typed cell costs in service calls (issue 10's budgets), on the demo workbook: a valid
 * edit that writes nothing, an Actions edit that stamps Last updated, Status -> Closed (fills Date
 * closed too), and a value kept and flagged. Measured with the emulator's call statistics; the
 * same edits at 10,000 rows are in scripts/bench-workbook.ts.
 */
import {openWorkbook, FLAG, type Clerk} from './driver';

let b: Clerk;
beforeAll(async () => {
  b = await openWorkbook({demo: true});
});

const calls = (a1: string, text: string) => {
  const s = b.edit(a1, text).stats;
  console.log(`${a1} ${JSON.stringify(text)}: ${s.total} calls ${JSON.stringify(s.calls)}`);
  return s.total;
};

test('a valid edit that writes nothing: at most 4 calls', () => {
  expect(calls('Meetings!N5', 'Room booked')).toBeLessThanOrEqual(4);
});

// Goal 5: the tab's name, its header row and the edited row are three calls of their own (row 1
// and the row are read apart so the read never grows with the tab), and the stamp is one
// getRange and one setValues.
test('an Actions edit that stamps Last updated: at most 6 calls', () => {
  expect(calls('Actions!F9', 'Chased')).toBeLessThanOrEqual(6);
  expect(b.display('Actions!J9')).toBe('23/11/2026');
});

test('Status -> Closed (Date closed and Last updated filled): at most 6 calls', () => {
  expect(calls('Actions!G10', 'Closed')).toBeLessThanOrEqual(6);
  expect(b.display('Actions!I10')).toBe('23/11/2026');
});

// Goal 6: the flag is getNote (an officer's own note on the cell survives), setBackground and
// setNote, on top of the stamp's six.
test('a value kept and flagged on a stamped tab: at most 9 calls', () => {
  expect(calls('Actions!H11', 'next Tuesday')).toBeLessThanOrEqual(9);
  expect(b.value('Actions!H11')).toBe('next Tuesday');
  expect(b.meta('Actions', 'H11').background).toBe(FLAG);
  expect(b.note('Actions', 'H11')).toContain('"next Tuesday" is not a date');
});
