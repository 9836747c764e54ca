/**
 * What one typed cell costs in service calls (issue 10's budgets), on the demo workbook: a valid
 * edit that writes nothing, an Actions edit that stamps Last updated, Status -> Closed (fills Date
 * closed too), a value kept and flagged, and a substitute checked against Members. Measured with the emulator's call statistics; the
 * same edits at 10,000 rows are in scripts/bench-workbook.ts.
 */
import {openWorkbook, FLAG, type Clerk} from './driver';
import {SCHEMA, TAB} from '../src/workbook/schema';
import {tabOfHeaders} from '../src/workbook/validate';

let b: Clerk;
beforeAll(async () => {
  b = await openWorkbook({demo: true});
});

const calls = (a1: string, text: string) => {
  const s = b.edit(a1, text).stats;
  console.log(`${a1} ${JSON.stringify(text)}: ${s.total} calls ${JSON.stringify(s.calls)}`);
  return s.total;
};

// The tab is known by its header row (one read the check needs anyway), not by asking its name.
test('a valid edit that writes nothing: 2 calls (goal 4)', () => {
  expect(calls('Meetings!N5', 'Room booked')).toBeLessThanOrEqual(2);
});

// The sheet, its header row and the edited row (read apart so the read never grows with the
// tab), and the stamp: one getRange and one setValues.
test('an Actions edit that stamps Last updated: 5 calls (goal 5)', () => {
  expect(calls('Actions!F9', 'Chased')).toBeLessThanOrEqual(5);
  expect(b.display('Actions!J9')).toBe('23/11/2026');
});

test('Status -> Closed (Date closed and Last updated filled): 5 calls (goal 6)', () => {
  expect(calls('Actions!G10', 'Closed')).toBeLessThanOrEqual(5);
  expect(b.display('Actions!I10')).toBe('23/11/2026');
});

// Goal 6, one over (was 8): a value flagged needs no row (no rule reads a date that is not
// one), so the sheet, its header row, the stamp (getRange, setValue) and the flag: getNote (an
// officer's own note on the cell survives), setBackground and setNote. The last call would go
// only by dropping the officer's note, the stamp, or reading the header through the active sheet
// (Spreadsheet.getSheetValues), which no Apps Script page promises is the edited one.
test('a value kept and flagged on a stamped tab: 7 calls (goal 6)', () => {
  expect(calls('Actions!H11', 'next Tuesday')).toBeLessThanOrEqual(7);
  expect(b.value('Actions!H11')).toBe('next Tuesday');
  expect(b.meta('Actions', 'H11').background).toBe(FLAG);
  expect(b.note('Actions', 'H11')).toContain('"next Tuesday" is not a date');
  expect(b.display('Actions!J11')).toBe('23/11/2026'); // Last updated stamped all the same
});

// A refused value neither reads the row nor stamps: the sheet, its header row, the old value put
// back, and the note (getNote, setBackground, setNote).
test('a value refused on a stamped tab: 6 calls, nothing stamped', () => {
  const before = b.display('Actions!J12');
  expect(calls('Actions!G12', 'Finished')).toBeLessThanOrEqual(6);
  expect(b.value('Actions!G12')).not.toBe('Finished');
  expect(b.note('Actions', 'G12')).toContain('"Finished" was typed here');
  expect(b.display('Actions!J12')).toBe(before);
});

// A Substitute typed on Attendance reads the Members tab for who may stand in: by its span
// (Spreadsheet.getRange, getValues: 2 calls, was 3 with getSheetByName and getDataRange), after
// the sheet and its header row and edited row (3).
test('a substitute checked against the Members tab: 5 calls, the roster in 2', () => {
  const s = b.edit('Attendance!D3', 'Owen Hughes').stats;
  expect(s.calls).toEqual({
    'Range.getSheet': 1,
    'Sheet.getSheetValues': 2,
    'Spreadsheet.getRange': 1,
    'Range.getValues': 1,
  });
  expect(b.note('Attendance', 'D3')).toBe('');
});

test('each tab is known by its own header row, columns reordered or added', () => {
  for (const t of SCHEMA) {
    const headers = t.columns.map(c => c.header).reverse();
    const found = tabOfHeaders([...headers, 'Our own column'])?.name;
    // The archive has the Change log's headers (both are the program's, never checked as typed).
    expect(found === TAB.changeLogArchive ? TAB.changeLog : found).toBe(
      t.name === TAB.changeLogArchive ? TAB.changeLog : t.name,
    );
  }
  expect(tabOfHeaders(['Date', 'Name'])?.name).toBe(TAB.holidays);
  expect(tabOfHeaders(['Title', 'Notes'])).toBeUndefined();
  expect(tabOfHeaders([])).toBeUndefined();
});
