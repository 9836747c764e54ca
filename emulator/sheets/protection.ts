/**
 * Protection of a sheet or range (developers.google.com/apps-script/reference/spreadsheet/protection).
 * The emulator records protections; it does not stop the script's own writes (Apps Script
 * does not either: the owner running a script may edit protected ranges).
 */
import type {GridRect} from './a1';
import type {Book} from './book';
import {API_CLASS, unwrap} from './expose';
import type {ProtectionSpec, SheetModel} from './model';

export const ProtectionType = {RANGE: 'RANGE', SHEET: 'SHEET'} as const;

class User {
  readonly [API_CLASS] = 'User';
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  toString(): string {
    return this.email;
  }
}

export class Protection {
  readonly [API_CLASS] = 'Protection';
  constructor(
    private readonly book: Book,
    private readonly sheet: SheetModel,
    readonly _spec: ProtectionSpec,
  ) {}
  private get gone(): boolean {
    return !this.sheet.protections.includes(this._spec);
  }
  getProtectionType(): string {
    return this._spec.type;
  }
  getDescription(): string {
    return this._spec.description;
  }
  setDescription(d: string): this {
    this._spec.description = String(d);
    return this;
  }
  isWarningOnly(): boolean {
    return this._spec.warningOnly;
  }
  setWarningOnly(w: boolean): this {
    this._spec.warningOnly = !!w;
    return this;
  }
  getRange(): unknown {
    const rect: GridRect = this._spec.rect ?? {
      row: 1,
      col: 1,
      numRows: this.sheet.maxRows,
      numCols: this.sheet.maxCols,
    };
    return this.book.rangeAt(this.sheet, rect);
  }
  setRange(range: unknown): this {
    this._spec.rect = {...(unwrap(range) as {_rect: GridRect})._rect};
    return this;
  }
  getRangeName(): string | null {
    return this._spec.rangeName ?? null;
  }
  /** Protects the range a name points at, and keeps the name (protection#setrangenamerangename). */
  setRangeName(rangeName: string): this {
    const r = this.book.spreadsheetObject().getRangeByName(String(rangeName));
    if (!r) throw new Error(`Invalid argument: ${rangeName}`);
    this._spec.rect = {...r._rect};
    this._spec.rangeName = String(rangeName);
    return this;
  }
  setNamedRange(namedRange: unknown): this {
    const n = unwrap(namedRange) as {getName?(): string};
    if (!n || typeof n.getName !== 'function')
      throw new Error(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Protection.setNamedRange.",
      );
    return this.setRangeName(n.getName());
  }
  remove(): void {
    this.sheet.protections = this.sheet.protections.filter(p => p !== this._spec);
  }
  canEdit(): boolean {
    return true;
  }
  canDomainEdit(): boolean {
    return this._spec.domainEdit ?? false;
  }
  setDomainEdit(e: boolean): this {
    this._spec.domainEdit = !!e;
    return this;
  }
  /** A warning-only protection has no editors (it stops no one); live Apps Script gives [] (gas-fakes test/testsheetsbasic.js). */
  getEditors(): User[] {
    if (this._spec.warningOnly) return [];
    return this._spec.editors.map(e => new User(e));
  }
  addEditor(e: unknown): this {
    const email = String(e);
    if (!this._spec.editors.includes(email)) this._spec.editors.push(email);
    return this;
  }
  addEditors(es: unknown[]): this {
    for (const e of es) this.addEditor(e);
    return this;
  }
  removeEditor(e: unknown): this {
    this._spec.editors = this._spec.editors.filter(x => x !== String(e));
    return this;
  }
  removeEditors(es: unknown[]): this {
    for (const e of es) this.removeEditor(e);
    return this;
  }
  setUnprotectedRanges(ranges: unknown[]): this {
    if (this._spec.type !== 'SHEET')
      throw new Error('Unprotected ranges can only be set on a sheet protection.');
    this._spec.unprotected = ranges.map(r => ({...(unwrap(r) as {_rect: GridRect})._rect}));
    return this;
  }
  getUnprotectedRanges(): unknown[] {
    return (this._spec.unprotected ?? []).map(r => this.book.rangeAt(this.sheet, r));
  }
  isRemoved(): boolean {
    return this.gone;
  }
}
