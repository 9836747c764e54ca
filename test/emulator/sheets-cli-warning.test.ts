/**
 * `clerk edit` into a warning-only protected cell: Sheets shows "Heads up! You're trying to edit
 * part of this sheet that shouldn't be changed accidentally." and lets the person go ahead
 * (support.google.com/docs/answer/1218656, "Show a warning when editing this range";
 * Protection.setWarningOnly, developers.google.com/apps-script/reference/spreadsheet/protection#setwarningonlywarningonly).
 * The edit is made, and the CLI says what Sheets would have asked. The project is a one-function
 * script (CLERK_CODE), so each command loads a one-tab workbook, not a whole committee's.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {main} from '../../emulator/cli';
import {BufferIo} from '../../emulator/services/io';

let dir: string;
let script: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sheets-cli-warning-'));
  script = path.join(dir, 'protect.js');
  writeFileSync(
    script,
    "function protectNotes() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange('B2:B9').protect().setDescription('Names').setWarningOnly(true); }",
  );
  process.env.CLERK_CODE = script;
});
afterAll(() => {
  delete process.env.CLERK_CODE;
  rmSync(dir, {recursive: true, force: true});
});

async function clerk(argv: string[]): Promise<{code: number; io: BufferIo}> {
  const io = new BufferIo();
  const code = await main([...argv, '--today', '2026-11-23'], io);
  return {code, io};
}

test('clerk edit prints the warning of a warning-only protection, and makes the edit', async () => {
  const book = path.join(dir, 'warn.xlsx');
  expect((await clerk(['new', book])).code).toBe(0);
  expect((await clerk(['exec', book, script, '--call', 'protectNotes'])).code).toBe(0);
  const warned = await clerk(['edit', book, 'Sheet1!B3', 'Staff training day']);
  expect(warned.code).toBe(0);
  expect(warned.io.stderr.join('\n')).toContain(
    "warning: Sheet1!B3: Heads up! You're trying to edit part of this sheet that shouldn't be changed accidentally.",
  );
  const quiet = await clerk(['edit', book, 'Sheet1!B12', 'Not protected']);
  expect(quiet.io.stderr.join('\n')).not.toContain('warning:');
  const got = await clerk(['get', book, 'Sheet1!B3']);
  expect(got.io.stdout).toEqual(['Staff training day']);
});
