/**
 * `clerk serve`'s bridge (google.script.run: POST /run/NAME) may call any global function. It
 * knows no names: a call that only read is answered from the workbook already open and nothing
 * is saved; a call that changed anything is saved under the workbook's lock, once (its mail is
 * in the outbox once).
 */
import {mkdtempSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {BufferIo, Workspace, workspaceDirFor} from '../../emulator';
import {onlyReads, serve, type Server} from '../../emulator/serve';

const CODE = `
function readCell() { return SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValue(); }
function writeCell(v) {
  SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue(v);
  MailApp.sendEmail('someone@example.org', 'Changed', 'A1 is now ' + v);
  return 'written';
}
function showPanel() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<html><head></head><body>Panel</body></html>'));
}
`;

let dir: string;
let book: string;
let server: Server;
const saved = {code: process.env.CLERK_CODE, config: process.env.CLERK_CONFIG};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'serve-run-'));
  book = path.join(dir, 'book.xlsx');
  const code = path.join(dir, 'Code.gs');
  writeFileSync(code, CODE);
  process.env.CLERK_CODE = code;
  // The project, not the emulator, says which function shows /sidebar.
  const config = path.join(dir, 'clerk.config.json');
  writeFileSync(config, JSON.stringify({serve: {sidebar: 'showPanel'}}));
  process.env.CLERK_CONFIG = config;
  const ws = await Workspace.open(book, {create: true, io: new BufferIo()});
  ws.spreadsheet.getSheets()[0].getRange('A1').setValue('first');
  await ws.save();
  server = await serve(book, {port: 0, log: () => {}});
});
afterAll(async () => {
  await server?.close();
  for (const [k, v] of [
    ['CLERK_CODE', saved.code],
    ['CLERK_CONFIG', saved.config],
  ] as const)
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
});

async function run(name: string, args: unknown[] = []): Promise<unknown> {
  const r = await fetch(`${server.url.replace(/\/$/, '')}/run/${name}`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'X-Clerk-Run': '1'},
    body: JSON.stringify(args),
  });
  expect(r.status).toBe(200);
  return r.json();
}

const outbox = () => {
  const d = path.join(workspaceDirFor(book), 'outbox');
  try {
    return readdirSync(d).filter(f => f.endsWith('.eml'));
  } catch {
    return [];
  }
};

test('a function that only reads: answered, the workbook is not saved', async () => {
  const before = statSync(book).mtimeMs;
  expect(await run('readCell')).toEqual({ok: true, value: 'first'});
  expect(statSync(book).mtimeMs).toBe(before);
});

test('a function that writes: saved once, its mail sent once, and the next read sees it', async () => {
  const before = statSync(book).mtimeMs;
  expect(await run('writeCell', ['second'])).toEqual({ok: true, value: 'written'});
  expect(statSync(book).mtimeMs).not.toBe(before);
  expect(outbox()).toHaveLength(1);
  expect(await run('readCell')).toEqual({ok: true, value: 'second'});
});

test('onlyReads: getters and formatting read; setters, appends and sends change', () => {
  const before = {'Range.getValue': 1};
  expect(onlyReads(before, {'Range.getValue': 3, 'Utilities.formatDate': 1})).toBe(true);
  expect(onlyReads(before, {'Range.getValue': 1, 'Range.setValue': 1})).toBe(false);
  expect(onlyReads({}, {'Sheet.appendRow': 1})).toBe(false);
  expect(onlyReads({}, {'MailApp.sendEmail': 1})).toBe(false);
});

test('/sidebar shows what the function clerk.config.json names shows, with the bridge; /choose, named by none, is not found', async () => {
  const side = await fetch(`${server.url.replace(/\/$/, '')}/sidebar`);
  expect(side.status).toBe(200);
  const html = await side.text();
  expect(html).toContain('Panel');
  expect(html).toContain("fetch('/run/'");
  const choose = await fetch(`${server.url.replace(/\/$/, '')}/choose?select=Sheet1!A1`);
  expect(choose.status).toBe(404);
  expect(await choose.text()).toContain('"serve": {"choose": "FUNCTION"}');
});
