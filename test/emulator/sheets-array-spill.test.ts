/**
 * An ARRAYFORMULA that fills several cells survives a save and reopen. Sheets: ARRAYFORMULA
 * "enables the display of values returned from an array formula into multiple rows and/or
 * columns" (support.google.com/docs/answer/3093275); OOXML keeps such a formula once, on its
 * first cell, with the cells it fills as its ref (ECMA-376 Part 1 §18.3.1.40, f@t="array",
 * f@ref). The emulator wrote the filled cells as typed values and the ref as one cell, so the
 * reopened formula had no room to fill and gave #REF!.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {unzipSync} from 'fflate';
import {newContext} from '../../emulator/context';
import {createSpreadsheetApp, loadXlsx, newWorkbookModel, saveXlsx} from '../../emulator/sheets';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-spill-'));
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

function open(model: ReturnType<typeof newWorkbookModel>) {
  const app: any = createSpreadsheetApp(newContext(), model, {});
  return app.getActiveSpreadsheet();
}

const sheetXml = (file: string) =>
  Buffer.from(
    unzipSync(new Uint8Array(fs.readFileSync(file)))['xl/worksheets/sheet1.xml'],
  ).toString();

test('a filling ARRAYFORMULA is saved once with its extent and fills again after reopening', async () => {
  const model = newWorkbookModel('Spill');
  const data = open(model).getActiveSheet().setName('Data');
  data.getRange('D2:E4').setValues([
    [1, 10],
    [2, 20],
    [3, 30],
  ]);
  data.getRange('G2').setFormula('=ARRAYFORMULA(D2:E4*2)');
  expect(data.getRange('G2:H4').getValues()).toEqual([
    [2, 20],
    [4, 40],
    [6, 60],
  ]);
  const file = path.join(dir, 'spill.xlsx');
  await saveXlsx(model, file);
  const xml = sheetXml(file);
  expect(xml).toMatch(/<c r="G2"[^>]*><f t="array" ref="G2:H4">D2:E4\*2<\/f>/);
  expect(xml).not.toMatch(/<c r="G3"/);

  const back = open(await loadXlsx(file)).getSheetByName('Data');
  expect(back.getRange('G2:H4').getValues()).toEqual([
    [2, 20],
    [4, 40],
    [6, 60],
  ]);
  expect(back.getRange('G2:G3').getFormulas()).toEqual([['=ARRAYFORMULA(D2:E4*2)'], ['']]);
  // Still live: a new source value flows through.
  back.getRange('D4').setValue(5);
  expect(back.getRange('G4').getValue()).toBe(10);
});

test("another program's file, with the results in the cells an array formula fills, opens live", async () => {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  ws.getCell('D2').value = 1;
  ws.getCell('D3').value = 2;
  ws.getCell('D4').value = 3;
  ws.getCell('G2').value = {
    formula: 'D2:D4*2',
    shareType: 'array',
    ref: 'G2:G4',
    result: 2,
  } as never;
  ws.getCell('G3').value = 4;
  ws.getCell('G4').value = 6;
  const file = path.join(dir, 'other.xlsx');
  await wb.xlsx.writeFile(file);
  const back = open(await loadXlsx(file)).getSheetByName('Data');
  expect(back.getRange('G2:G4').getValues()).toEqual([[2], [4], [6]]);
  expect(back.getRange('G3').getFormula()).toBe('');
  back.getRange('D3').setValue(7);
  expect(back.getRange('G3').getValue()).toBe(14);
});

/**
 * Rows or columns inserted inside the cells an array formula fills, while another formula reads
 * them: Sheets inserts them, the array fills from its cell again, and ranges the insertion falls
 * inside widen (support.google.com/docs/answer/54813). HyperFormula refused such an insertion
 * ("Cannot move cell. Destination already occupied.") and left its engine half changed.
 */
test('rows and columns inserted inside an array formula’s cells: it fills again from its cell', () => {
  const data = open(newWorkbookModel('Cut')).getActiveSheet();
  data.getRange('D2:D4').setValues([[1], [2], [3]]);
  data.getRange('G2').setFormula('=ARRAYFORMULA(D2:D4*2)');
  data.getRange('I2').setFormula('=SUM(G2:G10)');
  data.getRange('B8').setFormula('=ARRAYFORMULA(TRANSPOSE(D2:D4))');
  data.getRange('B9').setFormula('=SUM(B8:F8)');
  expect(data.getRange('G2:G4').getValues()).toEqual([[2], [4], [6]]);

  data.insertRowsAfter(2, 1);
  expect(data.getRange('G2:G6').getValues()).toEqual([[2], [0], [4], [6], ['']]);
  expect(data.getRange('G2').getFormula()).toBe('=ARRAYFORMULA(D2:D5*2)');
  expect(data.getRange('I2').getValue()).toBe(12);
  expect(data.getRange('I2').getFormula()).toBe('=SUM(G2:G11)');
  expect(data.getRange('B9:D9').getValues()).toEqual([[1, '', 2]]);

  data.insertColumnsAfter(2, 1);
  expect(data.getRange('B9:F9').getValues()).toEqual([[1, '', 2, 3, '']]);
  expect(data.getRange('B9').getFormula()).toBe('=ARRAYFORMULA(TRANSPOSE(E2:E5))');
  expect(data.getRange('B10').getValue()).toBe(6);
  expect(data.getRange('B10').getFormula()).toBe('=SUM(B9:G9)');
  // Still live after both.
  data.getRange('E3').setValue(5);
  expect(data.getRange('H3').getValue()).toBe(10);
  expect(data.getRange('C9').getValue()).toBe(5);
});

/**
 * HyperFormula can fail half way through a change, with cells lost or moved: an array formula
 * reading the cells of one in a circular reference threw "Unknown array" (Sheets shows #REF!).
 * The emulator says so, then reads and saves nothing more from that engine: no wrong value
 * reaches the script or the file.
 */
test('after the formula engine fails half way, nothing more is read or saved from it', async () => {
  const model = newWorkbookModel('Fault');
  const s = open(model).getActiveSheet();
  s.getRange('E1').setValue('typed');
  s.getRange('A1').setFormula('=ARRAYFORMULA(A1:A3*2)'); // refers to itself
  expect(() => s.getRange('C9').setFormula('=ARRAYFORMULA(A1:A3*2)')).toThrow(
    "The emulator's formula engine (HyperFormula) failed (setCellContents: Unknown array) and may have lost or moved cells: nothing more is read or saved in this run. This is a fault of the emulator, not of the script or the workbook.",
  );
  expect(() => s.getRange('E1').getValue()).toThrow(
    /^Reading Sheet1!E1 refused: the emulator's formula engine \(HyperFormula\) failed earlier in this run \(setCellContents: Unknown array\)/,
  );
  const file = path.join(dir, 'fault.xlsx');
  await expect(saveXlsx(model, file)).rejects.toThrow(/^Saving fault\.xlsx refused: /);
  expect(fs.existsSync(file)).toBe(false);
  // A refusal of HyperFormula's own (a sheet that is not there) leaves the engine sound.
  const sound = newWorkbookModel('Sound');
  expect(() => sound.hf.setCellContents({sheet: 99, row: 0, col: 0}, 1)).toThrow(
    "There's no sheet with id = 99",
  );
  expect(open(sound).getActiveSheet().getRange('A1').getValue()).toBe('');
});
