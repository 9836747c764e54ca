/**
 * PropertiesService (developers.google.com/apps-script/reference/properties/properties-service):
 * script, document and user stores of string key/value pairs. Values are stored as strings
 * (anything else is converted with String(), as Google does); getProperty gives null when absent.
 * Limits (developers.google.com/apps-script/guides/services/quotas): 9 KB per value,
 * 500 KB per property store.
 */
import type {ServiceContext} from '../context';
import {tracked} from './base';

export interface PropertiesState {
  script: Record<string, string>;
  document: Record<string, string>;
  /** By user email. */
  user: Record<string, Record<string, string>>;
}

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const STORE_LIMIT_BYTES = 500 * 1024;
const QUOTA_ERROR =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

export function emptyPropertiesState(): PropertiesState {
  return {script: {}, document: {}, user: {}};
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function storeSize(store: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(store)) n += bytes(k) + bytes(v);
  return n;
}

function keyOf(key: unknown): string {
  if (key === undefined || key === null || key === '') throw new Error('Invalid argument: key');
  return String(key);
}

/** One property store (the Properties class). */
export class Properties {
  constructor(private readonly store: Record<string, string>) {}

  getProperty(key: string): string | null {
    const k = keyOf(key);
    return Object.prototype.hasOwnProperty.call(this.store, k) ? this.store[k] : null;
  }

  setProperty(key: string, value: unknown): Properties {
    this._write({[keyOf(key)]: value}, false);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    if (properties === null || typeof properties !== 'object')
      throw new Error('Invalid argument: properties');
    this._write(properties, deleteAllOthers);
    return this;
  }

  getProperties(): Record<string, string> {
    return {...this.store};
  }

  getKeys(): string[] {
    return Object.keys(this.store);
  }

  deleteProperty(key: string): Properties {
    delete this.store[keyOf(key)];
    return this;
  }

  deleteAllProperties(): Properties {
    for (const k of Object.keys(this.store)) delete this.store[k];
    return this;
  }

  /** All or nothing: a write that would break a limit changes nothing. */
  // "_": the emulator's own step, not a call the script makes (not counted in --stats).
  private _write(entries: Record<string, unknown>, deleteAllOthers: boolean): void {
    const next: Record<string, string> = deleteAllOthers ? {} : {...this.store};
    for (const [k, v] of Object.entries(entries)) {
      const s = String(v);
      if (bytes(s) > VALUE_LIMIT_BYTES) throw new Error(QUOTA_ERROR);
      next[k] = s;
    }
    if (storeSize(next) > STORE_LIMIT_BYTES) throw new Error(QUOTA_ERROR);
    for (const k of Object.keys(this.store)) delete this.store[k];
    Object.assign(this.store, next);
  }
}

/**
 * The PropertiesService global. `bound` says whether the script is bound to a document
 * (getDocumentProperties returns null otherwise, as the reference says).
 */
export function createPropertiesService(
  ctx: ServiceContext,
  state: PropertiesState,
  opts: {bound: boolean},
) {
  const wrap = (store: Record<string, string>) => tracked(ctx, 'Properties', new Properties(store));
  return tracked(ctx, 'PropertiesService', {
    getScriptProperties: () => wrap(state.script),
    getDocumentProperties: () => (opts.bound ? wrap(state.document) : null),
    getUserProperties: () => wrap((state.user[ctx.user] ??= {})),
  });
}
