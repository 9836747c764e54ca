/**
 * Opening a workbook from the parts its last save kept (emulator/sheets/xlsx-snapshot.ts) must
 * give exactly what parsing the file gives, for every kind of cell; a file someone else changed
 * is parsed; and what cannot be kept for certain (merged cells, text XML changes) is not kept.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {newContext} from '../../emulator/context';
import {createSpreadsheetApp, loadXlsx, newWorkbookModel, saveXlsx} from '../../emulator/sheets';
import {modelDump} from './model-dump';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-snap-'));
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

function open(model: ReturnType<typeof newWorkbookModel>) {
  const app: any = createSpreadsheetApp(newContext({today: '2026-06-01'}), model, {});
  return app.getActiveSpreadsheet();
}

/** A workbook with a cell of each kind the program and people write. */
function sampler() {
  const model = newWorkbookModel('Kinds');
  const ss = open(model);
  const sh = ss.getActiveSheet().setName('Kinds');
  sh.getRange('A1:F1').setValues([['Text', 'Number', 'When', 'Time', 'Flag', 'Formula']]);
  sh.getRange('A1:F1').setFontWeight('bold').setBackground('#d9ead3');
  sh.getRange('A2:A9').setValues([
    ['  padded  '],
    ['two\nlines'],
    ['tab\there'],
    ["'quoted"],
    ['Zoë Brontë 😀'],
    ['00123'],
    ['=not typed'],
    [''],
  ]);
  sh.getRange('A8').setNumberFormat('@').setValue('=1+1 as text');
  sh.getRange('B2:B5').setValues([[-0], [1 / 3], [1e-12], [12345678.9]]);
  sh.getRange('B2:B5').setNumberFormat('£#,##0.00');
  sh.getRange('C2:C4').setValues([[46000.333333333336], [46023], [0.1]]);
  sh.getRange('C2:C4').setNumberFormat('dd/mm/yyyy hh:mm');
  sh.getRange('D2').setValue(0.4375).setNumberFormat('HH:mm');
  sh.getRange('E2:E3').setValues([[true], [false]]);
  sh.getRange('F2:F6').setFormulas([
    ['=SUM(B2:B)'],
    ['=1/0'],
    ['=ARRAYFORMULA(B2:B3*2)'],
    ['=IF(E2,"yes","no")'],
    ['=MINIFS(B2:B5,B2:B5,">0")'],
  ]);
  sh.getRange('G2').setNote('A note on an empty cell');
  sh.getRange('A3').setNote('A note on text').setFontStyle('italic').setFontColor('#b3261e');
  sh.getRange('B2:B9').setHorizontalAlignment('right').setWrap(true);
  sh.getRange('A2:A9').setFontLine('underline');
  sh.setColumnWidth(1, 180);
  sh.setColumnWidth(12, 40); // past the last column with a cell
  sh.setFrozenRows(1);
  ss.setNamedRange('Numbers', sh.getRange('B2:B5'));
  const other = ss.insertSheet("O'Brien & co");
  other.getRange('A1:B2').setValues([
    ['x', 1],
    ['y', 2],
  ]);
  other
    .getRange('C1:C2')
    .setDataValidation(
      SpreadsheetAppValidation(ss).requireValueInList(['Yes', 'No']).setAllowInvalid(false).build(),
    );
  return {model, ss};
}

function SpreadsheetAppValidation(ss: any) {
  void ss;
  const app: any = createSpreadsheetApp(newContext(), newWorkbookModel('v'), {});
  return app.newDataValidation();
}

test('opening from the kept parts gives the same workbook as parsing the file, for every kind of cell', async () => {
  const {model} = sampler();
  const file = path.join(dir, 'kinds.xlsx');
  const snap = path.join(dir, 'kinds.parts');
  await saveXlsx(model, file, {snapshot: snap});
  expect(fs.existsSync(snap)).toBe(true);
  const parsed = await loadXlsx(file);
  const kept = await loadXlsx(file, {snapshot: snap});
  expect(modelDump(kept)).toEqual(modelDump(parsed));
  // And it is the workbook: the cells as written.
  const sh = open(kept).getSheetByName('Kinds');
  expect(sh.getRange('A2:A3').getValues()).toEqual([['  padded  '], ['two\nlines']]);
  expect(sh.getRange('F2').getValue()).toBeCloseTo(12345679.233333334, 6);
  expect(sh.getRange('G2').getNote()).toBe('A note on an empty cell');
  // Each cell has its own format: changing one changes no other.
  sh.getRange('B2').setNumberFormat('0.0');
  expect(sh.getRange('B3').getNumberFormat()).toBe('£#,##0.00');
});

test('a file changed by another program is parsed, not taken from the kept parts', async () => {
  const {model} = sampler();
  const file = path.join(dir, 'changed.xlsx');
  const snap = path.join(dir, 'changed.parts');
  await saveXlsx(model, file, {snapshot: snap});
  // Another program saves the file (the parts kept stay those of the old file).
  const edited = await loadXlsx(file);
  open(edited).getSheetByName('Kinds').getRange('A2').setValue('changed elsewhere');
  await saveXlsx(edited, file);
  const back = open(await loadXlsx(file, {snapshot: snap})).getSheetByName('Kinds');
  expect(back.getRange('A2').getValue()).toBe('changed elsewhere');
});

test('nothing is kept where reading back is not certain: merged cells, a carriage return', async () => {
  for (const [name, change] of [
    ['merged', (sh: any) => sh.getRange('H1:I1').merge()],
    ['cr', (sh: any) => sh.getRange('H1').setValue('one\r\ntwo')],
  ] as const) {
    const {model, ss} = sampler();
    change(ss.getSheetByName('Kinds'));
    const file = path.join(dir, `${name}.xlsx`);
    const snap = path.join(dir, `${name}.parts`);
    fs.writeFileSync(snap, 'from an earlier save');
    await saveXlsx(model, file, {snapshot: snap});
    expect(fs.existsSync(snap)).toBe(false);
    // The file opens as ever.
    expect(modelDump(await loadXlsx(file, {snapshot: snap}))).toEqual(
      modelDump(await loadXlsx(file)),
    );
  }
});
