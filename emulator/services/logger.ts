/**
 * Logger (developers.google.com/apps-script/reference/base/logger) and console
 * (developers.google.com/apps-script/reference/base/console): each message goes to stderr
 * prefixed with its level, and is kept in the run's log (Logger.getLog).
 */
import {format} from 'node:util';
import type {ServiceContext} from '../context';
import {tracked} from './base';
import type {Io} from './io';
import {formatString} from './utilities';

export class RunLog {
  readonly lines: string[] = [];
  constructor(private readonly io: Io) {}
  write(level: string, message: string): void {
    this.lines.push(message);
    for (const l of message.split('\n')) this.io.err(`[${level}] ${l}`);
  }
}

export function createLogger(ctx: ServiceContext, log: RunLog) {
  const logger = tracked(ctx, 'Logger', {
    /** Logger.log(data) or Logger.log(format, values…) with formatString's placeholders. */
    log(data: unknown, ...values: unknown[]) {
      const text =
        values.length && typeof data === 'string' ? formatString(data, ...values) : stringify(data);
      log.write('log', text);
      return logger;
    },
    getLog: () => log.lines.join('\n') + (log.lines.length ? '\n' : ''),
    clear() {
      log.lines.length = 0;
    },
  });
  return logger;
}

export function createConsole(ctx: ServiceContext, log: RunLog) {
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      log.write(level, format(...args));
  return tracked(ctx, 'console', {
    log: at('log'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    time: () => undefined,
    timeEnd: () => undefined,
  });
}

/**
 * Logger.log(data) as the reference shows it: a string as it is; an object with a `message`
 * property logs that message; any other object prints as {key=value} (a list as [a, b]).
 */
function stringify(data: unknown): string {
  if (
    data &&
    typeof data === 'object' &&
    !(data instanceof Date) &&
    !Array.isArray(data) &&
    'message' in data
  ) {
    return String((data as {message: unknown}).message);
  }
  return javaString(data);
}

function javaString(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(javaString).join(', ')}]`;
  if (v && typeof v === 'object' && isPlain(v) && !ownToString(v)) {
    return `{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}=${javaString(x)}`)
      .join(', ')}}`;
  }
  return String(v); // strings, numbers, Dates, and objects with their own toString (enums, Ranges…)
}

/** An Apps Script object prints its own way (a Sheet as "Sheet", DriveApp as "Drive"), not as {key=value}. */
function ownToString(v: object): boolean {
  const f = (v as {toString?: unknown}).toString;
  return typeof f === 'function' && !/\[native code\]/.test(Function.prototype.toString.call(f));
}

/** A plain object literal, from either realm (the script's objects come from its own vm context). */
function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || proto.constructor?.name === 'Object';
}
