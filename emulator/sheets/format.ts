/**
 * Display text of a cell value under a Sheets number format (what getDisplayValues returns
 * and what a person sees). Covers the formats spreadsheets commonly use: dates and
 * times (d, dd, ddd, dddd, m..mmmm, yy, yyyy, h, hh, mm, ss, AM/PM), numbers with
 * thousands separators and fixed decimals, currency prefixes, percentages, sections
 * (positive;negative;zero;text), quoted literals and '@' text.
 */
import {serialParts} from './dates';
import {DAYS, MONTHS} from '../services/format-date';

export const DEFAULT_DATE_FORMAT = 'dd/mm/yyyy';
export const DEFAULT_TIME_FORMAT = 'hh:mm:ss';
export const DEFAULT_DATETIME_FORMAT = 'dd/mm/yyyy hh:mm:ss';

/** Removes quoted literals, escapes and [brackets] so only format codes remain. */
function codesOnly(fmt: string): string {
  return fmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

/** True for formats that show a date or time (so the cell's value is a Date in getValues). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const c = codesOnly(fmt.split(';')[0]).toLowerCase();
  if (/[dyhs]/.test(c.replace(/am\/pm|a\/p/g, ''))) return true;
  return /m/.test(c) && !/[0#?]/.test(c);
}

/** Automatic ("General") display of a number, as Sheets shows up to 10 significant digits. */
export function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9))
    return n.toExponential(2).replace('e+', 'E+').replace('e-', 'E-');
  return String(Number(n.toPrecision(10)));
}

export function formatValue(value: unknown, fmt: string | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return textSection(value, fmt);
  if (typeof value !== 'number') return String(value);
  if (!fmt || /^general$/i.test(fmt) || fmt === '@') return generalNumber(value);
  const sections = splitSections(fmt);
  let section = sections[0];
  let v = value;
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    v = -value;
  } else if (value === 0 && sections.length >= 3) {
    section = sections[2];
  }
  if (isDateFormat(section)) return formatDate(v, section);
  const out = formatNumber(v, section);
  return v < 0 && out !== '' && !out.startsWith('-') && section === sections[0]
    ? `-${formatNumber(-v, section)}`
    : out;
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const ch of fmt) {
    if (ch === '"') q = !q;
    if (ch === ';' && !q) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/**
 * Text shown through a format's text section: the fourth, or a lone section with an @ outside
 * quotes ('"Code "@' shows zip as "Code zip"); text is shown as it is otherwise.
 */
function textSection(s: string, fmt: string | undefined): string {
  if (!fmt) return s;
  const sections = splitSections(fmt);
  const text =
    sections.length >= 4
      ? sections[3]
      : sections.length === 1 && sections[0].replace(/"[^"]*"/g, '').includes('@')
        ? sections[0]
        : undefined;
  return text === undefined ? s : text.replace(/"([^"]*)"/g, '$1').replace('@', s);
}

/** Literal text of a format piece: quoted strings, escapes, [$£-809] currency tags. */
function literal(piece: string): string {
  return piece
    .replace(/\[\$([^\]-]*)(-[^\]]*)?\]/g, '$1')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1')
    .replace(/_./g, ' ')
    .replace(/\*./g, '');
}

function formatNumber(v: number, section: string): string {
  const codes = /[0#?][0#?,]*(\.[0#?]*)?%?|\.[0#?]+%?/.exec(
    section.replace(/"[^"]*"/g, m => 'Q'.repeat(m.length)),
  );
  if (!codes) return literal(section) || generalNumber(v);
  const pattern = section.slice(codes.index, codes.index + codes[0].length);
  const prefix = literal(section.slice(0, codes.index));
  let suffix = literal(section.slice(codes.index + codes[0].length));
  let n = v;
  const percent = pattern.includes('%') || suffix.includes('%');
  if (percent) n *= 100;
  const [intPart, decPart = ''] = pattern.replace('%', '').split('.');
  const decimals = (decPart.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPart.match(/0/g) ?? []).length;
  const grouping = intPart.includes(',');
  const minInt = (intPart.match(/0/g) ?? []).length;
  const neg = n < 0;
  let fixed = Math.abs(n).toFixed(decimals);
  let [ip, dp = ''] = fixed.split('.');
  while (dp.length > minDecimals && dp.endsWith('0')) dp = dp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  fixed = dp
    ? `${ip}.${dp}`
    : decimals > 0 && pattern.includes('.') && minDecimals > 0
      ? `${ip}.`
      : ip;
  if (pattern.includes('%')) suffix = `%${suffix}`;
  return `${neg ? '-' : ''}${prefix}${fixed}${suffix}`;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** Tokenises a date/time format; 'm' after h or before s means minutes, as in Sheets. */
function formatDate(serial: number, section: string): string {
  const hasAmPm = /am\/pm|a\/p/i.test(section);
  let rounded = serial;
  if (!/s/i.test(codesOnly(section))) rounded = Math.round(serial * 1440) / 1440;
  else rounded = Math.round(serial * 86400) / 86400;
  const p = serialParts(rounded);
  const tokens: {t: string; lit?: boolean}[] = [];
  const re = /"([^"]*)"|\\(.)|\[[^\]]*\]|(am\/pm|a\/p)|(d+|m+|y+|h+|s+|e)|(.)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(section))) {
    if (m[1] !== undefined) tokens.push({t: m[1], lit: true});
    else if (m[2] !== undefined) tokens.push({t: m[2], lit: true});
    else if (m[3] !== undefined) tokens.push({t: m[3]});
    else if (m[4] !== undefined) tokens.push({t: m[4].toLowerCase()});
    else if (m[5] !== undefined) tokens.push({t: m[5], lit: true});
  }
  const out: string[] = [];
  tokens.forEach((tok, i) => {
    if (tok.lit) return out.push(tok.t);
    const t = tok.t;
    if (/^(am\/pm|a\/p)$/i.test(t)) {
      const pm = p.H >= 12;
      if (t.length === 3) return out.push(pm ? (t[0] === 'A' ? 'P' : 'p') : t[0]);
      return out.push(pm ? (t[0] === 'A' ? 'PM' : 'pm') : t[0] === 'A' ? 'AM' : 'am');
    }
    if (t[0] === 'm') {
      const prev = tokens
        .slice(0, i)
        .reverse()
        .find(x => !x.lit);
      const next = tokens.slice(i + 1).find(x => !x.lit);
      const isMinute =
        t.length <= 2 && ((prev && prev.t[0] === 'h') || (next && next.t[0] === 's'));
      if (isMinute) return out.push(t.length === 2 ? pad(p.M, 2) : String(p.M));
      if (t.length === 1) return out.push(String(p.m));
      if (t.length === 2) return out.push(pad(p.m, 2));
      if (t.length === 3) return out.push(MONTHS[p.m - 1].slice(0, 3));
      if (t.length === 5) return out.push(MONTHS[p.m - 1][0]);
      return out.push(MONTHS[p.m - 1]);
    }
    if (t[0] === 'd') {
      if (t.length === 1) return out.push(String(p.d));
      if (t.length === 2) return out.push(pad(p.d, 2));
      if (t.length === 3) return out.push(DAYS[p.weekday].slice(0, 3));
      return out.push(DAYS[p.weekday]);
    }
    if (t[0] === 'y') return out.push(t.length <= 2 ? pad(p.y % 100, 2) : String(p.y));
    if (t[0] === 'h') {
      const h = hasAmPm ? ((p.H + 11) % 12) + 1 : p.H;
      return out.push(t.length >= 2 ? pad(h, 2) : String(h));
    }
    if (t[0] === 's') return out.push(t.length >= 2 ? pad(p.S, 2) : String(p.S));
    return out.push(t);
  });
  return out.join('');
}
