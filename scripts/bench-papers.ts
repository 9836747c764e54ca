/**
 * Papers budgets: "Generate agenda pack" (the agenda Docs and the full and public PDF packs) for
 * the demo's next meeting with N linked papers (issue 14's goal: 20 + 3N service calls), its
 * modelled Apps Script time and wall time in the emulator; "Send papers" for that meeting to
 * every member and the mailing list (issue 15: its service calls beyond one per message); an
 * action log of 1,000 actions inside the 6-minute limit in modelled Apps Script time.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PDFDocument, StandardFonts} from 'pdf-lib';
import {runToEnd} from '../src/papers/sync-run';
import {clerk, stats} from './bench-clerk';

/** A two-page PDF paper, as an officer would upload one. */
function paperPdf(title: string): Uint8Array {
  const doc = runToEnd(() => PDFDocument.create());
  const font = runToEnd(() => doc.embedFont(StandardFonts.Helvetica));
  for (let k = 1; k <= 2; k++)
    doc.addPage([595, 842]).drawText(`${title}, page ${k}`, {x: 72, y: 760, size: 14, font});
  return runToEnd(() => doc.save());
}

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

/** A run's service calls by method, from its `--stats` line. */
function callsOf(io: Awaited<ReturnType<typeof clerk>>): Record<string, number> {
  const line = io.stderr.filter(l => l.startsWith('{')).pop() ?? '{}';
  return (JSON.parse(line) as {calls?: Record<string, number>}).calls ?? {};
}

/** The calls of a run that leave the script (everything but Utilities: newBlob, zip, formatDate). */
function remoteCalls(io: Awaited<ReturnType<typeof clerk>>): number {
  return Object.entries(callsOf(io))
    .filter(([k]) => !k.startsWith('Utilities.'))
    .reduce((n, [, v]) => n + v, 0);
}

export async function benchPapers(): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-papers-'));
  const book = path.join(dir, 'papers.xlsx');
  await clerk(['new', book, '--demo']);
  // The demo's next meeting (10 December 2026) is on row 6 of Meetings.
  const meetings = await clerk(['get', book, 'Meetings!A1:A8', '--json']);
  const rows = JSON.parse(meetings.stdout.join('\n')) as string[][];
  const row = rows.findIndex(r => r[0] === '2026-12-10') + 1;
  if (row < 2) throw new Error('bench: the demo has no meeting on 10 December 2026');
  // Link N PDF papers to the meeting's non-standing items, one more each round.
  const agenda = JSON.parse(
    (await clerk(['get', book, 'Agenda!A1:P60', '--json'])).stdout.join('\n'),
  ) as unknown[][];
  const head = agenda[0].map(String);
  const linkCol = String.fromCharCode(65 + head.indexOf('Paper link'));
  const targets = agenda
    .map((r, k) => ({r, row: k + 1}))
    .filter(x => x.r[head.indexOf('Meeting date')] === '2026-12-10')
    .filter(
      x =>
        x.r[head.indexOf('Standing item')] !== true && x.r[head.indexOf('Standing item')] !== 'Yes',
    );
  const runs: {n: number; calls: number; remote: number; modelled: number; wall: number}[] = [];
  for (const n of [0, 2, 4]) {
    for (let k = runs.length ? [0, 2, 4][runs.length - 1] : 0; k < n && k < targets.length; k++) {
      const file = path.join(dir, `paper${k}.pdf`);
      writeFileSync(file, paperPdf(`Paper ${k + 1}`));
      const id = `benchPaperPdf000${k}`;
      await clerk(['drive', book, 'add', file, '--id', id]);
      await clerk([
        'edit',
        book,
        `Agenda!${linkCol}${targets[k].row}`,
        `https://drive.google.com/file/d/${id}/view`,
      ]);
    }
    const t0 = Date.now();
    const io = await clerk([
      'run',
      book,
      'generateAgendaPack',
      '--select',
      `Meetings!A${row}`,
      '--stats',
    ]);
    const wall = Date.now() - t0;
    const run = stats(io);
    runs.push({n, calls: run.total, remote: remoteCalls(io), modelled: run.modelledMs, wall});
  }
  // Send papers for the same meeting (its packs made above): every member and the mailing list.
  const select = ['--select', `Meetings!A${row}`, '--stats'];
  const send = await clerk(['run', book, 'sendPapers', '--answer', 'yes', ...select]);
  const messages = callsOf(send)['MailApp.sendEmail'] ?? 0;
  const sendRun = stats(send);
  const fill = path.join(dir, 'fill.js');
  writeFileSync(fill, FILL);
  await clerk(['exec', book, fill, '--call', 'fillActions']);
  const log = stats(
    await clerk(['run', book, 'generateActionLog', '--select', `Meetings!A${row}`, '--stats']),
  );
  const out: Record<string, string> = {};
  for (const r of runs)
    out[
      `agenda pack with ${r.n} linked papers: service calls (goal ${20 + 3 * r.n}), modelled time, wall time`
    ] =
      `${r.calls} calls (${r.remote} to Sheets, Drive, Docs and the UI; the rest Utilities), ${(r.modelled / 1000).toFixed(1)} s modelled, ${(r.wall / 1000).toFixed(1)} s wall`;
  out[`send papers to N = ${messages}: service calls (35 + N; issue 15's goal 10 + N)`] =
    `${sendRun.total} calls = ${sendRun.total - messages} + N, ${(sendRun.modelledMs / 1000).toFixed(1)} s modelled`;
  out['action log of 1,000+ actions: service calls, modelled time (budget 360 s)'] =
    `${log.total} calls, ${(log.modelledMs / 1000).toFixed(1)} s`;
  return out;
}
