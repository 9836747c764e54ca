/**
 * Timings of the Sheets emulator for `npm run bench` (scripts/bench.ts may call benchSheets()).
 * Not used by tests: budgets are reported, not asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {newContext} from '../context';
import {createSpreadsheetApp} from './app';
import {newWorkbookModel} from './model';
import {loadXlsx, saveXlsx} from './xlsx';

/**
 * Wall and CPU milliseconds since `t0`: on a shared machine the CPU time of this process is
 * the steadier figure (wall time includes waiting for other processes).
 */
let cpu0 = process.cpuUsage();
function ms(t0: bigint): string {
  const wall = Math.round(Number(process.hrtime.bigint() - t0) / 1e4) / 100;
  const c = process.cpuUsage(cpu0);
  return `${wall} wall / ${Math.round((c.user + c.system) / 10) / 100} cpu`;
}
function start(): bigint {
  cpu0 = process.cpuUsage();
  return process.hrtime.bigint();
}

export async function benchSheets(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const ctx = newContext();
  const model = newWorkbookModel('Bench');

  const app: any = createSpreadsheetApp(ctx, model, {});
  const ss = app.getActiveSpreadsheet();
  const big = ss.insertSheet('Big');
  big.insertRowsAfter(1000, 9100);
  const rows = 10_000;
  const data = Array.from({length: rows}, (_, r) =>
    Array.from({length: 15}, (_, c) =>
      c === 0
        ? `Row ${r}`
        : c === 1
          ? new Date(Date.UTC(2026, 0, 1 + (r % 365)))
          : c === 2
            ? 'Open'
            : r * 15 + c,
    ),
  );
  let t = start();
  big.getRange(1, 1, rows, 15).setValues(data);
  out['setValues 10000x15 (ms)'] = ms(t);
  t = start();
  const got = big.getRange(1, 1, rows, 15).getValues();
  out['getValues 10000x15 (ms)'] = ms(t);
  if (got.length !== rows) throw new Error('bench: wrong read');
  t = start();
  big.getRange(1, 1, rows, 15).setValues(got);
  out['setValues 10000x15 of read values (ms)'] = ms(t);

  const calc = ss.insertSheet('Calc');
  calc.getRange('A1:A1000').setValues(Array.from({length: 1000}, (_, i) => [i]));
  calc.getRange('B1:B1000').setFormula('=A1*2+$C$1');
  calc.getRange('C1').setValue(1);
  t = start();
  calc.getRange('C1').setValue(5);
  out['setValue with 1,000 dependent formulas (ms)'] = ms(t);
  t = start();
  calc.getRange('A500').setValue(7);
  out['setValue with 1 dependent formula among 1,000 (ms)'] = ms(t);
  if (calc.getRange('B500').getValue() !== 19) throw new Error('bench: wrong recalculation');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-sheets-'));
  const file = path.join(dir, 'bench.xlsx');
  t = start();
  await saveXlsx(model, file);
  out['save 10,000-row workbook (ms)'] = ms(t);
  t = start();
  await loadXlsx(file);
  out['load 10,000-row workbook (ms)'] = ms(t);
  fs.rmSync(dir, {recursive: true, force: true});
  return out;
}
