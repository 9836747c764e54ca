/**
 * Data validation: SpreadsheetApp.newDataValidation() builder, DataValidation rules, and the
 * check Sheets applies when a person types into a cell whose rule rejects invalid input.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 * and .../data-validation-criteria.
 */
import {API_CLASS, unwrap} from './expose';
import {isDateObject} from './cells';
import {formatValue, isDateFormat} from './format';
import type {JsonValue, ValidationSpec} from './model';
import type {TypedValue} from './typed-input';

export const DataValidationCriteria = {
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
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
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  CHECKBOX: 'CHECKBOX',
} as const;

/** How the host turns stored JSON values back into Apps Script objects (Dates, Ranges). */
export interface ValueResolver {
  date(ms: number): Date;
  range(a1: string): unknown;
  /** 'Tab'!A1:B2 of a Range object passed by a script. */
  rangeA1(range: unknown): string;
}

export function toJson(v: unknown, resolver: ValueResolver): JsonValue {
  const u = unwrap(v);
  if (isDateObject(u)) return {date: u.getTime()};
  if (Array.isArray(u)) return u.map(x => toJson(x, resolver));
  if (typeof u === 'object' && u !== null && (u as {[API_CLASS]?: string})[API_CLASS] === 'Range')
    return {range: resolver.rangeA1(u)};
  if (u === undefined) return null;
  return u as JsonValue;
}

export function fromJson(v: JsonValue, resolver: ValueResolver): unknown {
  if (Array.isArray(v)) return v.map(x => fromJson(x, resolver));
  if (v && typeof v === 'object' && 'date' in v) return resolver.date(v.date);
  if (v && typeof v === 'object' && 'range' in v) return resolver.range(v.range);
  return v;
}

export class DataValidation {
  readonly [API_CLASS] = 'DataValidation';
  constructor(
    readonly _spec: ValidationSpec,
    private readonly resolver: ValueResolver,
  ) {}
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.resolver, structuredClone(this._spec));
  }
  getAllowInvalid(): boolean {
    return this._spec.allowInvalid;
  }
  getCriteriaType(): string {
    return this._spec.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._spec.values.map(v => fromJson(v, this.resolver));
  }
  getHelpText(): string | null {
    return this._spec.helpText ?? null;
  }
}

export class DataValidationBuilder {
  readonly [API_CLASS] = 'DataValidationBuilder';
  private spec: ValidationSpec;
  constructor(
    private readonly resolver: ValueResolver,
    spec?: ValidationSpec,
  ) {
    this.spec = spec ?? {criteria: '', values: [], allowInvalid: true};
  }
  private set(criteria: string, values: unknown[]): this {
    this.spec.criteria = criteria;
    this.spec.values = values.map(v => toJson(v, this.resolver));
    return this;
  }
  build(): DataValidation {
    if (!this.spec.criteria)
      throw new Error('You must specify a data validation criteria before calling build().');
    return new DataValidation(structuredClone(this.spec), this.resolver);
  }
  copy(): DataValidationBuilder {
    return new DataValidationBuilder(this.resolver, structuredClone(this.spec));
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getCriteriaType(): string | null {
    return this.spec.criteria || null;
  }
  getCriteriaValues(): unknown[] {
    return this.spec.values.map(v => fromJson(v, this.resolver));
  }
  getHelpText(): string | null {
    return this.spec.helpText ?? null;
  }
  setAllowInvalid(allow: boolean): this {
    this.spec.allowInvalid = !!allow;
    return this;
  }
  setHelpText(text: string): this {
    this.spec.helpText = String(text);
    return this;
  }
  withCriteria(criteria: string, args: unknown[]): this {
    return this.set(String(criteria), args);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    return this.set(
      'CHECKBOX',
      checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked],
    );
  }
  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(d: Date): this {
    return this.set('DATE_AFTER', [requireDateArg(d, 'requireDateAfter')]);
  }
  requireDateBefore(d: Date): this {
    return this.set('DATE_BEFORE', [requireDateArg(d, 'requireDateBefore')]);
  }
  requireDateBetween(a: Date, b: Date): this {
    return this.set('DATE_BETWEEN', [
      requireDateArg(a, 'requireDateBetween'),
      requireDateArg(b, 'requireDateBetween'),
    ]);
  }
  requireDateNotBetween(a: Date, b: Date): this {
    return this.set('DATE_NOT_BETWEEN', [
      requireDateArg(a, 'requireDateNotBetween'),
      requireDateArg(b, 'requireDateNotBetween'),
    ]);
  }
  requireDateEqualTo(d: Date): this {
    return this.set('DATE_EQUAL_TO', [requireDateArg(d, 'requireDateEqualTo')]);
  }
  requireDateOnOrAfter(d: Date): this {
    return this.set('DATE_ON_OR_AFTER', [requireDateArg(d, 'requireDateOnOrAfter')]);
  }
  requireDateOnOrBefore(d: Date): this {
    return this.set('DATE_ON_OR_BEFORE', [requireDateArg(d, 'requireDateOnOrBefore')]);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set('CUSTOM_FORMULA', [String(formula)]);
  }
  requireNumberBetween(a: number, b: number): this {
    return this.set('NUMBER_BETWEEN', [Number(a), Number(b)]);
  }
  requireNumberNotBetween(a: number, b: number): this {
    return this.set('NUMBER_NOT_BETWEEN', [Number(a), Number(b)]);
  }
  requireNumberEqualTo(n: number): this {
    return this.set('NUMBER_EQUAL_TO', [Number(n)]);
  }
  requireNumberNotEqualTo(n: number): this {
    return this.set('NUMBER_NOT_EQUAL_TO', [Number(n)]);
  }
  requireNumberGreaterThan(n: number): this {
    return this.set('NUMBER_GREATER_THAN', [Number(n)]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(n)]);
  }
  requireNumberLessThan(n: number): this {
    return this.set('NUMBER_LESS_THAN', [Number(n)]);
  }
  requireNumberLessThanOrEqualTo(n: number): this {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [Number(n)]);
  }
  requireTextContains(t: string): this {
    return this.set('TEXT_CONTAINS', [String(t)]);
  }
  requireTextDoesNotContain(t: string): this {
    return this.set('TEXT_DOES_NOT_CONTAIN', [String(t)]);
  }
  requireTextEqualTo(t: string): this {
    return this.set('TEXT_EQUAL_TO', [String(t)]);
  }
  requireTextIsEmail(): this {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    if (!Array.isArray(values))
      throw new Error(
        "The parameters (String) don't match the method signature for DataValidationBuilder.requireValueInList.",
      );
    return this.set('VALUE_IN_LIST', [values.map(String), showDropdown !== false]);
  }
  requireValueInRange(range: unknown, showDropdown = true): this {
    const u = unwrap(range) as {[API_CLASS]?: string} | null;
    if (!u || u[API_CLASS] !== 'Range')
      throw new Error(
        "The parameters (String) don't match the method signature for DataValidationBuilder.requireValueInRange.",
      );
    return this.set('VALUE_IN_RANGE', [u, showDropdown !== false]);
  }
}

function requireDateArg(d: unknown, method: string): Date {
  const u = unwrap(d);
  if (!isDateObject(u))
    throw new Error(
      `The parameters (${typeof d}) don't match the method signature for DataValidationBuilder.${method}.`,
    );
  return u;
}

/** What the checker needs from the workbook. */
export interface CheckEnv {
  /** Display texts of a stored range reference ('Tab'!A1:A9), for VALUE_IN_RANGE. */
  rangeTexts(a1: string): string[];
  /** Evaluates a CUSTOM_FORMULA for the edited cell after the value is in place. */
  formulaHolds(formula: string): boolean;
  /** A date serial in the spreadsheet time zone. */
  serialOf(ms: number): number;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?([\w-]+\.)+[\w-]{2,}(:\d+)?(\/\S*)?$/i;

function dateText(serial: number): string {
  return formatValue(serial, 'dd/mm/yyyy');
}

/**
 * The reason Sheets gives when typed input breaks a rule, or null when it passes. An empty
 * cell always passes (Sheets validates content, and clearing a cell is allowed).
 */
export function rejectionReason(
  spec: ValidationSpec,
  typed: TypedValue,
  text: string,
  env: CheckEnv,
): string | null {
  if (typed.value === '' && !typed.formula) return null;
  const v = typed.value;
  const isDate = typeof v === 'number' && isDateFormat(typed.numberFormat);
  const serial = (x: JsonValue) =>
    x && typeof x === 'object' && 'date' in x ? Math.floor(env.serialOf(x.date)) : Number(x);
  const n = typeof v === 'number' ? v : NaN;
  const vals = spec.values;
  const s = String(typed.formula ? text : v);
  const fail = (msg: string) => spec.helpText || msg;
  switch (spec.criteria) {
    case 'VALUE_IN_LIST': {
      const list = (vals[0] as string[]) ?? [];
      return list.includes(text.trim()) || list.includes(s)
        ? null
        : fail('Input must be an item on the specified list');
    }
    case 'VALUE_IN_RANGE': {
      const a1 = (vals[0] as {range: string}).range;
      return env.rangeTexts(a1).includes(text.trim())
        ? null
        : fail('Input must fall within specified range');
    }
    case 'DATE_IS_VALID_DATE':
      return isDate ? null : fail('Input must be a valid date');
    case 'DATE_AFTER':
    case 'DATE_BEFORE':
    case 'DATE_EQUAL_TO':
    case 'DATE_ON_OR_AFTER':
    case 'DATE_ON_OR_BEFORE': {
      const d = serial(vals[0]);
      const day = Math.floor(n);
      const ok =
        isDate &&
        ((spec.criteria === 'DATE_AFTER' && day > d) ||
          (spec.criteria === 'DATE_BEFORE' && day < d) ||
          (spec.criteria === 'DATE_EQUAL_TO' && day === d) ||
          (spec.criteria === 'DATE_ON_OR_AFTER' && day >= d) ||
          (spec.criteria === 'DATE_ON_OR_BEFORE' && day <= d));
      const words: Record<string, string> = {
        DATE_AFTER: 'after',
        DATE_BEFORE: 'before',
        DATE_EQUAL_TO: 'equal to',
        DATE_ON_OR_AFTER: 'on or after',
        DATE_ON_OR_BEFORE: 'on or before',
      };
      return ok ? null : fail(`Input must be a date ${words[spec.criteria]} ${dateText(d)}`);
    }
    case 'DATE_BETWEEN':
    case 'DATE_NOT_BETWEEN': {
      const [a, b] = [serial(vals[0]), serial(vals[1])];
      const inside = isDate && Math.floor(n) >= a && Math.floor(n) <= b;
      const ok = isDate && (spec.criteria === 'DATE_BETWEEN' ? inside : !inside);
      return ok
        ? null
        : fail(
            `Input must be a date ${spec.criteria === 'DATE_BETWEEN' ? 'between' : 'not between'} ${dateText(a)} and ${dateText(b)}`,
          );
    }
    case 'NUMBER_BETWEEN':
    case 'NUMBER_NOT_BETWEEN': {
      const [a, b] = [Number(vals[0]), Number(vals[1])];
      const inside = n >= a && n <= b;
      const ok = typeof v === 'number' && (spec.criteria === 'NUMBER_BETWEEN' ? inside : !inside);
      return ok
        ? null
        : fail(
            `Input must be a number ${spec.criteria === 'NUMBER_BETWEEN' ? 'between' : 'not between'} ${a} and ${b}`,
          );
    }
    case 'NUMBER_EQUAL_TO':
    case 'NUMBER_NOT_EQUAL_TO':
    case 'NUMBER_GREATER_THAN':
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
    case 'NUMBER_LESS_THAN':
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO': {
      const x = Number(vals[0]);
      const table: Record<string, [(a: number) => boolean, string]> = {
        NUMBER_EQUAL_TO: [a => a === x, 'equal to'],
        NUMBER_NOT_EQUAL_TO: [a => a !== x, 'not equal to'],
        NUMBER_GREATER_THAN: [a => a > x, 'greater than'],
        NUMBER_GREATER_THAN_OR_EQUAL_TO: [a => a >= x, 'greater than or equal to'],
        NUMBER_LESS_THAN: [a => a < x, 'less than'],
        NUMBER_LESS_THAN_OR_EQUAL_TO: [a => a <= x, 'less than or equal to'],
      };
      const [test, words] = table[spec.criteria];
      return typeof v === 'number' && test(n) ? null : fail(`Input must be a number ${words} ${x}`);
    }
    case 'TEXT_CONTAINS':
      return s.includes(String(vals[0])) ? null : fail(`Input must contain "${vals[0]}"`);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !s.includes(String(vals[0])) ? null : fail(`Input must not contain "${vals[0]}"`);
    case 'TEXT_EQUAL_TO':
      return s === String(vals[0]) ? null : fail(`Input must be exactly "${vals[0]}"`);
    case 'TEXT_IS_VALID_EMAIL':
      return EMAIL.test(s.trim()) ? null : fail('Input must be a valid email address');
    case 'TEXT_IS_VALID_URL':
      return URL_RE.test(s.trim()) ? null : fail('Input must be a valid URL');
    case 'CHECKBOX': {
      const allowed = vals.length ? vals.map(String) : ['TRUE', 'FALSE'];
      const shown = typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : s;
      return allowed.some(a => a.toLowerCase() === shown.toLowerCase())
        ? null
        : fail(`Input must be one of: ${allowed.join(', ')}`);
    }
    case 'CUSTOM_FORMULA':
      return env.formulaHolds(String(vals[0]))
        ? null
        : fail(`Input must satisfy formula: ${vals[0]}`);
    default:
      return null;
  }
}
