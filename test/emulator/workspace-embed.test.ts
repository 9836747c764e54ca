/**
 * The emulator as another project embeds it (emulator/README.md, "Embedding it in a project's
 * tests"): through the package entry only, with the project's own script files.
 */
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {BufferIo, getComputed, ScriptError, Workspace} from '../../emulator';

const CODE = `
function addMember(name, email) {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('Members') || ss.insertSheet('Members');
  if (sheet.getLastRow() === 0) sheet.appendRow(['Name', 'Email']);
  sheet.appendRow([name, email]);
  MailApp.sendEmail(email, 'Welcome', 'Hello ' + name);
  Logger.log('added %s', name);
}
function broken() { return missing.value; }
`;

test('open a workspace, load a script, run a function, read cells, save', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'embed-'));
  const code = path.join(dir, 'Code.gs');
  writeFileSync(code, CODE);
  const book = path.join(dir, 'book.xlsx');
  const io = new BufferIo();
  const ws = await Workspace.open(book, {create: true, io, today: '2026-03-10'});
  try {
    const script = ws.loadScript([code]);
    script.callFunction('addMember', ['Zoe Example', 'zoe@example.org']);
    const sheet = ws.spreadsheet.getSheetByName('Members');
    expect(sheet.getRange('A2:B2').getValues()).toEqual([['Zoe Example', 'zoe@example.org']]);
    expect(getComputed(ws.model, 'Members!A1:B1').display).toEqual([['Name', 'Email']]);
    expect(ws.ctx.stats.toJSON().total).toBeLessThan(15);
    expect(() => script.callFunction('broken')).toThrow(ScriptError);
    await ws.save();
  } finally {
    ws.discard();
  }
  expect(existsSync(book)).toBe(true);
  expect(existsSync(path.join(dir, 'book.workspace', 'outbox'))).toBe(true);
  const again = await Workspace.open(book, {io});
  try {
    expect(again.spreadsheet.getSheetByName('Members').getLastRow()).toBe(2);
  } finally {
    again.discard();
  }
});
