/**
 * The package as a stranger's plain-JavaScript project uses it (emulator/README.md, "Installing
 * it in your project"): `require('gas-workspace-emulator/node.cjs')` with no TypeScript set-up,
 * and the package's bin, run from the project's folder (its appsscript.json gives the scopes).
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const PKG = path.resolve(__dirname, '../../emulator');
const CODE = `
function note(text) {
  SpreadsheetApp.getActive().getSheets()[0].getRange('A1').setValue(text);
  return Session.getEffectiveUser().getEmail();
}
`;

let project: string;
beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'plain-js-'));
  writeFileSync(path.join(project, 'Code.gs'), CODE);
  writeFileSync(
    path.join(project, 'appsscript.json'),
    JSON.stringify({
      timeZone: 'Europe/London',
      oauthScopes: ['https://www.googleapis.com/auth/spreadsheets'],
    }),
  );
});

const node = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, {
    cwd: project,
    encoding: 'utf8',
    env: {...process.env, ...env},
  });

test('require(node.cjs) from plain Node: open, load, call, read', () => {
  const script = `
    const {Workspace, BufferIo} = require(${JSON.stringify(path.join(PKG, 'node.cjs'))});
    (async () => {
      const ws = await Workspace.open('book.xlsx', {create: true, io: new BufferIo(), user: 'me@example.org'});
      const who = ws.loadScript(['Code.gs']).callFunction('note', ['plain']);
      console.log(JSON.stringify([who, ws.spreadsheet.getSheets()[0].getRange('A1').getValue()]));
      await ws.save();
    })().catch(e => { console.error(e); process.exit(1); });`;
  const r = node(['-e', script]);
  expect({status: r.status, stderr: r.stderr}).toEqual({status: 0, stderr: ''});
  expect(JSON.parse(r.stdout)).toEqual(['me@example.org', 'plain']);
});

test("the package's bin: exec and get in the project's folder", () => {
  const bin = path.join(PKG, 'bin', 'gas-workspace-emulator.cjs');
  const exec = node([
    bin,
    'exec',
    'book.xlsx',
    'Code.gs',
    '--call',
    'note',
    '--args',
    '["from the bin"]',
  ]);
  expect({status: exec.status, stderr: exec.stderr}).toEqual({status: 0, stderr: ''});
  const get = node([bin, 'get', 'book.xlsx', 'Sheet1!A1']);
  expect(get.stdout.trim()).toBe('from the bin');
});
