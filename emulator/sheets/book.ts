/**
 * What every Apps Script object of one spreadsheet shares: the run's ServiceContext, the
 * workbook model, the host (Ui, toast), and helpers to turn A1 text into ranges with
 * Google's errors.
 */
import type {ServiceContext} from '../context';
import {GridRect, parseA1, parseR1C1, rectToAbsolute, resolveRef, splitSheet} from './a1';
import {instantToSerial} from './dates';
import {ERR, gErr} from './errors';
import {unwrap} from './expose';
import {findSheet, SheetModel, WorkbookModel} from './model';
import type {ValueResolver} from './validation';
import {Range} from './range';
import {Sheet} from './sheet';
import {Protection} from './protection';
import {Spreadsheet} from './spreadsheet';
import type {RuleRanges} from './conditional';
import type {ProtectionSpec} from './model';

/** Apps Script's checks and messages for getRange(row, column, numRows, numColumns). */
export function checkRect(sheet: SheetModel, rect: GridRect): void {
  const nums = [rect.row, rect.col, rect.numRows, rect.numCols];
  if (nums.some(n => typeof n !== 'number' || Number.isNaN(n)))
    throw gErr("The parameters (String) don't match the method signature.");
  if (rect.row < 1) throw gErr(ERR.rowTooSmall());
  if (rect.col < 1) throw gErr(ERR.colTooSmall());
  if (rect.numRows < 1) throw gErr(ERR.numRowsTooSmall());
  if (rect.numCols < 1) throw gErr(ERR.numColsTooSmall());
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.col + rect.numCols - 1 > sheet.maxCols)
    throw gErr(ERR.outOfBounds());
}

export interface SheetsHost {
  getUi?(): unknown;
  toast?(msg: string, title?: string): void;
}

/** The SpreadsheetApp a book belongs to: it makes new spreadsheets (create, copy). */
export interface BookRegistry {
  createBook(name: string, rows?: number, columns?: number): Book;
}

export class Book {
  readonly resolver: ValueResolver;
  /** Set by SpreadsheetApp for every book it knows. */
  app?: BookRegistry;
  constructor(
    readonly ctx: ServiceContext,
    readonly model: WorkbookModel,
    readonly host: SheetsHost,
  ) {
    this.resolver = {
      date: ms => new model.DateCtor(ms),
      range: a1 => this.rangeFromA1(a1, undefined),
      rangeA1: r => {
        const range = unwrap(r) as {_sheet: SheetModel; _rect: GridRect};
        return rectToAbsolute(range._sheet.name, range._rect);
      },
    };
  }

  serialOf(ms: number): number {
    return instantToSerial(ms, this.model.timeZone);
  }

  /** Throws when the sheet was deleted since the object was made. */
  live(sheet: SheetModel): SheetModel {
    if (!this.model.sheets.includes(sheet)) throw gErr(ERR.sheetDeleted());
    return sheet;
  }

  activeSheet(): SheetModel {
    const m = this.model;
    return (
      m.sheets.find(s => s.hfId === m.active.sheet) ?? m.sheets.find(s => !s.hidden) ?? m.sheets[0]
    );
  }

  /** 'Tab!A1:B2' (or 'A1' on `defaultSheet`/the active sheet) → sheet and rectangle; "Range not found" otherwise. */
  resolveA1(
    a1: string,
    defaultSheet?: SheetModel,
  ): {sheet: SheetModel; rect: GridRect; open?: {rows?: boolean; cols?: boolean}} {
    if (typeof a1 !== 'string') throw gErr(ERR.rangeNotFound());
    const ref = parseA1(a1) ?? parseR1C1(a1);
    if (!ref) throw gErr(ERR.rangeNotFound());
    let sheet = defaultSheet ?? this.activeSheet();
    if (ref.sheetName !== undefined) {
      const found = findSheet(this.model, ref.sheetName);
      if (!found) throw gErr(ERR.rangeNotFound());
      sheet = found;
    }
    const rect = resolveRef(ref, sheet.maxRows, sheet.maxCols);
    if (
      rect.row < 1 ||
      rect.col < 1 ||
      rect.row + rect.numRows - 1 > sheet.maxRows ||
      rect.col + rect.numCols - 1 > sheet.maxCols
    ) {
      throw gErr(ERR.rangeNotFound());
    }
    const open =
      ref.endRow === undefined || ref.endCol === undefined
        ? {rows: ref.endRow === undefined, cols: ref.endCol === undefined}
        : undefined;
    return {sheet, rect, open};
  }

  rangeFromA1(a1: string, defaultSheet: SheetModel | undefined): unknown {
    const {sheet, rect, open} = this.resolveA1(a1, defaultSheet);
    return new Range(this, sheet, rect, open);
  }

  /** A Range on the sheet with Google's checks on the coordinates. */
  rangeAt(sheet: SheetModel, rect: GridRect): Range {
    checkRect(sheet, rect);
    return new Range(this, sheet, rect);
  }

  sheetObject(sheet: SheetModel): Sheet {
    return new Sheet(this, sheet);
  }

  spreadsheetObject(): Spreadsheet {
    return new Spreadsheet(this);
  }

  /** Conditional format rules keep rectangles on their own sheet. */
  ruleRanges(sheet: SheetModel): RuleRanges {
    return {
      toRange: rect => new Range(this, sheet, rect),
      toRect: r => {
        const range = unwrap(r) as Range;
        if (!range || !range._rect)
          throw gErr(
            "The parameters (String) don't match the method signature for ConditionalFormatRuleBuilder.setRanges.",
          );
        return {...range._rect};
      },
    };
  }

  addProtection(sheet: SheetModel, type: 'SHEET' | 'RANGE', rect?: GridRect): Protection {
    const spec: ProtectionSpec = {
      id: this.model.nextObjectId++,
      type,
      description: '',
      warningOnly: false,
      editors: [this.ctx.user],
    };
    if (rect) spec.rect = {...rect};
    sheet.protections.push(spec);
    return new Protection(this, sheet, spec);
  }

  /** Sheet name and range text of an A1 reference, without the sheet when it is absent. */
  static sheetPart(a1: string): string | undefined {
    return splitSheet(a1).sheetName;
  }
}
