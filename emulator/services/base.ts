/**
 * Shared plumbing for the emulated services: call counting and Apps Script enums.
 */
import type {ServiceContext} from '../context';
import {missingMethod, printedName} from './not-emulated';

/**
 * Wraps a service object so that every method call is counted as "Class.method" in the run's
 * call statistics. Methods that return `this` (builder chains) return the wrapper, because
 * they are called through it.
 */
export function tracked<T extends object>(ctx: ServiceContext, className: string, target: T): T {
  const cache = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(obj, key, receiver) {
      const v = Reflect.get(obj, key, receiver);
      if (v === undefined && typeof key === 'string') return missingMethod(className, key);
      // Apps Script objects print as their class name (String(Utilities) is "Utilities").
      if (key === 'toString' && v === Object.prototype.toString) return printedName(className);
      if (
        typeof v !== 'function' ||
        typeof key !== 'string' ||
        key === 'constructor' ||
        key.startsWith('_')
      )
        return v;
      let w = cache.get(key);
      if (!w) {
        w = function (this: unknown, ...args: unknown[]) {
          ctx.stats.count(`${className}.${key}`);
          return (v as (...a: unknown[]) => unknown).apply(this, args);
        };
        cache.set(key, w);
      }
      return w;
    },
  });
}

/** One member of an Apps Script enum: compares by identity, prints as its name. */
export interface EnumValue {
  name(): string;
  toString(): string;
  toJSON(): string;
  ordinal(): number;
}

/** An Apps Script enum (e.g. ScriptApp.AuthMode): frozen members that print as their names. */
export function gasEnum<K extends string>(names: readonly K[]): Readonly<Record<K, EnumValue>> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((n, i) => {
    out[n] = Object.freeze({name: () => n, toString: () => n, toJSON: () => n, ordinal: () => i});
  });
  return Object.freeze(out);
}

/**
 * Google's wording when a required argument is missing or of the wrong kind. As in Apps
 * Script, the message carries no "Exception: " prefix: the execution log adds that.
 */
export function invalidArgument(name: string): Error {
  return new Error(`Invalid argument: ${name}`);
}
