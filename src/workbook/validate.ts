/**
 * What a person typed, checked against its column: pure rules, no Apps Script calls.
 * A value is accepted (perhaps normalised: "closed" → "Closed", "£1,234.50" → 1234.5,
 * "12/03/2026" → that day) or it is a problem, with a message saying what is wrong and how to
 * fix it. What happens to a problem (kept and flagged, or refused and the old value put back)
 * is decided by `refusesInvalid`.
 */
import {ColumnSpec, TabSpec, SCHEMA, UniqueRule} from './schema';
import {Cell, isDate} from './table';
import {serialOf, serialOfDate, showSerial, dayFraction, dateOf, isoOfSerial} from './dates';
import {extensionProblem} from '../domain/watch';
import {MONTH_NAMES} from '../domain/calendar';
import {parseClock} from './settings';

export type Check =
  /** Accepted: `value` is what the cell should hold; `changed` when it differs from what is there. */
  | {readonly ok: true; readonly value: Cell; readonly changed: boolean}
  /** Not accepted: `problem` says what is wrong and how to fix it. */
  | {readonly ok: false; readonly problem: string};

const ok = (value: Cell, changed = false): Check => ({ok: true, value, changed});
const bad = (problem: string): Check => ({ok: false, problem});

/** How a value is quoted in messages. */
export function shown(v: Cell | null | undefined): string {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (isDate(v)) return showSerial(serialOfDate(v));
  return `"${String(v)}"`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATE_HELP = 'Type the date as dd/mm/yyyy, for example 12/03/2026.';

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? 2000 + n : n;
}

/**
 * A typed date as a serial day, or a message. UK order (dd/mm/yyyy), ISO (yyyy-mm-dd) and
 * "12 March 2026" are dates; "next Tuesday" and 31/02/2021 are not.
 */
export function parseDate(text: string): {serial: number} | {problem: string} {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  let hit = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/);
  if (hit) {
    [d, m, y] = [Number(hit[1]), Number(hit[2]), fullYear(hit[3])];
  } else if ((hit = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) {
    [y, m, d] = [Number(hit[1]), Number(hit[2]), Number(hit[3])];
  } else if (
    (hit = t.match(
      /^(?:[a-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})$/i,
    ))
  ) {
    const mi = MONTHS.indexOf(hit[2].slice(0, 3).toLowerCase());
    if (
      mi < 0 ||
      !MONTH_NAMES[mi].toLowerCase().startsWith(hit[2].toLowerCase().replace(/^sept$/, 'sep'))
    ) {
      return {problem: `"${t}" is not a date: "${hit[2]}" is not a month. ${DATE_HELP}`};
    }
    [d, m, y] = [Number(hit[1]), mi + 1, Number(hit[3])];
  } else {
    return {problem: `"${t}" is not a date. ${DATE_HELP}`};
  }
  if (m < 1 || m > 12)
    return {problem: `"${t}" is not a date: there is no month ${m}. ${DATE_HELP}`};
  const serial = serialOf(y, m, d);
  if (serial === null) {
    if (y < 1900 || y > 9999)
      return {problem: `"${t}" is not a date: the year ${y} is out of range. ${DATE_HELP}`};
    return {
      problem: `"${t}" is not a date: ${MONTH_NAMES[m - 1]} ${y} has no day ${d}. ${DATE_HELP}`,
    };
  }
  return {serial};
}

/**
 * A typed amount or number. Commas must group thousands ("1,234.50"); a comma used as the
 * decimal point ("1.234,50") is ambiguous and refused rather than guessed.
 */
export function parseNumber(text: string, money: boolean): {value: number} | {problem: string} {
  let t = text.trim().replace(/\s+/g, '');
  let negative = false;
  if (/^\(.*\)$/.test(t)) {
    negative = true;
    t = t.slice(1, -1);
  }
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1);
  }
  if (money) t = t.replace(/^£/, '').replace(/^GBP/i, '');
  if (t.startsWith('-')) {
    negative = !negative;
    t = t.slice(1);
  }
  if (/^\d{1,3}(\.\d{3})+,\d{1,2}$/.test(t) || /^\d+,\d{1,2}$/.test(t)) {
    return {
      problem: `"${text.trim()}" is ambiguous: is the comma a decimal point? Write the amount with a full stop for pence and commas only between thousands, e.g. 1234.50 or 1,234.50.`,
    };
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(t) && !/^\.\d+$/.test(t)) {
    return {
      problem: `"${text.trim()}" is not ${money ? 'an amount of money' : 'a number'}. Type digits only${money ? ', e.g. 1234.50 or £1,234.50' : ', e.g. 12'}.`,
    };
  }
  const n = Number(t.replace(/,/g, ''));
  return {value: negative ? -n : n};
}

const EMAIL = /^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** Checks one cell value against its column. `v` is what the cell holds after Sheets parsed the typing. */
export function checkValue(col: ColumnSpec, v: Cell | null | undefined): Check {
  if (v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === ''))
    return ok('', v !== '' && v !== null && v !== undefined);
  const text = typeof v === 'string' ? v.trim() : '';
  const trimmed = (): Check => (typeof v === 'string' && v !== text ? ok(text, true) : ok(v));
  switch (col.type) {
    case 'text':
    case 'link':
      return trimmed();
    case 'date': {
      if (isDate(v)) return ok(v);
      if (typeof v === 'number' || typeof v === 'boolean')
        return bad(`${shown(v)} is not a date. ${DATE_HELP}`);
      const p = parseDate(text);
      return 'serial' in p ? ok(dateOf(p.serial), true) : bad(p.problem);
    }
    case 'time': {
      if (isDate(v)) return ok(v);
      if (typeof v === 'number' && v >= 0 && v < 1) return ok(v);
      const m = typeof v === 'string' ? parseClock(text) : null;
      if (m === null)
        return bad(
          `${shown(v)} is not a time of day. Type it as hh:mm on the 24-hour clock, e.g. 14:30.`,
        );
      return ok(dayFraction(m), true);
    }
    case 'number':
    case 'money':
    case 'percent': {
      let n: number;
      let changed = false;
      if (typeof v === 'number') n = v;
      else if (typeof v === 'string') {
        let t = text;
        const pct = col.type === 'percent';
        const hasPct = pct && t.endsWith('%');
        if (hasPct) t = t.slice(0, -1);
        const p = parseNumber(t, col.type === 'money');
        if ('problem' in p) return bad(p.problem);
        // A percent cell takes "5" and "5%" as 5% (as Sheets does in a 0% formatted cell).
        n = pct ? p.value / 100 : p.value;
        changed = true;
      } else
        return bad(
          `${shown(v)} is not ${col.type === 'money' ? 'an amount of money' : 'a number'}.`,
        );
      if (!Number.isFinite(n)) return bad(`${shown(v)} is not a number.`);
      if (col.min !== undefined && n < col.min) {
        const what =
          col.type === 'money'
            ? 'An amount here cannot be negative'
            : `${col.header} cannot be less than ${col.min}`;
        return bad(
          `${shown(v)} is not allowed: ${what}. Type ${col.min === 0 ? '0 or more' : `${col.min} or more`}.`,
        );
      }
      if (col.type === 'percent' && typeof v === 'number' && n > 1) {
        return bad(
          `${shown(v)} would be ${Math.round(n * 100)}%. Type the percentage with a % sign, e.g. ${v}%.`,
        );
      }
      return ok(n, changed);
    }
    case 'list': {
      const allowed = col.values ?? [];
      const s = typeof v === 'string' ? text : isDate(v) ? '' : String(v);
      const hit = allowed.find(a => a.toLowerCase() === s.toLowerCase());
      if (!hit)
        return bad(
          `${shown(v)} is not a ${col.header} the program knows. Use one of: ${allowed.join(', ')}.`,
        );
      return hit === v ? ok(v) : ok(hit, true);
    }
    case 'multi': {
      const allowed = col.values ?? [];
      const items = String(v)
        .split(/\s*[;,]\s*/)
        .map(s => s.trim())
        .filter(Boolean);
      const out: string[] = [];
      const unknown: string[] = [];
      for (const item of items) {
        const hit = allowed.find(a => a.toLowerCase() === item.toLowerCase());
        if (hit) {
          if (!out.includes(hit)) out.push(hit);
        } else unknown.push(item);
      }
      if (unknown.length) {
        return bad(
          `${unknown.map(u => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is not one' : 'are not'} of the ${col.header} the program knows. Use any of: ${allowed.join(', ')}, separated by "; ".`,
        );
      }
      const joined = out.join('; ');
      return joined === v ? ok(v) : ok(joined, true);
    }
    case 'email': {
      if (typeof v !== 'string' || !EMAIL.test(text))
        return bad(
          `${shown(v)} is not an email address. Type it like name@example.org, one address per cell.`,
        );
      return trimmed();
    }
    case 'bool': {
      if (v === true) return ok('Yes', true);
      if (v === false) return ok('No', true);
      const s = String(v).trim().toLowerCase();
      if (['yes', 'y', 'true'].includes(s)) return v === 'Yes' ? ok(v) : ok('Yes', true);
      if (['no', 'n', 'false'].includes(s)) return v === 'No' ? ok(v) : ok('No', true);
      return bad(`${shown(v)} is not Yes or No.`);
    }
    default:
      return ok(v);
  }
}

/** Headers referred to by a formula template anywhere on the tab. */
export function formulaInputs(tab: TabSpec): Set<string> {
  const inputs = new Set<string>();
  for (const c of tab.columns) {
    if (!c.formula) continue;
    for (const m of c.formula.matchAll(/\{([^{}]+)\}/g)) if (m[1] !== 'row') inputs.add(m[1]);
  }
  return inputs;
}

/**
 * Whether a wrong value in this column is refused (old value restored) rather than kept and
 * flagged: the schema's `reject` decides; by default, yes for columns a formula reads.
 */
export function refusesInvalid(tab: TabSpec, col: ColumnSpec): boolean {
  return col.reject ?? formulaInputs(tab).has(col.header);
}

/** A problem or an automatic fill found by a row rule. */
export interface RowFinding {
  readonly header: string;
  /** A value the program fills in (e.g. Date closed = today). */
  readonly fill?: Cell;
  readonly problem?: string;
}

function serialIn(v: Cell | null | undefined): number | null {
  if (isDate(v)) return serialOfDate(v);
  if (typeof v === 'number') return v;
  return null;
}

function timeIn(v: Cell | null | undefined): number | null {
  if (isDate(v)) return v.getHours() * 60 + v.getMinutes();
  if (typeof v === 'number' && v >= 0 && v < 1) return Math.round(v * 1440);
  return null;
}

const clockOf = (a: number) =>
  `${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;

/** Headers a tab's row rules and unique keys read: an edit of one of them needs the row. */
export function ruleHeaders(tab: TabSpec): Set<string> {
  const s = new Set<string>();
  for (const r of tab.rowRules ?? []) {
    if (r.kind === 'after') s.add(r.first).add(r.second);
    else if (r.kind === 'needs') s.add(r.when).add(r.header);
    else if (r.kind === 'extension') s.add(r.options).add(r.extendedTo);
  }
  for (const u of tab.unique ?? []) u.columns.forEach(h => s.add(h));
  return s;
}

/**
 * The schema's row rules on one row, after each value has been checked. `row` holds the row's
 * values by header; `edited` the headers a person changed; `today` a serial day.
 */
export function rowRules(
  tab: TabSpec,
  row: Readonly<Record<string, Cell | null | undefined>>,
  edited: ReadonlySet<string>,
  today: number,
): RowFinding[] {
  const out: RowFinding[] = [];
  const empty = (h: string) => row[h] === undefined || row[h] === null || row[h] === '';
  const has = (h: string) => h in row;
  for (const rule of tab.rowRules ?? []) {
    if (rule.kind === 'after') {
      const time = tab.columns.find(c => c.header === rule.first)?.type === 'time';
      const read = time ? timeIn : serialIn;
      const a = read(row[rule.first]);
      const b = read(row[rule.second]);
      if (a !== null && b !== null && b <= a)
        out.push({
          header: rule.second,
          problem: `${rule.second} must be after ${rule.first} (${time ? clockOf(a) : showSerial(a)}).`,
        });
    } else if (rule.kind === 'needs') {
      const value = String(row[rule.when] ?? '');
      if (!rule.is.includes(value) || !has(rule.header) || !empty(rule.header)) continue;
      if (rule.fill === 'today') out.push({header: rule.header, fill: dateOf(today)});
      else out.push({header: rule.header, problem: (rule.problem ?? '').replace('{value}', value)});
    } else if (rule.kind === 'extension') {
      const day = (h: string) => {
        const d = serialIn(row[h]);
        return d === null ? null : isoOfSerial(d);
      };
      const found = extensionProblem(
        String(row[rule.options] ?? ''),
        day(rule.start),
        day(rule.end),
        day(rule.extendedTo),
      );
      if (found && has(rule[found.about]))
        out.push({header: rule[found.about], problem: found.problem});
    } else if (
      // Stamped on every edit of the row; not rewritten when it already says today.
      has(rule.header) &&
      [...edited].some(h => h !== rule.header) &&
      serialIn(row[rule.header]) !== today
    )
      out.push({header: rule.header, fill: dateOf(today)});
  }
  return out;
}

/** Required columns left empty in a row that has other content. */
export function missingRequired(
  tab: TabSpec,
  row: Readonly<Record<string, Cell | null | undefined>>,
): RowFinding[] {
  const filled = tab.columns.some(
    c =>
      !c.formula && row[c.header] !== undefined && row[c.header] !== null && row[c.header] !== '',
  );
  if (!filled) return [];
  return tab.columns
    .filter(
      c =>
        c.required &&
        c.header in row &&
        (row[c.header] === '' || row[c.header] === null || row[c.header] === undefined),
    )
    .map(c => ({
      header: c.header,
      problem: `${c.header} is required: this row has other entries but no ${c.header}.`,
    }));
}

/** A cell as part of a unique key: days by serial, text ignoring case and spaces. */
function keyPart(v: Cell | null | undefined): string {
  const d = serialIn(v);
  if (d !== null) return `#${d}`;
  return String(v ?? '')
    .trim()
    .toLowerCase();
}

/** The key of a row under a unique rule, or null when a key cell is empty. */
export function uniqueKey(
  rule: UniqueRule,
  index: ReadonlyMap<string, number>,
  line: readonly Cell[],
): string | null {
  const parts = rule.columns.map(h => keyPart(line[index.get(h) as number]));
  return parts.some(p => p === '') ? null : parts.join('|');
}

/** The message for a row whose key another row has. */
export function duplicateProblem(
  rule: UniqueRule,
  line: readonly Cell[],
  index: ReadonlyMap<string, number>,
): string {
  const shownKey = rule.columns
    .map(h => {
      const v = line[index.get(h) as number];
      const d = serialIn(v);
      return d !== null ? showSerial(d) : String(v).trim();
    })
    .join(', ');
  return rule.problem.replace('{key}', shownKey);
}

/** Rows (sheet row, 0-based grid index) that share a unique key with another row, for each rule. */
export function duplicateRows(
  tab: TabSpec,
  index: ReadonlyMap<string, number>,
  rows: readonly (readonly [number, readonly Cell[]])[],
): {row: number; header: string; problem: string}[] {
  const out: {row: number; header: string; problem: string}[] = [];
  for (const rule of tab.unique ?? []) {
    if (!rule.columns.every(h => index.has(h))) continue;
    const seen = new Map<string, number>();
    const keys = rows.map(([, line]) => uniqueKey(rule, index, line));
    keys.forEach(k => k !== null && seen.set(k, (seen.get(k) ?? 0) + 1));
    rows.forEach(([r, line], k) => {
      if (keys[k] !== null && (seen.get(keys[k] as string) ?? 0) > 1)
        out.push({
          row: r,
          header: rule.columns[rule.columns.length - 1],
          problem: duplicateProblem(rule, line, index),
        });
    });
  }
  return out;
}

export {serialIn};

/** The schema tab of a sheet name, or undefined for tabs the program does not validate. */
export function validatedTab(name: string): TabSpec | undefined {
  return SCHEMA.find(t => t.name === name);
}

/**
 * The schema tab a header row belongs to: every required header of the tab present and at least
 * half of its others; the most headers matched wins (then the larger share). Undefined when none.
 */
export function tabOfHeaders(headers: readonly string[]): TabSpec | undefined {
  const have = new Set(headers.filter(Boolean));
  let best: TabSpec | undefined;
  let score = 0;
  let share = 0;
  for (const t of SCHEMA) {
    if (t.columns.some(c => c.required && !have.has(c.header))) continue;
    const n = t.columns.filter(c => have.has(c.header)).length;
    if (n === 0 || n * 2 < t.columns.length) continue;
    const r = n / t.columns.length;
    if (n > score || (n === score && r > share)) [best, score, share] = [t, n, r];
  }
  return best;
}
