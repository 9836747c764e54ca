/**
 * Java SimpleDateFormat patterns, as Utilities.formatDate takes them
 * (developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String),
 * which points at docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html),
 * in an IANA time zone worked out with Intl. An unknown time zone falls back to GMT, as
 * Java's TimeZone.getTimeZone does.
 */

/** English month and day names (Apps Script formats in English); the Sheets formats use them too. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number;
  offsetMin: number;
  zoneShort: string;
  readonly zoneLong: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, zoneName: 'short' | 'long'): Intl.DateTimeFormat {
  const key = `${timeZone}|${zoneName}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      timeZoneName: zoneName,
    });
    formatters.set(key, f);
  }
  return f;
}

/** A valid IANA zone name, or GMT (Java's fallback for an id it does not know). */
export function resolveTimeZone(timeZone: string): string {
  try {
    formatter(timeZone, 'short');
    return timeZone;
  } catch {
    return 'GMT';
  }
}

/**
 * The fields of each instant already formatted, by zone: a script formats the same few dates
 * over and over (every row of a report), and Intl's formatToParts is most of the cost. Shared
 * read-only; emptied when large.
 */
const fieldsCache = new Map<string, Fields>();

function fieldsOf(d: Date, timeZone: string): Fields {
  const t = d.getTime();
  const key = `${timeZone}|${t}`;
  let f = fieldsCache.get(key);
  if (!f) {
    f = computeFields(t, timeZone);
    if (fieldsCache.size >= 10_000) fieldsCache.clear();
    fieldsCache.set(key, f);
  }
  return f;
}

function computeFields(t: number, timeZone: string): Fields {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone, 'short').formatToParts(t)) parts[p.type] = p.value;
  const year = Number(parts.year),
    month = Number(parts.month),
    day = Number(parts.day);
  const hour = Number(parts.hour),
    minute = Number(parts.minute),
    second = Number(parts.second);
  const ms = ((t % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const offsetMin = Math.round((asUtc - t) / 60000);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  let zoneLong: string | undefined;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    ms,
    weekday,
    offsetMin,
    zoneShort: parts.timeZoneName ?? 'GMT',
    // Only a 'zzzz' pattern asks for it: a second formatToParts.
    get zoneLong() {
      return (zoneLong ??=
        formatter(timeZone, 'long')
          .formatToParts(t)
          .find(p => p.type === 'timeZoneName')?.value ?? timeZone);
    },
  };
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function offset(min: number, withColon: boolean, hoursOnly = false): string {
  const sign = min < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(min) / 60), 2),
    m = pad(Math.abs(min) % 60, 2);
  if (hoursOnly) return `${sign}${h}`;
  return withColon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

function dayOfYear(f: Fields): number {
  return Math.round((Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000) + 1;
}

/** Week of the year as en_GB counts it (weeks start on Monday; week 1 holds 4 January): ISO 8601. */
function isoWeek(f: Fields): number {
  const d = new Date(Date.UTC(f.year, f.month - 1, f.day));
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - day + 3); // the Thursday of this week decides the year
  return 1 + Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / (7 * 86400000));
}

function field(letter: string, count: number, f: Fields): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1];
      if (count === 3) return MONTHS[f.month - 1].slice(0, 3);
      return pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'E':
      return count >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
    case 'w':
      return pad(isoWeek(f), count);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.ms, count);
    case 'z':
      return count >= 4 ? f.zoneLong : f.zoneShort;
    case 'Z':
      return offset(f.offsetMin, false);
    case 'X':
      if (f.offsetMin === 0) return 'Z';
      return count === 1 ? offset(f.offsetMin, false, true) : offset(f.offsetMin, count >= 3);
    default:
      throw new Error(`Invalid argument: Illegal pattern character '${letter}'`);
  }
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const f = fieldsOf(date, resolveTimeZone(timeZone));
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error(`Invalid argument: Unterminated quote in pattern "${pattern}"`);
      // Inside quotes, '' is a literal quote.
      let j = i + 1,
        text = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j++];
      }
      if (j >= pattern.length)
        throw new Error(`Invalid argument: Unterminated quote in pattern "${pattern}"`);
      out += text;
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let n = 1;
      while (pattern[i + n] === c) n++;
      out += field(c, n, f);
      i += n;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
