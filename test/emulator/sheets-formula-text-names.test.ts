/**
 * Formula text round-trips as written, and open-ended / whole-column named ranges stay open.
 * Sources: Range.getFormula "Returns the formula (A1 notation) for the top-left cell"
 * (developers.google.com/apps-script/reference/spreadsheet/range#getformula);
 * Spreadsheet.setNamedRange(name, range) and NamedRange.getRange
 * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setnamedrangename,-range);
 * Sheets accepts open-ended ranges such as A2:A and whole columns A:A in formulas and named
 * ranges (support.google.com/docs/answer/63175, "Name a range"); ECMA-376 §18.2.5 definedName.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {unzipSync} from 'fflate';
import ExcelJS from 'exceljs';
import {newContext} from '../../emulator/context';
import {createSpreadsheetApp, loadXlsx, newWorkbookModel, saveXlsx} from '../../emulator/sheets';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-ftext-'));
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

function open(model: ReturnType<typeof newWorkbookModel>) {
  const app: any = createSpreadsheetApp(newContext(), model, {});
  return app.getActiveSpreadsheet();
}

function workbookXml(file: string): string {
  return Buffer.from(
    unzipSync(new Uint8Array(fs.readFileSync(file)))['xl/workbook.xml'],
  ).toString();
}

describe('formula text as written', () => {
  test('getFormula gives back OFFSET(...) as written, in getFormulas, after save and reopen, and in the xlsx', async () => {
    const model = newWorkbookModel('Text');
    const sh = open(model).getActiveSheet().setName('Cash flow');
    sh.getRange('I2:I3').setValues([[5], [7]]);
    sh.getRange('J3').setFormula('=OFFSET(I3,-1,0)+I3');
    sh.getRange('J4:J5').setFormulas([['=OFFSET(I4,-1,0)'], ['=SUM(I2:I)']]);
    sh.getRange('K2').setValue('=OFFSET(I3,-1,0)*2');
    expect(sh.getRange('J3').getFormula()).toBe('=OFFSET(I3,-1,0)+I3');
    expect(sh.getRange('J3').getValue()).toBe(12);
    expect(sh.getRange('J4:J5').getFormulas()).toEqual([['=OFFSET(I4,-1,0)'], ['=SUM(I2:I)']]);
    expect(sh.getRange('K2').getFormula()).toBe('=OFFSET(I3,-1,0)*2');
    expect(sh.getRange('K2').getValue()).toBe(10);
    const file = path.join(dir, 'text.xlsx');
    await saveXlsx(model, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.getWorksheet('Cash flow')!.getCell('J3').formula).toBe('OFFSET(I3,-1,0)+I3');
    // Excel has no open-ended A2:A: it is saved running to Excel's last row, and read back open.
    expect(wb.getWorksheet('Cash flow')!.getCell('J5').formula).toBe('SUM(I2:I1048576)');
    const back = open(await loadXlsx(file)).getSheetByName('Cash flow');
    expect(back.getRange('J3:J5').getFormulas()).toEqual([
      ['=OFFSET(I3,-1,0)+I3'],
      ['=OFFSET(I4,-1,0)'],
      ['=SUM(I2:I)'],
    ]);
    expect(back.getRange('J5').getValue()).toBe(12);
  });

  test('structural changes move the text as Sheets moves references', () => {
    const model = newWorkbookModel('Moves');
    const ss = open(model);
    const sh = ss.getActiveSheet();
    const other = ss.insertSheet('Other data');
    other.getRange('A1').setFormula('=OFFSET(Sheet1!B3,-1,0)+SUM(Sheet1!B2:B4)');
    sh.getRange('B2:B4').setValues([[1], [2], [3]]);
    sh.getRange('C3').setFormula('=OFFSET(B3,-1,0)');
    sh.insertRowsBefore(1, 2);
    expect(sh.getRange('C5').getFormula()).toBe('=OFFSET(B5,-1,0)');
    expect(sh.getRange('C5').getValue()).toBe(1);
    expect(other.getRange('A1').getFormula()).toBe('=OFFSET(Sheet1!B5,-1,0)+SUM(Sheet1!B4:B6)');
    sh.insertColumnsBefore(1, 1);
    expect(sh.getRange('D5').getFormula()).toBe('=OFFSET(C5,-1,0)');
    sh.deleteRow(6);
    expect(other.getRange('A1').getFormula()).toBe('=OFFSET(Sheet1!C5,-1,0)+SUM(Sheet1!C4:C5)');
    expect(other.getRange('A1').getValue()).toBe(1 + 1 + 2);
    sh.setName('Main');
    expect(other.getRange('A1').getFormula()).toBe('=OFFSET(Main!C5,-1,0)+SUM(Main!C4:C5)');
    // Deleting rows above moves the reference up; deleting the referenced cell gives #REF!, as Sheets shows it.
    sh.getRange('F1').setFormula('=C5*2');
    sh.deleteRow(4);
    expect(sh.getRange('D4').getFormula()).toBe('=OFFSET(C4,-1,0)');
    expect(sh.getRange('F1').getFormula()).toBe('=C4*2');
    sh.deleteRow(4);
    expect(sh.getRange('F1').getFormula()).toMatch(/#REF!/);
    // Copy and sort move relative references with the cell.
    sh.getRange('D4').setFormula('=OFFSET(C5,-1,0)');
    sh.getRange('D4').copyTo(sh.getRange('E6'));
    expect(sh.getRange('E6').getFormula()).toBe('=OFFSET(D7,-1,0)');
    sh.getRange('A10:B12').setValues([
      [3, '=OFFSET(A10,0,0)*10'],
      [1, '=OFFSET(A11,0,0)*10'],
      [2, '=OFFSET(A12,0,0)*10'],
    ]);
    sh.getRange('A10:B12').sort(1);
    expect(sh.getRange('B10:B12').getFormulas()).toEqual([
      ['=OFFSET(A10,0,0)*10'],
      ['=OFFSET(A11,0,0)*10'],
      ['=OFFSET(A12,0,0)*10'],
    ]);
    expect(sh.getRange('B10:B12').getValues()).toEqual([[10], [20], [30]]);
  });

  test('formulas with open-ended ranges count rows added after the last row', () => {
    const model = newWorkbookModel('Open');
    const ss = open(model);
    const sh = ss.getActiveSheet();
    const dash = ss.insertSheet('Dashboard');
    dash.getRange('A1').setFormula('=COUNTA(Sheet1!A2:A)');
    sh.getRange('A1:A3').setValues([['Head'], ['x'], ['y']]);
    sh.insertRowsAfter(sh.getMaxRows(), 5);
    sh.getRange(sh.getMaxRows(), 1).setValue('z');
    sh.appendRow(['w']);
    expect(dash.getRange('A1').getValue()).toBe(4);
    expect(dash.getRange('A1').getFormula()).toBe('=COUNTA(Sheet1!A2:A)');
  });
});

describe('open-ended named ranges', () => {
  test("a whole-column name ('G:G') counts rows beyond the sheet's first 1,000, and is saved as a whole-column defined name", async () => {
    const model = newWorkbookModel('Names');
    const ss = open(model);
    const sh = ss.getActiveSheet().setName('Actions');
    ss.setNamedRange('Actions_Status', sh.getRange('G:G'));
    ss.setNamedRange('Actions_Rest', sh.getRange('H2:H'));
    const dash = ss.insertSheet('Dashboard');
    dash
      .getRange('A1:A2')
      .setFormulas([['=COUNTIF(Actions_Status,"Open")'], ['=COUNTA(Actions_Rest)']]);
    sh.insertRowsAfter(sh.getMaxRows(), 1500);
    const rows = Array.from({length: 2400}, (_, i) => [i % 2 ? 'Open' : 'Closed', 'note']);
    sh.getRange(2, 7, 2400, 2).setValues(rows);
    expect(dash.getRange('A1:A2').getValues()).toEqual([[1200], [2400]]);
    // A whole column keeps its form in A1 notation, as getRange('D:F').getA1Notation() gives "D:F".
    expect(ss.getRangeByName('Actions_Status').getA1Notation()).toBe('G:G');
    expect(ss.getRangeByName('Actions_Status').getNumRows()).toBe(2500);
    expect(ss.getRangeByName('Actions_Rest').getA1Notation()).toBe('H2:H2500');

    const file = path.join(dir, 'names.xlsx');
    await saveXlsx(model, file);
    expect(workbookXml(file)).toContain(
      '<definedName name="Actions_Status">Actions!$G:$G</definedName>',
    );
    const back = await loadXlsx(file);
    const bss = open(back);
    const bsh = bss.getSheetByName('Actions');
    bsh.insertRowsAfter(bsh.getMaxRows(), 100);
    bsh.getRange(2550, 7, 1, 2).setValues([['Open', 'late']]);
    expect(bss.getSheetByName('Dashboard').getRange('A1:A2').getValues()).toEqual([[1201], [2401]]);
    expect(bss.getRangeByName('Actions_Rest').getA1Notation()).toBe('H2:H2600');
    // Re-pointing a name with NamedRange.setRange keeps the open end too.
    bss
      .getNamedRanges()
      .find((n: any) => n.getName() === 'Actions_Status')
      .setRange(bsh.getRange('F:F'));
    expect(bss.getRangeByName('Actions_Status').getA1Notation()).toBe('F:F');
    expect(bss.getRangeByName('Actions_Status').getNumRows()).toBe(2600);
  });
});
