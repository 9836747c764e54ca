/**
 * The emulated workbook: plain data for everything Sheets keeps beside cell contents
 * (formats, notes, validation, rules, protections, charts) plus one HyperFormula instance
 * that holds the contents and computes formulas incrementally. Every other part of the
 * emulator (API objects, persistence, the clerk CLI) works on this model.
 */
import {randomBytes} from 'node:crypto';
import {AlwaysDense, HyperFormula, RawCellContent, DetailedCellError} from 'hyperformula';
import type {GridRect} from './a1';
import {EngineContext, registerClockFunctions} from './clock-functions';
import {knowBounds, rowsInUse, untilEngineChanges, watchEngine} from './engine-watch';
import {aliasNamedExpressions} from './name-alias';
import type {RichRun} from './rich-text';

registerClockFunctions();

export interface FontSpec {
  weight?: 'bold' | 'normal';
  color?: string;
  style?: 'italic' | 'normal';
  line?: 'underline' | 'line-through' | 'none';
  /** Font family and size: kept while the workbook is open (the xlsx does not keep them yet). */
  family?: string;
  size?: number;
}

/** Everything Sheets stores per cell beside its content. */
export interface CellMeta {
  numberFormat?: string;
  note?: string;
  background?: string;
  font?: FontSpec;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  validation?: ValidationSpec;
  /** Text direction, rotation (degrees, or 'vertical') and hyperlink display; kept while the workbook is open. */
  textDirection?: string;
  rotation?: number | 'vertical';
  showHyperlink?: boolean;
  /** Links and styles on parts of the text (Range.setRichTextValue); kept while the workbook is open. */
  richText?: {text: string; runs: RichRun[]};
}

/** A data validation rule as plain data (dates as ms instants, ranges as 'Tab'!A1:B2). */
export interface ValidationSpec {
  criteria: string;
  values: JsonValue[];
  allowInvalid: boolean;
  helpText?: string;
  /** Top-left cell of the range the rule was set on: relative references in a custom formula count from here. */
  anchor?: {row: number; col: number};
}

export type JsonValue =
  string | number | boolean | null | {date: number} | {range: string} | JsonValue[];

export interface CondFormatSpec {
  ranges: GridRect[];
  condition: {type: string; values: JsonValue[]} | null;
  format: {
    background?: string;
    fontColor?: string;
    bold?: boolean;
    italic?: boolean;
    underline?: boolean;
    strikethrough?: boolean;
  };
}

export interface ProtectionSpec {
  id: number;
  type: 'SHEET' | 'RANGE';
  rect?: GridRect;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit?: boolean;
  unprotected?: GridRect[];
  rangeName?: string;
}

export interface ChartSpec {
  chartId: number;
  type: string;
  ranges: string[];
  position: {row: number; col: number; offsetX: number; offsetY: number};
  options: Record<string, JsonValue>;
  mergeStrategy?: string;
  hiddenDimensionStrategy?: string;
  numHeaders?: number;
  transposeRowsAndColumns?: boolean;
}

export interface SheetModel {
  /** HyperFormula's id: stable across renames and reordering. */
  hfId: number;
  name: string;
  /** Sheet.getSheetId() (the gid in the URL). */
  sheetId: number;
  maxRows: number;
  maxCols: number;
  hidden: boolean;
  tabColor: string | null;
  frozenRows: number;
  frozenCols: number;
  /** Pixel widths by 0-based column; undefined = default 100. */
  columnWidths: (number | undefined)[];
  /** Cell metadata by 0-based row then column (sparse). */
  meta: ((CellMeta | undefined)[] | undefined)[];
  /**
   * Formula text as the script wrote it (or the xlsx held it), by 0-based row then column
   * (sparse): what getFormula returns and the xlsx keeps. HyperFormula holds the parsed form
   * and would give back its own rewriting (OFFSET(I3,-1,0) as I2, open ranges closed).
   */
  formulaText: ((string | undefined)[] | undefined)[];
  conditionalFormats: CondFormatSpec[];
  protections: ProtectionSpec[];
  charts: ChartSpec[];
  merges: GridRect[];
  /**
   * Kept while the workbook is open (the xlsx does not keep them yet): row heights by 0-based row
   * (undefined = 21), rows and columns a person hid (1-based), hidden gridlines, right-to-left.
   */
  rowHeights?: (number | undefined)[];
  hiddenRows?: number[];
  hiddenCols?: number[];
  hiddenGridlines?: boolean;
  rightToLeft?: boolean;
}

export interface WorkbookModel {
  name: string;
  id: string;
  timeZone: string;
  locale: string;
  hf: HyperFormula;
  /** In tab order. */
  sheets: SheetModel[];
  /** Names the spreadsheet defines (HyperFormula also holds TRUE and FALSE, which are not named ranges). */
  namedRanges: string[];
  /**
   * Named ranges with an open end that HyperFormula cannot hold as such ('Actions'!$G$2:$G):
   * the definition as Sheets keeps it. The engine has it closed at the sheet's last row.
   * Whole columns and rows ($G:$G, $2:$5) need no entry: HyperFormula holds them.
   */
  openNames: Record<string, string>;
  active: {sheet?: number; range?: GridRect};
  /** Date constructor of the realm the script runs in, so `instanceof Date` works there. */
  DateCtor: DateConstructor;
  nextSheetId: number;
  nextObjectId: number;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

/**
 * HyperFormula set up for Google Sheets compatibility
 * (hyperformula.handsontable.com/docs/guide/compatibility-with-google-sheets.html):
 * serial epoch 1899-12-30, no 1900 leap year, no implicit array arithmetic, TRUE/FALSE as
 * named expressions, en-US style separators. Date strings inside formulas follow the
 * spreadsheet's en_GB locale.
 */
export const HF_CONFIG = {
  licenseKey: 'gpl-v3',
  nullDate: {year: 1899, month: 12, day: 30},
  leapYear1900: false,
  useArrayArithmetic: false,
  functionArgSeparator: ',',
  decimalSeparator: '.' as const,
  thousandSeparator: '' as const,
  arrayColumnSeparator: ',' as const,
  arrayRowSeparator: ';' as const,
  dateFormats: ['DD/MM/YYYY', 'DD/MM/YY', 'YYYY-MM-DD', 'YYYY/MM/DD'],
  timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
  currencySymbol: ['£', '$'],
  localeLang: 'en-GB',
  // Sheets keeps a double as it is (setValue(1796153344717), =0.1+0.2 gives 0.30000000000000004).
  smartRounding: false,
  evaluateNullToZero: true,
  undoLimit: 0,
  // Dense storage: sheets are filled row by row from the top, and sparse maps make 150,000-cell writes several times slower.
  chooseAddressMappingPolicy: new AlwaysDense(),
  maxRows: 1_000_000,
  maxColumns: 18_278,
};

/** The clock TODAY() and NOW() read: the run's `ctx.clock` (`--today`); the machine's clock when absent. */
export interface ModelClock {
  now(): Date;
}

/**
 * HyperFormula's config for one workbook: its clock and (read when computed) its time zone
 * go to the TODAY/NOW plugin through `context`.
 */
export function engineConfig(
  clock: ModelClock | undefined,
  timeZone: () => string,
): typeof HF_CONFIG & {context: EngineContext} {
  return {...HF_CONFIG, context: {now: () => (clock ? clock.now() : new Date()), timeZone}};
}

export function addBooleanNames(hf: HyperFormula): void {
  // A lookup: isItPossibleToAddNamedExpression parses the formula, as adding it does again.
  if (hf.getNamedExpression('TRUE')) return;
  hf.addNamedExpression('TRUE', '=TRUE()');
  hf.addNamedExpression('FALSE', '=FALSE()');
}

function newId(): string {
  return randomBytes(33).toString('base64url').slice(0, 44);
}

export function newSheetModel(
  model: WorkbookModel,
  name: string,
  hfId: number,
  size?: {rows: number; cols: number},
): SheetModel {
  return {
    hfId,
    name,
    sheetId: model.nextSheetId++,
    maxRows: size?.rows ?? DEFAULT_ROWS,
    maxCols: size?.cols ?? DEFAULT_COLS,
    hidden: false,
    tabColor: null,
    frozenRows: 0,
    frozenCols: 0,
    columnWidths: [],
    meta: [],
    formulaText: [],
    conditionalFormats: [],
    protections: [],
    charts: [],
    merges: [],
  };
}

/** A spreadsheet as Sheets creates one: a single empty "Sheet1". */
export function newWorkbookModel(
  name: string,
  opts: {timeZone?: string; locale?: string; DateCtor?: DateConstructor; clock?: ModelClock} = {},
): WorkbookModel {
  let model: WorkbookModel | undefined;
  const hf = HyperFormula.buildEmpty(
    engineConfig(opts.clock, () => model?.timeZone ?? opts.timeZone ?? 'Europe/London'),
  );
  addBooleanNames(hf);
  model = blankModel(name, hf, opts);
  knowBounds(hf, []); // no formulas yet
  const sheetName = hf.addSheet('Sheet1');
  model.sheets.push(newSheetModel(model, sheetName, hf.getSheetId(sheetName)!));
  return model;
}

export function blankModel(
  name: string,
  hf: HyperFormula,
  opts: {id?: string; timeZone?: string; locale?: string; DateCtor?: DateConstructor} = {},
): WorkbookModel {
  watchEngine(hf);
  aliasNamedExpressions(hf);
  return {
    name,
    id: opts.id ?? newId(),
    timeZone: opts.timeZone ?? 'Europe/London',
    locale: opts.locale ?? 'en_GB',
    hf,
    sheets: [],
    namedRanges: [],
    openNames: {},
    active: {},
    DateCtor: opts.DateCtor ?? Date,
    nextSheetId: 0,
    nextObjectId: 1,
  };
}

export function findSheet(model: WorkbookModel, name: string): SheetModel | undefined {
  const lower = name.toLowerCase();
  return model.sheets.find(s => s.name.toLowerCase() === lower);
}

export function getMeta(sheet: SheetModel, row0: number, col0: number): CellMeta | undefined {
  return sheet.meta[row0]?.[col0];
}

/** The metadata of a cell, created on first write. */
export function metaFor(sheet: SheetModel, row0: number, col0: number): CellMeta {
  let r = sheet.meta[row0];
  if (!r) r = sheet.meta[row0] = [];
  let m = r[col0];
  if (!m) m = r[col0] = {};
  return m;
}

/** Applies `fn` to every cell's metadata in the rectangle (creating it). */
export function eachMeta(
  sheet: SheetModel,
  rect: GridRect,
  fn: (m: CellMeta, i: number, j: number) => void,
): void {
  for (let i = 0; i < rect.numRows; i++) {
    for (let j = 0; j < rect.numCols; j++)
      fn(metaFor(sheet, rect.row - 1 + i, rect.col - 1 + j), i, j);
  }
}

export type HfValue = ReturnType<HyperFormula['getCellValue']>;
export type {RawCellContent, DetailedCellError};

/** The last row (1-based) with content, 0 when the sheet is empty (formats do not count, as in Sheets). */
export function lastContentRow(model: WorkbookModel, sheet: SheetModel): number {
  const hf = model.hf;
  return untilEngineChanges(hf, `lastRow ${sheet.hfId}`, () => {
    const {width, height} = hf.getSheetDimensions(sheet.hfId);
    const last = (rows: number) => lastRowWithin(hf, sheet.hfId, width, rows);
    return last(rowsInUse(hf, sheet.hfId, height, last));
  });
}

/** The last of the first `rows` rows with content (1-based), 0 for none. */
function lastRowWithin(hf: HyperFormula, sheet: number, width: number, rows: number): number {
  for (let r = rows - 1; r >= 0; r--) {
    for (let c = 0; c < width; c++) if (!hf.isCellEmpty({sheet, row: r, col: c})) return r + 1;
  }
  return 0;
}

export function lastContentCol(model: WorkbookModel, sheet: SheetModel): number {
  const hf = model.hf;
  return untilEngineChanges(hf, `lastCol ${sheet.hfId}`, () => {
    const {width, height} = hf.getSheetDimensions(sheet.hfId);
    // Each column is searched from the top: a row bound is used if known, not looked for.
    const rows = rowsInUse(hf, sheet.hfId, height);
    for (let c = width - 1; c >= 0; c--) {
      for (let r = 0; r < rows; r++)
        if (!hf.isCellEmpty({sheet: sheet.hfId, row: r, col: c})) return c + 1;
    }
    return 0;
  });
}

/** Removes a cell's formatting (number format, colours, font, wrap, alignment), keeping its note and validation. */
export function clearCellFormat(m: CellMeta): void {
  delete m.numberFormat;
  delete m.background;
  delete m.font;
  delete m.wrap;
  delete m.hAlign;
  delete m.vAlign;
}
