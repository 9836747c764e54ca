/**
 * A workbook NAME.xlsx and its emulated Workspace in NAME.workspace/ beside it (drive/,
 * outbox/, ui/, state.json): everything one `clerk` run needs, opened together and saved
 * together. Nothing is written until save(), so a run that fails leaves both untouched.
 */
import {randomBytes} from 'node:crypto';
import {
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
import {createSession} from './services/session';
import {createConsole, createLogger, RunLog} from './services/logger';
import {createScriptApp, type TriggerRecord} from './services/script-app';
import {UiRecorder} from './services/ui';
import {processIo, type Io} from './services/io';
import {peers} from './services/peers';

/** Bad input from the person running clerk: reported as one line, exit status 1, nothing saved. */
export class ClerkInputError extends Error {}

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
      `the workspace state ${file} is not valid JSON: ${(e as Error).message}`,
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
    const exists = existsSync(abs);
    if (opts.create && exists)
      throw new ClerkInputError(
        `${bookPath} already exists; choose another name or delete it first`,
      );
    if (!opts.create && !exists) throw new ClerkInputError(`workbook not found: ${bookPath}`);
    const dir = workspaceDirFor(abs);
    if (opts.create && existsSync(dir)) {
      throw new ClerkInputError(
        `${path.basename(dir)} already exists beside ${path.basename(abs)} (left from an earlier workbook); move or delete it first`,
      );
    }
    // The manifest pushed with the program (dist/), or its source while a build is under way.
    const built = path.join(repoRoot(), 'dist', 'appsscript.json');
    const manifest = readManifest(
      existsSync(built) ? built : path.join(repoRoot(), 'appsscript.json'),
    );
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
      scopes: opts.scopes ?? manifest.oauthScopes ?? [],
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
    const ws = new Workspace(
      abs,
      dir,
      ctx,
      state,
      opts.io ?? processIo,
      [...(opts.answers ?? [])],
      !!opts.create,
    );
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
        this.model = await sheets.loadXlsx(this.bookPath, {clock: ctx.clock});
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
    g.Charts = sheets.createChartsService(ctx);
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

  /**
   * Writes everything the run changed: the workbook, the Drive, the outbox, dialogs and
   * state.json. Files are written beside their targets first and renamed into place at the
   * end, so a failure while writing leaves the previous workbook and state.
   */
  async save(): Promise<void> {
    const sheets = peers.sheets()!;
    const tag = `.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
    const bookTmp = `${this.bookPath}${tag}`;
    const stateFile = path.join(this.dir, 'state.json');
    const stateTmp = `${stateFile}${tag}`;
    try {
      if (this.created) mkdirSync(path.dirname(this.bookPath), {recursive: true});
      await sheets.saveXlsx(this.model, bookTmp);
      mkdirSync(this.dir, {recursive: true});
      if (this.drive) {
        await this.drive.flush();
        for (const note of (this.drive.notes as string[] | undefined) ?? [])
          this.io.err(`note: ${note}`);
        this.state.drive = this.drive.toState();
      }
      if (this.mailQuota) this.state.mail = this.mailQuota.toState();
      pruneCaches(this.state.cache, this.ctx.clock.now().getTime());
      writeFileSync(stateTmp, `${JSON.stringify(this.state, null, 2)}\n`);
      for (const sub of ['outbox', 'ui'])
        moveInto(path.join(this.staging, sub), path.join(this.dir, sub));
      renameSync(stateTmp, stateFile);
      renameSync(bookTmp, this.bookPath);
    } catch (e) {
      rmSync(bookTmp, {force: true});
      rmSync(stateTmp, {force: true});
      throw e;
    } finally {
      this.discard();
    }
  }

  /** Forgets the run: removes what was staged (mail, dialogs). The workbook and workspace stay as they were. */
  discard(): void {
    rmSync(this.staging, {recursive: true, force: true});
  }
}

/** Moves every file of `from` into `to` (made if needed); copies where a rename cannot cross devices. */
function moveInto(from: string, to: string): void {
  if (!existsSync(from)) return;
  const files = readdirSync(from).filter(f => statSync(path.join(from, f)).isFile());
  if (!files.length) return;
  mkdirSync(to, {recursive: true});
  for (const f of files) {
    try {
      renameSync(path.join(from, f), path.join(to, f));
    } catch {
      copyFileSync(path.join(from, f), path.join(to, f));
    }
  }
}
