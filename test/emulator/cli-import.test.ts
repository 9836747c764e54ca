/**
 * clerk import reads CSVs as other programs write them (UTF-8 with or without a mark, UTF-16,
 * Windows-1252), says which encoding it used when not UTF-8, refuses what it cannot decode,
 * and grows the sheet for a long paste as Sheets does.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {main} from '../../emulator/cli';
import {BufferIo} from '../../emulator/services/io';
import {decodeText} from '../../emulator/text-file';

const PROBE = `
function setUp() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Attendance');
  sh.getRange('A1:C1').setValues([['Meeting date', 'Member', 'Attendance']]);
  return sh.getMaxRows();
}
function onEdit(e) {
  PropertiesService.getScriptProperties().setProperty('rows', String(e.range.getNumRows()));
}
`;

let dir: string;
let book: string;

async function clerk(...argv: string[]) {
  const io = new BufferIo();
  const code = await main(argv, io);
  return {code, out: io.stdout, err: io.stderr};
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'clerk-import-'));
  const probe = path.join(dir, 'probe.gs');
  writeFileSync(probe, PROBE);
  process.env.CLERK_CODE = probe;
  book = path.join(dir, 'book.xlsx');
  expect((await clerk('new', book)).code).toBe(0);
  expect((await clerk('run', book, 'setUp')).out).toEqual(['1000']);
});
afterAll(() => {
  delete process.env.CLERK_CODE;
});

const NAMES = 'Meeting date,Member,Attendance\r\n12/01/2027,Zoë Brontë,Present\r\n';

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

describe('CSV encodings', () => {
  test.each([
    ['UTF-8', Buffer.from(NAMES, 'utf8'), null],
    [
      'UTF-8 with a byte-order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NAMES)]),
      null,
    ],
    [
      'UTF-16 LE with a mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NAMES, 'utf16le')]),
      'UTF-16LE',
    ],
    [
      'UTF-16 BE with a mark',
      Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(NAMES)]),
      'UTF-16BE',
    ],
    ['Windows-1252 (Excel on Windows, "CSV")', Buffer.from(NAMES, 'latin1'), 'Windows-1252'],
  ])('%s: Zoë Brontë arrives as typed', async (label, bytes, said) => {
    const file = path.join(dir, `${label.replace(/\W+/g, '-')}.csv`);
    writeFileSync(file, bytes);
    const before = (await clerk('get', book, 'Attendance!B2:B9')).out.filter(Boolean).length;
    const r = await clerk('import', book, 'Attendance', file);
    expect(r.code).toBe(0);
    expect(r.err).toEqual(said ? [`note: ${file} read as ${said} text (not UTF-8)`] : []);
    const row = before + 2;
    expect(r.out).toEqual([`pasted 1 row(s) into Attendance!A${row}:C${row}`]);
    expect((await clerk('get', book, `Attendance!B${row}`)).out).toEqual(['Zoë Brontë']);
  });

  test('bytes that are no known text encoding are refused, naming the file, and change nothing', async () => {
    const file = path.join(dir, 'binary.csv');
    writeFileSync(file, Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x5a, 0x8d, 0x81, 0x0a]));
    const before = readFileSync(book);
    const r = await clerk('import', book, 'Attendance', file);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `clerk: ${file}: it is neither UTF-8, UTF-16 nor Windows-1252 text. Save it again as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8) and import that.`,
    ]);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  test('decodeText: UTF-16 without a mark, and zero bytes in something else', () => {
    expect(decodeText(Buffer.from('Name,Email\n', 'utf16le'), 'x.csv')).toEqual({
      text: 'Name,Email\n',
      encoding: 'UTF-16LE',
    });
    expect(() => decodeText(Buffer.from([0x41, 0, 0, 0x42, 0x43]), 'x.csv')).toThrow(
      'x.csv: it holds zero bytes',
    );
  });
});

test('a 5,000-row paste grows the sheet past its 1,000 rows, as Sheets does', async () => {
  const lines = ['Meeting date,Member,Attendance'];
  for (let i = 0; i < 5000; i++) lines.push(`12/01/2027,Member ${i + 1},Present`);
  const file = path.join(dir, 'long.csv');
  writeFileSync(file, lines.join('\r\n'));
  const start =
    Number((await clerk('get', book, 'Attendance!B1:B20')).out.filter(Boolean).length) + 1;
  const r = await clerk('import', book, 'Attendance', file);
  expect(r.err).toEqual([]);
  expect(r.out).toEqual([`pasted 5000 row(s) into Attendance!A${start}:C${start + 4999}`]);
  const last = start + 4999;
  expect((await clerk('get', book, `Attendance!A${last - 1}:C${last}`, '--json')).out).toEqual([
    JSON.stringify([
      ['2027-01-12', 'Member 4999', 'Present'],
      ['2027-01-12', 'Member 5000', 'Present'],
    ]),
  ]);
  writeFileSync(
    path.join(dir, 'rows.gs'),
    'function rows() { return PropertiesService.getScriptProperties().getProperty("rows") + " " + SpreadsheetApp.getActive().getSheetByName("Attendance").getMaxRows(); }',
  );
  const seen = await clerk('exec', book, path.join(dir, 'rows.gs'), '--call', 'rows');
  expect(seen.out).toEqual([`5000 ${last}`]);
});
