/**
 * `clerk get` answered from the values the last save computed (NAME.workspace/computed.json):
 * the same text and JSON as opening the workbook, and the slow way whenever the saved values
 * may be stale (another day for TODAY(), a workbook changed by another program, NOW()).
 */
import {copyFileSync, existsSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {main as fullMain} from '../../emulator/cli';
import {main} from '../../emulator/clerk-entry';
import {fastGetCount} from '../../emulator/fast-get';
import {BufferIo} from '../../emulator/services/io';

const PROBE = `
function setUp() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sh = ss.getSheets()[0].setName('Money & dates');
  sh.getRange('A1:F1').setValues([['When', 'Time', 'Amount', 'Next day', 'Due?', 'Text']]);
  sh.getRange('A2:C3').setValues([[new Date(2026, 2, 12), new Date(1899, 11, 30, 10, 30), 1234.5],
                                  [new Date(2026, 11, 25), new Date(1899, 11, 30, 14, 0), -20]]);
  sh.getRange('A2:A3').setNumberFormat('dd/mm/yyyy');
  sh.getRange('B2:B3').setNumberFormat('HH:mm');
  sh.getRange('C2:C3').setNumberFormat('£#,##0.00');
  sh.getRange('D2:D3').setFormulas([['=A2+1'], ['=A3+1']]);
  sh.getRange('E2:E3').setFormulas([['=A2<TODAY()'], ['=IF(C3<0,1/0,"ok")']]);
  sh.getRange('F2:F3').setValues([['Zoë "quoted"\\ttab'], [true]]);
  ss.insertSheet("O'Brien").getRange('A1:B2').setValues([['x', 1], ['y', 2]]);
}
function addNow() {
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('G1').setFormula('=NOW()');
}
`;

let dir: string;
let book: string;

async function get(fast: boolean, ...argv: string[]) {
  const io = new BufferIo();
  const code = await (fast ? main : fullMain)(['get', book, ...argv], io);
  return {code, out: io.stdout, err: io.stderr};
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'clerk-fast-'));
  const probe = path.join(dir, 'probe.gs');
  writeFileSync(probe, PROBE);
  process.env.CLERK_CODE = probe;
  book = path.join(dir, 'book.xlsx');
  expect(await fullMain(['new', book], new BufferIo())).toBe(0);
  expect(await fullMain(['run', book, 'setUp', '--today', '2026-06-01'], new BufferIo())).toBe(0);
});
afterAll(() => {
  delete process.env.CLERK_CODE;
});

test('every cell of every tab, as text and as JSON, is what opening the workbook gives', async () => {
  expect(existsSync(path.join(dir, 'book.workspace', 'computed.json'))).toBe(true);
  for (const range of ["'Money & dates'!A1:H5", "'O''Brien'!A1:C3", "'money & dates'!B2"]) {
    for (const json of [[], ['--json']]) {
      const before = fastGetCount.n;
      const quick = await get(true, range, '--today', '2026-06-01', ...json);
      expect(fastGetCount.n).toBe(before + 1);
      expect(quick).toEqual(await get(false, range, '--today', '2026-06-01', ...json));
    }
  }
  const shown = await get(true, "'Money & dates'!A2:F3", '--today', '2026-06-01');
  expect(shown.out).toEqual([
    '12/03/2026\t10:30\t£1,234.50\t13/03/2026\tTRUE\tZoë "quoted"\ttab',
    '25/12/2026\t14:00\t-£20.00\t26/12/2026\t#DIV/0!\tTRUE',
  ]);
});

test('the slow way when the saved values may be stale or the range is not simple', async () => {
  const n = fastGetCount.n;
  // Another day: TODAY() is computed again.
  const later = await get(true, "'Money & dates'!E3:E3", '--today', '2026-03-01', '--json');
  expect(later.code).toBe(0);
  expect((await get(true, "'Money & dates'!E2", '--today', '2026-03-01')).out).toEqual(['FALSE']);
  // Outside the tab, unknown tabs, --notes: the full command, with its answers and errors.
  const outside = await get(true, "'O''Brien'!A1:A5000");
  expect(outside).toEqual(await get(false, "'O''Brien'!A1:A5000"));
  expect(outside.code).toBe(1);
  expect((await get(true, 'Nope!A1')).err[0]).toMatch(/^clerk: unknown tab "Nope" in book\.xlsx/);
  expect((await get(true, "'O''Brien'!A1", '--notes')).out).toEqual(['x']);
  expect(fastGetCount.n).toBe(n);
});

test('a workbook changed by another program is read again; NOW() is never served from the cache', async () => {
  // Another workbook put in its place (as a copy from elsewhere would be).
  const other = path.join(dir, 'other.xlsx');
  expect(await fullMain(['new', other], new BufferIo())).toBe(0);
  const saved = path.join(dir, 'saved.xlsx');
  copyFileSync(book, saved);
  copyFileSync(other, book);
  const n = fastGetCount.n;
  expect((await get(true, 'Sheet1!A1')).code).toBe(0);
  expect(fastGetCount.n).toBe(n);
  copyFileSync(saved, book);
  expect(await fullMain(['run', book, 'addNow', '--today', '2026-06-01'], new BufferIo())).toBe(0);
  expect(existsSync(path.join(dir, 'book.workspace', 'computed.json'))).toBe(false);
  expect((await get(true, "'Money & dates'!A1", '--today', '2026-06-01')).out).toEqual(['When']);
  expect(fastGetCount.n).toBe(n);
});
