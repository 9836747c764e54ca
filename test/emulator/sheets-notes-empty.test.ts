/**
 * A note on an empty cell survives saving and reopening: onEdit leaves a refused value's cell
 * empty and records what was typed in its note, so losing that note would lose what was typed.
 * (Sheets keeps notes on empty cells: developers.google.com/apps-script/reference/spreadsheet/range#setnotenote)
 */
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {newContext} from '../../emulator/context';
import {createSpreadsheetApp, loadXlsx, newWorkbookModel, saveXlsx} from '../../emulator/sheets';

test('a note on an empty cell is kept by save and reopen', async () => {
  const model = newWorkbookModel('Notes');

  const ss: any = (createSpreadsheetApp(newContext(), model, {}) as any).getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  sheet.getRange('B3').setNote('Refused: you typed "1.234,50" on 23/11/2026');
  sheet.getRange('C4').setValue('kept').setNote('with a value');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'notes-')), 'n.xlsx');
  await saveXlsx(model, file);
  const back: any = (
    createSpreadsheetApp(newContext(), await loadXlsx(file), {}) as any
  ).getActiveSpreadsheet();
  const s2 = back.getSheets()[0];
  expect(s2.getRange('B3').getNote()).toBe('Refused: you typed "1.234,50" on 23/11/2026');
  expect(s2.getRange('B3').getValue()).toBe('');
  expect(s2.getRange('C4').getNote()).toBe('with a value');
});
