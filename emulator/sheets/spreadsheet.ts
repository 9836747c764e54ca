/**
 * Spreadsheet, as in developers.google.com/apps-script/reference/spreadsheet/spreadsheet.
 */
import {columnToLetters, quoteSheetName, rectToAbsolute} from './a1';
import type {Book} from './book';
import {ERR, gErr, signatureError} from './errors';
import {RangeList} from './range-list';
import {TextFinder} from './text-finder';
import {API_CLASS, unwrap} from './expose';
import {findSheet, newSheetModel} from './model';
import {Protection} from './protection';
import {Range} from './range';
import {Sheet} from './sheet';
import {forgetSheetReferences} from './structure';
import {nameToEngine} from './formula-shift';

const NAME_RE = /^[A-Za-z_\\][A-Za-z0-9_.]*$/;

/** Sheets refuses names that look like cell references (A1, R1C1) or booleans. */
export function isValidRangeName(name: string): boolean {
  return (
    NAME_RE.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^R\d*C\d*$/i.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name) &&
    name.length <= 250
  );
}

export class NamedRange {
  readonly [API_CLASS] = 'NamedRange';
  constructor(
    private readonly book: Book,
    private name: string,
  ) {}
  getName(): string {
    return this.name;
  }
  getRange(): Range | null {
    return namedRangeTarget(this.book, this.name);
  }
  remove(): void {
    removeName(this.book, this.name);
  }
  setName(name: string): this {
    const r = this.getRange();
    removeName(this.book, this.name);
    if (r) defineName(this.book, String(name), r);
    this.name = String(name);
    return this;
  }
  setRange(range: unknown): this {
    if (repointName(this.book, this.name, unwrap(range) as Range)) return this;
    removeName(this.book, this.name);
    defineName(this.book, this.name, unwrap(range) as Range);
    return this;
  }
}

/**
 * What a named range holds, as Sheets keeps it: a range made from A1 text with an open end
 * stays open ('Actions'!$G:$G counts rows added later). A whole column, or a range open below a
 * first row ('Actions'!$G$2:$G), is kept in model.openNames and reaches the engine closed at the
 * sheet's last row (re-closed when rows are added: formula-shift.ts nameToEngine says why);
 * HyperFormula holds whole rows itself.
 */
function nameDefinition(range: Range): {engine: string; open?: string} {
  const {name} = range._sheet;
  const r = range._rect;
  const o = range._open;
  const sheet = quoteSheetName(name);
  const c1 = `$${columnToLetters(r.col)}`;
  const c2 = `$${columnToLetters(r.col + r.numCols - 1)}`;
  if (o?.rows && !o.cols) {
    if (r.row === 1) {
      const whole = `${sheet}!${c1}:${c2}`;
      return {engine: `=${nameToEngine(whole, () => range._sheet.maxRows)}`, open: whole};
    }
    return {engine: `=${rectToAbsolute(name, r)}`, open: `${sheet}!${c1}$${r.row}:${c2}`};
  }
  if (o?.cols && !o.rows && r.col === 1)
    return {engine: `=${sheet}!$${r.row}:$${r.row + r.numRows - 1}`};
  return {engine: `=${rectToAbsolute(name, r)}`};
}

export function defineName(book: Book, name: string, range: Range): void {
  const m = book.model;
  if (!isValidRangeName(name)) throw gErr(ERR.badNamedRangeName(name));
  const {engine, open} = nameDefinition(range);
  const existing = existingName(book, name);
  if (existing) {
    m.hf.changeNamedExpression(existing, engine);
    delete m.openNames[existing];
    if (open) m.openNames[existing] = open;
  } else {
    m.hf.addNamedExpression(name, engine);
    m.namedRanges.push(name);
    if (open) m.openNames[name] = open;
  }
}

/**
 * NamedRange.setRange as removing the name and defining it again leaves it (last among the
 * names), without the engine doing both: it changes the name in one step, or not at all when
 * the name points there already (set-up points every name on each run). Each step recomputes
 * every formula that uses the name. False, with nothing done, where removing and defining could
 * end otherwise (or fail): they then run.
 */
function repointName(book: Book, name: string, range: Range): boolean {
  const m = book.model;
  if (existingName(book, name) !== name || !isValidRangeName(name)) return false;
  let def: ReturnType<typeof nameDefinition>;
  try {
    def = nameDefinition(range);
    if (m.hf.getNamedExpressionFormula(name) !== def.engine)
      m.hf.changeNamedExpression(name, def.engine);
  } catch {
    return false;
  }
  m.namedRanges = [...m.namedRanges.filter(n => n !== name), name];
  delete m.openNames[name];
  if (def.open) m.openNames[name] = def.open;
  return true;
}

function existingName(book: Book, name: string): string | undefined {
  return book.model.namedRanges.find(n => n.toLowerCase() === name.toLowerCase());
}

export function removeName(book: Book, name: string): void {
  const found = existingName(book, name);
  if (!found) throw gErr(`Named range "${name}" does not exist.`);
  book.model.hf.removeNamedExpression(found);
  book.model.namedRanges = book.model.namedRanges.filter(n => n !== found);
  delete book.model.openNames[found];
}

/** The range a name points at now (HyperFormula keeps it up to date as rows move); null once its cells are deleted. */
export function namedRangeTarget(book: Book, name: string): Range | null {
  const found = existingName(book, name);
  if (!found) return null;
  const formula = book.model.openNames[found] ?? book.model.hf.getNamedExpressionFormula(found);
  if (!formula || formula.includes('#REF!')) return null;
  try {
    return book.rangeFromA1(formula.replace(/^=/, '').replace(/\$/g, ''), undefined) as Range;
  } catch {
    return null;
  }
}

export class Selection {
  readonly [API_CLASS] = 'Selection';
  constructor(private readonly book: Book) {}
  getActiveRange(): Range | null {
    return this.book.spreadsheetObject().getActiveRange();
  }
  getActiveSheet(): Sheet {
    return this.book.sheetObject(this.book.activeSheet());
  }
  getCurrentCell(): Range | null {
    const r = this.getActiveRange();
    return r
      ? new Range(this.book, r._sheet, {row: r._rect.row, col: r._rect.col, numRows: 1, numCols: 1})
      : null;
  }
  getActiveRangeList(): null {
    return null;
  }
}

export class Spreadsheet {
  readonly [API_CLASS] = 'Spreadsheet';
  constructor(readonly _book: Book) {}
  private get model() {
    return this._book.model;
  }

  getId(): string {
    return this.model.id;
  }
  getName(): string {
    return this.model.name;
  }
  rename(name: string): void {
    this.model.name = String(name);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.model.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.model.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this.model.timeZone = String(tz);
  }
  getSpreadsheetLocale(): string {
    return this.model.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.model.locale = String(locale);
  }

  // --- sheets ---
  getSheets(): Sheet[] {
    return this.model.sheets.map(s => new Sheet(this._book, s));
  }
  getNumSheets(): number {
    return this.model.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const s = findSheet(this.model, String(name));
    return s ? new Sheet(this._book, s) : null;
  }
  getSheetById(id: number): Sheet | null {
    const s = this.model.sheets.find(x => x.sheetId === id);
    return s ? new Sheet(this._book, s) : null;
  }
  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). The new sheet becomes active. */
  insertSheet(a?: unknown, b?: unknown): Sheet {
    const m = this.model;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (name === undefined) {
      let n = m.sheets.length + 1;
      while (findSheet(m, `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (findSheet(m, name)) throw gErr(ERR.sheetExists(name));
    if (!name.trim()) throw gErr(ERR.invalidArgument('sheetName'));
    const added = m.hf.addSheet(name);
    const s = newSheetModel(m, added, m.hf.getSheetId(added)!);
    const active = this._book.activeSheet();
    const at =
      index !== undefined
        ? Math.max(0, Math.min(index, m.sheets.length))
        : m.sheets.indexOf(active) + 1;
    m.sheets.splice(at, 0, s);
    m.active = {sheet: s.hfId, range: {row: 1, col: 1, numRows: 1, numCols: 1}};
    return new Sheet(this._book, s);
  }
  deleteSheet(sheet: unknown): void {
    const m = this.model;
    const s = (unwrap(sheet) as Sheet)._sheet;
    if (!s || !m.sheets.includes(s)) throw gErr(ERR.sheetDeleted());
    if (m.sheets.length === 1) throw gErr(ERR.deleteOnlySheet());
    m.hf.removeSheet(s.hfId);
    m.sheets = m.sheets.filter(x => x !== s);
    forgetSheetReferences(m, s.name);
    if (m.active.sheet === s.hfId) m.active = {};
  }
  getActiveSheet(): Sheet {
    return new Sheet(this._book, this._book.activeSheet());
  }
  setActiveSheet(sheet: unknown): Sheet {
    const s = (unwrap(sheet) as Sheet)._sheet;
    this.model.active = {sheet: s.hfId, range: {row: 1, col: 1, numRows: 1, numCols: 1}};
    return new Sheet(this._book, s);
  }
  moveActiveSheet(pos: number): void {
    const m = this.model;
    const s = this._book.activeSheet();
    m.sheets = m.sheets.filter(x => x !== s);
    m.sheets.splice(Math.max(0, Math.min(pos - 1, m.sheets.length)), 0, s);
  }
  getActiveRange(): Range | null {
    const a = this.model.active;
    const s = this._book.activeSheet();
    if (!a.range || a.sheet !== s.hfId)
      return new Range(this._book, s, {row: 1, col: 1, numRows: 1, numCols: 1});
    return new Range(this._book, s, a.range);
  }
  getActiveCell(): Range {
    const r = this.getActiveRange()!;
    return new Range(this._book, r._sheet, {
      row: r._rect.row,
      col: r._rect.col,
      numRows: 1,
      numCols: 1,
    });
  }
  getCurrentCell(): Range {
    return this.getActiveCell();
  }
  setActiveRange(range: unknown): Range {
    const r = unwrap(range) as Range;
    this.model.active = {sheet: r._sheet.hfId, range: {...r._rect}};
    return r;
  }
  setActiveSelection(a: unknown): Range {
    const r =
      typeof a === 'string'
        ? (this._book.rangeFromA1(a, undefined) as Range)
        : (unwrap(a) as Range);
    return this.setActiveRange(r);
  }
  getSelection(): Selection {
    return new Selection(this._book);
  }

  // --- ranges and names ---
  getRange(a1: string): Range {
    return this._book.rangeFromA1(a1, undefined) as Range;
  }
  getRangeByName(name: string): Range | null {
    return namedRangeTarget(this._book, String(name));
  }
  setNamedRange(name: string, range: unknown): void {
    defineName(this._book, String(name), unwrap(range) as Range);
  }
  removeNamedRange(name: string): void {
    removeName(this._book, String(name));
  }
  getNamedRanges(): NamedRange[] {
    return this.model.namedRanges.map(n => new NamedRange(this._book, n));
  }
  getProtections(type: string): Protection[] {
    const out: Protection[] = [];
    for (const s of this.model.sheets)
      for (const p of s.protections)
        if (p.type === String(type)) out.push(new Protection(this._book, s, p));
    return out;
  }
  getLastRow(): number {
    return this.getActiveSheet().getLastRow();
  }
  getLastColumn(): number {
    return this.getActiveSheet().getLastColumn();
  }
  getDataRange(): Range {
    return this.getActiveSheet().getDataRange();
  }
  getSheetName(): string {
    return this._book.activeSheet().name;
  }

  // --- messages ---
  toast(msg: unknown, title?: unknown, _timeoutSeconds?: number): void {
    this._book.host.toast?.(String(msg), title === undefined ? undefined : String(title));
  }
  getOwner(): {getEmail(): string} {
    const email = this._book.ctx.user;
    return {getEmail: () => email};
  }

  // --- menus and dialogs (through the spreadsheet's Ui) ---
  /**
   * addMenu(name, [{name, functionName}, null, ...]): null entries are separators
   * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#addmenuname,-submenus).
   */
  addMenu(name: string, subMenus: unknown): void {
    if (typeof name !== 'string' || !Array.isArray(subMenus))
      throw signatureError([name, subMenus], 'Spreadsheet.addMenu');
    const ui = this.ui();
    const menu = ui.createMenu(name);
    for (const entry of subMenus) {
      if (entry === null || entry === undefined) menu.addSeparator();
      else {
        const e = entry as {name?: unknown; functionName?: unknown};
        menu.addItem(String(e.name), String(e.functionName));
      }
    }
    menu.addToUi();
  }
  updateMenu(name: string, subMenus: unknown): void {
    this.addMenu(name, subMenus);
  }
  /** Shows an HtmlOutput as a dialog (spreadsheet#showuserinterface). */
  show(userInterface: unknown): void {
    const out = userInterface as {getTitle?(): string};
    this.ui().showModalDialog(userInterface, out?.getTitle?.() ?? '');
  }
  private ui(): {
    createMenu(t: string): {
      addItem(c: string, f: string): unknown;
      addSeparator(): unknown;
      addToUi(): void;
    };
    showModalDialog(o: unknown, t: string): void;
  } {
    const host = this._book.host;
    const ui = host.getUi?.();
    if (!ui) throw gErr(ERR.noUi());
    return ui as ReturnType<Spreadsheet['ui']>;
  }

  // --- sharing, kept for the run ---
  private people(role: 'editors' | 'viewers'): string[] {
    const m = this.model as {editors?: string[]; viewers?: string[]};
    return (m[role] ??= []);
  }
  private user(email: string): {getEmail(): string; toString(): string} {
    return {getEmail: () => email, toString: () => email};
  }
  addEditor(emailAddress: unknown): this {
    return this.addPeople('editors', [emailAddress]);
  }
  addEditors(emailAddresses: unknown[]): this {
    return this.addPeople('editors', Array.from(emailAddresses ?? []));
  }
  addViewer(emailAddress: unknown): this {
    return this.addPeople('viewers', [emailAddress]);
  }
  addViewers(emailAddresses: unknown[]): this {
    return this.addPeople('viewers', Array.from(emailAddresses ?? []));
  }
  removeEditor(emailAddress: unknown): this {
    const e = emailText(emailAddress);
    const m = this.model as {editors?: string[]};
    m.editors = this.people('editors').filter(x => x !== e);
    return this;
  }
  removeViewer(emailAddress: unknown): this {
    const e = emailText(emailAddress);
    const m = this.model as {viewers?: string[]};
    m.viewers = this.people('viewers').filter(x => x !== e);
    return this;
  }
  getEditors(): {getEmail(): string}[] {
    return [this._book.ctx.user, ...this.people('editors')].map(e => this.user(e));
  }
  getViewers(): {getEmail(): string}[] {
    return this.people('viewers').map(e => this.user(e));
  }
  private addPeople(role: 'editors' | 'viewers', who: unknown[]): this {
    const list = this.people(role);
    for (const w of who) {
      const e = emailText(w);
      if (!list.includes(e) && e !== this._book.ctx.user) list.push(e);
    }
    return this;
  }

  // --- the active sheet's and other whole-spreadsheet methods ---
  getSheetId(): number {
    return this._book.activeSheet().sheetId;
  }
  getKey(): string {
    return this.model.id;
  }
  renameActiveSheet(newName: string): void {
    this.getActiveSheet().setName(newName);
  }
  deleteActiveSheet(): Sheet {
    this.deleteSheet(this.getActiveSheet());
    return this.getActiveSheet();
  }
  duplicateActiveSheet(): Sheet {
    const made = this.getActiveSheet().copyTo(this);
    return this.setActiveSheet(made);
  }
  getRangeList(a1Notations: unknown): RangeList {
    return this.getActiveSheet().getRangeList(a1Notations);
  }
  getActiveRangeList(): RangeList | null {
    return this.getActiveSheet().getActiveRangeList();
  }
  setActiveRangeList(rangeList: unknown): RangeList {
    return this.getActiveSheet().setActiveRangeList(rangeList);
  }
  setCurrentCell(cell: unknown): Range {
    return this.setActiveRange(cell);
  }
  createTextFinder(findText: string): TextFinder {
    return new TextFinder(
      this._book,
      () =>
        this.model.sheets.map(sh => ({
          sheet: sh,
          rect: {row: 1, col: 1, numRows: sh.maxRows, numCols: sh.maxCols},
        })),
      findText,
    );
  }
  /** A copy of the whole spreadsheet, kept for the run (spreadsheet#copyname). */
  copy(name: string): Spreadsheet {
    const app = this._book.app;
    if (!app) throw new Error('not yet emulated: Spreadsheet.copy');
    const made = app.createBook(String(name));
    const dest = made.spreadsheetObject();
    const first = made.model.sheets[0];
    for (const s of this.getSheets()) {
      const copied = s.copyTo(dest);
      copied.setName(s.getName());
    }
    dest.deleteSheet(new Sheet(made, first));
    return dest;
  }
  isIterativeCalculationEnabled(): boolean {
    return false;
  }
  getRecalculationInterval(): string {
    return 'ON_CHANGE';
  }
  getFormUrl(): null {
    return null;
  }
  getBandings(): never[] {
    return [];
  }
  getImages(): never[] {
    return [];
  }
  getDataSourceTables(): never[] {
    return [];
  }
  toString(): string {
    return 'Spreadsheet';
  }
}

function emailText(who: unknown): string {
  if (who && typeof (who as {getEmail?: unknown}).getEmail === 'function')
    return String((who as {getEmail(): string}).getEmail());
  if (typeof who === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(who.trim())) return who.trim();
  throw new Error(`Invalid argument: ${String(who)}`);
}

/** Spreadsheet methods that act on the active sheet (spreadsheet#appendrowrowcontents and the like). */
const ON_ACTIVE_SHEET = [
  'appendRow',
  'autoResizeColumn',
  'deleteColumn',
  'deleteColumns',
  'deleteRow',
  'deleteRows',
  'getColumnWidth',
  'getFrozenColumns',
  'getFrozenRows',
  'getRowHeight',
  'getSheetValues',
  'hideColumn',
  'hideRow',
  'insertColumnAfter',
  'insertColumnBefore',
  'insertColumnsAfter',
  'insertColumnsBefore',
  'insertRowAfter',
  'insertRowBefore',
  'insertRowsAfter',
  'insertRowsBefore',
  'isColumnHiddenByUser',
  'isRowHiddenByFilter',
  'isRowHiddenByUser',
  'setColumnWidth',
  'setFrozenColumns',
  'setFrozenRows',
  'setRowHeight',
  'sort',
  'unhideColumn',
  'unhideRow',
] as const;

for (const name of ON_ACTIVE_SHEET) {
  Object.defineProperty(Spreadsheet.prototype, name, {
    configurable: true,
    writable: true,
    value(this: Spreadsheet, ...args: unknown[]) {
      const sheet = this.getActiveSheet() as unknown as Record<
        string,
        (...a: unknown[]) => unknown
      >;
      const out = sheet[name](...args);
      return out === sheet ? this.getActiveSheet() : out;
    },
  });
}
