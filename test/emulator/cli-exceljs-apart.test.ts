/**
 * build/clerk.cjs leaves exceljs's workbook (a megabyte with its zip and XML packages) in
 * build/exceljs.cjs (scripts/build.mjs): an edit saved by patching the file never loads it;
 * a command that writes the whole workbook does, and what it writes reads back.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

test('an edit saved by patching loads no exceljs workbook; writing a whole workbook does', () => {
  if (!existsSync(path.join(root, 'build', 'exceljs.cjs')))
    spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {cwd: root});
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-exceljs-apart-'));
  const probe = path.join(dir, 'probe.gs');
  writeFileSync(probe, `function onEdit(e) { e.range.offset(0, 1).setValue('seen ' + e.value); }`);
  // Says at exit whether build/exceljs.cjs was loaded.
  const loaded = path.join(dir, 'loaded.txt');
  const spy = path.join(dir, 'spy.cjs');
  writeFileSync(
    spy,
    `process.on('exit', () => require('node:fs').appendFileSync(${JSON.stringify(loaded)},
      String(Object.keys(require.cache).some(f => f.endsWith('exceljs.cjs'))) + '\\n'));`,
  );
  const book = path.join(dir, 'book.xlsx');
  const clerk = (...args: string[]) =>
    spawnSync(process.execPath, ['--require', spy, path.join(root, 'bin', 'clerk.cjs'), ...args], {
      env: {...process.env, CLERK_CODE: probe},
      encoding: 'utf8',
    });
  // A new workbook is written whole.
  expect(clerk('new', book).status).toBe(0);
  // A first edit adds cells the file does not have yet: patched (emulator/sheets/xlsx-patch.ts).
  expect(clerk('edit', book, 'Sheet1!A1', 'hello').status).toBe(0);
  // The next changes cells the file has: patched too.
  const edit = clerk('edit', book, 'Sheet1!A1', 'again');
  expect(edit.stderr).toBe('');
  expect(edit.status).toBe(0);
  expect(clerk('get', book, 'Sheet1!A1:B1').stdout).toBe('again\tseen again\n');
  expect(readFileSync(loaded, 'utf8').split('\n')).toEqual(['true', 'false', 'false', 'false', '']);
});
