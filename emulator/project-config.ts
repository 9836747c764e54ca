/**
 * What a project tells the emulator (its clerk.config.json, or the file CLERK_CONFIG names): the
 * functions `new` runs (setUp, demo, demos) and the functions that show `serve`'s pages.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {ClerkInputError, repoRoot} from './workspace';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * What the project asks `clerk new` to run after onOpen, as an officer setting up a new
 * spreadsheet would (`setUp`), and with --demo (`demo`): clerk.config.json at the project root
 * (or the file CLERK_CONFIG names). The emulator itself knows no project's function names.
 */
export function projectConfig(): {
  file: string;
  setUp?: string[];
  demo?: string[];
  demos?: Record<string, string[] | undefined>;
  /** `serve`'s pages: the function that shows the sidebar (/sidebar) and the picker dialog (/choose). */
  serve?: {sidebar?: string; choose?: string};
} {
  const file = process.env.CLERK_CONFIG || path.join(repoRoot(), 'clerk.config.json');
  if (!existsSync(file)) return {file};
  let raw: {setUp?: unknown; demo?: unknown; demos?: Record<string, unknown>; serve?: unknown};
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as typeof raw;
  } catch (e) {
    throw new ClerkInputError(`${file} is not valid JSON (${messageOf(e)}); fix it or remove it`);
  }
  const list = (v: unknown, key: string) => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every(x => typeof x === 'string'))
      throw new ClerkInputError(`${file}: "${key}" must be a list of function names`);
    return v as string[];
  };
  const demos = Object.fromEntries(
    Object.entries(raw.demos ?? {}).map(([k, v]) => [k, list(v, `demos.${k}`)]),
  );
  const serve = (raw.serve ?? {}) as Record<string, unknown>;
  for (const key of ['sidebar', 'choose'])
    if (serve[key] !== undefined && typeof serve[key] !== 'string')
      throw new ClerkInputError(`${file}: "serve.${key}" must be a function name`);
  return {
    file,
    setUp: list(raw.setUp, 'setUp'),
    demo: list(raw.demo, 'demo'),
    demos,
    serve: serve as {sidebar?: string; choose?: string},
  };
}
