/**
 * The global SpreadsheetApp of a container-bound script
 * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app).
 */
import type {ServiceContext} from '../context';
import {Book, SheetsHost} from './book';
import {ChartType} from './charts';
import {BooleanCriteria, ConditionalFormatRuleBuilder, RelativeDate} from './conditional';
import {ERR, gErr} from './errors';
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
  CopyPasteType: {
    PASTE_NORMAL: 'PASTE_NORMAL',
    PASTE_VALUES: 'PASTE_VALUES',
    PASTE_FORMAT: 'PASTE_FORMAT',
    PASTE_DATA_VALIDATION: 'PASTE_DATA_VALIDATION',
  },
  ChartType,
};

export class SpreadsheetAppImpl {
  readonly [API_CLASS] = 'SpreadsheetApp';
  readonly DataValidationCriteria = enums.DataValidationCriteria;
  readonly BooleanCriteria = enums.BooleanCriteria;
  readonly ProtectionType = enums.ProtectionType;
  readonly RelativeDate = enums.RelativeDate;
  readonly WrapStrategy = enums.WrapStrategy;
  readonly Dimension = enums.Dimension;
  readonly SheetType = enums.SheetType;
  readonly BorderStyle = enums.BorderStyle;
  readonly CopyPasteType = enums.CopyPasteType;

  constructor(readonly _book: Book) {}

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
  /** Only the bound spreadsheet: the manifest asks for spreadsheets.currentonly. */
  openById(id: string) {
    if (String(id) === this._book.model.id) return this._book.spreadsheetObject();
    throw gErr(
      'Exception: You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  }
  openByUrl(url: string) {
    if (String(url).includes(this._book.model.id)) return this._book.spreadsheetObject();
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
