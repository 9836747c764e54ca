/**
 * Workbook budgets (issue 4): service calls of "Set up or repair workbook" (whole run, including
 * the Meetings deadline and money parts it calls) on a new empty workbook, on the demo and on the
 * demo with 10,000 actions appended; of onEdit for one typed cell on a 100-row and a 10,000-row
 * Actions tab (a Status change, which stamps dates, and a plain Comments edit), the same edits on
 * 100 rows with the change log switched on (issue 16: the log's installable trigger adds its own
 * calls to each edit); and of one paste of 500 rows with 3 bad cells (`clerk import`). Set-up's
 * calls must not grow with the rows.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {clerk, stats} from './bench-clerk';

const show = (s: {total: number; modelledMs: number}) =>
  `${s.total} calls, ${(s.modelledMs / 1000).toFixed(1)} s`;

// Appends N actions after the last row, the way an officer's paste would land (one setValues).
const FILL = `
function fillActions(n) {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Actions');
  var headers = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0];
  var statuses = ['Open', 'Ongoing', 'On hold', 'Closed'];
  var rows = [];
  for (var i = 0; i < n; i++) {
    var a = { 'Meeting date': new Date(2025, i % 8, 10), 'Minute no.': String(100 + i), 'Report title': 'Report ' + (i % 40),
      'Action to be taken by': 'Amina Yusuf', 'Action': 'Follow-up action number ' + i, 'Comments': 'Note ' + i, 'Status': statuses[i % 4],
      'Review date': new Date(2026, 11, 1 + (i % 28)), 'Date closed': i % 4 === 3 ? new Date(2026, 10, 1) : '' };
    rows.push(headers.map(function (h) { return a[h] === undefined ? '' : a[h]; }));
  }
  var start = sh.getLastRow() + 1;
  if (start + rows.length > sh.getMaxRows()) sh.insertRowsAfter(sh.getMaxRows(), start + rows.length - sh.getMaxRows());
  sh.getRange(start, 1, rows.length, headers.length).setValues(rows);
}
`;

/**
 * onEdit calls for the four edits issue 10 budgets, each on a row of its own (so one edit's
 * stamp does not save the next one a write): a valid edit that writes nothing (Meetings Notes,
 * goal <= 4), a Comments edit that stamps Last updated (<= 5), Status -> Closed (<= 6), a value
 * flagged and kept (a Review date that is not a date, <= 6; 7: see test/workbook-edit-calls).
 */
async function edits(book: string): Promise<string> {
  const grid = async (range: string) =>
    JSON.parse((await clerk(['get', book, range, '--json'])).stdout.join('\n')) as unknown[][];
  const letter = (headers: unknown[], h: string) => {
    const i = headers.indexOf(h);
    if (i < 0) throw new Error(`bench: no "${h}" column`);
    return String.fromCharCode(65 + i);
  };
  const meetings = (await grid('Meetings!A1:Z1'))[0];
  const actions = await grid('Actions!A1:Z');
  const status = actions[0].indexOf('Status');
  // Open actions, not last updated today, below the first few rows.
  const open = actions
    .map((r, i) => ({r, row: i + 1}))
    .filter(x => x.row >= 5 && x.r[status] === 'Open')
    .map(x => x.row);
  const run = async (a1: string, value: string) =>
    stats(await clerk(['edit', book, a1, value, '--stats'])).total;
  const nothing = await run(`Meetings!${letter(meetings, 'Notes')}5`, 'Room booked');
  const comment = await run(`Actions!${letter(actions[0], 'Comments')}${open[0]}`, 'Chased');
  const closed = await run(`Actions!${letter(actions[0], 'Status')}${open[1]}`, 'Closed');
  const flagged = await run(
    `Actions!${letter(actions[0], 'Review date')}${open[2]}`,
    'next Tuesday',
  );
  return `${nothing} / ${comment} / ${closed} / ${flagged}`;
}

export async function benchWorkbook(): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-workbook-'));
  const fill = path.join(dir, 'fill.js');
  writeFileSync(fill, FILL);

  const empty = path.join(dir, 'empty.xlsx');
  const newEmpty = stats(await clerk(['new', empty, '--stats']));
  const repairEmpty = stats(await clerk(['run', empty, 'setUpWorkbook', '--stats']));

  const demo = path.join(dir, 'demo.xlsx');
  await clerk(['new', demo, '--demo']);
  const repairDemo = stats(await clerk(['run', demo, 'setUpWorkbook', '--stats']));

  const big = path.join(dir, 'big.xlsx');
  await clerk(['new', big, '--demo']);
  await clerk(['exec', big, fill, '--call', 'fillActions', '--args', '[10000]']);
  const repairBig = stats(await clerk(['run', big, 'setUpWorkbook', '--stats']));
  const editsBig = await edits(big);

  const small = path.join(dir, 'small.xlsx');
  await clerk(['new', small, '--demo']);
  await clerk(['exec', small, fill, '--call', 'fillActions', '--args', '[100]']);
  const editsSmall = await edits(small);

  // The same edits with the change log on: the simple onEdit's calls plus the trigger's own.
  const logged = path.join(dir, 'logged.xlsx');
  await clerk(['new', logged, '--demo']);
  await clerk(['exec', logged, fill, '--call', 'fillActions', '--args', '[100]']);
  await clerk(['run', logged, 'switchChangeLogOn', '--as', 'clerk@example.org']);
  const editsLogged = await edits(logged);

  // 500 rows pasted below the demo's actions: 3 bad cells (an unknown Status, a date that is not one, a missing owner).
  const paste = path.join(dir, 'paste.xlsx');
  await clerk(['new', paste, '--demo']);
  const lines = [
    'Meeting date,Minute no.,Report title,Action to be taken by,Action,Comments,Status,Review date,Date closed,Last updated',
  ];
  for (let i = 0; i < 500; i++) {
    const status = i === 10 ? 'Finished' : i % 4 === 0 ? 'closed' : 'Open';
    const review = i === 20 ? 'next Tuesday' : '15/01/2027';
    const by = i === 30 ? '' : 'Helen Brooks';
    lines.push(`10/09/2026,${i + 1},Imported,${by},Action number ${i + 1},,${status},${review},,`);
  }
  const csv = path.join(dir, 'actions.csv');
  writeFileSync(csv, lines.join('\n') + '\n');
  const pasted = stats(await clerk(['import', paste, 'Actions', csv, '--stats']));

  return {
    'set up a new empty workbook (clerk new): service calls, modelled time': show(newEmpty),
    'repair the set-up empty workbook: service calls, modelled time': show(repairEmpty),
    'repair the demo: service calls, modelled time': show(repairDemo),
    'repair the demo with 10,000 more actions: service calls, modelled time': show(repairBig),
    'onEdit, 100 rows: service calls (writes nothing / stamps Last updated / Status Closed / flagged)':
      editsSmall,
    'onEdit, 10,000+ rows: service calls (writes nothing / stamps Last updated / Status Closed / flagged)':
      editsBig,
    'onEdit, 100 rows, change log on: service calls (writes nothing / stamps Last updated / Status Closed / flagged)':
      editsLogged,
    'paste of 500 action rows with 3 bad cells (clerk import): service calls, modelled time':
      show(pasted),
  };
}
