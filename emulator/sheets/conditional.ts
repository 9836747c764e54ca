/**
 * Conditional format rules: SpreadsheetApp.newConditionalFormatRule() builder and the rules
 * kept per sheet (boolean conditions only; gradients are not emulated).
 * Reference: developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder
 */
import {API_CLASS, unwrap} from './expose';
import type {CondFormatSpec} from './model';
import {fromJson, toJson, ValueResolver} from './validation';

export const BooleanCriteria = {
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_NOT_EQUAL_TO: 'DATE_NOT_EQUAL_TO',
  DATE_AFTER_RELATIVE: 'DATE_AFTER_RELATIVE',
  DATE_BEFORE_RELATIVE: 'DATE_BEFORE_RELATIVE',
  DATE_EQUAL_TO_RELATIVE: 'DATE_EQUAL_TO_RELATIVE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_NOT_EQUAL_TO: 'TEXT_NOT_EQUAL_TO',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
} as const;

export const RelativeDate = {
  TODAY: 'TODAY',
  TOMORROW: 'TOMORROW',
  YESTERDAY: 'YESTERDAY',
  PAST_WEEK: 'PAST_WEEK',
  PAST_MONTH: 'PAST_MONTH',
  PAST_YEAR: 'PAST_YEAR',
} as const;

/** Converts between the rules' ranges (grid rectangles on the sheet) and Range objects. */
export interface RuleRanges {
  toRange(rect: CondFormatSpec['ranges'][number]): unknown;
  toRect(range: unknown): CondFormatSpec['ranges'][number];
}

export class BooleanCondition {
  readonly [API_CLASS] = 'BooleanCondition';
  constructor(
    private readonly spec: CondFormatSpec,
    private readonly resolver: ValueResolver,
  ) {}
  getCriteriaType(): string {
    return this.spec.condition!.type;
  }
  getCriteriaValues(): unknown[] {
    return this.spec.condition!.values.map(v => fromJson(v, this.resolver));
  }
  getBackground(): string | null {
    return this.spec.format.background ?? null;
  }
  getBackgroundObject(): null {
    return null;
  }
  getFontColor(): string | null {
    return this.spec.format.fontColor ?? null;
  }
  getBold(): boolean | null {
    return this.spec.format.bold ?? null;
  }
  getItalic(): boolean | null {
    return this.spec.format.italic ?? null;
  }
  getStrikethrough(): boolean | null {
    return this.spec.format.strikethrough ?? null;
  }
  getUnderline(): boolean | null {
    return this.spec.format.underline ?? null;
  }
}

export class ConditionalFormatRule {
  readonly [API_CLASS] = 'ConditionalFormatRule';
  constructor(
    readonly _spec: CondFormatSpec,
    private readonly resolver: ValueResolver,
    private readonly ranges: RuleRanges,
  ) {}
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(
      this.resolver,
      this.ranges,
      structuredClone(this._spec),
    );
  }
  getBooleanCondition(): BooleanCondition | null {
    return this._spec.condition ? new BooleanCondition(this._spec, this.resolver) : null;
  }
  getGradientCondition(): null {
    return null;
  }
  getRanges(): unknown[] {
    return this._spec.ranges.map(r => this.ranges.toRange(r));
  }
}

export class ConditionalFormatRuleBuilder {
  readonly [API_CLASS] = 'ConditionalFormatRuleBuilder';
  private spec: CondFormatSpec;
  constructor(
    private readonly resolver: ValueResolver,
    private readonly rangeConv: RuleRanges,
    spec?: CondFormatSpec,
  ) {
    this.spec = spec ?? {ranges: [], condition: null, format: {}};
  }
  private when(type: string, values: unknown[]): this {
    this.spec.condition = {type, values: values.map(v => toJson(v, this.resolver))};
    return this;
  }
  build(): ConditionalFormatRule {
    if (!this.spec.condition)
      throw new Error('You must set a condition for the conditional format rule.');
    return new ConditionalFormatRule(structuredClone(this.spec), this.resolver, this.rangeConv);
  }
  copy(): ConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilder(
      this.resolver,
      this.rangeConv,
      structuredClone(this.spec),
    );
  }
  getBooleanCondition(): BooleanCondition | null {
    return this.spec.condition ? new BooleanCondition(this.spec, this.resolver) : null;
  }
  getRanges(): unknown[] {
    return this.spec.ranges.map(r => this.rangeConv.toRange(r));
  }
  setRanges(ranges: unknown[]): this {
    this.spec.ranges = ranges.map(r => this.rangeConv.toRect(unwrap(r)));
    return this;
  }
  setBackground(color: string | null): this {
    if (color === null) delete this.spec.format.background;
    else this.spec.format.background = String(color);
    return this;
  }
  setFontColor(color: string | null): this {
    if (color === null) delete this.spec.format.fontColor;
    else this.spec.format.fontColor = String(color);
    return this;
  }
  setBold(b: boolean | null): this {
    if (b === null) delete this.spec.format.bold;
    else this.spec.format.bold = !!b;
    return this;
  }
  setItalic(b: boolean | null): this {
    if (b === null) delete this.spec.format.italic;
    else this.spec.format.italic = !!b;
    return this;
  }
  setStrikethrough(b: boolean | null): this {
    if (b === null) delete this.spec.format.strikethrough;
    else this.spec.format.strikethrough = !!b;
    return this;
  }
  setUnderline(b: boolean | null): this {
    if (b === null) delete this.spec.format.underline;
    else this.spec.format.underline = !!b;
    return this;
  }
  whenCellEmpty(): this {
    return this.when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.when('CELL_NOT_EMPTY', []);
  }
  whenDateAfter(d: unknown): this {
    return this.when(typeof d === 'string' ? 'DATE_AFTER_RELATIVE' : 'DATE_AFTER', [d]);
  }
  whenDateBefore(d: unknown): this {
    return this.when(typeof d === 'string' ? 'DATE_BEFORE_RELATIVE' : 'DATE_BEFORE', [d]);
  }
  whenDateEqualTo(d: unknown): this {
    return this.when(typeof d === 'string' ? 'DATE_EQUAL_TO_RELATIVE' : 'DATE_EQUAL_TO', [d]);
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('CUSTOM_FORMULA', [String(formula)]);
  }
  whenNumberBetween(a: number, b: number): this {
    return this.when('NUMBER_BETWEEN', [a, b]);
  }
  whenNumberNotBetween(a: number, b: number): this {
    return this.when('NUMBER_NOT_BETWEEN', [a, b]);
  }
  whenNumberEqualTo(n: number): this {
    return this.when('NUMBER_EQUAL_TO', [n]);
  }
  whenNumberNotEqualTo(n: number): this {
    return this.when('NUMBER_NOT_EQUAL_TO', [n]);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when('NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): this {
    return this.when('NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenTextContains(t: string): this {
    return this.when('TEXT_CONTAINS', [String(t)]);
  }
  whenTextDoesNotContain(t: string): this {
    return this.when('TEXT_DOES_NOT_CONTAIN', [String(t)]);
  }
  whenTextEqualTo(t: string): this {
    return this.when('TEXT_EQUAL_TO', [String(t)]);
  }
  whenTextStartsWith(t: string): this {
    return this.when('TEXT_STARTS_WITH', [String(t)]);
  }
  whenTextEndsWith(t: string): this {
    return this.when('TEXT_ENDS_WITH', [String(t)]);
  }
  withCriteria(criteria: string, args: unknown[]): this {
    return this.when(String(criteria), args);
  }
}
