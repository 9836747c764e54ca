/**
 * A named range of whole columns ('Contracts'!$F:$F) counts every row of the sheet, also rows
 * filled or added later, as Sheets' whole columns do (developers.google.com/apps-script/
 * reference/spreadsheet/spreadsheet#setNamedRange(String,Range)). HyperFormula's own
 * whole-column named expressions gave #N/A in the Dashboard's array formulas once a register
 * grew by a row written with setValues (a paste, an import, a script), so the emulator closes
 * them at the sheet's last row and re-closes them when rows are added.
 */
import {openWorkbook, type Clerk} from '../driver';

let c: Clerk;
beforeAll(async () => {
  c = await openWorkbook({demo: true});
  c.run('refreshDashboard');
});
afterAll(() => c.close());

/** The Dashboard's count and annual value of all contracts ending soon (the row under its heading). */
const ending = () => {
  const rows = c.cells('Dashboard!A1:C120');
  const at = rows.findIndex(r => r[0] === 'Contracts ending soon');
  expect(rows[at + 1][0]).toBe('All');
  return rows[at + 1].slice(1) as [number, number];
};

const errors = () =>
  c
    .cells('Dashboard!A1:D120')
    .flat()
    .filter(v => /^#[A-Z/0!?]+/.test(String(v)));

test('a contract row written under the last one counts on the Dashboard, with no error cell', () => {
  const sh = c.ss.getSheetByName('Contracts')!;
  const [count, value] = ending();
  const row = sh.getLastRow() + 1;
  sh.getRange(row, 1, 1, 2).setValues([['NC-999', 'Rowan Care Ltd']]);
  sh.getRange(row, 6).setValue(1000); // Annual value
  sh.getRange(row, 8).setValue(new Date(2026, 11, 31)); // End date, in the window
  expect(errors()).toEqual([]);
  expect(ending()).toEqual([count + 1, value + 1000]);
});

test('and rows added past the last row of the sheet count too', () => {
  const sh = c.ss.getSheetByName('Contracts')!;
  const [count, value] = ending();
  sh.insertRowsAfter(sh.getMaxRows(), 100);
  const row = sh.getMaxRows();
  sh.getRange(row, 1, 1, 2).setValues([['NC-998', 'Alder Homes']]);
  sh.getRange(row, 6).setValue(500);
  sh.getRange(row, 8).setValue(new Date(2026, 11, 30));
  expect(errors()).toEqual([]);
  expect(ending()).toEqual([count + 1, value + 500]);
  // The name still reads as written.
  expect(c.ss.getRangeByName('Contracts_AnnualValue')!.getA1Notation()).toBe('F:F');
});
