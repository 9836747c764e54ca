/**
 * Moving blocks of cells on the model: Range.moveTo, deleteCells/insertCells (shifting the
 * cells beside them), copyValuesToRange and copyFormatToRange
 * (developers.google.com/apps-script/reference/spreadsheet/range#movetotarget,
 * #deletecellsshiftdimension, #copyvaluestorangesheet,-column,-columnend,-row,-rowend).
 * As in Sheets, references to moved cells follow them, in the moved formulas and everywhere else.
 */
import {rectContains, rectToA1, type GridRect} from './a1';
import {clearContents, formulaTextsOf, readValues, writeValues} from './cells';
import {
  CellMeta,
  clearCellFormat,
  getMeta,
  lastContentCol,
  lastContentRow,
  metaFor,
  SheetModel,
  WorkbookModel,
} from './model';

/** Copies of the metadata (formats, notes, validation) of a block. */
function readMeta(sheet: SheetModel, r: GridRect): (CellMeta | undefined)[][] {
  return Array.from({length: r.numRows}, (_, i) =>
    Array.from({length: r.numCols}, (_, j) => {
      const m = getMeta(sheet, r.row - 1 + i, r.col - 1 + j);
      return m ? structuredClone(m) : undefined;
    }),
  );
}

function clearBlock(model: WorkbookModel, sheet: SheetModel, r: GridRect): void {
  clearContents(model, sheet, r);
  for (let i = 0; i < r.numRows; i++) {
    const row = sheet.meta[r.row - 1 + i];
    if (row) for (let j = 0; j < r.numCols; j++) row[r.col - 1 + j] = undefined;
  }
}

/** A block `r` of `from` moved so that its top-left cell lands at (row, col) of `to`, by `method`. */
interface Move {
  from: SheetModel;
  r: GridRect;
  to: SheetModel;
  row: number;
  col: number;
  /** The script's call, named in an error. */
  method: string;
}

/** The engine's range for a block of a sheet. */
const engineRange = (sheet: SheetModel, r: GridRect) => ({
  start: {sheet: sheet.hfId, row: r.row - 1, col: r.col - 1},
  end: {sheet: sheet.hfId, row: r.row + r.numRows - 2, col: r.col + r.numCols - 2},
});

/**
 * Refuses, before anything changes, a move HyperFormula cannot make: of cells an array formula
 * fills, or onto them (it refuses those, hyperformula#888; Sheets moves the formula, which fills
 * again).
 */
function ensureMovable(model: WorkbookModel, {from, r, to, row, col, method}: Move): void {
  const target = {sheet: to.hfId, row: row - 1, col: col - 1};
  if (!model.hf.isItPossibleToMoveCells(engineRange(from, r), target))
    throw new Error(
      `not yet emulated: ${method} where an array formula fills the cells moved or the cells they would move to (${from.name}!${rectToA1(r)} to ${to.name}!${rectToA1({row, col, numRows: r.numRows, numCols: r.numCols})})`,
    );
}

/**
 * Cut and paste: the block lands at (row, col) of `to`; what it leaves behind is empty.
 * HyperFormula moves the contents and rewrites every reference to the moved cells, as Sheets
 * does; formula texts as written are kept where the engine's formula did not change, and
 * replaced by the engine's text where it did. A block moved onto itself stays as it is (as in
 * Sheets): HyperFormula's move of a block onto itself broke its engine for the next move
 * ("Unknown node").
 */
export function moveBlock(model: WorkbookModel, move: Move): void {
  const {from, r, to, row, col} = move;
  if (from === to && row === r.row && col === r.col) return;
  ensureMovable(model, move);
  const hf = model.hf;
  const meta = readMeta(from, r);
  const texts = formulaTextsOf(from, r);
  const before = writtenFormulas(model);
  const inSource = (s: SheetModel, i: number, j: number) =>
    s === from &&
    i >= r.row - 1 &&
    i < r.row - 1 + r.numRows &&
    j >= r.col - 1 &&
    j < r.col - 1 + r.numCols;
  clearBlockMeta(from, r);
  for (let i = 0; i < r.numRows; i++) {
    const tr = from.formulaText[r.row - 1 + i];
    if (tr) for (let j = 0; j < r.numCols; j++) tr[r.col - 1 + j] = undefined;
  }
  if (from === to) clearOverlapTarget(model, move);
  hf.moveCells(engineRange(from, r), {sheet: to.hfId, row: row - 1, col: col - 1});
  // Formulas elsewhere that pointed at the moved cells now have the engine's new text.
  for (const {sheet, i, j, engine} of before) {
    if (inSource(sheet, i, j)) continue;
    const now = hf.getCellFormula({sheet: sheet.hfId, row: i, col: j});
    const rowTexts = sheet.formulaText[i];
    if (now !== engine && rowTexts) rowTexts[j] = undefined;
  }
  for (let i = 0; i < r.numRows; i++) {
    const dest = (to.formulaText[row - 1 + i] ??= []);
    for (let j = 0; j < r.numCols; j++) {
      const was = before.find(
        b => b.sheet === from && b.i === r.row - 1 + i && b.j === r.col - 1 + j,
      );
      const now = hf.getCellFormula({sheet: to.hfId, row: row - 1 + i, col: col - 1 + j});
      dest[col - 1 + j] =
        texts[i][j] !== undefined && was && now === was.engine ? texts[i][j] : undefined;
    }
  }
  meta.forEach((mr, i) =>
    mr.forEach((m, j) => {
      const rowMeta = (to.meta[row - 1 + i] ??= []);
      rowMeta[col - 1 + j] = m;
    }),
  );
}

/**
 * Empties, in the engine, the cells a move within one sheet lands on that are not among those it
 * moves: what they hold is replaced anyway. When the two blocks overlap, HyperFormula's move
 * threw "Vertex for address missing in AddressMapping" if such a cell held a formula reading
 * the moved cells (A1:B1 moved to B1 with =A1*2 in C1), its engine half changed.
 */
function clearOverlapTarget(model: WorkbookModel, {r, to, row, col}: Move): void {
  const overlap =
    row < r.row + r.numRows &&
    r.row < row + r.numRows &&
    col < r.col + r.numCols &&
    r.col < col + r.numCols;
  if (!overlap) return;
  const hf = model.hf;
  hf.batch(() => {
    for (let i = 0; i < r.numRows; i++)
      for (let j = 0; j < r.numCols; j++)
        if (!rectContains(r, row + i, col + j))
          hf.setCellContents({sheet: to.hfId, row: row - 1 + i, col: col - 1 + j}, null);
  });
}

/** Every cell whose formula text is kept as written, with the engine's formula for it now. */
function writtenFormulas(
  model: WorkbookModel,
): {sheet: SheetModel; i: number; j: number; engine: string | undefined}[] {
  const out: {sheet: SheetModel; i: number; j: number; engine: string | undefined}[] = [];
  for (const sheet of model.sheets) {
    sheet.formulaText.forEach((row, i) =>
      row?.forEach((t, j) => {
        if (t !== undefined)
          out.push({
            sheet,
            i,
            j,
            engine: model.hf.getCellFormula({sheet: sheet.hfId, row: i, col: j}),
          });
      }),
    );
  }
  return out;
}

function clearBlockMeta(sheet: SheetModel, r: GridRect): void {
  for (let i = 0; i < r.numRows; i++) {
    const row = sheet.meta[r.row - 1 + i];
    if (row) for (let j = 0; j < r.numCols; j++) row[r.col - 1 + j] = undefined;
  }
}

const DELETE = 'Range.deleteCells';
const INSERT = 'Range.insertCells';

/** Range.deleteCells: cells below (ROWS) or to the right (COLUMNS) move in to fill the gap. */
export function deleteCells(
  model: WorkbookModel,
  sheet: SheetModel,
  r: GridRect,
  dim: 'ROWS' | 'COLUMNS',
): void {
  if (dim === 'ROWS') {
    const last = Math.max(lastContentRow(model, sheet), sheet.meta.length);
    const below = {...r, row: r.row + r.numRows, numRows: last - (r.row + r.numRows) + 1};
    const move = {from: sheet, r: below, to: sheet, row: r.row, col: r.col, method: DELETE};
    if (below.numRows > 0) ensureMovable(model, move);
    clearBlock(model, sheet, r);
    if (below.numRows > 0) moveBlock(model, move);
  } else {
    const last = Math.max(lastContentCol(model, sheet), ...sheet.meta.map(m => m?.length ?? 0));
    const right = {...r, col: r.col + r.numCols, numCols: last - (r.col + r.numCols) + 1};
    const move = {from: sheet, r: right, to: sheet, row: r.row, col: r.col, method: DELETE};
    if (right.numCols > 0) ensureMovable(model, move);
    clearBlock(model, sheet, r);
    if (right.numCols > 0) moveBlock(model, move);
  }
}

/** Range.insertCells: the cells from the range on move down (ROWS) or right (COLUMNS). */
export function insertCells(
  model: WorkbookModel,
  sheet: SheetModel,
  r: GridRect,
  dim: 'ROWS' | 'COLUMNS',
): void {
  if (dim === 'ROWS') {
    const last = Math.max(lastContentRow(model, sheet), sheet.meta.length);
    const n = last - r.row + 1;
    if (n <= 0) return;
    const block = {...r, numRows: n};
    moveBlock(model, {
      from: sheet,
      r: block,
      to: sheet,
      row: r.row + r.numRows,
      col: r.col,
      method: INSERT,
    });
    if (last + r.numRows > sheet.maxRows) sheet.maxRows = last + r.numRows;
  } else {
    const last = Math.max(lastContentCol(model, sheet), ...sheet.meta.map(m => m?.length ?? 0));
    const n = last - r.col + 1;
    if (n <= 0) return;
    const block = {...r, numCols: n};
    moveBlock(model, {
      from: sheet,
      r: block,
      to: sheet,
      row: r.row,
      col: r.col + r.numCols,
      method: INSERT,
    });
    if (last + r.numCols > sheet.maxCols) sheet.maxCols = last + r.numCols;
  }
}

/** The destination of copyValuesToRange/copyFormatToRange: at least the source's size, tiled. */
function tiled(src: GridRect, dest: GridRect): GridRect {
  const fit = (d: number, s: number) => (d < s ? s : d - (d % s));
  return {
    ...dest,
    numRows: fit(dest.numRows, src.numRows),
    numCols: fit(dest.numCols, src.numCols),
  };
}

export function copyValues(
  model: WorkbookModel,
  from: SheetModel,
  r: GridRect,
  to: SheetModel,
  dest: GridRect,
): void {
  const values = readValues(model, from, r);
  const t = tiled(r, dest);
  const out = Array.from({length: t.numRows}, (_, i) =>
    Array.from({length: t.numCols}, (_, j) => {
      const v = values[i % r.numRows][j % r.numCols];
      // Values only: text that looks like a number or formula stays text.
      return typeof v === 'string' && v !== '' ? `'${v}` : v;
    }),
  );
  writeValues(model, to, t, out);
}

export function copyFormats(from: SheetModel, r: GridRect, to: SheetModel, dest: GridRect): void {
  const t = tiled(r, dest);
  for (let i = 0; i < t.numRows; i++) {
    for (let j = 0; j < t.numCols; j++) {
      const src = getMeta(from, r.row - 1 + (i % r.numRows), r.col - 1 + (j % r.numCols));
      const m = metaFor(to, t.row - 1 + i, t.col - 1 + j);
      clearCellFormat(m);
      if (src) {
        const {note: _n, validation: _v, ...format} = structuredClone(src);
        Object.assign(m, format);
      }
    }
  }
}
