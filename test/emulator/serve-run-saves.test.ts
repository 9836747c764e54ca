/**
 * `clerk serve`'s bridge (google.script.run: POST /run/NAME) may call any global function. It
 * knows no names: a call that only read is answered from the workbook already open and nothing
 * is saved; a call that changed anything is saved under the workbook's lock, once (its mail is
 * in the outbox once).
 *
 * Writes are optimistic: the call runs once, on the copy already open without the lock; if it
 * changed anything, the lock is taken and, the files being as that copy read them, that same
 * copy is saved and kept for the next request. If another command saved in between, the copy
 * is thrown away and the call runs again on the workbook opened afresh under the lock, so both
 * changes are kept.
 */
import {existsSync, mkdtempSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {BufferIo, lockFileFor, ScriptRuntime, Workspace, workspaceDirFor} from '../../emulator';
import {onlyReads, serve, type Server} from '../../emulator/serve';
import {patchedSaves} from '../../emulator/sheets/xlsx-patch';

const CODE = `
function readCell() { return SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValue(); }
function readCells() {
  var s = SpreadsheetApp.getActive().getSheets()[0];
  return [s.getRange('A1').getValue(), s.getRange('B1').getValue()];
}
function writeCell(v) {
  SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue(v);
  MailApp.sendEmail('someone@example.org', 'Changed', 'A1 is now ' + v);
  DocumentApp.create('note-' + v).getBody().appendParagraph('A1 is now ' + v);
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
afterEach(() => jest.restoreAllMocks());

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
  // An advanced service lists, gets and exports to read.
  expect(
    onlyReads({}, {'Drive.Files.list': 2, 'Drive.Files.get': 1, 'Drive.Files.export': 1}),
  ).toBe(true);
  expect(onlyReads({}, {'Drive.Files.list': 1, 'Drive.Files.create': 1})).toBe(false);
  expect(onlyReads({}, {'Drive.Files.update': 1})).toBe(false);
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

/** Spies that count the calls of `name` and the workbook's opens. */
function counting(name: string) {
  const call = jest.spyOn(ScriptRuntime.prototype, 'callFunction');
  const open = jest.spyOn(Workspace, 'open');
  const lock = jest.spyOn(Workspace.prototype, 'lockForSave');
  return {
    runs: () => call.mock.calls.filter(c => c[0] === name).length,
    opens: () => open.mock.calls.length,
    locks: () => lock.mock.calls.length,
  };
}

/** The workbook and Drive as a following `clerk get` sees them. */
async function onDisk(): Promise<{cells: unknown[]; notes: string[]}> {
  const ws = await Workspace.open(book, {io: new BufferIo(), write: false, lock: false});
  try {
    const s = ws.spreadsheet.getSheets()[0];
    const notes = (ws.driveStore.all() as {name: string; trashed: boolean}[])
      .filter(e => !e.trashed && e.name.startsWith('note-'))
      .map(e => e.name)
      .sort();
    return {cells: [s.getRange('A1').getValue(), s.getRange('B1').getValue()], notes};
  } finally {
    ws.discard();
  }
}

/** Opening with the lock does not wait: nobody holds it. */
async function lockIsFree(): Promise<void> {
  const ws = await Workspace.open(book, {io: new BufferIo(), lockWaitMs: 0});
  ws.discard();
  expect(existsSync(lockFileFor(book))).toBe(false);
}

test('a read holds no lock and saves nothing', async () => {
  const n = counting('readCells');
  expect(await run('readCells')).toEqual({ok: true, value: ['second', '']});
  expect(n.runs()).toBe(1);
  expect(n.locks()).toBe(0);
  expect(n.opens()).toBe(0); // the copy the earlier requests left open, without its lock
  expect(existsSync(lockFileFor(book))).toBe(false);
  expect(outbox()).toHaveLength(1); // the earlier write's
});

test('a write runs once on the open copy, is saved from it, and that copy serves the next requests', async () => {
  const n = counting('writeCell');
  expect(await run('writeCell', ['third'])).toEqual({ok: true, value: 'written'});
  expect(n.runs()).toBe(1);
  expect(n.opens()).toBe(0);
  expect(outbox()).toHaveLength(2);
  expect(await onDisk()).toEqual({cells: ['third', ''], notes: ['note-second', 'note-third']});
  await lockIsFree();
  // The kept copy knows it is what is on disk: the next read and write reopen nothing.
  const before = n.opens();
  expect(await run('readCells')).toEqual({ok: true, value: ['third', '']});
  expect(await run('writeCell', ['fourth'])).toEqual({ok: true, value: 'written'});
  expect(n.opens()).toBe(before);
  expect(n.runs()).toBe(2);
  expect(outbox()).toHaveLength(3);
  expect(await onDisk()).toEqual({
    cells: ['fourth', ''],
    notes: ['note-fourth', 'note-second', 'note-third'],
  });
});

/** Another clerk command changes B1 and saves, under the lock. */
async function anotherCommandSets(v: string): Promise<void> {
  const other = await Workspace.open(book, {io: new BufferIo(), lockWaitMs: 0});
  other.spreadsheet.getSheets()[0].getRange('B1').setValue(v);
  await other.save();
}

test('another command saved between two requests: the write runs once on the workbook as saved, and both changes are kept', async () => {
  expect(await run('readCells')).toEqual({ok: true, value: ['fourth', '']});
  await anotherCommandSets('theirs');
  const n = counting('writeCell');
  expect(await run('writeCell', ['fifth'])).toEqual({ok: true, value: 'written'});
  expect(n.opens()).toBe(1); // the copy was stale: opened again, without the lock
  expect(n.runs()).toBe(1);
  expect(outbox()).toHaveLength(4);
  expect((await onDisk()).cells).toEqual(['fifth', 'theirs']);
  await lockIsFree();
});

const lockForSave = Workspace.prototype.lockForSave;

test('another command saved while the write ran: it runs again on the workbook opened afresh under the lock, and both changes are kept', async () => {
  expect(await run('readCells')).toEqual({ok: true, value: ['fifth', 'theirs']});
  const n = counting('writeCell');
  // It saves just before this request gets the lock.
  jest.spyOn(Workspace.prototype, 'lockForSave').mockImplementationOnce(async function (
    this: Workspace,
  ) {
    await anotherCommandSets('theirs again');
    return lockForSave.call(this);
  });
  expect(await run('writeCell', ['sixth'])).toEqual({ok: true, value: 'written'});
  expect(n.locks()).toBe(1);
  expect(n.runs()).toBe(2); // the copy's run, thrown away, and the run under the lock
  expect(n.opens()).toBe(2); // the other command's, and this request's with the lock
  expect(outbox()).toHaveLength(5);
  expect(await onDisk()).toEqual({
    cells: ['sixth', 'theirs again'],
    notes: ['note-fifth', 'note-fourth', 'note-second', 'note-sixth', 'note-third'],
  });
  await lockIsFree();
  // The copy saved under the lock serves the next request: nothing is opened again.
  const before = n.opens();
  expect(await run('readCells')).toEqual({ok: true, value: ['sixth', 'theirs again']});
  expect(n.opens()).toBe(before);
});

test('two successive writes after another command saved: the workbook is opened once, and each save only patches the cells', async () => {
  await anotherCommandSets('theirs once more');
  const n = counting('writeCell');
  const patched = patchedSaves.n;
  expect(await run('writeCell', ['seventh'])).toEqual({ok: true, value: 'written'});
  expect(await run('writeCell', ['eighth'])).toEqual({ok: true, value: 'written'});
  expect(n.opens()).toBe(1);
  expect(n.runs()).toBe(2);
  expect(n.locks()).toBe(2);
  // A cell's value changed: its file with that cell replaced, not the whole book written again.
  expect(patchedSaves.n - patched).toBe(2);
  expect(outbox()).toHaveLength(7);
  expect((await onDisk()).cells).toEqual(['eighth', 'theirs once more']);
  await lockIsFree();
});

test('a save left half-done is not saved over: lockForSave says no and lets go of the lock', async () => {
  const ws = await Workspace.open(book, {io: new BufferIo(), lock: false});
  try {
    const journal = path.join(workspaceDirFor(book), 'journal.json');
    writeFileSync(journal, JSON.stringify({version: 1, renames: [], deletes: []}));
    expect(await ws.lockForSave()).toBe(false);
    await lockIsFree(); // its recovery finishes that save
    expect(existsSync(journal)).toBe(false);
    expect(await ws.lockForSave()).toBe(true);
    expect(existsSync(lockFileFor(book))).toBe(true);
  } finally {
    ws.discard();
  }
  expect(existsSync(lockFileFor(book))).toBe(false);
});
