/**
 * Moving blocks of cells on the model: Range.moveTo, deleteCells/insertCells (shifting the
 * cells beside them), copyValuesToRange and copyFormatToRange
 * (developers.google.com/apps-script/reference/spreadsheet/range#movetotarget,
 * #deletecellsshiftdimension, #copyvaluestorangesheet,-column,-columnend,-row,-rowend).
 * As in Sheets, references to moved cells follow them, in the moved formulas and everywhere else.
 */
import type {GridRect} from './a1';
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

/**
 * Cut and paste: the block lands at (row, col) of `to`; what it leaves behind is empty.
 * HyperFormula moves the contents and rewrites every reference to the moved cells, as Sheets
 * does; formula texts as written are kept where the engine's formula did not change, and
 * replaced by the engine's text where it did.
 */
export function moveBlock(
  model: WorkbookModel,
  from: SheetModel,
  r: GridRect,
  to: SheetModel,
  row: number,
  col: number,
): void {
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
  hf.moveCells(
    {
      start: {sheet: from.hfId, row: r.row - 1, col: r.col - 1},
      end: {sheet: from.hfId, row: r.row + r.numRows - 2, col: r.col + r.numCols - 2},
    },
    {sheet: to.hfId, row: row - 1, col: col - 1},
  );
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
    clearBlock(model, sheet, r);
    if (below.numRows > 0) moveBlock(model, sheet, below, sheet, r.row, r.col);
  } else {
    const last = Math.max(lastContentCol(model, sheet), ...sheet.meta.map(m => m?.length ?? 0));
    const right = {...r, col: r.col + r.numCols, numCols: last - (r.col + r.numCols) + 1};
    clearBlock(model, sheet, r);
    if (right.numCols > 0) moveBlock(model, sheet, right, sheet, r.row, r.col);
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
    if (last + r.numRows > sheet.maxRows) sheet.maxRows = last + r.numRows;
    moveBlock(model, sheet, {...r, numRows: n}, sheet, r.row + r.numRows, r.col);
  } else {
    const last = Math.max(lastContentCol(model, sheet), ...sheet.meta.map(m => m?.length ?? 0));
    const n = last - r.col + 1;
    if (n <= 0) return;
    if (last + r.numCols > sheet.maxCols) sheet.maxCols = last + r.numCols;
    moveBlock(model, sheet, {...r, numCols: n}, sheet, r.row, r.col + r.numCols);
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
