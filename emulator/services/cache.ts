/**
 * CacheService (developers.google.com/apps-script/reference/cache/cache-service, /cache/cache):
 * script, document and user caches. Entries expire by the emulated clock; default expiry
 * 600 s, the maximum 21600 s (6 hours); keys up to 250 characters, values up to 100 KB
 * ("Argument too large: value", the error Google raises), at most 1,000 items per cache
 * (the oldest is evicted first).
 */
import type {ServiceContext} from '../context';
import {tracked} from './base';

export interface CacheEntry {
  value: string;
  expires: number;
}
export type CacheState = Record<string, Record<string, CacheEntry>>;

export const DEFAULT_EXPIRY_S = 600;
export const MAX_EXPIRY_S = 21600;
export const MAX_KEY_CHARS = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const MAX_ITEMS = 1000;

export class Cache {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly entries: Record<string, CacheEntry>,
  ) {}

  get(key: string): string | null {
    const k = checkKey(key);
    const e = this.entries[k];
    if (!e) return null;
    if (e.expires <= this.now()) {
      delete this.entries[k];
      return null;
    }
    return e.value;
  }

  getAll(keys: string[]): Record<string, string> {
    if (!Array.isArray(keys)) throw new Error('Invalid argument: keys');
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
  }

  put(key: string, value: string, expirationInSeconds = DEFAULT_EXPIRY_S): void {
    this.putAll({[checkKey(key)]: value}, expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds = DEFAULT_EXPIRY_S): void {
    if (values === null || typeof values !== 'object') throw new Error('Invalid argument: values');
    if (typeof expirationInSeconds !== 'number' || !(expirationInSeconds >= 1))
      throw new Error('Invalid argument: expirationInSeconds');
    // Google documents 6 hours as the maximum and keeps items no longer than that.
    const expires = this.now() + Math.min(expirationInSeconds, MAX_EXPIRY_S) * 1000;
    const checked = Object.entries(values).map(([k, v]) => {
      const s = String(v);
      if (Buffer.byteLength(s, 'utf8') > MAX_VALUE_BYTES)
        throw new Error('Argument too large: value');
      return [checkKey(k), s] as const;
    });
    for (const [k, s] of checked) {
      delete this.entries[k]; // re-inserted last, so eviction order is insertion order
      this.entries[k] = {value: s, expires};
    }
    const keys = Object.keys(this.entries);
    for (let i = 0; i < keys.length - MAX_ITEMS; i++) delete this.entries[keys[i]];
  }

  remove(key: string): void {
    delete this.entries[checkKey(key)];
  }

  removeAll(keys: string[]): void {
    if (!Array.isArray(keys)) throw new Error('Invalid argument: keys');
    for (const k of keys) this.remove(k);
  }

  private now(): number {
    return this.ctx.clock.now().getTime();
  }
}

function checkKey(key: unknown): string {
  if (key === undefined || key === null || key === '') throw new Error('Invalid argument: key');
  const k = String(key);
  if (k.length > MAX_KEY_CHARS) throw new Error('Argument too large: key');
  return k;
}

/** Drops expired entries so state.json does not keep them. */
export function pruneCaches(state: CacheState, nowMs: number): void {
  for (const store of Object.values(state)) {
    for (const [k, e] of Object.entries(store)) if (e.expires <= nowMs) delete store[k];
  }
}

export function createCacheService(ctx: ServiceContext, state: CacheState, opts: {bound: boolean}) {
  const wrap = (name: string) => tracked(ctx, 'Cache', new Cache(ctx, (state[name] ??= {})));
  return tracked(ctx, 'CacheService', {
    getScriptCache: () => wrap('script'),
    getDocumentCache: () => (opts.bound ? wrap('document') : null),
    getUserCache: () => wrap(`user:${ctx.user}`),
  });
}
