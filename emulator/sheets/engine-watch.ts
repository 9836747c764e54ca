/**
 * What the emulator works out from the engine's contents, kept until they change. Finding where
 * a tab's content ends means asking HyperFormula about each cell of its empty rows: its height
 * counts every cell a formula's whole-column range covers, so a tab of 20 rows is 1,000 rows of
 * up to 26 cells. Scripts ask again after nearly every write (getLastRow, a whole-tab read), and
 * each time most of what they ask about is those empty rows.
 *
 * So each engine's methods are wrapped on the instance (its public API, as name-alias.ts does):
 * every method that may change the engine counts a change, and writes (setCellContents, what
 * every setValues comes to) say which rows they can have filled. Each tab keeps a bound below
 * which no row has content: as built, or found by one scan of the tab; raised by what is
 * written, forgotten by anything else that changes contents (rows or columns added, removed or
 * moved, a sheet removed). A row below the bound has no value either, unless an array formula
 * spills into it from above: an engine that has one keeps no bounds.
 */
import type {HyperFormula, RawCellContent, SimpleCellAddress} from 'hyperformula';

/** Methods that change nothing a later read sees. Any other, including ones HyperFormula adds, counts as a change. */
const READS =
  /^(get|is|does|list|simpleCell|numberTo|calculateFormula$|normalizeFormula$|validateFormula$|extractTemporaryFormula$|countSheets$|copy$|on$|once$|off$|ensure|clearClipboard$)/;
/** Changes (or steps of one) that leave every cell's content as it was: values are recomputed. */
const SAME_CONTENTS =
  /^(batch|suspendEvaluation|resumeEvaluation|recomputeIfDependencyGraphNeedsIt|compactLazyTransformationsIfNeeded)$/;
/**
 * Changes that move, remove or rename what is there, or change names, but write no formula: the
 * bounds are found again. After any other (paste, undo, a new config...) there are none.
 */
const MOVES_CONTENTS =
  /^(add|remove|move|swap)(Rows|Columns|RowIndexes|ColumnIndexes|Cells|NamedExpression)$|^(set(Row|Column)Order|removeSheet|clearSheet|changeNamedExpression|clear(Undo|Redo)Stack)$/;
/** Changes that leave the contents of every sheet there was as they were (a new sheet is empty). */
const OTHER_SHEETS = /^(addSheet|renameSheet)$/;

interface Watch {
  /** Changes so far: equal counts, same contents and values. */
  n: number;
  /** What was worked out at count `at`. */
  at: number;
  found: Map<string, number>;
  /** Per sheet id: no row at or past it holds content. Null: the engine may hold an array formula. */
  bounds: Map<number, number> | null;
}

const WATCH = Symbol('engine watch');
type Watched = HyperFormula & {[WATCH]?: Watch};

/**
 * Starts watching an engine (idempotent). It keeps no bounds until knowBounds gives them.
 */
export function watchEngine(hf: HyperFormula): void {
  const h = hf as Watched;
  if (h[WATCH]) return;
  const w: Watch = {n: 0, at: 0, found: new Map(), bounds: null};
  h[WATCH] = w;
  for (let proto = Object.getPrototypeOf(hf); proto && proto !== Object.prototype;) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      if (key === 'constructor' || READS.test(key) || typeof d?.value !== 'function') continue;
      // A subclass's own method is the one the instance has, wrapped already.
      if (Object.prototype.hasOwnProperty.call(hf, key)) continue;
      const orig = d.value as (...a: unknown[]) => unknown;
      const value =
        key === 'setCellContents'
          ? function (this: unknown, at: SimpleCellAddress, contents: RawCellContent[][]) {
              w.n++;
              let done = false;
              try {
                const out = orig.call(this, at, contents);
                done = true;
                return out;
              } finally {
                w.n++;
                if (!done)
                  w.bounds = null; // part written, perhaps: nothing is certain
                else wrote(hf, w, at, contents);
              }
            }
          : function (this: unknown, ...args: unknown[]) {
              w.n++;
              try {
                return orig.apply(this, args);
              } finally {
                w.n++;
                if (MOVES_CONTENTS.test(key)) w.bounds?.clear();
                else if (!SAME_CONTENTS.test(key) && !OTHER_SHEETS.test(key)) w.bounds = null;
              }
            };
      Object.defineProperty(hf, key, {configurable: true, writable: true, value});
    }
    proto = Object.getPrototypeOf(proto);
  }
}

/**
 * Gives a watched engine the bounds of its contents. `formulaCells`: where its formulas are, to
 * know that none is an array formula (if one is, it keeps no bounds). `rows`: per sheet id, how
 * many rows hold content (a sheet not named is scanned once when asked).
 */
export function knowBounds(
  hf: HyperFormula,
  formulaCells: Iterable<SimpleCellAddress>,
  rows?: Map<number, number>,
): void {
  const w = (hf as Watched)[WATCH];
  if (w) w.bounds = someArray(hf, formulaCells) ? null : new Map(rows);
}

function someArray(hf: HyperFormula, cells: Iterable<SimpleCellAddress>): boolean {
  for (const at of cells) if (hf.isCellPartOfArray(at)) return true;
  return false;
}

/** After setCellContents(at, contents): the bound of its sheet covers the rows given content. */
function wrote(hf: HyperFormula, w: Watch, at: SimpleCellAddress, contents: unknown): void {
  if (!w.bounds) return;
  const rows = Array.isArray(contents) ? (contents as unknown[][]) : [[contents]];
  let last = -1;
  const formulas: SimpleCellAddress[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) {
      const c = row[j];
      if (c === null || c === undefined) continue;
      last = i;
      if (typeof c === 'string' && c.startsWith('='))
        formulas.push({sheet: at.sheet, row: at.row + i, col: at.col + j});
    }
  }
  if (someArray(hf, formulas)) {
    w.bounds = null;
    return;
  }
  const bound = w.bounds.get(at.sheet);
  if (bound !== undefined && last >= 0) w.bounds.set(at.sheet, Math.max(bound, at.row + last + 1));
}

/** `find()`, kept under `key` until the engine next changes (the same answer until then). */
export function untilEngineChanges(hf: HyperFormula, key: string, find: () => number): number {
  const w = (hf as Watched)[WATCH];
  if (!w) return find();
  if (w.at !== w.n) {
    w.found.clear();
    w.at = w.n;
  }
  let v = w.found.get(key);
  if (v === undefined) {
    v = find();
    // A read that changed the engine (none should) keeps nothing.
    if (w.at === w.n) w.found.set(key, v);
  }
  return v;
}

/**
 * How many rows from the top of the sheet can hold content or a value: its engine height, or
 * less where the bound is known. `lastRow(rows)` finds the last row with content (1-based, 0 for
 * none) among the first `rows`; without it, an unknown bound is not looked for.
 */
export function rowsInUse(
  hf: HyperFormula,
  sheet: number,
  height: number,
  lastRow?: (rows: number) => number,
): number {
  const bounds = (hf as Watched)[WATCH]?.bounds;
  if (!bounds) return height;
  let bound = bounds.get(sheet);
  if (bound === undefined) {
    if (!lastRow) return height;
    bound = lastRow(height);
    bounds.set(sheet, bound);
  }
  return Math.min(bound, height);
}
