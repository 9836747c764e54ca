/**
 * NamedRange.setRange (developers.google.com/apps-script/reference/spreadsheet/named-range#setRange(Range)):
 * the name points at the new range and formulas that use it follow. The emulator changes the
 * name in the engine in one step, or not at all when it points there already; what a script
 * sees is as removing the name and defining it again left it: the name last in
 * getNamedRanges(), open-ended ranges kept open, formulas recomputed.
 */
import {newContext} from '../../emulator/context';
import {createSpreadsheetApp, newWorkbookModel} from '../../emulator/sheets';

function setup() {
  const ctx = newContext({today: '2026-03-02'});
  const model = newWorkbookModel('Adults Committee');
  const app: any = createSpreadsheetApp(ctx, model, {getUi: () => ({alert: () => 'OK'})} as any);
  const ss = app.getActiveSpreadsheet();
  const sheet = ss.getSheets()[0];
  sheet.getRange('A1:B3').setValues([
    [1, 10],
    [2, 20],
    [3, 30],
  ]);
  ss.setNamedRange('Amounts', sheet.getRange('A1:A3'));
  ss.setNamedRange('Other', sheet.getRange('B1'));
  sheet.getRange('D1').setFormula('=SUM(Amounts)');
  return {ss, sheet, model};
}

const named = (ss: any, name: string) => ss.getNamedRanges().find((n: any) => n.getName() === name);
const names = (ss: any) => ss.getNamedRanges().map((n: any) => n.getName());

test('setRange re-points the name: formulas follow, and it goes last among the names', () => {
  const {ss, sheet} = setup();
  expect(sheet.getRange('D1').getValue()).toBe(6);
  named(ss, 'Amounts').setRange(sheet.getRange('B1:B3'));
  expect(sheet.getRange('D1').getValue()).toBe(60);
  expect(ss.getRangeByName('Amounts').getA1Notation()).toBe('B1:B3');
  expect(names(ss)).toEqual(['Other', 'Amounts']);
});

test('setRange to where the name points already changes nothing a script sees but its place', () => {
  const {ss, sheet} = setup();
  named(ss, 'Amounts').setRange(sheet.getRange('A1:A3'));
  expect(sheet.getRange('D1').getValue()).toBe(6);
  expect(names(ss)).toEqual(['Other', 'Amounts']);
  sheet.getRange('A3').setValue(7);
  expect(sheet.getRange('D1').getValue()).toBe(10);
});

test('setRange to whole columns keeps them open; back to a closed range closes it', () => {
  const {ss, sheet, model} = setup();
  named(ss, 'Amounts').setRange(sheet.getRange('B:B'));
  expect(ss.getRangeByName('Amounts').getA1Notation()).toBe('B:B');
  expect(model.openNames.Amounts).toBe('Sheet1!$B:$B');
  expect(sheet.getRange('D1').getValue()).toBe(60);
  named(ss, 'Amounts').setRange(sheet.getRange('A2:A3'));
  expect(model.openNames.Amounts).toBeUndefined();
  expect(sheet.getRange('D1').getValue()).toBe(5);
});

test('setRange on a removed name fails as before', () => {
  const {ss, sheet} = setup();
  const n = named(ss, 'Amounts');
  n.remove();
  expect(() => n.setRange(sheet.getRange('B1:B3'))).toThrow(
    'Named range "Amounts" does not exist.',
  );
});
