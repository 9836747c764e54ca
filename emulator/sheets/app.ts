/**
 * The global SpreadsheetApp of a container-bound script
 * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app).
 */
import type {ServiceContext} from '../context';
import {Book, type BookRegistry, SheetsHost} from './book';
import {ChartType} from './charts';
import {BooleanCriteria, ConditionalFormatRuleBuilder, RelativeDate} from './conditional';
import {ERR, gErr, signatureError} from './errors';
import {newWorkbookModel} from './model';
import {addMissingEnums} from '../services/not-emulated';
import {recordMadeFile} from '../services/made-files';
import {ColorBuilder, ColorType, TextStyleBuilder} from './text-style';
import {RichTextValueBuilder} from './rich-text';
import {API_CLASS, expose, unwrap} from './expose';
import type {SheetModel, WorkbookModel} from './model';
import type {GridRect} from './a1';
import {ProtectionType} from './protection';
import type {Range} from './range';
import type {Sheet} from './sheet';
import {DataValidationBuilder, DataValidationCriteria} from './validation';

const enums = {
  DataValidationCriteria,
  BooleanCriteria,
  ProtectionType,
  RelativeDate,
  WrapStrategy: {WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP'},
  Dimension: {COLUMNS: 'COLUMNS', ROWS: 'ROWS'},
  SheetType: {GRID: 'GRID', OBJECT: 'OBJECT', DATASOURCE: 'DATASOURCE'},
  BorderStyle: {
    DOTTED: 'DOTTED',
    DASHED: 'DASHED',
    SOLID: 'SOLID',
    SOLID_MEDIUM: 'SOLID_MEDIUM',
    SOLID_THICK: 'SOLID_THICK',
    DOUBLE: 'DOUBLE',
  },
  CopyPasteType: Object.fromEntries(
    [
      'PASTE_NORMAL',
      'PASTE_NO_BORDERS',
      'PASTE_FORMAT',
      'PASTE_FORMULA',
      'PASTE_DATA_VALIDATION',
      'PASTE_VALUES',
      'PASTE_CONDITIONAL_FORMATTING',
      'PASTE_COLUMN_WIDTHS',
    ].map(k => [k, k]),
  ),
  ChartType,
  Direction: {UP: 'UP', DOWN: 'DOWN', PREVIOUS: 'PREVIOUS', NEXT: 'NEXT'},
  AutoFillSeries: {DEFAULT_SERIES: 'DEFAULT_SERIES', ALTERNATE_SERIES: 'ALTERNATE_SERIES'},
  ThemeColorType: {
    UNSUPPORTED: 'UNSUPPORTED',
    TEXT: 'TEXT',
    BACKGROUND: 'BACKGROUND',
    ACCENT1: 'ACCENT1',
    ACCENT2: 'ACCENT2',
    ACCENT3: 'ACCENT3',
    ACCENT4: 'ACCENT4',
    ACCENT5: 'ACCENT5',
    ACCENT6: 'ACCENT6',
    HYPERLINK: 'HYPERLINK',
  },
  TextDirection: {LEFT_TO_RIGHT: 'LEFT_TO_RIGHT', RIGHT_TO_LEFT: 'RIGHT_TO_LEFT'},
  RecalculationInterval: {ON_CHANGE: 'ON_CHANGE', MINUTE: 'MINUTE', HOUR: 'HOUR'},
  GroupControlTogglePosition: {BEFORE: 'BEFORE', AFTER: 'AFTER'},
  PivotTableSummarizeFunction: Object.fromEntries(
    [
      'CUSTOM',
      'SUM',
      'COUNTA',
      'COUNT',
      'COUNTUNIQUE',
      'AVERAGE',
      'MAX',
      'MIN',
      'MEDIAN',
      'PRODUCT',
      'STDEV',
      'STDEVP',
      'VAR',
      'VARP',
    ].map(k => [k, k]),
  ),
  DeveloperMetadataVisibility: {DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT'},
  DeveloperMetadataLocationType: {
    SPREADSHEET: 'SPREADSHEET',
    SHEET: 'SHEET',
    ROW: 'ROW',
    COLUMN: 'COLUMN',
  },
  InterpolationType: {
    NUMBER: 'NUMBER',
    PERCENT: 'PERCENT',
    PERCENTILE: 'PERCENTILE',
    MIN: 'MIN',
    MAX: 'MAX',
  },
  // Newer than @types/google-apps-script (reference/spreadsheet/frequency-type, /data-source-refresh-scope, /date-time-grouping-rule-type).
  FrequencyType: Object.fromEntries(
    ['FREQUENCY_TYPE_UNSUPPORTED', 'DAILY', 'WEEKLY', 'MONTHLY'].map(k => [k, k]),
  ),
  DataSourceRefreshScope: Object.fromEntries(
    ['DATA_SOURCE_REFRESH_SCOPE_UNSUPPORTED', 'ALL_DATA_SOURCES'].map(k => [k, k]),
  ),
  DateTimeGroupingRuleType: Object.fromEntries(
    [
      'UNSUPPORTED',
      'SECOND',
      'MINUTE',
      'HOUR',
      'HOUR_MINUTE',
      'HOUR_MINUTE_AMPM',
      'DAY_OF_WEEK',
      'DAY_OF_YEAR',
      'DAY_OF_MONTH',
      'DAY_MONTH',
      'MONTH',
      'QUARTER',
      'YEAR',
      'YEAR_MONTH',
      'YEAR_QUARTER',
      'YEAR_MONTH_DAY',
    ].map(k => [k, k]),
  ),
  BandingTheme: Object.fromEntries(
    [
      'LIGHT_GREY',
      'CYAN',
      'GREEN',
      'YELLOW',
      'ORANGE',
      'BLUE',
      'TEAL',
      'GREY',
      'BROWN',
      'LIGHT_GREEN',
      'INDIGO',
      'PINK',
    ].map(k => [k, k]),
  ),
};

export class SpreadsheetAppImpl implements BookRegistry {
  readonly [API_CLASS] = 'SpreadsheetApp';
  readonly Direction = enums.Direction;
  readonly AutoFillSeries = enums.AutoFillSeries;
  readonly ColorType = ColorType;
  readonly ThemeColorType = enums.ThemeColorType;
  readonly TextDirection = enums.TextDirection;
  readonly RecalculationInterval = enums.RecalculationInterval;
  readonly GroupControlTogglePosition = enums.GroupControlTogglePosition;
  readonly PivotTableSummarizeFunction = enums.PivotTableSummarizeFunction;
  readonly DeveloperMetadataVisibility = enums.DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = enums.DeveloperMetadataLocationType;
  readonly InterpolationType = enums.InterpolationType;
  readonly BandingTheme = enums.BandingTheme;
  readonly FrequencyType = enums.FrequencyType;
  readonly DataSourceRefreshScope = enums.DataSourceRefreshScope;
  readonly DateTimeGroupingRuleType = enums.DateTimeGroupingRuleType;
  readonly DataValidationCriteria = enums.DataValidationCriteria;
  readonly BooleanCriteria = enums.BooleanCriteria;
  readonly ProtectionType = enums.ProtectionType;
  readonly RelativeDate = enums.RelativeDate;
  readonly WrapStrategy = enums.WrapStrategy;
  readonly Dimension = enums.Dimension;
  readonly SheetType = enums.SheetType;
  readonly BorderStyle = enums.BorderStyle;
  readonly CopyPasteType = enums.CopyPasteType;

  /** Every spreadsheet of the run by id: the bound one and those the script created. */
  private readonly books = new Map<string, Book>();
  private active: Book;

  constructor(book: Book) {
    this.active = book;
    this.adopt(book);
    // The enums the emulator has no behaviour for still exist (SortOrder, ValueType, FrequencyType...).
    addMissingEnums(this, 'Spreadsheet');
  }
  get _book(): Book {
    return this.active;
  }
  private adopt(book: Book): Book {
    book.app = this;
    this.books.set(book.model.id, book);
    return book;
  }
  /** A new spreadsheet with one sheet, kept for the run (not saved: see emulator/CONFORMANCE.md). */
  createBook(name: string, rows?: number, columns?: number): Book {
    const base = this.active;
    const model = newWorkbookModel(name, {
      timeZone: base.model.timeZone,
      locale: base.model.locale,
      DateCtor: base.model.DateCtor,
      clock: base.ctx.clock,
    });
    const sheet = model.sheets[0];
    if (rows !== undefined) sheet.maxRows = rows;
    if (columns !== undefined) sheet.maxCols = columns;
    // A new spreadsheet is a file in the Drive's root, as in Apps Script (kept for the run: see CONFORMANCE.md).
    recordMadeFile(base.ctx, {
      id: model.id,
      name,
      mimeType: 'application/vnd.google-apps.spreadsheet',
    });
    return this.adopt(new Book(base.ctx, model, base.host));
  }
  /** create(name[, rows, columns]) (spreadsheet-app#createname,-rows,-columns). */
  create(name: string, rows?: number, columns?: number) {
    if (typeof name !== 'string') throw signatureError([name], 'SpreadsheetApp.create');
    if (rows !== undefined && (!Number.isInteger(rows) || rows < 1))
      throw gErr(ERR.invalidArgument('rows'));
    if (columns !== undefined && (!Number.isInteger(columns) || columns < 1))
      throw gErr(ERR.invalidArgument('columns'));
    return this.createBook(name, rows, columns).spreadsheetObject();
  }
  /** open(file): a Drive File of this run's spreadsheets. */
  open(file: unknown) {
    const id = (file as {getId?(): string})?.getId?.();
    if (typeof id !== 'string') throw signatureError([file], 'SpreadsheetApp.open');
    return this.openById(id);
  }
  setActiveSpreadsheet(newActiveSpreadsheet: unknown): void {
    const ss = unwrap(newActiveSpreadsheet) as {_book?: Book};
    if (!ss?._book || !this.books.has(ss._book.model.id))
      throw signatureError([newActiveSpreadsheet], 'SpreadsheetApp.setActiveSpreadsheet');
    this.active = ss._book;
  }
  getActiveRangeList() {
    return this.active.spreadsheetObject().getActiveRangeList();
  }
  setActiveRangeList(rangeList: unknown) {
    return this.active.spreadsheetObject().setActiveRangeList(rangeList);
  }
  setCurrentCell(cell: unknown) {
    return this.active.spreadsheetObject().setCurrentCell(cell);
  }
  newColor(): ColorBuilder {
    return new ColorBuilder();
  }
  newTextStyle(): TextStyleBuilder {
    return new TextStyleBuilder();
  }
  newRichTextValue(): RichTextValueBuilder {
    return new RichTextValueBuilder();
  }
  /** No data sources offline: enabling them changes nothing. */
  enableAllDataSourcesExecution(): void {}
  enableBigQueryExecution(): void {}

  getActiveSpreadsheet() {
    return this._book.spreadsheetObject();
  }
  getActive() {
    return this._book.spreadsheetObject();
  }
  getActiveSheet() {
    return this._book.sheetObject(this._book.activeSheet());
  }
  getActiveRange(): Range | null {
    return this._book.spreadsheetObject().getActiveRange();
  }
  getCurrentCell(): Range {
    return this._book.spreadsheetObject().getActiveCell();
  }
  getSelection() {
    return this._book.spreadsheetObject().getSelection();
  }
  setActiveSheet(sheet: unknown): Sheet {
    return this._book.spreadsheetObject().setActiveSheet(sheet);
  }
  setActiveRange(range: unknown): Range {
    return this._book.spreadsheetObject().setActiveRange(range);
  }
  /** The bound spreadsheet and those made in this run; others are not on this machine. */
  openById(id: string) {
    const book = this.books.get(String(id));
    if (book) return book.spreadsheetObject();
    throw gErr(
      'Exception: You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  }
  openByUrl(url: string) {
    for (const [id, book] of this.books)
      if (String(url).includes(id)) return book.spreadsheetObject();
    throw gErr(
      'Exception: You do not have permission to call SpreadsheetApp.openByUrl. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  }
  /** The host's Ui; Google throws this text outside a UI context (time-driven triggers, the API). */
  getUi(): unknown {
    const host = this._book.host;
    if (!host.getUi) throw gErr(ERR.noUi());
    let ui: unknown;
    try {
      ui = host.getUi();
    } catch {
      throw gErr(ERR.noUi());
    }
    if (!ui) throw gErr(ERR.noUi());
    return ui;
  }
  /** Our writes are applied at once, so there is nothing to flush; the call is still counted. */
  flush(): void {}
  newDataValidation(): DataValidationBuilder {
    return new DataValidationBuilder(this._book.resolver);
  }
  newConditionalFormatRule(): ConditionalFormatRuleBuilder {
    const book = this._book;
    // Rules keep plain rectangles; remember which sheet each came from so getRanges() works
    // before the rule is set on a sheet.
    const sheets = new Map<string, SheetModel>();
    const key = (r: GridRect) => `${r.row},${r.col},${r.numRows},${r.numCols}`;
    return new ConditionalFormatRuleBuilder(book.resolver, {
      toRange: rect => book.rangeAt(sheets.get(key(rect)) ?? book.activeSheet(), rect),
      toRect: r => {
        const range = unwrap(r) as Range;
        if (!range || !range._rect)
          throw gErr(
            "The parameters (String) don't match the method signature for ConditionalFormatRuleBuilder.setRanges.",
          );
        sheets.set(key(range._rect), range._sheet);
        return {...range._rect};
      },
    });
  }
}

/**
 * The global SpreadsheetApp for one run. `host.getUi` is absent when there is no UI (time-driven
 * triggers), and then getUi() throws Google's message.
 */
export function createSpreadsheetApp(
  ctx: ServiceContext,
  model: WorkbookModel,
  host: SheetsHost = {},
): SpreadsheetAppImpl {
  return expose(ctx, new SpreadsheetAppImpl(new Book(ctx, model, host)));
}

/** The Charts service's enums that embedded charts use (Charts.ChartType.LINE). */
export function createChartsService(ctx: ServiceContext): {ChartType: typeof ChartType} {
  return expose(ctx, {ChartType, [API_CLASS]: 'Charts'} as {
    ChartType: typeof ChartType;
    [API_CLASS]: string;
  });
}
