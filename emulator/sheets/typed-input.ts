/**
 * What Sheets makes of text a person types (and of strings a script writes with setValue/
 * setValues, which Sheets parses the same way, as USER_ENTERED): numbers, currency,
 * percentages, dates and times in the spreadsheet locale, booleans, formulas; anything else
 * stays text. A leading apostrophe forces text. The spreadsheet locale is en_GB, so
 * "08/10/2020" is 8 October 2020, and an impossible day ("31/02/2021") stays text.
 */
import {isRealDay, ymdToSerial} from './dates';

export interface TypedValue {
  /** number (dates and times as serials), string, boolean, or '' for an empty cell. */
  value: number | string | boolean;
  /** The number format Sheets applies because of how the value was typed. */
  numberFormat?: string;
  /** The formula text (with '='), when the input is a formula. */
  formula?: string;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthFromName(s: string): number | undefined {
  const l = s.toLowerCase().replace(/\.$/, '');
  if (l.length < 3) return undefined;
  const i = MONTH_NAMES.findIndex(
    m => m === l || (l.length >= 3 && m.startsWith(l) && (l.length === 3 || l === 'sept')),
  );
  return i < 0 ? undefined : i + 1;
}

function fullYear(y: string): number {
  const n = Number(y);
  // Two-digit years: Sheets reads 00-29 as 2000s and 30-99 as 1900s.
  return y.length <= 2 ? (n < 30 ? 2000 + n : 1900 + n) : n;
}

const CURRENCY = '£$€';

function parseNumber(text: string): TypedValue | undefined {
  let s = text.trim();
  let sign = 1;
  let currency = '';
  let percent = false;
  if (s.startsWith('-')) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  if (s && CURRENCY.includes(s[0])) {
    currency = s[0];
    s = s.slice(1).trim();
    if (sign === 1 && s.startsWith('-')) {
      sign = -1;
      s = s.slice(1);
    }
  }
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/.test(s) || !/\d/.test(s.split(/[eE]/)[0]))
    return undefined;
  if (currency && percent) return undefined;
  const grouped = s.includes(',');
  const decimals = (/\.(\d+)/.exec(s)?.[1] ?? '').length;
  let value = sign * Number(s.replace(/,/g, ''));
  if (!Number.isFinite(value)) return undefined;
  if (percent) {
    value = value / 100;
    return {value, numberFormat: decimals > 0 ? '0.00%' : '0%'};
  }
  if (currency) return {value, numberFormat: `${currency}#,##0.00`};
  if (grouped) return {value, numberFormat: decimals > 0 ? '#,##0.00' : '#,##0'};
  return {value};
}

interface Clock {
  H: number;
  M: number;
  S: number;
  format: string;
}

function parseTime(s: string): Clock | undefined {
  const m =
    /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(s.trim()) ??
    /^(\d{1,2})()()\s*([ap]\.?m\.?)$/i.exec(s.trim());
  if (!m) return undefined;
  let H = Number(m[1]);
  const M = m[2] ? Number(m[2]) : 0;
  const S = m[3] ? Number(m[3]) : 0;
  const ampm = m[4]?.toLowerCase().replace(/\./g, '');
  if (ampm) {
    if (H < 1 || H > 12) return undefined;
    H = (H % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (H > 23 || M > 59 || S > 59) return undefined;
  const format = ampm ? (m[3] ? 'h:mm:ss am/pm' : 'h:mm am/pm') : m[3] ? 'hh:mm:ss' : 'hh:mm';
  return {H, M, S, format};
}

interface Day {
  y: number;
  m: number;
  d: number;
  format: string;
}

function parseDay(s: string, dayFirst: boolean): Day | undefined {
  const t = s.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m)
    return check(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      t.includes('-') ? 'yyyy-mm-dd' : 'yyyy/mm/dd',
    );
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const sep = m[2];
    return dayFirst
      ? check(fullYear(m[4]), b, a, `dd${sep}mm${sep}yyyy`)
      : // en_US shows a typed 3/7/2026 as it was typed (M/d/yyyy), not zero-padded.
        check(fullYear(m[4]), a, b, `M${sep}d${sep}yyyy`);
  }
  // 8 October 2020, 8 Oct 2020, 8-Oct-2020, 8th October 2020
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]+\.?),?[\s-]+(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const mon = monthFromName(m[2]);
    const full = m[2].replace('.', '').length > 3;
    if (mon) return check(fullYear(m[3]), mon, Number(m[1]), full ? 'd mmmm yyyy' : 'd mmm yyyy');
  }
  // October 8, 2020
  m = /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const mon = monthFromName(m[1]);
    if (mon)
      return check(
        Number(m[3]),
        mon,
        Number(m[2]),
        m[1].replace('.', '').length > 3 ? 'mmmm d, yyyy' : 'mmm d, yyyy',
      );
  }
  return undefined;
}

function check(y: number, m: number, d: number, format: string): Day | undefined {
  return isRealDay(y, m, d) && y >= 1 ? {y, m, d, format} : undefined;
}

/**
 * Parses typed text as Sheets does. `locale` is the spreadsheet locale ('en_GB' reads
 * day/month, 'en_US' month/day).
 */
export function parseTypedInput(text: string, locale = 'en_GB'): TypedValue {
  if (text === '') return {value: ''};
  if (text.startsWith("'")) return {value: text.slice(1)};
  if (text.startsWith('=') && text.length > 1) return {value: text, formula: text};
  const trimmed = text.trim();
  if (/^true$/i.test(trimmed)) return {value: true};
  if (/^false$/i.test(trimmed)) return {value: false};
  const num = parseNumber(trimmed);
  if (num) return num;
  const dayFirst = !/^en_US$/i.test(locale) && !/^en-US$/i.test(locale);
  const time = parseTime(trimmed);
  if (time)
    return {value: (time.H * 3600 + time.M * 60 + time.S) / 86400, numberFormat: time.format};
  const day = parseDay(trimmed, dayFirst);
  if (day) return {value: ymdToSerial(day.y, day.m, day.d), numberFormat: day.format};
  // A date and a time: "08/10/2020 10:00"
  const split = /^(.*\S)\s+(\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)$/i.exec(trimmed);
  if (split) {
    const d = parseDay(split[1], dayFirst);
    const tm = parseTime(split[2]);
    if (d && tm) {
      return {
        value: ymdToSerial(d.y, d.m, d.d) + (tm.H * 3600 + tm.M * 60 + tm.S) / 86400,
        numberFormat: `${d.format} ${tm.format}`,
      };
    }
  }
  return {value: text};
}
