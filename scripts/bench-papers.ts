/**
 * Papers budgets (issue 6): "Generate agenda pack" (both versions) in at most 40 service calls
 * whatever the size of the registers; an action log of 1,000 actions inside the 6-minute limit
 * in modelled Apps Script time.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {clerk, stats} from './bench-clerk';

// Adds 1,000 actions for the next meeting's log, written the way an officer's paste would land.
const FILL = `
function fillActions() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Actions');
  var headers = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
  var statuses = ['Open', 'Ongoing', 'On hold', 'Closed'];
  var rows = [];
  for (var i = 0; i < 1000; i++) {
    var a = { 'Meeting date': new Date(2025, (i % 8) * 1, 10), 'Minute no.': String(100 + i), 'Report title': 'Report ' + (i % 40),
      'Action to be taken by': 'Amina Yusuf', 'Action': 'Follow-up action number ' + i, 'Status': statuses[i % 4],
      'Review date': new Date(2026, 11, 1 + (i % 28)), 'Date closed': i % 4 === 3 ? new Date(2026, 10, 1) : '' };
    rows.push(headers.map(function (h) { return a[h] === undefined ? '' : a[h]; }));
  }
  var start = sh.getLastRow() + 1;
  if (start + rows.length > sh.getMaxRows()) sh.insertRowsAfter(sh.getMaxRows(), start + rows.length - sh.getMaxRows());
  sh.getRange(start, 1, rows.length, headers.length).setValues(rows);
}
`;

export async function benchPapers(): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-papers-'));
  const book = path.join(dir, 'papers.xlsx');
  await clerk(['new', book, '--demo']);
  // The demo's next meeting (10 December 2026) is on row 6 of Meetings.
  const meetings = await clerk(['get', book, 'Meetings!A1:A8', '--json']);
  const rows = JSON.parse(meetings.stdout.join('\n')) as string[][];
  const row = rows.findIndex(r => r[0] === '2026-12-10') + 1;
  if (row < 2) throw new Error('bench: the demo has no meeting on 10 December 2026');
  const first = stats(
    await clerk(['run', book, 'generateAgendaPack', '--select', `Meetings!A${row}`, '--stats']),
  );
  const again = stats(
    await clerk(['run', book, 'generateAgendaPack', '--select', `Meetings!A${row}`, '--stats']),
  );
  const fill = path.join(dir, 'fill.js');
  writeFileSync(fill, FILL);
  await clerk(['exec', book, fill, '--call', 'fillActions']);
  const log = stats(
    await clerk(['run', book, 'generateActionLog', '--select', `Meetings!A${row}`, '--stats']),
  );
  return {
    'generate agenda pack, both versions: service calls (first / regenerated; budget 40)': `${first.total} / ${again.total}`,
    'generate agenda pack: modelled Apps Script time (first / regenerated)': `${(first.modelledMs / 1000).toFixed(1)} s / ${(again.modelledMs / 1000).toFixed(1)} s`,
    'action log of 1,000+ actions: service calls, modelled time (budget 360 s)': `${log.total} calls, ${(log.modelledMs / 1000).toFixed(1)} s`,
  };
}
