/**
 * LockService (developers.google.com/apps-script/reference/lock/lock-service and /lock/lock).
 * A run is single-threaded, so a lock is free unless the test or the officer marks it as
 * "held elsewhere" (another execution holding it): then tryLock gives false and waitLock
 * throws Google's timeout error. getDocumentLock is null when the script is not bound.
 */
import type {ServiceContext} from '../context';
import {tracked} from './base';

export type LockScope = 'script' | 'document' | 'user';

export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

/** Which locks another execution is holding (set by tests or by `heldElsewhere`). */
export interface LockEnvironment {
  heldElsewhere: Set<LockScope>;
}

export class Lock {
  private held = false;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly scope: LockScope,
    private readonly env: LockEnvironment,
  ) {}

  /** A negative timeout gives up at once: false, no lock (observed in live Apps Script, gas-fakes test/testlock.js). */
  tryLock(timeoutInMillis: number): boolean {
    checkTimeout(timeoutInMillis);
    if (timeoutInMillis < 0) return false;
    if (this.env.heldElsewhere.has(this.scope)) {
      advance(this.ctx, timeoutInMillis);
      return false;
    }
    this.held = true;
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    this.held = false;
  }

  hasLock(): boolean {
    return this.held;
  }
}

function checkTimeout(ms: unknown): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms))
    throw new Error('Invalid argument: timeoutInMillis');
}

/** Waiting for a lock takes emulated time, never real time. */
function advance(ctx: ServiceContext, ms: number): void {
  const clock = ctx.clock as {advance?: (ms: number) => void};
  clock.advance?.(ms);
}

export function createLockService(
  ctx: ServiceContext,
  opts: {bound: boolean; env?: LockEnvironment},
) {
  const env = opts.env ?? {heldElsewhere: new Set<LockScope>()};
  // One lock object per scope per run, as each get*Lock call in Apps Script refers to the same lock.
  const locks = new Map<LockScope, Lock>();
  const get = (scope: LockScope) => {
    let l = locks.get(scope);
    if (!l) locks.set(scope, (l = tracked(ctx, 'Lock', new Lock(ctx, scope, env))));
    return l;
  };
  return tracked(ctx, 'LockService', {
    getScriptLock: () => get('script'),
    getDocumentLock: () => (opts.bound ? get('document') : null),
    getUserLock: () => get('user'),
  });
}
