/**
 * Every emulated Apps Script object is handed to scripts through a Proxy that counts each
 * method call in ctx.stats as 'Class.method' (Range.getValues, Sheet.getRange, ...) and wraps
 * the objects it returns. Calls the emulator makes internally go to the unwrapped object and
 * are not counted. Methods whose names start with '_' are the emulator's own and are hidden.
 */
import type {ServiceContext} from '../context';
import {missingMethod, printedName} from '../services/not-emulated';

export const API_CLASS = Symbol('apiClass');
export const TARGET = Symbol('target');

/** Marks a class whose instances are Apps Script objects. */
export interface ApiObject {
  readonly [API_CLASS]: string;
}

function isApiObject(v: unknown): v is ApiObject {
  return typeof v === 'object' && v !== null && API_CLASS in v;
}

/** The emulator's own object behind a proxy handed to a script. */
export function unwrap<T>(v: T): T {
  if (typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[TARGET])
    return (v as Record<symbol, unknown>)[TARGET] as T;
  return v;
}

export function expose<T extends object>(ctx: ServiceContext, target: T, className?: string): T {
  const cls = className ?? (target as unknown as ApiObject)[API_CLASS];
  const methods = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(t, prop) {
      if (prop === TARGET) return t;
      const v = Reflect.get(t, prop, t);
      if (v === undefined && typeof prop === 'string' && !prop.startsWith('_'))
        return missingMethod(cls, prop, 'Spreadsheet') ?? missingMethod(cls, prop);
      if (typeof prop === 'symbol' || typeof v !== 'function' || prop === 'constructor') {
        if (typeof prop === 'string' && prop.startsWith('_')) return undefined;
        return isApiObject(v) ? expose(ctx, v) : v;
      }
      if (prop.startsWith('_')) return undefined;
      // String conversion by the script is not a service call.
      if (prop === 'toString' && v === Object.prototype.toString) return printedName(cls);
      if (prop === 'toString' || prop === 'valueOf') return v.bind(t);
      let m = methods.get(prop);
      if (!m) {
        m = function (this: unknown, ...args: unknown[]) {
          ctx.stats.count(`${cls}.${prop}`);
          return wrapOut(ctx, (v as (...a: unknown[]) => unknown).apply(t, args.map(unwrap)));
        };
        methods.set(prop, m);
      }
      return m;
    },
    has(t, prop) {
      return typeof prop === 'string' && prop.startsWith('_') ? false : Reflect.has(t, prop);
    },
  });
}

function wrapOut(ctx: ServiceContext, r: unknown): unknown {
  if (isApiObject(r)) return expose(ctx, r);
  if (Array.isArray(r) && r.length > 0 && isApiObject(r[0]))
    return r.map(x => (isApiObject(x) ? expose(ctx, x) : x));
  return r;
}
