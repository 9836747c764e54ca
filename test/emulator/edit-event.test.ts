/**
 * The onEdit event's range carries rowStart, columnStart, rowEnd and columnEnd (1-based) as
 * plain properties, as Apps Script gives them, and reading them is no service call
 * (tanaikech.github.io "Benchmark: Event Objects for Google Apps Script"; src/workbook/onedit.ts
 * rectOfEvent reads them). Typed cells, pasted blocks and the installable trigger all get them.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {BufferIo, Workspace} from '../../emulator';
import {fireEdit, userEdit} from '../../emulator/cli';

const CODE = `
var seen = [];
function record(kind, e) {
  var r = e.range;
  seen.push({kind: kind, rect: [r.rowStart, r.columnStart, r.rowEnd, r.columnEnd],
    a1: r.getA1Notation(), sheet: r.getSheet().getName(), has: 'rowStart' in r});
}
function onEdit(e) { record('simple', e); }
function whenEdited(e) { record('installable', e); }
function install() {
  ScriptApp.newTrigger('whenEdited').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}
function seenSoFar() { return JSON.stringify(seen); }
`;

let ws: Workspace;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'edit-event-'));
  const code = path.join(dir, 'Code.gs');
  writeFileSync(code, CODE);
  ws = await Workspace.open(path.join(dir, 'book.xlsx'), {create: true, io: new BufferIo()});
  ws.loadScript([code]);
});
afterAll(() => ws.discard());

const seen = () => JSON.parse(String(ws.script.callFunction('seenSoFar'))) as unknown[];

test('a typed cell: rowStart = rowEnd, columnStart = columnEnd, free of service calls', () => {
  const e = userEdit(ws, 'Sheet1!C4', [['hello']]);
  ws.ctx.stats.reset();
  fireEdit(ws, e);
  expect(seen().pop()).toEqual({
    kind: 'simple',
    rect: [4, 3, 4, 3],
    a1: 'C4',
    sheet: 'Sheet1',
    has: true,
  });
  // Only the probe's own getA1Notation and getSheet / getName are counted.
  const calls = ws.ctx.stats.toJSON().calls as Record<string, number>;
  expect(Object.keys(calls).sort()).toEqual([
    'Range.getA1Notation',
    'Range.getSheet',
    'Sheet.getName',
  ]);
});

test('a pasted block, and the installable trigger as well', () => {
  ws.script.callFunction('install');
  const e = userEdit(
    ws,
    'Sheet1!B2:D6',
    Array.from({length: 5}, () => ['a', 'b', 'c']),
  );
  fireEdit(ws, {range: e.range});
  expect(seen().slice(-2)).toEqual([
    {kind: 'simple', rect: [2, 2, 6, 4], a1: 'B2:D6', sheet: 'Sheet1', has: true},
    {kind: 'installable', rect: [2, 2, 6, 4], a1: 'B2:D6', sheet: 'Sheet1', has: true},
  ]);
});
