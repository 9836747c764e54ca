/**
 * Opening a workbook without parsing it: a save also writes what reading the file back would
 * give (XlsxParts: cell contents, formats and notes as exceljs reads them, the hidden sheet's
 * JSON), with the SHA-256 of the file it belongs to. Opening a file with that hash takes the
 * parts from there (tens of milliseconds instead of a second of XML); a file changed by anyone
 * else has another hash and is read in full. Building the formula engine from the parts is the
 * same code either way (xlsx.ts, modelFromParts).
 *
 * Kept compact as JSON (faster to read than V8's serialisation of 300,000 small values): only
 * cells with content, and each distinct cell format once with the runs of cells down a column
 * that have it. Every cell gets its own format object again on reading (the model changes them
 * in place).
 */
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import type {RawCellContent} from 'hyperformula';
import type {CellMeta, ValidationSpec} from './model';
import type {BookJson, SheetParts, XlsxParts} from './xlsx';

const FORMAT = 'committee-clerk-parts/2';

/** Its name in a workspace folder (NAME.workspace/), beside computed.json. */
export const SNAPSHOT = 'workbook.parts';

export type PackedSheet = Omit<SheetParts, 'rows' | 'meta' | 'looksOf'> & {
  rowsLength: number;
  /** [row, column, content] of each cell with content (0-based). */
  cells: [number, number, RawCellContent][];
  formats: CellMeta[];
  /** [column, first row, number of rows, format index] (0-based). */
  runs: [number, number, number, number][];
};

/** The parts as kept: what patching a save compares the next parts with (xlsx-patch.ts). */
export type PackedParts = Omit<XlsxParts, 'sheets'> & {sheets: PackedSheet[]};

interface Snapshot {
  format: typeof FORMAT;
  sha256: string;
  parts: PackedParts;
}

/** How many opens took the kept parts (for tests). */
export const snapshotReads = {n: 0};

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function pack(sheet: SheetParts): PackedSheet {
  // Not `meta` by name: a kept sheet's (withLooksOf) is made when read, and not needed here.
  const {rows, looksOf, ...rest} = sheet;
  delete (rest as Partial<SheetParts>).meta;
  const cells: PackedSheet['cells'] = [];
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) cells.push([r, c, v]);
    }),
  );
  // Its cells look as in parts kept before: those formats and runs, as they are.
  if (looksOf)
    return {...rest, rowsLength: rows.length, cells, formats: looksOf.formats, runs: looksOf.runs};
  const meta = sheet.meta;
  const formats: CellMeta[] = [];
  const index = new Map<string, number>();
  const byColumn: [number, number, number][] = [];
  // Cells that look alike often share one object here (the writer's read-back): known at once.
  const seen = new Map<CellMeta, number>();
  meta.forEach((row, r) =>
    row?.forEach((m, c) => {
      if (!m) return;
      let i = seen.get(m);
      if (i === undefined) {
        const key = JSON.stringify(m);
        i = index.get(key);
        if (i === undefined) {
          index.set(key, (i = formats.length));
          formats.push(m);
        }
        seen.set(m, i);
      }
      byColumn.push([c, r, i]);
    }),
  );
  byColumn.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: PackedSheet['runs'] = [];
  for (const [c, r, i] of byColumn) {
    const last = runs[runs.length - 1];
    if (last && last[0] === c && last[3] === i && last[1] + last[2] === r) last[2]++;
    else runs.push([c, r, 1, i]);
  }
  return {...rest, rowsLength: rows.length, cells, formats, runs};
}

/**
 * A fresh copy of a format (its font too): cells never share one. Formats read back are flat
 * but for the font, itself flat (xlsx.ts metaOf), so one level of copying is a whole copy.
 */
function copyOf(m: CellMeta, shared?: keyof CellMeta): CellMeta {
  const out = {...m};
  for (const k in out) {
    if (k === shared) continue;
    const v = out[k as keyof CellMeta];
    if (v && typeof v === 'object')
      (out as Record<string, unknown>)[k] = Array.isArray(v) ? [...v] : {...v};
  }
  return out;
}

/**
 * Each cell's format, every one its own object (the model changes them in place). With `rules`
 * and `ruleAt` (the index of each cell's rule, by row then column; emptied here), each cell also
 * gets its data validation rule, that one object (as set on a range).
 */
export function unpackMeta(
  p: PackedSheet,
  rules: ValidationSpec[] = [],
  ruleAt: (number | undefined)[][] = [],
): SheetParts['meta'] {
  const meta: SheetParts['meta'] = [];
  // A format with its rule is made once and copied to each cell: giving each cell's copy the
  // rule after (a property added to objects of many shapes) took ten times as long.
  const withRule = new Map<number, CellMeta>();
  for (const [c, r0, n, i] of p.runs)
    for (let r = r0; r < r0 + n; r++) {
      const rule = ruleAt[r]?.[c];
      if (rule === undefined) {
        (meta[r] ??= [])[c] = copyOf(p.formats[i]);
        continue;
      }
      const key = i * rules.length + rule;
      let format = withRule.get(key);
      if (!format) withRule.set(key, (format = {...p.formats[i], validation: rules[rule]}));
      (meta[r] ??= [])[c] = copyOf(format, 'validation');
      ruleAt[r][c] = undefined;
    }
  // Cells with a rule and no format.
  ruleAt.forEach((row, r) =>
    row.forEach((rule, c) => {
      if (rule !== undefined) (meta[r] ??= [])[c] = {validation: rules[rule]};
    }),
  );
  return meta;
}

/** The parts of a kept sheet: its formats made only when asked for (most tabs never are). */
function unpack(p: PackedSheet): SheetParts {
  const {rowsLength, cells, formats: _f, runs: _r, ...rest} = p;
  const rows: RawCellContent[][] = [];
  for (let r = 0; r < rowsLength; r++) rows.push([]);
  for (const [r, c, v] of cells) {
    const row = rows[r];
    while (row.length < c) row.push(null);
    row[c] = v;
  }
  return withLooksOf({...rest, rows}, p);
}

/** Sheet parts whose formats are those of `p`: `meta` made from them at its first reading. */
export function withLooksOf(parts: Omit<SheetParts, 'meta'>, p: PackedSheet): SheetParts {
  let meta: SheetParts['meta'] | undefined;
  return Object.defineProperties(parts, {
    looksOf: {value: p, enumerable: false},
    // Not enumerable: copying the parts (`...parts`) leaves it unmade.
    meta: {get: () => (meta ??= unpackMeta(p)), enumerable: false},
  }) as SheetParts;
}

/**
 * Writes the parts of the workbook whose file holds `bytes`; gives them as kept. `same` gives
 * a sheet's parts as kept before, where the save left that sheet as it was (nothing to pack).
 */
export function writeSnapshot(
  out: string,
  bytes: Uint8Array,
  parts: XlsxParts,
  same: (sheet: SheetParts, index: number) => PackedSheet | undefined = () => undefined,
): PackedParts {
  const snap: Snapshot = {
    format: FORMAT,
    sha256: sha256(bytes),
    parts: {...parts, sheets: parts.sheets.map((s, i) => same(s, i) ?? pack(s))},
  };
  writeFileSync(out, JSON.stringify(snap));
  return snap.parts;
}

/**
 * The parts kept for the file holding `bytes`, or null (none, another file's, unreadable):
 * to open (`parts`, every cell's format its own object) and as kept (`packed`, untouched).
 */
export function readSnapshot(
  file: string,
  bytes: Uint8Array,
): {parts: XlsxParts; packed: PackedParts} | null {
  if (process.env.CLERK_NO_CACHE || !existsSync(file)) return null;
  try {
    const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
    if (snap?.format !== FORMAT || snap.sha256 !== sha256(bytes)) return null;
    snapshotReads.n++;
    // The model takes the hidden sheet's rules and lists as its own (and changes them): a copy.
    const json = snap.parts.json && (JSON.parse(JSON.stringify(snap.parts.json)) as BookJson);
    return {
      parts: {...snap.parts, json, sheets: snap.parts.sheets.map(unpack)},
      packed: snap.parts,
    };
  } catch {
    return null; // a damaged snapshot only costs the full read
  }
}
