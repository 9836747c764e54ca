/**
 * Cell formats left as the kept parts have them (xlsx-snapshot.ts). Making an object of every
 * formatted cell of every tab on opening (180,000 on the demo workbook), and walking them all
 * again on saving, was most of an edit's time, though an edit touches a tab or two. So a tab
 * opened from kept parts makes its formats the first time anything reads or writes
 * `sheet.meta`; a tab whose formats nobody asked for still looks exactly as in the kept parts,
 * and the save takes its looks, notes and data validation from there (xlsx.ts, saveXlsx).
 */
import {parseA1, resolveRef} from './a1';
import type {SheetJson} from './xlsx';
import type {SheetModel, ValidationSpec} from './model';
import type {PackedSheet} from './xlsx-snapshot';

type MetaGrid = SheetModel['meta'];

/** What a save needs of an untouched tab's formats, known from the kept parts alone. */
export interface KeptLooks {
  /** The tab's kept parts: its cells look as these say. */
  packed: PackedSheet;
  /** Its data validation as the hidden sheet keeps it (what validationRuns gives for it). */
  rules: ValidationSpec[];
  validations: [string, number][];
  /** [row, column, note] (0-based, row by row) of each cell with a note. */
  notes: [number, number, string][];
  /** How far formatted or validated cells reach: rows and columns (1-based counts). */
  rows: number;
  cols: number;
}

const untouched = new WeakMap<SheetModel, KeptLooks>();

/** Gives the tab its formats from `make` when `sheet.meta` is first read or written. */
export function deferMeta(sheet: SheetModel, looks: KeptLooks, make: () => MetaGrid): void {
  const settle = (meta: MetaGrid): MetaGrid => {
    untouched.delete(sheet);
    Object.defineProperty(sheet, 'meta', {
      value: meta,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    return meta;
  };
  Object.defineProperty(sheet, 'meta', {
    enumerable: true,
    configurable: true,
    get: () => settle(make()),
    set: (meta: MetaGrid) => void settle(meta),
  });
  untouched.set(sheet, looks);
}

/** The kept looks of a tab whose formats nobody has asked for since it was opened, else undefined. */
export function keptLooksOf(sheet: SheetModel): KeptLooks | undefined {
  return untouched.get(sheet);
}

const indexes = new WeakMap<KeptLooks, (r: number, c: number) => number | undefined>();

/**
 * Each cell's number format (0-based row and column), read without making the tab's formats:
 * a tab read but not written keeps its kept looks (getValues needs only the number formats,
 * and making every cell's format object took most of a first read).
 */
export function numberFormats(sheet: SheetModel): (r: number, c: number) => string | undefined {
  const kept = untouched.get(sheet);
  if (!kept) {
    const meta = sheet.meta;
    return (r, c) => meta[r]?.[c]?.numberFormat;
  }
  let at = indexes.get(kept);
  if (!at) indexes.set(kept, (at = formatIndexAt(kept.packed)));
  const {formats} = kept.packed;
  return (r, c) => {
    const i = at(r, c);
    return i === undefined ? undefined : formats[i].numberFormat;
  };
}

/** The index of a cell's kept format (runs down each column), or undefined. */
export function formatIndexAt(p: PackedSheet): (r: number, c: number) => number | undefined {
  const byCol = new Map<number, [number, number, number][]>();
  for (const [c, r0, n, i] of p.runs) {
    let runs = byCol.get(c);
    if (!runs) byCol.set(c, (runs = []));
    runs.push([r0, n, i]);
  }
  return (r, c) => {
    for (const [r0, n, i] of byCol.get(c) ?? []) if (r >= r0 && r < r0 + n) return i;
    return undefined;
  };
}

/**
 * A tab's kept looks, or null when the formats opening would make are not those of the kept
 * parts alone: a note the hidden sheet gives an empty cell that its kept format lacks.
 * `maxRows`/`maxCols` are the tab's size as opened (open-ended validation runs to them).
 */
export function keptLooks(
  packed: PackedSheet,
  sj: SheetJson,
  maxRows: number,
  maxCols: number,
): KeptLooks | null {
  const at = formatIndexAt(packed);
  for (const [r, c, note] of sj.emptyNotes ?? []) {
    const i = at(r, c);
    if (i === undefined || packed.formats[i].note !== note) return null;
  }
  let rows = 0;
  let cols = 0;
  const notes: [number, number, string][] = [];
  for (const [c, r0, n, i] of packed.runs) {
    rows = Math.max(rows, r0 + n);
    cols = Math.max(cols, c + 1);
    const note = packed.formats[i].note;
    if (note) for (let r = r0; r < r0 + n; r++) notes.push([r, c, note]);
  }
  notes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [a1] of sj.validations) {
    const ref = parseA1(a1);
    if (!ref) continue;
    const rect = resolveRef(ref, maxRows, maxCols);
    if (rect.numRows <= 0 || rect.numCols <= 0) continue;
    rows = Math.max(rows, rect.row - 1 + rect.numRows);
    cols = Math.max(cols, rect.col - 1 + rect.numCols);
  }
  return {packed, rules: sj.rules, validations: sj.validations, notes, rows, cols};
}
