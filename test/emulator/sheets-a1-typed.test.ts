/**
 * A1 notation, typed-input parsing and display formats.
 * Sources: developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(String)
 * (A1 forms incl. 'B5:B' open-ended and whole rows/columns), support.google.com/docs/answer/58515
 * (locale decides how typed dates are read), support.google.com/docs/answer/56470 (number formats).
 */
import {parseA1, resolveRef, rectToA1, shiftRect, splitSheet} from '../../emulator/sheets/a1';
import {parseTypedInput} from '../../emulator/sheets/typed-input';
import {formatValue, isDateFormat} from '../../emulator/sheets/format';
import {ymdToSerial} from '../../emulator/sheets/dates';
import {shiftFormula} from '../../emulator/sheets/formula-shift';

const at = (a1: string, rows = 1000, cols = 26) => resolveRef(parseA1(a1)!, rows, cols);

describe('A1 notation', () => {
  test('single cells, rectangles and $ signs', () => {
    expect(at('A1')).toEqual({row: 1, col: 1, numRows: 1, numCols: 1});
    expect(at('$B$2:D5')).toEqual({row: 2, col: 2, numRows: 4, numCols: 3});
    expect(at('AA10')).toEqual({row: 10, col: 27, numRows: 1, numCols: 1});
    expect(at('C3:A1')).toEqual({row: 1, col: 1, numRows: 3, numCols: 3});
  });
  test('open-ended, whole columns and whole rows run to the sheet edge', () => {
    expect(at('B5:B')).toEqual({row: 5, col: 2, numRows: 996, numCols: 1});
    expect(at('B:B')).toEqual({row: 1, col: 2, numRows: 1000, numCols: 1});
    expect(at('B:D')).toEqual({row: 1, col: 2, numRows: 1000, numCols: 3});
    expect(at('5:5')).toEqual({row: 5, col: 1, numRows: 1, numCols: 26});
    expect(at('2:4')).toEqual({row: 2, col: 1, numRows: 3, numCols: 26});
  });
  test('sheet prefixes, quoted when the name has spaces', () => {
    expect(splitSheet("'Cash flow'!A1:B2")).toEqual({sheetName: 'Cash flow', part: 'A1:B2'});
    expect(splitSheet("'Bob''s tab'!A1")).toEqual({sheetName: "Bob's tab", part: 'A1'});
    expect(splitSheet('Members!C:C')).toEqual({sheetName: 'Members', part: 'C:C'});
  });
  test('malformed references are refused', () => {
    for (const bad of ['', 'B', '5', 'A1:B2:C3', '1A', 'A0x', 'A1:', 'ABCD1'])
      expect(parseA1(bad)).toBeUndefined();
  });
  test('getA1Notation text', () => {
    expect(rectToA1({row: 1, col: 1, numRows: 1, numCols: 1})).toBe('A1');
    expect(rectToA1({row: 2, col: 3, numRows: 10, numCols: 2})).toBe('C2:D11');
  });
  test('rule ranges move with inserted and deleted rows', () => {
    const r = {row: 5, col: 1, numRows: 4, numCols: 1};
    expect(shiftRect(r, 'row', 2, 3)).toEqual({...r, row: 8});
    expect(shiftRect(r, 'row', 6, 2)).toEqual({...r, numRows: 6});
    expect(shiftRect(r, 'row', 2, -2)).toEqual({...r, row: 3});
    expect(shiftRect(r, 'row', 4, -2)).toEqual({...r, row: 4, numRows: 3});
    expect(shiftRect(r, 'row', 5, -4)).toBeUndefined();
  });
  test('custom-formula references move relative to the rule anchor', () => {
    expect(shiftFormula('=AND(ISNUMBER(B2),B2>$A$1,"B2"<>C2)', 3, 1)).toBe(
      '=AND(ISNUMBER(C5),C5>$A$1,"B2"<>D5)',
    );
    expect(shiftFormula("=COUNTIF('Cash flow'!A:A,A2)>0", 1, 0)).toBe(
      "=COUNTIF('Cash flow'!A:A,A3)>0",
    );
  });
});

describe('typed input (what a person types, and setValue strings)', () => {
  test('UK dates: day first, real days only', () => {
    expect(parseTypedInput('08/10/2020')).toEqual({
      value: ymdToSerial(2020, 10, 8),
      numberFormat: 'dd/mm/yyyy',
    });
    expect(parseTypedInput('8/10/2020').value).toBe(44112);
    expect(parseTypedInput('2020-10-08')).toEqual({value: 44112, numberFormat: 'yyyy-mm-dd'});
    expect(parseTypedInput('8 October 2020')).toEqual({value: 44112, numberFormat: 'd mmmm yyyy'});
    expect(parseTypedInput('8 Oct 2020').value).toBe(44112);
    expect(parseTypedInput('31/02/2021')).toEqual({value: '31/02/2021'});
    expect(parseTypedInput('13/13/2020')).toEqual({value: '13/13/2020'});
    expect(parseTypedInput('08/10/2020', 'en_US').value).toBe(ymdToSerial(2020, 8, 10));
  });
  test('times and date-times', () => {
    expect(parseTypedInput('10:00')).toEqual({value: 10 / 24, numberFormat: 'hh:mm'});
    expect(parseTypedInput('2:30 pm').value).toBeCloseTo(14.5 / 24, 10);
    expect(parseTypedInput('25:00')).toEqual({value: '25:00'});
    const dt = parseTypedInput('08/10/2020 10:00');
    expect(dt.value).toBeCloseTo(44112 + 10 / 24, 10);
    expect(dt.numberFormat).toBe('dd/mm/yyyy hh:mm');
  });
  test('numbers, money, percentages', () => {
    expect(parseTypedInput('£1,234.50')).toEqual({value: 1234.5, numberFormat: '£#,##0.00'});
    expect(parseTypedInput('-£20')).toEqual({value: -20, numberFormat: '£#,##0.00'});
    expect(parseTypedInput('20%')).toEqual({value: 0.2, numberFormat: '0%'});
    expect(parseTypedInput('1,234')).toEqual({value: 1234, numberFormat: '#,##0'});
    expect(parseTypedInput('42')).toEqual({value: 42});
    expect(parseTypedInput('-3.5')).toEqual({value: -3.5});
    expect(parseTypedInput('1,23')).toEqual({value: '1,23'});
  });
  test('booleans, formulas, apostrophe, plain text', () => {
    expect(parseTypedInput('TRUE')).toEqual({value: true});
    expect(parseTypedInput('false')).toEqual({value: false});
    expect(parseTypedInput('=SUM(A1:A3)')).toEqual({value: '=SUM(A1:A3)', formula: '=SUM(A1:A3)'});
    expect(parseTypedInput("'08/10/2020")).toEqual({value: '08/10/2020'});
    expect(parseTypedInput("'=not a formula")).toEqual({value: '=not a formula'});
    expect(parseTypedInput('Adults Committee')).toEqual({value: 'Adults Committee'});
    expect(parseTypedInput('')).toEqual({value: ''});
  });
});

describe('display formats', () => {
  test('dates and times', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('hh:mm')).toBe(true);
    expect(isDateFormat('£#,##0.00')).toBe(false);
    expect(isDateFormat('0%')).toBe(false);
    expect(formatValue(44112, 'dd/mm/yyyy')).toBe('08/10/2020');
    expect(formatValue(44112, 'd mmmm yyyy')).toBe('8 October 2020');
    expect(formatValue(44112, 'ddd d mmm yy')).toBe('Thu 8 Oct 20');
    expect(formatValue(44112 + 14.5 / 24, 'dd/mm/yyyy hh:mm')).toBe('08/10/2020 14:30');
    expect(formatValue(14.5 / 24, 'h:mm am/pm')).toBe('2:30 pm');
    expect(formatValue(10 / 24, 'hh:mm')).toBe('10:00');
  });
  test('numbers, currency, percentages, sections', () => {
    expect(formatValue(1234.5, '£#,##0.00')).toBe('£1,234.50');
    expect(formatValue(-1234.5, '£#,##0.00')).toBe('-£1,234.50');
    expect(formatValue(-1234.5, '£#,##0.00;(£#,##0.00)')).toBe('(£1,234.50)');
    expect(formatValue(0.2, '0%')).toBe('20%');
    expect(formatValue(0.125, '0.0%')).toBe('12.5%');
    expect(formatValue(1234567, '#,##0')).toBe('1,234,567');
    expect(formatValue(3.14159, '0.00')).toBe('3.14');
    expect(formatValue(0.1 + 0.2, undefined)).toBe('0.3');
    expect(formatValue(true, undefined)).toBe('TRUE');
    expect(formatValue('text', '£#,##0.00')).toBe('text');
  });
});
