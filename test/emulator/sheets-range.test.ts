/**
 * SpreadsheetApp / Spreadsheet / Sheet / Range fidelity.
 * Sources (Google reference, developers.google.com/apps-script/reference/spreadsheet/...):
 * range#getValues ("Empty cells are represented by an empty string"; values "of type Number,
 * Boolean, Date, or String"), range#setValues ("The size of the two-dimensional array must
 * match the size of the range"), range#getDisplayValues, range#setFormula, sheet#getRange
 * (A1 and row/column forms), sheet#getLastRow, sheet#insertRowsAfter, sheet#deleteRows,
 * sheet#appendRow, spreadsheet#insertSheet, spreadsheet#setNamedRange, spreadsheet-app#getUi.
 * Error texts: as reproduced by gas-fakes (src/services/spreadsheetapp/fakesheetrange.js) and
 * reported by users in Apps Script issue threads ("Those columns are out of bounds.",
 * "The coordinates of the range are outside the dimensions of the sheet.").
 */
import vm from 'node:vm';
import {newContext} from '../../emulator/context';
import {
  createSpreadsheetApp,
  getComputed,
  newWorkbookModel,
  setActiveRange,
} from '../../emulator/sheets';

function setup(host: Record<string, unknown> = {getUi: () => ({alert: () => 'OK'})}) {
  const ctx = newContext({today: '2026-03-02'});
  const model = newWorkbookModel('Adults Committee');
  const app: any = createSpreadsheetApp(ctx, model, host as any);
  const ss = app.getActiveSpreadsheet();
  return {ctx, model, app, ss, sheet: ss.getSheets()[0]};
}

describe('values', () => {
  test('getValues: types, empty strings, dates as Date at London midnight', () => {
    const {sheet} = setup();
    sheet.getRange('A1:D1').setValues([['Chair', 42, true, '08/10/2020']]);
    const [row] = sheet.getRange('A1:E1').getValues();
    expect(row.slice(0, 3)).toEqual(['Chair', 42, true]);
    expect(row[3]).toBeInstanceOf(Date);
    // 8 Oct 2020 00:00 in London is 7 Oct 23:00 UTC (summer time).
    expect((row[3] as Date).toISOString()).toBe('2020-10-07T23:00:00.000Z');
    expect(row[4]).toBe('');
    expect(sheet.getRange('D1').getDisplayValue()).toBe('08/10/2020');
    // In winter London is UTC.
    sheet.getRange('D2').setValue('15/01/2021');
    expect((sheet.getRange('D2').getValue() as Date).toISOString()).toBe(
      '2021-01-15T00:00:00.000Z',
    );
  });

  test('setValue with a Date stores a date serial and a date format', () => {
    const {sheet} = setup();
    sheet.getRange('B2').setValue(new Date('2026-03-02T00:00:00Z'));
    expect(sheet.getRange('B2').getDisplayValue()).toBe('02/03/2026');
    expect(sheet.getRange('B2').getNumberFormat()).toBe('dd/mm/yyyy');
    sheet.getRange('C2').setFormula('=B2+7');
    sheet.getRange('C2').setNumberFormat('d mmm yyyy');
    expect(sheet.getRange('C2').getDisplayValue()).toBe('9 Mar 2026');
  });

  test('dates come back with the Date constructor the host supplies (script realm)', () => {
    const {model, sheet} = setup();
    class OtherDate extends Date {}
    model.DateCtor = OtherDate as unknown as DateConstructor;
    sheet.getRange('A1').setValue('2020-10-08');
    expect(sheet.getRange('A1').getValue()).toBeInstanceOf(OtherDate);
  });

  test('a script in another realm (as gas-local runs it) sees its own Dates and can pass them back', () => {
    const {model, app} = setup();
    const sandbox = vm.createContext({SpreadsheetApp: app});
    model.DateCtor = vm.runInContext('Date', sandbox);
    const out = vm.runInContext(
      `var s = SpreadsheetApp.getActiveSheet();
       s.getRange('A1').setValue(new Date(2026, 2, 12));
       var v = s.getRange('A1').getValues();
       [v[0][0] instanceof Date, Array.isArray(v), s.getRange('A1').getDisplayValue()]`,
      sandbox,
    );
    expect(Array.from(out as unknown[])).toEqual([true, true, '12/03/2026']);
  });

  test('typed strings: money, percent, apostrophe text, booleans', () => {
    const {sheet} = setup();
    sheet.getRange('A1:E1').setValues([['£1,234.50', '20%', "'007", 'TRUE', '31/02/2021']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([[1234.5, 0.2, '007', true, '31/02/2021']]);
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([
      ['£1,234.50', '20%', '007', 'TRUE', '31/02/2021'],
    ]);
  });

  test("a plain-text ('@') cell keeps typed digits as text", () => {
    const {sheet} = setup();
    sheet.getRange('A1:A2').setNumberFormat('@');
    sheet.getRange('A1:A2').setValues([['07700900123'], ['08/10/2020']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['07700900123'], ['08/10/2020']]);
  });

  test('setValue on several cells fills them all; clearContent empties', () => {
    const {sheet} = setup();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    sheet.getRange('A1:B2').clearContent();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
    expect(sheet.getRange('A1:B2').isBlank()).toBe(true);
  });
});

describe('formulas (HyperFormula)', () => {
  test('cross-sheet references with spaces in the sheet name, and TRUE/FALSE', () => {
    const {ss} = setup();
    const cf = ss.insertSheet('Cash flow');
    cf.getRange('A1:A3').setValues([[10], [20], [30]]);
    const dash = ss.insertSheet('Dashboard');
    dash.getRange('A1').setFormula("=SUM('Cash flow'!A1:A3)");
    dash.getRange('A2').setFormula("=VLOOKUP(20,'Cash flow'!A1:A3,1,FALSE)");
    dash.getRange('A3').setFormula('=IF(TRUE,"yes","no")');
    expect(dash.getRange('A1:A3').getValues()).toEqual([[60], [20], ['yes']]);
    expect(dash.getRange('A1').getFormula()).toBe("=SUM('Cash flow'!A1:A3)");
    cf.getRange('A1').setValue(100);
    expect(dash.getRange('A1').getValue()).toBe(150);
  });

  test('WORKDAY over a holidays range gives a Date', () => {
    const {ss} = setup();
    const hol = ss.insertSheet('Holidays');
    hol.getRange('A1:A2').setValues([['Date'], ['06/04/2026']]); // Easter Monday 2026
    const m = ss.insertSheet('Meetings');
    m.getRange('A1').setValue('01/04/2026'); // a Wednesday
    m.getRange('B1').setFormula('=WORKDAY(A1,3,Holidays!A2:A10)');
    m.getRange('B1').setNumberFormat('dd/mm/yyyy');
    // Thu 2, Fri 3 (Good Friday is not in the list), Mon 6 is a holiday, so Tue 7.
    expect(m.getRange('B1').getDisplayValue()).toBe('07/04/2026');
    expect(m.getRange('B1').getValue()).toBeInstanceOf(Date);
  });

  test('formula results of DATE() are dates even without a format; errors read as their code', () => {
    const {sheet} = setup();
    sheet.getRange('A1').setFormula('=DATE(2026,5,1)');
    sheet.getRange('A2').setFormula('=1/0');
    sheet.getRange('A3').setFormula('=NA()');
    expect(sheet.getRange('A1').getDisplayValue()).toBe('01/05/2026');
    expect(sheet.getRange('A2:A3').getValues()).toEqual([['#DIV/0!'], ['#N/A']]);
    // Sheets shows a circular reference as #REF! (HyperFormula calls it #CYCLE!).
    sheet.getRange('B1').setFormula('=B2');
    sheet.getRange('B2').setFormula('=B1');
    expect(sheet.getRange('B1').getValue()).toBe('#REF!');
  });

  test("open-ended ranges in formulas ('A2:A', 'Cash flow'!B2:B) as Sheets accepts them", () => {
    const {ss, sheet} = setup();
    const cf = ss.insertSheet('Cash flow');
    cf.getRange('B1:B4').setValues([['Net'], [5], [7], [9]]);
    sheet.getRange('A1:A3').setValues([['Status'], ['Open'], ['Closed']]);
    sheet.getRange('C1').setFormula('=COUNTIF(A2:A,"Open")');
    sheet.getRange('C2').setValue("=SUM('Cash flow'!B2:B)");
    expect(sheet.getRange('C1:C2').getValues()).toEqual([[1], [21]]);
    expect(sheet.getRange('C1:C2').getFormulas()).toEqual([
      ['=COUNTIF(A2:A,"Open")'],
      ["=SUM('Cash flow'!B2:B)"],
    ]);
    cf.insertRowsAfter(2, 3);
    cf.getRange('B1003').setValue(100);
    expect(sheet.getRange('C2').getValue()).toBe(121);
    expect(sheet.getRange('C2').getFormula()).toBe("=SUM('Cash flow'!B2:B)");
    // Text that only looks like a range is left alone.
    sheet.getRange('D1').setFormula('="A2:A"');
    expect(sheet.getRange('D1').getValue()).toBe('A2:A');
  });

  test('setFormula over a column moves relative references per row', () => {
    const {sheet} = setup();
    sheet.getRange('A1:B3').setValues([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    sheet.getRange('C1:C3').setFormula('=A1*B1');
    expect(sheet.getRange('C1:C3').getFormulas()).toEqual([['=A1*B1'], ['=A2*B2'], ['=A3*B3']]);
    expect(sheet.getRange('C1:C3').getValues()).toEqual([[2], [12], [30]]);
  });

  test('insert and delete rows and columns update references', () => {
    const {sheet} = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1').setFormula('=SUM(A1:A3)');
    sheet.getRange('A2').setNote('second');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A5)');
    expect(sheet.getRange('A4').getNote()).toBe('second');
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.getRange('A2').setValue(10);
    expect(sheet.getRange('B1').getValue()).toBe(16);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A3)');
    expect(sheet.getRange('A2').getNote()).toBe('second');
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('C1').getFormula()).toBe('=SUM(B1:B3)');
    sheet.deleteColumn(1);
    expect(sheet.getRange('B1').getFormula()).toBe('=SUM(A1:A3)');
  });

  test('named ranges are HyperFormula named expressions and follow inserted rows', () => {
    const {ss, sheet} = setup();
    sheet.getRange('A1:A2').setValues([[5], [7]]);
    ss.setNamedRange('BreakEven', sheet.getRange('A1:A2'));
    sheet.getRange('B1').setFormula('=SUM(BreakEven)');
    expect(sheet.getRange('B1').getValue()).toBe(12);
    sheet.insertRowsBefore(1, 1);
    expect(ss.getRangeByName('BreakEven').getA1Notation()).toBe('A2:A3');
    expect(ss.getNamedRanges().map((n: any) => n.getName())).toEqual(['BreakEven']);
    expect(() => ss.setNamedRange('A1', sheet.getRange('A1'))).toThrow(/not valid/);
    ss.removeNamedRange('BreakEven');
    expect(ss.getRangeByName('BreakEven')).toBeNull();
  });
});

describe('sheets and ranges', () => {
  test('A1 forms on a sheet: open-ended, whole column, whole row', () => {
    const {sheet} = setup();
    expect(sheet.getRange('B5:B').getA1Notation()).toBe('B5:B1000');
    expect(sheet.getRange('B:B').getNumRows()).toBe(1000);
    expect(sheet.getRange('5:5').getNumColumns()).toBe(26);
    expect(sheet.getRange(2, 3, 4, 5).getA1Notation()).toBe('C2:G5');
  });

  test('getLastRow/getLastColumn/getDataRange count content only; appendRow adds below', () => {
    const {sheet} = setup();
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('A1:C1').setValues([['Name', 'Role', 'Email']]);
    sheet.getRange('B10').setBackground('#ff0000');
    sheet.appendRow(['Ann Example', 'Chair', 'ann@example.org']);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C2');
    expect(sheet.getSheetValues(2, 1, -1, -1)).toEqual([
      ['Ann Example', 'Chair', 'ann@example.org'],
    ]);
    expect(sheet.getSheetValues(1, 2, 1, 1)).toEqual([['Role']]);
  });

  test('insertSheet, getSheetByName, setName, deleteSheet, active sheet', () => {
    const {ss} = setup();
    const m = ss.insertSheet('Members');
    expect(ss.getActiveSheet().getName()).toBe('Members');
    expect(ss.getSheets().map((s: any) => s.getName())).toEqual(['Sheet1', 'Members']);
    ss.insertSheet('Settings', 0);
    expect(ss.getSheets()[0].getName()).toBe('Settings');
    expect(ss.getSheetByName('Nope')).toBeNull();
    m.setName('People');
    expect(ss.getSheetByName('People').getIndex()).toBe(3);
    ss.deleteSheet(ss.getSheetByName('Sheet1'));
    expect(ss.getNumSheets()).toBe(2);
    expect(() => m.getRange('A1')).not.toThrow();
  });

  test('sort by several columns keeps formats with their rows, blanks last', () => {
    const {sheet} = setup();
    sheet.getRange('A1:B4').setValues([
      ['b', 2],
      ['a', 2],
      ['', 1],
      ['c', 1],
    ]);
    sheet.getRange('A2').setBackground('#00ff00');
    sheet.getRange('A1:B4').sort([{column: 2, ascending: true}, 1]);
    expect(sheet.getRange('A1:B4').getValues()).toEqual([
      ['c', 1],
      ['', 1],
      ['a', 2],
      ['b', 2],
    ]);
    expect(sheet.getRange('A3').getBackground()).toBe('#00ff00');
    // Row formulas move with their rows.
    sheet.getRange('C1:C4').setFormula('=B1*10');
    sheet.getRange('A1:C4').sort({column: 2, ascending: false});
    expect(sheet.getRange('B1:C4').getValues()).toEqual([
      [2, 20],
      [2, 20],
      [1, 10],
      [1, 10],
    ]);
    expect(sheet.getRange('C1').getFormula()).toBe('=B1*10');
  });

  test('formats, notes, fonts, frozen rows, widths', () => {
    const {sheet} = setup();
    const r = sheet.getRange('A1:B1');
    r.setFontWeight('bold')
      .setBackground('lightgrey')
      .setFontColor('#123456')
      .setNote('Header')
      .setWrap(true)
      .setHorizontalAlignment('center');
    expect(r.getFontWeights()).toEqual([['bold', 'bold']]);
    expect(r.getBackgrounds()).toEqual([['#d3d3d3', '#d3d3d3']]);
    expect(r.getNotes()).toEqual([['Header', 'Header']]);
    expect(sheet.getRange('C1').getBackground()).toBe('#ffffff');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.getColumnWidth(2)).toBe(240);
    expect(sheet.getColumnWidth(3)).toBe(100);
    r.clearFormat();
    expect(r.getFontWeight()).toBe('normal');
    expect(r.getNote()).toBe('Header');
  });

  test('offset, getCell, copyTo (formulas move like a paste), checkboxes, clear', () => {
    const {sheet} = setup();
    const r = sheet.getRange('B2:C3');
    expect(r.offset(1, -1).getA1Notation()).toBe('A3:B4');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => r.offset(-5, 0)).toThrow('The starting row of the range is too small.');
    sheet.getRange('A1:B1').setValues([[2, 3]]);
    sheet.getRange('C1').setFormula('=A1*B1').setBackground('#ffff00');
    sheet.getRange('A1:C1').copyTo(sheet.getRange('A5'));
    expect(sheet.getRange('C5').getFormula()).toBe('=A5*B5');
    expect(sheet.getRange('C5').getValue()).toBe(6);
    expect(sheet.getRange('C5').getBackground()).toBe('#ffff00');
    // developers.google.com/apps-script/reference/spreadsheet/range#insertcheckboxes
    sheet.getRange('E1:E2').insertCheckboxes();
    expect(sheet.getRange('E1:E2').getValues()).toEqual([[false], [false]]);
    expect(sheet.getRange('E1').getDataValidation().getCriteriaType()).toBe('CHECKBOX');
    sheet.getRange('E1').check();
    expect(sheet.getRange('E1').getValue()).toBe(true);
    // clear() removes contents and formats; clear({contentsOnly}) keeps formats.
    sheet.getRange('C5').clear({contentsOnly: true});
    expect(sheet.getRange('C5').getValue()).toBe('');
    expect(sheet.getRange('C5').getBackground()).toBe('#ffff00');
    sheet.getRange('C5').clear();
    expect(sheet.getRange('C5').getBackground()).toBe('#ffffff');
  });

  test('active range and selection set by the host', () => {
    const {app, model, ss} = setup();
    ss.insertSheet('Agenda');
    setActiveRange(model, 'Agenda!B3:C4');
    expect(app.getActiveRange().getA1Notation()).toBe('B3:C4');
    expect(app.getActiveSheet().getName()).toBe('Agenda');
    expect(ss.getSelection().getCurrentCell().getA1Notation()).toBe('B3');
  });

  test('getComputed for the CLI: typed values and display text', () => {
    const {model, sheet} = setup();
    sheet.getRange('A1:B1').setValues([['08/10/2020', '£5']]);
    const got = getComputed(model, 'Sheet1!A1:B1');
    expect(got.display).toEqual([['08/10/2020', '£5.00']]);
    expect(got.values[0][0]).toBeInstanceOf(Date);
    expect(() => getComputed(model, 'Nope!A1')).toThrow('Range not found');
  });
});

describe("errors as Google's", () => {
  test('setValues with the wrong dimensions', () => {
    const {sheet} = setup();
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange('A1:B2').setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });
  test('wrong argument types name the method, as Apps Script does', () => {
    const {sheet} = setup();
    expect(() => sheet.getRange('A1:B1').setValues(['a', 'b'])).toThrow(
      "The parameters (String[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => sheet.getRange('A1').setNotes('x')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setNotes.",
    );
    expect(() => sheet.appendRow('x')).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
    );
  });

  test('coordinates out of range and too small', () => {
    const {sheet} = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange('A1:ZZZ1')).toThrow('Range not found');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
    expect(() => sheet.getColumnWidth(27)).toThrow('Those columns are out of bounds.');
  });
  test('sheet names and the last sheet', () => {
    const {ss} = setup();
    ss.insertSheet('Members');
    expect(() => ss.insertSheet('members')).toThrow(
      'A sheet with the name "members" already exists. Please enter another name.',
    );
    ss.deleteSheet(ss.getSheetByName('Sheet1'));
    expect(() => ss.deleteSheet(ss.getSheetByName('Members'))).toThrow(
      "You can't remove all the sheets in a document.",
    );
    expect(() => ss.getRange('Nowhere!A1')).toThrow('Range not found');
    // Same texts as the Sheets API's (googleapis/google-api-php-client#1293, SteveWinward/GoogleSheetsWrapper#43).
    expect(() => ss.getSheetByName('Members').deleteRows(1, 1000)).toThrow(
      "You can't delete all the rows on the sheet.",
    );
  });
  test('getUi outside a UI context', () => {
    const {app} = setup({});
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    const withUi = setup();
    expect(withUi.app.getUi().alert('x')).toBe('OK');
  });
});

describe('call statistics', () => {
  test('every call is counted by Class.method; internal work is not', () => {
    const {ctx, ss} = setup();
    ctx.stats.reset();
    const sheet = ss.getSheetByName('Sheet1');
    const range = sheet.getRange('A1:B2');
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    range.getValues();
    range.getValues();
    ss.toast('Done');
    expect(ctx.stats.byMethod()).toEqual({
      'Range.getValues': 2,
      'Range.setValues': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
      'Spreadsheet.toast': 1,
    });
    expect(ctx.stats.total).toBe(6);
  });
});
