/**
 * Range, as in developers.google.com/apps-script/reference/spreadsheet/range.
 * Thin: each method checks its arguments the way Apps Script does and then works on the model
 * (cells.ts for contents). Call counting happens in expose.ts.
 */
import {columnToLetters, GridRect, rectContains, rectToA1} from './a1';
import type {Book} from './book';
import {
  clearContents,
  fillFormula,
  formulaTextsOf,
  isDateObject,
  readDisplay,
  readFormulas,
  readValues,
  setContents,
  toEngine,
  writeValues,
} from './cells';
import {shiftFormula} from './formula-shift';
import {a1ToR1C1, r1c1ToA1} from './r1c1';
import {normaliseColor} from './colors';
import {ERR, gErr, signatureError} from './errors';
import {API_CLASS, unwrap} from './expose';
import {CellMeta, clearCellFormat, eachMeta, getMeta, SheetModel, ValidationSpec} from './model';
import {DataValidation} from './validation';
import {Protection} from './protection';
import {sortRows, SortSpec} from './sort';
import {copyFormats, copyValues, deleteCells, insertCells, moveBlock} from './range-ops';
import {autoFill} from './auto-fill';
import {TextFinder} from './text-finder';
import {RichTextValue} from './rich-text';
import {
  applyStyle,
  Color,
  colorText,
  DEFAULT_FONT_FAMILY,
  DEFAULT_FONT_SIZE,
  styleOfFont,
  TextStyle,
} from './text-style';
import type {RawCellContent} from 'hyperformula';

const DEFAULT_NUMBER_FORMAT = '0.###############';

/** SpreadsheetApp.CopyPasteType (spreadsheet/copy-paste-type). */
const enumsCopyPasteType = {
  PASTE_NORMAL: 1,
  PASTE_NO_BORDERS: 1,
  PASTE_FORMAT: 1,
  PASTE_FORMULA: 1,
  PASTE_DATA_VALIDATION: 1,
  PASTE_VALUES: 1,
  PASTE_CONDITIONAL_FORMATTING: 1,
  PASTE_COLUMN_WIDTHS: 1,
};

/** TextRotation (reference/spreadsheet/text-rotation): an angle, or vertical stacking. */
export class TextRotation {
  readonly [API_CLASS] = 'TextRotation';
  constructor(readonly _value: number | 'vertical' | undefined) {}
  getDegrees(): number {
    return typeof this._value === 'number' ? this._value : 0;
  }
  isVertical(): boolean {
    return this._value === 'vertical';
  }
}

/** A note's text: a whole number is written as Java writes a double ("5.0"; issuetracker.google.com/issues/429373214). */
function noteText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' && Number.isInteger(v)) return v.toFixed(1);
  return String(v);
}

export class Range {
  readonly [API_CLASS] = 'Range';
  constructor(
    readonly _book: Book,
    readonly _sheet: SheetModel,
    readonly _rect: GridRect,
    /** Ends left open in the A1 text it was made from ('G:G', 'G2:G' run to the last row, '5:5' to the last column): a named range keeps them open. */
    readonly _open?: {rows?: boolean; cols?: boolean},
  ) {}

  private get model() {
    return this._book.model;
  }
  private live(): SheetModel {
    return this._book.live(this._sheet);
  }
  private grid<T>(fn: (m: CellMeta | undefined) => T): T[][] {
    const s = this.live();
    const r = this._rect;
    const out: T[][] = [];
    for (let i = 0; i < r.numRows; i++) {
      const row: T[] = [];
      for (let j = 0; j < r.numCols; j++) row.push(fn(getMeta(s, r.row - 1 + i, r.col - 1 + j)));
      out.push(row);
    }
    return out;
  }
  private setAll(fn: (m: CellMeta) => void): this {
    eachMeta(this.live(), this._rect, m => fn(m));
    return this;
  }
  private setEach<T>(values: T[][], fn: (m: CellMeta, v: T) => void, method = 'Range.set'): this {
    this.checkShape(values, method);
    eachMeta(this.live(), this._rect, (m, i, j) => fn(m, values[i][j]));
    return this;
  }
  /** Google's dimension errors for setValues, setFormulas, setNotes, setBackgrounds... */
  private checkShape(values: unknown, method: string): asserts values is unknown[][] {
    const r = this._rect;
    // The signature (a two-dimensional array) is checked before the size, as Apps Script does.
    if (!Array.isArray(values) || !values.every(row => Array.isArray(row)))
      throw signatureError([values], method);
    if (values.length !== r.numRows) throw gErr(ERR.rowsMismatch(values.length, r.numRows));
    for (const row of values) {
      if (row.length !== r.numCols) throw gErr(ERR.colsMismatch(row.length, r.numCols));
    }
  }
  private cell(i: number, j: number): Range {
    return new Range(this._book, this._sheet, {
      row: this._rect.row + i,
      col: this._rect.col + j,
      numRows: 1,
      numCols: 1,
    });
  }
  private fill<T>(v: T): T[][] {
    return Array.from({length: this._rect.numRows}, () => new Array(this._rect.numCols).fill(v));
  }

  // --- position ---
  getRow(): number {
    return this._rect.row;
  }
  getRowIndex(): number {
    return this._rect.row;
  }
  getColumn(): number {
    return this._rect.col;
  }
  getColumnIndex(): number {
    return this._rect.col;
  }
  getNumRows(): number {
    return this._rect.numRows;
  }
  getNumColumns(): number {
    return this._rect.numCols;
  }
  getLastRow(): number {
    return this._rect.row + this._rect.numRows - 1;
  }
  getLastColumn(): number {
    return this._rect.col + this._rect.numCols - 1;
  }
  getHeight(): number {
    return this._rect.numRows;
  }
  getWidth(): number {
    return this._rect.numCols;
  }
  /** Whole rows and columns keep their form: getRange('5:7') gives "5:7", 'D:F' gives "D:F". */
  getA1Notation(): string {
    const r = this._rect;
    const o = this._open;
    if (o?.cols && !o.rows && r.col === 1) return `${r.row}:${r.row + r.numRows - 1}`;
    if (o?.rows && !o.cols && r.row === 1)
      return `${columnToLetters(r.col)}:${columnToLetters(r.col + r.numCols - 1)}`;
    return rectToA1(r);
  }
  getSheet(): unknown {
    return this._book.sheetObject(this.live());
  }
  getGridId(): number {
    return this._sheet.sheetId;
  }
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._rect.numRows || column > this._rect.numCols)
      throw gErr(ERR.outOfBounds());
    return this.cell(row - 1, column - 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    const rect = {
      row: this._rect.row + rowOffset,
      col: this._rect.col + columnOffset,
      numRows: numRows ?? this._rect.numRows,
      numCols: numColumns ?? this._rect.numCols,
    };
    return this._book.rangeAt(this.live(), rect);
  }
  getResizedRange(rowOffset: number, columnOffset: number): Range {
    return this._book.rangeAt(this.live(), {
      ...this._rect,
      numRows: this._rect.numRows + rowOffset,
      numCols: this._rect.numCols + columnOffset,
    });
  }

  // --- values ---
  getValues(): unknown[][] {
    return readValues(this.model, this.live(), this._rect);
  }
  getValue(): unknown {
    return readValues(this.model, this.live(), {...this._rect, numRows: 1, numCols: 1})[0][0];
  }
  getDisplayValues(): string[][] {
    return readDisplay(this.model, this.live(), this._rect);
  }
  getDisplayValue(): string {
    return readDisplay(this.model, this.live(), {...this._rect, numRows: 1, numCols: 1})[0][0];
  }
  setValues(values: unknown[][]): this {
    this.checkShape(values, 'Range.setValues');
    writeValues(this.model, this.live(), this._rect, values);
    return this;
  }
  setValue(value: unknown): this {
    writeValues(this.model, this.live(), this._rect, this.fill(value));
    return this;
  }
  isBlank(): boolean {
    return this.getValuesRaw().every(row => row.every(v => v === '' || v === null));
  }
  private getValuesRaw(): unknown[][] {
    return readFormulas(this.model, this.live(), this._rect).map((row, i) =>
      row.map((f, j) =>
        f
          ? f
          : readValues(this.model, this._sheet, {
              row: this._rect.row + i,
              col: this._rect.col + j,
              numRows: 1,
              numCols: 1,
            })[0][0],
      ),
    );
  }

  // --- formulas ---
  getFormulas(): string[][] {
    return readFormulas(this.model, this.live(), this._rect);
  }
  getFormula(): string {
    return readFormulas(this.model, this.live(), {...this._rect, numRows: 1, numCols: 1})[0][0];
  }
  setFormula(formula: string): this {
    const f = String(formula);
    if (!f.startsWith('=')) return this.setValue(f);
    fillFormula(this.model, this.live(), this._rect, f);
    return this;
  }
  setFormulas(formulas: string[][]): this {
    this.checkShape(formulas, 'Range.setFormulas');
    const sheet = this.live();
    const contents: RawCellContent[][] = formulas.map(row =>
      row.map(f =>
        f === '' || f === null || f === undefined
          ? null
          : String(f).startsWith('=')
            ? toEngine(this.model, sheet, String(f))
            : `'${f}`,
      ),
    );
    const texts = formulas.map(row =>
      row.map(f => (typeof f === 'string' && f.startsWith('=') ? f : undefined)),
    );
    setContents(this.model, this.live(), this._rect, contents, texts);
    return this;
  }

  getFormulaR1C1(): string {
    const f = this.getFormula();
    return f ? a1ToR1C1(f, this._rect.row, this._rect.col) : '';
  }
  getFormulasR1C1(): string[][] {
    return this.getFormulas().map((row, i) =>
      row.map((f, j) => (f ? a1ToR1C1(f, this._rect.row + i, this._rect.col + j) : '')),
    );
  }
  setFormulaR1C1(formula: string): this {
    const f = String(formula);
    return this.setFormulas(
      Array.from({length: this._rect.numRows}, (_, i) =>
        Array.from({length: this._rect.numCols}, (_, j) =>
          r1c1ToA1(f, this._rect.row + i, this._rect.col + j),
        ),
      ),
    );
  }
  /** Text without "=" becomes a formula too ("Value" gives =Value), as in Sheets (gas-fakes test/testsheets.js, live). */
  setFormulasR1C1(formulas: string[][]): this {
    this.checkShape(formulas, 'Range.setFormulasR1C1');
    return this.setFormulas(
      formulas.map((row, i) =>
        row.map((f, j) => {
          const text = String(f ?? '');
          if (text === '') return '';
          const formula = text.startsWith('=') ? text : `=${text}`;
          return r1c1ToA1(formula, this._rect.row + i, this._rect.col + j);
        }),
      ),
    );
  }
  /**
   * The last cell of the run of data from this cell in a direction, or the next data cell past
   * empty ones, or the sheet's edge: Ctrl+arrow (range#getnextdatacelldirection).
   */
  getNextDataCell(direction: unknown): Range {
    const d = String(direction);
    const s = this.live();
    const [dr, dc] =
      d === 'UP'
        ? [-1, 0]
        : d === 'DOWN'
          ? [1, 0]
          : d === 'PREVIOUS'
            ? [0, -1]
            : d === 'NEXT'
              ? [0, 1]
              : [0, 0];
    if (!dr && !dc) throw signatureError([direction], 'Range.getNextDataCell');
    const hf = this.model.hf;
    const full = (r: number, c: number) => !hf.isCellEmpty({sheet: s.hfId, row: r - 1, col: c - 1});
    const inside = (r: number, c: number) => r >= 1 && c >= 1 && r <= s.maxRows && c <= s.maxCols;
    let r = this._rect.row;
    let c = this._rect.col;
    if (!inside(r + dr, c + dc)) return this.cell(0, 0);
    if (full(r, c) && full(r + dr, c + dc)) {
      // Along the run of data to its last cell.
      while (inside(r + dr, c + dc) && full(r + dr, c + dc)) [r, c] = [r + dr, c + dc];
    } else {
      // Past the empty cells to the next data cell, or to the edge.
      [r, c] = [r + dr, c + dc];
      while (inside(r + dr, c + dc) && !full(r, c)) [r, c] = [r + dr, c + dc];
    }
    return new Range(this._book, this._sheet, {row: r, col: c, numRows: 1, numCols: 1});
  }
  /** autoFill(destination, series): extends the source's pattern over the destination (range#autofilldestination,-series). */
  autoFill(destination: unknown, series: unknown): void {
    const dest = unwrap(destination) as Range;
    if (!(dest instanceof Range)) throw signatureError([destination, series], 'Range.autoFill');
    autoFill(
      this.model,
      this.live(),
      this._rect,
      dest._rect,
      String(series) === 'ALTERNATE_SERIES',
    );
  }
  /** Fills down as far as the data in the neighbouring column goes (range#autofilltoneighborseries). */
  autoFillToNeighbor(series: unknown): void {
    const s = this.live();
    const r = this._rect;
    const hf = this.model.hf;
    const lastOf = (col: number) => {
      if (col < 1 || col > s.maxCols) return 0;
      let row = r.row + r.numRows - 1;
      while (row < s.maxRows && !hf.isCellEmpty({sheet: s.hfId, row, col: col - 1})) row++;
      return row;
    };
    const last = Math.max(lastOf(r.col - 1), lastOf(r.col + r.numCols));
    if (last <= r.row + r.numRows - 1) return;
    this.autoFill(new Range(this._book, this._sheet, {...r, numRows: last - r.row + 1}), series);
  }

  // --- number formats ---
  getNumberFormat(): string {
    return (
      getMeta(this.live(), this._rect.row - 1, this._rect.col - 1)?.numberFormat ??
      DEFAULT_NUMBER_FORMAT
    );
  }
  getNumberFormats(): string[][] {
    return this.grid(m => m?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
  }
  setNumberFormat(format: string): this {
    const f = String(format);
    return this.setAll(m =>
      f === '' || /^general$/i.test(f) ? delete m.numberFormat : (m.numberFormat = f),
    );
  }
  setNumberFormats(formats: string[][]): this {
    return this.setEach(
      formats,
      (m, f) =>
        f && !/^general$/i.test(String(f)) ? (m.numberFormat = String(f)) : delete m.numberFormat,
      'Range.setNumberFormats',
    );
  }

  // --- notes ---
  getNote(): string {
    return getMeta(this.live(), this._rect.row - 1, this._rect.col - 1)?.note ?? '';
  }
  getNotes(): string[][] {
    return this.grid(m => m?.note ?? '');
  }
  setNote(note: string | null): this {
    const text = noteText(note);
    return this.setAll(m => (text === '' ? delete m.note : (m.note = text)));
  }
  setNotes(notes: (string | null)[][]): this {
    return this.setEach(
      notes,
      (m, n) => {
        const text = noteText(n);
        return text === '' ? delete m.note : (m.note = text);
      },
      'Range.setNotes',
    );
  }
  clearNote(): this {
    return this.setAll(m => delete m.note);
  }

  // --- backgrounds and fonts ---
  getBackground(): string {
    return getMeta(this.live(), this._rect.row - 1, this._rect.col - 1)?.background ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this.grid(m => m?.background ?? '#ffffff');
  }
  setBackground(color: string | null): this {
    const c = normaliseColor(color);
    return this.setAll(m => (c ? (m.background = c) : delete m.background));
  }
  setBackgrounds(colors: (string | null)[][]): this {
    this.checkShape(colors, 'Range.setBackgrounds');
    const norm = colors.map(row => row.map(c => normaliseColor(c)));
    return this.setEach(
      norm,
      (m, c) => (c ? (m.background = c) : delete m.background),
      'Range.setBackgrounds',
    );
  }
  setBackgroundRGB(r: number, g: number, b: number): this {
    const hex = `#${[r, g, b].map(x => Math.max(0, Math.min(255, x)).toString(16).padStart(2, '0')).join('')}`;
    return this.setBackground(hex);
  }
  getFontWeight(): string {
    return getMeta(this.live(), this._rect.row - 1, this._rect.col - 1)?.font?.weight ?? 'normal';
  }
  getFontWeights(): string[][] {
    return this.grid(m => m?.font?.weight ?? 'normal');
  }
  setFontWeight(weight: string | null): this {
    return this.setAll(m => ((m.font ??= {}).weight = weight === 'bold' ? 'bold' : 'normal'));
  }
  setFontWeights(weights: (string | null)[][]): this {
    return this.setEach(
      weights,
      (m, w) => ((m.font ??= {}).weight = w === 'bold' ? 'bold' : 'normal'),
      'Range.setFontWeights',
    );
  }
  getFontColor(): string {
    return getMeta(this.live(), this._rect.row - 1, this._rect.col - 1)?.font?.color ?? '#000000';
  }
  getFontColors(): string[][] {
    return this.grid(m => m?.font?.color ?? '#000000');
  }
  setFontColor(color: string | null): this {
    const c = normaliseColor(color);
    return this.setAll(m => (c ? ((m.font ??= {}).color = c) : delete m.font?.color));
  }
  setFontColors(colors: (string | null)[][]): this {
    this.checkShape(colors, 'Range.setFontColors');
    return this.setEach(
      colors.map(r => r.map(c => normaliseColor(c))),
      (m, c) => (c ? ((m.font ??= {}).color = c) : delete m.font?.color),
      'Range.setFontColors',
    );
  }
  getFontStyle(): string {
    return getMeta(this.live(), this._rect.row - 1, this._rect.col - 1)?.font?.style ?? 'normal';
  }
  setFontStyle(style: string | null): this {
    return this.setAll(m => ((m.font ??= {}).style = style === 'italic' ? 'italic' : 'normal'));
  }
  setFontLine(line: string | null): this {
    const l = line === 'underline' || line === 'line-through' ? line : 'none';
    return this.setAll(m => ((m.font ??= {}).line = l));
  }
  getFontLine(): string {
    return getMeta(this.live(), this._rect.row - 1, this._rect.col - 1)?.font?.line ?? 'none';
  }
  getFontSize(): number {
    return this.meta0()?.font?.size ?? DEFAULT_FONT_SIZE;
  }
  getFontSizes(): number[][] {
    return this.grid(m => m?.font?.size ?? DEFAULT_FONT_SIZE);
  }
  setFontSize(size: number): this {
    return this.setAll(m => ((m.font ??= {}).size = Number(size)));
  }
  setFontSizes(sizes: number[][]): this {
    return this.setEach(sizes, (m, v) => ((m.font ??= {}).size = Number(v)), 'Range.setFontSizes');
  }
  getFontFamily(): string {
    return this.meta0()?.font?.family ?? DEFAULT_FONT_FAMILY;
  }
  getFontFamilies(): string[][] {
    return this.grid(m => m?.font?.family ?? DEFAULT_FONT_FAMILY);
  }
  setFontFamily(family: string | null): this {
    return this.setAll(m =>
      family === null ? delete m.font?.family : ((m.font ??= {}).family = String(family)),
    );
  }
  setFontFamilies(families: (string | null)[][]): this {
    return this.setEach(
      families,
      (m, v) => (v === null ? delete m.font?.family : ((m.font ??= {}).family = String(v))),
      'Range.setFontFamilies',
    );
  }
  getFontStyles(): string[][] {
    return this.grid(m => m?.font?.style ?? 'normal');
  }
  setFontStyles(styles: (string | null)[][]): this {
    return this.setEach(
      styles,
      (m, v) => ((m.font ??= {}).style = v === 'italic' ? 'italic' : 'normal'),
      'Range.setFontStyles',
    );
  }
  getFontLines(): string[][] {
    return this.grid(m => m?.font?.line ?? 'none');
  }
  setFontLines(lines: (string | null)[][]): this {
    return this.setEach(
      lines,
      (m, v) => ((m.font ??= {}).line = v === 'underline' || v === 'line-through' ? v : 'none'),
      'Range.setFontLines',
    );
  }
  getFontColorObject(): Color {
    return new Color(this.getFontColor());
  }
  getFontColorObjects(): Color[][] {
    return this.getFontColors().map(r => r.map(c => new Color(c)));
  }
  setFontColorObject(color: unknown): this {
    return this.setFontColor(colorText(color) ?? null);
  }
  setFontColorObjects(colors: unknown[][]): this {
    this.checkShape(colors, 'Range.setFontColorObjects');
    return this.setFontColors(colors.map(r => r.map(c => colorText(c) ?? null)));
  }
  getBackgroundObject(): Color {
    return new Color(this.getBackground());
  }
  getBackgroundObjects(): Color[][] {
    return this.getBackgrounds().map(r => r.map(c => new Color(c)));
  }
  setBackgroundObject(color: unknown): this {
    return this.setBackground(colorText(color) ?? null);
  }
  setBackgroundObjects(colors: unknown[][]): this {
    this.checkShape(colors, 'Range.setBackgroundObjects');
    return this.setBackgrounds(colors.map(r => r.map(c => colorText(c) ?? null)));
  }
  getTextStyle(): TextStyle {
    return styleOfFont(this.meta0()?.font);
  }
  getTextStyles(): TextStyle[][] {
    return this.grid(m => styleOfFont(m?.font));
  }
  setTextStyle(style: unknown): this {
    const spec = (unwrap(style) as TextStyle)?._spec;
    if (!spec) throw signatureError([style], 'Range.setTextStyle');
    return this.setAll(m => applyStyle((m.font ??= {}), spec));
  }
  setTextStyles(styles: unknown[][]): this {
    this.checkShape(styles, 'Range.setTextStyles');
    return this.setEach(
      styles,
      (m, st) => applyStyle((m.font ??= {}), (unwrap(st) as TextStyle)._spec ?? {}),
      'Range.setTextStyles',
    );
  }
  private meta0(): CellMeta | undefined {
    return getMeta(this.live(), this._rect.row - 1, this._rect.col - 1);
  }
  getWrap(): boolean {
    return getMeta(this.live(), this._rect.row - 1, this._rect.col - 1)?.wrap ?? false;
  }
  getWraps(): boolean[][] {
    return this.grid(m => m?.wrap ?? false);
  }
  getWrapStrategy(): string {
    return this.getWrap() ? 'WRAP' : 'OVERFLOW';
  }
  getWrapStrategies(): string[][] {
    return this.grid(m => (m?.wrap ? 'WRAP' : 'OVERFLOW'));
  }
  setWrapStrategies(strategies: unknown[][]): this {
    return this.setEach(
      strategies,
      (m, v) => (m.wrap = String(v) === 'WRAP'),
      'Range.setWrapStrategies',
    );
  }
  getHorizontalAlignments(): string[][] {
    return this.grid(m => m?.hAlign ?? 'general');
  }
  setHorizontalAlignments(a: (string | null)[][]): this {
    return this.setEach(
      a,
      (m, v) => (v ? (m.hAlign = String(v)) : delete m.hAlign),
      'Range.setHorizontalAlignments',
    );
  }
  getVerticalAlignments(): string[][] {
    return this.grid(m => m?.vAlign ?? 'bottom');
  }
  setVerticalAlignments(a: (string | null)[][]): this {
    return this.setEach(
      a,
      (m, v) => (v ? (m.vAlign = String(v)) : delete m.vAlign),
      'Range.setVerticalAlignments',
    );
  }
  setWrap(wrap: boolean): this {
    return this.setAll(m => (m.wrap = !!wrap));
  }
  setWraps(wraps: boolean[][]): this {
    return this.setEach(wraps, (m, w) => (m.wrap = !!w), 'Range.setWraps');
  }
  setWrapStrategy(strategy: string): this {
    return this.setAll(m => (m.wrap = String(strategy) === 'WRAP'));
  }
  getHorizontalAlignment(): string {
    return getMeta(this.live(), this._rect.row - 1, this._rect.col - 1)?.hAlign ?? 'general';
  }
  setHorizontalAlignment(a: string | null): this {
    return this.setAll(m => (a ? (m.hAlign = String(a)) : delete m.hAlign));
  }
  setVerticalAlignment(a: string | null): this {
    return this.setAll(m => (a ? (m.vAlign = String(a)) : delete m.vAlign));
  }
  getVerticalAlignment(): string {
    return getMeta(this.live(), this._rect.row - 1, this._rect.col - 1)?.vAlign ?? 'bottom';
  }
  setBorder(..._args: unknown[]): this {
    return this;
  }

  // --- data validation ---
  getDataValidation(): DataValidation | null {
    const v = getMeta(this.live(), this._rect.row - 1, this._rect.col - 1)?.validation;
    return v ? new DataValidation(v, this._book.resolver) : null;
  }
  getDataValidations(): (DataValidation | null)[][] {
    return this.grid(m =>
      m?.validation ? new DataValidation(m.validation, this._book.resolver) : null,
    );
  }
  setDataValidation(rule: DataValidation | null): this {
    if (rule === null) return this.clearDataValidations();
    const spec = (unwrap(rule) as DataValidation)._spec;
    if (!spec) throw signatureError([rule], 'Range.setDataValidation');
    const anchored: ValidationSpec = {...spec, anchor: {row: this._rect.row, col: this._rect.col}};
    return this.setAll(m => (m.validation = anchored));
  }
  setDataValidations(rules: (DataValidation | null)[][]): this {
    this.checkShape(rules, 'Range.setDataValidations');
    return this.setEach(rules, (m, r) => {
      const spec = r ? (unwrap(r) as DataValidation)._spec : undefined;
      if (spec) m.validation = spec;
      else delete m.validation;
    });
  }
  clearDataValidations(): this {
    return this.setAll(m => delete m.validation);
  }
  /** Checkboxes are a CHECKBOX validation with FALSE in empty cells (developers.google.com/apps-script/reference/spreadsheet/range#insertcheckboxes). */
  insertCheckboxes(checked?: unknown, unchecked?: unknown): this {
    const values =
      checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
    const spec: ValidationSpec = {
      criteria: 'CHECKBOX',
      values: values as ValidationSpec['values'],
      allowInvalid: false,
    };
    this.setAll(m => (m.validation = spec));
    const current = this.getValues();
    const off = values.length === 2 ? values[1] : false;
    writeValues(
      this.model,
      this._sheet,
      this._rect,
      current.map(row => row.map(v => (v === '' ? off : v))),
    );
    return this;
  }
  /**
   * Checkbox states, per developers.google.com/apps-script/reference/spreadsheet/range#check:
   * only cells with a checkbox that hold its checked or unchecked value change; text cells and
   * other values are left alone. Custom values (insertCheckboxes('yes', 'no')) are kept.
   */
  private checkboxCells(): {i: number; j: number; on: unknown; off: unknown; value: unknown}[] {
    const values = this.getValues();
    const out: {i: number; j: number; on: unknown; off: unknown; value: unknown}[] = [];
    const s = this.live();
    for (let i = 0; i < this._rect.numRows; i++) {
      for (let j = 0; j < this._rect.numCols; j++) {
        const v = getMeta(s, this._rect.row - 1 + i, this._rect.col - 1 + j)?.validation;
        if (v?.criteria !== 'CHECKBOX') continue;
        const on = v.values.length ? v.values[0] : true;
        const off = v.values.length > 1 ? v.values[1] : false;
        out.push({i, j, on, off, value: values[i][j]});
      }
    }
    return out;
  }
  private setCheckboxes(state: 'on' | 'off'): this {
    for (const c of this.checkboxCells()) {
      const value = c.value === '' && c.off === false ? false : c.value;
      if (value !== c.on && value !== c.off) continue;
      this.cell(c.i, c.j).setValue(state === 'on' ? c.on : c.off);
    }
    return this;
  }
  /** Clears the validation, and the value where it is the checked or unchecked value (range#removecheckboxes). */
  removeCheckboxes(): this {
    for (const c of this.checkboxCells())
      if (c.value === c.on || c.value === c.off) this.cell(c.i, c.j).clearContent();
    return this.clearDataValidations();
  }
  check(): this {
    return this.setCheckboxes('on');
  }
  uncheck(): this {
    return this.setCheckboxes('off');
  }
  /** true when every cell is checked, false when every cell is unchecked, null otherwise (range#ischecked). */
  isChecked(): boolean | null {
    const cells = this.checkboxCells();
    if (cells.length !== this._rect.numRows * this._rect.numCols) return null;
    if (cells.every(c => c.value === c.on)) return true;
    if (cells.every(c => c.value === c.off || (c.value === '' && c.off === false))) return false;
    return null;
  }

  // --- clearing ---
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): this {
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    if (!any || o.contentsOnly) clearContents(this.model, this.live(), this._rect);
    if (!any || o.formatOnly) this.clearFormat();
    if (o.validationsOnly) this.clearDataValidations();
    if (o.commentsOnly) this.clearNote();
    return this;
  }
  clearContent(): this {
    clearContents(this.model, this.live(), this._rect);
    return this;
  }
  clearFormat(): this {
    return this.setAll(clearCellFormat);
  }

  // --- structure and the rest ---
  sort(spec: SortSpec): this {
    sortRows(this.model, this.live(), this._rect, spec);
    return this;
  }
  protect(): Protection {
    return this._book.addProtection(this.live(), 'RANGE', this._rect);
  }
  activate(): this {
    this.model.active = {sheet: this._sheet.hfId, range: {...this._rect}};
    return this;
  }
  activateAsCurrentCell(): this {
    return this.activate();
  }
  merge(): this {
    this.live().merges.push({...this._rect});
    return this;
  }
  mergeAcross(): this {
    for (let i = 0; i < this._rect.numRows; i++)
      this._sheet.merges.push({...this._rect, row: this._rect.row + i, numRows: 1});
    return this;
  }
  mergeVertically(): this {
    for (let j = 0; j < this._rect.numCols; j++)
      this._sheet.merges.push({...this._rect, col: this._rect.col + j, numCols: 1});
    return this;
  }
  breakApart(): this {
    const r = this._rect;
    this._sheet.merges = this._sheet.merges.filter(m => !rectContains(r, m.row, m.col));
    return this;
  }
  isPartOfMerge(): boolean {
    const r = this._rect;
    return this._sheet.merges.some(m => rectContains(m, r.row, r.col));
  }
  /**
   * copyTo(destination[, {contentsOnly, formatOnly}]) or copyTo(destination, CopyPasteType,
   * transposed) (range#copytodestination,-copypastetype,-transposed): contents (relative
   * references moved as in a paste) and formats. A larger destination is filled with whole
   * repeats of the source; a smaller one gets the whole source.
   */
  copyTo(...args: unknown[]): void {
    const [destination, how, transposed] = args;
    const dest = unwrap(destination) as Range;
    const bad = () => signatureError(args, 'Range.copyTo');
    if (!(dest instanceof Range) || args.length > 3) throw bad();
    let contents = true;
    let formats = true;
    let flip = false;
    let valuesOnly = false;
    if (args.length >= 2 && typeof how === 'object' && how !== null) {
      const o = how as Record<string, unknown>;
      if (args.length > 2 || Object.keys(o).some(k => k !== 'contentsOnly' && k !== 'formatOnly'))
        throw bad();
      if (o.contentsOnly && o.formatOnly) throw bad();
      contents = !o.formatOnly;
      formats = !o.contentsOnly;
    } else if (args.length >= 2) {
      const type = String(how);
      if (!Object.keys(enumsCopyPasteType).includes(type)) throw bad();
      if (args.length === 3 && typeof transposed !== 'boolean') throw bad();
      flip = transposed === true;
      valuesOnly = type === 'PASTE_VALUES';
      contents = ![
        'PASTE_FORMAT',
        'PASTE_COLUMN_WIDTHS',
        'PASTE_CONDITIONAL_FORMATTING',
        'PASTE_DATA_VALIDATION',
      ].includes(type);
      formats = !['PASTE_VALUES', 'PASTE_FORMULA', 'PASTE_COLUMN_WIDTHS'].includes(type);
    }
    const r = this._rect;
    const rows = flip ? r.numCols : r.numRows;
    const cols = flip ? r.numRows : r.numCols;
    const fit = (d: number, s: number) => (d < s ? s : d - (d % s));
    const tileRows = fit(dest._rect.numRows, rows) / rows;
    const tileCols = fit(dest._rect.numCols, cols) / cols;
    for (let i = 0; i < tileRows; i++)
      for (let j = 0; j < tileCols; j++)
        this.copyOnce(dest, dest._rect.row + i * rows, dest._rect.col + j * cols, {
          contents,
          formats,
          flip,
          valuesOnly,
        });
  }
  private copyOnce(
    dest: Range,
    row: number,
    col: number,
    how: {contents: boolean; formats: boolean; flip: boolean; valuesOnly: boolean},
  ): void {
    const {contents, formats, flip, valuesOnly} = how;
    const hf = this.model.hf;
    const src = this.live();
    const r = this._rect;
    const at = (i: number, j: number) => (flip ? [j, i] : [i, j]);
    const rows = flip ? r.numCols : r.numRows;
    const cols = flip ? r.numRows : r.numCols;
    if (contents) {
      // Like a paste: relative references move by the offset (the text as written, so OFFSET stays).
      // Written here rather than with HyperFormula's copy/paste, which fails on some formulas it rewrote.
      const serialized = hf.getRangeSerialized({
        start: {sheet: src.hfId, row: r.row - 1, col: r.col - 1},
        end: {sheet: src.hfId, row: r.row + r.numRows - 2, col: r.col + r.numCols - 2},
      }) as RawCellContent[][];
      const written = formulaTextsOf(src, r);
      // Values only: what the cells show now, not their formulas.
      const computed = valuesOnly
        ? (hf.getRangeValues({
            start: {sheet: src.hfId, row: r.row - 1, col: r.col - 1},
            end: {sheet: src.hfId, row: r.row + r.numRows - 2, col: r.col + r.numCols - 2},
          }) as RawCellContent[][])
        : [];
      const to = {row, col, numRows: rows, numCols: cols};
      const texts = Array.from({length: rows}, (_, i) =>
        Array.from({length: cols}, (_, j) => {
          const [si, sj] = at(i, j);
          const c = serialized[si]?.[sj];
          const f = valuesOnly
            ? undefined
            : (written[si][sj] ?? (typeof c === 'string' && c.startsWith('=') ? c : undefined));
          return f === undefined
            ? undefined
            : shiftFormula(f, row + i - (r.row + si), col + j - (r.col + sj));
        }),
      );
      const values = texts.map((tr, i) =>
        tr.map((t, j) => {
          if (t !== undefined) return toEngine(this.model, dest._sheet, t);
          const [si, sj] = at(i, j);
          const v = valuesOnly ? computed[si]?.[sj] : serialized[si]?.[sj];
          // An error value (#N/A) is pasted as its text.
          const c =
            v && typeof v === 'object' ? String((v as unknown as {value: unknown}).value) : v;
          return typeof c === 'string' ? `'${c.startsWith("'") ? c.slice(1) : c}` : (c ?? null);
        }),
      );
      setContents(this.model, dest._sheet, to, values, texts);
    }
    if (formats) {
      eachMeta(dest._sheet, {row, col, numRows: rows, numCols: cols}, (m, i, j) => {
        const [si, sj] = at(i, j);
        const from = getMeta(src, r.row - 1 + si, r.col - 1 + sj);
        for (const k of Object.keys(m) as (keyof CellMeta)[]) if (k !== 'note') delete m[k];
        if (from) Object.assign(m, structuredClone({...from, note: undefined}));
        if (m.note === undefined) delete m.note;
      });
    }
  }
  /** The text of the top-left cell with its links and styles; null when it is not text (range#getrichtextvalue). */
  getRichTextValue(): RichTextValue | null {
    return this.getRichTextValues()[0][0];
  }
  getRichTextValues(): (RichTextValue | null)[][] {
    const s = this.live();
    const values = readValues(this.model, s, this._rect);
    return values.map((row, i) =>
      row.map((v, j) => {
        if (typeof v !== 'string') return null;
        const rich = getMeta(s, this._rect.row - 1 + i, this._rect.col - 1 + j)?.richText;
        // Runs written for other text (the cell was typed over since) no longer apply.
        if (rich && rich.text === v) return new RichTextValue(v, rich.runs);
        return new RichTextValue(v, [{start: 0, end: v.length}]);
      }),
    );
  }
  setRichTextValue(value: unknown): this {
    return this.setRichTextValues(this.fill(value));
  }
  setRichTextValues(values: unknown[][]): this {
    this.checkShape(values, 'Range.setRichTextValues');
    const rich = values.map(row =>
      row.map(v => {
        const r = unwrap(v) as RichTextValue;
        if (!(r instanceof RichTextValue)) throw signatureError([v], 'Range.setRichTextValues');
        return r;
      }),
    );
    writeValues(
      this.model,
      this.live(),
      this._rect,
      rich.map(row => row.map(r => (r._text === '' ? '' : `'${r._text}`))),
    );
    return this.setEach(rich, (m, r) => {
      const plain = r._runs.every(x => !x.link && !x.style);
      if (plain) delete m.richText;
      else m.richText = {text: r._text, runs: r._runs.map(x => ({...x}))};
    });
  }

  /**
   * Removes rows whose values (in the given columns, or all) repeat an earlier row; the rest move
   * up within the range. Returns the range of the rows kept (range#removeduplicatescolumnstocompare).
   */
  removeDuplicates(columnsToCompare?: number[]): Range {
    const r = this._rect;
    const cols = (columnsToCompare ?? Array.from({length: r.numCols}, (_, j) => r.col + j)).map(
      c => {
        if (c < r.col || c >= r.col + r.numCols)
          throw gErr(
            `Cell reference out of range: column ${c} is outside ${this.getA1Notation()}.`,
          );
        return c - r.col;
      },
    );
    const values = this.getValues();
    const key = (row: unknown[]) =>
      JSON.stringify(
        cols.map(j =>
          isDateObject(row[j])
            ? (row[j] as Date).getTime()
            : typeof row[j] === 'string'
              ? (row[j] as string).toLowerCase()
              : row[j],
        ),
      );
    const seen = new Set<string>();
    const keep: number[] = [];
    values.forEach((row, i) => {
      const k = key(row);
      if (seen.has(k)) return;
      seen.add(k);
      keep.push(i);
    });
    if (keep.length < r.numRows) {
      const formulas = this.getFormulas();
      const rows = keep.map(i =>
        values[i].map(
          (v, j) => formulas[i][j] || (typeof v === 'string' && v !== '' ? `'${v}` : v),
        ),
      );
      while (rows.length < r.numRows) rows.push(new Array(r.numCols).fill(''));
      writeValues(this.model, this.live(), r, rows);
    }
    return new Range(this._book, this._sheet, {...r, numRows: keep.length});
  }

  /**
   * The block of data around this range, as Ctrl+A finds it: grown while any cell beside it
   * (diagonals included) has content; ROWS or COLUMNS grows one way only (range#getdataregion).
   */
  getDataRegion(dimension?: unknown): Range {
    const s = this.live();
    const hf = this.model.hf;
    const dim = dimension === undefined ? undefined : String(dimension);
    const full = (row: number, col: number) =>
      row >= 1 &&
      col >= 1 &&
      row <= s.maxRows &&
      col <= s.maxCols &&
      !hf.isCellEmpty({sheet: s.hfId, row: row - 1, col: col - 1});
    let {row: r1, col: c1} = this._rect;
    let r2 = r1 + this._rect.numRows - 1;
    let c2 = c1 + this._rect.numCols - 1;
    const anyIn = (ra: number, rb: number, ca: number, cb: number) => {
      for (let r = ra; r <= rb; r++) for (let c = ca; c <= cb; c++) if (full(r, c)) return true;
      return false;
    };
    for (let grown = true; grown;) {
      grown = false;
      if (dim !== 'COLUMNS') {
        if (r1 > 1 && anyIn(r1 - 1, r1 - 1, c1 - 1, c2 + 1)) {
          r1--;
          grown = true;
        }
        if (r2 < s.maxRows && anyIn(r2 + 1, r2 + 1, c1 - 1, c2 + 1)) {
          r2++;
          grown = true;
        }
      }
      if (dim !== 'ROWS') {
        if (c1 > 1 && anyIn(r1 - 1, r2 + 1, c1 - 1, c1 - 1)) {
          c1--;
          grown = true;
        }
        if (c2 < s.maxCols && anyIn(r1 - 1, r2 + 1, c2 + 1, c2 + 1)) {
          c2++;
          grown = true;
        }
      }
    }
    return new Range(this._book, this._sheet, {
      row: r1,
      col: c1,
      numRows: r2 - r1 + 1,
      numCols: c2 - c1 + 1,
    });
  }

  // --- text direction, rotation, hyperlinks (range#settextdirectiondirection, #settextrotationdegrees) ---
  getTextDirection(): string | null {
    return this.meta0()?.textDirection ?? null;
  }
  getTextDirections(): (string | null)[][] {
    return this.grid(m => m?.textDirection ?? null);
  }
  setTextDirection(direction: unknown): this {
    return this.setAll(m =>
      direction === null ? delete m.textDirection : (m.textDirection = String(direction)),
    );
  }
  setTextDirections(directions: unknown[][]): this {
    return this.setEach(
      directions,
      (m, d) => (d === null ? delete m.textDirection : (m.textDirection = String(d))),
      'Range.setTextDirections',
    );
  }
  getTextRotation(): TextRotation {
    return new TextRotation(this.meta0()?.rotation);
  }
  getTextRotations(): TextRotation[][] {
    return this.grid(m => new TextRotation(m?.rotation));
  }
  /** Degrees between -90 and 90 (range#settextrotationdegrees). */
  setTextRotation(degrees: unknown): this {
    const d = Number(degrees);
    if (!Number.isFinite(d) || d < -90 || d > 90) throw gErr(ERR.invalidArgument('degrees'));
    return this.setAll(m => (d === 0 ? delete m.rotation : (m.rotation = d)));
  }
  setTextRotations(rotations: unknown[][]): this {
    return this.setEach(
      rotations,
      (m, r) => {
        const t = unwrap(r) as TextRotation;
        const v = t instanceof TextRotation ? t._value : Number(r);
        return v === 0 || v === undefined ? delete m.rotation : (m.rotation = v);
      },
      'Range.setTextRotations',
    );
  }
  setVerticalText(isVertical: boolean): this {
    return this.setAll(m => (isVertical ? (m.rotation = 'vertical') : delete m.rotation));
  }
  setShowHyperlink(showHyperlink: boolean): this {
    return this.setAll(m => (m.showHyperlink = !!showHyperlink));
  }

  /** The merged ranges that overlap this range (range#getmergedranges). */
  getMergedRanges(): Range[] {
    const r = this._rect;
    const overlaps = (m: GridRect) =>
      m.row < r.row + r.numRows &&
      r.row < m.row + m.numRows &&
      m.col < r.col + r.numCols &&
      r.col < m.col + m.numCols;
    return this.live()
      .merges.filter(overlaps)
      .map(m => new Range(this._book, this._sheet, {...m}));
  }
  isStartRowBounded(): boolean {
    return !this.wholeColumns();
  }
  isEndRowBounded(): boolean {
    return !this._open?.rows;
  }
  isStartColumnBounded(): boolean {
    return !this.wholeRows();
  }
  isEndColumnBounded(): boolean {
    return !this._open?.cols;
  }
  private wholeColumns(): boolean {
    return !!this._open?.rows && !this._open.cols && this._rect.row === 1;
  }
  private wholeRows(): boolean {
    return !!this._open?.cols && !this._open.rows && this._rect.col === 1;
  }
  /** Cut and paste into the target's top-left cell (range#movetotarget). */
  moveTo(target: unknown): void {
    const dest = unwrap(target) as Range;
    if (!(dest instanceof Range)) throw signatureError([target], 'Range.moveTo');
    const {row, col} = dest._rect;
    moveBlock(this.model, {
      from: this.live(),
      r: this._rect,
      to: dest.live(),
      row,
      col,
      method: 'Range.moveTo',
    });
  }
  deleteCells(shiftDimension: unknown): void {
    const d = String(shiftDimension);
    if (d !== 'ROWS' && d !== 'COLUMNS')
      throw signatureError([shiftDimension], 'Range.deleteCells');
    deleteCells(this.model, this.live(), this._rect, d);
  }
  insertCells(shiftDimension: unknown): this {
    const d = String(shiftDimension);
    if (d !== 'ROWS' && d !== 'COLUMNS')
      throw signatureError([shiftDimension], 'Range.insertCells');
    insertCells(this.model, this.live(), this._rect, d);
    return this;
  }
  copyValuesToRange(
    sheet: unknown,
    column: number,
    columnEnd: number,
    row: number,
    rowEnd: number,
  ): void {
    const to = this.destination(sheet, column, columnEnd, row, rowEnd, 'Range.copyValuesToRange');
    copyValues(this.model, this.live(), this._rect, to.sheet, to.rect);
  }
  copyFormatToRange(
    sheet: unknown,
    column: number,
    columnEnd: number,
    row: number,
    rowEnd: number,
  ): void {
    const to = this.destination(sheet, column, columnEnd, row, rowEnd, 'Range.copyFormatToRange');
    copyFormats(this.live(), this._rect, to.sheet, to.rect);
  }
  private destination(
    sheet: unknown,
    column: number,
    columnEnd: number,
    row: number,
    rowEnd: number,
    method: string,
  ): {sheet: SheetModel; rect: GridRect} {
    const s = unwrap(sheet) as {_sheet?: SheetModel};
    const model =
      typeof sheet === 'number'
        ? this.model.sheets.find(x => x.sheetId === sheet)
        : (s?._sheet ?? undefined);
    if (!model || [column, columnEnd, row, rowEnd].some(n => typeof n !== 'number'))
      throw signatureError([sheet, column, columnEnd, row, rowEnd], method);
    return {
      sheet: model,
      rect: {row, col: column, numRows: rowEnd - row + 1, numCols: columnEnd - column + 1},
    };
  }
  /** Removes leading and trailing spaces from text cells (range#trimwhitespace). */
  trimWhitespace(): this {
    const s = this.live();
    const values = readValues(this.model, s, this._rect);
    const formulas = readFormulas(this.model, s, this._rect);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v !== 'string' || formulas[i][j]) return;
        const t = v.replace(/^\s+|\s+$/g, '').replace(/ {2,}/g, ' ');
        if (t !== v) this.cell(i, j).setValue(t === '' ? '' : `'${t}`);
      }),
    );
    return this;
  }
  createTextFinder(findText: string): TextFinder {
    return new TextFinder(this._book, () => [{sheet: this.live(), rect: this._rect}], findText);
  }
  toString(): string {
    return 'Range';
  }
  /** A1 with the column letters, for messages. */
  _label(): string {
    return `${this._sheet.name}!${columnToLetters(this._rect.col)}${this._rect.row}`;
  }
}
