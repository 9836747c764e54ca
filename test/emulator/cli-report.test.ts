/**
 * The command line says what happened: clerk edit and import print each value the script's
 * onEdit refused (put back, with a note) or flagged (kept, with a note), and exit 0; clerk get
 * --notes shows notes and colours.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {main} from '../../emulator/cli';
import {BufferIo} from '../../emulator/services/io';

// A tiny register with the two kinds of answer a validating onEdit gives.
const PROBE = `
function setUp() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].setName('People');
  sh.getRange('A1:B1').setValues([['Name', 'Role']]);
  sh.getRange('A2:B2').setValues([['Zoe Old', 'Chair']]);
}
function onEdit(e) {
  var sh = e.range.getSheet();
  for (var r = 0; r < e.range.getNumRows(); r++) {
    for (var c = 0; c < e.range.getNumColumns(); c++) {
      var cell = e.range.getCell(r + 1, c + 1);
      var v = String(cell.getValue());
      if (cell.getColumn() === 2 && v && ['Chair', 'Member'].indexOf(v) < 0) {
        cell.setValue(e.oldValue === undefined ? '' : e.oldValue);
        cell.setNote('Refused: "' + v + '" is not a Role.\\nUse Chair or Member.');
      } else if (cell.getColumn() === 1 && /\\d/.test(v)) {
        cell.setBackground('#f4cccc').setNote('Problem: a name with a digit in it.');
      }
    }
  }
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
  dir = mkdtempSync(path.join(tmpdir(), 'clerk-report-'));
  const probe = path.join(dir, 'probe.gs');
  writeFileSync(probe, PROBE);
  process.env.CLERK_CODE = probe;
  book = path.join(dir, 'book.xlsx');
  expect((await clerk('new', book)).code).toBe(0);
  expect((await clerk('run', book, 'setUp')).code).toBe(0);
});
afterAll(() => {
  delete process.env.CLERK_CODE;
});

test('edit: a refused value is printed with its note, and exit status 0', async () => {
  const r = await clerk('edit', book, 'People!B2', 'Emperor');
  expect(r).toEqual({
    code: 0,
    out: [
      'refused: People!B2 "Emperor" (kept "Chair"): Refused: "Emperor" is not a Role. Use Chair or Member.',
    ],
    err: [],
  });
  expect((await clerk('get', book, 'People!B2')).out).toEqual(['Chair']);
});

test('edit: a flagged value is printed with its note; an accepted one prints nothing', async () => {
  expect((await clerk('edit', book, 'People!A3', 'R2 D2')).out).toEqual([
    'flagged: People!A3 "R2 D2": Problem: a name with a digit in it.',
  ]);
  expect((await clerk('edit', book, 'People!B3', 'Member')).out).toEqual([]);
});

test('import: each refused or flagged value of the paste, then get --notes shows notes and colours', async () => {
  const csv = path.join(dir, 'people.csv');
  writeFileSync(csv, 'Name,Role\nAmy Able,Member\nB4 Bee,Member\nCy Sea,Boss\n');
  const r = await clerk('import', book, 'People', csv);
  expect(r.code).toBe(0);
  expect(r.out).toEqual([
    'pasted 3 row(s) into People!A4:B6',
    'flagged: People!A5 "B4 Bee": Problem: a name with a digit in it.',
    'refused: People!B6 "Boss": Refused: "Boss" is not a Role. Use Chair or Member.',
  ]);
  const notes = await clerk('get', book, 'People!A2:B6', '--notes');
  expect(notes.out).toEqual([
    'Zoe Old\tChair',
    'R2 D2\tMember',
    'Amy Able\tMember',
    'B4 Bee\tMember',
    'Cy Sea\t',
    'B2\tnote: Refused: "Emperor" is not a Role. / Use Chair or Member.',
    'A3\tbackground #f4cccc\tnote: Problem: a name with a digit in it.',
    'A5\tbackground #f4cccc\tnote: Problem: a name with a digit in it.',
    'B6\tnote: Refused: "Boss" is not a Role. / Use Chair or Member.',
  ]);
  const json = await clerk('get', book, 'People!A5:B6', '--notes', '--json');
  expect(JSON.parse(json.out[1])).toEqual([
    {cell: 'A5', background: '#f4cccc', note: 'Problem: a name with a digit in it.'},
    {cell: 'B6', note: 'Refused: "Boss" is not a Role.\nUse Chair or Member.'},
  ]);
});
