/**
 * A tab opened from kept parts makes its cell formats only when something asks for them
 * (emulator/sheets/kept-looks.ts); a save takes an untouched tab's looks, notes and data
 * validation from the kept parts. That save must write what the save of the same workbook
 * with every tab's formats made writes: the same file, the same kept parts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {newContext} from '../../emulator/context';
import {createSpreadsheetApp, loadXlsx, newWorkbookModel, saveXlsx} from '../../emulator/sheets';
import {keptLooksOf} from '../../emulator/sheets/kept-looks';
import {patchedSaves} from '../../emulator/sheets/xlsx-patch';
import {modelDump} from './model-dump';
import {xlsxFingerprint} from './xlsx-fingerprint';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-kept-looks-'));
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

function open(model: ReturnType<typeof newWorkbookModel>) {
  const app: any = createSpreadsheetApp(newContext({today: '2026-06-01'}), model, {});
  return app.getActiveSpreadsheet();
}

/** A register formatted down 500 rows, a summary of it, and a tab nothing reads. */
async function start(): Promise<{file: string; snapshot: string}> {
  const model = newWorkbookModel('Looks');
  const ss = open(model);
  const reg = ss.getActiveSheet().setName('Register');
  reg
    .getRange('A1:C1')
    .setValues([['Item', 'Status', 'Due']])
    .setFontWeight('bold');
  reg.getRange('A1').setNote('What is to be done');
  reg.getRange('A2:C3').setValues([
    ['Report', 'Open', 46000],
    ['Room', 'Closed', 46010],
  ]);
  reg.getRange('C2:C500').setNumberFormat('dd/mm/yyyy');
  reg.getRange('A2:A500').setBackground('#fff2cc').setWrap(true);
  reg
    .getRange('B2:B')
    .setDataValidation(
      createSpreadsheetApp(newContext(), newWorkbookModel('v'), {})
        .newDataValidation()
        .requireValueInList(['Open', 'Closed'])
        .build(),
    );
  const sum = ss.insertSheet('Summary');
  sum.getRange('A1:B2').setValues([
    ['Open', '=COUNTIF(Register!B2:B,"Open")'],
    ['Last due', '=MAX(Register!C2:C)'],
  ]);
  sum.getRange('B2').setNumberFormat('dd/mm/yyyy');
  sum.getRange('D4').setNote('A note on an empty cell');
  sum.getRange('A1:A20').setFontColor('#1155cc');
  const other = ss.insertSheet('Other');
  other.getRange('A1:A2').setValues([['kept'], [1]]);
  other.getRange('A1:E300').setHorizontalAlignment('center');
  const file = path.join(dir, 'start.xlsx');
  const snapshot = path.join(dir, 'start.parts');
  await saveXlsx(model, file, {snapshot});
  return {file, snapshot};
}

/** Opens a copy of the start, edits Register!B3 and A4 as a script would, and saves. */
async function editAndSave(
  start: {file: string; snapshot: string},
  name: string,
  makeEveryFormat: boolean,
) {
  const file = path.join(dir, `${name}.xlsx`);
  const snapshot = path.join(dir, `${name}.parts`);
  fs.copyFileSync(start.file, file);
  fs.copyFileSync(start.snapshot, snapshot);
  const model = await loadXlsx(file, {snapshot});
  if (makeEveryFormat) for (const s of model.sheets) void s.meta;
  const untouchedBefore = model.sheets.filter(s => keptLooksOf(s)).map(s => s.name);
  const reg = open(model).getSheetByName('Register');
  reg.getRange('B3').setValue('Open');
  reg.getRange('A4').setValue('Papers');
  const before = patchedSaves.n;
  await saveXlsx(model, file, {snapshot});
  return {
    file,
    snapshot,
    untouchedBefore,
    untouchedAfter: model.sheets.filter(s => keptLooksOf(s)).map(s => s.name),
    patched: patchedSaves.n - before,
    model,
  };
}

test('tabs whose formats nobody asked for are saved as the save with every format made saves them', async () => {
  const start0 = await start();
  const lazy = await editAndSave(start0, 'lazy', false);
  const full = await editAndSave(start0, 'full', true);
  // The untouched tabs were saved without making their formats (the Summary's results changed).
  expect(lazy.untouchedBefore).toEqual(['Register', 'Summary', 'Other']);
  expect(lazy.untouchedAfter).toEqual(['Summary', 'Other']);
  expect(full.untouchedBefore).toEqual([]);
  // Both saves patched the file; both files hold the same workbook.
  expect([lazy.patched, full.patched]).toEqual([1, 1]);
  expect(await xlsxFingerprint(lazy.file)).toEqual(await xlsxFingerprint(full.file));
  // The same kept parts (each for its own file).
  const parts = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8')).parts;
  expect(parts(lazy.snapshot)).toEqual(parts(full.snapshot));
  // Opened from them, or parsed, it is the workbook the edit made.
  const reopened = await loadXlsx(lazy.file, {snapshot: lazy.snapshot});
  expect(modelDump(reopened)).toEqual(modelDump(await loadXlsx(lazy.file)));
  expect(modelDump(reopened)).toEqual(modelDump(full.model));
  const summary = open(reopened).getSheetByName('Summary');
  expect(summary.getRange('B1').getValue()).toBe(2);
  expect(summary.getRange('D4').getNote()).toBe('A note on an empty cell');
});

test('a tab opened from kept parts makes its formats when first asked: each cell its own', async () => {
  const start0 = await start();
  const model = await loadXlsx(start0.file, {snapshot: start0.snapshot});
  const other = model.sheets.find(s => s.name === 'Other')!;
  expect(keptLooksOf(other)).toBeDefined();
  const sh = open(model).getSheetByName('Other');
  expect(sh.getRange('B7').getHorizontalAlignment()).toBe('center');
  expect(keptLooksOf(other)).toBeUndefined();
  sh.getRange('B7').setHorizontalAlignment('right');
  expect(sh.getRange('B8').getHorizontalAlignment()).toBe('center');
  // The register's validation, from the hidden sheet, reaches its open end.
  const reg = open(model).getSheetByName('Register');
  expect(reg.getRange('B1000').getDataValidation()?.getCriteriaValues()).toEqual([
    ['Open', 'Closed'],
    true,
  ]);
  expect(reg.getRange('B1').getDataValidation()).toBeNull();
});
