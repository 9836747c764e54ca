/**
 * What a person typed, checked against its column: pure rules, no Apps Script calls.
 * A value is accepted (perhaps normalised: "closed" → "Closed", "£1,234.50" → 1234.5,
 * "12/03/2026" → that day) or it is a problem, with a message saying what is wrong and how to
 * fix it. What happens to a problem (kept and flagged, or refused and the old value put back)
 * is decided by `refusesInvalid`.
 */
import {ColumnSpec, TabSpec, SCHEMA} from './schema';
import {Cell, isDate} from './table';
import {serialOf, serialOfDate, showSerial, dayFraction, dateOf} from './dates';
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
const MONTH_NAMES = [
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
 * Lists whose values the program's formulas, conditional formats and counts rely on: a value
 * outside the list is refused (the old value is put back and the note records what was typed).
 */
const REFUSED_LISTS: Readonly<Record<string, readonly string[]>> = {
  Actions: ['Status'],
  Meetings: ['Status', 'Type'],
  Agenda: ['Section', 'Confidential', 'Paper status', 'Purpose'],
  Contracts: ['Funding type', 'Status'],
  Members: ['Role', 'Status', 'Provider size'],
  Attendance: ['Attendance'],
};

/**
 * Whether a wrong value in this column is refused (old value restored) rather than kept and
 * flagged: yes where a wrong value would break formulas or the program's reading of the tab
 * (columns formulas refer to, and the lists above); the schema's `reject` overrides.
 */
export function refusesInvalid(tab: TabSpec, col: ColumnSpec): boolean {
  const explicit = (col as {reject?: boolean}).reject;
  if (explicit !== undefined) return explicit;
  if (formulaInputs(tab).has(col.header)) return true;
  return (REFUSED_LISTS[tab.name] ?? []).includes(col.header);
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

/**
 * Rules across the cells of one row, after each value has been checked. `row` holds the
 * row's values by header; `edited` the headers a person changed; `today` a serial day.
 */
export function rowRules(
  tabName: string,
  row: Readonly<Record<string, Cell | null | undefined>>,
  edited: ReadonlySet<string>,
  today: number,
): RowFinding[] {
  const out: RowFinding[] = [];
  const empty = (h: string) => row[h] === undefined || row[h] === null || row[h] === '';
  const has = (h: string) => h in row;
  switch (tabName) {
    case 'Actions': {
      const status = String(row['Status'] ?? '');
      if (status === 'Closed' && has('Date closed') && empty('Date closed'))
        out.push({header: 'Date closed', fill: dateOf(today)});
      if (
        (status === 'Ongoing' || status === 'On hold') &&
        has('Review date') &&
        empty('Review date')
      ) {
        out.push({
          header: 'Review date',
          problem: `An action that is ${status} needs a Review date: type the date it will next be looked at (dd/mm/yyyy).`,
        });
      }
      // Stamped on every edit of the row; not rewritten when it already says today.
      if (
        has('Last updated') &&
        [...edited].some(h => h !== 'Last updated') &&
        serialIn(row['Last updated']) !== today
      )
        out.push({header: 'Last updated', fill: dateOf(today)});
      break;
    }
    case 'Members':
      pair(
        out,
        row,
        'Term start',
        'Term end',
        serialIn,
        a => `Term end must be after Term start (${showSerial(a)}).`,
      );
      break;
    case 'Contracts':
      pair(
        out,
        row,
        'Start date',
        'End date',
        serialIn,
        a => `End date must be after Start date (${showSerial(a)}).`,
      );
      pair(
        out,
        row,
        'End date',
        'Extended to',
        serialIn,
        a => `Extended to must be after the End date (${showSerial(a)}).`,
      );
      break;
    case 'Meetings':
      pair(
        out,
        row,
        'Start time',
        'End time',
        timeIn,
        a =>
          `End time must be after Start time (${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}).`,
      );
      break;
    default:
      break;
  }
  return out;
}

function pair(
  out: RowFinding[],
  row: Readonly<Record<string, Cell | null | undefined>>,
  first: string,
  second: string,
  read: (v: Cell | null | undefined) => number | null,
  message: (a: number) => string,
): void {
  const a = read(row[first]);
  const b = read(row[second]);
  if (a !== null && b !== null && b <= a) out.push({header: second, problem: message(a)});
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

/** Meeting dates that appear more than once (serial → count > 1). */
export function duplicateSerials(values: readonly (Cell | null | undefined)[]): Set<number> {
  const seen = new Map<number, number>();
  for (const v of values) {
    const s = serialIn(v);
    if (s !== null) seen.set(s, (seen.get(s) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n > 1).map(([s]) => s));
}

export {serialIn};

/** The schema tab of a sheet name, or undefined for tabs the program does not validate. */
export function validatedTab(name: string): TabSpec | undefined {
  return SCHEMA.find(t => t.name === name);
}
