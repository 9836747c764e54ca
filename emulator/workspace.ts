/**
 * A workbook NAME.xlsx and its emulated Workspace in NAME.workspace/ beside it (drive/,
 * outbox/, ui/, state.json): everything one `clerk` run needs, opened together and saved
 * together. Nothing is written until save(), so a run that fails leaves both untouched.
 */
import {randomBytes} from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants as fsConstants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {makeClock, type Clock, type ServiceContext} from './context';
import {ScriptRuntime} from './runtime';
import {CallStats} from './stats';
import {
  emptyPropertiesState,
  createPropertiesService,
  type PropertiesState,
} from './services/properties';
import {createLockService, type LockEnvironment} from './services/lock';
import {createCacheService, pruneCaches, type CacheState} from './services/cache';
import {createUtilities} from './services/utilities';
import {createCharts} from './services/charts';
import {createSession} from './services/session';
import {createConsole, createLogger, RunLog} from './services/logger';
import {createScriptApp, type TriggerRecord} from './services/script-app';
import {UiRecorder} from './services/ui';
import {processIo, type Io} from './services/io';
import {peers} from './services/peers';

import {ClerkInputError} from './errors';
import {acquireBookLock, describeHolder} from './book-lock';
import {
  applyJournal,
  JOURNAL,
  recoverSave,
  SimulatedCrash,
  STAGING,
  step,
  writeJournal,
} from './journal';
import {COMPUTED, sha256Of, writeComputedCache, type CacheSource} from './fast-get';
import {jsonValue} from './json-value';
import {SNAPSHOT} from './sheets/xlsx-snapshot';
import {columnToLetters} from './sheets/a1';

export {ClerkInputError};

export interface WorkspaceState {
  version: 1;
  scriptId: string;
  spreadsheetId?: string;
  properties: PropertiesState;
  cache: CacheState;
  triggers: TriggerRecord[];
  /** Mail quota as the mail service keeps it. */
  mail?: unknown;
  /** Drive files and folders (ids, names, parents) as the Drive store keeps them. */
  drive?: unknown;
}

export interface WorkspaceOptions {
  /** The day the program sees (YYYY-MM-DD); default the real date. */
  today?: string;
  /** Who runs the script (`--as`). */
  user?: string;
  /** Answers to alerts and prompts, in order (`--answer`). */
  answers?: string[];
  /** Start a new, empty workbook (the file must not exist yet). */
  create?: boolean;
  io?: Io;
  /** OAuth scopes the run has; default: those of dist/appsscript.json. */
  scopes?: readonly string[];
  /** The script time zone; default: that of dist/appsscript.json. */
  timeZone?: string;
  /** False for a run that only reads (clerk get): a read-only workbook is then fine. Default true. */
  write?: boolean;
  /** What this run is, for anyone who waits for its lock ("clerk edit"). */
  command?: string;
  /** How long to wait for another run's lock, in ms (default CLERK_LOCK_WAIT seconds, else 60 s). */
  lockWaitMs?: number;
  /** False: take no lock (an in-process driver that coordinates its own runs). Default true. */
  lock?: boolean;
}

/** Every scope Apps Script knows we emulate: for `clerk exec` of a project without a manifest. */
export const PERMISSIVE_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/documents.currentonly',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://mail.google.com/',
  'https://www.googleapis.com/auth/gmail.send',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/userinfo.email',
];

/** The repository root: where package.json is, above this file (emulator/) or the bundle (build/). */
export function repoRoot(): string {
  // The project being run from its own folder (a stranger's project using this package).
  if (existsSync(path.join(process.cwd(), 'appsscript.json'))) return process.cwd();
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'appsscript.json')))
      return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
}

export function readManifest(file: string): Manifest {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new ClerkInputError(`cannot read the manifest ${file}: ${(e as Error).message}`);
  }
}

/** A clock that Utilities.sleep and lock waits can move on, without waiting. */
export interface SleepableClock extends Clock {
  advance(ms: number): void;
}

export function sleepableClock(base: Clock): SleepableClock {
  let offset = 0;
  return {
    now: () => new Date(base.now().getTime() + offset),
    today: base.today,
    advance: ms => void (offset += ms),
  };
}

/** A service the emulator does not provide: any use says so plainly. */
function notYet(
  name: string,
  why = 'it arrives with the Docs, Drive and Mail part of the emulator',
): unknown {
  return new Proxy(
    {},
    {
      get(_t, key) {
        if (typeof key === 'symbol' || key === 'then') return undefined;
        throw new Error(`${name} is not emulated (${name}.${key}): ${why}.`);
      },
    },
  );
}

export function workspaceDirFor(bookPath: string): string {
  const abs = path.resolve(bookPath);
  return path.join(path.dirname(abs), `${path.basename(abs, path.extname(abs))}.workspace`);
}

function emptyState(): WorkspaceState {
  return {
    version: 1,
    scriptId: `1${randomBytes(40).toString('base64url').slice(0, 56)}`,
    properties: emptyPropertiesState(),
    cache: {},
    triggers: [],
  };
}

function readState(file: string): WorkspaceState {
  if (!existsSync(file)) return emptyState();
  let s: Partial<WorkspaceState>;
  try {
    s = JSON.parse(readFileSync(file, 'utf8')) as Partial<WorkspaceState>;
  } catch (e) {
    throw new ClerkInputError(
      `the workspace state ${file} is not valid JSON (${(e as Error).message}): restore it from a copy, or move the workspace folder away to start its Drive and properties afresh`,
    );
  }
  const base = emptyState();
  return {
    ...base,
    ...s,
    version: 1,
    properties: {...base.properties, ...(s.properties ?? {})},
    cache: s.cache ?? {},
    triggers: Array.isArray(s.triggers) ? s.triggers : [],
  };
}

export class Workspace {
  readonly globals: Record<string, unknown>;
  readonly ui: UiRecorder;
  readonly log: RunLog;
  readonly lockEnv: LockEnvironment = {heldElsewhere: new Set()};
  /** The spreadsheet model (emulator/sheets). */
  model: any;
  private drive: any = null;
  /** False while a time-driven trigger runs: there is no editor to show a Ui in. */
  uiAvailable = true;
  private mailQuota: {toState(): unknown} | null = null;
  private runtime: ScriptRuntime | null = null;
  private readonly staging: string;
  /** Where this run keeps mail and dialogs until save() (tests read them from there). */
  get stagingDir(): string {
    return this.staging;
  }
  /** The project's .html files by name (for `clerk exec` of a project that has them). */
  readonly htmlFiles: Record<string, string> = {};
  private readonly created: boolean;

  private constructor(
    readonly bookPath: string,
    readonly dir: string,
    readonly ctx: ServiceContext,
    readonly state: WorkspaceState,
    readonly io: Io,
    readonly answers: string[],
    created: boolean,
  ) {
    this.created = created;
    this.staging = mkdtempSync(path.join(tmpdir(), 'clerk-run-'));
    this.log = new RunLog(io);
    this.ui = new UiRecorder(ctx, {
      io,
      answers,
      stageHtml: (kind, title, html) => this.stageHtml(kind, title, html),
    });
    this.globals = {};
  }

  static async open(bookPath: string, opts: WorkspaceOptions = {}): Promise<Workspace> {
    const abs = path.resolve(bookPath);
    if (path.extname(abs).toLowerCase() !== '.xlsx')
      throw new ClerkInputError(`the workbook must be an .xlsx file; got ${bookPath}`);
    const dir = workspaceDirFor(abs);
    const io = opts.io ?? processIo;
    // A new workbook may go in a folder that does not exist yet; its lock goes there too.
    if (opts.create && !existsSync(path.dirname(abs)))
      mkdirSync(path.dirname(abs), {recursive: true});
    const release = opts.lock === false ? () => {} : await lockBook(abs, opts, io);
    try {
      if (opts.lock !== false) recoverUnderLock(abs, dir, io);
      else if (saveUnderWay(dir)) {
        // Another run may be saving right now: its files are only recovered under the lock,
        // which waits for that save to end (and then finds nothing to recover).
        const held = await lockBook(abs, opts, io);
        try {
          recoverUnderLock(abs, dir, io);
        } finally {
          held();
        }
      }
      // Before reading: a save by anyone after this moment shows as a change (lockForSave).
      const files = filesStamp(abs, dir);
      const ws = await Workspace.openLocked(abs, bookPath, dir, opts, io);
      ws.release = release;
      ws.opened = files;
      ws.options = opts;
      return ws;
    } catch (e) {
      release();
      throw e;
    }
  }

  private static async openLocked(
    abs: string,
    bookPath: string,
    dir: string,
    opts: WorkspaceOptions,
    io: Io,
  ): Promise<Workspace> {
    const exists = existsSync(abs);
    if (opts.create && exists)
      throw new ClerkInputError(
        `${bookPath} already exists; choose another name or delete it first`,
      );
    if (!opts.create && !exists) throw new ClerkInputError(`workbook not found: ${bookPath}`);
    if (exists && opts.write !== false) refuseReadOnly(abs, bookPath);
    if (opts.create && existsSync(dir)) {
      throw new ClerkInputError(
        `${path.basename(dir)} already exists beside ${path.basename(abs)} (left from an earlier workbook); move or delete it first`,
      );
    }
    // The manifest pushed with the program (dist/), or its source while a build is under way.
    const built = path.join(repoRoot(), 'dist', 'appsscript.json');
    const source = path.join(repoRoot(), 'appsscript.json');
    // A project without a manifest gets what Apps Script gives one: scopes detected, so all.
    const manifest = existsSync(built)
      ? readManifest(built)
      : existsSync(source)
        ? readManifest(source)
        : {};
    let clock: Clock;
    try {
      clock = makeClock(opts.today);
    } catch (e) {
      throw new ClerkInputError((e as Error).message);
    }
    const ctx: ServiceContext = {
      stats: new CallStats(),
      clock: sleepableClock(clock),
      user: opts.user ?? 'clerk@example.org',
      authMode: 'FULL',
      scopes: opts.scopes ?? manifest.oauthScopes ?? PERMISSIVE_SCOPES,
      timeZone: opts.timeZone ?? manifest.timeZone ?? 'Europe/London',
    };
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(ctx.user))
      throw new ClerkInputError(`--as must be an email address; got "${ctx.user}"`);
    const state = opts.create ? emptyState() : readState(path.join(dir, 'state.json'));
    // CLERK_LOCK_HELD=document,script: another execution holds those locks (to try the program's lock handling).
    const held = (process.env.CLERK_LOCK_HELD ?? '')
      .split(',')
      .map(x => x.trim())
      .filter(Boolean);
    for (const scope of held) {
      if (scope !== 'document' && scope !== 'script' && scope !== 'user')
        throw new ClerkInputError(
          `CLERK_LOCK_HELD: "${scope}" is not a lock (document, script or user)`,
        );
    }
    const ws = new Workspace(abs, dir, ctx, state, io, [...(opts.answers ?? [])], !!opts.create);
    for (const scope of held) ws.lockEnv.heldElsewhere.add(scope as 'document' | 'script' | 'user');
    try {
      await ws.openParts();
    } catch (e) {
      ws.discard();
      throw e;
    }
    return ws;
  }

  private async openParts(): Promise<void> {
    const {ctx, state} = this;
    const sheets = peers.sheets();
    if (!sheets)
      throw new ClerkInputError('the Sheets emulator is not built yet (emulator/sheets)');
    if (this.created) {
      this.model = sheets.newWorkbookModel(path.basename(this.bookPath, '.xlsx'), {
        timeZone: ctx.timeZone,
        clock: ctx.clock,
      });
    } else {
      try {
        this.model = await sheets.loadXlsx(this.bookPath, {
          clock: ctx.clock,
          snapshot: path.join(this.dir, SNAPSHOT),
        });
      } catch (e) {
        throw new ClerkInputError(
          `cannot read workbook ${path.basename(this.bookPath)}: ${(e as Error).message}`,
        );
      }
    }
    if (state.spreadsheetId) this.model.id = state.spreadsheetId;
    else state.spreadsheetId = this.model.id;

    const bound = {bound: true};
    const ui = this.ui.create();
    const g = this.globals;
    // Sheets' Browser dialogs (msgBox, inputBox) answer from the same --answer queue as the Ui.
    g.Browser = this.ui.createBrowser();
    g.SpreadsheetApp = sheets.createSpreadsheetApp(ctx, this.model, {
      getUi: () => {
        if (!this.uiAvailable)
          throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
        return ui;
      },
      toast: (msg: string, title?: string) =>
        this.io.out(`toast: ${title ? `${title}: ` : ''}${msg}`),
    });
    g.PropertiesService = createPropertiesService(ctx, state.properties, bound);
    g.LockService = createLockService(ctx, {bound: true, env: this.lockEnv});
    pruneCaches(state.cache, ctx.clock.now().getTime());
    g.CacheService = createCacheService(ctx, state.cache, bound);
    g.Utilities = createUtilities(ctx);
    g.Session = createSession(ctx, state.scriptId);
    g.Logger = createLogger(ctx, this.log);
    g.console = createConsole(ctx, this.log);
    g.Charts = createCharts(ctx);
    g.UrlFetchApp = notYet('UrlFetchApp', 'the offline Workspace has no network');
    g.ScriptApp = createScriptApp(ctx, state.triggers, {
      scriptId: state.scriptId,
      containerId: this.model.id,
    });

    const drivePart = peers.drive();
    const docsPart = peers.docs();
    const mailPart = peers.mail();
    const htmlPart = peers.html();
    if (drivePart) {
      try {
        this.drive = drivePart.DriveStore.load(this.dir, state.drive ?? null);
      } catch (e) {
        throw new ClerkInputError(
          `cannot read the emulated Drive in ${this.dir}: ${(e as Error).message}`,
        );
      }
      this.drive.now = () => ctx.clock.now();
      // The workbook is a file of the Drive too: its id resolves (DriveApp.getFileById(ss.getId())).
      this.drive.registerExternal?.(this.model.id, path.basename(this.bookPath, '.xlsx'));
      g.DriveApp = drivePart.createDriveApp(ctx, this.drive);
      g.Drive = drivePart.createAdvancedDrive(ctx, this.drive);
      g.MimeType = drivePart.MIME_TYPES;
    } else {
      g.DriveApp = notYet('DriveApp');
      g.Drive = notYet('Drive');
    }
    g.DocumentApp =
      docsPart && this.drive ? docsPart.createDocumentApp(ctx, this.drive) : notYet('DocumentApp');
    if (mailPart) {
      const outbox = path.join(this.staging, 'outbox');
      mkdirSync(outbox, {recursive: true});
      // One daily quota for MailApp and GmailApp, kept in state.json.
      const quota = mailPart.MailQuota.fromState(state.mail);
      this.mailQuota = quota;
      g.MailApp = mailPart.createMailApp(ctx, outbox, quota);
      g.GmailApp = mailPart.createGmailApp(ctx, outbox, quota);
    } else {
      g.MailApp = notYet('MailApp');
      g.GmailApp = notYet('GmailApp');
    }
    // Scriptlets reach the script's globals (include() and the like): the same object becomes the script's global scope.
    g.HtmlService = htmlPart
      ? htmlPart.createHtmlService(ctx, path.join(this.staging, 'ui'), {
          files: this.htmlFiles,
          globals: g,
        })
      : notYet('HtmlService');
    this.boundSpreadsheet = (
      g.SpreadsheetApp as {getActiveSpreadsheet(): unknown}
    ).getActiveSpreadsheet();
    // Counting starts with the script: opening the workbook is not part of the run.
    ctx.stats.reset();
  }

  /** The bound spreadsheet (what SpreadsheetApp.getActiveSpreadsheet() gives the script). */
  get spreadsheet(): any {
    return this.boundSpreadsheet;
  }
  private boundSpreadsheet: unknown = null;

  /**
   * Loads Apps Script files into one script scope with the services as globals. Default:
   * dist/Code.js, or the files listed in CLERK_CODE (path-delimiter separated), which lets
   * new/run/edit/import drive another project's triggers and menu functions.
   */
  loadScript(files?: readonly string[]): ScriptRuntime {
    const fromEnv = process.env.CLERK_CODE
      ? process.env.CLERK_CODE.split(path.delimiter).filter(Boolean)
      : null;
    const list = files ?? fromEnv ?? [path.join(repoRoot(), 'dist', 'Code.js')];
    for (const f of list)
      if (!existsSync(f))
        throw new ClerkInputError(
          `script file not found: ${f}${files ? '' : ' (run `npm run build` first)'}`,
        );
    this.runtime = ScriptRuntime.load(list, this.globals, this.ctx, this.io);
    this.model.DateCtor = this.globals.Date as DateConstructor;
    return this.runtime;
  }

  /** The emulated Drive (emulator/drive DriveStore), or null while that part is missing. */
  get driveStore(): any {
    return this.drive;
  }

  get script(): ScriptRuntime {
    if (!this.runtime) this.loadScript();
    return this.runtime!;
  }

  private stageHtml(kind: string, title: string, output: {getContent(): string}): string {
    const html = peers.html();
    const dirStaged = path.join(this.staging, 'ui');
    mkdirSync(dirStaged, {recursive: true});
    let staged: string;
    if (html) staged = html.writeHtmlOutput(dirStaged, kind, output, this.ctx.clock.now());
    else {
      const slug =
        title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || kind;
      staged = path.join(dirStaged, `${kind}-${slug}.html`);
      writeFileSync(staged, output.getContent());
    }
    return path.join(this.dir, 'ui', path.basename(staged));
  }

  /** Every tab's computed values, for `clerk get` without opening the workbook (fast-get.ts). */
  private cacheSource(): CacheSource {
    const model = this.model;
    const sheets = peers.sheets()!;
    const tz: string = model.timeZone ?? this.ctx.timeZone;
    return {
      tabs: (model.sheets as any[]).map(s => {
        const used = model.hf.getSheetDimensions(s.hfId) as {width: number; height: number};
        return {
          name: s.name,
          maxRows: s.maxRows,
          maxCols: s.maxCols,
          lastRow: Math.min(used.height, s.maxRows),
          lastCol: Math.min(used.width, s.maxCols),
        };
      }),
      formulaTexts: (function* () {
        for (const s of model.sheets as {formulaText: ((string | undefined)[] | undefined)[]}[])
          for (const row of s.formulaText) if (row) for (const f of row) if (f) yield f;
      })(),
      compute: (tab, lastRow, lastCol) => {
        const got = sheets.getComputed(
          model,
          `'${tab.replace(/'/g, "''")}'!A1:${columnToLetters(lastCol)}${lastRow}`,
        );
        return {display: got.display, values: got.values.map(r => r.map(v => jsonValue(v, tz)))};
      },
    };
  }

  /** Lets go of the workbook's lock (after save or discard). */
  private release: () => void = () => {};

  /**
   * The workbook's and state.json's size, time and inode as this workspace read (taken before
   * reading) or last saved them: to notice another program's save of the workbook (save) and
   * another run's save of either (lockForSave).
   */
  private opened: FilesStamp = {book: '', state: ''};
  /** What open() was given (for lockForSave's lock). */
  private options: WorkspaceOptions = {};

  /** True when the workbook or state.json (properties, Drive, mail quota) is not as this workspace read or last saved it. */
  changedOnDisk(): boolean {
    const now = filesStamp(this.bookPath, this.dir);
    return now.book !== this.opened.book || now.state !== this.opened.state;
  }

  /**
   * For a workspace opened without its lock (lock: false) whose run changed something: takes
   * the lock open() would take, then checks under it that nothing was saved since this
   * workspace read its files. True: the lock is held; save() writes and lets go of it, and the
   * workspace stays usable, as what it saved. False: the files changed (or a save was left
   * half-done); the lock is let go, and the caller must open afresh and run again.
   *
   * Safe because every clerk save, and only a save, writes the workbook and state.json, under
   * this lock; their size and time were taken before they were read. Unchanged under the lock,
   * what this workspace read is what opening with the lock would read now, and nobody can
   * write until save() has finished. (Another program that ignores the lock is caught by
   * save()'s own check, as for any run.)
   */
  async lockForSave(): Promise<boolean> {
    const release = await lockBook(this.bookPath, {...this.options, write: true}, this.io);
    if (this.changedOnDisk() || existsSync(path.join(this.dir, JOURNAL))) {
      release();
      return false;
    }
    this.release = release;
    return true;
  }

  /**
   * Writes everything the run changed: the workbook, the Drive, the outbox, dialogs and
   * state.json, as one step (emulator/journal.ts): all is staged in NAME.workspace/.saving/,
   * the journal commits, then renames put it in place. A crash at any point leaves all old or
   * (after the next run's recovery) all new. The lock is released at the end, whatever happens.
   */
  async save(): Promise<void> {
    const sheets = peers.sheets()!;
    const base = path.dirname(this.bookPath);
    const staging = path.join(this.dir, STAGING);
    const rel = (p: string) => path.relative(base, p);
    let crashed = false;
    try {
      if (existsSync(this.bookPath)) refuseReadOnly(this.bookPath, this.bookPath);
      // Another program (Excel, LibreOffice) does not know our lock: never save over its work.
      if (fileStamp(this.bookPath) !== this.opened.book)
        throw new ClerkInputError(
          `${path.basename(this.bookPath)} was changed by another program while this command ran, so nothing was saved. Close it there, then run the command again.`,
        );
      if (this.created) mkdirSync(base, {recursive: true});
      rmSync(staging, {recursive: true, force: true});
      mkdirSync(staging, {recursive: true});
      step('begin');
      const bookTmp = path.join(staging, 'workbook.xlsx');
      // With what reading it back gives, so the next command need not parse it (xlsx-snapshot.ts).
      const saved = await sheets.saveXlsx(this.model, bookTmp, {
        snapshot: path.join(staging, SNAPSHOT),
        name: path.basename(this.bookPath),
      });
      // The workbook keeps its permissions (saving writes a new file in its place).
      if (existsSync(this.bookPath)) chmodSync(bookTmp, statSync(this.bookPath).mode & 0o7777);
      step('staged workbook');
      const renames: {from: string; to: string}[] = [];
      const deletes: string[] = [];
      if (existsSync(path.join(staging, SNAPSHOT)))
        renames.push({
          from: rel(path.join(staging, SNAPSHOT)),
          to: rel(path.join(this.dir, SNAPSHOT)),
        });
      else deletes.push(rel(path.join(this.dir, SNAPSHOT)));
      const computed = path.join(staging, COMPUTED);
      // Tabs the save left as they were keep their computed values (the workbook's file, still in place, is the one the last cache was for).
      const reuse =
        saved?.unchangedTabs.size && existsSync(this.bookPath)
          ? {
              file: path.join(this.dir, COMPUTED),
              sha256: sha256Of(this.bookPath),
              tabs: saved.unchangedTabs,
            }
          : undefined;
      if (writeComputedCache(computed, bookTmp, this.ctx.clock.today, this.cacheSource(), reuse))
        renames.push({from: rel(computed), to: rel(path.join(this.dir, COMPUTED))});
      else deletes.push(rel(path.join(this.dir, COMPUTED)));
      if (this.drive) {
        const plan = this.drive.stage(path.join(staging, 'drive')) as {
          writes: string[];
          deletes: string[];
        };
        for (const f of plan.writes)
          renames.push({
            from: rel(path.join(staging, 'drive', f)),
            to: rel(path.join(this.dir, 'drive', f)),
          });
        for (const f of plan.deletes) deletes.push(rel(path.join(this.dir, 'drive', f)));
        for (const note of (this.drive.notes as string[] | undefined) ?? [])
          this.io.err(`note: ${note}`);
        this.state.drive = this.drive.toState();
      }
      step('staged drive');
      for (const sub of ['outbox', 'ui']) {
        for (const f of moveInto(path.join(this.staging, sub), path.join(staging, sub)))
          renames.push({
            from: rel(path.join(staging, sub, f)),
            to: rel(path.join(this.dir, sub, f)),
          });
      }
      if (this.mailQuota) this.state.mail = this.mailQuota.toState();
      pruneCaches(this.state.cache, this.ctx.clock.now().getTime());
      writeFileSync(path.join(staging, 'state.json'), `${JSON.stringify(this.state, null, 2)}\n`);
      renames.push({
        from: rel(path.join(staging, 'state.json')),
        to: rel(path.join(this.dir, 'state.json')),
      });
      renames.push({from: rel(bookTmp), to: rel(this.bookPath)});
      step('staged state');
      const journal = {version: 1 as const, renames, deletes};
      writeJournal(this.dir, journal);
      step('committed');
      applyJournal(base, this.dir, journal);
      (this.drive as {tidyFolders?: () => void} | null)?.tidyFolders?.();
      // Still under the lock: what this workspace now holds is what is on disk.
      this.opened = filesStamp(this.bookPath, this.dir);
    } catch (e) {
      // A simulated kill leaves its files for the next run's recovery, as a real one would.
      crashed = e instanceof SimulatedCrash;
      if (!crashed && !existsSync(path.join(this.dir, 'journal.json')))
        rmSync(staging, {recursive: true, force: true});
      throw e;
    } finally {
      if (crashed) {
        rmSync(this.staging, {recursive: true, force: true});
        this.release();
      } else this.discard();
    }
  }

  /** Forgets the run: removes what was staged (mail, dialogs) and lets go of the lock. The workbook and workspace stay as they were. */
  discard(): void {
    rmSync(this.staging, {recursive: true, force: true});
    this.release();
  }
}

interface FilesStamp {
  book: string;
  state: string;
}

/**
 * A file's size, time and inode ('' when there is none). A save renames a new file into place,
 * made while the old one still existed (so with another inode): a save within the file
 * system's time resolution, at the same size, still shows.
 */
function fileStamp(file: string): string {
  if (!existsSync(file)) return '';
  const st = statSync(file);
  return `${st.size}:${st.mtimeMs}:${st.ino}`;
}

/** The workbook's and its state.json's stamps. */
function filesStamp(book: string, dir: string): FilesStamp {
  return {book: fileStamp(book), state: fileStamp(path.join(dir, 'state.json'))};
}

/** Whether a save's files are there: one under way, or one a killed run left for recovery. */
function saveUnderWay(dir: string): boolean {
  return [JOURNAL, `${JOURNAL}.tmp`, STAGING].some(f => existsSync(path.join(dir, f)));
}

/** Finishes or undoes what a killed save left (emulator/journal.ts); the caller holds the lock. */
function recoverUnderLock(abs: string, dir: string, io: Io): void {
  const recovered = recoverSave(path.dirname(abs), dir);
  if (recovered === 'finished')
    io.err(
      `note: finished saving ${path.basename(abs)}: the last run stopped half-way through its save`,
    );
  else if (recovered === 'undone')
    io.err(
      `note: ${path.basename(abs)} is as it was before the last run, which stopped before saving`,
    );
}

/** Takes the workbook's lock for this run, telling the user for whom it waits. */
async function lockBook(abs: string, opts: WorkspaceOptions, io: Io): Promise<() => void> {
  try {
    return await acquireBookLock(abs, {
      command: opts.command ?? 'clerk',
      waitMs: opts.lockWaitMs,
      onWait: (h, ms) =>
        io.err(
          `note: ${path.basename(abs)} is in use by ${describeHolder(h)}; waiting up to ${Math.round(ms / 1000)} s`,
        ),
    });
  } catch (e) {
    // Reading a workbook in a folder we cannot write to: there is nothing to protect.
    if (opts.write === false && !(e instanceof ClerkInputError && /in use by/.test(e.message)))
      return () => {};
    throw e;
  }
}

/**
 * A workbook its owner marked read-only is refused, not replaced. The mode bits are checked
 * deliberately: root (as in CI) may write anything, but the file still says "do not change".
 */
function refuseReadOnly(abs: string, shown: string): void {
  let writable = (statSync(abs).mode & 0o200) !== 0;
  if (writable) {
    try {
      accessSync(abs, fsConstants.W_OK);
    } catch {
      writable = false;
    }
  }
  if (!writable)
    throw new ClerkInputError(
      `${shown} is read-only, so clerk has not changed it. Make it writable (chmod u+w, or untick "Read-only" in its properties) or work on a copy.`,
    );
}

/** Moves every file of `from` into `to` (made if needed), copying where a rename cannot cross devices; returns their names. */
function moveInto(from: string, to: string): string[] {
  if (!existsSync(from)) return [];
  const files = readdirSync(from).filter(f => statSync(path.join(from, f)).isFile());
  if (!files.length) return [];
  mkdirSync(to, {recursive: true});
  for (const f of files) {
    try {
      renameSync(path.join(from, f), path.join(to, f));
    } catch {
      copyFileSync(path.join(from, f), path.join(to, f));
    }
  }
  return files;
}
