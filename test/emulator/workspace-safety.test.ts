/**
 * The workspace keeps a committee's data safe: a save stopped at any step leaves the workbook,
 * state.json and the Drive all old or all new (no orphan files, no second papers folder on
 * rerun); one writer at a time; a read-only workbook is refused and left untouched.
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import {main} from '../../emulator/cli';
import {PERMISSIVE_SCOPES, Workspace} from '../../emulator/workspace';
import {saveSeam, SimulatedCrash} from '../../emulator/journal';
import {lockFileFor} from '../../emulator/book-lock';
import {BufferIo} from '../../emulator/services/io';

// Makes the papers folder once (as the program's "Generate papers" does): its id goes into the
// workbook, a Doc into the folder, a property and a mail into the workspace.
const PROBE = `
function makePapers() {
  var cell = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('B1');
  if (cell.getValue()) return 'already';
  var folder = DriveApp.createFolder('Papers');
  var doc = DocumentApp.create('Agenda');
  doc.getBody().appendParagraph('Item 1');
  doc.saveAndClose();
  DriveApp.getFileById(doc.getId()).moveTo(folder);
  cell.setValue(folder.getId());
  PropertiesService.getScriptProperties().setProperty('folder', folder.getId());
  MailApp.sendEmail('member@example.org', 'Papers', 'Here they are');
  return 'made';
}
`;

let dir: string;
let probe: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'clerk-safety-'));
  probe = path.join(dir, 'probe.gs');
  writeFileSync(probe, PROBE);
  process.env.CLERK_CODE = probe;
});
afterAll(() => {
  delete process.env.CLERK_CODE;
});
afterEach(() => {
  saveSeam.crashAt = null;
});

async function openBook(book: string, io = new BufferIo(), create = false) {
  return Workspace.open(book, {create, io, scopes: PERMISSIVE_SCOPES, today: '2026-03-10'});
}

/** A fresh workbook with an empty workspace, saved once. */
async function freshBook(name: string): Promise<string> {
  const book = path.join(dir, `${name}.xlsx`);
  const ws = await openBook(book, new BufferIo(), true);
  ws.spreadsheet.getSheets()[0].getRange('A1').setValue('Papers folder id');
  await ws.save();
  return book;
}

/** Everything on disk beside the book, as relative paths (workbook, workspace, drive files). */
function files(book: string): string[] {
  const base = path.dirname(book);
  const stem = path.basename(book, '.xlsx');
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const d of readdirSync(path.join(base, rel), {withFileTypes: true})) {
      const r = path.join(rel, d.name);
      if (d.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  for (const f of readdirSync(base))
    if (f.startsWith(stem)) {
      if (statSync(path.join(base, f)).isDirectory()) walk(f);
      else out.push(f);
    }
  return out.sort();
}

async function runProbe(book: string, io = new BufferIo()) {
  const ws = await openBook(book, io);
  const result = ws.loadScript([probe]).callFunction('makePapers');
  await ws.save();
  return result;
}

/** What the workbook, state.json and the Drive say about the papers folder. */
async function papersState(book: string, io = new BufferIo()) {
  const ws = await openBook(book, io);
  try {
    const inBook = String(ws.spreadsheet.getSheets()[0].getRange('B1').getValue());
    const folders = (ws.driveStore.list() as {id: string; path: string; type: string}[]).filter(
      f => f.type === 'folder',
    );
    return {inBook, folders, property: ws.state.properties};
  } finally {
    ws.discard();
  }
}

describe('a save stopped at any step leaves all old or all new', () => {
  test('every step of a save, crashed, recovers to one consistent state; a rerun makes no second folder', async () => {
    const template = await freshBook('template');
    const before = files(template);
    // Record the steps a save passes through.
    const traced = path.join(dir, 'traced.xlsx');
    cpSync(template, traced);
    cpSync(path.join(dir, 'template.workspace'), path.join(dir, 'traced.workspace'), {
      recursive: true,
    });
    saveSeam.steps.length = 0;
    expect(await runProbe(traced)).toBe('made');
    const steps = [...saveSeam.steps];
    expect(steps).toEqual(
      expect.arrayContaining(['begin', 'staged workbook', 'committed', 'cleaned']),
    );
    expect(steps.filter(s => s.startsWith('renamed ')).length).toBeGreaterThanOrEqual(4);

    for (const [i, at] of steps.entries()) {
      const book = path.join(dir, `crash${i}.xlsx`);
      cpSync(template, book);
      cpSync(path.join(dir, 'template.workspace'), path.join(dir, `crash${i}.workspace`), {
        recursive: true,
      });
      saveSeam.crashAt = at;
      await expect(runProbe(book)).rejects.toThrow(SimulatedCrash);
      saveSeam.crashAt = null;
      const io = new BufferIo();
      const state = await papersState(book, io);
      const committed = steps.indexOf(at) >= steps.indexOf('committed');
      if (committed) {
        // All new: the folder in the workbook is the one the Drive and the properties hold.
        expect(state.folders).toEqual([
          expect.objectContaining({id: state.inBook, path: 'Papers'}),
        ]);
        expect(state.property.script.folder).toBe(state.inBook);
        if (at !== 'cleaned') expect(io.stderr.join('\n')).toContain('finished saving');
      } else {
        // All old: no folder anywhere, nothing half-written left behind.
        expect({inBook: state.inBook, folders: state.folders}).toEqual({inBook: '', folders: []});
        expect(state.property.script.folder).toBeUndefined();
        expect(files(book).map(f => f.replace(new RegExp(`^crash${i}`), 'template'))).toEqual(
          before,
        );
      }
      // A rerun finds the folder or makes it: one folder, one Doc, no orphan file.
      await runProbe(book);
      expect((await papersState(book)).folders).toHaveLength(1);
      expect(files(book).filter(f => f.includes(`${path.sep}drive${path.sep}`))).toEqual([
        path.join(`crash${i}.workspace`, 'drive', 'Papers', 'Agenda.docx'),
      ]);
      expect(files(book).filter(f => /journal|\.saving|\.tmp|\.lock$/.test(f))).toEqual([]);
    }
  });
});

describe('one writer at a time', () => {
  test('a second open waits, saying for whom, and stops with a one-line error when the wait runs out', async () => {
    const book = await freshBook('locked');
    const first = await openBook(book);
    const io = new BufferIo();
    await expect(Workspace.open(book, {io, lockWaitMs: 0, command: 'clerk edit'})).rejects.toThrow(
      /already open in this process by clerk/,
    );
    first.discard();
    // Another process holds it (this host, a live pid: our parent).
    writeFileSync(
      lockFileFor(book),
      JSON.stringify({
        pid: process.ppid,
        host: hostname(),
        command: 'clerk run book.xlsx generateAgendaPack',
        since: '2026-03-10T09:00:00Z',
      }),
    );
    const r = new BufferIo();
    process.env.CLERK_LOCK_WAIT = '0.1';
    try {
      expect(await main(['edit', book, 'Sheet1!C1', 'x'], r)).toBe(1);
    } finally {
      delete process.env.CLERK_LOCK_WAIT;
    }
    expect(r.stderr.join('\n')).toMatch(
      /^clerk: locked\.xlsx is in use by clerk run book\.xlsx generateAgendaPack \(process \d+ on .+, since 2026-03-10T09:00:00Z\); waited \d+ s\. Try again when it has finished/m,
    );
    rmSync(lockFileFor(book));
  });

  test('a lock left by a process that has ended is stale and taken over', async () => {
    const book = await freshBook('stale');
    writeFileSync(
      lockFileFor(book),
      JSON.stringify({
        pid: 2 ** 22 + 17,
        host: hostname(),
        command: 'clerk edit',
        since: '2026-03-10T09:00:00Z',
      }),
    );
    const io = new BufferIo();
    expect(await main(['edit', book, 'Sheet1!C1', 'after a crash'], io)).toBe(0);
    expect(existsSync(lockFileFor(book))).toBe(false);
    const got = new BufferIo();
    await main(['get', book, 'Sheet1!C1'], got);
    expect(got.stdout).toEqual(['after a crash']);
  });
});

describe('read-only stays read-only', () => {
  test('a workbook without write permission is refused, named, and left byte for byte as it was', async () => {
    const book = await freshBook('readonly');
    chmodSync(book, 0o444);
    const bytes = readFileSync(book);
    const io = new BufferIo();
    expect(await main(['edit', book, 'Sheet1!C1', 'changed'], io)).toBe(1);
    expect(io.stderr).toEqual([
      `clerk: ${book} is read-only, so clerk has not changed it. Make it writable (chmod u+w, or untick "Read-only" in its properties) or work on a copy.`,
    ]);
    expect(readFileSync(book).equals(bytes)).toBe(true);
    expect(statSync(book).mode & 0o777).toBe(0o444);
    // Reading it is fine.
    const got = new BufferIo();
    expect(await main(['get', book, 'Sheet1!A1'], got)).toBe(0);
    expect(got.stdout).toEqual(['Papers folder id']);
    chmodSync(book, 0o644);
  });

  test('a save keeps the workbook permissions', async () => {
    const book = await freshBook('mode');
    chmodSync(book, 0o640);
    expect(await main(['edit', book, 'Sheet1!C1', 'x'], new BufferIo())).toBe(0);
    expect(statSync(book).mode & 0o777).toBe(0o640);
  });
});

test('a run whose formula engine failed half way saves nothing, saying why (the script caught the error)', async () => {
  const book = await freshBook('engine-fault');
  const before = files(book).map(f => [f, readFileSync(path.join(dir, f))] as const);
  const script = path.join(dir, 'fault.gs');
  // An array formula reading the cells of one that refers to itself: HyperFormula threw
  // "Unknown array" half way through the write (Sheets shows #REF!).
  writeFileSync(
    script,
    `function fault() {
      var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      s.getRange('A5').setFormula('=ARRAYFORMULA(A5:A7*2)');
      try { s.getRange('C9').setFormula('=ARRAYFORMULA(A5:A7*2)'); } catch (e) { Logger.log(e.message); }
      s.getRange('A2').setValue('after');
    }`,
  );
  const io = new BufferIo();
  expect(await main(['exec', book, script, '--call', 'fault'], io)).toBe(1);
  expect(io.stderr.at(-1)).toBe(
    "clerk: exec: Saving engine-fault.xlsx refused: the emulator's formula engine (HyperFormula) failed earlier in this run (setCellContents: Unknown array) and may have lost or moved cells, so its values cannot be trusted. The workbook file was not changed by it. This is a fault of the emulator, not of the script or the workbook.",
  );
  expect(files(book).map(f => [f, readFileSync(path.join(dir, f))] as const)).toEqual(before);
});

test('a new workbook in a folder that does not exist yet: the folder is made, the lock let go', async () => {
  const book = path.join(dir, 'new', 'folder', 'book.xlsx');
  expect(await main(['new', book], new BufferIo())).toBe(0);
  expect(existsSync(book)).toBe(true);
  expect(existsSync(lockFileFor(book))).toBe(false);
});

test('a damaged state.json is refused, naming the file and what to do; nothing changes', async () => {
  const book = await freshBook('damaged');
  const state = path.join(dir, 'damaged.workspace', 'state.json');
  writeFileSync(state, '{"version": 1,');
  const before = readFileSync(book);
  const io = new BufferIo();
  expect(await main(['edit', book, 'Sheet1!C1', 'x'], io)).toBe(1);
  expect(io.stderr).toEqual([
    expect.stringMatching(
      /^clerk: the workspace state .*damaged\.workspace\/state\.json is not valid JSON \(.*\): restore it from a copy, or move the workspace folder away/,
    ),
  ]);
  expect(readFileSync(book).equals(before)).toBe(true);
  expect(readFileSync(state, 'utf8')).toBe('{"version": 1,');
});

test('a workbook another program saved while a command ran is not saved over', async () => {
  const book = await freshBook('excel');
  const ws = await openBook(book);
  ws.spreadsheet.getSheets()[0].getRange('C1').setValue('ours');
  // Excel saves its own change meanwhile (it knows nothing of our lock).
  const theirs = readFileSync(book);
  const later = new Date(Date.now() + 5000);
  utimesSync(book, later, later);
  await expect(ws.save()).rejects.toThrow(
    'excel.xlsx was changed by another program while this command ran, so nothing was saved. Close it there, then run the command again.',
  );
  expect(readFileSync(book).equals(theirs)).toBe(true);
  expect(existsSync(lockFileFor(book))).toBe(false);
});

test('a workbook replaced meanwhile by a file of the same size and time is not saved over either', async () => {
  const book = await freshBook('replaced');
  const second = Math.floor(Date.now() / 1000) - 60;
  utimesSync(book, second, second);
  const ws = await openBook(book);
  ws.spreadsheet.getSheets()[0].getRange('C1').setValue('ours');
  // Another program writes its file beside it and renames it into place, within one tick of
  // the file system's clock: only the inode says it is another file.
  const theirs = `${book}.theirs`;
  cpSync(book, theirs);
  utimesSync(theirs, second, second);
  renameSync(theirs, book);
  expect(statSync(book).mtimeMs).toBe(second * 1000);
  await expect(ws.save()).rejects.toThrow(/replaced\.xlsx was changed by another program/);
});
