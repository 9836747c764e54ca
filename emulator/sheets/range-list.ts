/**
 * RangeList (developers.google.com/apps-script/reference/spreadsheet/range-list): several ranges
 * on one sheet changed together. Each method applies the Range method of the same name to every
 * range and returns the list.
 */
import {gErr} from './errors';
import {API_CLASS} from './expose';
import type {Range} from './range';

/** The RangeList methods that apply a Range method to each range. */
const EACH = [
  'activate',
  'breakApart',
  'check',
  'clear',
  'clearContent',
  'clearDataValidations',
  'clearFormat',
  'clearNote',
  'insertCheckboxes',
  'removeCheckboxes',
  'setBackground',
  'setBackgroundRGB',
  'setBorder',
  'setFontColor',
  'setFontFamily',
  'setFontLine',
  'setFontSize',
  'setFontStyle',
  'setFontWeight',
  'setFormula',
  'setFormulaR1C1',
  'setHorizontalAlignment',
  'setNote',
  'setNumberFormat',
  'setShowHyperlink',
  'setTextDirection',
  'setTextRotation',
  'setValue',
  'setVerticalAlignment',
  'setVerticalText',
  'setWrap',
  'setWrapStrategy',
  'trimWhitespace',
  'uncheck',
] as const;

export class RangeList {
  readonly [API_CLASS] = 'RangeList';
  /**
   * Google documents a RangeList as "a collection of one or more Range instances in the same
   * sheet" (reference/spreadsheet/range-list, and getRangeList on Spreadsheet and Sheet: "the
   * ranges in the same sheet"). A1 notations naming other tabs ('Members'!A:Z) are refused
   * here rather than read across tabs, which no script can rely on in Sheets.
   */
  constructor(readonly _ranges: Range[]) {
    const names = [...new Set(_ranges.map(r => r._sheet.name))];
    if (names.length > 1)
      throw gErr(
        `A RangeList holds ranges of one sheet; these are on ${names.map(n => `"${n}"`).join(', ')}.`,
      );
  }
  getRanges(): Range[] {
    return [...this._ranges];
  }
  toString(): string {
    return 'RangeList';
  }
}

for (const name of EACH) {
  Object.defineProperty(RangeList.prototype, name, {
    configurable: true,
    writable: true,
    value(this: RangeList, ...args: unknown[]) {
      for (const r of this._ranges) {
        const f = (r as unknown as Record<string, unknown>)[name];
        if (typeof f !== 'function') throw new Error(`not yet emulated: RangeList.${name}`);
        (f as (...a: unknown[]) => unknown).apply(r, args);
      }
      return this;
    },
  });
}
