/**
 * Runs Apps Script files (dist/Code.js, or other people's .gs/.js) in one vm context with the
 * emulated services as globals, as Apps Script does: every file is a sloppy-mode script in
 * one global scope, loaded in order, so top-level const/let/class are shared across files
 * (developers.google.com/apps-script/guides/v8-runtime).
 */
import {readFileSync, statSync} from 'node:fs';
import {createHash} from 'node:crypto';
import {tmpdir} from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type {ServiceContext} from './context';
import type {Clock} from './context';
import {AuthMode} from './services/script-app';
import type {Io} from './services/io';

// Shared with bin/clerk.cjs, which loads it before the bundle (so plain CommonJS).
const {codeCache} = require('./code-cache.cjs') as {
  codeCache(
    dir: string,
    name: string,
    file: string,
  ): {cachedData: Buffer | undefined; keep(script: vm.Script): void};
};

/** Simple triggers stop after 30 s (developers.google.com/apps-script/guides/triggers, "Restrictions"). */
export const SIMPLE_TRIGGER_LIMIT_MS = 30000;

/** Apps Script's message when the function to run does not exist. */
export class ScriptFunctionNotFound extends Error {
  constructor(readonly functionName: string) {
    super(`Script function not found: ${functionName}`);
  }
}

/** Wraps an exception thrown by the script itself, so callers can tell it from bad input. */
export class ScriptError extends Error {
  /** Where in the script it was thrown, as "Code.js:123", when the stack says. */
  readonly where: string | null;
  constructor(
    readonly functionName: string,
    readonly cause: unknown,
  ) {
    super(messageOf(cause));
    this.where = scriptLocation(cause);
  }
}

/** The first stack frame inside a loaded script file (files are loaded from clerk-gs-* folders). */
export function scriptLocation(e: unknown): string | null {
  const stack =
    e && typeof e === 'object' && typeof (e as Error).stack === 'string' ? (e as Error).stack! : '';
  const m = stack.match(/clerk-gs-[^/\\]+[/\\]([^:()\s]+):(\d+):\d+/);
  return m ? `${m[1]}:${m[2]}` : null;
}

/** A file that does not load (syntax error, or an exception in its top-level code). */
export class ScriptLoadError extends Error {}

export function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) return String((e as Error).message);
  return String(e);
}

/**
 * The script realm's Date: Node's own Date constructor (so Dates the services return are
 * `instanceof Date` in the script, and the script's Dates are Dates to the services), except
 * that "now" is the emulated clock (`--today`, moved on by Utilities.sleep).
 */
export function clockDate(clock: Clock): DateConstructor {
  return new Proxy(Date, {
    construct(target, args, newTarget) {
      const a = args.length === 0 ? [clock.now().getTime()] : args;
      return Reflect.construct(target, a, newTarget);
    },
    apply() {
      return new Date(clock.now().getTime()).toString();
    },
    get(target, key) {
      if (key === 'now') return () => clock.now().getTime();
      return Reflect.get(target, key);
    },
  }) as DateConstructor;
}

/**
 * Objects cross between the script realm and Node: an array or error made by a service is
 * not `instanceof Array`/`Error` in the script realm. Apps Script code does such checks, so
 * the realm's Array, Object and Error types also recognise Node's.
 */
function bridgeInstanceChecks(context: vm.Context): void {
  const pairs: [string, (x: unknown) => boolean][] = [
    ['Array', x => Array.isArray(x)],
    ['Object', x => x !== null && (typeof x === 'object' || typeof x === 'function')],
    ['Error', x => x instanceof Error],
    ['TypeError', x => x instanceof TypeError],
    ['RangeError', x => x instanceof RangeError],
  ];
  const ordinary = Function.prototype[Symbol.hasInstance];
  for (const [name, hostCheck] of pairs) {
    const ctor = vm.runInContext(name, context) as object;
    Object.defineProperty(ctor, Symbol.hasInstance, {
      configurable: true,
      value(this: unknown, x: unknown) {
        return ordinary.call(this, x) || (this === ctor && hostCheck(x));
      },
    });
  }
}

/**
 * Runs `fn` with the process's local time zone set to the script's: Apps Script runs a project
 * in its manifest's time zone, so `new Date().getHours()` and `String(date)` are local times
 * there (developers.google.com/apps-script/concepts/manifests, "timeZone"). Node re-reads
 * process.env.TZ when it is assigned; the previous zone is restored afterwards.
 */
export function inTimeZone<T>(timeZone: string | undefined, fn: () => T): T {
  const previous = process.env.TZ;
  if (!timeZone || previous === timeZone) return fn();
  process.env.TZ = timeZone;
  try {
    return fn();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

export interface CallOptions {
  /** A simple trigger (onOpen, onEdit fired by the user) runs with AuthMode LIMITED. */
  trigger?: 'simple' | 'installable';
}

export class ScriptRuntime {
  private constructor(
    readonly context: vm.Context,
    private readonly ctx: ServiceContext,
    private readonly io: Io,
  ) {}

  /**
   * Loads the files, in order, into one context whose globals are `globals` (the emulated
   * services). `Date` is replaced by the clock's Date.
   */
  static load(
    files: readonly string[],
    globals: Record<string, unknown>,
    ctx: ServiceContext,
    io: Io,
  ): ScriptRuntime {
    const sandbox = Object.assign(globals, {Date: clockDate(ctx.clock)});
    const context = vm.createContext(sandbox);
    bridgeInstanceChecks(context);
    inTimeZone(ctx.timeZone, () => {
      for (const file of files) loadOne(file, context);
    });
    return new ScriptRuntime(context, ctx, io);
  }

  /** A global function of the script, whether declared with function, var, let or const. */
  getFunction(name: string): ((...args: unknown[]) => unknown) | null {
    if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(name)) return null;
    let f: unknown;
    try {
      // Also finds `const x = () => …` and object methods (`menu.item1`), as V8 Apps Script does.
      f = vm.runInContext(
        `typeof ${name.split('.')[0]} === 'undefined' ? undefined : ${name}`,
        this.context,
      );
    } catch {
      return null;
    }
    return typeof f === 'function' ? (f as (...args: unknown[]) => unknown) : null;
  }

  has(name: string): boolean {
    return this.getFunction(name) !== null;
  }

  /**
   * Calls a global function as Apps Script would. Unknown name: Google's "Script function not
   * found". A simple trigger runs with AuthMode LIMITED, so services that need authorisation
   * throw; a note is printed if its modelled time passes the 30 s limit.
   */
  callFunction(name: string, args: unknown[] = [], opts: CallOptions = {}): unknown {
    const fn = this.getFunction(name);
    if (!fn) throw new ScriptFunctionNotFound(name);
    const before = this.ctx.stats.modelledMs();
    const previous = this.ctx.authMode;
    this.ctx.authMode = opts.trigger === 'simple' ? 'LIMITED' : 'FULL';
    try {
      const thisArg = name.includes('.')
        ? vm.runInContext(name.slice(0, name.lastIndexOf('.')), this.context)
        : undefined;
      return inTimeZone(this.ctx.timeZone, () => fn.apply(thisArg, args));
    } catch (e) {
      if (e instanceof ScriptFunctionNotFound) throw e;
      throw new ScriptError(name, e);
    } finally {
      this.ctx.authMode = previous;
      const spent = this.ctx.stats.modelledMs() - before;
      if (opts.trigger === 'simple' && spent > SIMPLE_TRIGGER_LIMIT_MS) {
        this.io.err(
          `note: ${name} would take about ${Math.round(spent / 1000)} s in Apps Script; simple triggers are stopped after 30 s.`,
        );
      }
    }
  }

  /** ScriptApp.AuthMode value for the event object of a call. */
  static authModeFor(opts: CallOptions) {
    return opts.trigger === 'simple' ? AuthMode.LIMITED : AuthMode.FULL;
  }
}

/**
 * Runs one file's top-level code in the script's context, as a sloppy-mode script. Its name in
 * stack traces is FOLDER/clerk-gs-PID/NAME (scriptLocation finds it there), as when gas-local
 * loaded each file from a private folder of that name.
 */
function loadOne(file: string, context: vm.Context): void {
  const abs = path.resolve(file);
  const shown = path.join(tmpdir(), `clerk-gs-${process.pid}`, path.basename(abs));
  try {
    const code = readFileSync(abs, 'utf8');
    const cache = scriptCache(abs);
    const script = new vm.Script(code, {filename: shown, cachedData: cache?.cachedData});
    script.runInContext(context);
    cache?.keep(script);
  } catch (e) {
    // Name the file and line: "Code.gs:12: SyntaxError: Unexpected token".
    const stack =
      e && typeof e === 'object' && typeof (e as Error).stack === 'string'
        ? (e as Error).stack!
        : '';
    const where = stack.split('\n').find(l => l.includes(shown));
    const line = where?.match(/:(\d+)/)?.[1];
    const name = e && typeof e === 'object' && 'name' in e ? `${(e as Error).name}: ` : '';
    throw new ScriptLoadError(
      `${path.basename(abs)}${line ? `:${line}` : ''}: ${name}${messageOf(e)}`,
    );
  }
}

/**
 * The V8 code cache of a script file, in the folder CLERK_CODE_CACHE names (bin/clerk.cjs sets
 * it to node_modules/.cache/clerk; unset or "off": none): compiling dist/Code.js was 0.05 CPU-s
 * of every command. Written once the top-level code has run.
 */
function scriptCache(abs: string) {
  const dir = process.env.CLERK_CODE_CACHE;
  if (!dir || dir === 'off') return null;
  // A small script compiles in no time (and tests' scripts in temporary folders would pile up).
  if (statSync(abs).size < 100_000) return null;
  const name = `script-${createHash('sha1').update(abs).digest('hex').slice(0, 16)}`;
  return codeCache(dir, name, abs);
}
