/**
 * `clerk get` without opening the workbook. Each save also writes NAME.workspace/computed.json:
 * every tab's display text and --json values as the save computed them, with the SHA-256 of
 * the workbook it belongs to and the day its TODAY() saw. A later `get` whose workbook still
 * has that hash, on the same day (or with no TODAY() in it), prints from there: no xlsx parse,
 * no formula engine, no script. Anything else (another program changed the file, a new day,
 * NOW() or RAND() in the workbook, notes asked for, a range outside the tab) goes the slow way,
 * which also gives the errors. Only light modules are imported here, so the command line can
 * try this before loading the rest.
 */
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';

export const COMPUTED = 'computed.json';

interface TabCache {
  name: string;
  maxRows: number;
  maxCols: number;
  display: string[][];
  values: unknown[][];
}

interface ComputedCache {
  version: 1;
  sha256: string;
  today: string;
  usesToday: boolean;
  tabs: TabCache[];
}

/** How many `get`s were answered from the cache (for tests). */
export const fastGetCount = {n: 0};

export function sha256Of(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A sheet as the cache writer needs it. */
export interface CacheSource {
  tabs: {name: string; maxRows: number; maxCols: number; lastRow: number; lastCol: number}[];
  formulaTexts: Iterable<string>;
  /** display and --json values of a tab's rows 1..lastRow, columns 1..lastCol. */
  compute(
    tab: string,
    lastRow: number,
    lastCol: number,
  ): {display: string[][]; values: unknown[][]};
}

/**
 * Tabs of the last cache that still hold: `file` (the cache written with the last save), the
 * SHA-256 of the workbook that save wrote, and the tabs this save left exactly as they were
 * in it (same contents, formula results and formats: so the same display and values).
 */
export interface CacheReuse {
  file: string;
  sha256: string;
  tabs: ReadonlySet<string>;
}

function previousTabs(reuse: CacheReuse | undefined): Map<string, TabCache> {
  const out = new Map<string, TabCache>();
  if (!reuse?.tabs.size || !existsSync(reuse.file)) return out;
  try {
    const old = JSON.parse(readFileSync(reuse.file, 'utf8')) as ComputedCache;
    if (old.version !== 1 || old.sha256 !== reuse.sha256) return out;
    for (const t of old.tabs) if (reuse.tabs.has(t.name)) out.set(t.name, t);
  } catch {
    // a damaged cache only costs computing those tabs again
  }
  return out;
}

/** Writes the cache for a workbook just saved to `bookFile`; false when it must not be cached. */
export function writeComputedCache(
  out: string,
  bookFile: string,
  today: string,
  src: CacheSource,
  reuse?: CacheReuse,
): boolean {
  let usesToday = false;
  for (const f of src.formulaTexts) {
    // The clock moves on between runs: a value of NOW() or RAND() is stale at once.
    if (/\b(NOW|RAND|RANDBETWEEN|RANDARRAY)\s*\(/i.test(f)) return false;
    if (/\bTODAY\s*\(/i.test(f)) usesToday = true;
  }
  const kept = previousTabs(reuse);
  const cache: ComputedCache = {
    version: 1,
    sha256: sha256Of(bookFile),
    today,
    usesToday,
    tabs: src.tabs.map(t => {
      const was = kept.get(t.name);
      if (
        was &&
        was.maxRows === t.maxRows &&
        was.maxCols === t.maxCols &&
        was.display.length === (t.lastCol ? t.lastRow : 0) &&
        (was.display[0]?.length ?? 0) === (t.lastRow ? t.lastCol : 0)
      )
        return was;
      return {
        name: t.name,
        maxRows: t.maxRows,
        maxCols: t.maxCols,
        ...(t.lastRow && t.lastCol
          ? src.compute(t.name, t.lastRow, t.lastCol)
          : {display: [], values: []}),
      };
    }),
  };
  writeFileSync(out, JSON.stringify(cache));
  return true;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * Answers `clerk get BOOK 'Tab!A1:D9' [--json]` from the cache: the lines to print, or null
 * when it cannot (the caller then opens the workbook).
 */
export function fastGet(
  book: string,
  a1: string,
  opts: {json: boolean; today: string},
): string[] | null {
  if (process.env.CLERK_NO_CACHE) return null;
  const abs = path.resolve(book);
  const dir = path.join(path.dirname(abs), `${path.basename(abs, path.extname(abs))}.workspace`);
  const file = path.join(dir, COMPUTED);
  if (!existsSync(file) || !existsSync(abs) || existsSync(path.join(dir, 'journal.json')))
    return null;
  const bang = a1.lastIndexOf('!');
  if (bang < 1) return null;
  const rawTab = a1.slice(0, bang);
  const tabName =
    rawTab.startsWith("'") && rawTab.endsWith("'")
      ? rawTab.slice(1, -1).replace(/''/g, "'")
      : rawTab;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a1.slice(bang + 1));
  if (!m) return null;
  let cache: ComputedCache;
  try {
    cache = JSON.parse(readFileSync(file, 'utf8')) as ComputedCache;
  } catch {
    return null;
  }
  if (cache.version !== 1 || (cache.usesToday && cache.today !== opts.today)) return null;
  const tab =
    cache.tabs.find(t => t.name === tabName) ??
    cache.tabs.find(t => t.name.toLowerCase() === tabName.toLowerCase());
  if (!tab) return null;
  let [r1, c1, r2, c2] = [
    Number(m[2]),
    colNumber(m[1]),
    Number(m[4] ?? m[2]),
    colNumber(m[3] ?? m[1]),
  ];
  if (r2 < r1) [r1, r2] = [r2, r1];
  if (c2 < c1) [c1, c2] = [c2, c1];
  if (r1 < 1 || c1 < 1 || r2 > tab.maxRows || c2 > tab.maxCols) return null;
  // Last: the workbook must be the one the cache was computed from.
  if (sha256Of(abs) !== cache.sha256) return null;
  const grid = opts.json ? tab.values : tab.display;
  const rows: unknown[][] = [];
  for (let r = r1; r <= r2; r++) {
    const line: unknown[] = [];
    for (let c = c1; c <= c2; c++) line.push(grid[r - 1]?.[c - 1] ?? '');
    rows.push(line);
  }
  fastGetCount.n++;
  return opts.json ? [JSON.stringify(rows)] : rows.map(r => r.join('\t'));
}
