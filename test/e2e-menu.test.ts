/**
 * The Committee menu on a blank spreadsheet: onOpen runs as a simple trigger (no authorisation:
 * developers.google.com/apps-script/guides/triggers#restrictions), adds the menu, and every item
 * names a function the built program really has.
 */
import ExcelJS from 'exceljs';
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {main} from '../emulator/cli';
import {BufferIo} from '../emulator/services/io';

test('onOpen adds the Committee menu to a blank spreadsheet, and each item has its function', async () => {
  const book = path.join(mkdtempSync(path.join(tmpdir(), 'menu-')), 'blank.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  await wb.xlsx.writeFile(book);
  const io = new BufferIo();
  expect(await main(['run', book, 'onOpen', '--stats'], io)).toBe(0);
  const out = io.stdout.join('\n');
  expect(out).toMatch(/^menu: Committee$/m);
  for (const caption of [
    'Set up or repair workbook',
    'Generate agenda pack',
    'Check compliance',
    'Refresh dashboard',
    'Switch reminders on',
  ]) {
    expect(out).toContain(caption);
  }
  const code = readFileSync(path.resolve(__dirname, '../dist/Code.js'), 'utf8');
  const handlers = [...out.matchAll(/\[(\w+)\]/g)].map(m => m[1]);
  expect(handlers.length).toBeGreaterThanOrEqual(20);
  for (const fn of handlers) expect(code).toMatch(new RegExp(`^function ${fn}\\(`, 'm'));
  // Building the menu reads nothing from the sheet.
  const stats = JSON.parse(io.stderr.filter(l => l.startsWith('{')).pop()!);
  expect(Object.keys(stats.calls).filter(k => k.startsWith('Range.'))).toEqual([]);
});
