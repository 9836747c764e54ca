/**
 * Persistence: save → reopen gives back everything the program reads; other programs see
 * values (cached formula results), formats and validation; bad files give a clear error.
 * Sources: exceljs README ("Data Validations", "Conditional Formatting", "Formula Value":
 * { formula, result }), ECMA-376 definedName for named ranges.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {newContext} from '../../emulator/context';
import {
  createSpreadsheetApp,
  loadXlsx,
  newWorkbookModel,
  saveXlsx,
  userEdit,
} from '../../emulator/sheets';
import {fromOoxmlFunctions, toOoxmlFunctions} from '../../emulator/sheets/xlsx-functions';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-xlsx-'));
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

function open(model: ReturnType<typeof newWorkbookModel>) {
  const ctx = newContext();
  const app: any = createSpreadsheetApp(ctx, model, {});
  return {app, ss: app.getActiveSpreadsheet()};
}

test('save and reopen keeps everything the program reads', async () => {
  const model = newWorkbookModel('Sector Leadership Group');
  const {app, ss} = open(model);
  const members = ss.insertSheet('Members');
  members
    .getRange('A1:C1')
    .setValues([['Name', 'Role', 'Term end']])
    .setFontWeight('bold')
    .setBackground('#cfe2f3');
  members.getRange('A2:C3').setValues([
    ['Ann Example', 'Chair', '31/03/2027'],
    ['Bob Sample', 'Member', '2026-09-30'],
  ]);
  members.getRange('A2').setNote('Elected 2024');
  members
    .getRange('B2')
    .setFontColor('#990000')
    .setFontStyle('italic')
    .setWrap(true)
    .setHorizontalAlignment('right');
  members
    .getRange('B2:B100')
    .setDataValidation(
      app
        .newDataValidation()
        .requireValueInList(['Chair', 'Member'])
        .setAllowInvalid(false)
        .setHelpText('Pick a role')
        .build(),
    );
  members
    .getRange('C2:C100')
    .setDataValidation(
      app.newDataValidation().requireDateAfter(new Date('2020-01-01T00:00:00Z')).build(),
    );
  members.setFrozenRows(1);
  members.setColumnWidth(1, 220);
  members.setTabColor('#ff0000');
  members.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$C2<TODAY()')
      .setBackground('#f4cccc')
      .setRanges([members.getRange('A2:C100')])
      .build(),
  ]);
  members.getRange('D2:D100').protect().setDescription('Formulas').setWarningOnly(true);
  const cf = ss.insertSheet('Cash flow');
  cf.getRange('A1:B3').setValues([
    ['Period', 'Net'],
    [1, '£-1,000.00'],
    [2, 400],
  ]);
  cf.getRange('C2').setFormula("=SUM('Cash flow'!B2:B3)");
  cf.getRange('C3').setFormula('=C2/0');
  cf.getRange('A5').setValue('Merged heading');
  cf.getRange('A5:C5').merge();
  ss.setNamedRange('NetTotal', cf.getRange('C2'));
  if (cf.newChart)
    cf.insertChart(
      cf
        .newChart()
        .setChartType('LINE')
        .addRange(cf.getRange('A1:B3'))
        .setPosition(2, 5, 0, 0)
        .setOption('title', 'Cash')
        .build(),
    );
  ss.getSheetByName('Sheet1').hideSheet();
  members.getRange('B3').activate();
  const file = path.join(dir, 'book.xlsx');
  await saveXlsx(model, file);

  const back = await loadXlsx(file);
  expect(back.id).toBe(model.id);
  expect(back.name).toBe('Sector Leadership Group');
  const {app: app2, ss: ss2} = open(back);
  expect(ss2.getSheets().map((s: any) => s.getName())).toEqual(['Sheet1', 'Members', 'Cash flow']);
  const m2 = ss2.getSheetByName('Members');
  expect(m2.getSheetId()).toBe(members.getSheetId());
  expect(m2.getRange('A1:C3').getDisplayValues()).toEqual([
    ['Name', 'Role', 'Term end'],
    ['Ann Example', 'Chair', '31/03/2027'],
    ['Bob Sample', 'Member', '2026-09-30'],
  ]);
  expect(m2.getRange('C2').getValue()).toBeInstanceOf(Date);
  expect(m2.getRange('A1').getFontWeight()).toBe('bold');
  expect(m2.getRange('A1').getBackground()).toBe('#cfe2f3');
  expect(m2.getRange('A2').getNote()).toBe('Elected 2024');
  expect(m2.getRange('B2').getFontColor()).toBe('#990000');
  expect(m2.getRange('B2').getFontStyle()).toBe('italic');
  expect(m2.getRange('B2').getWrap()).toBe(true);
  expect(m2.getRange('B2').getHorizontalAlignment()).toBe('right');
  expect(ss2.getActiveRange().getA1Notation()).toBe('B3');
  expect(ss2.getActiveSheet().getName()).toBe('Members');
  const dv = m2.getRange('B50').getDataValidation();
  expect(dv.getCriteriaType()).toBe('VALUE_IN_LIST');
  expect(dv.getCriteriaValues()).toEqual([['Chair', 'Member'], true]);
  expect(dv.getAllowInvalid()).toBe(false);
  expect(dv.getHelpText()).toBe('Pick a role');
  expect(m2.getRange('C9').getDataValidation().getCriteriaValues()[0]).toBeInstanceOf(Date);
  expect(m2.getRange('B101').getDataValidation()).toBeNull();
  expect(m2.getFrozenRows()).toBe(1);
  expect(m2.getColumnWidth(1)).toBe(220);
  expect(m2.getTabColor()).toBe('#ff0000');
  const rules = m2.getConditionalFormatRules();
  expect(rules[0].getBooleanCondition().getCriteriaValues()).toEqual(['=$C2<TODAY()']);
  expect(rules[0].getRanges()[0].getA1Notation()).toBe('A2:C100');
  const prot = m2.getProtections(app2.ProtectionType.RANGE)[0];
  expect(prot.isWarningOnly()).toBe(true);
  expect(prot.getDescription()).toBe('Formulas');
  const cf2 = ss2.getSheetByName('Cash flow');
  expect(cf2.getRange('C2').getFormula()).toBe("=SUM('Cash flow'!B2:B3)");
  expect(cf2.getRange('C2').getValue()).toBe(-600);
  expect(cf2.getRange('B2').getDisplayValue()).toBe('-£1,000.00');
  expect(cf2.getRange('C3').getValue()).toBe('#DIV/0!');
  expect(ss2.getRangeByName('NetTotal').getA1Notation()).toBe('C2');
  expect(cf2.getRange('A5:C5').getValues()).toEqual([['Merged heading', '', '']]);
  expect(cf2.getRange('B5').isPartOfMerge()).toBe(true);
  expect(cf2.getCharts()[0].getOptions().get('title')).toBe('Cash');
  expect(ss2.getSheetByName('Sheet1').isSheetHidden()).toBe(true);
  // Still live after reopening: an edit recalculates and validation still refuses.
  cf2.getRange('B3').setValue(1600);
  expect(ss2.getRangeByName('NetTotal').getValue()).toBe(600);
  expect(() => userEdit(ss2, 'Members!B3', [['Boss']])).toThrow('Pick a role');
});

test('other programs see values, cached formula results, formats and Excel validation', async () => {
  const model = newWorkbookModel('Book');
  const {app, ss} = open(model);
  const s = ss.getSheets()[0];
  s.getRange('A1:B1').setValues([[2, 3]]);
  s.getRange('C1').setFormula('=A1*B1');
  s.getRange('D1').setValue('08/10/2020');
  s.getRange('E1').setDataValidation(
    app.newDataValidation().requireValueInList(['Yes', 'No']).setAllowInvalid(false).build(),
  );
  ss.setNamedRange('Product', s.getRange('C1'));
  const file = path.join(dir, 'plain.xlsx');
  await saveXlsx(model, file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Sheet1')!;
  expect(ws.getCell('C1').value).toEqual({formula: 'A1*B1', result: 6});
  expect(ws.getCell('D1').numFmt).toBe('dd/mm/yyyy');
  expect(ws.getCell('E1').dataValidation).toMatchObject({type: 'list', formulae: ['"Yes,No"']});
  expect(wb.definedNames.model.map((d: any) => d.name)).toContain('Product');
});

test('a workbook written by another program opens (no hidden sheet)', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data Sheet');
  ws.getCell('A1').value = 'Total';
  ws.getCell('B1').value = 5;
  ws.getCell('B2').value = {formula: "'Data Sheet'!B1*2", result: 10} as any;
  ws.getCell('C1').value = new Date(Date.UTC(2021, 0, 15));
  ws.getCell('C1').numFmt = 'dd/mm/yyyy';
  ws.getCell('D1').dataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: ['"A,B"'],
    showErrorMessage: true,
    errorStyle: 'stop',
  };
  ws.views = [{state: 'frozen', ySplit: 1}];
  const file = path.join(dir, 'foreign.xlsx');
  await wb.xlsx.writeFile(file);
  const model = await loadXlsx(file);
  const {ss} = open(model);
  const s = ss.getSheetByName('Data Sheet');
  expect(s.getRange('B2').getValue()).toBe(10);
  expect(s.getRange('C1').getDisplayValue()).toBe('15/01/2021');
  expect(s.getFrozenRows()).toBe(1);
  expect(s.getRange('D1').getDataValidation().getCriteriaValues()).toEqual([['A', 'B'], true]);
});

test('missing or corrupt files give a clear error naming the file', async () => {
  const missing = path.join(dir, 'nope.xlsx');
  await expect(loadXlsx(missing)).rejects.toThrow(
    `Cannot open workbook "${missing}": the file does not exist.`,
  );
  const bad = path.join(dir, 'bad.xlsx');
  fs.writeFileSync(bad, 'this is not a zip file');
  await expect(loadXlsx(bad)).rejects.toThrow(
    new RegExp(`Cannot open workbook ".*bad.xlsx": it is not a readable .xlsx workbook`),
  );
});

test('a tab name Sheets allows but .xlsx cannot hold is named in the error', async () => {
  const model = newWorkbookModel('Book');
  const {ss} = open(model);
  ss.insertSheet('Contracts expiring in the next twelve months');
  await expect(saveXlsx(model, path.join(dir, 'long.xlsx'))).rejects.toThrow(
    /the tab name "Contracts expiring in the next twelve months" cannot be stored/,
  );
  expect(fs.existsSync(path.join(dir, 'long.xlsx'))).toBe(false);
});

test('a failed save leaves the previous file intact and no temporary file', async () => {
  const model = newWorkbookModel('Book');
  const file = path.join(dir, 'atomic.xlsx');
  await saveXlsx(model, file);
  const before = fs.readFileSync(file);
  const target = path.join(dir, 'is-a-dir.xlsx');
  fs.mkdirSync(target);
  await expect(saveXlsx(model, target)).rejects.toThrow(/Cannot save workbook/);
  expect(fs.readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([]);
  expect(fs.readFileSync(file)).toEqual(before);
});

test('future functions are saved with _xlfn. (and _xlws. for FILTER/SORT), read back without, and the opening tab is the active one', async () => {
  const model = newWorkbookModel('Prefixes');
  const {ss} = open(model);
  const sh = ss.getSheets()[0];
  sh.getRange('A1:A3').setValues([[3], [1], [2]]);
  sh.getRange('B1').setFormula('=MINIFS(A1:A3,A1:A3,">1")');
  sh.getRange('B2').setFormula('=TEXTJOIN("-",TRUE,A1:A3)&"MAXIFS(x)"');
  sh.getRange('B3').setFormula('=IFS(A1>2,"big",TRUE,"small")');
  const second = ss.insertSheet('Second');
  second.activate();
  const file = path.join(dir, 'prefixes.xlsx');
  await saveXlsx(model, file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const f = (a1: string) =>
    (wb.getWorksheet(sh.getName())!.getCell(a1).value as {formula: string}).formula;
  expect(f('B1')).toBe('_xlfn.MINIFS(A1:A3,A1:A3,">1")');
  expect(f('B2')).toBe('_xlfn.TEXTJOIN("-",TRUE,A1:A3)&"MAXIFS(x)"');
  expect(f('B3')).toBe('_xlfn.IFS(A1>2,"big",TRUE,"small")');
  expect(wb.views[0].activeTab).toBe(1);
  const back = await loadXlsx(file);
  const again = open(back).ss.getSheets()[0];
  expect(again.getRange('B1:B3').getFormulas()).toEqual([
    ['=MINIFS(A1:A3,A1:A3,">1")'],
    ['=TEXTJOIN("-",TRUE,A1:A3)&"MAXIFS(x)"'],
    ['=IFS(A1>2,"big",TRUE,"small")'],
  ]);
  expect(again.getRange('B1:B3').getValues()).toEqual([[2], ['3-1-2MAXIFS(x)'], ['big']]);
  // Functions the engine lacks are still stored as OOXML wants them.
  expect(
    toOoxmlFunctions("SORT(FILTER('IFS'!A1:A9,'IFS'!B1:B9>0))+XLOOKUP(1,A:A,B:B)+SUM(1)"),
  ).toBe(
    "_xlfn._xlws.SORT(_xlfn._xlws.FILTER('IFS'!A1:A9,'IFS'!B1:B9>0))+_xlfn.XLOOKUP(1,A:A,B:B)+SUM(1)",
  );
  expect(fromOoxmlFunctions('_xlfn._xlws.SORT(A1:A3)&"_xlfn.kept"')).toBe(
    'SORT(A1:A3)&"_xlfn.kept"',
  );
});
