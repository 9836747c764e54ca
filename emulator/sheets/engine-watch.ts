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
import * as hyperformula from 'hyperformula';
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

/**
 * HyperFormula's own errors (NoSheetWithIdError, SourceLocationHasArrayError...): a call refused
 * before it changed anything. Found by the class chain's names, the package being loaded in
 * another realm under jest.
 */
const REFUSALS = (Object.values(hyperformula) as unknown[]).filter(
  (v): v is abstract new () => Error => {
    for (let p = typeof v === 'function' ? (v.prototype as object) : null; p;) {
      if ((p as {constructor?: {name?: string}}).constructor?.name === 'Error') return true;
      p = Object.getPrototypeOf(p) as object | null;
    }
    return false;
  },
);

interface Watch {
  /** Changes so far: equal counts, same contents and values. */
  n: number;
  /** What was worked out at count `at`. */
  at: number;
  found: Map<string, number>;
  /** Per sheet id: no row at or past it holds content. Null: the engine may hold an array formula. */
  bounds: Map<number, number> | null;
  /** The failure that left the engine unsound (engineFault). */
  fault?: string;
  /** Changes under way: one change of HyperFormula's API calls others. */
  depth: number;
}

const WATCH = Symbol('engine watch');
type Watched = HyperFormula & {[WATCH]?: Watch};

/**
 * Starts watching an engine (idempotent). It keeps no bounds until knowBounds gives them.
 */
export function watchEngine(hf: HyperFormula): void {
  const h = hf as Watched;
  if (h[WATCH]) return;
  const w: Watch = {n: 0, at: 0, found: new Map(), bounds: null, depth: 0};
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
              w.depth++;
              let done = false;
              try {
                const out = orig.call(this, at, contents);
                done = true;
                return out;
              } catch (e) {
                throw faultOf(w, key, e);
              } finally {
                w.n++;
                w.depth--;
                if (!done)
                  w.bounds = null; // part written, perhaps: nothing is certain
                else wrote(hf, w, at, contents);
              }
            }
          : function (this: unknown, ...args: unknown[]) {
              w.n++;
              w.depth++;
              try {
                return orig.apply(this, args);
              } catch (e) {
                throw faultOf(w, key, e);
              } finally {
                w.n++;
                w.depth--;
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
 * What a change that threw should throw: HyperFormula's refusal as it is; any other error may
 * have come half way, so the engine is marked unsound and the error says so (once, for the
 * change the emulator asked for, not each step of it within HyperFormula).
 */
function faultOf(w: Watch, method: string, e: unknown): unknown {
  if (w.depth > 1 || REFUSALS.some(c => e instanceof c)) return e;
  const message = typeof e === 'object' && e !== null && 'message' in e ? e.message : e;
  const fault = `${method}: ${String(message)}`;
  w.fault ??= fault;
  return new Error(
    `The emulator's formula engine (HyperFormula) failed (${fault}) and may have lost or moved cells: nothing more is read or saved in this run. ${NOT_YOURS}`,
  );
}

const NOT_YOURS = 'This is a fault of the emulator, not of the script or the workbook.';

/**
 * The failure that left the engine unsound, or undefined. HyperFormula refuses a bad call with
 * one of its own errors before changing anything, but its internals can fail half way through a
 * change ("Unknown array", "Vertex for address missing in AddressMapping"), with cells lost or
 * moved. After that nothing more is read from the engine nor saved from it (ensureEngineSound):
 * no wrong value reaches the script or the file.
 */
export function engineFault(hf: HyperFormula): string | undefined {
  return (hf as Watched)[WATCH]?.fault;
}

/** Throws, naming what was asked (`doing`), if the engine is unsound (engineFault). */
export function ensureEngineSound(hf: HyperFormula, doing: string): void {
  const fault = engineFault(hf);
  if (fault !== undefined)
    throw new Error(
      `${doing} refused: the emulator's formula engine (HyperFormula) failed earlier in this run (${fault}) and may have lost or moved cells, so its values cannot be trusted. The workbook file was not changed by it. ${NOT_YOURS}`,
    );
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
