/**
 * Inserting and deleting rows and columns: HyperFormula moves the contents and rewrites
 * formula and named-range references; we move everything else the model keeps (formats,
 * notes, validation, rule and protection ranges, chart anchors, widths).
 */
import type {SimpleCellAddress} from 'hyperformula';
import {shiftRect, GridRect} from './a1';
import {toEngine} from './cells';
import {
  hasOpenRangeOn,
  mentionsSheet,
  nameToEngine,
  renameSheetInFormula,
  shiftForStructure,
} from './formula-shift';
import {findSheet, type SheetModel, type WorkbookModel} from './model';

/** The last row of a sheet a reference names (`sheet` when unnamed). */
const lastRowOn =
  (model: WorkbookModel, sheet: SheetModel) =>
  (name: string | undefined): number | undefined =>
    (name === undefined ? sheet : findSheet(model, name))?.maxRows;

type Axis = 'row' | 'col';

function shiftSheetRects(sheet: SheetModel, axis: Axis, at: number, count: number): void {
  const move = (r: GridRect) => shiftRect(r, axis, at, count);
  for (const cf of sheet.conditionalFormats)
    cf.ranges = cf.ranges.map(move).filter((r): r is GridRect => !!r);
  sheet.conditionalFormats = sheet.conditionalFormats.filter(cf => cf.ranges.length > 0);
  sheet.protections = sheet.protections.filter(p => {
    if (!p.rect) return true;
    const r = move(p.rect);
    if (!r) return false;
    p.rect = r;
    return true;
  });
  sheet.merges = sheet.merges.map(move).filter((r): r is GridRect => !!r);
  for (const ch of sheet.charts) {
    const pos = axis === 'row' ? ch.position.row : ch.position.col;
    let next = pos;
    if (count > 0 && at <= pos) next = pos + count;
    if (count < 0 && at < pos) next = Math.max(at, pos + count);
    if (axis === 'row') ch.position.row = next;
    else ch.position.col = next;
  }
}

/**
 * Applies `fn` to every formula text as written in the workbook and to the open-ended named
 * ranges: a string replaces it, undefined drops it (getFormula then gives the engine's text).
 */
function eachWrittenFormula(
  model: WorkbookModel,
  fn: (text: string, own: SheetModel) => string | undefined,
  names: (text: string) => string | undefined,
): void {
  for (const s of model.sheets) {
    for (const row of s.formulaText) {
      if (!row) continue;
      for (let c = 0; c < row.length; c++) if (row[c] !== undefined) row[c] = fn(row[c]!, s);
    }
  }
  for (const [name, text] of Object.entries(model.openNames)) {
    const next = names(text);
    if (next === undefined) delete model.openNames[name];
    else model.openNames[name] = next;
  }
}

/** Formulas as written follow inserted or deleted rows/columns as Sheets moves them. */
function shiftWrittenFormulas(
  model: WorkbookModel,
  sheet: SheetModel,
  axis: Axis,
  at: number,
  count: number,
): void {
  const lower = sheet.name.toLowerCase();
  const shift = (text: string, own: string) =>
    shiftForStructure(text, own, sheet.name, axis, at, count);
  eachWrittenFormula(
    model,
    (text, own) =>
      own === sheet || text.toLowerCase().includes(lower) ? shift(text, own.name) : text,
    text => shift(text, sheet.name),
  );
}

/**
 * Open-ended ranges ('A2:A') reach the engine closed at the sheet's last row. Rows inserted
 * inside a range widen it in the engine, but rows added after the last row do not: close the
 * open ranges on this sheet again at the new last row, in formulas and named ranges.
 */
/** A quick test for an open end ('…:A' with no row after the column): most formulas have none. */
const OPEN_END = /:\$?[A-Za-z]{1,3}(?![\w$(!.:])/;

function recloseOpenRanges(model: WorkbookModel, sheet: SheetModel): void {
  const hf = model.hf;
  const cells: {s: SheetModel; row: number; col: number; text: string}[] = [];
  for (const s of model.sheets) {
    s.formulaText.forEach((row, r) =>
      row?.forEach((text, c) => {
        if (text && OPEN_END.test(text) && hasOpenRangeOn(text, s.name, sheet.name))
          cells.push({s, row: r, col: c, text});
      }),
    );
  }
  hf.batch(() => {
    for (const {s, row, col, text} of cells)
      hf.setCellContents({sheet: s.hfId, row, col}, toEngine(model, s, text));
    for (const [name, text] of Object.entries(model.openNames)) {
      if (hasOpenRangeOn(text, sheet.name, sheet.name, true))
        hf.changeNamedExpression(name, `=${nameToEngine(text, lastRowOn(model, sheet))}`);
    }
  });
}

/** Sheet.setName: formulas as written and open-ended names follow the new name. */
export function renameSheetReferences(model: WorkbookModel, from: string, to: string): void {
  const lower = from.toLowerCase();
  const rename = (text: string) =>
    text.toLowerCase().includes(lower) ? renameSheetInFormula(text, from, to) : text;
  eachWrittenFormula(model, rename, rename);
}

/** Spreadsheet.deleteSheet: formulas that referred to it show the engine's #REF! text. */
export function forgetSheetReferences(model: WorkbookModel, name: string): void {
  const drop = (text: string) => (mentionsSheet(text, name) ? undefined : text);
  eachWrittenFormula(model, drop, drop);
}

/** An array formula taken out of the engine: where its formula is, and its text there. */
interface Lifted {
  row: number;
  col: number;
  text: string;
}

/**
 * HyperFormula cannot insert rows or columns inside the cells an array formula fills once
 * another formula reads them: it throws "Cannot move cell. Destination already occupied." with
 * its engine half changed (cells lost, others moved). Sheets inserts them, and the array fills
 * from its cell again. So when an insertion at `at` (1-based) falls inside an array's cells,
 * this sheet's array formulas are taken out of the engine first, to be written back after the
 * insertion (restoreArrays). Null when none is cut, which is nearly always: two cells either
 * side of the insertion are asked about per row or column.
 */
function liftArraysCutBy(
  model: WorkbookModel,
  sheet: SheetModel,
  axis: Axis,
  at: number,
): Lifted[] | null {
  const hf = model.hf;
  if (at < 2) return null;
  const {width, height} = hf.getSheetDimensions(sheet.hfId);
  const cell = (along: number, across: number): SimpleCellAddress =>
    axis === 'row'
      ? {sheet: sheet.hfId, row: along, col: across}
      : {sheet: sheet.hfId, row: across, col: along};
  let cut = false;
  for (let i = 0; i < (axis === 'row' ? width : height) && !cut; i++) {
    const after = cell(at - 1, i);
    cut =
      hf.isCellPartOfArray(after) &&
      !hf.doesCellHaveFormula(after) &&
      hf.isCellPartOfArray(cell(at - 2, i));
  }
  if (!cut) return null;
  const lifted: Lifted[] = [];
  hf.getSheetFormulas(sheet.hfId).forEach((row, r) =>
    row.forEach((text, c) => {
      if (text && hf.isCellPartOfArray({sheet: sheet.hfId, row: r, col: c}))
        lifted.push({row: r, col: c, text});
    }),
  );
  hf.batch(() => {
    for (const {row, col} of lifted) hf.setCellContents({sheet: sheet.hfId, row, col}, null);
  });
  return lifted;
}

/** Writes back the array formulas lifted, moved and their references shifted as Sheets does. */
function restoreArrays(
  model: WorkbookModel,
  sheet: SheetModel,
  lifted: Lifted[],
  axis: Axis,
  at: number,
  count: number,
): void {
  const hf = model.hf;
  hf.batch(() => {
    for (const {row, col, text} of lifted) {
      const moved = {
        sheet: sheet.hfId,
        row: axis === 'row' && row >= at - 1 ? row + count : row,
        col: axis === 'col' && col >= at - 1 ? col + count : col,
      };
      hf.setCellContents(
        moved,
        shiftForStructure(text, sheet.name, sheet.name, axis, at, count) ?? text,
      );
    }
  });
}

/** Inserts `count` rows so that the first new row is `at` (1-based). */
export function insertRows(
  model: WorkbookModel,
  sheet: SheetModel,
  at: number,
  count: number,
): void {
  const appended = at > sheet.maxRows;
  const lifted = liftArraysCutBy(model, sheet, 'row', at);
  model.hf.addRows(sheet.hfId, [at - 1, count]);
  if (lifted) restoreArrays(model, sheet, lifted, 'row', at, count);
  if (sheet.meta.length > at - 1) sheet.meta.splice(at - 1, 0, ...new Array(count).fill(undefined));
  if (sheet.formulaText.length > at - 1)
    sheet.formulaText.splice(at - 1, 0, ...new Array(count).fill(undefined));
  sheet.maxRows += count;
  shiftSheetRects(sheet, 'row', at, count);
  // Rows added after the last row move no reference.
  if (appended) recloseOpenRanges(model, sheet);
  else shiftWrittenFormulas(model, sheet, 'row', at, count);
}

export function deleteRows(
  model: WorkbookModel,
  sheet: SheetModel,
  at: number,
  count: number,
): void {
  model.hf.removeRows(sheet.hfId, [at - 1, count]);
  sheet.meta.splice(at - 1, count);
  sheet.formulaText.splice(at - 1, count);
  shiftWrittenFormulas(model, sheet, 'row', at, -count);
  sheet.maxRows -= count;
  if (sheet.frozenRows >= at) sheet.frozenRows = Math.max(at - 1, sheet.frozenRows - count);
  shiftSheetRects(sheet, 'row', at, -count);
}

export function insertCols(
  model: WorkbookModel,
  sheet: SheetModel,
  at: number,
  count: number,
): void {
  const lifted = liftArraysCutBy(model, sheet, 'col', at);
  model.hf.addColumns(sheet.hfId, [at - 1, count]);
  if (lifted) restoreArrays(model, sheet, lifted, 'col', at, count);
  for (const row of sheet.meta)
    if (row && row.length > at - 1) row.splice(at - 1, 0, ...new Array(count).fill(undefined));
  for (const row of sheet.formulaText)
    if (row && row.length > at - 1) row.splice(at - 1, 0, ...new Array(count).fill(undefined));
  if (at <= sheet.maxCols) shiftWrittenFormulas(model, sheet, 'col', at, count);
  if (sheet.columnWidths.length > at - 1)
    sheet.columnWidths.splice(at - 1, 0, ...new Array(count).fill(undefined));
  sheet.maxCols += count;
  shiftSheetRects(sheet, 'col', at, count);
}

export function deleteCols(
  model: WorkbookModel,
  sheet: SheetModel,
  at: number,
  count: number,
): void {
  model.hf.removeColumns(sheet.hfId, [at - 1, count]);
  for (const row of sheet.meta) if (row) row.splice(at - 1, count);
  for (const row of sheet.formulaText) if (row) row.splice(at - 1, count);
  shiftWrittenFormulas(model, sheet, 'col', at, -count);
  sheet.columnWidths.splice(at - 1, count);
  sheet.maxCols -= count;
  if (sheet.frozenCols >= at) sheet.frozenCols = Math.max(at - 1, sheet.frozenCols - count);
  shiftSheetRects(sheet, 'col', at, -count);
}
