/**
 * `clerk edit` and `clerk run` open the workbook from the parts the last save kept
 * (NAME.workspace/workbook.parts) instead of parsing it. The workbook they save must be the
 * one the full parse would have given: the same values, formulas, notes, formats and data
 * validation on every tab, and the same computed values for `clerk get`.
 */
import {cpSync, mkdtempSync, readFileSync, existsSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {main} from '../../emulator/cli';
import {snapshotReads} from '../../emulator/sheets/xlsx-snapshot';
import {patchedSaves} from '../../emulator/sheets/xlsx-patch';
import {BufferIo} from '../../emulator/services/io';
import {xlsxFingerprint} from './xlsx-fingerprint';

// A register with a list, a date column, a formula column and a summary, and an onEdit that
// flags a bad status with a note and a colour, as the program does.
const PROBE = `
function setUp() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sh = ss.getSheets()[0].setName('Actions');
  sh.getRange('A1:D1').setValues([['Action', 'Status', 'Due', 'Late?']]).setFontWeight('bold');
  sh.getRange('A2:C4').setValues([['Write the report', 'Open', new Date(2026, 2, 12)],
                                  ['Book the room', 'Closed', new Date(2026, 5, 1)],
                                  ['Send the papers', 'Open', new Date(2026, 6, 1)]]);
  sh.getRange('C2:C1000').setNumberFormat('dd/mm/yyyy');
  sh.getRange('B2:B1000').setDataValidation(SpreadsheetApp.newDataValidation()
      .requireValueInList(['Open', 'Closed']).setAllowInvalid(true).build());
  sh.getRange('D2:D4').setFormulas([['=AND(B2="Open",C2<TODAY())'], ['=AND(B3="Open",C3<TODAY())'],
                                    ['=AND(B4="Open",C4<TODAY())']]);
  var sum = ss.insertSheet('Summary');
  sum.getRange('A1:B1').setValues([['Open', '=COUNTIF(Actions!B2:B,"Open")']]);
  sum.setColumnWidth(1, 160);
}
function mark() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Summary');
  sh.getRange('A3:B3').setValues([['Marked', '=B1*2']]);
  sh.getRange('A3').setNote('by a menu item').setFontColor('#1155cc');
}
function onEdit(e) {
  if (e.range.getColumn() !== 2) return;
  var ok = e.value === 'Open' || e.value === 'Closed';
  e.range.setNote(ok ? '' : 'Status: Open or Closed').setBackground(ok ? null : '#f4cccc');
}
`;

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'clerk-fast-edit-'));
  const probe = path.join(dir, 'probe.gs');
  writeFileSync(probe, PROBE);
  process.env.CLERK_CODE = probe;
  const book = path.join(dir, 'start', 'book.xlsx');
  expect(await main(['new', book], new BufferIo())).toBe(0);
  expect(await main(['run', book, 'setUp', '--today', '2026-06-01'], new BufferIo())).toBe(0);
});
afterAll(() => {
  delete process.env.CLERK_CODE;
  delete process.env.CLERK_NO_CACHE;
});

/** A copy of the start workbook with its workspace, in a folder of its own. */
function copy(name: string): string {
  cpSync(path.join(dir, 'start'), path.join(dir, name), {recursive: true});
  return path.join(dir, name, 'book.xlsx');
}

/** The computed values `clerk get` answers from, without the hash of the file they are for. */
function computedOf(book: string): string {
  const c = JSON.parse(
    readFileSync(path.join(path.dirname(book), 'book.workspace', 'computed.json'), 'utf8'),
  ) as {sha256?: string};
  delete c.sha256;
  return JSON.stringify(c);
}

async function clerk(full: boolean, ...argv: string[]) {
  if (full) process.env.CLERK_NO_CACHE = '1';
  try {
    const io = new BufferIo();
    return {code: await main(argv, io), out: io.stdout, err: io.stderr};
  } finally {
    delete process.env.CLERK_NO_CACHE;
  }
}

test('an edit and a run from the kept parts save the workbook the full parse saves', async () => {
  expect(existsSync(path.join(dir, 'start', 'book.workspace', 'workbook.parts'))).toBe(true);
  const fast = copy('fast');
  const full = copy('full');
  for (const book of [fast, full]) {
    const byParts = book === fast;
    const before = snapshotReads.n;
    const steps = [
      ['edit', book, 'Actions!B3', 'Maybe', '--today', '2026-06-01'],
      ['edit', book, 'Actions!A5', 'Chase the minutes', '--today', '2026-06-01'],
      ['run', book, 'mark', '--today', '2026-06-02'],
    ];
    for (const argv of steps) {
      const r = await clerk(!byParts, ...argv);
      expect(r.err.join('\n')).toBe('');
      expect(r.code).toBe(0);
    }
    expect(snapshotReads.n - before).toBe(byParts ? steps.length : 0);
  }
  expect(await xlsxFingerprint(fast)).toEqual(await xlsxFingerprint(full));
  // The computed values `clerk get` answers from (each for its own file: the zips differ in their times).
  expect(computedOf(fast) === computedOf(full)).toBe(true);
  // The edit is there: onEdit's note and colour on the refused status.
  const got = await clerk(false, 'get', fast, 'Actions!B3', '--notes');
  expect(got.out).toEqual(['Maybe', 'B3\tbackground #f4cccc\tnote: Status: Open or Closed']);
});

test('accepted edits are saved by patching the file: the same workbook and computed values as full saves', async () => {
  const fast = copy('patched');
  const full = copy('unpatched');
  for (const book of [fast, full]) {
    const byParts = book === fast;
    const before = patchedSaves.n;
    for (const [cell, value] of [
      ['Actions!B2', 'Closed'], // read by the Summary's COUNTIF and the Late? formulas
      ['Actions!C4', '02/01/2026'], // a date typed as a person types it
      ['Actions!A3', 'Book the room & tea'],
    ]) {
      const r = await clerk(!byParts, 'edit', book, cell, value, '--today', '2026-06-01');
      expect(r.err.join('\n')).toBe('');
      expect(r.code).toBe(0);
    }
    expect(patchedSaves.n - before).toBe(byParts ? 3 : 0);
  }
  expect(await xlsxFingerprint(fast)).toEqual(await xlsxFingerprint(full));
  expect(computedOf(fast)).toBe(computedOf(full));
  // `clerk get` answers from the cache the patched save wrote: the recomputed summary.
  const got = await clerk(false, 'get', fast, 'Summary!A1:B1', '--today', '2026-06-01');
  expect(got.out).toEqual(['Open\t1']);
  const late = await clerk(false, 'get', fast, 'Actions!D2:D4', '--today', '2026-06-01');
  expect(late.out).toEqual(['FALSE', 'FALSE', 'TRUE']);
});
