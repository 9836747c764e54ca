/**
 * The Committee menu on a blank spreadsheet: onOpen runs as a simple trigger (no authorisation:
 * developers.google.com/apps-script/guides/triggers#restrictions), adds the menu, and every item
 * names a function the built program really has.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {openWorkbook} from './driver';

test('onOpen adds the Committee menu to a blank spreadsheet, and each item has its function', async () => {
  const blank = await openWorkbook({blank: true});
  expect(blank.model.sheets.map(s => s.name)).toEqual(['Sheet1']);
  const step = blank.run('onOpen');
  expect(step.out).toMatch(/^menu: Committee$/m);
  for (const caption of [
    'Set up or repair workbook',
    'Generate agenda pack',
    'Check compliance',
    'Refresh dashboard',
    'Switch reminders on',
  ]) {
    expect(step.out).toContain(caption);
  }
  const code = readFileSync(path.resolve(__dirname, '../dist/Code.js'), 'utf8');
  const handlers = [...step.out.matchAll(/\[(\w+)\]/g)].map(m => m[1]);
  expect(handlers.length).toBeGreaterThanOrEqual(20);
  for (const fn of handlers) expect(code).toMatch(new RegExp(`^function ${fn}\\(`, 'm'));
  // Building the menu reads nothing from the sheet.
  expect(Object.keys(step.stats.calls).filter(k => k.startsWith('Range.'))).toEqual([]);
});
