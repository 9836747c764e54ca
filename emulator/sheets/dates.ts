/**
 * Sheets date serials: days since 1899-12-30 in the spreadsheet's time zone (Europe/London
 * for our workbooks). A cell showing 08/10/2020 holds 44112 and reads back as a Date at local
 * midnight of that day in the spreadsheet time zone.
 */

const MS_PER_DAY = 86_400_000;
/** 1899-12-30 as a UTC wall-clock instant: the origin of serial numbers. */
export const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Offset of the time zone from UTC at an instant, in ms (London summer time: +3,600,000). */
const offsetCache = new Map<string, number>();
export function tzOffsetMs(tz: string, instant: number): number {
  // Offsets only change on the hour; cache per zone and hour.
  const key = `${tz}|${Math.floor(instant / 3_600_000)}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const parts = formatter(tz).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find(p => p.type === t)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  const off = wall - Math.floor(instant / 1000) * 1000;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, off);
  return off;
}

/** The instant at which the wall clock in `tz` shows `wallMs` (a UTC-encoded wall time). */
export function wallToInstant(wallMs: number, tz: string): number {
  let t = wallMs - tzOffsetMs(tz, wallMs);
  t = wallMs - tzOffsetMs(tz, t);
  return t;
}

export function instantToWall(instant: number, tz: string): number {
  return instant + tzOffsetMs(tz, instant);
}

/** Serial number → instant (ms), rounded to the millisecond. */
export function serialToInstant(serial: number, tz: string): number {
  return wallToInstant(Math.round(SERIAL_EPOCH_UTC + serial * MS_PER_DAY), tz);
}

export function instantToSerial(instant: number, tz: string): number {
  return (instantToWall(instant, tz) - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/** Serial of a calendar day (no time zone involved). */
export function ymdToSerial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - SERIAL_EPOCH_UTC) / MS_PER_DAY;
}

/** Whether y-m-d is a real calendar day (31/02 is not). */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Wall-clock parts of a serial, for display formatting. */
export function serialParts(serial: number): {
  y: number;
  m: number;
  d: number;
  H: number;
  M: number;
  S: number;
  ms: number;
  weekday: number;
} {
  const wall = new Date(Math.round(SERIAL_EPOCH_UTC + serial * MS_PER_DAY));
  return {
    y: wall.getUTCFullYear(),
    m: wall.getUTCMonth() + 1,
    d: wall.getUTCDate(),
    H: wall.getUTCHours(),
    M: wall.getUTCMinutes(),
    S: wall.getUTCSeconds(),
    ms: wall.getUTCMilliseconds(),
    weekday: wall.getUTCDay(),
  };
}
