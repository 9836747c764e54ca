/**
 * `clerk`: the offline Workspace's command line (shared/DESIGN.md §6). Each command opens the
 * workbook and its workspace, does one thing as Sheets would, and saves only if it worked:
 * bad input or a failing script gives one line "clerk: …" on stderr, exit status 1, and
 * leaves the workbook and workspace as they were.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {ClerkInputError, PERMISSIVE_SCOPES, readManifest, Workspace} from './workspace';
import {projectConfig} from './project-config';
import {
  ScriptError,
  ScriptFunctionNotFound,
  ScriptLoadError,
  ScriptRuntime,
  messageOf,
} from './runtime';
import {processIo, type Io} from './services/io';
import {parseCsv} from './services/csv';
import {decodeText} from './text-file';
import {jsonValue} from './json-value';
import {beforeOnEdit, notesOf, reportOnEdit, type EditBlock} from './cli-report';
import {formatDate} from './services/format-date';
import {AuthMode, triggersFor, type TriggerRecord} from './services/script-app';
import {peers} from './services/peers';
import {unwrap} from './sheets/expose';

export const USAGE: Record<string, string> = {
  new: `clerk new BOOK.xlsx [--demo[=NAME]]
  Make a new workbook, open it (onOpen), then run the project's set-up functions as an officer
  would ("setUp" in clerk.config.json at the project root); --demo also runs its "demo" ones, --demo=NAME those listed under "demos" NAME.`,
  run: `clerk run BOOK.xlsx FUNCTION [--select 'Tab!A1'] [--answer TEXT]... [--as EMAIL]
  Call a function of the program as Sheets would from its menu or a trigger.
  --select sets the active cell or range first; each --answer answers the next question the
  script asks (yes, no, ok, cancel, or the text to type into a prompt); --as runs as that user.`,
  edit: `clerk edit BOOK.xlsx 'Tab!A1' VALUE [--as EMAIL]
  Type VALUE into that cell as a person would (Sheets parses dates, money and numbers), then
  fire onEdit with the edit event, and any installable edit triggers. Prints each value the
  script refused ("refused: Tab!A1 …: note") or flagged ("flagged: …: note"); a refused value
  is an answer, not a failure (exit status 0).`,
  import: `clerk import BOOK.xlsx TAB FILE.csv
  Paste the CSV's rows under the tab's matching headers, after its last row, as one edit
  (the sheet grows as needed), then fire onEdit once. The CSV may be UTF-8, UTF-16 or
  Windows-1252 (what Excel on Windows saves as "CSV"); clerk says which when not UTF-8.
  Prints each value refused or flagged, with its note, as edit does.`,
  get: `clerk get BOOK.xlsx 'Tab!A1:D9' [--json] [--notes]
  Print computed values: the text Sheets shows (tab-separated), or typed JSON with --json
  (dates as YYYY-MM-DD). --notes then lists each cell with a note, a background or a text
  colour (one line each; with --json, one JSON array).`,
  exec: `clerk exec BOOK.xlsx FILE.js|FILE.gs... --call FUNCTION [--args JSON]
  Load any Apps Script files into one global scope with the emulated services, in the order
  given, and call FUNCTION (with the JSON array of --args). An appsscript.json among the files
  or beside the first one sets the permissions; otherwise all are granted.`,
  serve: `clerk serve BOOK.xlsx [--port N]
  Run the script as a web app on 127.0.0.1: its doGet, the PDFs that page links to from the
  emulated Drive, and the sidebar and dialog clerk.config.json names ("serve"). Ctrl-C stops.`,
  drive: `clerk drive BOOK.xlsx [add FILE [--id ID]]
  List the emulated Drive (id, path, type, size), or add a local file to it (a .docx becomes a
  Google Doc), optionally under a chosen id.`,
};

const GLOBAL_HELP = `clerk: an Apps Script program run offline, against an .xlsx workbook.

Commands:
${Object.values(USAGE)
  .map(u => `  ${u.split('\n')[0]}`)
  .join('\n')}

Global options:
  --today YYYY-MM-DD   the date the program sees (default: today)
  --stats              print one JSON line to stderr: service calls by method, total, modelled Apps Script time
  --help               this text; \`clerk COMMAND --help\` for one command

A workbook NAME.xlsx keeps its Drive, outbox and state in NAME.workspace/ beside it.
The program is dist/Code.js (npm run build); CLERK_CODE=a.gs:b.gs runs another project instead.
CLERK_LOCK_HELD=document (or script, user) makes those locks busy, as if another run held them.

One command at a time works on a workbook: it holds NAME.xlsx.lock while it runs, and another
waits for it (up to CLERK_LOCK_WAIT seconds, default 60) or stops saying who holds it. A save
writes the workbook, NAME.workspace/state.json and the Drive together (a run killed half-way is
finished or undone by the next one). A workbook marked read-only is refused, never changed.`;

interface Args {
  positional: string[];
  today?: string;
  stats: boolean;
  help: boolean;
  demo: boolean;
  /** --demo=NAME: one of the project's other demos ("demos" in clerk.config.json). */
  demoName?: string;
  json: boolean;
  /** clerk get: also each cell's note and colours. */
  notes: boolean;
  as?: string;
  select?: string;
  answers: string[];
  call?: string;
  args?: string;
  id?: string;
  /** Workspaces this command opened: discarded (their staged files removed) whatever happens. */
  opened: Workspace[];
}

const VALUE_OPTIONS = new Set([
  '--today',
  '--as',
  '--select',
  '--answer',
  '--call',
  '--args',
  '--id',
]);
const FLAG_OPTIONS = new Set(['--stats', '--help', '-h', '--demo', '--json', '--notes']);

function parseArgs(argv: readonly string[]): Args {
  const a: Args = {
    positional: [],
    stats: false,
    help: false,
    demo: false,
    json: false,
    notes: false,
    answers: [],
    opened: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const opt = eq > 0 ? raw.slice(0, eq) : raw;
    if (VALUE_OPTIONS.has(opt)) {
      const v = eq > 0 ? raw.slice(eq + 1) : argv[++i];
      if (v === undefined) throw new ClerkInputError(`${opt} needs a value`);
      if (opt === '--answer') a.answers.push(v);
      else if (opt === '--today') a.today = v;
      else if (opt === '--as') a.as = v;
      else if (opt === '--select') a.select = v;
      else if (opt === '--call') a.call = v;
      else if (opt === '--args') a.args = v;
      else a.id = v;
    } else if (FLAG_OPTIONS.has(opt)) {
      if (opt === '--stats') a.stats = true;
      else if (opt === '--demo') {
        a.demo = true;
        if (eq > 0) a.demoName = raw.slice(eq + 1);
      } else if (opt === '--json') a.json = true;
      else if (opt === '--notes') a.notes = true;
      else a.help = true;
    } else if (raw.startsWith('--')) {
      throw new ClerkInputError(`unknown option ${raw} (see clerk --help)`);
    } else a.positional.push(raw);
  }
  return a;
}

function need(args: Args, count: number, command: string, what: string): string[] {
  const rest = args.positional.slice(1);
  if (rest.length < count)
    throw new ClerkInputError(`${command} needs ${what}. Usage: ${USAGE[command].split('\n')[0]}`);
  return rest;
}

function noExtra(rest: string[], count: number, command: string): void {
  if (rest.length > count)
    throw new ClerkInputError(
      `${command}: unexpected argument "${rest[count]}". Usage: ${USAGE[command].split('\n')[0]}`,
    );
}

/** `Tab!A1` with the tab named, as every cell argument must be. */
function tabbed(a1: string, what: string): string {
  if (!a1.includes('!') || a1.endsWith('!'))
    throw new ClerkInputError(
      `${what} must name the tab and the cell, like 'Members!B2'; got "${a1}"`,
    );
  return a1;
}

/** The tab of 'Tab!A1' must be one of the workbook's: say which tabs there are if not. */
function checkTab(ws: Workspace, a1: string): void {
  const raw = a1.slice(0, a1.lastIndexOf('!'));
  const tab = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  const names: string[] = (ws.model.sheets as {name: string}[]).map(s => s.name);
  if (!names.some(n => n.toLowerCase() === tab.toLowerCase())) {
    throw new ClerkInputError(
      `unknown tab "${tab}" in ${path.basename(ws.bookPath)} (its tabs: ${names.join(', ')})`,
    );
  }
}

/** A command gives back the workspace it used; `readOnly` ones are not saved. */
type Command = (args: Args, io: Io) => Promise<Workspace>;
const readOnly = new WeakSet<Workspace>();

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  // A long-running server with options of its own (emulator/serve.ts).
  if (argv[0] === 'serve') return (await import('./serve')).serveCli(argv.slice(1), io);
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(`clerk: ${messageOf(e)}`);
    return 1;
  }
  const command = args.positional[0];
  if (!command || command === 'help') {
    const topic = args.positional[1];
    io.out(topic && USAGE[topic] ? USAGE[topic] : GLOBAL_HELP);
    return command || args.help ? 0 : 1;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(
      `clerk: unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(', ')}; see clerk --help)`,
    );
    return 1;
  }
  if (args.help) {
    io.out(USAGE[command]);
    return 0;
  }
  try {
    const ws = await run(args, io);
    if (!readOnly.has(ws)) {
      if (ws.answers.length)
        io.err(
          `note: ${ws.answers.length} --answer value(s) were not asked for: ${ws.answers.map(x => JSON.stringify(x)).join(', ')}`,
        );
      await ws.save();
    }
    if (args.stats) io.err(JSON.stringify(ws.ctx.stats.toJSON()));
    return 0;
  } catch (e) {
    io.err(`clerk: ${describeError(command, e)}`);
    return 1;
  } finally {
    for (const ws of args.opened) ws.discard();
  }
}

/** One line: what went wrong and where. */
export function describeError(command: string, e: unknown): string {
  const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();
  if (
    e instanceof ClerkInputError ||
    e instanceof ScriptFunctionNotFound ||
    e instanceof ScriptLoadError
  )
    return oneLine(e.message);
  if (e instanceof ScriptError)
    return oneLine(`${e.functionName} failed: ${e.message}${e.where ? ` (${e.where})` : ''}`);
  return oneLine(`${command}: ${messageOf(e)}`);
}

/** Opens the workspace for a command; the workbook must exist unless `create`. */
async function open(
  book: string,
  args: Args,
  io: Io,
  extra: {create?: boolean; scopes?: readonly string[]; timeZone?: string; write?: boolean} = {},
) {
  const ws = await Workspace.open(book, {
    command: `clerk ${args.positional.slice(0, 3).join(' ')}`,
    today: args.today,
    user: args.as,
    answers: args.answers,
    io,
    ...extra,
  });
  args.opened.push(ws);
  return ws;
}

/** Calls FUNCTION as Sheets would: a simple trigger for onOpen/onEdit, a time-driven trigger for a CLOCK handler, else a menu item. */
export function callAsSheetsWould(ws: Workspace, name: string, io: Io): unknown {
  const script = ws.script;
  if (!script.has(name)) throw new ScriptFunctionNotFound(name);
  const ss = ws.spreadsheet;
  // Who opened or edited it: fixed now, so installable triggers (run as their installers) see them too.
  const user = userObject(ws.ctx.activeUser ?? ws.ctx.user);
  if (name === 'onOpen') {
    // Opening the spreadsheet: the simple trigger, then installable open triggers (as their installers).
    const result = script.callFunction(name, [{authMode: AuthMode.LIMITED, source: ss, user}], {
      trigger: 'simple',
    });
    for (const t of triggersFor(ws.state.triggers, 'ON_OPEN', ws.state.spreadsheetId ?? null)) {
      asInstaller(ws, t, user.getEmail(), () =>
        script.callFunction(
          t.handler,
          [{authMode: AuthMode.FULL, source: ss, user: userFor(t, user), triggerUid: t.uid}],
          {trigger: 'installable'},
        ),
      );
    }
    return result;
  }
  if (name === 'onEdit') {
    const range = ss.getActiveRange();
    ws.ctx.stats.reset();
    return script.callFunction(
      name,
      [{authMode: AuthMode.LIMITED, source: ss, range: eventRange(range), user}],
      {
        trigger: 'simple',
      },
    );
  }
  const clock = triggersFor(ws.state.triggers, 'CLOCK', null).find(t => t.handler === name);
  if (clock) {
    io.err(`note: running ${name} as its time-driven trigger (installed by ${clock.user})`);
    ws.uiAvailable = false;
    try {
      return asInstaller(ws, clock, undefined, () =>
        script.callFunction(name, [timeEvent(ws, clock)], {trigger: 'installable'}),
      );
    } finally {
      ws.uiAvailable = true;
    }
  }
  return script.callFunction(name, [], {});
}

/**
 * An installable trigger runs under the authority of the user who installed it
 * (Session.getEffectiveUser: "If the script is running under an installable trigger, this
 * returns the account of the user who created the trigger",
 * developers.google.com/apps-script/reference/base/session#getEffectiveUser), while
 * Session.getActiveUser is the person who opened or edited the spreadsheet (`actor`), as far as
 * Google tells the script: see activeUserFor. A time-driven trigger has no actor.
 */
function asInstaller<T>(ws: Workspace, t: TriggerRecord, actor: string | undefined, f: () => T): T {
  const previous = {user: ws.ctx.user, activeUser: ws.ctx.activeUser};
  ws.ctx.user = t.user;
  ws.ctx.activeUser = actor === undefined ? undefined : activeUserFor(t.user, actor);
  try {
    return f();
  } finally {
    ws.ctx.user = previous.user;
    ws.ctx.activeUser = previous.activeUser;
  }
}

/**
 * The person's email as an installable trigger installed by `installer` may see it: "the
 * user's email address is not available in any context that allows a script to run without
 * that user's authorization ... these restrictions generally do not apply if the developer runs
 * the script themselves or belongs to the same Google Workspace domain as the user"
 * (developers.google.com/apps-script/reference/base/session#getActiveUser). Modelled as: the
 * installer themselves, or someone in the installer's own domain (not a consumer gmail.com
 * one), is named; anyone else is an empty string.
 */
export function activeUserFor(installer: string, actor: string): string {
  if (actor.toLowerCase() === installer.toLowerCase()) return actor;
  const domain = (e: string) => e.slice(e.lastIndexOf('@') + 1).toLowerCase();
  const consumer = ['gmail.com', 'googlemail.com'];
  return domain(actor) === domain(installer) && !consumer.includes(domain(actor)) ? actor : '';
}

/** A User as event objects carry it (developers.google.com/apps-script/reference/base/user). */
function userObject(email: string) {
  return {
    getEmail: () => email,
    getNickname: () => email.split('@')[0],
    toString: () => email,
  };
}

/** The event's `user` for an installable trigger: the actor, as its installer may see them. */
function userFor(t: TriggerRecord, actor: {getEmail(): string}) {
  return userObject(activeUserFor(t.user, actor.getEmail()));
}

/** developers.google.com/apps-script/guides/triggers/events, "Time-driven events". */
function timeEvent(ws: Workspace, t: TriggerRecord): Record<string, unknown> {
  const now = ws.ctx.clock.now();
  const f = (p: string) => Number(formatDate(now, 'UTC', p));
  return {
    authMode: AuthMode.FULL,
    triggerUid: t.uid,
    timezone: 'UTC',
    year: f('yyyy'),
    month: f('M'),
    'day-of-month': f('d'),
    'day-of-week': f('u'),
    'week-of-year': f('w'),
    hour: f('H'),
    minute: f('m'),
    second: f('s'),
  };
}

function printResult(io: Io, result: unknown): void {
  if (result === undefined) return;
  io.out(typeof result === 'string' ? result : JSON.stringify(result, null, 2));
}

/** Fires onEdit as a simple trigger, then the installable edit triggers of this spreadsheet, as Sheets does after a person's edit. */
/**
 * e.range as Apps Script passes it to onEdit: the Range, also carrying rowStart, columnStart,
 * rowEnd and columnEnd (1-based) as plain properties that cost no service call (they are in
 * the event object: tanaikech.github.io "Benchmark: Event Objects for Google Apps Script";
 * src/workbook/onedit.ts rectOfEvent reads them). Every method is the Range's own.
 */
export function eventRange(range: unknown): unknown {
  const r = (
    unwrap(range) as {_rect?: {row: number; col: number; numRows: number; numCols: number}}
  )?._rect;
  if (!r || typeof range !== 'object' || range === null) return range;
  const extra: Record<string, number> = {
    rowStart: r.row,
    columnStart: r.col,
    rowEnd: r.row + r.numRows - 1,
    columnEnd: r.col + r.numCols - 1,
  };
  const own = (prop: PropertyKey): prop is string =>
    typeof prop === 'string' && Object.prototype.hasOwnProperty.call(extra, prop);
  return new Proxy(range, {
    get: (inner, prop) => (own(prop) ? extra[prop] : Reflect.get(inner, prop)),
    has: (inner, prop) => own(prop) || Reflect.has(inner, prop),
  });
}

export function fireEdit(
  ws: Workspace,
  edit: {range: unknown; oldValue?: unknown; value?: unknown},
): void {
  const script = ws.script;
  const ss = ws.spreadsheet;
  // The person who edited (`--as`): e.user for the simple trigger and (as far as Google names
  // them to the installer) for installable ones, which run under their installers' authority.
  const editor = ws.ctx.activeUser ?? ws.ctx.user;
  const event = (authMode: unknown, extra: Record<string, unknown> = {}) => {
    const e: Record<string, unknown> = {
      authMode,
      range: eventRange(edit.range),
      source: ss,
      user: userObject(editor),
      ...extra,
    };
    // "Only available if the edited range is a single cell" (guides/triggers/events).
    if (edit.value !== undefined) e.value = edit.value;
    if (edit.oldValue !== undefined) e.oldValue = edit.oldValue;
    return e;
  };
  if (script.has('onEdit'))
    script.callFunction('onEdit', [event(AuthMode.LIMITED)], {trigger: 'simple'});
  for (const t of triggersFor(ws.state.triggers, 'ON_EDIT', ws.state.spreadsheetId ?? null)) {
    asInstaller(ws, t, editor, () =>
      script.callFunction(
        t.handler,
        [event(AuthMode.FULL, {triggerUid: t.uid, user: userFor(t, userObject(editor))})],
        {
          trigger: 'installable',
        },
      ),
    );
  }
}

/**
 * A new spreadsheet starts with an empty "Sheet1"; once the program has made its own tabs an
 * officer would delete it. The workbook then opens on its first visible tab.
 */
export function openOnFirstTab(ws: Workspace, io: Io): void {
  const ss = ws.spreadsheet;
  const tabs = ss.getSheets() as {
    getName(): string;
    getLastRow(): number;
    getLastColumn(): number;
    isSheetHidden(): boolean;
    activate(): void;
  }[];
  const blank = tabs.find(t => t.getName() === 'Sheet1');
  if (blank && tabs.length > 1 && blank.getLastRow() === 0 && blank.getLastColumn() === 0) {
    ss.deleteSheet(blank);
    io.err('note: removed the empty Sheet1 the new spreadsheet started with');
  }
  (ss.getSheets() as typeof tabs).find(t => !t.isSheetHidden())?.activate();
}

export {projectConfig};

/** Where an edit landed, for the report of what onEdit made of it. */
export function blockOf(range: any): EditBlock {
  return {
    tab: range.getSheet().getName(),
    row: range.getRow(),
    col: range.getColumn(),
    numRows: range.getNumRows(),
    numCols: range.getNumColumns(),
  };
}

/** A user's edit, as the Sheets emulator makes it; a rejected value is bad input naming the cell. */
export function userEdit(ws: Workspace, a1: string, input: string[][]) {
  const sheets = peers.sheets()!;
  void ws.script; // load the program before the edit: its top-level code runs first, as in Sheets
  // The edit is placed by its top-left cell: a paste may run past the sheet's last row and grow it.
  const bang = a1.lastIndexOf('!');
  const topLeft = a1.slice(0, bang + 1) + a1.slice(bang + 1).split(':')[0];
  try {
    return sheets.userEdit(ws.spreadsheet, topLeft, input);
  } catch (e) {
    const msg = messageOf(e).replace(/^Exception:\s*/, '');
    // The Sheets emulator's refusals already name the tab and cell.
    throw new ClerkInputError(msg.includes('!') ? msg : `${a1}: ${msg}`);
  }
}

export {jsonValue};

const COMMANDS: Record<string, Command> = {
  async new(args, io) {
    const [book] = need(args, 1, 'new', 'the workbook to make (BOOK.xlsx)');
    noExtra(args.positional.slice(1), 1, 'new');
    const ws = await open(book, args, io, {create: true});
    const script = ws.script;
    const project = projectConfig();
    const demo = args.demoName ? project.demos?.[args.demoName] : project.demo;
    if (args.demo && !demo?.length)
      throw new ClerkInputError(
        args.demoName
          ? `this project has no demo "${args.demoName}" (its demos: ${Object.keys(project.demos ?? {}).join(', ') || 'none'}); list them under "demos" in ${project.file}`
          : `this project has no demo: list the functions that load it as "demo" in ${project.file}`,
      );
    if (script.has('onOpen')) callAsSheetsWould(ws, 'onOpen', io);
    for (const fn of [...(project.setUp ?? []), ...(args.demo ? (demo ?? []) : [])]) {
      if (script.has(fn)) script.callFunction(fn);
      else
        io.err(
          `note: the program has no ${fn} function (named in ${project.file}), so it was not run`,
        );
    }
    openOnFirstTab(ws, io);
    io.out(`made ${book}`);
    return ws;
  },

  async run(args, io) {
    const [book, fn, ...rest] = need(args, 2, 'run', 'the workbook and the function to call');
    noExtra(rest, 0, 'run');
    const ws = await open(book, args, io);
    if (args.select) {
      checkTab(ws, tabbed(args.select, '--select'));
      try {
        peers.sheets()!.setActiveRange(ws.model, args.select);
      } catch (e) {
        throw new ClerkInputError(
          `--select ${args.select}: ${messageOf(e).replace(/^Exception:\s*/, '')}`,
        );
      }
    }
    printResult(io, callAsSheetsWould(ws, fn, io));
    return ws;
  },

  async edit(args, io) {
    const [book, cell, value, ...rest] = need(
      args,
      3,
      'edit',
      "the workbook, the cell ('Tab!A1') and the value",
    );
    noExtra(rest, 0, 'edit');
    tabbed(cell, 'the cell');
    const ws = await open(book, args, io);
    checkTab(ws, cell);
    const edit = userEdit(ws, cell, [[value]]);
    // A warning-only protection: Sheets asks first; the person went ahead, so say what was asked.
    if (edit.warning) io.err(`warning: ${cell}: ${edit.warning}`);
    const block = blockOf(edit.range);
    const before = beforeOnEdit(ws.model, block);
    ws.ctx.stats.reset(); // count what the program does about the edit
    fireEdit(ws, edit);
    reportOnEdit(ws.model, block, before, io);
    return ws;
  },

  async import(args, io) {
    const [book, tab, file, ...rest] = need(
      args,
      3,
      'import',
      'the workbook, the tab and the CSV file',
    );
    noExtra(rest, 0, 'import');
    if (!existsSync(file)) throw new ClerkInputError(`CSV file not found: ${file}`);
    const decoded = decodeText(readFileSync(file), file);
    if (decoded.encoding !== 'UTF-8')
      io.err(`note: ${file} read as ${decoded.encoding} text (not UTF-8)`);
    let rows: string[][];
    try {
      rows = parseCsv(decoded.text);
    } catch (e) {
      throw new ClerkInputError(`${file}: ${messageOf(e)}`);
    }
    if (rows.length < 2)
      throw new ClerkInputError(`${file}: needs a header row and at least one row of data`);
    const ws = await open(book, args, io);
    const paste = pastePlan(ws, tab, rows, file);
    if (paste.unmatched.length)
      io.err(`note: ${file}: columns not in ${tab}, left out: ${paste.unmatched.join(', ')}`);
    const edit = userEdit(ws, paste.a1, paste.block);
    if (edit.warning) io.err(`warning: ${paste.a1}: ${edit.warning}`);
    const block = blockOf(edit.range);
    const before = beforeOnEdit(ws.model, block);
    ws.ctx.stats.reset();
    fireEdit(ws, {range: edit.range});
    io.out(`pasted ${paste.block.length} row(s) into ${paste.a1}`);
    reportOnEdit(ws.model, block, before, io);
    return ws;
  },

  async get(args, io) {
    const [book, a1, ...rest] = need(args, 2, 'get', "the workbook and the range ('Tab!A1:D9')");
    noExtra(rest, 0, 'get');
    tabbed(a1, 'the range');
    const ws = await open(book, args, io, {write: false});
    checkTab(ws, a1);
    let got: {values: unknown[][]; display: string[][]};
    try {
      got = peers.sheets()!.getComputed(ws.model, a1);
    } catch (e) {
      throw new ClerkInputError(`${a1}: ${messageOf(e).replace(/^Exception:\s*/, '')}`);
    }
    if (args.json)
      io.out(
        JSON.stringify(
          got.values.map(r => r.map(v => jsonValue(v, ws.model.timeZone ?? ws.ctx.timeZone))),
        ),
      );
    else for (const r of got.display) io.out(r.join('\t'));
    if (args.notes) {
      const marks = notesOf(ws.model, a1);
      if (args.json) io.out(JSON.stringify(marks));
      else
        for (const m of marks)
          io.out(
            [
              m.cell,
              m.background ? `background ${m.background}` : '',
              m.color ? `text ${m.color}` : '',
              m.note ? `note: ${m.note.replace(/\s*\n\s*/g, ' / ')}` : '',
            ]
              .filter(Boolean)
              .join('\t'),
          );
    }
    readOnly.add(ws); // reading changes nothing
    return ws;
  },

  async exec(args, io) {
    const [book, ...files] = need(args, 2, 'exec', 'the workbook and at least one script file');
    if (!args.call)
      throw new ClerkInputError(`exec needs --call FUNCTION. Usage: ${USAGE.exec.split('\n')[0]}`);
    let callArgs: unknown[] = [];
    if (args.args !== undefined) {
      try {
        const parsed = JSON.parse(args.args) as unknown;
        callArgs = Array.isArray(parsed) ? parsed : [parsed];
      } catch (e) {
        throw new ClerkInputError(`--args must be JSON (an array of arguments): ${messageOf(e)}`);
      }
    }
    const manifests = files.filter(f => path.basename(f) === 'appsscript.json');
    const beside = path.join(path.dirname(files[0]), 'appsscript.json');
    const manifestFile = manifests[0] ?? (existsSync(beside) ? beside : null);
    const manifest = manifestFile ? readManifest(manifestFile) : null;
    const scopes = manifest?.oauthScopes ?? PERMISSIVE_SCOPES;
    const code = files.filter(f => !/\.(json|html)$/i.test(f));
    const pages = files.filter(f => /\.html$/i.test(f));
    for (const f of [...code, ...pages]) {
      if (!existsSync(f)) throw new ClerkInputError(`script file not found: ${f}`);
      if (!/\.(gs|js|html)$/i.test(f))
        throw new ClerkInputError(
          `${f}: only .gs, .js, .html and appsscript.json files can be loaded`,
        );
    }
    const ws = await open(book, args, io, {scopes, timeZone: manifest?.timeZone});
    // HtmlService.createHtmlOutputFromFile('Sidebar') finds Sidebar.html among the files given.
    for (const f of pages)
      ws.htmlFiles[path.basename(f, path.extname(f))] = readFileSync(f, 'utf8');
    const script: ScriptRuntime = ws.loadScript(code);
    printResult(io, script.callFunction(args.call, callArgs));
    return ws;
  },

  async drive(args, io) {
    const [book, action, file, ...rest] = need(args, 1, 'drive', 'the workbook');
    if (action !== undefined && action !== 'add')
      throw new ClerkInputError(
        `drive: unknown action "${action}" (use: clerk drive BOOK, or clerk drive BOOK add FILE [--id ID])`,
      );
    if (action === 'add' && !file) throw new ClerkInputError('drive add needs the file to add');
    noExtra(rest, 0, 'drive');
    const ws = await open(book, args, io, {write: action === 'add'});
    const store = ws.driveStore;
    if (!store) throw new ClerkInputError('the emulated Drive is not built yet (emulator/drive)');
    if (action === 'add') {
      if (!existsSync(file)) throw new ClerkInputError(`file not found: ${file}`);
      let added: unknown;
      try {
        added = await store.addLocalFile(file, {id: args.id});
      } catch (e) {
        throw new ClerkInputError(
          `${path.basename(file)}: ${messageOf(e).replace(/^Exception:\s*/, '')}`,
        );
      }
      const id =
        (added as {id?: string; getId?: () => string})?.id ??
        (added as {getId?: () => string})?.getId?.() ??
        args.id ??
        '';
      io.out(`added ${path.basename(file)}${id ? ` as ${id}` : ''}`);
      return ws;
    }
    for (const f of store.list() as {
      id: string;
      path: string;
      type?: string;
      mimeType?: string;
      size?: number;
    }[]) {
      io.out([f.id, f.path, f.type ?? f.mimeType ?? '', f.size ?? ''].join('\t'));
    }
    readOnly.add(ws);
    return ws;
  },
};

/** A menu action for runMenuActions: the function, and what to select first (an A1, or worked out from the spreadsheet). */
export interface MenuAction {
  fn: string;
  select?: string | ((spreadsheet: any) => string | null);
}

/**
 * Runs several menu actions on one workbook as an officer would, one after another, opening
 * and saving it once (for `npm start`). Actions the program does not have are skipped; one
 * that fails is reported and the others still run: as in Sheets, where a failed menu action
 * does not undo the others.
 */
export async function runMenuActions(
  book: string,
  actions: readonly MenuAction[],
  opts: {today?: string; io?: Io} = {},
): Promise<{ran: string[]; failed: string[]}> {
  const io = opts.io ?? processIo;
  const ws = await Workspace.open(book, {today: opts.today, io});
  const ran: string[] = [];
  const failed: string[] = [];
  try {
    const script = ws.script;
    for (const a of actions) {
      if (!script.has(a.fn)) continue;
      io.out(`\nmenu: ${a.fn}`);
      try {
        const select = typeof a.select === 'function' ? a.select(ws.spreadsheet) : a.select;
        if (select) peers.sheets()!.setActiveRange(ws.model, select);
        printResult(io, callAsSheetsWould(ws, a.fn, io));
        ran.push(a.fn);
      } catch (e) {
        io.err(`clerk: ${describeError(a.fn, e)}`);
        failed.push(a.fn);
      }
    }
    ws.answers.length = 0;
    await ws.save();
  } catch (e) {
    ws.discard();
    throw e;
  }
  return {ran, failed};
}

/**
 * Where a CSV goes: under the tab's headers that match the CSV's (case and spaces aside),
 * after the last row that has anything in those columns. Columns between them that the CSV
 * does not fill keep what they have (formulas stay formulas).
 */
export function pastePlan(ws: Workspace, tab: string, rows: string[][], file: string) {
  const ss = ws.spreadsheet;
  const sheet = ss.getSheetByName(tab);
  if (!sheet) throw new ClerkInputError(`unknown tab "${tab}" in ${path.basename(ws.bookPath)}`);
  const lastCol = Math.max(sheet.getLastColumn(), 1);
  const headers = (sheet.getRange(1, 1, 1, lastCol).getDisplayValues()[0] as string[]).map(h =>
    h.trim().toLowerCase(),
  );
  const csvHeaders = rows[0];
  const cols: number[] = [];
  const unmatched: string[] = [];
  csvHeaders.forEach((h, i) => {
    const at = headers.indexOf(h.trim().toLowerCase());
    if (at < 0 || !h.trim()) unmatched.push(h || `(column ${i + 1})`);
    cols[i] = at < 0 || !h.trim() ? -1 : at + 1;
  });
  const used = cols.filter(c => c > 0);
  if (!used.length)
    throw new ClerkInputError(
      `${file}: none of its headers (${csvHeaders.join(', ')}) is a column of ${tab}`,
    );
  const first = Math.min(...used),
    last = Math.max(...used);
  const width = last - first + 1;
  const data = rows.slice(1).filter(r => r.some(c => c.trim() !== ''));
  for (const [n, r] of data.entries()) {
    if (r.length !== csvHeaders.length)
      throw new ClerkInputError(
        `${file}: row ${n + 2} has ${r.length} fields but the header has ${csvHeaders.length}`,
      );
  }
  const lastRow = sheet.getLastRow();
  let lastData = 1;
  if (lastRow > 1) {
    const values = sheet.getRange(2, first, lastRow - 1, width).getValues() as unknown[][];
    values.forEach((r, i) => {
      if (used.some(c => r[c - first] !== '' && r[c - first] !== null)) lastData = i + 2;
    });
  }
  const start = lastData + 1;
  // Rows past the end of the sheet are empty: the paste grows the sheet, as in Sheets.
  const inSheet = Math.min(data.length, sheet.getMaxRows() - start + 1);
  const existing = inSheet > 0 ? sheet.getRange(start, first, inSheet, width) : null;
  const formulas = (existing?.getFormulas() ?? []) as string[][];
  const shown = (existing?.getDisplayValues() ?? []) as string[][];
  const block = data.map((r, i) => {
    const out: string[] =
      i < inSheet ? formulas[i].map((f, j) => f || shown[i][j]) : Array<string>(width).fill('');
    r.forEach((v, k) => {
      if (cols[k] > 0) out[cols[k] - first] = v;
    });
    return out;
  });
  const a1 = `${quoteTab(tab)}!${columnLetters(first)}${start}:${columnLetters(last)}${start + data.length - 1}`;
  return {a1, block, unmatched};
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function quoteTab(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
