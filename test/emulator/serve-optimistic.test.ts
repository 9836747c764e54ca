/**
 * `clerk serve`'s sidebar writes are optimistic: the call runs once, on the workbook already
 * open without its lock; if it changed anything, the lock is taken and, the files being as that
 * copy read them, that same copy is saved and kept for the next request. If another command
 * saved in between, the copy is thrown away and the call runs again on the workbook opened
 * afresh under the lock, so both changes are kept.
 */
import {existsSync, mkdtempSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {BufferIo, lockFileFor, ScriptRuntime, Workspace, workspaceDirFor} from '../../emulator';
import {onlyReads, serve, type Server} from '../../emulator/serve';

const CODE = `
function readCells() {
  var s = SpreadsheetApp.getActive().getSheets()[0];
  return [s.getRange('A1').getValue(), s.getRange('B1').getValue()];
}
function writeCell(v) {
  SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue(v);
  MailApp.sendEmail('someone@example.org', 'Changed', 'A1 is now ' + v);
  DocumentApp.create('note-' + v).getBody().appendParagraph('A1 is now ' + v);
  return 'written ' + v;
}
`;

let dir: string;
let book: string;
let server: Server;
const saved = {code: process.env.CLERK_CODE};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'serve-opt-'));
  book = path.join(dir, 'book.xlsx');
  const code = path.join(dir, 'Code.gs');
  writeFileSync(code, CODE);
  process.env.CLERK_CODE = code;
  const ws = await Workspace.open(book, {create: true, io: new BufferIo()});
  ws.spreadsheet.getSheets()[0].getRange('A1').setValue('first');
  await ws.save();
  server = await serve(book, {port: 0, log: () => {}});
});
afterAll(async () => {
  await server?.close();
  if (saved.code === undefined) delete process.env.CLERK_CODE;
  else process.env.CLERK_CODE = saved.code;
});
afterEach(() => jest.restoreAllMocks());

async function run(name: string, args: unknown[] = []): Promise<unknown> {
  const r = await fetch(`${server.url}/run/${name}`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'X-Clerk-Run': '1'},
    body: JSON.stringify(args),
  });
  expect(r.status).toBe(200);
  return r.json();
}

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

const outbox = () => {
  const d = path.join(workspaceDirFor(book), 'outbox');
  return existsSync(d) ? readdirSync(d).filter(f => f.endsWith('.eml')) : [];
};

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
  expect(await run('readCells')).toEqual({ok: true, value: ['first', '']});
  expect(n.runs()).toBe(1);
  expect(n.locks()).toBe(0);
  expect(n.opens()).toBe(1); // the server's first open, without its lock
  expect(existsSync(lockFileFor(book))).toBe(false);
  expect(outbox()).toEqual([]);
});

test('a write runs once on the open copy, is saved from it, and that copy serves the next requests', async () => {
  const n = counting('writeCell');
  expect(await run('writeCell', ['second'])).toEqual({ok: true, value: 'written second'});
  expect(n.runs()).toBe(1);
  expect(n.opens()).toBe(0);
  expect(outbox()).toHaveLength(1);
  expect(await onDisk()).toEqual({cells: ['second', ''], notes: ['note-second']});
  await lockIsFree();
  // The kept copy knows it is what is on disk: the next read and write reopen nothing.
  const before = n.opens();
  expect(await run('readCells')).toEqual({ok: true, value: ['second', '']});
  expect(await run('writeCell', ['third'])).toEqual({ok: true, value: 'written third'});
  expect(n.opens()).toBe(before);
  expect(n.runs()).toBe(2);
  expect(outbox()).toHaveLength(2);
  expect(await onDisk()).toEqual({
    cells: ['third', ''],
    notes: ['note-second', 'note-third'],
  });
});

/** Another clerk command changes B1 and saves, under the lock. */
async function anotherCommandSets(v: string): Promise<void> {
  const other = await Workspace.open(book, {io: new BufferIo(), lockWaitMs: 0});
  other.spreadsheet.getSheets()[0].getRange('B1').setValue(v);
  await other.save();
}

test('another command saved between two requests: the write runs once on the workbook as saved, and both changes are kept', async () => {
  expect(await run('readCells')).toEqual({ok: true, value: ['third', '']});
  await anotherCommandSets('theirs');
  const n = counting('writeCell');
  expect(await run('writeCell', ['fourth'])).toEqual({ok: true, value: 'written fourth'});
  expect(n.opens()).toBe(1); // the copy was stale: opened again, without the lock
  expect(n.runs()).toBe(1);
  expect(outbox()).toHaveLength(3);
  expect((await onDisk()).cells).toEqual(['fourth', 'theirs']);
  await lockIsFree();
});

const lockForSave = Workspace.prototype.lockForSave;

test('another command saved while the write ran: it runs again on the workbook opened afresh under the lock, and both changes are kept', async () => {
  expect(await run('readCells')).toEqual({ok: true, value: ['fourth', 'theirs']});
  const n = counting('writeCell');
  // It saves just before this request gets the lock.
  jest.spyOn(Workspace.prototype, 'lockForSave').mockImplementationOnce(async function (
    this: Workspace,
  ) {
    await anotherCommandSets('theirs again');
    return lockForSave.call(this);
  });
  expect(await run('writeCell', ['fifth'])).toEqual({ok: true, value: 'written fifth'});
  expect(n.locks()).toBe(1);
  expect(n.runs()).toBe(2); // the copy's run, thrown away, and the run under the lock
  expect(n.opens()).toBe(2); // the other command's, and this request's with the lock
  expect(outbox()).toHaveLength(4);
  expect(await onDisk()).toEqual({
    cells: ['fifth', 'theirs again'],
    notes: ['note-fifth', 'note-fourth', 'note-second', 'note-third'],
  });
  await lockIsFree();
  expect(await run('readCells')).toEqual({ok: true, value: ['fifth', 'theirs again']});
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

test('onlyReads: an advanced service (Drive.Files) reads with list, get and export; create and update change', () => {
  expect(
    onlyReads({}, {'Drive.Files.list': 2, 'Drive.Files.get': 1, 'Drive.Files.export': 1}),
  ).toBe(true);
  expect(onlyReads({}, {'Drive.Files.list': 1, 'Drive.Files.create': 1})).toBe(false);
  expect(onlyReads({}, {'Drive.Files.update': 1})).toBe(false);
});
