/**
 * Figures for the money issue, for `npm run bench` (scripts/bench.ts may call benchMoney()).
 * Not used by tests: budgets are reported, not asserted (the call count is also asserted in
 * test/e2e-dashboard on the demo group).
 * - "Refresh dashboard" service calls with 10,000 actions and 1,000 contracts (budget: 15).
 * - One cash-flow input edit recalculated in the emulator (budget: 20 ms).
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {main} from '../emulator/cli';
import {BufferIo} from '../emulator/services/io';
import {newContext} from '../emulator/context';
import {createSpreadsheetApp, loadXlsx} from '../emulator/sheets';

const TODAY = '2026-11-23';

const FILL = `
function fillMoneyBench() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  function put(name, rows) {
    var sh = ss.getSheetByName(name);
    var headers = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
    var grid = rows.map(function (o) { return headers.map(function (h) { return o[h] === undefined ? '' : o[h]; }); });
    var start = sh.getLastRow() + 1;
    if (start + grid.length > sh.getMaxRows()) sh.insertRowsAfter(sh.getMaxRows(), start + grid.length - sh.getMaxRows());
    sh.getRange(start, 1, grid.length, headers.length).setValues(grid);
  }
  var statuses = ['Open', 'Ongoing', 'On hold', 'Closed'];
  var people = ['Amina Yusuf', 'Daniel Price', 'Helen Brooks', 'Owen Hughes', 'Priya Desai', 'Tom Okafor'];
  var actions = [];
  for (var i = 0; i < 10000; i++) actions.push({ 'Meeting date': new Date(2026, i % 12, 1), 'Minute no.': String(i), 'Action to be taken by': people[i % 6], 'Action': 'Action ' + i, 'Status': statuses[i % 4], 'Review date': new Date(2026, 10, 1 + (i % 60)) });
  put('Actions', actions);
  var contracts = [];
  for (var j = 0; j < 1000; j++) contracts.push({ 'Reference': 'B-' + j, 'Provider': 'Provider ' + j, 'Lot': 1 + (j % 4), 'Funding type': 'Contract', 'Annual value': 1000 + j, 'Start date': new Date(2024, 3, 1), 'End date': new Date(2026, 11 + (j % 24), 1), 'Status': 'Active' });
  put('Contracts', contracts);
}
`;

async function clerk(argv: string[]): Promise<BufferIo> {
  const io = new BufferIo();
  const code = await main([...argv, '--today', TODAY], io);
  if (code !== 0) throw new Error(`clerk ${argv.join(' ')}: ${io.stderr.join(' ')}`);
  return io;
}

function statsOf(io: BufferIo): {total: number} {
  return JSON.parse(io.stderr.filter(l => l.startsWith('{')).pop() ?? '{"total":-1}');
}

export async function benchMoney(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-money-'));
  const book = path.join(dir, 'big.xlsx');
  const fill = path.join(dir, 'fill.js');
  writeFileSync(fill, FILL);
  await clerk(['new', book, '--demo']);
  await clerk(['exec', book, fill, '--call', 'fillMoneyBench']);
  const first = statsOf(await clerk(['run', book, 'refreshDashboard', '--stats']));
  const again = statsOf(await clerk(['run', book, 'refreshDashboard', '--stats']));
  out[
    'refresh dashboard, 10,000 actions + 1,000 contracts: service calls (first build with charts / refresh)'
  ] =
    // The budget of 15 was set before every menu item checked its caller may edit (4 calls,
    // src/entry/guard.ts); the Dashboard's own share is 13.
    `${first.total} / ${again.total} (budget 15 + the 4-call editor check)`;

  // One cash-flow input edit through the Apps Script API, then the summary read back.
  const model = await loadXlsx(book);

  const ss: any = (createSpreadsheetApp(newContext(), model, {}) as any).getActiveSpreadsheet();
  const cell = ss.getRange("'Cash flow'!G7");
  const payback = ss.getRangeByName('CashFlow_Payback');
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t0 = process.hrtime.bigint();
    cell.setValue(38000 + i);
    payback.getValue();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  out['cash-flow input edit, recalculated and summary read (median / worst of 21, ms)'] =
    `${times[10].toFixed(1)} / ${times[20].toFixed(1)} (budget 20)`;
  return out;
}
