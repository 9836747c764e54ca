/**
 * The script's environment (issue #12): a project runs in its own manifest's time zone
 * (developers.google.com/apps-script/concepts/manifests, "timeZone": local times of its Dates),
 * and an en_US spreadsheet shows dates month first (support.google.com/docs/answer/58515,
 * "Change a spreadsheet's locale"; Sheets' automatic date format there is M/d/yyyy).
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {scriptRealm} from './conformance-harness';

/**
 * Run through the built command line: the time zone is the process's (Node reads TZ when it
 * changes), and jest gives each test file its own copy of process.env, so this cannot be seen
 * in-process.
 */
test("clerk exec runs a project in its own manifest's time zone: its Dates are local there", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-tz-'));
  writeFileSync(
    path.join(dir, 'appsscript.json'),
    JSON.stringify({timeZone: 'America/New_York', runtimeVersion: 'V8'}),
  );
  writeFileSync(
    path.join(dir, 'Code.js'),
    `function local() {
      var d = new Date(Date.UTC(2026, 0, 15, 12, 0));
      return [d.getHours(), Session.getScriptTimeZone(), String(d).indexOf('GMT-0500') > 0];
    }`,
  );
  // CLERK_CODE: `new` runs this project (which has no set-up) rather than the committee program.
  const clerk = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'clerk.cjs'), ...args], {
      encoding: 'utf8',
      env: {...process.env, TZ: 'Europe/London', CLERK_CODE: path.join(dir, 'Code.js')},
    });
  const book = path.join(dir, 'tz.xlsx');
  const made = clerk('new', book);
  const run = clerk('exec', book, path.join(dir, 'Code.js'), '--call', 'local');
  expect([made.status, run.status, JSON.parse(run.stdout)]).toEqual([
    0,
    0,
    [7, 'America/New_York', true],
  ]);
});

test('an en_US spreadsheet shows automatic dates month first and reads typed dates month first', async () => {
  const realm = await scriptRealm();
  try {
    expect(
      realm.gas(`var ss = SpreadsheetApp.getActiveSpreadsheet();
        ss.setSpreadsheetLocale('en_US');
        var s = ss.getSheets()[0];
        s.getRange('A1').setValue(new Date(2026, 2, 5));
        s.getRange('A2').setFormula('=DATE(2026,3,6)');
        s.getRange('A3').setValue('3/7/2026');
        s.getRange('A4').setFormula('=A1+1');
        var v = s.getRange('A3').getValue();
        return [s.getRange('A1:A4').getDisplayValues().join(' '), v instanceof Date, v.getMonth(), v.getDate()];`),
    ).toEqual(['3/5/2026 3/6/2026 3/7/2026 3/6/2026', true, 2, 7]);
  } finally {
    realm.ws.discard();
  }
});
