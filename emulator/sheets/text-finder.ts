/**
 * TextFinder (developers.google.com/apps-script/reference/spreadsheet/text-finder): finds text
 * in the cells of a range, a sheet or every sheet, as displayed (or in formulas with
 * matchFormulaText), and replaces it. Replacing changes the cell's text as typed: a formula's
 * text when matching formulas, the displayed value otherwise.
 */
import type {GridRect} from './a1';
import type {Book} from './book';
import {readDisplay, readFormulas, writeValues} from './cells';
import {API_CLASS} from './expose';
import type {SheetModel} from './model';
import type {Range} from './range';

interface Scope {
  sheet: SheetModel;
  rect: GridRect;
}

export class TextFinder {
  readonly [API_CLASS] = 'TextFinder';
  private opts = {
    matchCase: false,
    entireCell: false,
    regex: false,
    formulas: false,
    diacritics: false,
  };
  private current = -1;
  private start: {sheet: SheetModel; row: number; col: number} | null = null;

  constructor(
    private readonly book: Book,
    private readonly scopes: () => Scope[],
    private readonly text: string,
  ) {
    if (typeof text !== 'string' || text === '') throw new Error('Invalid argument: findText');
  }

  matchCase(v: boolean): this {
    this.opts.matchCase = !!v;
    return this;
  }
  matchEntireCell(v: boolean): this {
    this.opts.entireCell = !!v;
    return this;
  }
  useRegularExpression(v: boolean): this {
    this.opts.regex = !!v;
    return this;
  }
  matchFormulaText(v: boolean): this {
    this.opts.formulas = !!v;
    return this;
  }
  ignoreDiacritics(v: boolean): this {
    this.opts.diacritics = !!v;
    return this;
  }
  startFrom(range: unknown): this {
    const r = range as Range;
    this.start = {sheet: r._sheet, row: r._rect.row, col: r._rect.col};
    this.current = -1;
    return this;
  }

  private pattern(global: boolean): RegExp {
    const source = this.opts.regex ? this.text : this.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const whole = this.opts.entireCell ? `^(?:${source})$` : source;
    return new RegExp(whole, (this.opts.matchCase ? '' : 'i') + (global ? 'g' : ''));
  }
  private fold(s: string): string {
    return this.opts.diacritics ? s.normalize('NFD').replace(/\p{M}/gu, '') : s;
  }

  /** Every matching cell, in order: sheet by sheet, row by row. */
  private matches(): {sheet: SheetModel; row: number; col: number; text: string}[] {
    const re = this.pattern(false);
    const out: {sheet: SheetModel; row: number; col: number; text: string}[] = [];
    for (const {sheet, rect} of this.scopes()) {
      const shown = readDisplay(this.book.model, sheet, rect);
      const formulas = this.opts.formulas ? readFormulas(this.book.model, sheet, rect) : null;
      for (let i = 0; i < rect.numRows; i++) {
        for (let j = 0; j < rect.numCols; j++) {
          const text = formulas?.[i][j] || shown[i][j];
          if (text !== '' && re.test(this.fold(text)))
            out.push({sheet, row: rect.row + i, col: rect.col + j, text});
        }
      }
    }
    return out;
  }
  private rangeAt(m: {sheet: SheetModel; row: number; col: number}): Range {
    // Through the book, which makes Ranges: this module and range.ts would otherwise import each other.
    return this.book.rangeAt(m.sheet, {row: m.row, col: m.col, numRows: 1, numCols: 1});
  }

  findAll(): Range[] {
    return this.matches().map(m => this.rangeAt(m));
  }
  findNext(): Range | null {
    const all = this.matches();
    if (!all.length) return null;
    if (this.current < 0 && this.start) {
      const s = this.start;
      const after = all.findIndex(
        m => m.sheet === s.sheet && (m.row > s.row || (m.row === s.row && m.col > s.col)),
      );
      this.current = after < 0 ? 0 : after;
    } else this.current = (this.current + 1) % all.length;
    return this.rangeAt(all[this.current]);
  }
  findPrevious(): Range | null {
    const all = this.matches();
    if (!all.length) return null;
    this.current = this.current <= 0 ? all.length - 1 : this.current - 1;
    return this.rangeAt(all[this.current]);
  }
  getCurrentMatch(): Range | null {
    const all = this.matches();
    return this.current >= 0 && all[this.current] ? this.rangeAt(all[this.current]) : null;
  }
  /** Replaces in every match; returns how many cells changed. */
  replaceAllWith(replaceText: string): number {
    const all = this.matches();
    for (const m of all) this.replaceIn(m, String(replaceText));
    return all.length;
  }
  replaceWith(replaceText: string): number {
    const all = this.matches();
    const m = all[this.current];
    if (!m) return 0;
    this.replaceIn(m, String(replaceText));
    return 1;
  }
  private replaceIn(m: {sheet: SheetModel; row: number; col: number; text: string}, to: string) {
    const next = this.fold(m.text).replace(this.pattern(true), to);
    const rect = {row: m.row, col: m.col, numRows: 1, numCols: 1};
    writeValues(this.book.model, m.sheet, rect, [[next]]);
  }
}
