/**
 * Sheet, as in developers.google.com/apps-script/reference/spreadsheet/sheet.
 */
import {GridRect} from './a1';
import type {Book} from './book';
import {clearContents, readValues, writeValues} from './cells';
import {EmbeddedChart, EmbeddedChartBuilder, newChartSpec} from './charts';
import {ConditionalFormatRule} from './conditional';
import {normaliseColor} from './colors';
import {ERR, gErr, signatureError} from './errors';
import {API_CLASS, unwrap} from './expose';
import {
  clearCellFormat,
  DEFAULT_COLUMN_WIDTH,
  findSheet,
  lastContentCol,
  lastContentRow,
  SheetModel,
} from './model';
import {Protection} from './protection';
import {Range} from './range';
import {RangeList} from './range-list';
import {TextFinder} from './text-finder';
import type {Spreadsheet} from './spreadsheet';

import {sortRows} from './sort';
import {deleteCols, deleteRows, insertCols, insertRows, renameSheetReferences} from './structure';

/** Sheets' default row height in pixels. */
const DEFAULT_ROW_HEIGHT = 21;

export class Sheet {
  readonly [API_CLASS] = 'Sheet';
  constructor(
    readonly _book: Book,
    readonly _sheet: SheetModel,
  ) {}
  private get model() {
    return this._book.model;
  }
  private live(): SheetModel {
    return this._book.live(this._sheet);
  }

  getName(): string {
    return this.live().name;
  }
  setName(name: string): this {
    const s = this.live();
    const n = String(name);
    const clash = findSheet(this.model, n);
    if (clash && clash !== s) throw gErr(ERR.sheetExists(n));
    if (!n.trim()) throw gErr(ERR.invalidArgument('name'));
    this.model.hf.renameSheet(s.hfId, n);
    renameSheetReferences(this.model, s.name, n);
    s.name = n;
    return this;
  }
  getSheetId(): number {
    return this.live().sheetId;
  }
  getIndex(): number {
    return this.model.sheets.indexOf(this.live()) + 1;
  }
  getParent(): unknown {
    return this._book.spreadsheetObject();
  }
  getType(): string {
    return 'GRID';
  }

  // --- ranges ---
  getRange(a: unknown, column?: number, numRows?: number, numColumns?: number): Range {
    const s = this.live();
    if (typeof a === 'string') {
      // This sheet unless the text names another ('Tab!A1'); open ends ('G:G', 'G2:G') are kept for named ranges.
      return this._book.rangeFromA1(a, s) as Range;
    }
    if (typeof a !== 'number' || column === undefined)
      throw signatureError(
        [a, column, numRows, numColumns].filter(x => x !== undefined),
        'Sheet.getRange',
      );
    const rect: GridRect = {row: a, col: column, numRows: numRows ?? 1, numCols: numColumns ?? 1};
    return this._book.rangeAt(s, rect);
  }
  /**
   * Values of a block in one call; -1 rows or columns means up to the last row or column with
   * data (developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns).
   */
  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    const s = this.live();
    const rows = numRows === -1 ? lastContentRow(this.model, s) - startRow + 1 : numRows;
    const cols = numColumns === -1 ? lastContentCol(this.model, s) - startColumn + 1 : numColumns;
    if (rows < 1 || cols < 1) return [];
    return readValues(
      this.model,
      s,
      this._book.rangeAt(s, {row: startRow, col: startColumn, numRows: rows, numCols: cols})._rect,
    );
  }
  getDataRange(): Range {
    const s = this.live();
    return new Range(this._book, s, {
      row: 1,
      col: 1,
      numRows: Math.max(1, lastContentRow(this.model, s)),
      numCols: Math.max(1, lastContentCol(this.model, s)),
    });
  }
  getLastRow(): number {
    return lastContentRow(this.model, this.live());
  }
  getLastColumn(): number {
    return lastContentCol(this.model, this.live());
  }
  getMaxRows(): number {
    return this.live().maxRows;
  }
  getMaxColumns(): number {
    return this.live().maxCols;
  }
  getActiveRange(): Range | null {
    const a = this.model.active;
    if (a.sheet !== this._sheet.hfId || !a.range) return null;
    return new Range(this._book, this._sheet, a.range);
  }
  setActiveRange(range: unknown): Range {
    const r = unwrap(range) as Range;
    this.model.active = {sheet: r._sheet.hfId, range: {...r._rect}};
    return r;
  }
  setActiveSelection(a: unknown): Range {
    const r = typeof a === 'string' ? this.getRange(a) : (unwrap(a) as Range);
    return this.setActiveRange(r);
  }
  setCurrentCell(cell: unknown): Range {
    return this.setActiveRange(cell);
  }

  // --- rows and columns ---
  private checkRowIndex(n: number, _method: string): void {
    if (typeof n !== 'number' || n < 1 || n > this._sheet.maxRows)
      throw gErr(n < 1 ? ERR.rowTooSmall() : 'Those rows are out of bounds.');
  }
  private checkColIndex(n: number, _method: string): void {
    if (typeof n !== 'number' || n < 1 || n > this._sheet.maxCols)
      throw gErr(n < 1 ? ERR.colTooSmall() : 'Those columns are out of bounds.');
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.checkRowIndex(afterPosition, 'insertRowsAfter');
    insertRows(this.model, this.live(), afterPosition + 1, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.checkRowIndex(beforePosition, 'insertRowsBefore');
    insertRows(this.model, this.live(), beforePosition, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): this {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.checkColIndex(afterPosition, 'insertColumnsAfter');
    insertCols(this.model, this.live(), afterPosition + 1, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.checkColIndex(beforePosition, 'insertColumnsBefore');
    insertCols(this.model, this.live(), beforePosition, howMany);
    return this;
  }
  insertColumnAfter(afterPosition: number): this {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): this {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const s = this.live();
    this.checkRowIndex(rowPosition, 'deleteRows');
    if (rowPosition + howMany - 1 > s.maxRows) throw gErr('Those rows are out of bounds.');
    if (howMany >= s.maxRows) throw gErr(ERR.deleteAllRows());
    deleteRows(this.model, s, rowPosition, howMany);
  }
  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    const s = this.live();
    this.checkColIndex(columnPosition, 'deleteColumns');
    if (columnPosition + howMany - 1 > s.maxCols) throw gErr('Those columns are out of bounds.');
    if (howMany >= s.maxCols) throw gErr(ERR.deleteAllCols());
    deleteCols(this.model, s, columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  /** Adds a row after the last row with content; the sheet grows when it is full. */
  appendRow(rowContents: unknown[]): this {
    const s = this.live();
    if (!Array.isArray(rowContents)) throw signatureError([rowContents], 'Sheet.appendRow');
    const row = lastContentRow(this.model, s) + 1;
    if (row > s.maxRows) insertRows(this.model, s, s.maxRows + 1, 1);
    if (rowContents.length > s.maxCols)
      insertCols(this.model, s, s.maxCols + 1, rowContents.length - s.maxCols);
    if (rowContents.length)
      writeValues(this.model, s, {row, col: 1, numRows: 1, numCols: rowContents.length}, [
        rowContents,
      ]);
    return this;
  }
  clear(options?: {contentsOnly?: boolean; formatOnly?: boolean}): this {
    const s = this.live();
    if (!options?.formatOnly)
      clearContents(this.model, s, {row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols});
    if (!options?.contentsOnly) this.clearFormats();
    return this;
  }
  clearContents(): this {
    const s = this.live();
    clearContents(this.model, s, {row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols});
    return this;
  }
  clearFormats(): this {
    for (const row of this.live().meta) {
      if (!row) continue;
      for (const m of row) {
        if (m) clearCellFormat(m);
      }
    }
    return this;
  }
  clearNotes(): this {
    for (const row of this.live().meta) for (const m of row ?? []) if (m) delete m.note;
    return this;
  }
  sort(columnPosition: number, ascending = true): this {
    const s = this.live();
    const last = lastContentRow(this.model, s);
    const from = s.frozenRows + 1;
    if (last >= from)
      sortRows(
        this.model,
        s,
        {row: from, col: 1, numRows: last - from + 1, numCols: s.maxCols},
        {column: columnPosition, ascending},
      );
    return this;
  }

  // --- view ---
  setFrozenRows(rows: number): this {
    const s = this.live();
    if (rows < 0 || rows >= s.maxRows) throw gErr(ERR.frozenTooMany());
    s.frozenRows = rows;
    return this;
  }
  getFrozenRows(): number {
    return this.live().frozenRows;
  }
  setFrozenColumns(cols: number): this {
    const s = this.live();
    if (cols < 0 || cols >= s.maxCols)
      throw gErr("You can't freeze all visible columns on the sheet.");
    s.frozenCols = cols;
    return this;
  }
  getFrozenColumns(): number {
    return this.live().frozenCols;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this.checkColIndex(columnPosition, 'setColumnWidth');
    this.live().columnWidths[columnPosition - 1] = width;
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.setColumnWidth(c, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    this.checkColIndex(columnPosition, 'getColumnWidth');
    return this.live().columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumn(columnPosition: number): this {
    return this.autoResizeColumns(columnPosition, 1);
  }
  /** Approximates Sheets' fit-to-data: 7 px per character of the longest display text, plus padding. */
  autoResizeColumns(startColumn: number, numColumns: number): this {
    const s = this.live();
    const last = Math.max(1, lastContentRow(this.model, s));
    const texts = new Range(this._book, s, {
      row: 1,
      col: startColumn,
      numRows: last,
      numCols: numColumns,
    }).getDisplayValues();
    for (let j = 0; j < numColumns; j++) {
      const longest = Math.max(0, ...texts.map(r => r[j].length));
      s.columnWidths[startColumn - 1 + j] = Math.max(30, longest * 7 + 10);
    }
    return this;
  }
  getRowHeight(rowPosition: number): number {
    return this.live().rowHeights?.[rowPosition - 1] ?? DEFAULT_ROW_HEIGHT;
  }
  setRowHeight(rowPosition: number, height: number): this {
    return this.setRowHeights(rowPosition, 1, height);
  }
  setRowHeights(startRow: number, numRows: number, height: number): this {
    const s = this.live();
    const h = (s.rowHeights ??= []);
    for (let r = startRow; r < startRow + numRows; r++) h[r - 1] = Number(height);
    return this;
  }
  setRowHeightsForced(startRow: number, numRows: number, height: number): this {
    return this.setRowHeights(startRow, numRows, height);
  }
  autoResizeRows(_startRow: number, _numRows: number): this {
    return this;
  }
  hideSheet(): this {
    const s = this.live();
    if (this.model.sheets.filter(x => !x.hidden && x !== s).length === 0)
      throw gErr("You can't hide all the sheets in a document.");
    s.hidden = true;
    return this;
  }
  showSheet(): this {
    this.live().hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.live().hidden;
  }
  private mark(list: 'hiddenRows' | 'hiddenCols', from: number, n: number, hide: boolean): void {
    const s = this.live();
    const set = new Set(s[list] ?? []);
    for (let i = from; i < from + n; i++) {
      if (hide) set.add(i);
      else set.delete(i);
    }
    s[list] = [...set].sort((a, b) => a - b);
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    this.mark('hiddenCols', columnIndex, numColumns, true);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    this.mark('hiddenCols', columnIndex, numColumns, false);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    this.mark('hiddenRows', rowIndex, numRows, true);
  }
  showRows(rowIndex: number, numRows = 1): void {
    this.mark('hiddenRows', rowIndex, numRows, false);
  }
  hideColumn(column: unknown): void {
    const r = unwrap(column) as Range;
    this.hideColumns(r._rect.col, r._rect.numCols);
  }
  unhideColumn(column: unknown): void {
    const r = unwrap(column) as Range;
    this.showColumns(r._rect.col, r._rect.numCols);
  }
  hideRow(row: unknown): void {
    const r = unwrap(row) as Range;
    this.hideRows(r._rect.row, r._rect.numRows);
  }
  unhideRow(row: unknown): void {
    const r = unwrap(row) as Range;
    this.showRows(r._rect.row, r._rect.numRows);
  }
  isRowHiddenByUser(rowPosition: number): boolean {
    return (this.live().hiddenRows ?? []).includes(rowPosition);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return (this.live().hiddenCols ?? []).includes(columnPosition);
  }
  /** No filters are emulated, so no row is hidden by one. */
  isRowHiddenByFilter(_rowPosition: number): boolean {
    return false;
  }
  hasHiddenGridlines(): boolean {
    return !!this.live().hiddenGridlines;
  }
  setHiddenGridlines(hide: boolean): this {
    this.live().hiddenGridlines = !!hide;
    return this;
  }
  isRightToLeft(): boolean {
    return !!this.live().rightToLeft;
  }
  setRightToLeft(rightToLeft: boolean): this {
    this.live().rightToLeft = !!rightToLeft;
    return this;
  }
  getSheetName(): string {
    return this.getName();
  }
  /** insertColumns(columnIndex[, numColumns]): new columns before columnIndex (sheet#insertcolumnscolumnindex). */
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  getActiveCell(): Range {
    const a = this.model.active;
    const r = a.sheet === this._sheet.hfId && a.range ? a.range : {row: 1, col: 1};
    return new Range(this._book, this._sheet, {row: r.row, col: r.col, numRows: 1, numCols: 1});
  }
  getCurrentCell(): Range {
    return this.getActiveCell();
  }
  getSelection(): unknown {
    return this._book.spreadsheetObject().getSelection();
  }
  getActiveRangeList(): RangeList | null {
    const r = this.getActiveRange();
    return r ? new RangeList([r]) : null;
  }
  setActiveRangeList(rangeList: unknown): RangeList {
    const list = unwrap(rangeList) as RangeList;
    const last = list._ranges[list._ranges.length - 1];
    if (last) this.setActiveRange(last);
    return list;
  }
  /** Ranges by A1 notation on this sheet (sheet#getrangelista1notations). */
  getRangeList(a1Notations: unknown): RangeList {
    if (!Array.isArray(a1Notations)) throw signatureError([a1Notations], 'Sheet.getRangeList');
    return new RangeList(a1Notations.map(a => this.getRange(String(a))));
  }
  createTextFinder(findText: string): TextFinder {
    const s = this.live();
    return new TextFinder(
      this._book,
      () => [{sheet: s, rect: {row: 1, col: 1, numRows: s.maxRows, numCols: s.maxCols}}],
      findText,
    );
  }
  /** The named ranges whose range is on this sheet. */
  getNamedRanges(): unknown[] {
    const ss = this._book.spreadsheetObject();
    return ss.getNamedRanges().filter(n => (n.getRange() as Range | null)?._sheet === this._sheet);
  }
  /** A copy of the sheet, named "Copy of X", at the end of the destination (sheet#copytospreadsheet). */
  copyTo(spreadsheet: unknown): Sheet {
    const src = this.live();
    const dest = unwrap(spreadsheet) as Spreadsheet;
    if (!dest || typeof dest.insertSheet !== 'function')
      throw signatureError([spreadsheet], 'Sheet.copyTo');
    const book = dest._book;
    let name = `Copy of ${src.name}`;
    for (let n = 2; findSheet(book.model, name); n++) name = `Copy of ${src.name} ${n}`;
    const made = unwrap(dest.insertSheet(name, book.model.sheets.length)) as Sheet;
    const to = made._sheet;
    to.maxRows = src.maxRows;
    to.maxCols = src.maxCols;
    to.columnWidths = [...src.columnWidths];
    to.frozenRows = src.frozenRows;
    to.frozenCols = src.frozenCols;
    to.meta = structuredClone(src.meta);
    to.merges = structuredClone(src.merges);
    to.conditionalFormats = structuredClone(src.conditionalFormats);
    const rows = lastContentRow(this.model, src);
    const cols = lastContentCol(this.model, src);
    if (rows && cols) {
      const from = new Range(this._book, src, {row: 1, col: 1, numRows: rows, numCols: cols});
      from.copyTo(new Range(book, to, {row: 1, col: 1, numRows: 1, numCols: 1}), {
        contentsOnly: true,
      });
    }
    return made;
  }
  getDrawings(): never[] {
    return [];
  }
  getImages(): never[] {
    return [];
  }
  getBandings(): never[] {
    return [];
  }
  getPivotTables(): never[] {
    return [];
  }
  getSlicers(): never[] {
    return [];
  }
  getDataSourceTables(): never[] {
    return [];
  }
  getFormUrl(): null {
    return null;
  }
  setTabColor(color: string | null): this {
    this.live().tabColor = normaliseColor(color) ?? null;
    return this;
  }
  getTabColor(): string | null {
    return this.live().tabColor;
  }
  activate(): this {
    this.model.active = {sheet: this._sheet.hfId, range: {row: 1, col: 1, numRows: 1, numCols: 1}};
    return this;
  }

  // --- protections, rules, charts ---
  protect(): Protection {
    const s = this.live();
    const existing = s.protections.find(p => p.type === 'SHEET');
    if (existing) return new Protection(this._book, s, existing);
    return this._book.addProtection(s, 'SHEET');
  }
  getProtections(type: string): Protection[] {
    const s = this.live();
    return s.protections
      .filter(p => p.type === String(type))
      .map(p => new Protection(this._book, s, p));
  }
  setConditionalFormatRules(rules: unknown[]): void {
    const s = this.live();
    s.conditionalFormats = rules.map(r =>
      structuredClone((unwrap(r) as ConditionalFormatRule)._spec),
    );
  }
  getConditionalFormatRules(): ConditionalFormatRule[] {
    const s = this.live();
    return s.conditionalFormats.map(
      spec =>
        new ConditionalFormatRule(
          structuredClone(spec),
          this._book.resolver,
          this._book.ruleRanges(s),
        ),
    );
  }
  clearConditionalFormatRules(): void {
    this.live().conditionalFormats = [];
  }
  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this._book, this.live(), newChartSpec(this._book));
  }
  insertChart(chart: unknown): void {
    const spec = (unwrap(chart) as EmbeddedChart)._spec;
    const s = this.live();
    s.charts = s.charts.filter(c => c.chartId !== spec.chartId);
    s.charts.push(structuredClone(spec));
  }
  updateChart(chart: unknown): void {
    const spec = (unwrap(chart) as EmbeddedChart)._spec;
    const s = this.live();
    const i = s.charts.findIndex(c => c.chartId === spec.chartId);
    if (i < 0)
      throw gErr('The chart does not exist on this sheet. Insert it with insertChart first.');
    s.charts[i] = structuredClone(spec);
  }
  removeChart(chart: unknown): void {
    const spec = (unwrap(chart) as EmbeddedChart)._spec;
    const s = this.live();
    s.charts = s.charts.filter(c => c.chartId !== spec.chartId);
  }
  getCharts(): EmbeddedChart[] {
    const s = this.live();
    return s.charts.map(c => new EmbeddedChart(this._book, s, c));
  }
  toString(): string {
    return 'Sheet';
  }
}
