/**
 * What Sheets does when a person types or pastes into cells (the clerk CLI's `edit` and
 * `import`): each text is parsed as typed input; if any target cell has a validation rule
 * that rejects invalid input and the text breaks it, nothing is changed and the edit is
 * refused with Sheets' message. Returns what the host needs for the onEdit event object:
 * value/oldValue only for a single cell (developers.google.com/apps-script/guides/triggers/events).
 */
import {columnToLetters, GridRect} from './a1';
import {Book} from './book';
import {eventValue, formulaTextsOf, readDisplay, setContents, toEngine, writeValues} from './cells';
import {expose, unwrap} from './expose';
import {getMeta, SheetModel, WorkbookModel} from './model';
import type {Spreadsheet} from './spreadsheet';
import {parseTypedInput} from './typed-input';
import {rejectionReason} from './validation';
import {shiftFormula} from './formula-shift';
import {insertCols, insertRows} from './structure';

/** A typed edit Sheets refused: names the tab, the cell and the reason. */
export class EditRejected extends Error {
  constructor(
    readonly sheetName: string,
    readonly cell: string,
    readonly reason: string,
    readonly input: string,
  ) {
    super(`There was a problem: "${reason}" (${sheetName}!${cell}, typed "${input}")`);
    this.name = 'EditRejected';
  }
}

export interface UserEditResult {
  /** The edited range (an Apps Script Range, counted like any other). */
  range: unknown;
  oldValue?: string;
  value?: string;
  /** Set when the edit touched a warning-only protection: Sheets asks, the person went ahead. */
  warning?: string;
}

/** Sheets' texts for protected cells (support.google.com/docs/answer/1218656). */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
export const WARNING_MESSAGE =
  "Heads up! You're trying to edit part of this sheet that shouldn't be changed accidentally.";

/** Protections covering any cell of `rect`: refused unless the user may edit; warning-only ones only warn. */
function protectionCheck(
  book: Book,
  sheet: SheetModel,
  rect: GridRect,
): {refused?: GridRect; warning?: string} {
  const user = book.ctx.user;
  let warning: string | undefined;
  const overlaps = (a: GridRect, b: GridRect) =>
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.col < b.col + b.numCols &&
    b.col < a.col + a.numCols;
  for (const p of sheet.protections) {
    const area: GridRect = p.rect ?? {
      row: 1,
      col: 1,
      numRows: sheet.maxRows,
      numCols: sheet.maxCols,
    };
    if (!overlaps(area, rect)) continue;
    // A sheet protection leaves its unprotected ranges open: refused only if some edited cell is outside them.
    if (p.type === 'SHEET' && p.unprotected?.length) {
      let covered = true;
      for (let r = rect.row; r < rect.row + rect.numRows && covered; r++) {
        for (let c = rect.col; c < rect.col + rect.numCols && covered; c++) {
          if (
            !p.unprotected.some(
              u => r >= u.row && r < u.row + u.numRows && c >= u.col && c < u.col + u.numCols,
            )
          )
            covered = false;
        }
      }
      if (covered) continue;
    }
    if (p.warningOnly) warning = WARNING_MESSAGE;
    else if (!p.editors.includes(user)) return {refused: area};
  }
  return {warning};
}

function bookOf(ss: unknown): Book {
  const s = unwrap(ss) as Spreadsheet;
  if (!s || !s._book)
    throw new Error(
      'userEdit needs the Spreadsheet object of createSpreadsheetApp().getActiveSpreadsheet().',
    );
  return s._book;
}

export function userEdit(ss: unknown, a1: string, input: string[][]): UserEditResult {
  const book = bookOf(ss);
  const model = book.model;
  if (
    !Array.isArray(input) ||
    input.length === 0 ||
    !input.every(r => Array.isArray(r) && r.length === input[0].length && r.length > 0)
  ) {
    throw new Error(`The text to enter in ${a1} must be rows of equal length.`);
  }
  const {sheet, rect: at} = book.resolveA1(a1);
  const rect: GridRect = {
    row: at.row,
    col: at.col,
    numRows: input.length,
    numCols: input[0].length,
  };
  const guard = protectionCheck(book, sheet, rect);
  if (guard.refused)
    throw new EditRejected(sheet.name, a1Of(rect), PROTECTED_MESSAGE, input.flat().join(', '));
  // A paste that runs past the last row or column makes the sheet grow, as Sheets does; new rows
  // after the last one move no formula reference.
  // (Grown only once every cell has passed its validation, below.)
  const moreRows = rect.row + rect.numRows - 1 - sheet.maxRows;
  const moreCols = rect.col + rect.numCols - 1 - sheet.maxCols;
  const single = rect.numRows === 1 && rect.numCols === 1;
  const oldValue = single ? eventValue(model, sheet, rect.row, rect.col) : undefined;

  // Check every cell before changing anything: a refused paste changes nothing.
  const pending: {
    row: number;
    col: number;
    formula: string;
    anchor?: {row: number; col: number};
  }[] = [];
  for (let i = 0; i < rect.numRows; i++) {
    for (let j = 0; j < rect.numCols; j++) {
      const row = rect.row + i;
      const col = rect.col + j;
      const spec = getMeta(sheet, row - 1, col - 1)?.validation;
      if (!spec || spec.allowInvalid) continue;
      const text = input[i][j];
      const typed = parseTypedInput(text, model.locale);
      if (spec.criteria === 'CUSTOM_FORMULA') {
        pending.push({row, col, formula: String(spec.values[0]), anchor: spec.anchor});
        continue;
      }
      const reason = rejectionReason(spec, typed, text, {
        rangeTexts: ref => rangeTexts(book, ref),
        formulaHolds: () => true,
        serialOf: ms => book.serialOf(ms),
      });
      if (reason) throw new EditRejected(sheet.name, `${columnToLetters(col)}${row}`, reason, text);
    }
  }

  if (moreRows > 0) insertRows(model, sheet, sheet.maxRows + 1, moreRows);
  if (moreCols > 0) insertCols(model, sheet, sheet.maxCols + 1, moreCols);
  const before = pending.length ? snapshot(model, sheet, rect) : undefined;
  writeValues(model, sheet, rect, input);
  for (const p of pending) {
    const f = p.anchor
      ? shiftFormula(p.formula, p.row - p.anchor.row, p.col - p.anchor.col)
      : p.formula;
    const holds = formulaHolds(model, sheet, f);
    if (!holds) {
      setContents(model, sheet, rect, before!.contents, before!.texts);
      restoreFormats(sheet, rect, before!.formats);
      const text = input[p.row - rect.row][p.col - rect.col];
      const spec = getMeta(sheet, p.row - 1, p.col - 1)!.validation!;
      throw new EditRejected(
        sheet.name,
        `${columnToLetters(p.col)}${p.row}`,
        spec.helpText || `Input must satisfy formula: ${p.formula}`,
        text,
      );
    }
  }

  const range = expose(book.ctx, book.rangeAt(sheet, rect));
  model.active = {sheet: sheet.hfId, range: rect};
  const warning = guard.warning ? {warning: guard.warning} : {};
  if (!single) return {range, ...warning};
  return {range, oldValue, value: eventValue(model, sheet, rect.row, rect.col), ...warning};
}

function a1Of(rect: GridRect): string {
  return rect.numRows === 1 && rect.numCols === 1
    ? `${columnToLetters(rect.col)}${rect.row}`
    : `${columnToLetters(rect.col)}${rect.row}:${columnToLetters(rect.col + rect.numCols - 1)}${rect.row + rect.numRows - 1}`;
}

function rangeTexts(book: Book, ref: string): string[] {
  const {sheet, rect} = book.resolveA1(ref.replace(/\$/g, ''));
  return readDisplay(book.model, sheet, rect)
    .flat()
    .filter(t => t !== '');
}

function formulaHolds(model: WorkbookModel, sheet: SheetModel, formula: string): boolean {
  const v = model.hf.calculateFormula(
    toEngine(model, sheet, formula.startsWith('=') ? formula : `=${formula}`),
    sheet.hfId,
  );
  if (Array.isArray(v)) return v.length > 0 && v[0].length > 0 && !!v[0][0];
  return v === true || (typeof v === 'number' && v !== 0);
}

function snapshot(model: WorkbookModel, sheet: SheetModel, rect: GridRect) {
  const range = {
    start: {sheet: sheet.hfId, row: rect.row - 1, col: rect.col - 1},
    end: {sheet: sheet.hfId, row: rect.row + rect.numRows - 2, col: rect.col + rect.numCols - 2},
  };
  const contents = model.hf.getRangeSerialized(range) as (string | number | boolean | null)[][];
  const formats = Array.from({length: rect.numRows}, (_, i) =>
    Array.from(
      {length: rect.numCols},
      (_, j) => getMeta(sheet, rect.row - 1 + i, rect.col - 1 + j)?.numberFormat,
    ),
  );
  return {
    contents: contents.map(r => r.map(c => (c === undefined ? null : c))) as never,
    formats,
    texts: formulaTextsOf(sheet, rect),
  };
}

function restoreFormats(
  sheet: SheetModel,
  rect: GridRect,
  formats: (string | undefined)[][],
): void {
  formats.forEach((row, i) =>
    row.forEach((f, j) => {
      const m = getMeta(sheet, rect.row - 1 + i, rect.col - 1 + j);
      if (!m) return;
      if (f === undefined) delete m.numberFormat;
      else m.numberFormat = f;
    }),
  );
}

/** The host selects a cell or range (`clerk run --select 'Tab!A1'`). */
export function setActiveRange(model: WorkbookModel, a1: string, ctx?: Book['ctx']): void {
  const book = new Book(ctx ?? ({} as Book['ctx']), model, {});
  const {sheet, rect} = book.resolveA1(a1);
  model.active = {sheet: sheet.hfId, range: rect};
}
