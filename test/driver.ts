/**
 * The one driver of the end-to-end tests. A test file opens its workbook in process once,
 * through the emulator's own Workspace (as `clerk` opens one), then works as a person would:
 * Committee menu items (run), typing into a cell (edit), pasting rows (paste); and reads back
 * from the live model: computed cells, notes, colours, the Drive's papers and the outbox.
 * Nothing is saved between steps (saving and reloading the .xlsx cost seconds a step); only a
 * test about the saved file calls save(). A new workbook (set-up run, the demo if asked) is
 * built and saved once, and each file opens a copy (savedWorkbook). The command line itself is
 * tested in test/emulator/.
 */
import {createHash} from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {
  blockOf,
  callAsSheetsWould,
  describeError,
  fireEdit,
  jsonValue,
  pastePlan,
  userEdit,
} from '../emulator/cli';
import {beforeOnEdit, reportOnEdit} from '../emulator/cli-report';
import {Workspace, type SleepableClock} from '../emulator/workspace';
import {BufferIo} from '../emulator/services/io';
import {parseCsv} from '../emulator/services/csv';
import {getComputed, setActiveRange} from '../emulator/sheets';
import type {CellMeta, SheetModel, WorkbookModel} from '../emulator/sheets';
import {tabSpec} from '../src/workbook/schema';
import {formulaFor} from '../src/workbook/formulas';

/** The day the demo group's dates are written for. */
export const DEMO_TODAY = '2026-11-23';
/** The background onEdit and set-up give a flagged cell. */
export const FLAG = '#f4cccc';

export interface Stats {
  calls: Record<string, number>;
  total: number;
  modelledMs: number;
}

/** What one step showed the officer: alerts, toasts, dialogs (out), notes and logs (err), its service calls. */
export interface Step {
  out: string;
  err: string;
  stats: Stats;
  /** The HTML of the last dialog or sidebar the step showed ('' if none). */
  dialog: string;
}

export type RowData = Record<string, string | number | boolean>;

export interface OpenOptions {
  /** The day the program sees (YYYY-MM-DD); default DEMO_TODAY. */
  today?: string;
  /** A new Google Sheet with nothing run yet (only Sheet1), instead of a set-up workbook. */
  blank?: boolean;
  /** Also load the fictional demo group (`clerk new --demo`). */
  demo?: boolean;
  /** An existing .xlsx to open instead of a new workbook. */
  book?: string;
}

export interface RunOptions {
  /** The cell or range selected first ('Meetings!A3'). */
  select?: string;
  /** Answers to the alerts and prompts the step shows, in order. */
  answers?: string[];
  /** Who runs it (default clerk@example.org). */
  as?: string;
}

/** An error a step ended with: the one line `clerk` would print. */
export class StepFailed extends Error {
  constructor(
    message: string,
    readonly step: Omit<Step, 'stats' | 'dialog'>,
  ) {
    super(message);
  }
}

/**
 * Opens a workbook: by default a new one with the program's set-up run, as `clerk new` makes it
 * (onOpen, then Set up or repair workbook), and the demo group if asked. It is a copy of one
 * built so and saved once (savedWorkbook), opened as a person opens the spreadsheet (onOpen runs).
 */
export async function openWorkbook(opts: OpenOptions = {}): Promise<Clerk> {
  if (opts.book || opts.blank) return openAt(opts, opts.book);
  const c = await openAt(opts, await savedWorkbook(opts));
  c.run('onOpen');
  return c;
}

/**
 * A new saved workbook, as `clerk new [--demo]` leaves it (set-up run, the demo group if asked),
 * in a folder of its own with its workspace, not opened: for a test that hands the file to
 * `clerk serve` or a `clerk` command. A copy of the one built once (builtBook).
 */
export async function savedWorkbook(opts: {demo?: boolean; today?: string} = {}): Promise<string> {
  const built = await builtBook(opts);
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-e2e-'));
  // The workbook and its workspace (book.workspace/: state, Drive, the parse snapshot).
  cpSync(path.dirname(built), dir, {recursive: true});
  return path.join(dir, path.basename(built));
}

/** Opens `book`, or makes it if `create` (default: a new workbook in a folder of its own). */
async function openAt(opts: OpenOptions, book?: string, create = !book): Promise<Clerk> {
  const io = new BufferIo();
  const ws = await Workspace.open(
    book ?? path.join(mkdtempSync(path.join(tmpdir(), 'clerk-e2e-')), 'book.xlsx'),
    {create, today: opts.today ?? DEMO_TODAY, io},
  );
  const c = new Clerk(ws, io);
  open.add(c);
  return c;
}

/**
 * The saved workbook `clerk new [--demo]` would make for the day: built once and kept in
 * node_modules/.cache/clerk-test-books/, under a hash of everything that makes it (the built
 * script and manifest, the emulator, this driver, the installed packages, Node), so a change
 * to any of them builds it afresh. Opening a saved copy (its workspace keeps what reading the
 * file gives, emulator/sheets/xlsx-snapshot.ts) costs about a third of running set-up and the
 * demo load again. Workers that build the same one at once each put theirs in place whole; the
 * first stays.
 */
async function builtBook(opts: {demo?: boolean; today?: string}): Promise<string> {
  const root = path.join(REPO, 'node_modules', '.cache', 'clerk-test-books');
  const dir = path.join(
    root,
    (inputs ??= inputsHash()),
    `${opts.demo ? 'demo' : 'set-up'}-${opts.today ?? DEMO_TODAY}`,
  );
  const book = path.join(dir, 'book.xlsx');
  if (existsSync(book)) return book;
  mkdirSync(path.dirname(dir), {recursive: true});
  pruneBooks(root, path.basename(path.dirname(dir)));
  const building = mkdtempSync(path.join(path.dirname(dir), 'building-'));
  const c = await openAt({today: opts.today}, path.join(building, 'book.xlsx'), true);
  c.run('onOpen');
  c.run('setUpWorkbook');
  if (opts.demo) c.run('loadDemoData');
  await c.save();
  c.close();
  try {
    renameSync(building, dir);
  } catch (e) {
    rmSync(building, {recursive: true, force: true});
    if (!existsSync(book)) throw e;
  }
  return book;
}

const REPO = path.resolve(__dirname, '..');
/** inputsHash() once a test file: reading the inputs costs about 18 ms, and they stay put. */
let inputs: string | undefined;

/** What makes a built workbook: the files read to build it, and the Node that ran them. */
function inputsHash(): string {
  const hash = createHash('sha256').update(process.version);
  const files = (dir: string): string[] =>
    readdirSync(dir, {withFileTypes: true})
      .filter(e => !['node_modules', 'build'].includes(e.name))
      .flatMap(e => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
      .sort();
  for (const f of [
    ...files(path.join(REPO, 'dist')),
    ...files(path.join(REPO, 'emulator')).filter(f => /\.(ts|cjs|json)$/.test(f)),
    ...['appsscript.json', 'clerk.config.json', 'package-lock.json', 'test/driver.ts'].map(f =>
      path.join(REPO, f),
    ),
  ])
    hash.update(`${path.relative(REPO, f)}\0`).update(readFileSync(f));
  // A run pointed at another script or project config builds its own.
  hash.update(`${process.env.CLERK_CODE ?? ''}\0${process.env.CLERK_CONFIG ?? ''}`);
  return hash.digest('hex').slice(0, 16);
}

/** Removes workbooks built from other inputs more than a day ago. */
function pruneBooks(root: string, keep: string): void {
  const old = Date.now() - 24 * 3600_000;
  for (const name of readdirSync(root))
    if (name !== keep && statSync(path.join(root, name)).mtimeMs < old)
      rmSync(path.join(root, name), {recursive: true, force: true});
}

/**
 * Draws each distinct chart once in the calling test file: the renderer's picture depends only on
 * the chart's options and data, so a paper made again with the same chart gets the same PNG
 * without drawing it again (pureimage takes about half a CPU-second a chart). For a file that
 * makes the same paper many times and reads its text; call it before the first chart is drawn.
 */
export function drawEachChartOnce(): void {
  jest.mock('../emulator/charts/render', () => {
    const real: typeof import('../emulator/charts/render') = jest.requireActual(
      '../emulator/charts/render',
    );
    const drawn = new Map<string, Buffer>();
    const renderChartPng: typeof real.renderChartPng = (spec, data) => {
      const key = JSON.stringify([spec, data]);
      if (!drawn.has(key)) drawn.set(key, real.renderChartPng(spec, data));
      return Buffer.from(drawn.get(key)!);
    };
    return {...real, renderChartPng};
  });
}

const open = new Set<Clerk>();
// Every workbook a file opened is let go when the file ends (its lock, its staged mail).
afterAll(() => {
  for (const c of open) c.close();
  open.clear();
});

export class Clerk {
  constructor(
    readonly ws: Workspace,
    private readonly io: BufferIo,
  ) {}

  /** The bound spreadsheet, through the emulated Apps Script API (what a script sees). */
  get ss(): any {
    return this.ws.spreadsheet;
  }
  get model(): WorkbookModel {
    return this.ws.model as WorkbookModel;
  }
  get book(): string {
    return this.ws.bookPath;
  }

  /** A Committee menu item (or trigger handler), called as Sheets would. Throws StepFailed if it fails. */
  run(fn: string, opts: RunOptions = {}): Step {
    return this.step(fn, opts, () => {
      if (opts.select) setActiveRange(this.model, opts.select);
      this.ws.ctx.stats.reset();
      const result = callAsSheetsWould(this.ws, fn, this.io);
      if (result !== undefined)
        this.io.out(typeof result === 'string' ? result : JSON.stringify(result, null, 2));
    });
  }

  /**
   * A person types `text` into one cell: Sheets parses it, then onEdit fires with the event. The
   * step's err says what onEdit refused or flagged, as `clerk edit` prints it.
   */
  edit(a1: string, text: string, opts: {as?: string} = {}): Step {
    return this.step(`edit ${a1}`, opts, () => {
      const e = userEdit(this.ws, a1, [[text]]);
      if (e.warning) this.io.err(`warning: ${a1}: ${e.warning}`);
      const block = blockOf(e.range);
      const before = beforeOnEdit(this.model, block);
      this.ws.ctx.stats.reset(); // count what the program does about the edit
      fireEdit(this.ws, e);
      reportOnEdit(this.model, block, before, this.io);
    });
  }

  /**
   * A person pastes rows (a header line, then data) under the tab's matching headers, after its
   * last row, as `clerk import` does with a CSV: one multi-cell edit, then onEdit.
   */
  paste(tab: string, rows: string[][] | string): Step {
    const grid = typeof rows === 'string' ? csvRows(rows) : rows;
    return this.step(`paste into ${tab}`, {}, () => {
      const plan = pastePlan(this.ws, tab, grid, 'the pasted rows');
      const e = userEdit(this.ws, plan.a1, plan.block);
      if (e.warning) this.io.err(`warning: ${plan.a1}: ${e.warning}`);
      const block = blockOf(e.range);
      const before = beforeOnEdit(this.model, block);
      this.ws.ctx.stats.reset();
      fireEdit(this.ws, {range: e.range});
      this.io.out(`pasted ${plan.block.length} row(s) into ${plan.a1}`);
      reportOnEdit(this.model, block, before, this.io);
    });
  }

  private step(what: string, opts: RunOptions, body: () => void): Step {
    const [o, e] = [this.io.stdout.length, this.io.stderr.length];
    const before = this.ws.ctx.user;
    if (opts.as) this.ws.ctx.user = opts.as;
    this.ws.answers.splice(0, this.ws.answers.length, ...(opts.answers ?? []));
    const lines = () => ({
      out: this.io.stdout.slice(o).join('\n'),
      err: this.io.stderr.slice(e).join('\n'),
    });
    try {
      body();
    } catch (err) {
      throw new StepFailed(`${what}: ${describeError(what, err)}\n${lines().out}`, lines());
    } finally {
      this.ws.ctx.user = before;
    }
    if (this.ws.answers.length)
      throw new Error(`${what}: answers not asked for: ${this.ws.answers.join(', ')}`);
    const shown = lines();
    return {...shown, stats: this.ws.ctx.stats.toJSON(), dialog: this.dialogHtml(shown.out)};
  }

  /** Moves the program's clock to another day (the time of day carries on). */
  setToday(day: string): void {
    const clock = this.ws.ctx.clock as SleepableClock & {today: string};
    clock.advance(Date.parse(`${day}T00:00:00Z`) - Date.parse(`${clock.today}T00:00:00Z`));
    // The sleepable clock keeps the day as a plain field: the mail quota counts by it.
    clock.today = day;
  }

  // ------------------------------------------------------------------ reading back

  /** Computed values as `clerk get --json` gives them (dates as YYYY-MM-DD). */
  cells(a1: string): unknown[][] {
    const tz = this.model.timeZone ?? this.ws.ctx.timeZone;
    return getComputed(this.model, a1).values.map(r => r.map(v => jsonValue(v, tz)));
  }
  /** Typed values (Dates as Dates). */
  values(a1: string): unknown[][] {
    return getComputed(this.model, a1).values;
  }
  value(a1: string): unknown {
    return this.values(a1)[0][0];
  }
  /** The text Sheets shows. */
  display(a1: string): string {
    return getComputed(this.model, a1).display[0][0];
  }

  sheet(name: string): SheetModel {
    const s = this.model.sheets.find(x => x.name === name);
    if (!s)
      throw new Error(`no ${name} tab (tabs: ${this.model.sheets.map(x => x.name).join(', ')})`);
    return s;
  }
  /** A cell's note, background, formats and validation as the model keeps them. */
  meta(tab: string, a1: string): CellMeta {
    const m = a1.match(/^([A-Z]+)(\d+)$/);
    if (!m) throw new Error(`not a cell: ${a1}`);
    const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return this.sheet(tab).meta[Number(m[2]) - 1]?.[col - 1] ?? {};
  }
  note(tab: string, a1: string): string {
    return this.meta(tab, a1).note ?? '';
  }
  /** The formula written in a cell, if any. */
  formula(tab: string, row: number, col: number): string | undefined {
    return this.model.hf.getCellFormula({sheet: this.sheet(tab).hfId, row: row - 1, col: col - 1});
  }

  /** The rows of a tab (up to column `lastCol`) as objects by header, values as `cells` gives them. */
  rows(tab: string, lastCol = 'Z'): Record<string, unknown>[] {
    const grid = this.cells(`${quote(tab)}!A1:${lastCol}`);
    const headers = (grid[0] ?? []).map(String);
    return grid
      .slice(1)
      .filter(r => r.some(v => v !== '' && v !== null))
      .map(r => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
  }

  /** The emulated Drive (emulator/drive DriveStore). */
  get drive(): any {
    return this.ws.driveStore;
  }
  /** Google Docs in the Drive: path ("Folder/Sub/Name"), id, whether in the bin; oldest first. */
  docs(): {id: string; path: string; trashed: boolean}[] {
    return (
      this.drive.all() as {id: string; mimeType: string; trashed: boolean; createdTime: string}[]
    )
      .filter(e => e.mimeType === 'application/vnd.google-apps.document')
      .sort((a, b) => a.createdTime.localeCompare(b.createdTime))
      .map(e => ({id: e.id, path: this.drive.displayPath(e) as string, trashed: e.trashed}));
  }
  /** The body of the newest Doc not in the bin whose path ends so. */
  doc(end: string): any {
    const hits = this.docs().filter(d => !d.trashed && d.path.endsWith(end));
    if (!hits.length)
      throw new Error(
        `no Doc ending "${end}" in ${this.docs()
          .map(d => d.path)
          .join(', ')}`,
      );
    return this.drive.docState(hits[hits.length - 1].id).parts.body;
  }
  /** Adds a local file to the Drive (a .docx becomes a Google Doc), as `clerk drive add` does. */
  async addFile(file: string, id?: string): Promise<string> {
    return ((await this.drive.addLocalFile(file, {id})) as {id: string}).id;
  }

  /** The mail sent so far (.eml text), oldest first. */
  outbox(): {file: string; text: string}[] {
    const dirs = [path.join(this.ws.dir, 'outbox'), path.join(this.ws.stagingDir, 'outbox')];
    return dirs
      .filter(d => existsSync(d))
      .flatMap(d =>
        readdirSync(d)
          .filter(f => f.endsWith('.eml'))
          .map(f => ({file: f, text: readFileSync(path.join(d, f), 'utf8')})),
      )
      .sort((a, b) => a.file.localeCompare(b.file));
  }

  /** The HTML of the last dialog a step's output names (the workspace stages it until save). */
  private dialogHtml(out: string): string {
    const m = [...out.matchAll(/^(?:dialog|sidebar): .* -> (.*\.html)$/gm)].pop();
    if (!m) return '';
    const staged = path.join(this.ws.stagingDir, 'ui', path.basename(m[1]));
    return readFileSync(existsSync(staged) ? staged : m[1], 'utf8');
  }

  // ------------------------------------------------------------------ writing as a script would

  /**
   * Writes fixture rows under each tab's headers (a tab missing from the workbook is made with the
   * schema's headers), one setValues per tab, and Settings values by name. Formula columns the
   * rows leave out get the schema's formulas, resolved as set-up resolves them. Strings
   * YYYY-MM-DD become dates and HH:MM times, as a person typing them would get.
   */
  load(tabs: Record<string, RowData[]>, settings: Record<string, string | number> = {}): void {
    const ss = this.ss;
    for (const [name, rows] of Object.entries(tabs)) {
      const spec = tabSpec(name);
      const specHeaders = spec.columns.map(c => c.header);
      const sh = ss.getSheetByName(name) ?? ss.insertSheet(name);
      const lastCol = sh.getLastColumn();
      let headers: string[] = lastCol
        ? sh.getRange(1, 1, 1, lastCol).getValues()[0].map(String)
        : [];
      if (!headers.length) {
        headers = specHeaders;
        sh.getRange(1, 1, 1, headers.length).setValues([headers]);
      }
      if (!rows.length) continue;
      const start = Math.max(sh.getLastRow(), 1) + 1;
      const grow = start + rows.length - 1 - sh.getMaxRows();
      if (grow > 0) sh.insertRowsAfter(sh.getMaxRows(), grow);
      const index = new Map(specHeaders.map((h, i) => [h, i]));
      const formulaOf = new Map(spec.columns.filter(c => c.formula).map(c => [c.header, c]));
      const grid = rows.map((o, i) =>
        headers.map(h =>
          h in o ? typed(o[h]) : formulaOf.has(h) ? formulaFor(spec, h, start + i, index) : '',
        ),
      );
      sh.getRange(start, 1, grid.length, headers.length).setValues(grid);
    }
    if (!Object.keys(settings).length) return;
    const st = ss.getSheetByName('Settings');
    const grid = st.getDataRange().getValues() as unknown[][];
    for (const [k, v] of Object.entries(settings)) {
      const r = grid.findIndex((line, i) => i > 0 && String(line[0]) === k);
      if (r > 0) grid[r][1] = typed(v);
      else grid.push([k, typed(v), ...grid[0].slice(2).map(() => '')]);
    }
    st.getRange(1, 1, grid.length, grid[0].length).setValues(grid);
  }

  /** The row of a setting on the Settings tab. */
  settingRow(name: string): number {
    const r = this.cells('Settings!A1:A200').findIndex(l => l[0] === name);
    if (r < 1) throw new Error(`no setting "${name}" on the Settings tab`);
    return r + 1;
  }

  /** Writes the workbook and its workspace to disk (for tests about the saved file). */
  async save(): Promise<string> {
    await this.ws.save();
    return this.book;
  }

  /** Lets go of the workbook (lock, staged files); the file and workspace stay as saved. */
  close(): void {
    this.ws.discard();
    open.delete(this);
  }
}

function typed(v: string | number | boolean): unknown {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const [y, m, d] = v.split('-').map(Number);
    return new Date(y, m - 1, d);
  }
  if (typeof v === 'string' && /^\d{2}:\d{2}$/.test(v)) {
    const [h, m] = v.split(':').map(Number);
    return new Date(1899, 11, 30, h, m);
  }
  return v;
}

function quote(tab: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(tab) ? tab : `'${tab.replace(/'/g, "''")}'`;
}

/** Rows of CSV text, as `clerk import` reads a file. */
function csvRows(text: string): string[][] {
  return parseCsv(text.trim() + '\n');
}
