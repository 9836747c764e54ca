/**
 * Reading and writing cell contents on the model: what getValues, getDisplayValues,
 * getFormulas and setValues do underneath, without Apps Script objects or call counting
 * (the clerk CLI and persistence use these too).
 */
import {
  CellType,
  CellValueType,
  DetailedCellError,
  type HyperFormula,
  type SimpleCellAddress,
} from 'hyperformula';
import {rectToA1, type GridRect} from './a1';
import {instantToSerial, serialToInstant} from './dates';
import {formatValue, isDateFormat} from './format';
import {todayAsComputed} from './clock-functions';
import {ensureEngineSound, rowsInUse, untilEngineChanges} from './engine-watch';
import {numberFormats} from './kept-looks';
import {findSheet, getMeta, lastContentRow, metaFor, SheetModel, WorkbookModel} from './model';
import type {RawCellContent} from 'hyperformula';
import {parseTypedInput} from './typed-input';
import {autoFormat, localeFormats} from './auto-format';
import {withAliases} from './name-alias';
import {closeOpenRanges, reopenRanges, shiftFormula, sumproductAsArrays} from './formula-shift';

type Scalar = number | string | boolean;

/** A cell's computed value as plain data: errors as their code ('#N/A'), empty as ''. */
function plain(v: unknown): Scalar {
  if (v === null || v === undefined) return '';
  if (v instanceof DetailedCellError) return sheetsErrorCode(v.value);
  return v as Scalar;
}

/** Sheets shows a circular reference and a blocked array result as #REF! (HyperFormula: #CYCLE!, #SPILL!). */
export function sheetsErrorCode(code: string): string {
  return code === '#CYCLE!' || code === '#SPILL!' ? '#REF!' : code;
}

/**
 * Formats inferred for formula results that have no explicit format: the engine's own types
 * (=TODAY(), =DATE(...), =A1*10%) and Sheets' automatic formats (auto-format.ts: =A1+7 where
 * A1 is a date, =WORKDAY(...), ='Other'!D2).
 */
function inferredFormat(
  model: WorkbookModel,
  sheet: SheetModel,
  row0: number,
  col0: number,
  depth = 0,
): string | undefined {
  const t = model.hf.getCellValueDetailedType({sheet: sheet.hfId, row: row0, col: col0});
  const formats = localeFormats(model.locale);
  switch (t) {
    case 'NUMBER_DATE':
      return formats.date;
    case 'NUMBER_DATETIME':
      return formats.datetime;
    case 'NUMBER_TIME':
      return formats.time;
    case 'NUMBER_PERCENT':
      return '0.00%';
    case 'NUMBER_CURRENCY':
      return '£#,##0.00';
  }
  if (depth > 4) return undefined;
  const text =
    sheet.formulaText[row0]?.[col0] ??
    model.hf.getCellFormula({sheet: sheet.hfId, row: row0, col: col0});
  if (text === undefined) return undefined;
  return autoFormat(
    text,
    {
      formatOf: (name, r, c) => {
        const s = name === undefined ? sheet : findSheet(model, name);
        if (!s) return undefined;
        const own = numberFormats(s)(r, c);
        if (own !== undefined) return own;
        if (!model.hf.doesCellHaveFormula({sheet: s.hfId, row: r, col: c})) return undefined;
        return inferredFormat(model, s, r, c, depth + 1);
      },
    },
    formats,
  );
}

interface Grid {
  values: Scalar[][];
  formats: (string | undefined)[][];
}

/**
 * The part of `rect` (0-based, inclusive) inside the engine's sheet and, for values, down to its
 * last row with one; null when nothing is left. A whole-tab read ('Tab'!A1:Z) is a thousand rows,
 * most of them blank, and asking the engine for a range cell by cell costs several times more than
 * finding where the values end. The engine's own height is no guide for values: a cell a
 * formula's range covers counts in it though empty.
 */
function engineRange(model: WorkbookModel, sheet: SheetModel, rect: GridRect, toLastValue = true) {
  const hf = model.hf;
  ensureEngineSound(hf, `Reading ${sheet.name}!${rectToA1(rect)}`);
  const {width, height} = hf.getSheetDimensions(sheet.hfId);
  const top = rect.row - 1;
  const left = rect.col - 1;
  const right = Math.min(left + rect.numCols, width) - 1;
  let bottom = Math.min(top + rect.numRows, height) - 1;
  const hasValue = (row: number) => {
    for (let col = left; col <= right; col++)
      if (hf.getCellValue({sheet: sheet.hfId, row, col}) !== null) return true;
    return false;
  };
  if (toLastValue && bottom >= top) {
    // Rows past the last with content hold no value: not asked about one by one.
    const rows = rowsInUse(hf, sheet.hfId, height, () => lastContentRow(model, sheet));
    bottom = untilEngineChanges(
      hf,
      `lastValue ${sheet.hfId} ${top} ${bottom} ${left} ${right}`,
      () => {
        let b = Math.min(bottom, rows - 1);
        while (b >= top && !hasValue(b)) b--;
        return b;
      },
    );
  }
  if (bottom < top || right < left) return null;
  return {
    start: {sheet: sheet.hfId, row: top, col: left},
    end: {sheet: sheet.hfId, row: bottom, col: right},
  };
}

function readGrid(model: WorkbookModel, sheet: SheetModel, rect: GridRect): Grid {
  const range = engineRange(model, sheet, rect);
  const raw = range ? model.hf.getRangeValues(range) : [];
  let formulas: (string | undefined)[][] | undefined;
  const formatAt = numberFormats(sheet);
  const values: Scalar[][] = [];
  // A format matters only where there is a value to show (formatValue('') is '').
  const formats: (string | undefined)[][] = [];
  for (let i = 0; i < rect.numRows; i++) {
    const vr: Scalar[] = new Array(rect.numCols);
    const fr: (string | undefined)[] = new Array(rect.numCols);
    values.push(vr);
    formats.push(fr);
    const rawRow = raw[i];
    if (!rawRow) {
      vr.fill('');
      continue;
    }
    for (let j = 0; j < rect.numCols; j++) {
      const v = plain(rawRow[j]);
      vr[j] = v;
      if (v === '') continue;
      let f = formatAt(rect.row - 1 + i, rect.col - 1 + j);
      // The formulas only once a number without a format needs them: getRangeFormulas writes
      // out every formula of the range as text.
      if (
        f === undefined &&
        typeof v === 'number' &&
        (formulas ??= model.hf.getRangeFormulas(range!))[i]?.[j] !== undefined
      )
        f = inferredFormat(model, sheet, rect.row - 1 + i, rect.col - 1 + j);
      fr[j] = f;
    }
  }
  return {values, formats};
}

/** Range.getValues(): numbers, strings, booleans, and Dates for cells with a date/time format. */
export function readValues(model: WorkbookModel, sheet: SheetModel, rect: GridRect): unknown[][] {
  const {values, formats} = readGrid(model, sheet, rect);
  const D = model.DateCtor;
  const tz = model.timeZone;
  const out: unknown[][] = values;
  for (let i = 0; i < values.length; i++) {
    const vr = values[i];
    const fr = formats[i];
    for (let j = 0; j < vr.length; j++) {
      const v = vr[j];
      if (typeof v === 'number' && fr[j] !== undefined && isDateFormat(fr[j]))
        out[i][j] = new D(serialToInstant(v, tz));
    }
  }
  return out;
}

/** Range.getDisplayValues(): the text a person sees. */
export function readDisplay(model: WorkbookModel, sheet: SheetModel, rect: GridRect): string[][] {
  const {values, formats} = readGrid(model, sheet, rect);
  return values.map((vr, i) => vr.map((v, j) => formatValue(v, formats[i][j])));
}

/** Both at once (the clerk CLI's `get`). */
export function readComputed(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: GridRect,
): {values: unknown[][]; display: string[][]} {
  const {values, formats} = readGrid(model, sheet, rect);
  const display = values.map((vr, i) => vr.map((v, j) => formatValue(v, formats[i][j])));
  const D = model.DateCtor;
  const typed = values.map((vr, i) =>
    vr.map((v, j) =>
      typeof v === 'number' && isDateFormat(formats[i][j])
        ? new D(serialToInstant(v, model.timeZone))
        : v,
    ),
  );
  return {values: typed, display};
}

/** The last row of a sheet named in a formula (or of `sheet` when unnamed), for open-ended ranges. */
function lastRowOf(
  model: WorkbookModel,
  sheet: SheetModel,
): (name: string | undefined) => number | undefined {
  return name => (name === undefined ? sheet : findSheet(model, name))?.maxRows;
}

/** A formula as the engine takes it: open-ended ranges ('A2:A') closed at the sheet's last row. */
export function toEngine(model: WorkbookModel, sheet: SheetModel, formula: string): string {
  return sumproductAsArrays(
    closeOpenRanges(withAliases(model.hf, formula), lastRowOf(model, sheet)),
  );
}

/** Range.getFormulas(): '=...' for formula cells (as written), '' elsewhere. */
export function readFormulas(model: WorkbookModel, sheet: SheetModel, rect: GridRect): string[][] {
  const range = engineRange(model, sheet, rect, false);
  const f = range ? model.hf.getRangeFormulas(range) : [];
  const out: string[][] = [];
  for (let i = 0; i < rect.numRows; i++) {
    const row: string[] = new Array(rect.numCols);
    const texts = sheet.formulaText[rect.row - 1 + i];
    for (let j = 0; j < rect.numCols; j++) {
      const text = f[i]?.[j];
      row[j] =
        text === undefined
          ? ''
          : (texts?.[rect.col - 1 + j] ?? reopenRanges(text, lastRowOf(model, sheet)));
    }
    out.push(row);
  }
  return out;
}

export function isDateObject(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** The most text a cell of Sheets holds: 50,000 characters (more is refused with the message below). */
const MAX_CELL_CHARS = 50000;

/**
 * What one value written by a script (or typed) becomes: HyperFormula content and a format.
 * Text over 50,000 characters is refused with Sheets' message.
 */
export function toContent(
  model: WorkbookModel,
  v: unknown,
  currentFormat: string | undefined,
): {content: RawCellContent; format?: string; isFormula?: boolean} {
  if (v === null || v === undefined || v === '') return {content: null};
  if (typeof v === 'number') return {content: Number.isFinite(v) ? v : '#NUM!'};
  if (typeof v === 'boolean') return {content: v};
  if (isDateObject(v)) {
    const t = v.getTime();
    if (Number.isNaN(t)) return {content: "'Invalid Date"};
    const serial = instantToSerial(t, model.timeZone);
    if (isDateFormat(currentFormat)) return {content: serial};
    return {
      content: serial,
      format: Number.isInteger(serial)
        ? localeFormats(model.locale).date
        : localeFormats(model.locale).datetime,
    };
  }
  const text = typeof v === 'string' ? v : String(v);
  if (text.length > MAX_CELL_CHARS)
    throw new Error(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  // Plain-text format ('@'): what is typed stays text, as in Sheets' Format > Number > Plain text.
  if (currentFormat === '@' && typeof v === 'string') return {content: `'${text}`};
  const typed = parseTypedInput(text, model.locale);
  if (typed.formula) return {content: typed.formula, isFormula: true};
  if (typeof typed.value === 'string')
    return {content: typed.value === '' ? null : `'${typed.value}`};
  if (typed.numberFormat && !sameKind(currentFormat, typed.numberFormat))
    return {content: typed.value, format: typed.numberFormat};
  return {content: typed.value};
}

/** Sheets keeps a cell's explicit format when the typed value is of the same kind (a date into a date cell). */
function sameKind(current: string | undefined, typed: string): boolean {
  if (!current || /^general$/i.test(current)) return false;
  if (isDateFormat(current) || isDateFormat(typed))
    return isDateFormat(current) && isDateFormat(typed);
  return current.includes('%') === typed.includes('%');
}

/** setValues with USER_ENTERED semantics: strings are parsed as typed input. One HyperFormula operation. */
export function writeValues(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: GridRect,
  values: readonly (readonly unknown[])[],
): void {
  const contents: RawCellContent[][] = [];
  const texts: (string | undefined)[][] = [];
  // Formats a value brings (a Date), set once every value is taken: a refused value (toContent
  // throws) leaves the block as it was.
  const formats: [number, number, string][] = [];
  for (let i = 0; i < rect.numRows; i++) {
    const row: RawCellContent[] = new Array(rect.numCols);
    const metaRow = sheet.meta[rect.row - 1 + i];
    const vals = values[i];
    for (let j = 0; j < rect.numCols; j++) {
      const v = vals[j];
      // Fast path for plain numbers and booleans (most cells of a big write).
      if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') {
        row[j] = v;
        continue;
      }
      const current = metaRow?.[rect.col - 1 + j]?.numberFormat;
      const {content, format, isFormula} = toContent(model, v, current);
      if (isFormula) {
        row[j] = toEngine(model, sheet, content as string);
        (texts[i] ??= [])[j] = content as string;
      } else row[j] = content;
      if (format !== undefined) formats.push([rect.row - 1 + i, rect.col - 1 + j, format]);
    }
    contents.push(row);
  }
  for (const [r, c, format] of formats) metaFor(sheet, r, c).numberFormat = format;
  setContents(model, sheet, rect, contents, texts);
}

/**
 * Writes a block of engine contents. `texts` holds the formula text as written where it differs
 * from what the engine takes (open-ended ranges closed); other formulas are kept as given.
 */
export function setContents(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: GridRect,
  contents: RawCellContent[][],
  texts?: (string | undefined)[][],
): void {
  const hf = model.hf;
  const at = {sheet: sheet.hfId, row: rect.row - 1, col: rect.col - 1};
  // HyperFormula checks `instanceof Array`: arrays made in the script's realm (a .map over its
  // arrays) are copied into this realm's.
  if (!(contents instanceof Array) || (contents.length > 0 && !(contents[0] instanceof Array)))
    contents = Array.from(contents, row => Array.from(row));
  const runs = changedRuns(hf, at, contents);
  // A large block in one batch: HyperFormula recalculates once, at the end.
  if (runs === null) {
    if (rect.numRows * rect.numCols > 1000) hf.batch(() => hf.setCellContents(at, contents));
    else hf.setCellContents(at, contents);
  } else if (runs.length)
    hf.batch(() => {
      for (const [i, j, run] of runs)
        hf.setCellContents({sheet: at.sheet, row: at.row + i, col: at.col + j}, [run]);
    });
  keepFormulaTexts(sheet, rect, contents, texts);
}

/** Functions whose result a formula gets when written, not when its precedents change. */
const CLOCK_OR_CHANCE = /\b(NOW|RAND|RANDBETWEEN)\s*\(/i;
const TODAY = /\bTODAY\s*\(/i;

/**
 * The runs of cells (row, first column, contents) a write changes, or null when it rewrites no
 * formula as it stands. HyperFormula recomputes a formula written again, and everything that
 * depends on it, though nothing changed: the Dashboard's refresh writes its hundred formulas
 * again each time. A formula the same as the cell's (as the engine gives it back) is left as it
 * is; but not one that reads the time (TODAY only while every TODAY computed gave today) or
 * draws a random number, nor an array formula, which are worked out again when written. Values
 * the same as the cell's are left too (the engine sees no change in them either).
 */
function changedRuns(
  hf: HyperFormula,
  at: SimpleCellAddress,
  contents: RawCellContent[][],
): [number, number, RawCellContent[]][] | null {
  if (hf.isEvaluationSuspended()) return null;
  let same: boolean[][] | null = null;
  let today: boolean | undefined;
  for (let i = 0; i < contents.length; i++) {
    const row = contents[i];
    for (let j = 0; j < row.length; j++) {
      const c = row[j];
      if (typeof c !== 'string' || !c.startsWith('=') || CLOCK_OR_CHANCE.test(c)) continue;
      if (TODAY.test(c) && !(today ??= todayAsComputed(hf))) continue;
      const cell = {sheet: at.sheet, row: at.row + i, col: at.col + j};
      // Not an array formula, nor one that did not parse or gives an error.
      if (hf.getCellType(cell) !== CellType.FORMULA) continue;
      if (hf.getCellValueType(cell) === CellValueType.ERROR) continue;
      let normal: string | undefined;
      try {
        normal = hf.normalizeFormula(c);
      } catch {
        continue;
      }
      if (normal !== hf.getCellFormula(cell)) continue;
      ((same ??= [])[i] ??= [])[j] = true;
    }
  }
  if (!same) return null;
  const runs: [number, number, RawCellContent[]][] = [];
  for (let i = 0; i < contents.length; i++) {
    const row = contents[i];
    let run: RawCellContent[] | null = null;
    for (let j = 0; j < row.length; j++) {
      const cell = {sheet: at.sheet, row: at.row + i, col: at.col + j};
      if (same[i]?.[j] || sameValue(hf, cell, row[j])) run = null;
      else if (run) run.push(row[j]);
      else runs.push([i, j, (run = [row[j]])]);
    }
  }
  return runs;
}

/** Empty written to an empty cell, or a value to a cell holding it as written (the engine keeps it so). */
function sameValue(hf: HyperFormula, cell: SimpleCellAddress, c: RawCellContent): boolean {
  const type = hf.getCellType(cell);
  if (c === null || c === undefined) return type === CellType.EMPTY;
  if (typeof c === 'string' && c.startsWith('=')) return false;
  return type === CellType.VALUE && hf.getCellSerialized(cell) === c;
}

export function keepFormulaTexts(
  sheet: SheetModel,
  rect: GridRect,
  contents: RawCellContent[][],
  texts?: (string | undefined)[][],
): void {
  const store = sheet.formulaText;
  for (let i = 0; i < contents.length; i++) {
    const r = rect.row - 1 + i;
    let row = store[r];
    const given = texts?.[i];
    const cr = contents[i];
    for (let j = 0; j < cr.length; j++) {
      const c = cr[j];
      const t = given?.[j] ?? (typeof c === 'string' && c.startsWith('=') ? c : undefined);
      if (t !== undefined) (row ??= store[r] = [])[rect.col - 1 + j] = t;
      else if (row && row[rect.col - 1 + j] !== undefined) row[rect.col - 1 + j] = undefined;
    }
  }
}

/** The stored formula texts of a block (undefined where none), for moving them with their cells. */
export function formulaTextsOf(sheet: SheetModel, rect: GridRect): (string | undefined)[][] {
  return Array.from({length: rect.numRows}, (_, i) => {
    const row = sheet.formulaText[rect.row - 1 + i];
    return Array.from({length: rect.numCols}, (_, j) => row?.[rect.col - 1 + j]);
  });
}

/**
 * Range.setFormula on several cells: relative references move with each cell, as when
 * filling (developers.google.com/apps-script/reference/spreadsheet/range#setformulaformula).
 * One HyperFormula operation for the whole block.
 */
export function fillFormula(
  model: WorkbookModel,
  sheet: SheetModel,
  rect: GridRect,
  formula: string,
): void {
  const contents: RawCellContent[][] = [];
  const texts: string[][] = [];
  for (let i = 0; i < rect.numRows; i++) {
    const row: RawCellContent[] = new Array(rect.numCols);
    const text: string[] = new Array(rect.numCols);
    for (let j = 0; j < rect.numCols; j++)
      row[j] = toEngine(model, sheet, (text[j] = shiftFormula(formula, i, j)));
    contents.push(row);
    texts.push(text);
  }
  setContents(model, sheet, rect, contents, texts);
}

export function clearContents(model: WorkbookModel, sheet: SheetModel, rect: GridRect): void {
  const {width, height} = model.hf.getSheetDimensions(sheet.hfId);
  const rows = Math.min(rect.numRows, height - (rect.row - 1));
  const cols = Math.min(rect.numCols, width - (rect.col - 1));
  if (rows <= 0 || cols <= 0) return;
  const empty: null[][] = Array.from({length: rows}, () => new Array(cols).fill(null));
  setContents(model, sheet, {...rect, numRows: rows, numCols: cols}, empty);
}

/** The stored value of one cell for an onEdit event: text, 'TRUE', a number as text (dates as their serial, as Sheets sends them). */
export function eventValue(
  model: WorkbookModel,
  sheet: SheetModel,
  row: number,
  col: number,
): string | undefined {
  const v = plain(model.hf.getCellValue({sheet: sheet.hfId, row: row - 1, col: col - 1}));
  if (v === '') return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

export function cellFormat(sheet: SheetModel, row: number, col: number): string | undefined {
  return getMeta(sheet, row - 1, col - 1)?.numberFormat;
}
