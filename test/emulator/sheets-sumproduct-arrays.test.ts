/**
 * Google Sheets evaluates SUMPRODUCT's arguments as arrays, so a conditional sum such as
 * =SUMPRODUCT((A2:A9="x")*B2:B9) needs no ARRAYFORMULA (support.google.com/docs/answer/3094294,
 * SUMPRODUCT). The emulator's engine does so only inside ARRAYFORMULA: the formula must still
 * compute, and read back and save as written.
 */
import {openWorkbook, type Clerk} from '../driver';

let c: Clerk;
beforeAll(async () => {
  c = await openWorkbook();
});
afterAll(() => c.close());

test('a conditional SUMPRODUCT computes without ARRAYFORMULA, and reads back as written', () => {
  const sh = c.ss.insertSheet('S');
  sh.getRange('A1:B4').setValues([
    ['x', 2],
    ['y', 3],
    ['x', 5],
    ['x', 'text'],
  ]);
  const written = [
    '=SUMPRODUCT((A1:A4="x")*1)',
    '=IF(TRUE,SUMPRODUCT((A1:A4="x")*ISNUMBER(B1:B4)),"")',
    '=ARRAYFORMULA(SUMPRODUCT((A1:A4="x")*1))',
    '="SUMPRODUCT(" & SUMPRODUCT(--(A1:A2="y"))',
  ];
  const out = sh.getRange('D1:D4');
  out.setFormulas(written.map(f => [f]));
  expect(out.getValues()).toEqual([[3], [2], [3], ['SUMPRODUCT(1']]);
  expect(out.getFormulas()).toEqual(written.map(f => [f]));
});
