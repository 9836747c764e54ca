/**
 * Drives the real `clerk` command line (DESIGN.md §6) for the governance end-to-end tests, and
 * loads fixture rows into a workbook with one `clerk exec` (a small Apps Script file that
 * writes each tab with one setValues, creating tabs from the schema's headers if needed).
 */
import {spawn, ChildProcessWithoutNullStreams} from 'node:child_process';
import {createInterface} from 'node:readline';
import {mkdtempSync, writeFileSync, readdirSync, existsSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {SCHEMA, SETTINGS, TAB, tabSpec} from '../../src/workbook/schema';
import {formulaFor} from '../../src/workbook/formulas';

const ROOT = path.resolve(__dirname, '..', '..');

export interface ClerkResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * `clerk ARGS…` through the command line's own main(), in one child process started with
 * TZ=Europe/London as bin/clerk.cjs does (a jest sandbox cannot change the zone of its own
 * process, and Apps Script runs in the manifest's zone). Commands run one after another.
 */
let driver: {
  child: ChildProcessWithoutNullStreams;
  waiting: Map<number, (r: ClerkResult) => void>;
  next: number;
} | null = null;

function startDriver() {
  const child = spawn(process.execPath, [path.join(__dirname, 'clerk-driver.cjs')], {
    cwd: ROOT,
    env: {...process.env, TZ: 'Europe/London'},
  });
  const waiting = new Map<number, (r: ClerkResult) => void>();
  createInterface({input: child.stdout}).on('line', line => {
    const r = JSON.parse(line) as ClerkResult & {id: number};
    waiting.get(r.id)?.({status: r.status, stdout: r.stdout, stderr: r.stderr});
    waiting.delete(r.id);
  });
  child.stderr.on('data', () => undefined);
  return {child, waiting, next: 0};
}

export function clerk(args: string[]): Promise<ClerkResult> {
  driver ??= startDriver();
  const d = driver;
  const id = d.next++;
  return new Promise(resolve => {
    d.waiting.set(id, resolve);
    d.child.stdin.write(`${JSON.stringify({id, argv: args})}\n`);
  });
}

/** Ends the child process (call in afterAll). */
export function closeClerk(): void {
  driver?.child.stdin.end();
  driver?.child.kill();
  driver = null;
}

export async function ok(args: string[]): Promise<ClerkResult> {
  const r = await clerk(args);
  if (r.status !== 0)
    throw new Error(`clerk ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

export function tmpBook(name = 'book'): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'gov-')), `${name}.xlsx`);
}

export type RowData = Record<string, string | number | boolean>;

const FIXTURE_JS = `
function loadGovernanceFixture() {
  var data = GOVERNANCE_FIXTURE;
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  function cell(v) {
    if (v === undefined || v === null) return '';
    if (typeof v === 'string' && /^\\d{4}-\\d{2}-\\d{2}$/.test(v)) { var p = v.split('-'); return new Date(+p[0], +p[1] - 1, +p[2]); }
    if (typeof v === 'string' && /^\\d{2}:\\d{2}$/.test(v)) { var t = v.split(':'); return new Date(1899, 11, 30, +t[0], +t[1]); }
    return v;
  }
  data.tabs.forEach(function (tab) {
    var sh = ss.getSheetByName(tab.name) || ss.insertSheet(tab.name);
    var lastCol = sh.getLastColumn();
    var headers = lastCol ? sh.getRange(1, 1, 1, lastCol).getValues()[0].map(String) : [];
    if (!headers.length) { headers = tab.headers; sh.getRange(1, 1, 1, headers.length).setValues([headers]); }
    if (!tab.rows.length) return;
    var start = Math.max(sh.getLastRow(), 1) + 1;
    var need = start + tab.rows.length - 1 - sh.getMaxRows();
    if (need > 0) sh.insertRowsAfter(sh.getMaxRows(), need);
    var grid = tab.rows.map(function (o, i) {
      return headers.map(function (h) {
        if (tab.formulas && tab.formulas[h]) return tab.formulas[h][i];
        return cell(o[h]);
      });
    });
    sh.getRange(start, 1, grid.length, headers.length).setValues(grid);
  });
  var st = ss.getSheetByName('Settings');
  var sg = st.getDataRange().getValues();
  var setRows = {};
  for (var r = 1; r < sg.length; r++) setRows[String(sg[r][0])] = r;
  var out = sg.map(function (line) { return [line[1]]; });
  Object.keys(data.settings).forEach(function (k) {
    if (setRows[k] === undefined) { sg.push([k, data.settings[k], '']); out.push([data.settings[k]]); st.getRange(sg.length, 1, 1, 2).setValues([[k, data.settings[k]]]); }
    else out[setRows[k]] = [data.settings[k]];
  });
  st.getRange(1, 2, out.length, 1).setValues(out.slice(0, out.length));
}
`;

/**
 * Writes rows into the workbook's tabs (after their last row). Meetings rows get the schema's
 * deadline formulas, resolved exactly as set-up resolves them (formulaFor), when the tab has
 * none in those cells. `settings` sets Values by setting name.
 */
export async function loadFixture(
  book: string,
  tabs: Record<string, RowData[]>,
  settings: Record<string, string | number>,
  firstDataRow: Record<string, number> = {},
): Promise<void> {
  const dir = path.dirname(book);
  const file = path.join(dir, 'fixture.js');
  const payload = {
    settings,
    tabs: Object.entries(tabs).map(([name, rows]) => {
      const spec = tabSpec(name);
      const headers = spec.columns.map(c => c.header);
      const index = new Map(headers.map((h, i) => [h, i]));
      const start = firstDataRow[name] ?? 2;
      const formulas: Record<string, string[]> = {};
      for (const c of spec.columns)
        if (c.formula)
          formulas[c.header] = rows.map((_r, i) => formulaFor(spec, c.header, start + i, index));
      return {name, headers, rows, formulas};
    }),
  };
  // The data travels inside the file: a 2,000-row fixture is too long for a command-line argument.
  writeFileSync(file, `var GOVERNANCE_FIXTURE = ${JSON.stringify(payload)};\n${FIXTURE_JS}`);
  await ok([
    'exec',
    book,
    path.join(ROOT, 'dist', 'Code.js'),
    file,
    '--call',
    'loadGovernanceFixture',
  ]);
}

/** Typed values of a range (`clerk get --json`). */
export async function getJson(book: string, a1: string): Promise<unknown[][]> {
  return JSON.parse((await ok(['get', book, a1, '--json'])).stdout) as unknown[][];
}

/** Rows of a tab as objects by header. */
export async function tabObjects(
  book: string,
  tab: string,
  lastCol = 'Z',
): Promise<Record<string, unknown>[]> {
  const grid = await getJson(book, `'${tab}'!A1:${lastCol}`.replace(/^'([^' ]+)'/, '$1'));
  const headers = (grid[0] ?? []).map(String);
  return grid
    .slice(1)
    .filter(r => r.some(v => v !== '' && v !== null))
    .map(r => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

export function outbox(book: string): {file: string; text: string}[] {
  const dir = book.replace(/\.xlsx$/, '.workspace');
  const out = path.join(dir, 'outbox');
  if (!existsSync(out)) return [];
  return readdirSync(out)
    .filter(f => f.endsWith('.eml'))
    .sort()
    .map(f => ({file: f, text: readFileSync(path.join(out, f), 'utf8')}));
}

export function stats(stderr: string): {
  calls: Record<string, number>;
  total: number;
  modelledMs: number;
} {
  const line = stderr
    .trim()
    .split('\n')
    .reverse()
    .find(l => l.startsWith('{') && l.includes('modelledMs'));
  if (!line) throw new Error(`no --stats line in: ${stderr}`);
  return JSON.parse(line);
}

export {SCHEMA, SETTINGS, TAB};
