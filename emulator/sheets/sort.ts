/**
 * Range.sort and Sheet.sort: rows of the range reordered by one or more columns, as Sheets
 * orders values ascending: numbers (and dates) first, then text (case-insensitive), then
 * booleans (FALSE before TRUE); empty cells always last. Formats move with their rows.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/range#sortsortspecobj
 */
import type {GridRect} from './a1';
import {formulaTextsOf, setContents} from './cells';
import {shiftFormula} from './formula-shift';
import type {SheetModel, WorkbookModel} from './model';
import {DetailedCellError, RawCellContent} from 'hyperformula';

export type SortKey = number | {column: number; ascending?: boolean};
export type SortSpec = SortKey | SortKey[];

function rank(v: unknown): number {
  if (v === null || v === undefined || v === '') return 3;
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  if (typeof v === 'boolean') return 2;
  return 1;
}

function compare(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (a as number) - (b as number);
  if (ra === 1) return String(a).localeCompare(String(b), 'en', {sensitivity: 'base'});
  if (ra === 2) return Number(a) - Number(b);
  return 0;
}

export function sortRows(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: GridRect,
  spec: SortSpec,
): void {
  const keys = (Array.isArray(spec) ? spec : [spec]).map(k =>
    typeof k === 'number'
      ? {column: k, ascending: true}
      : {column: k.column, ascending: k.ascending !== false},
  );
  for (const k of keys) {
    if (k.column < rect.col || k.column >= rect.col + rect.numCols)
      throw new Error(`Cannot sort by column ${k.column}: it is outside the range being sorted.`);
  }
  const hf = model.hf;
  const range = {
    start: {sheet: sheet.hfId, row: rect.row - 1, col: rect.col - 1},
    end: {sheet: sheet.hfId, row: rect.row + rect.numRows - 2, col: rect.col + rect.numCols - 2},
  };
  const values = hf
    .getRangeValues(range)
    .map(r => r.map(v => (v instanceof DetailedCellError ? v.value : v)));
  const serialized = hf.getRangeSerialized(range) as RawCellContent[][];
  const order = values.map((_, i) => i);
  order.sort((x, y) => {
    for (const k of keys) {
      const a = values[x][k.column - rect.col];
      const b = values[y][k.column - rect.col];
      const empties = rank(a) === 3 || rank(b) === 3;
      const c = compare(a, b) * (k.ascending || empties ? 1 : -1);
      if (c) return c;
    }
    return x - y;
  });
  // A formula moves with its row and its relative references move with it, as in Sheets.
  const contents = order.map((i, to) =>
    serialized[i].map(c => {
      if (typeof c !== 'string') return c;
      if (c.startsWith('=')) return shiftFormula(c, to - i, 0);
      return `'${c.startsWith("'") ? c.slice(1) : c}`;
    }),
  );
  const written = formulaTextsOf(sheet, rect);
  const texts = order.map((i, to) =>
    written[i].map(t => (t === undefined ? undefined : shiftFormula(t, to - i, 0))),
  );
  setContents(model, sheet, rect, contents, texts);
  const metaRows = order.map(i => {
    const row = sheet.meta[rect.row - 1 + i];
    return row ? row.slice(rect.col - 1, rect.col - 1 + rect.numCols) : undefined;
  });
  metaRows.forEach((m, i) => {
    const target = (sheet.meta[rect.row - 1 + i] ??= []);
    for (let j = 0; j < rect.numCols; j++) target[rect.col - 1 + j] = m?.[j];
  });
}
