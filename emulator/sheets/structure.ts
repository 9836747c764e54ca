/**
 * Inserting and deleting rows and columns: HyperFormula moves the contents and rewrites
 * formula and named-range references; we move everything else the model keeps (formats,
 * notes, validation, rule and protection ranges, chart anchors, widths).
 */
import { shiftRect, GridRect } from './a1';
import type { SheetModel, WorkbookModel } from './model';

type Axis = 'row' | 'col';

function shiftSheetRects(sheet: SheetModel, axis: Axis, at: number, count: number): void {
  const move = (r: GridRect) => shiftRect(r, axis, at, count);
  for (const cf of sheet.conditionalFormats) cf.ranges = cf.ranges.map(move).filter((r): r is GridRect => !!r);
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.ranges.length > 0);
  sheet.protections = sheet.protections.filter((p) => {
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

/** Inserts `count` rows so that the first new row is `at` (1-based). */
export function insertRows(model: WorkbookModel, sheet: SheetModel, at: number, count: number): void {
  model.hf.addRows(sheet.hfId, [at - 1, count]);
  if (sheet.meta.length > at - 1) sheet.meta.splice(at - 1, 0, ...new Array(count).fill(undefined));
  sheet.maxRows += count;
  shiftSheetRects(sheet, 'row', at, count);
}

export function deleteRows(model: WorkbookModel, sheet: SheetModel, at: number, count: number): void {
  model.hf.removeRows(sheet.hfId, [at - 1, count]);
  sheet.meta.splice(at - 1, count);
  sheet.maxRows -= count;
  if (sheet.frozenRows >= at) sheet.frozenRows = Math.max(at - 1, sheet.frozenRows - count);
  shiftSheetRects(sheet, 'row', at, -count);
}

export function insertCols(model: WorkbookModel, sheet: SheetModel, at: number, count: number): void {
  model.hf.addColumns(sheet.hfId, [at - 1, count]);
  for (const row of sheet.meta) if (row && row.length > at - 1) row.splice(at - 1, 0, ...new Array(count).fill(undefined));
  if (sheet.columnWidths.length > at - 1) sheet.columnWidths.splice(at - 1, 0, ...new Array(count).fill(undefined));
  sheet.maxCols += count;
  shiftSheetRects(sheet, 'col', at, count);
}

export function deleteCols(model: WorkbookModel, sheet: SheetModel, at: number, count: number): void {
  model.hf.removeColumns(sheet.hfId, [at - 1, count]);
  for (const row of sheet.meta) if (row) row.splice(at - 1, count);
  sheet.columnWidths.splice(at - 1, count);
  sheet.maxCols -= count;
  if (sheet.frozenCols >= at) sheet.frozenCols = Math.max(at - 1, sheet.frozenCols - count);
  shiftSheetRects(sheet, 'col', at, -count);
}
