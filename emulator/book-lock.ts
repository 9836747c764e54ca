/**
 * One writer at a time: a command holds NAME.xlsx.lock (created with O_EXCL, so only one
 * process can make it) from opening the workbook until it has saved or given up. The file
 * says who holds it; a lock whose process is gone (killed, crashed) is stale and taken over.
 */
import {closeSync, openSync, readFileSync, rmSync, writeSync} from 'node:fs';
import {hostname} from 'node:os';
import path from 'node:path';
import {ClerkInputError} from './errors';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

export interface LockOptions {
  /** What this run is, for whoever waits on it ("clerk edit Members!B2"). */
  command?: string;
  /** How long to wait for another run to finish, in ms (CLERK_LOCK_WAIT seconds; default 60 s). */
  waitMs?: number;
  /** Told once when the lock is busy and this run starts waiting. */
  onWait?: (holder: LockHolder, waitMs: number) => void;
}

export function lockFileFor(bookPath: string): string {
  return `${path.resolve(bookPath)}.lock`;
}

const held = new Map<string, string>();
let exitHook = false;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
    return typeof h.pid === 'number' ? h : null;
  } catch {
    return null;
  }
}

export function describeHolder(h: LockHolder): string {
  return `${h.command || 'another clerk command'} (process ${h.pid} on ${h.host}, since ${h.since})`;
}

/** A lock that nobody holds any more: its process has ended on this host, or it cannot be read. */
function stale(file: string, h: LockHolder | null): boolean {
  if (!h) {
    // Being written this very moment, or left half-written by a kill: give a writer a moment.
    return true;
  }
  return h.host === hostname() && h.pid !== process.pid && !alive(h.pid);
}

function tryCreate(file: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new ClerkInputError(
      `cannot lock ${path.basename(file, '.lock')}: ${(e as Error).message}. Check that its folder can be written to.`,
    );
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the workbook's lock, waiting (bounded) while another run holds it. Returns its release. */
export async function acquireBookLock(
  bookPath: string,
  opts: LockOptions = {},
): Promise<() => void> {
  const file = lockFileFor(bookPath);
  const envWait = Number(process.env.CLERK_LOCK_WAIT);
  const waitMs =
    opts.waitMs ?? (Number.isFinite(envWait) && envWait >= 0 ? envWait * 1000 : 60_000);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    command: opts.command ?? 'clerk',
    since: new Date().toISOString(),
  };
  const started = Date.now();
  let told = false;
  let unreadableSince = 0;
  for (;;) {
    if (tryCreate(file, me)) break;
    const h = readHolder(file);
    if (h && h.pid === process.pid && h.host === me.host)
      throw new ClerkInputError(
        `${path.basename(bookPath)} is already open in this process by ${h.command}: save or discard that workspace first.`,
      );
    if (!h) unreadableSince ||= Date.now();
    if (stale(file, h) && (h || Date.now() - unreadableSince > 2000)) {
      rmSync(file, {force: true});
      continue;
    }
    if (Date.now() - started >= waitMs) {
      throw new ClerkInputError(
        `${path.basename(bookPath)} is in use by ${h ? describeHolder(h) : 'another clerk command'}; waited ${Math.round(waitMs / 1000)} s. Try again when it has finished (or delete ${file} if no clerk command is running).`,
      );
    }
    if (!told && h) {
      told = true;
      opts.onWait?.(h, waitMs);
    }
    await new Promise(r => setTimeout(r, 50));
  }
  held.set(file, me.since);
  if (!exitHook) {
    exitHook = true;
    // A run that ends without saving (an uncaught error, process.exit) still lets go.
    process.once('exit', () => {
      for (const f of held.keys()) rmSync(f, {force: true});
    });
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.delete(file);
    const h = readHolder(file);
    if (h && h.pid === process.pid && h.since === me.since) rmSync(file, {force: true});
  };
}
