/**
 * Sheets data fidelity, run as a script in the script's own realm (issue #12).
 * References: developers.google.com/apps-script/reference/spreadsheet/range (getValue, setValue,
 * setFormulas, setFormulaR1C1, getA1Notation, check, uncheck, removeCheckboxes, isChecked);
 * support.google.com/docs/answer/56470 (Automatic number formats).
 */
import {scriptRealm, type Realm} from './conformance-harness';

let realm: Realm;
beforeAll(async () => {
  realm = await scriptRealm();
});
afterAll(() => realm.ws.discard());

const sheet = 'var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];';

describe('numbers are stored as the doubles they are', () => {
  test.each([[1796153344717], [123456789012345], [0.1 + 0.2], [-1e-12], [2 ** 53 - 1]])(
    'setValue(%p) reads back exactly',
    n => {
      expect(
        realm.gas(`${sheet} s.getRange('A1').setValue(${n}); return s.getRange('A1').getValue();`),
      ).toBe(n);
    },
  );
  test('a formula keeps the double it computes (=0.1+0.2)', () => {
    expect(
      realm.gas(
        `${sheet} s.getRange('A2').setFormula('=0.1+0.2'); return s.getRange('A2').getValue();`,
      ),
    ).toBe(0.30000000000000004);
  });
});

describe('formula results keep the type of what they refer to (Automatic format)', () => {
  const setup = `${sheet}
    var other = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Other tab');
    other.getRange('D2').setValue(new Date(2020, 9, 8));
    s.getRange('B1').setValue(new Date(2020, 0, 5));
    s.getRange('B2').setValue(12.5).setNumberFormat('£#,##0.00');
    s.getRange('B3').setValue(0.25).setNumberFormat('0%');`;
  let out: Record<string, [string, string, number | string]>;
  beforeAll(() => {
    out = realm.gas(`${setup}
      var cells = {C1: '=B1', C2: '=B1+7', C3: "='Other tab'!D2", C4: '=WORKDAY(DATE(2020,10,8),-6)',
        C5: '=B2*2', C6: '=B3*2', C7: "='Other tab'!D2-B1", C8: '=YEAR(B1)', C9: '=EDATE(B1,1)', C10: '=C2'};
      var out = {};
      for (var a1 in cells) {
        var r = s.getRange(a1).setFormula(cells[a1]);
        var v = r.getValue();
        out[a1] = [v instanceof Date ? 'Date' : typeof v, r.getDisplayValue(), v instanceof Date ? v.getTime() : v];
      }
      return JSON.parse(JSON.stringify(out));`);
  });
  test('=B1 where B1 is a date gives a Date shown as a date', () => {
    expect(out.C1).toEqual(['Date', '05/01/2020', Date.UTC(2020, 0, 5)]);
  });
  test('=B1+7 is a date seven days on', () => {
    expect(out.C2).toEqual(['Date', '12/01/2020', Date.UTC(2020, 0, 12)]);
  });
  test('a cross-tab reference to a date is a date', () => {
    expect(out.C3.slice(0, 2)).toEqual(['Date', '08/10/2020']);
  });
  test('WORKDAY gives a date', () => {
    expect(out.C4.slice(0, 2)).toEqual(['Date', '30/09/2020']);
  });
  test('currency and percent follow the cell they come from', () => {
    expect(out.C5).toEqual(['number', '£25.00', 25]);
    expect(out.C6).toEqual(['number', '50%', 0.5]);
  });
  test('a date minus a date, and YEAR(), are plain numbers', () => {
    expect(out.C7).toEqual(['number', '277', 277]);
    expect(out.C8).toEqual(['number', '2020', 2020]);
  });
  test('EDATE and a chain of references stay dates', () => {
    expect(out.C9.slice(0, 2)).toEqual(['Date', '05/02/2020']);
    expect(out.C10.slice(0, 2)).toEqual(['Date', '12/01/2020']);
  });
});

describe('arrays and Dates made in the script realm are accepted', () => {
  test('setFormulas with an array built by map (set-up formula repair)', () => {
    expect(
      realm.gas(`${sheet}
        var f = [1, 2, 3].map(function (n) { return ['=ROW()*' + n]; });
        s.getRange('E1:E3').setFormulas(f);
        return s.getRange('E1:E3').getValues().map(function (r) { return r[0]; }).join(',');`),
    ).toBe('1,4,9');
  });
  test('setValues, setNumberFormats, setNotes, setBackgrounds, setFontWeights with mapped arrays', () => {
    expect(
      realm.gas(`${sheet}
        var r = s.getRange('F1:G1');
        r.setValues([[new Date(2026, 2, 10), 3].map(function (x) { return x; })]);
        r.setNumberFormats([['yyyy-mm-dd', '0.00'].map(String)]);
        r.setNotes([['a', 'b'].map(String)]);
        r.setBackgrounds([['red', '#00ff00'].map(String)]);
        r.setFontWeights([['bold', 'normal'].map(String)]);
        return [r.getDisplayValues()[0], r.getNotes()[0], r.getBackgrounds()[0], r.getFontWeights()[0]]
          .map(function (x) { return x.join('|'); }).join(' ');`),
    ).toBe('2026-03-10|3.00 a|b #ff0000|#00ff00 bold|normal');
  });
});

describe('A1 and R1C1 notation', () => {
  test("whole rows and columns keep their form ('5:7', 'D:F')", () => {
    expect(
      realm.gas(`${sheet} return [s.getRange('5:7').getA1Notation(), s.getRange('D:F').getA1Notation(),
        s.getRange('D:F').getNumRows(), s.getRange('B2:C3').getA1Notation()].join(' ');`),
    ).toBe('5:7 D:F 1000 B2:C3');
  });
  test("getRange('R5C3') and 'R1C1:R2C2'", () => {
    expect(
      realm.gas(
        `${sheet} return [s.getRange('R5C3').getA1Notation(), s.getRange('R1C1:R2C2').getA1Notation()].join(' ');`,
      ),
    ).toBe('C5 A1:B2');
  });
  test('R1C1 forms as Sheets writes them: mixed, ranges, [0] offsets, text left alone', () => {
    expect(
      realm.gas(`${sheet}
        var d4 = s.getRange('D4'); d4.setFormulaR1C1('=R[1]C1');
        var a = d4.getFormula();
        d4.setFormulaR1C1('=R1C[1]');
        var b3 = s.getRange('B3'); b3.setFormula('=SUM($A$1:B$2)');
        var h15 = s.getRange('H15'); h15.setFormulaR1C1('=R[-1]C & " R1C1 not a ref"');
        var r = s.getRange('B10:C11'); r.setFormulasR1C1([['=R[1]C', '=R1C1'], ['=R[-1]C[-1]', 'Value']]);
        return JSON.stringify([a, d4.getFormula(), b3.getFormulaR1C1(), h15.getFormula(), h15.getFormulaR1C1(),
          r.getFormulas(), r.getFormulasR1C1(), s.getRange('R10C5:R1C2').getA1Notation(),
          s.getRange('r1c1:r2c2').getA1Notation()]);`),
    ).toBe(
      JSON.stringify([
        '=$A5',
        '=E$1',
        '=SUM(R1C1:R2C[0])',
        '=H14 & " R1C1 not a ref"',
        '=R[-1]C[0] & " R1C1 not a ref"',
        [
          ['=B11', '=$A$1'],
          ['=A10', '=Value'],
        ],
        [
          ['=R[1]C[0]', '=R1C1'],
          ['=R[-1]C[-1]', '=Value'],
        ],
        'B1:E10',
        'A1:B2',
      ]),
    );
  });
  test('setFormulaR1C1 is relative to each cell; getFormulaR1C1 gives it back', () => {
    expect(
      realm.gas(`${sheet}
        s.getRange('H1:H3').setValues([[1], [2], [3]]);
        s.getRange('I1:I3').setFormulaR1C1('=RC[-1]*10+R1C8');
        return [s.getRange('I2').getFormula(), s.getRange('I3').getValue(),
          s.getRange('I3').getFormulaR1C1(), s.getRange('I1:I2').getFormulasR1C1().join('|')].join(' ');`),
    ).toBe('=H2*10+$H$1 31 =R[0]C[-1]*10+R1C8 =R[0]C[-1]*10+R1C8|=R[0]C[-1]*10+R1C8');
  });
});

describe('checkboxes never lose data', () => {
  test('check() and uncheck() leave text cells and cells without a checkbox alone', () => {
    expect(
      realm.gas(`${sheet}
        s.getRange('J1:J3').setValues([['keep me'], [''], ['']]);
        s.getRange('J2:J3').insertCheckboxes();
        s.getRange('J1:J3').check();
        var a = s.getRange('J1:J3').getValues().join(',');
        s.getRange('J1:J3').uncheck();
        return a + ' / ' + s.getRange('J1:J3').getValues().join(',');`),
    ).toBe('keep me,true,true / keep me,false,false');
  });
  test('custom checked and unchecked values are used, and other values are ignored', () => {
    expect(
      realm.gas(`${sheet}
        s.getRange('K1:K3').insertCheckboxes('yes', 'no');
        s.getRange('K3').setValue('maybe');
        s.getRange('K1:K3').check();
        var a = s.getRange('K1:K3').getValues().join(',') + ' ' + s.getRange('K1:K2').isChecked();
        s.getRange('K1').uncheck();
        return a + ' / ' + s.getRange('K1:K3').getValues().join(',') + ' ' + s.getRange('K1:K2').isChecked();`),
    ).toBe('yes,yes,maybe true / no,yes,maybe null');
  });
  test('removeCheckboxes clears the validation and the checkbox values, not other text', () => {
    expect(
      realm.gas(`${sheet}
        s.getRange('L1:L2').insertCheckboxes();
        s.getRange('L1').check();
        s.getRange('L3').setValue('note');
        s.getRange('L1:L3').removeCheckboxes();
        return JSON.stringify([s.getRange('L1:L3').getValues(), s.getRange('L1').getDataValidation()]);`),
    ).toBe('[[[""],[""],["note"]],null]');
  });
});

describe('a whole-tab read past the last value', () => {
  // The emulator reads the engine only down to the last row with a value (emulator/sheets/cells.ts
  // engineRange); what lies below must read as Sheets gives it: '' for blank cells, and each value,
  // Date and display text wherever it is.
  test('getValues and getDisplayValues of A1:Z give blanks below, and values however far down', () => {
    const out = realm.gas(`
      var s = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Sparse');
      s.getRange('A1').setValue('Name');
      s.getRange('C2').setFormula('=SUM(D1:D1000)');
      s.getRange('Y999').setValue(new Date(2026, 10, 23)).setNumberFormat('dd/mm/yyyy');
      s.getRange('B998').setValue('zip').setNumberFormat('"Code "@');
      s.getRange('F5').setNumberFormat('0.00');
      var r = s.getRange('A1:Z');
      var v = r.getValues(), d = r.getDisplayValues();
      return {rows: v.length, cols: v[0].length, a1: v[0][0], c2: v[1][2], f5: v[4][5], f5d: d[4][5],
        y999: v[998][24] instanceof Date ? v[998][24].getTime() : v[998][24], y999d: d[998][24],
        b998d: d[997][1], z1000: v[999][25], blank: v[500].join('')};`);
    expect(out).toEqual({
      rows: 1000,
      cols: 26,
      a1: 'Name',
      c2: 0,
      f5: '',
      f5d: '',
      y999: Date.UTC(2026, 10, 23),
      y999d: '23/11/2026',
      b998d: 'Code zip',
      z1000: '',
      blank: '',
    });
  });
  test('getFormulas finds a formula whose result is blank, below every value', () => {
    const out = realm.gas(`
      var s = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Formula below');
      s.getRange('A1').setValue('x');
      s.getRange('B900').setFormula('=IF(A1="x","","y")');
      var r = s.getRange('A1:C');
      return {f: r.getFormulas()[899][1], v: r.getValues()[899][1]};`);
    expect(out).toEqual({f: '=IF(A1="x","","y")', v: ''});
  });
});

// A cell of Sheets holds at most 50,000 characters; Apps Script refuses more with
// "Exception: Your input contains more than the maximum of 50000 characters in a single cell."
// The whole write is refused: no value of it, nor a format a Date would bring, is kept.
test('text over 50,000 characters a cell is refused with Sheets’ message, and nothing is written', () => {
  expect(
    JSON.parse(
      realm.gas<string>(`${sheet}
        s.getRange('C1:D1').setValues([['before', 'before']]);
        var error = '';
        try { s.getRange('C1:D1').setValues([[new Date(2026, 0, 5), 'x'.repeat(50001)]]); } catch (e) { error = e.message; }
        s.getRange('E1').setValue('y'.repeat(50000));
        return JSON.stringify([error, s.getRange('C1:D1').getValues(), s.getRange('C1').getNumberFormat(),
          s.getRange('E1').getValue().length]);`),
    ),
  ).toEqual([
    'Your input contains more than the maximum of 50000 characters in a single cell.',
    [['before', 'before']],
    '0.###############', // Sheets' number format of a cell never given one
    50000,
  ]);
});
