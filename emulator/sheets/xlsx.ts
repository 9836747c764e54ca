/**
 * Saving and opening the workbook as .xlsx with exceljs. Cells keep their values, formulas
 * (with cached results, so Excel and LibreOffice show values), number formats, notes,
 * backgrounds, fonts, alignment and data validation; sheets keep frozen panes, widths, tab
 * colours and visibility; named ranges become defined names. What xlsx cannot hold the way
 * the program reads it (validation rules exactly as built, conditional format rules,
 * protections incl. warning-only, chart specifications, sheet ids, the spreadsheet id and
 * time zone) is also kept as JSON in a very hidden sheet, so reopening gives back everything.
 * Writes are atomic: a temporary file renamed over the target.
 */
import fs from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import {
  HyperFormula,
  DetailedCellError,
  RawCellContent,
  type SimpleCellAddress,
} from 'hyperformula';
import {columnToLetters, parseA1, rectToA1, resolveRef} from './a1';
import {SERIAL_EPOCH_UTC} from './dates';
import {sheetsErrorCode} from './cells';
import {closeOpenRanges, isWholeColumns, nameToEngine, sumproductAsArrays} from './formula-shift';
import {addChartImages} from '../charts/xlsx-images';
import {useFflateZip, ZIP_WITH_FFLATE} from './xlsx-zip';
import {
  readSnapshot,
  unpackMeta,
  withLooksOf,
  writeSnapshot,
  type PackedSheet,
} from './xlsx-snapshot';
import {deferMeta, formatIndexAt, keptLooks, keptLooksOf, type KeptLooks} from './kept-looks';
import {ensureEngineSound, knowBounds} from './engine-watch';
import {patchXlsx, type PatchBase} from './xlsx-patch';
import {arrayFormulaInner, fromOoxmlFunctions, toOoxmlFunctions} from './xlsx-functions';
import {
  addBooleanNames,
  blankModel,
  CellMeta,
  CondFormatSpec,
  DEFAULT_COLS,
  DEFAULT_ROWS,
  engineConfig,
  ModelClock,
  newSheetModel,
  SheetModel,
  ValidationSpec,
  WorkbookModel,
} from './model';

/**
 * exceljs's Workbook and value types, loaded at first use: its index also loads the streaming
 * reader and writer and CSV (half its load time), which the emulator never uses. The value
 * types alone (a small module) serve a save that patches the file and needs no Workbook.
 */
let workbookClass: typeof ExcelJS.Workbook | null = null;
let valueTypes: typeof ExcelJS.ValueType | null = null;
function excelWorkbook(): typeof ExcelJS.Workbook {
  // Plain require()s, so that the build can bundle them (scripts/build.mjs).
  return (workbookClass ??= require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook);
}
function excelValueTypes(): typeof ExcelJS.ValueType {
  return (valueTypes ??= (require('exceljs/lib/doc/enums') as {ValueType: typeof ExcelJS.ValueType})
    .ValueType);
}

/** exceljs's date test and conversion, as its reader applies them to a number in a date format. */
interface ExcelUtils {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: number, date1904: boolean): Date;
}
let utilsLoaded: ExcelUtils | null = null;
function excelUtils(): ExcelUtils {
  return (utilsLoaded ??= require('exceljs/lib/utils/utils') as ExcelUtils);
}

const META_SHEET = '__clerk_meta';
const CHUNK = 30_000;

/** What the hidden meta sheet keeps of a sheet: the model's own fields xlsx cannot hold exactly, plus: */
export interface SheetJson extends Pick<
  SheetModel,
  | 'name'
  | 'sheetId'
  | 'maxRows'
  | 'maxCols'
  | 'hidden'
  | 'tabColor'
  | 'frozenRows'
  | 'frozenCols'
  | 'conditionalFormats'
  | 'protections'
  | 'charts'
  | 'merges'
> {
  /** Validation rules and where they apply (runs down each column). */
  rules: ValidationSpec[];
  validations: [string, number][];
  /** Notes on empty cells: exceljs writes them but does not read them back onto a cell with no value. */
  emptyNotes?: [number, number, string][];
}

export interface BookJson {
  format: 'committee-clerk-emulator/1';
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  namedRanges: {name: string; expression: string}[];
  active: WorkbookModel['active'] & {sheetName?: string};
  nextSheetId: number;
  nextObjectId: number;
  sheets: SheetJson[];
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}
function hexOf(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  const a = c?.argb;
  return typeof a === 'string' && a.length >= 6 ? `#${a.slice(-6).toLowerCase()}` : undefined;
}

/** Error codes Excel knows: Sheets' #ERROR! (a formula that does not parse) is closest to #NAME?. */
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);
function excelError(code: string): ExcelJS.CellErrorValue {
  const c = sheetsErrorCode(code);
  return {error: (EXCEL_ERRORS.has(c) ? c : '#NAME?') as ExcelJS.CellErrorValue['error']};
}

function plainResult(v: unknown): ExcelJS.CellValue {
  if (v instanceof DetailedCellError) return excelError(v.value);
  if (v === null || v === undefined) return '';
  return v as ExcelJS.CellValue;
}

/** Excel's data validation for a rule, where xlsx has an equivalent (other programs then enforce it too). */
function excelValidation(spec: ValidationSpec): ExcelJS.DataValidation | undefined {
  const base = {
    allowBlank: true,
    showErrorMessage: !spec.allowInvalid,
    error: spec.helpText,
    errorStyle: spec.allowInvalid ? 'warning' : 'stop',
    prompt: spec.helpText,
    showInputMessage: !!spec.helpText,
  };
  const v = spec.values;
  const serial = (x: unknown) =>
    x && typeof x === 'object' && 'date' in x ? new Date((x as {date: number}).date) : x;
  switch (spec.criteria) {
    case 'VALUE_IN_LIST': {
      const list = (v[0] as string[]).join(',');
      if (list.length > 250) return undefined;
      return {
        ...base,
        type: 'list',
        formulae: [`"${list.replace(/"/g, '""')}"`],
      } as ExcelJS.DataValidation;
    }
    case 'VALUE_IN_RANGE':
      return {
        ...base,
        type: 'list',
        formulae: [(v[0] as {range: string}).range],
      } as ExcelJS.DataValidation;
    case 'NUMBER_BETWEEN':
      return {
        ...base,
        type: 'decimal',
        operator: 'between',
        formulae: [v[0], v[1]],
      } as ExcelJS.DataValidation;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return {
        ...base,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [v[0]],
      } as ExcelJS.DataValidation;
    case 'NUMBER_GREATER_THAN':
      return {
        ...base,
        type: 'decimal',
        operator: 'greaterThan',
        formulae: [v[0]],
      } as ExcelJS.DataValidation;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return {
        ...base,
        type: 'decimal',
        operator: 'lessThanOrEqual',
        formulae: [v[0]],
      } as ExcelJS.DataValidation;
    case 'DATE_AFTER':
      return {
        ...base,
        type: 'date',
        operator: 'greaterThan',
        formulae: [serial(v[0])],
      } as ExcelJS.DataValidation;
    case 'DATE_BEFORE':
      return {
        ...base,
        type: 'date',
        operator: 'lessThan',
        formulae: [serial(v[0])],
      } as ExcelJS.DataValidation;
    case 'DATE_IS_VALID_DATE':
      return {
        ...base,
        type: 'date',
        operator: 'greaterThan',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      } as ExcelJS.DataValidation;
    case 'CUSTOM_FORMULA':
      return {
        ...base,
        type: 'custom',
        formulae: [toOoxmlFunctions(String(v[0]).replace(/^=/, ''))],
      } as ExcelJS.DataValidation;
    default:
      return undefined;
  }
}

function validationRuns(sheet: SheetModel): {
  rules: ValidationSpec[];
  validations: [string, number][];
} {
  const rules: ValidationSpec[] = [];
  const keys = new Map<ValidationSpec, number>();
  const byJson = new Map<string, number>();
  const idx = (spec: ValidationSpec) => {
    let i = keys.get(spec);
    if (i !== undefined) return i;
    const j = JSON.stringify(spec);
    i = byJson.get(j);
    if (i === undefined) {
      i = rules.length;
      rules.push(spec);
      byJson.set(j, i);
    }
    keys.set(spec, i);
    return i;
  };
  const cols = new Map<number, (number | undefined)[]>();
  sheet.meta.forEach((row, r) =>
    row?.forEach((m, c) => {
      if (!m?.validation) return;
      let col = cols.get(c);
      if (!col) cols.set(c, (col = []));
      col[r] = idx(m.validation);
    }),
  );
  const validations: [string, number][] = [];
  for (const [c, col] of cols) {
    let r = 0;
    while (r < col.length) {
      const i = col[r];
      if (i === undefined) {
        r++;
        continue;
      }
      let end = r;
      while (end + 1 < col.length && col[end + 1] === i) end++;
      validations.push([rectToA1({row: r + 1, col: c + 1, numRows: end - r + 1, numCols: 1}), i]);
      r = end + 1;
    }
  }
  return {rules, validations};
}

/** Excel's last row: an open-ended range ('A2:A', which Excel lacks) is saved as running to it. */
const EXCEL_LAST_ROW = 1_048_576;

function excelFormula(text: string): string {
  return toOoxmlFunctions(closeOpenRanges(text, () => EXCEL_LAST_ROW));
}

/** A formula read from xlsx as Sheets would have it: ranges that run to Excel's last row are open-ended again. */
function sheetsFormula(stored: string): string {
  const text = fromOoxmlFunctions(stored);
  if (!text.includes(String(EXCEL_LAST_ROW))) return text;
  return text
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(/(\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3})\$?1048576(?!\d)/g, '$1'),
    )
    .join('');
}

/**
 * Saves the workbook. With `snapshot`, also writes there what reading the file back will give
 * (xlsx-snapshot.ts), so the next open skips the parse; where that is not certain (merged
 * cells, text XML cannot hold as it is) no snapshot is kept and the next open reads the file.
 */
export async function saveXlsx(
  model: WorkbookModel,
  file: string,
  /** `name`: the workbook's, for messages (default the file's: a workspace saves a staged copy). */
  opts: {snapshot?: string; name?: string} = {},
): Promise<SaveResult> {
  const hf = model.hf;
  ensureEngineSound(hf, `Saving ${opts.name ?? path.basename(file)}`);
  const json: BookJson = {
    format: 'committee-clerk-emulator/1',
    id: model.id,
    name: model.name,
    timeZone: model.timeZone,
    locale: model.locale,
    // Open-ended names as Sheets keeps them ('Actions'!$G$2:$G); the engine's text otherwise.
    namedRanges: model.namedRanges.map(n => ({
      name: n,
      expression:
        model.openNames[n] !== undefined
          ? `=${model.openNames[n]}`
          : (hf.getNamedExpressionFormula(n) ?? ''),
    })),
    active: {
      ...model.active,
      sheetName: model.sheets.find(s => s.hfId === model.active.sheet)?.name,
    },
    nextSheetId: model.nextSheetId,
    nextObjectId: model.nextObjectId,
    sheets: [],
  };
  // What reading the saved file back will give, for the next open (null: not certain).
  let parts: XlsxParts | null = opts.snapshot ? {sheets: [], definedNames: []} : null;
  const looks = new Map<Partial<ExcelJS.Style>, CellMeta | undefined>();
  // One style object per distinct look, shared by its cells: exceljs then files each look once
  // (it remembers style objects it has seen) instead of comparing 300,000 cells' styles.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  // Each sheet's contents and values as the engine has them: for exceljs, or for a patch.
  const grids: SheetGrid[] = [];
  const validationsOf: ReturnType<typeof validationRuns>[] = [];
  for (const sheet of model.sheets) {
    const serial = hf.getSheetSerialized(sheet.hfId);
    const grid: SheetGrid = {
      sheet,
      serial,
      valueAt: (row, col) => hf.getCellValue({sheet: sheet.hfId, row, col}),
      arrays: arrayExtents(hf, sheet, serial),
    };
    grids.push(grid);
    const back: SheetParts | null =
      parts && !sheet.merges.length
        ? {
            name: sheet.name,
            rows: [],
            meta: [],
            rowCount: 0,
            columnCount: 0,
            widths: [],
            results: [],
          }
        : null;
    if (!back) parts = null;
    const styleFor = stylesByColumn(styles);
    // A tab whose formats nobody asked for: only its contents to read back.
    const kept = back && keptLooksOf(sheet);
    if (back && kept && kept.rows <= sheet.maxRows && kept.cols <= sheet.maxCols) {
      if (!backFromKeptLooks(grid, kept, back, styleFor, looks)) parts = null;
      else parts?.sheets.push(withLooksOf(back, kept.packed));
      validationsOf.push({rules: kept.rules, validations: kept.validations});
      json.sheets.push({
        ...sheetJson(sheet),
        rules: kept.rules,
        validations: kept.validations,
        emptyNotes: kept.notes.filter(([r, c]) => isEmptyContent(grid.serial[r]?.[c])),
      });
      continue;
    }
    eachCell(grid, (r, c, meta) => {
      const value = cellValue(grid, r, c);
      const style = styleFor(c, meta);
      if (!back) return;
      const got =
        r < sheet.maxRows && c < sheet.maxCols && readBack(value, style, meta?.note, looks);
      if (!got) {
        parts = null;
        return;
      }
      (back.rows[r] ??= [])[c] = got.content;
      if (value && typeof value === 'object' && 'formula' in value)
        back.results!.push([r, c, value.result]);
      if (got.meta) (back.meta[r] ??= [])[c] = got.meta;
      back.rowCount = r + 1;
      back.columnCount = Math.max(back.columnCount, c + 1);
    });
    if (back && parts) {
      for (let r = 0; r < back.rows.length; r++) {
        const row = (back.rows[r] ??= []);
        for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      }
      back.widths = widthsOf(sheet);
      parts.sheets.push(back);
    }
    const {rules, validations} = validationRuns(sheet);
    validationsOf.push({rules, validations});
    json.sheets.push({
      ...sheetJson(sheet),
      rules,
      validations,
      emptyNotes: emptyCellNotes(grid.serial, sheet.meta),
    });
  }
  const text = JSON.stringify(json);
  if (parts) parts.json = JSON.parse(text) as BookJson;
  const chunks: string[] = [];
  for (let i = 0; i < text.length || !chunks.length; i += CHUNK)
    chunks.push(text.slice(i, i + CHUNK));

  // A workbook opened from kept parts, changed in a few cells: its file with those cells changed.
  const base = parts ? bases.get(model) : undefined;
  const patched =
    base && parts
      ? patchXlsx(
          base,
          parts,
          (i, r, c) => cellValue(grids[i], r, c),
          {name: META_SHEET, chunks, size: CHUNK},
          new Date(),
        )
      : null;
  const bytes =
    patched?.bytes ?? (await writeWithExceljs(model, file, grids, styles, validationsOf, chunks));
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, {force: true});
    throw new Error(`Cannot save workbook "${file}": ${(e as Error).message}`);
  }
  if (opts.snapshot) {
    if (parts) {
      // A tab the patch left as it was is kept as it was.
      const kept = patched ? base?.packed.sheets : undefined;
      const same = (s: SheetParts, i: number) =>
        kept?.[i]?.name === s.name && patched!.unchanged.has(s.name) ? kept[i] : undefined;
      bases.set(model, {bytes, packed: writeSnapshot(opts.snapshot, bytes, parts, same)});
    } else {
      fs.rmSync(opts.snapshot, {force: true});
      bases.delete(model);
    }
  }
  return {unchangedTabs: patched?.unchanged ?? new Set()};
}

/** What the hidden sheet keeps of a sheet's own fields. */
function sheetJson(sheet: SheetModel): Omit<SheetJson, 'rules' | 'validations' | 'emptyNotes'> {
  return {
    name: sheet.name,
    sheetId: sheet.sheetId,
    maxRows: sheet.maxRows,
    maxCols: sheet.maxCols,
    hidden: sheet.hidden,
    tabColor: sheet.tabColor,
    frozenRows: sheet.frozenRows,
    frozenCols: sheet.frozenCols,
    conditionalFormats: sheet.conditionalFormats,
    protections: sheet.protections,
    charts: sheet.charts,
    merges: sheet.merges,
  };
}

function isEmptyContent(content: unknown): boolean {
  return content === null || content === undefined || content === '';
}

/**
 * `back` for a tab that still looks as its kept parts say (kept-looks.ts): what reading back
 * gives for each cell with content, its formats as kept. The rest is as the loop over every
 * cell in saveXlsx gives (the formatted cells reach `kept.rows` and `kept.cols`). False where
 * a cell's reading back is not certain.
 */
function backFromKeptLooks(
  grid: SheetGrid,
  kept: KeptLooks,
  back: SheetParts,
  styleFor: (c: number, m: CellMeta | undefined) => Partial<ExcelJS.Style>,
  looks: Map<Partial<ExcelJS.Style>, CellMeta | undefined>,
): boolean {
  const {sheet, serial} = grid;
  const formatAt = formatIndexAt(kept.packed);
  let rows = kept.rows;
  let cols = kept.cols;
  for (let r = 0; r < serial.length; r++) {
    const line = serial[r];
    for (let c = 0; c < line.length; c++) {
      if (isEmptyContent(line[c])) continue;
      const i = formatAt(r, c);
      // The kept format, not a copy: only read here.
      const meta = i === undefined ? undefined : kept.packed.formats[i];
      const value = cellValue(grid, r, c);
      const got =
        r < sheet.maxRows &&
        c < sheet.maxCols &&
        readBack(value, styleFor(c, meta), meta?.note, looks);
      if (!got) return false;
      (back.rows[r] ??= [])[c] = got.content;
      if (value && typeof value === 'object' && 'formula' in value)
        back.results!.push([r, c, value.result]);
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }
  }
  back.rowCount = rows;
  back.columnCount = cols;
  for (let r = 0; r < rows; r++) {
    const row = (back.rows[r] ??= []);
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  back.widths = widthsOf(sheet);
  return true;
}

/** [column, pixels] of each sized column, as reading the file back gives them (stored in characters). */
function widthsOf(sheet: SheetModel): [number, number][] {
  const widths: [number, number][] = [];
  sheet.columnWidths.forEach((w, i) => {
    const stored = w === undefined ? 0 : Math.round((w / 7) * 100) / 100;
    if (stored) widths.push([i, Math.round(stored * 7)]);
  });
  return widths;
}

/** What a save says of itself. */
export interface SaveResult {
  /** Tabs the save left exactly as they were in the file it patched (none for a full save). */
  unchangedTabs: ReadonlySet<string>;
}

/** What a model opened from (or last saved with) kept parts knows of that file: to patch the next save. */
const bases = new WeakMap<WorkbookModel, PatchBase>();

/** A sheet's contents and computed values, by 0-based row and column, as the engine gives them. */
interface SheetGrid {
  sheet: SheetModel;
  serial: RawCellContent[][];
  /** A formula cell's result (asked for those alone: the whole sheet's values cost more). */
  valueAt(row: number, col: number): unknown;
  /** Each ARRAYFORMULA cell's extent (A1, e.g. F2:F4), by row * COLS + column. */
  arrays: Map<number, string>;
}

const COLS = 1 << 14;

/**
 * The extent of each ARRAYFORMULA: the file keeps the formula with its extent as the array
 * formula's ref (ECMA-376 §18.3.1.40, f@ref) and not the cells it fills, which reading the file
 * back would otherwise take as typed values in the way of the spill (#REF!). Those cells are
 * emptied in `serial` (the engine gives their results as their contents).
 */
function arrayExtents(hf: HyperFormula, sheet: SheetModel, serial: RawCellContent[][]) {
  const extents = new Map<number, string>();
  if (!sheet.formulaText.some(row => row?.some(t => t && arrayFormulaInner(t) !== null)))
    return extents;
  const type = (row: number, col: number) => hf.getCellType({sheet: sheet.hfId, row, col});
  serial.forEach((line, r) =>
    line.forEach((_, c) => {
      const t = type(r, c);
      if (t === 'ARRAY') line[c] = null;
      if (t !== 'ARRAYFORMULA') return;
      let rows = 1;
      let cols = 1;
      while (type(r + rows, c) === 'ARRAY') rows++;
      while (type(r, c + cols) === 'ARRAY') cols++;
      extents.set(r * COLS + c, rectToA1({row: r + 1, col: c + 1, numRows: rows, numCols: cols}));
    }),
  );
  return extents;
}

/** Calls `fn` for each cell the file holds: one with content or a format or note. */
function eachCell(
  {sheet, serial}: SheetGrid,
  fn: (r: number, c: number, meta: CellMeta | undefined) => void,
): void {
  const rows = Math.max(serial.length, sheet.meta.length);
  for (let r = 0; r < rows; r++) {
    const sr = serial[r] ?? [];
    const mr = sheet.meta[r] ?? [];
    const width = Math.max(sr.length, mr.length);
    for (let c = 0; c < width; c++) {
      const meta = mr[c];
      if (isEmptyContent(sr[c]) && !meta) continue;
      fn(r, c, meta);
    }
  }
}

/** What the file holds for a cell: its value, or its formula (as written) with its result. */
function cellValue(
  {sheet, serial, valueAt, arrays}: SheetGrid,
  r: number,
  c: number,
): ExcelJS.CellValue {
  const content = serial[r]?.[c];
  if (typeof content === 'string' && content.startsWith('=')) {
    const text = sheet.formulaText[r]?.[c] ?? content;
    const inner = arrayFormulaInner(text);
    return {
      formula: excelFormula(inner === null ? text : `=${inner}`).slice(1),
      result: plainResult(valueAt(r, c)),
      ...(inner === null
        ? {}
        : {
            shareType: 'array',
            ref: arrays.get(r * COLS + c) ?? `${columnToLetters(c + 1)}${r + 1}`,
          }),
    } as ExcelJS.CellFormulaValue;
  }
  if (typeof content === 'string') return content.startsWith("'") ? content.slice(1) : content;
  if (content instanceof DetailedCellError) return excelError(content.value);
  if (content !== null && content !== undefined) return content as number | boolean;
  return null;
}

/** The whole file written by exceljs. */
async function writeWithExceljs(
  model: WorkbookModel,
  file: string,
  grids: SheetGrid[],
  styles: Map<string, Partial<ExcelJS.Style>>,
  validationsOf: ReturnType<typeof validationRuns>[],
  chunks: string[],
): Promise<Buffer> {
  const wb = new (excelWorkbook())();
  wb.creator = 'Workspace emulator';
  const excelRules = new Map<ValidationSpec, ExcelJS.DataValidation | undefined>();
  model.sheets.forEach((sheet, i) => {
    const views: Partial<ExcelJS.WorksheetView>[] =
      sheet.frozenRows || sheet.frozenCols
        ? [{state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows}]
        : [];
    // The tab the workbook opens on is also the selected one (Excel groups selected tabs).
    if (sheet.hfId === model.active.sheet && !sheet.hidden)
      views[0] = {
        ...(views[0] ?? {state: 'normal'}),
        tabSelected: true,
      } as unknown as (typeof views)[0];
    let ws: ExcelJS.Worksheet;
    try {
      // exceljs would silently cut a long name to 31 characters: a different tab on reopening.
      if (sheet.name.length > 31) throw new Error('longer than 31 characters');
      ws = wb.addWorksheet(sheet.name, {
        state: sheet.hidden ? 'hidden' : 'visible',
        views,
        properties: sheet.tabColor ? {tabColor: {argb: argb(sheet.tabColor)}} : {},
      });
    } catch (e) {
      // Sheets allows tab names .xlsx does not (over 31 characters, or * ? : / \ [ ]).
      throw new Error(
        `Cannot save workbook "${file}": the tab name "${sheet.name}" cannot be stored in an .xlsx file (${(e as Error).message}). Rename the tab.`,
      );
    }
    sheet.columnWidths.forEach((w, c) => {
      if (w !== undefined) ws.getColumn(c + 1).width = Math.round((w / 7) * 100) / 100;
    });
    const styleFor = stylesByColumn(styles);
    eachCell(grids[i], (r, c, meta) => {
      const cell = ws.getRow(r + 1).getCell(c + 1);
      const value = cellValue(grids[i], r, c);
      if (value !== null) cell.value = value;
      cell.style = styleFor(c, meta);
      if (meta?.note) cell.note = meta.note;
    });
    for (const m of sheet.merges) {
      try {
        ws.mergeCells(m.row, m.col, m.row + m.numRows - 1, m.col + m.numCols - 1);
      } catch {
        // Overlapping merges: Sheets would have refused them; the JSON keeps them.
      }
    }
    for (const cf of sheet.conditionalFormats) {
      const rule = excelConditional(cf);
      if (rule && cf.ranges.length)
        ws.addConditionalFormatting({ref: cf.ranges.map(rectToA1).join(' '), rules: [rule]});
    }
    const {rules, validations} = validationsOf[i];
    // Data validation by runs down each column (A2:A1000), as the hidden sheet keeps it: one
    // entry each, not one per cell for exceljs to group again.
    const dvModel = (ws as unknown as {dataValidations: {model: Record<string, unknown>}})
      .dataValidations.model;
    for (const [a1, j] of validations) {
      const spec = rules[j];
      if (!excelRules.has(spec)) excelRules.set(spec, excelValidation(spec));
      const dv = excelRules.get(spec);
      if (dv) dvModel[a1] = dv;
    }
  });
  // Defined names as written, whole columns included ('Actions'!$G:$G). exceljs would drop
  // those and expands every range cell by cell when adding, so its name list is replaced.
  const definedNames = model.namedRanges
    .map(n => {
      const written = model.openNames[n];
      const text =
        written !== undefined && isWholeColumns(written)
          ? written
          : (model.hf.getNamedExpressionFormula(n) ?? '').replace(/^=/, '');
      return {name: n, ranges: [toOoxmlFunctions(text)]};
    })
    .filter(d => d.ranges[0] && !d.ranges[0].includes('#REF!'));
  (wb as unknown as {_definedNames: {model: typeof definedNames}})._definedNames = {
    model: definedNames,
  };
  // Pictures of the charts for people opening the file (xlsx from exceljs cannot hold real
  // charts); the specifications stay in the hidden sheet, and loading never reads pictures
  // back, so saving again draws each chart once.
  addChartImages(wb, model);
  // The workbook opens on the spreadsheet's active tab (else on whatever tab came first).
  const activeTab = Math.max(
    0,
    model.sheets.findIndex(s => s.hfId === model.active.sheet && !s.hidden),
  );
  wb.views = [
    {x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab, visibility: 'visible'},
  ];
  const metaWs = wb.addWorksheet(META_SHEET, {state: 'veryHidden'});
  chunks.forEach((chunk, r) => (metaWs.getCell(r + 1, 1).value = chunk));

  // Zipped by fflate at its fastest deflate: a fifth larger file, a save that does not wait on compression.
  useFflateZip();
  return Buffer.from(
    (await wb.xlsx.writeBuffer({
      zip: ZIP_WITH_FFLATE,
    } as unknown as Partial<ExcelJS.XlsxWriteOptions>)) as ArrayBuffer,
  );
}

/** Text the XML of a package cannot carry unchanged (control characters, CR, lone surrogates). */
const UNSURE_TEXT = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
function sureText(s: string): boolean {
  return !UNSURE_TEXT.test(s) && !LONE_SURROGATE.test(s);
}

/**
 * What reading the saved file gives for a cell written with this value, style and note:
 * exceljs's read (a number in a date format comes back as a Date) through the loader's own
 * contentOf and metaOf. Null where that is not certain.
 */
function readBack(
  value: ExcelJS.CellValue,
  style: Partial<ExcelJS.Style>,
  note: string | undefined,
  looks: Map<Partial<ExcelJS.Style>, CellMeta | undefined>,
): {content: RawCellContent; meta: CellMeta | undefined} | null {
  // The most common cell, formatted and empty, reads back as every empty cell of its style.
  if (value === null && note === undefined) {
    const known = emptyLooks.get(style);
    if (known) return known;
  }
  const ValueType = excelValueTypes();
  const utils = excelUtils();
  let type = ValueType.Null;
  let read: unknown = value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    type = ValueType.Number;
    if (utils.isDateFmt(style.numFmt)) read = utils.excelToDate(value, false);
    else read = value === 0 ? 0 : value; // -0 is written as 0
  } else if (typeof value === 'string') {
    if (!sureText(value)) return null;
    type = ValueType.String;
  } else if (typeof value === 'boolean') type = ValueType.Boolean;
  else if (value && typeof value === 'object' && 'formula' in value) {
    if (!value.formula || !sureText(value.formula)) return null;
    type = ValueType.Formula;
  } else if (value && typeof value === 'object' && 'error' in value) type = ValueType.Error;
  else if (value !== null) return null;
  if (note !== undefined && !sureText(note)) return null;
  const cell = {
    type,
    value: read,
    formula: (value as {formula?: string} | null)?.formula,
    numFmt: style.numFmt,
    note,
    fill: style.fill,
    font: style.font,
    alignment: style.alignment,
  } as unknown as ExcelJS.Cell;
  // A cell without a note reads back as every cell of its style does: one object for them all.
  if (note !== undefined) return {content: contentOf(cell), meta: metaOf(cell)};
  if (!looks.has(style)) looks.set(style, metaOf(cell));
  const got = {content: contentOf(cell), meta: looks.get(style)};
  if (value === null) emptyLooks.set(style, got);
  return got;
}

/** What an empty cell of a style reads back as (styles are a save's own objects: see styleOf). */
const emptyLooks = new WeakMap<
  Partial<ExcelJS.Style>,
  {content: RawCellContent; meta: CellMeta | undefined}
>();

/** [row, column, note] (0-based) of every note on a cell with no content. */
function emptyCellNotes(
  serial: unknown[][],
  meta: ((CellMeta | undefined)[] | undefined)[],
): [number, number, string][] {
  const out: [number, number, string][] = [];
  meta.forEach((row, r) =>
    row?.forEach((m, c) => {
      if (m?.note && isEmptyContent(serial[r]?.[c])) out.push([r, c, m.note]);
    }),
  );
  return out;
}

/** Whether two cells look the same in the file: what styleOf's key says of them. */
function sameLook(a: CellMeta | undefined, b: CellMeta | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const f = a.font;
  const g = b.font;
  return (
    a.numberFormat === b.numberFormat &&
    a.background === b.background &&
    a.wrap === b.wrap &&
    a.hAlign === b.hAlign &&
    a.vAlign === b.vAlign &&
    (f === g ||
      (!!f &&
        !!g &&
        f.weight === g.weight &&
        f.style === g.style &&
        f.color === g.color &&
        f.line === g.line))
  );
}

/**
 * styleOf for cells visited row by row: a cell that looks like the one above it (most cells of
 * a register) takes its style without working out the key.
 */
function stylesByColumn(
  styles: Map<string, Partial<ExcelJS.Style>>,
): (c: number, m: CellMeta | undefined) => Partial<ExcelJS.Style> {
  const above: (CellMeta | undefined)[] = [];
  const style: Partial<ExcelJS.Style>[] = [];
  return (c, m) => {
    if (style[c] && sameLook(above[c], m)) {
      above[c] = m;
      return style[c];
    }
    above[c] = m;
    return (style[c] = styleOf(m, styles));
  };
}

/** The cell style for a cell's look (number format, fill, font, alignment), shared by every cell that looks the same. */
function styleOf(
  m: CellMeta | undefined,
  styles: Map<string, Partial<ExcelJS.Style>>,
): Partial<ExcelJS.Style> {
  const f = m?.font;
  const key = m
    ? `${m.numberFormat ?? ''}\u0000${m.background ?? ''}\u0000${f ? `${f.weight}|${f.style}|${f.color}|${f.line}` : ''}\u0000${m.wrap ?? ''}|${m.hAlign ?? ''}|${m.vAlign ?? ''}`
    : '';
  let style = styles.get(key);
  if (style) return style;
  style = {};
  styles.set(key, style);
  if (!m) return style;
  if (m.numberFormat) style.numFmt = m.numberFormat;
  if (m.background)
    style.fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: argb(m.background)}};
  if (f) {
    const font: Partial<ExcelJS.Font> = {};
    if (f.weight === 'bold') font.bold = true;
    if (f.style === 'italic') font.italic = true;
    if (f.color) font.color = {argb: argb(f.color)};
    if (f.line === 'underline') font.underline = true;
    if (f.line === 'line-through') font.strike = true;
    if (Object.keys(font).length) style.font = font;
  }
  if (m.wrap || m.hAlign || m.vAlign) {
    const a: Partial<ExcelJS.Alignment> = {};
    if (m.wrap) a.wrapText = true;
    if (m.hAlign && ['left', 'center', 'right'].includes(m.hAlign))
      a.horizontal = m.hAlign as ExcelJS.Alignment['horizontal'];
    if (m.vAlign && ['top', 'middle', 'bottom'].includes(m.vAlign))
      a.vertical = m.vAlign as ExcelJS.Alignment['vertical'];
    style.alignment = a;
  }
  return style;
}

function excelConditional(cf: CondFormatSpec): ExcelJS.ConditionalFormattingRule | undefined {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.format.background)
    style.fill = {type: 'pattern', pattern: 'solid', bgColor: {argb: argb(cf.format.background)}};
  const font: Partial<ExcelJS.Font> = {};
  if (cf.format.fontColor) font.color = {argb: argb(cf.format.fontColor)};
  if (cf.format.bold) font.bold = true;
  if (Object.keys(font).length) style.font = font;
  const c = cf.condition;
  if (!c) return undefined;
  const first = cf.ranges[0] ? rectToA1({...cf.ranges[0], numRows: 1, numCols: 1}) : 'A1';
  const ops: Record<string, string> = {
    NUMBER_GREATER_THAN: 'greaterThan',
    NUMBER_LESS_THAN: 'lessThan',
    NUMBER_EQUAL_TO: 'equal',
    NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
    NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
    NUMBER_BETWEEN: 'between',
  };
  if (c.type === 'CUSTOM_FORMULA')
    return {
      type: 'expression',
      priority: 1,
      formulae: [toOoxmlFunctions(String(c.values[0]).replace(/^=/, ''))],
      style,
    } as ExcelJS.ConditionalFormattingRule;
  if (c.type === 'CELL_EMPTY')
    return {
      type: 'expression',
      priority: 1,
      formulae: [`LEN(TRIM(${first}))=0`],
      style,
    } as ExcelJS.ConditionalFormattingRule;
  if (c.type === 'CELL_NOT_EMPTY')
    return {
      type: 'expression',
      priority: 1,
      formulae: [`LEN(TRIM(${first}))>0`],
      style,
    } as ExcelJS.ConditionalFormattingRule;
  if (ops[c.type])
    return {
      type: 'cellIs',
      priority: 1,
      operator: ops[c.type],
      formulae: c.values.map(v => Number(v)),
      style,
    } as unknown as ExcelJS.ConditionalFormattingRule;
  if (c.type === 'TEXT_CONTAINS')
    return {
      type: 'containsText',
      priority: 1,
      operator: 'containsText',
      text: String(c.values[0]),
      style,
    } as ExcelJS.ConditionalFormattingRule;
  return undefined;
}

// ---------------------------------------------------------------- loading

function fail(file: string, reason: string): Error {
  return new Error(`Cannot open workbook "${file}": ${reason}`);
}

/** One tab as exceljs reads it: everything opening the workbook needs before the formula engine. */
export interface SheetParts {
  name: string;
  /** Cell contents as the engine takes them (text as 'text, formulas as stored). */
  rows: RawCellContent[][];
  meta: ((CellMeta | undefined)[] | undefined)[];
  rowCount: number;
  columnCount: number;
  /** [0-based column, width in pixels] of each column the file gives a width. */
  widths: [number, number][];
  /**
   * Only from a save: [row, column, result] (0-based) of each formula cell, its result as the
   * file holds it (opening recomputes them; patching the next save compares them, xlsx-patch.ts).
   */
  results?: [number, number, ExcelJS.CellValue][];
  /**
   * Parts kept before whose formats and runs are exactly this sheet's (`meta` is then made from
   * them when read): what lets a save skip comparing and packing formats (kept-looks.ts).
   */
  looksOf?: PackedSheet;
  /** Only read from a workbook without the hidden sheet (another program's): */
  hidden?: boolean;
  frozen?: {rows: number; cols: number};
  tabColor?: string;
}

/** A workbook file as exceljs reads it (what emulator/sheets/xlsx-snapshot.ts keeps). */
export interface XlsxParts {
  json?: BookJson;
  sheets: SheetParts[];
  /** Only read from a workbook without the hidden sheet. */
  definedNames: {name: string; ranges: string[]}[];
}

/** Reads the file with exceljs (the slow part of opening a workbook). */
async function readParts(file: string, bytes: Buffer): Promise<XlsxParts> {
  const wb = new (excelWorkbook())();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw fail(file, `it is not a readable .xlsx workbook (${(e as Error).message}).`);
  }
  const metaWs = wb.getWorksheet(META_SHEET);
  let json: BookJson | undefined;
  if (metaWs) {
    let text = '';
    for (let r = 1; r <= metaWs.rowCount; r++) text += String(metaWs.getCell(r, 1).value ?? '');
    try {
      json = JSON.parse(text) as BookJson;
    } catch (e) {
      throw fail(file, `its hidden "${META_SHEET}" sheet is damaged (${(e as Error).message}).`);
    }
  }
  const sheets = wb.worksheets
    .filter(ws => ws.name !== META_SHEET)
    .map(ws => {
      const {rows, meta} = readWorksheet(ws, !json);
      // Every column the file sizes, also past the last column with a cell.
      const widths: [number, number][] = [];
      const defined = Math.max(ws.columnCount, ws.columns?.length ?? 0);
      for (let c = 1; c <= defined; c++) {
        const w = ws.getColumn(c).width;
        if (w) widths.push([c - 1, Math.round(w * 7)]);
      }
      const part: SheetParts = {
        name: ws.name,
        rows,
        meta,
        rowCount: ws.rowCount,
        columnCount: ws.columnCount,
        widths,
      };
      if (!json) {
        part.hidden = ws.state !== 'visible';
        const view = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
        if (view?.state === 'frozen')
          part.frozen = {rows: view.ySplit ?? 0, cols: view.xSplit ?? 0};
        const tab = hexOf(ws.properties?.tabColor as Partial<ExcelJS.Color> | undefined);
        if (tab) part.tabColor = tab;
      }
      return part;
    });
  return {
    json,
    sheets,
    definedNames: json ? [] : (wb.definedNames.model as {name: string; ranges: string[]}[]),
  };
}

export async function loadXlsx(
  file: string,
  opts: {DateCtor?: DateConstructor; clock?: ModelClock; snapshot?: string} = {},
): Promise<WorkbookModel> {
  if (!fs.existsSync(file)) throw fail(file, 'the file does not exist.');
  if (fs.statSync(file).isDirectory()) throw fail(file, 'it is a folder, not an .xlsx file.');
  const bytes = fs.readFileSync(file);
  // The parts kept by the last save, when the file is still the one it wrote.
  const kept = opts.snapshot ? readSnapshot(opts.snapshot, bytes) : null;
  const model = modelFromParts(kept?.parts ?? (await readParts(file, bytes)), file, opts);
  if (kept) bases.set(model, {bytes, packed: kept.packed});
  return model;
}

function modelFromParts(
  parts: XlsxParts,
  file: string,
  opts: {DateCtor?: DateConstructor; clock?: ModelClock},
): WorkbookModel {
  const {json} = parts;
  const worksheets = parts.sheets;
  if (!worksheets.length) throw fail(file, 'it has no sheets.');
  const contents: Record<string, RawCellContent[][]> = {};
  for (const ws of worksheets) contents[ws.name] = ws.rows;
  // Formulas keep the text the file holds; the engine gets open-ended ranges closed at each sheet's last row.
  const lastRows = new Map<string, number>();
  for (const ws of worksheets) {
    const sj = json?.sheets.find(x => x.name === ws.name);
    lastRows.set(
      ws.name.toLowerCase(),
      Math.max(sj?.maxRows ?? DEFAULT_ROWS, contents[ws.name].length, ws.rowCount),
    );
  }
  const texts: Record<string, ((string | undefined)[] | undefined)[]> = {};
  for (const ws of worksheets) {
    const own = ws.name.toLowerCase();
    const store: ((string | undefined)[] | undefined)[] = (texts[ws.name] = []);
    contents[ws.name].forEach((row, r) =>
      row.forEach((c, j) => {
        if (typeof c !== 'string' || !c.startsWith('=')) return;
        const text = sheetsFormula(c);
        (store[r] ??= [])[j] = text;
        row[j] = sumproductAsArrays(
          closeOpenRanges(text, name => lastRows.get(name?.toLowerCase() ?? own)),
        );
      }),
    );
  }
  let hf: HyperFormula;
  let model: WorkbookModel | undefined;
  try {
    hf = HyperFormula.buildFromSheets(
      contents,
      engineConfig(opts.clock, () => model?.timeZone ?? json?.timeZone ?? 'Europe/London'),
    );
  } catch (e) {
    throw fail(file, `its formulas cannot be read (${(e as Error).message}).`);
  }
  model = blankModel(json?.name ?? path.basename(file).replace(/\.xlsx$/i, ''), hf, {
    id: json?.id,
    timeZone: json?.timeZone,
    locale: json?.locale,
    DateCtor: opts.DateCtor,
  });
  for (const ws of worksheets) {
    const sj = json?.sheets.find(s => s.name === ws.name);
    const hfId = hf.getSheetId(ws.name)!;
    const used = hf.getSheetDimensions(hfId);
    const sheet = newSheetModel(model, ws.name, hfId, {
      rows: Math.max(sj?.maxRows ?? DEFAULT_ROWS, used.height, ws.rowCount),
      cols: Math.max(sj?.maxCols ?? DEFAULT_COLS, used.width, ws.columnCount),
    });
    sheet.formulaText = texts[ws.name];
    const {maxRows, maxCols} = sheet;
    const kept = ws.looksOf && sj && keptLooks(ws.looksOf, sj, maxRows, maxCols);
    // Kept looks already hold the notes of empty cells (keptLooks): only the rules to add.
    if (kept)
      deferMeta(sheet, kept, () =>
        unpackMeta(kept.packed, kept.rules, ruleIndexes(kept.validations, maxRows, maxCols)),
      );
    else sheet.meta = withHiddenSheetMeta(ws.meta, sj, maxRows, maxCols);
    if (sj) {
      sheet.sheetId = sj.sheetId;
      Object.assign(sheet, {
        hidden: sj.hidden,
        tabColor: sj.tabColor,
        frozenRows: sj.frozenRows,
        frozenCols: sj.frozenCols,
        conditionalFormats: sj.conditionalFormats,
        protections: sj.protections,
        charts: sj.charts,
        merges: sj.merges,
      });
    } else {
      sheet.hidden = !!ws.hidden;
      if (ws.frozen) {
        sheet.frozenRows = ws.frozen.rows;
        sheet.frozenCols = ws.frozen.cols;
      }
      if (ws.tabColor) sheet.tabColor = ws.tabColor;
    }
    for (const [c, w] of ws.widths) sheet.columnWidths[c] = w;
    model.sheets.push(sheet);
  }
  // TRUE, FALSE and the file's names: the formulas that use them are computed once, when all
  // are there, not once per name (each also recomputing every TODAY() and what depends on it).
  hf.suspendEvaluation();
  try {
    addBooleanNames(hf);
    if (json) for (const n of json.namedRanges) addName(model, n.name, n.expression, file);
    else
      parts.definedNames.forEach(d => {
        if (d.ranges.length === 1 && !d.name.startsWith('_xlnm'))
          addName(model, d.name, `=${fromOoxmlFunctions(d.ranges[0])}`, file);
      });
  } finally {
    hf.resumeEvaluation();
  }
  // Where each tab's content ends, from the contents it was built with: the engine's height
  // counts the ~1,000 rows whole-column ranges cover, each asked about cell by cell otherwise.
  // Given after the names, which change no cell (the engine watch would forget them).
  knowBounds(
    hf,
    formulaCells(hf, texts),
    new Map(worksheets.map(ws => [hf.getSheetId(ws.name)!, rowsWithContent(contents[ws.name])])),
  );
  if (json) {
    // After the sheets above took ids of their own: the saved counters go on from where they were.
    model.nextSheetId = json.nextSheetId;
    model.nextObjectId = json.nextObjectId;
    const active = model.sheets.find(s => s.name === json.active.sheetName);
    if (active) model.active = {sheet: active.hfId, range: json.active.range};
  }
  return model;
}

/** How many rows from the top hold content (the last row with a cell not empty). */
function rowsWithContent(rows: RawCellContent[][]): number {
  for (let r = rows.length - 1; r >= 0; r--)
    if (rows[r].some(c => c !== null && c !== undefined)) return r + 1;
  return 0;
}

/** Where the formulas of each sheet are (by sheet name, 0-based rows then columns). */
function* formulaCells(
  hf: HyperFormula,
  texts: Record<string, ((string | undefined)[] | undefined)[]>,
): Generator<SimpleCellAddress> {
  for (const [name, rows] of Object.entries(texts)) {
    const sheet = hf.getSheetId(name)!;
    for (let row = 0; row < rows.length; row++) {
      const r = rows[row];
      if (r)
        for (let col = 0; col < r.length; col++) if (r[col] !== undefined) yield {sheet, row, col};
    }
  }
}

/** The index of each cell's data validation rule (by row then column, 0-based) from its runs. */
function ruleIndexes(
  validations: [string, number][],
  maxRows: number,
  maxCols: number,
): (number | undefined)[][] {
  const at: (number | undefined)[][] = [];
  for (const [a1, i] of validations) {
    const ref = parseA1(a1);
    if (!ref) continue;
    const rect = resolveRef(ref, maxRows, maxCols);
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      const row = (at[r - 1] ??= []);
      for (let c = rect.col; c < rect.col + rect.numCols; c++) row[c - 1] = i;
    }
  }
  return at;
}

/** A sheet's formats as read, with what the hidden sheet adds: notes on empty cells, data validation. */
function withHiddenSheetMeta(
  meta: SheetModel['meta'],
  sj: SheetJson | undefined,
  maxRows: number,
  maxCols: number,
): SheetModel['meta'] {
  if (!sj) return meta;
  for (const [r, c, note] of sj.emptyNotes ?? []) ((meta[r] ??= [])[c] ??= {}).note = note;
  ruleIndexes(sj.validations, maxRows, maxCols).forEach((row, r) =>
    row.forEach((i, c) => {
      if (i !== undefined) ((meta[r] ??= [])[c] ??= {}).validation = sj.rules[i];
    }),
  );
  return meta;
}

function addName(model: WorkbookModel, name: string, expression: string, file: string): void {
  try {
    // An open-ended name ('Actions'!$G$2:$G) or a whole column goes to the engine closed at the
    // sheet's last row.
    const engine = nameToEngine(expression, sheet =>
      sheet === undefined
        ? undefined
        : model.sheets.find(s => s.name.toLowerCase() === sheet.toLowerCase())?.maxRows,
    );
    model.hf.addNamedExpression(name, engine);
    if (engine !== expression) model.openNames[name] = expression.replace(/^=/, '');
    model.namedRanges.push(name);
  } catch (e) {
    throw fail(
      file,
      `its named range "${name}" (${expression}) cannot be read (${(e as Error).message}).`,
    );
  }
}

function textOf(v: unknown): string {
  if (v && typeof v === 'object' && 'richText' in v)
    return (v as ExcelJS.CellRichTextValue).richText.map(t => t.text).join('');
  if (v && typeof v === 'object' && 'text' in v) return String((v as {text: unknown}).text);
  return String(v);
}

function readWorksheet(
  ws: ExcelJS.Worksheet,
  withValidation: boolean,
): {rows: RawCellContent[][]; meta: ((CellMeta | undefined)[] | undefined)[]} {
  const rows: RawCellContent[][] = [];
  const meta: ((CellMeta | undefined)[] | undefined)[] = [];
  // Rows holding only a note (an empty cell whose refused value the note records) have no
  // values, so empty rows are visited too.
  // The extents of array formulas: the cells they fill hold results, not values typed there.
  const arrays: string[] = [];
  ws.eachRow({includeEmpty: true}, (row, r) => {
    const out: RawCellContent[] = (rows[r - 1] = []);
    row.eachCell({includeEmpty: true}, (cell, c) => {
      // The other cells of a merge repeat the first cell's value in exceljs; Sheets keeps them empty.
      out[c - 1] = cell.type === excelValueTypes().Merge ? null : contentOf(cell);
      const ref = (cell.value as {shareType?: string; ref?: string} | null)?.ref;
      if (cell.type === excelValueTypes().Formula && ref?.includes(':')) arrays.push(ref);
      const m = metaOf(cell);
      if (m) (meta[r - 1] ??= [])[c - 1] = m;
    });
  });
  for (const ref of arrays) {
    const a = parseA1(ref);
    if (!a?.startRow || !a.startCol || !a.endRow || !a.endCol) continue;
    for (let r = a.startRow; r <= a.endRow; r++)
      for (let c = a.startCol; c <= a.endCol; c++)
        if ((r > a.startRow || c > a.startCol) && rows[r - 1]) rows[r - 1][c - 1] = null;
  }
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  if (withValidation) {
    // exceljs keeps validations by cell address, also for cells with no value.
    const model = (
      ws as unknown as {
        dataValidations: {model: Record<string, ExcelJS.DataValidation | undefined>};
      }
    ).dataValidations.model;
    for (const [address, dv] of Object.entries(model)) {
      const ref = dv && parseA1(address);
      if (!ref || ref.startRow === undefined || ref.startCol === undefined) continue;
      const spec = validationOf(dv);
      if (spec) ((meta[ref.startRow - 1] ??= [])[ref.startCol - 1] ??= {}).validation = spec;
    }
  }
  return {rows, meta};
}

function contentOf(cell: ExcelJS.Cell): RawCellContent {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (cell.type === excelValueTypes().Formula) {
    const f = cell.formula;
    // An OOXML array formula is Sheets' ARRAYFORMULA(…).
    if (f)
      return (v as {shareType?: string}).shareType === 'array' ? `=ARRAYFORMULA(${f})` : `=${f}`;
  }
  if (v instanceof Date) return (v.getTime() - SERIAL_EPOCH_UTC) / 86_400_000;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v === '' ? null : `'${v}`;
  if (typeof v === 'object' && 'error' in v) return (v as ExcelJS.CellErrorValue).error;
  if (typeof v === 'object' && 'result' in v)
    return plainContent((v as ExcelJS.CellFormulaValue).result);
  return `'${textOf(v)}`;
}

/** Rules from Excel's list and custom validations (other types have no exact Sheets equivalent we need). */
function validationOf(dv: ExcelJS.DataValidation): ValidationSpec | undefined {
  const allowInvalid =
    dv.errorStyle === 'warning' || dv.errorStyle === 'information' || dv.showErrorMessage === false;
  const f0 = dv.formulae?.[0] === undefined ? undefined : String(dv.formulae[0]);
  let spec: ValidationSpec | undefined;
  if (dv.type === 'list' && f0) {
    spec = f0.startsWith('"')
      ? {criteria: 'VALUE_IN_LIST', values: [f0.slice(1, -1).split(','), true], allowInvalid}
      : {criteria: 'VALUE_IN_RANGE', values: [{range: f0}, true], allowInvalid};
  } else if (dv.type === 'custom' && f0) {
    spec = {criteria: 'CUSTOM_FORMULA', values: [`=${fromOoxmlFunctions(f0)}`], allowInvalid};
  }
  if (spec && dv.error) spec.helpText = dv.error;
  return spec;
}

function plainContent(v: unknown): RawCellContent {
  if (v instanceof Date) return (v.getTime() - SERIAL_EPOCH_UTC) / 86_400_000;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v === null || v === undefined) return null;
  return `'${textOf(v)}`;
}

function metaOf(cell: ExcelJS.Cell): CellMeta | undefined {
  const m: CellMeta = {};
  if (cell.numFmt && cell.numFmt !== 'General') m.numberFormat = cell.numFmt;
  const note = cell.note as unknown;
  if (note)
    m.note =
      typeof note === 'string'
        ? note
        : ((note as {texts?: {text: string}[]}).texts ?? []).map(t => t.text).join('');
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.type === 'pattern' && fill.pattern === 'solid') {
    const bg = hexOf(fill.fgColor);
    if (bg) m.background = bg;
  }
  const f = cell.font;
  if (f && (f.bold || f.italic || f.color?.argb || f.underline || f.strike)) {
    m.font = {};
    if (f.bold) m.font.weight = 'bold';
    if (f.italic) m.font.style = 'italic';
    const color = hexOf(f.color);
    if (color) m.font.color = color;
    if (f.underline) m.font.line = 'underline';
    if (f.strike) m.font.line = 'line-through';
  }
  const a = cell.alignment;
  if (a?.wrapText) m.wrap = true;
  if (a?.horizontal) m.hAlign = a.horizontal;
  if (a?.vertical) m.vAlign = a.vertical;
  return Object.keys(m).length ? m : undefined;
}
