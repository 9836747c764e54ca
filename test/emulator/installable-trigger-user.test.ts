/**
 * Who an installable trigger runs as. It runs under the authority of the user who installed it:
 * Session.getEffectiveUser "If the script is running under an installable trigger, this returns
 * the account of the user who created the trigger" (developers.google.com/apps-script/reference/base/session#getEffectiveUser).
 * The active user, and the edit event's `user` ("A User object, representing the active user,
 * if available", developers.google.com/apps-script/guides/triggers/events), is the person who
 * edited, named when Google allows it: the same Google Workspace domain as the installer
 * (reference/base/session#getActiveUser); someone from elsewhere is an empty string.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {BufferIo, main, Workspace} from '../../emulator';

const CODE = `
function install() {
  ScriptApp.newTrigger('whenEdited').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
}
function whenEdited(e) {
  if (e.range.getSheet().getName() !== 'Sheet1') return;
  var seen = SpreadsheetApp.getActive().getSheetByName('Seen') ||
    SpreadsheetApp.getActive().insertSheet('Seen');
  seen.appendRow(['installable', Session.getActiveUser().getEmail(),
    Session.getEffectiveUser().getEmail(), e.user.getEmail()]);
}
function onEdit(e) {
  // A simple trigger runs as whoever edited, with no installer in between.
  PropertiesService.getDocumentProperties().setProperty('simpleUser', e.user.getEmail());
}
function simpleUser() { return PropertiesService.getDocumentProperties().getProperty('simpleUser'); }
`;

let dir: string;
let book: string;
let code: string;
const saved = process.env.CLERK_CODE;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'trigger-user-'));
  book = path.join(dir, 'book.xlsx');
  code = path.join(dir, 'Code.gs');
  writeFileSync(code, CODE);
  process.env.CLERK_CODE = code; // clerk edit fires this project's triggers
});
afterAll(() => {
  if (saved === undefined) delete process.env.CLERK_CODE;
  else process.env.CLERK_CODE = saved;
});

async function clerk(...argv: string[]): Promise<BufferIo> {
  const io = new BufferIo();
  const status = await main(argv, io);
  expect({status, err: io.stderr}).toEqual({status: 0, err: []});
  return io;
}

async function seenRows(): Promise<unknown[][]> {
  const ws = await Workspace.open(book, {io: new BufferIo(), write: false, lock: false});
  try {
    return ws.spreadsheet.getSheetByName('Seen').getDataRange().getValues();
  } finally {
    ws.discard();
  }
}

test('the owner installs an edit trigger; an editor of the same domain edits: active and e.user are the editor, effective the owner', async () => {
  const ws = await Workspace.open(book, {
    create: true,
    io: new BufferIo(),
    user: 'owner@example.org',
  });
  ws.loadScript([code]).callFunction('install', []);
  await ws.save();

  await clerk('edit', book, 'Sheet1!A1', 'hello', '--as', 'editor@example.org');
  expect(await seenRows()).toEqual([
    ['installable', 'editor@example.org', 'owner@example.org', 'editor@example.org'],
  ]);
});

test('someone from another domain edits: the installer may not learn who (empty), still runs as the owner', async () => {
  await clerk('edit', book, 'Sheet1!A2', 'again', '--as', 'visitor@elsewhere.net');
  expect((await seenRows()).slice(-1)).toEqual([['installable', '', 'owner@example.org', '']]);
  const ws = await Workspace.open(book, {io: new BufferIo(), write: false, lock: false});
  try {
    // The simple onEdit ran as the visitor themself, before the installable trigger.
    expect(ws.loadScript([code]).callFunction('simpleUser', [])).toBe('visitor@elsewhere.net');
  } finally {
    ws.discard();
  }
});
