/**
 * Dates in papers. Layouts take a `DateText` so they stay pure; in Apps Script it is
 * Utilities.formatDate in the workbook's time zone (memoised: a paper repeats the same few
 * dates, and every Utilities call is a service call).
 */
export type DateText = (d: Date, pattern: string) => string;

/** Patterns in Utilities.formatDate (SimpleDateFormat) syntax. */
export const LONG_DATE = 'EEEE d MMMM yyyy'; // Thursday 8 October 2020
export const DATE = 'd MMMM yyyy'; // 8 October 2020
export const SHORT_DATE = 'dd/MM/yyyy';
export const TIME = 'HH:mm';

export function appsScriptDates(timeZone: string): DateText {
  const memo = new Map<string, string>();
  return (d, pattern) => {
    const key = `${d.getTime()}|${pattern}`;
    let s = memo.get(key);
    if (s === undefined) {
      s = Utilities.formatDate(d, timeZone, pattern);
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
