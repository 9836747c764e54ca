/**
 * `clerk serve BOOK [--port N]`: the script as a web app on this machine. GET / runs the
 * script's doGet with the query as Apps Script passes it (e.parameter), so the public page and
 * `?format=ics` feed are exactly what a deployment would serve. Files are served from the
 * emulated Drive at /papers/ID, but only a file the page itself links to, that is a PDF shared
 * with anyone who has the link; anything else is a plain 404. /sidebar is the sidebar the
 * project's clerk.config.json names a function for ("serve": {"sidebar": …}), with a
 * google.script.run bridge: POST /run/NAME calls the script's global NAME, as google.script.run
 * can call any global not ending in "_" (the script's own check says who may), and saves the
 * workbook when the call changed it. /choose?select=Tab!A1 is the dialog "serve": {"choose": …}
 * shows, with a stand-in for Google Picker.
 *
 * Requests are taken one at a time, on the workbook as last opened or saved (opened again when
 * its files changed on disk), without holding its lock; a sidebar action that changed it takes
 * the lock only to save (or, if another command saved meanwhile, to run again on the workbook
 * opened afresh), so other clerk commands may run between requests. Binds to 127.0.0.1 only.
 * The log names the method, path and status, never a query string, a body or an address.
 */
import http from 'node:http';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {Workspace} from './workspace';
import {BufferIo, type Io} from './services/io';
import {createContentService, TextOutput} from './services/content';
import {peers} from './services/peers';
import {projectConfig} from './project-config';
import {ScriptError} from './runtime';

export interface ServeOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** The day the program sees (YYYY-MM-DD). */
  today?: string;
  /** Where the request log goes. */
  log?: (line: string) => void;
  /**
   * Who is at the browser, as Session.getActiveUser sees them ('' for a visitor the web app
   * cannot identify). Default: the person the script runs as, on their own machine.
   */
  as?: string;
}

export interface Server {
  readonly url: string;
  close(): Promise<void>;
}

/** A web app's services: ContentService, and ScriptApp.getService().getUrl() naming this server. */
export function installWebApp(ws: Workspace, url: string): void {
  const g = ws.globals;
  g.ContentService = createContentService(ws.ctx);
  const scriptApp = g.ScriptApp as object;
  const service = {getUrl: () => url, isEnabled: () => true};
  g.ScriptApp = new Proxy(scriptApp, {
    get(target, key, receiver) {
      if (key === 'getService')
        return () => {
          ws.ctx.stats.count('ScriptApp.getService');
          return service;
        };
      return Reflect.get(target, key, receiver);
    },
  });
}

/**
 * A web app deployed to execute as its owner: Session.getEffectiveUser is the owner (the
 * workspace's user) and Session.getActiveUser the visitor, blank when Google would not say who
 * they are (developers.google.com/apps-script/reference/base/session#getactiveuser).
 */
export function installVisitor(ws: Workspace, visitor: string): void {
  ws.ctx.activeUser = visitor;
}

export interface WebResponse {
  readonly status: number;
  readonly type: string;
  readonly body: string | Uint8Array;
}

/** The query as e.parameter / e.parameters; a malformed query string counts as none. */
export function webEvent(query: string): Record<string, unknown> {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    params = new URLSearchParams();
  }
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [k, v] of params) {
    parameter[k] ??= v;
    (parameters[k] ??= []).push(v);
  }
  return {
    queryString: query,
    parameter,
    parameters,
    contextPath: '',
    contentLength: -1,
  };
}

const DRIVE_LINK = /https:\/\/drive\.google\.com\/file\/d\/([\w-]+)\/view/g;

/** Runs doGet; links to Drive files become links to this server. */
export function runDoGet(ws: Workspace, query: string): WebResponse & {linked: Set<string>} {
  const out = ws.script.callFunction('doGet', [webEvent(query)]) as {
    getContent(): string;
  } | null;
  if (!out || typeof out.getContent !== 'function')
    return {
      status: 500,
      type: 'text/plain',
      body: 'doGet returned nothing to show.',
      linked: new Set(),
    };
  const content = out.getContent();
  const linked = new Set([...content.matchAll(DRIVE_LINK)].map(m => m[1]));
  if (out instanceof TextOutput || (out as {_cls?: string})._cls === 'TextOutput')
    return {status: 200, type: (out as TextOutput)._contentType(), body: content, linked};
  return {
    status: 200,
    type: 'text/html; charset=utf-8',
    body: content.replace(DRIVE_LINK, '/papers/$1').replace(/ target="_top"/g, ''),
    linked,
  };
}

/** A published paper's bytes, or null: it must be linked from the page, a PDF, shared by link, not in the bin. */
export function publishedFile(ws: Workspace, id: string): Uint8Array | null {
  if (!/^[\w-]{10,}$/.test(id)) return null;
  if (!runDoGet(ws, '').linked.has(id)) return null;
  const store = ws.driveStore;
  const e = store?.find(id) as
    {mimeType: string; trashed: boolean; sharing?: {access: string}} | undefined;
  if (!e || e.trashed || e.mimeType !== 'application/pdf') return null;
  if (!['ANYONE', 'ANYONE_WITH_LINK'].includes(e.sharing?.access ?? '')) return null;
  return store.bytes(id) as Uint8Array;
}

/** The bridge a sidebar page gets in place of Apps Script's google.script.run. */
export const BRIDGE = `<script>(function(){
function runner(ok, fail, user) {
  return new Proxy({}, {get: function(_, name) {
    if (name === 'withSuccessHandler') return function(f){ return runner(f, fail, user); };
    if (name === 'withFailureHandler') return function(f){ return runner(ok, f, user); };
    if (name === 'withUserObject') return function(u){ return runner(ok, fail, u); };
    return function() {
      var args = Array.prototype.slice.call(arguments);
      fetch('/run/' + encodeURIComponent(name), {method: 'POST', headers: {'Content-Type': 'application/json', 'X-Clerk-Run': '1'}, body: JSON.stringify(args)})
        .then(function(r){ return r.json(); })
        .then(function(r){ if (r.ok) { if (ok) ok(r.value, user); } else if (fail) fail(new Error(r.error), user); })
        .catch(function(e){ if (fail) fail(e, user); });
    };
  }});
}
window.google = {script: {run: runner(null, null, undefined), host: {close: function(){}}}};
})();</script>`;

/**
 * The function that shows the page served at /sidebar or /choose: the project names it in its
 * clerk.config.json ("serve": {"sidebar": …, "choose": …}); none named, the page is not found.
 */
function pageFunction(page: 'sidebar' | 'choose'): string {
  const name = projectConfig().serve?.[page];
  if (!name)
    throw new ServeRefusal(
      404,
      `Not found: this project names no function for /${page} ("serve": {"${page}": "FUNCTION"} in clerk.config.json)`,
    );
  return name;
}

/** The project's sidebar as the script shows it, with the bridge put first in its head. */
export function sidebarPage(ws: Workspace, io: BufferIo): string {
  const before = io.stdout.length;
  const show = pageFunction('sidebar');
  ws.script.callFunction(show);
  const line = io.stdout
    .slice(before)
    .map(l => l.match(/^sidebar: .* -> (.*\.html)$/))
    .filter(Boolean)
    .pop();
  if (!line) throw new Error(`${show} showed no sidebar.`);
  const staged = path.join(
    (ws as unknown as {staging: string}).staging,
    'ui',
    path.basename(line[1]),
  );
  const html = readFileSync(existsSync(staged) ? staged : line[1], 'utf8');
  return /<head>/i.test(html) ? html.replace(/<head>/i, `<head>${BRIDGE}`) : BRIDGE + html;
}

/**
 * Stands in for Google Picker, which needs Google's servers: once the dialog has loaded, it
 * shows the picker button, lists the emulated Drive (what the dialog asks for: folders, Docs, or
 * any file) and hands the chosen id to the dialog's own `send`, as the Picker's PICKED callback
 * does.
 */
function standInPicker(files: {id: string; name: string; mimeType: string}[]): string {
  const list = JSON.stringify(files).replace(/</g, '\\u003c');
  return `<script>(function(){
var FILES = ${list};
var FOLDER = 'application/vnd.google-apps.folder', DOC = 'application/vnd.google-apps.document';
var b = document.getElementById('pick');
if (!b || typeof send !== 'function') return;
b.hidden = false;
b.textContent = 'Choose from Drive (emulated Drive)';
b.onclick = function () {
  var ul = document.createElement('ul');
  ul.id = 'stand-in-picker';
  FILES.filter(function (f) {
    return CFG.folder ? f.mimeType === FOLDER : CFG.doc ? f.mimeType === DOC : f.mimeType !== FOLDER;
  }).forEach(function (f) {
    var li = document.createElement('li'), x = document.createElement('button');
    x.type = 'button'; x.textContent = f.name; x.setAttribute('data-id', f.id);
    x.onclick = function () { send(f.id); };
    li.appendChild(x); ul.appendChild(li);
  });
  b.after(ul);
};
})();</script>`;
}

/** The Choose from Drive dialog for a selected cell (`Tab!A1`), with the bridge and the stand-in Picker. */
export function choosePage(ws: Workspace, io: BufferIo, select: string): string {
  if (!/^[^!]{1,100}![A-Z]{1,3}\d{1,7}$/.test(select))
    throw new ServeRefusal(400, 'Say which cell to choose for: /choose?select=Settings!A12');
  const show = pageFunction('choose');
  peers.sheets()!.setActiveRange(ws.model, select);
  const before = io.stdout.length;
  ws.script.callFunction(show);
  const lines = io.stdout.slice(before);
  const shown = lines
    .map(l => l.match(/^dialog: .* -> (.*\.html)$/))
    .filter(Boolean)
    .pop();
  if (!shown)
    throw new ServeRefusal(
      400,
      lines.map(l => l.replace(/^alert: /, '')).join('\n') || 'No dialog was shown.',
    );
  const staged = path.join(
    (ws as unknown as {staging: string}).staging,
    'ui',
    path.basename(shown[1]),
  );
  const html = readFileSync(existsSync(staged) ? staged : shown[1], 'utf8');
  const files = (
    ws.driveStore.all() as {id: string; name: string; mimeType: string; trashed: boolean}[]
  )
    .filter(e => !e.trashed && e.id !== ws.driveStore.rootId)
    .map(({id, name, mimeType}) => ({id, name, mimeType}));
  const page = /<head>/i.test(html) ? html.replace(/<head>/i, `<head>${BRIDGE}`) : BRIDGE + html;
  return page.replace(/<\/body>/i, `${standInPicker(files)}</body>`);
}

/** A request the server answers with a plain message and this status. */
class ServeRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A service method that changes nothing the workspace keeps: getters and tests, an advanced
 * service's list and export (Drive.Files.list), formatting, logging and pages built in memory.
 * Any other call (set*, append*, insert*, send*, create*, a lock's waitLock, a cache's put …)
 * counts as a change.
 */
const READ_METHOD =
  /^(get|list|export|is|has|can|find|search|next|to[A-Z]|toString|valueOf|format|parse|evaluate|log|info|warn|error|debug|createHtmlOutput|createTemplate|newBlob|base64|computeDigest)/;

/** True when the calls counted between `before` and `after` only read (a CallStats.byMethod each). */
export function onlyReads(before: Record<string, number>, after: Record<string, number>): boolean {
  return Object.keys(after).every(
    k => after[k] === (before[k] ?? 0) || READ_METHOD.test(k.slice(k.lastIndexOf('.') + 1)),
  );
}

/** Starts the server; resolves once it listens. */
export async function serve(book: string, opts: ServeOptions = {}): Promise<Server> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  if (!existsSync(book)) throw new Error(`no workbook at ${book}`);
  let base = '';
  let queue: Promise<unknown> = Promise.resolve();
  // Opening a workbook takes seconds: requests reuse the last one opened while neither the
  // workbook nor its state.json has changed on disk since (another clerk command changes them).
  let cached: {ws: Workspace; io: BufferIo} | null = null;
  const forget = () => {
    cached?.ws.discard();
    cached = null;
  };
  const openBook = async (write: boolean) => {
    const io = new BufferIo();
    const ws = await Workspace.open(book, {
      today: opts.today,
      io: io as Io,
      command: 'clerk serve',
      write,
      // A read holds no lock between requests, so other clerk commands are never kept waiting.
      lock: write,
    });
    installWebApp(ws, `${base}/`);
    if (opts.as !== undefined) installVisitor(ws, opts.as);
    return {ws, io};
  };
  /** One request at a time. */
  const queued = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job);
    queue = run.catch(() => undefined);
    return run;
  };
  /** The workbook as last opened or saved here, opened again (without its lock) if it changed on disk. */
  const current = async () => {
    if (!cached || cached.ws.changedOnDisk()) {
      forget();
      cached = await openBook(false);
    }
    return cached;
  };
  const withBook = <T>(task: (ws: Workspace, io: BufferIo) => T): Promise<T> =>
    queued(async () => {
      const {ws, io} = await current();
      return task(ws, io);
    });
  /**
   * Runs `task` on the workbook opened afresh with its lock, then saves; that copy, now what is
   * on disk, serves the next requests (opening it again would cost seconds).
   */
  const lockedRun = async <T>(task: (ws: Workspace) => T): Promise<T> => {
    forget();
    const opened = await openBook(true);
    const {ws} = opened;
    let r: T;
    try {
      r = task(ws);
    } catch (e) {
      ws.discard();
      throw e;
    }
    await ws.save(); // saves, lets go of the lock; the copy stays open as what was saved
    cached = opened;
    return r;
  };

  const handle = async (req: http.IncomingMessage): Promise<WebResponse> => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return {status: 404, type: 'text/plain', body: 'Not found'};
    }
    const host = String(req.headers.host ?? '');
    // Only this machine's own names: a page elsewhere cannot reach the workbook by rebinding DNS.
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host))
      return {status: 403, type: 'text/plain', body: 'Forbidden'};
    const query = (req.url ?? '').includes('?')
      ? (req.url ?? '').split('?').slice(1).join('?')
      : '';
    if (req.method === 'GET' && url.pathname === '/') return withBook(ws => runDoGet(ws, query));
    const paper = url.pathname.match(/^\/papers\/([^/]+)$/);
    if (req.method === 'GET' && paper) {
      const bytes = await withBook(ws => publishedFile(ws, paper[1]));
      return bytes
        ? {status: 200, type: 'application/pdf', body: bytes}
        : {status: 404, type: 'text/plain', body: 'Not found'};
    }
    if (req.method === 'GET' && url.pathname === '/sidebar') {
      try {
        return {
          status: 200,
          type: 'text/html; charset=utf-8',
          body: await withBook((ws, io) => sidebarPage(ws, io)),
        };
      } catch (e) {
        if (e instanceof ServeRefusal)
          return {status: e.status, type: 'text/plain; charset=utf-8', body: e.message};
        // The script threw instead of showing its sidebar (it refused this visitor, say): its
        // message, as Sheets would show it.
        if (e instanceof ScriptError)
          return {status: 403, type: 'text/plain; charset=utf-8', body: e.message};
        throw e;
      }
    }
    if (req.method === 'GET' && url.pathname === '/choose') {
      const select = url.searchParams.get('select') ?? '';
      try {
        return {
          status: 200,
          type: 'text/html; charset=utf-8',
          body: await withBook((ws, io) => choosePage(ws, io, select)),
        };
      } catch (e) {
        if (e instanceof ServeRefusal)
          return {status: e.status, type: 'text/plain; charset=utf-8', body: e.message};
        throw e;
      }
    }
    const run = url.pathname.match(/^\/run\/([\w$]+)$/);
    if (req.method === 'POST' && run && !run[1].endsWith('_')) {
      // A header a cross-site form cannot send: only the sidebar's own fetch gets here.
      if (req.headers['x-clerk-run'] !== '1')
        return {status: 403, type: 'text/plain', body: 'Forbidden'};
      const args = await readJson(req);
      const call = (ws: Workspace) => {
        try {
          return {ok: true, value: ws.script.callFunction(run[1], args)};
        } catch (e) {
          return {ok: false, error: e instanceof Error ? e.message : String(e)};
        }
      };
      // Any function may be called, once, on the workbook already open, without its lock. A
      // call that only read is answered from there. One that changed anything is saved from
      // there when, under the lock, the files are still as that copy read them (lockForSave);
      // if another command saved meanwhile, the copy is thrown away (nothing of it was saved)
      // and the call runs again on the workbook opened afresh under its lock, then saved and
      // kept. So only a change is ever written, and never over another's.
      const result = await queued(async () => {
        const {ws} = await current();
        const before = ws.ctx.stats.byMethod();
        const r = call(ws);
        if (onlyReads(before, ws.ctx.stats.byMethod())) return r;
        try {
          if (!(await ws.lockForSave())) return await lockedRun(call);
          await ws.save(); // saves, lets go of the lock; the copy stays open as what was saved
        } catch (e) {
          forget();
          throw e;
        }
        return r;
      });
      return {status: 200, type: 'application/json', body: JSON.stringify(result)};
    }
    return {status: 404, type: 'text/plain', body: 'Not found'};
  };

  const server = http.createServer((req, res) => {
    const started = Date.now();
    handle(req)
      .catch(e => {
        log(`error: ${e instanceof Error ? e.message : String(e)}`);
        return {status: 500, type: 'text/plain', body: 'The workbook could not be read.'};
      })
      .then(r => {
        log(
          `${req.method} ${(req.url ?? '/').split('?')[0].slice(0, 200)} ${r.status} ${Date.now() - started} ms`,
        );
        res.writeHead(r.status, {
          'Content-Type': r.type,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(r.body);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as {port: number}).port;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections?.();
        server.close(() => {
          forget();
          resolve();
        });
      }),
  };
}

async function readJson(req: http.IncomingMessage): Promise<unknown[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 1_000_000) return [];
    chunks.push(c as Buffer);
  }
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

export const SERVE_USAGE = `clerk serve BOOK.xlsx [--port N] [--today YYYY-MM-DD] [--as EMAIL|anonymous]
  Run the script as a web app on http://127.0.0.1:N/ (default 8080): GET / is its doGet (with
  the query as e.parameter), /papers/ID a PDF the page links to and shares by link, /sidebar
  and /choose?select=Tab!A1 the sidebar and dialog the functions named in clerk.config.json
  ("serve": {"sidebar": …, "choose": …}) show, whose google.script.run calls any global.
  --as: who is at the browser (default the user the script runs as; the script's own checks
  decide what they may do). Binds to this machine only; Ctrl-C stops it.`;

/** `clerk serve …`: resolves with the exit status once Ctrl-C (SIGINT or SIGTERM) has stopped it. */
export async function serveCli(argv: readonly string[], io: Io): Promise<number> {
  let book = '';
  let port = 8080;
  let today: string | undefined;
  let as: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [opt, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s) : [argv[i]];
    const value = () => inline ?? argv[++i];
    if (opt === '--port') {
      const v = value();
      port = Number(v);
      if (!/^\d+$/.test(String(v)) || port > 65535) {
        io.err(`clerk: --port must be a number from 0 to 65535; got "${v ?? ''}"`);
        return 1;
      }
    } else if (opt === '--today') today = value();
    else if (opt === '--as') {
      const v = String(value() ?? '');
      if (v !== 'anonymous' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) {
        io.err(`clerk: --as must be an email address or "anonymous"; got "${v}"`);
        return 1;
      }
      as = v === 'anonymous' ? '' : v;
    } else if (opt === '--help') {
      io.out(SERVE_USAGE);
      return 0;
    } else if (!opt.startsWith('--') && !book) book = opt;
    else {
      io.err(
        `clerk: serve: unexpected argument "${argv[i]}". Usage: ${SERVE_USAGE.split('\n')[0]}`,
      );
      return 1;
    }
  }
  if (!book) {
    io.err(`clerk: serve needs the workbook. Usage: ${SERVE_USAGE.split('\n')[0]}`);
    return 1;
  }
  let server: Server;
  try {
    server = await serve(book, {port, today, as, log: l => io.err(l)});
  } catch (e) {
    const code = (e as {code?: string}).code;
    io.err(
      `clerk: serve: ${code === 'EADDRINUSE' ? `port ${port} is in use; choose another with --port` : e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  }
  io.out(
    `Serving ${path.basename(book)} at ${server.url}/ (sidebar: ${server.url}/sidebar). Ctrl-C stops.`,
  );
  await new Promise<void>(resolve => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  io.out('Stopped.');
  return 0;
}
