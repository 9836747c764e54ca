/**
 * Days as Sheets serial numbers (days since 30/12/1899), so dates are written and compared
 * without time-zone arithmetic: a number written into a dd/mm/yyyy cell is that day wherever
 * the script runs, and a date cell read back as a Date (local midnight in the spreadsheet's
 * zone, within a day of UTC midnight) rounds to the same serial.
 */
const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Serial of a calendar day (month 1-12); null when the day does not exist (31/02). */
export function serialOf(year: number, month: number, day: number): number | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return null;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return Math.round((t - EPOCH_UTC) / MS_PER_DAY);
}

/** The day a date cell holds, as a serial (a Date read from a cell is local midnight). */
export function serialOfDate(d: Date): number {
  return Math.round((d.getTime() - EPOCH_UTC) / MS_PER_DAY);
}

/** Today in the script's time zone (Apps Script's Date getters use the script time zone). */
export function todaySerial(now: Date = new Date()): number {
  return serialOf(now.getFullYear(), now.getMonth() + 1, now.getDate()) as number;
}

/** dd/mm/yyyy for messages. */
export function showSerial(serial: number): string {
  const d = new Date(EPOCH_UTC + serial * MS_PER_DAY);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** YYYY-MM-DD of a serial. */
export function isoOfSerial(serial: number): string {
  return new Date(EPOCH_UTC + serial * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Minutes after midnight → fraction of a day (what a time cell holds). */
export function dayFraction(minutes: number): number {
  return minutes / (24 * 60);
}

/** The minutes after midnight a time cell holds (a Date on 30/12/1899, or a fraction). */
export function minutesOfTime(v: Date | number): number {
  if (typeof v === 'number') return Math.round((v - Math.floor(v)) * 24 * 60);
  return v.getHours() * 60 + v.getMinutes();
}

/**
 * The Date a script writes for a day: local midnight (Apps Script's Date uses the script time
 * zone, which the manifest keeps equal to the spreadsheet's). Sheets gives a cell written with a
 * Date a date format when it has none, so the day shows as a date.
 */
export function dateOf(serial: number): Date {
  const d = new Date(EPOCH_UTC + serial * MS_PER_DAY);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}
