/**
 * The number format Sheets gives a formula cell that has none of its own ("Automatic"):
 * a date for DATE/WORKDAY/EDATE..., a date for `=A1`, `=A1+7` or `='Other'!D2` when A1 holds
 * a date, currency and percent likewise; a plain number for date differences and counts.
 * So getValue() returns a Date and the display is a date, as in Sheets
 * (support.google.com/docs/answer/56470 "Format numbers in a spreadsheet": Automatic).
 */
import {isDateFormat} from './format';

/** Functions whose result Sheets shows as a date, a date-time or a time. */
const DATE_RESULT = new Set([
  'DATE',
  'DATEVALUE',
  'EDATE',
  'EOMONTH',
  'TODAY',
  'WORKDAY',
  'WORKDAY.INTL',
]);
const DATETIME_RESULT = new Set(['NOW']);
const TIME_RESULT = new Set(['TIME', 'TIMEVALUE']);
/** Functions that give a plain number whatever they are given (no format is inherited). */
const PLAIN_RESULT = new Set([
  'COUNT',
  'COUNTA',
  'COUNTBLANK',
  'COUNTIF',
  'COUNTIFS',
  'COUNTUNIQUE',
  'DATEDIF',
  'DAY',
  'DAYS',
  'DAYS360',
  'HOUR',
  'ISOWEEKNUM',
  'LEN',
  'MATCH',
  'MINUTE',
  'MONTH',
  'NETWORKDAYS',
  'NETWORKDAYS.INTL',
  'ROW',
  'ROWS',
  'COLUMN',
  'COLUMNS',
  'SECOND',
  'WEEKDAY',
  'WEEKNUM',
  'YEAR',
  'YEARFRAC',
  'RANK',
  'N',
  'VALUE',
  'INT',
]);

export interface LocaleFormats {
  date: string;
  datetime: string;
  time: string;
}

/**
 * The formats Sheets gives dates and times in a spreadsheet locale: en_US month first
 * ("3/5/2026", "3/5/2026 13:04:00", "1:04:00 PM"), others (en_GB) day first.
 */
export function localeFormats(locale: string): LocaleFormats {
  if (/^en[_-]US$/i.test(locale))
    return {date: 'M/d/yyyy', datetime: 'M/d/yyyy H:mm:ss', time: 'h:mm:ss AM/PM'};
  return {date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm:ss', time: 'hh:mm:ss'};
}

/** A cell reference in formula text: optional sheet ('Other tab'! or Other!), then $A$1. */
const REF = /(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))?(!)?\$?([A-Za-z]{1,3})\$?(\d+)(?![\w(])/g;

export interface FormatLookup {
  /** The effective format of a cell (explicit, or inferred for a formula), undefined when none. */
  formatOf(sheetName: string | undefined, row0: number, col0: number): string | undefined;
}

/** Formula text without its string literals, so "A1" inside quotes is not a reference. */
function stripStrings(f: string): string {
  return f.replace(/"(?:[^"]|"")*"/g, '""');
}

/**
 * The automatic format of a formula's result, from its text. `lookup` gives the formats of
 * referenced cells (it limits its own recursion).
 */
export function autoFormat(
  formula: string,
  lookup: FormatLookup,
  formats: LocaleFormats = localeFormats('en_GB'),
): string | undefined {
  const body = stripStrings(formula.replace(/^=\s*/, ''));
  const outer = /^([A-Za-z][\w.]*)\s*\(/.exec(body)?.[1].toUpperCase();
  if (outer) {
    if (DATE_RESULT.has(outer)) return formats.date;
    if (DATETIME_RESULT.has(outer)) return formats.datetime;
    if (TIME_RESULT.has(outer)) return formats.time;
    if (PLAIN_RESULT.has(outer)) return undefined;
  }
  const refs: (string | undefined)[] = [];
  for (const m of body.matchAll(REF)) {
    // "Sheet1!A1" has a sheet; "LOG10" (a function name) is followed by "(" and never matches.
    const sheet = m[3] ? (m[1]?.replace(/''/g, "'") ?? m[2]) : undefined;
    if (!m[3] && (m[1] || m[2])) continue;
    refs.push(lookup.formatOf(sheet, Number(m[5]) - 1, lettersToCol(m[4]) - 1));
    if (refs.length > 2) break;
  }
  const first = refs[0];
  if (first === undefined) return undefined;
  // A date minus a date is a number of days.
  if (isDateFormat(first) && refs.length > 1 && isDateFormat(refs[1]) && /-/.test(body))
    return undefined;
  if (isDateFormat(first) || /[%$£€¥]/.test(first)) return first;
  return undefined;
}

function lettersToCol(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
