/**
 * Dates in papers. Layouts take a `DateText` so they stay pure; in Apps Script it is
 * Utilities.formatDate in the workbook's time zone (a register's Day is its local midnight) (memoised: a paper repeats the same few
 * dates, and every Utilities call is a service call).
 */
export type DateText = (d: Date | Day, pattern: string) => string;

import {Day} from '../domain/records';
import {DAY_NAMES, MONTH_NAMES, dateOfIso} from '../domain/calendar';

/** Patterns in Utilities.formatDate (SimpleDateFormat) syntax. */
export const LONG_DATE = 'EEEE d MMMM yyyy'; // Thursday 8 October 2020
export const DATE = 'd MMMM yyyy'; // 8 October 2020
export const SHORT_DATE = 'dd/MM/yyyy';
export const TIME = 'HH:mm';

/**
 * A register Day in one of the papers' own patterns, worked out without a service call (a Day
 * has no time zone to apply); null for any other pattern or value.
 */
export function dayText(d: Date | Day, pattern: string): string | null {
  if (typeof d !== 'string') return null;
  const m = d.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return null;
  const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const weekday = DAY_NAMES[new Date(Date.UTC(y, mo - 1, da)).getUTCDay()];
  if (pattern === LONG_DATE) return `${weekday} ${da} ${MONTH_NAMES[mo - 1]} ${y}`;
  if (pattern === DATE) return `${da} ${MONTH_NAMES[mo - 1]} ${y}`;
  if (pattern === SHORT_DATE) return `${m[3]}/${m[2]}/${m[1]}`;
  return null;
}

export function appsScriptDates(timeZone: string): DateText {
  const memo = new Map<string, string>();
  return (d, pattern) => {
    const own = dayText(d, pattern);
    if (own !== null) return own;
    const date = typeof d === 'string' ? dateOfIso(d) : d;
    const key = `${date.getTime()}|${pattern}`;
    let s = memo.get(key);
    if (s === undefined) {
      s = Utilities.formatDate(date, timeZone, pattern);
      memo.set(key, s);
    }
    return s;
  };
}

/** Minutes after midnight as "10:00". */
export function clockText(minutes: number | null): string {
  if (minutes === null) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
