/**
 * Settings by name, read from the Settings tab with one getValues (two calls). Every getter checks the
 * value and throws a WorkbookError naming the setting when it is empty where a value is
 * needed, or cannot be read ("five" working days). A setting whose row is missing falls back
 * to its default in SETTINGS (set-up puts the row back); a value an officer typed is never
 * silently replaced by a default.
 */
import {SETTINGS, SettingName, SettingSpec, TAB} from './schema';
import {Cell, WorkbookError, isDate} from './table';
import {TabRead, readTab} from './span';
import {columnLetter} from './formulas';
import {isoOfSerial, serialOf} from './dates';
import {isoOfDate} from '../domain/calendar';

export interface Settings {
  /** A non-negative number ("5", 5). */
  number(name: SettingName): number;
  /** Text as typed, trimmed ('' when empty). For `list` settings, the allowed value, normalised. */
  text(name: SettingName): string;
  /** A "; "-separated list (empty list when empty). */
  list(name: SettingName): string[];
  /** Minutes after midnight ("10:00", "9.30am", a time cell), or null when empty. */
  time(name: SettingName): number | null;
  /** Yes/No (also true/false). */
  bool(name: SettingName): boolean;
  /** A Drive file or folder id ('' when empty); a pasted Drive URL is reduced to its id. */
  id(name: SettingName): string;
  /** An email address ('' when empty). */
  email(name: SettingName): string;
  /** A day ("01/04/2026", "2026-04-01", a date cell) as YYYY-MM-DD, or null when empty. */
  date(name: SettingName): string | null;
  /** Whether the Settings tab has a row for this setting. */
  has(name: SettingName): boolean;
  /** The A1 address of the setting's Value cell ("B13"), or null when unknown (no row, or not read from the tab). */
  cell(name: SettingName): string | null;
}

const HELP = 'Change it in the Value column of the Settings tab.';

function specOf(name: string): SettingSpec | undefined {
  return SETTINGS.find(s => s.name === name);
}

/** Settings as read, with the tab's grid and where to write a setting back. */
export type SettingsRead = Settings & TabRead;

/**
 * Reads the Settings tab by its span (two calls: src/workbook/span.ts), or whole when the span
 * cannot be read or lacks the Setting and Value headers (a missing tab, or headers past Z), so
 * that a missing tab or header stops with its message.
 */
export function readSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SettingsRead {
  const read = readTab(ss, TAB.settings, ['Setting', 'Value']) as TabRead;
  return {...settingsFromGrid(read.grid), ...read};
}

/** Settings from the grid of the Settings tab (header row first: Setting, Value, ...). */
export function settingsFromGrid(grid: readonly (readonly Cell[])[]): Settings {
  const headers = (grid[0] ?? []).map(h => String(h).trim());
  const nameCol = headers.indexOf('Setting');
  const valueCol = headers.indexOf('Value');
  if (nameCol < 0 || valueCol < 0) {
    throw new WorkbookError(
      'The Settings tab needs "Setting" and "Value" headers in row 1. Run Committee > Set up or repair workbook.',
    );
  }
  const values = new Map<string, Cell>();
  const cells = new Map<string, string>();
  const letter = columnLetter(valueCol + 1);
  for (let r = 1; r < grid.length; r++) {
    const name = String(grid[r][nameCol] ?? '').trim();
    if (name && !values.has(name)) {
      values.set(name, grid[r][valueCol] ?? '');
      cells.set(name, `${letter}${r + 1}`);
    }
  }
  // A row still under a setting's former name (set-up not yet re-run) is that setting.
  for (const spec of SETTINGS as readonly SettingSpec[])
    for (const former of spec.formerNames ?? [])
      if (!values.has(spec.name) && values.has(former)) {
        values.set(spec.name, values.get(former) as Cell);
        cells.set(spec.name, cells.get(former) as string);
      }
  return makeSettings(values, cells);
}

/** Settings from a plain name → value map (tests, and callers that already hold the values). */
export function makeSettings(
  values: ReadonlyMap<string, Cell>,
  cells: ReadonlyMap<string, string> = new Map(),
): Settings {
  const raw = (name: string): Cell => {
    if (values.has(name)) return values.get(name) as Cell;
    const spec = specOf(name);
    if (!spec)
      throw new WorkbookError(
        `There is no setting called "${name}" on the Settings tab. Run Committee > Set up or repair workbook to add it.`,
      );
    return spec.default;
  };
  const textOf = (name: string): string => {
    const v = raw(name);
    return isDate(v) ? v.toISOString() : String(v ?? '').trim();
  };
  const bad = (name: string, v: Cell, want: string): WorkbookError =>
    new WorkbookError(
      `The setting "${name}" should be ${want}; it is "${isDate(v) ? v.toISOString() : String(v)}". ${HELP}`,
    );

  return {
    has: name => values.has(name),
    cell: name => cells.get(name) ?? null,
    number(name) {
      const v = raw(name);
      if (v === '' || v === null || v === undefined)
        throw new WorkbookError(`The setting "${name}" is empty; it needs a number. ${HELP}`);
      const n =
        typeof v === 'number'
          ? v
          : /^\s*\d+(\.\d+)?\s*$/.test(String(v))
            ? Number(String(v).trim())
            : NaN;
      if (!Number.isFinite(n) || n < 0) throw bad(name, v, 'a number of 0 or more');
      return n;
    },
    date(name) {
      const v = raw(name);
      if (v === '' || v === null || v === undefined) return null;
      if (isDate(v)) return isoOfDate(v);
      if (typeof v === 'number' && v >= 18264 && v <= 73051) return isoOfSerial(v);
      const t = String(v).trim();
      const m =
        t
          .match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/)
          ?.slice(1)
          .reverse() ?? t.match(/^(\d{4})-(\d{2})-(\d{2})$/)?.slice(1);
      const serial = m ? serialOf(Number(m[0]), Number(m[1]), Number(m[2])) : null;
      if (serial === null) throw bad(name, v, 'a date written dd/mm/yyyy, e.g. 01/04/2026');
      return isoOfSerial(serial);
    },
    text(name) {
      const t = textOf(name);
      const spec = specOf(name);
      if (t && spec?.values) {
        const hit = spec.values.find(a => a.toLowerCase() === t.toLowerCase());
        if (!hit) throw bad(name, t, `one of: ${spec.values.join(', ')}`);
        return hit;
      }
      return t;
    },
    list(name) {
      const t = textOf(name);
      const items = t
        .split(/\s*;\s*/)
        .map(s => s.trim())
        .filter(Boolean);
      const spec = specOf(name);
      const allowed = spec?.values;
      if (!allowed) return items;
      return items.map(item => {
        const hit = allowed.find(a => a.toLowerCase() === item.toLowerCase());
        if (!hit) throw bad(name, item, `made of: ${allowed.join(', ')}`);
        return hit;
      });
    },
    time(name) {
      const v = raw(name);
      if (v === '' || v === null || v === undefined) return null;
      if (isDate(v)) return v.getHours() * 60 + v.getMinutes();
      if (typeof v === 'number' && v >= 0 && v < 1) return Math.round(v * 24 * 60);
      const m = parseClock(String(v));
      if (m === null) throw bad(name, v, 'a time of day such as 10:00');
      return m;
    },
    bool(name) {
      const v = raw(name);
      if (typeof v === 'boolean') return v;
      const t = String(v ?? '')
        .trim()
        .toLowerCase();
      if (t === 'yes' || t === 'true') return true;
      if (t === 'no' || t === 'false') return false;
      if (t === '')
        throw new WorkbookError(`The setting "${name}" is empty; it needs Yes or No. ${HELP}`);
      throw bad(name, v, 'Yes or No');
    },
    id(name) {
      const t = textOf(name);
      if (!t) return '';
      // A pasted Drive or Docs URL: keep the id part.
      const url =
        t.match(/\/(?:d|folders)\/([A-Za-z0-9_-]{10,})/) ?? t.match(/[?&]id=([A-Za-z0-9_-]{10,})/);
      if (url) return url[1];
      if (!/^[A-Za-z0-9_-]+$/.test(t))
        throw bad(name, t, 'a Drive id (letters, digits, - and _) or a Drive link');
      return t;
    },
    email(name) {
      const t = textOf(name);
      if (t && !/^[^\s@;,]+@[^\s@;,]+\.[A-Za-z]{2,}$/.test(t))
        throw bad(name, t, 'an email address such as clerk@example.org');
      return t;
    },
  };
}

/** "10:00", "9:30", "9.30am", "2pm", "14.00" → minutes after midnight; null when not a time. */
export function parseClock(text: string): number | null {
  const m = text
    .trim()
    .toLowerCase()
    .match(/^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/);
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (m[2] === undefined && !m[3]) return null; // a bare number is not a time
  if (min > 59) return null;
  if (m[3]) {
    if (h < 1 || h > 12) return null;
    if (m[3] === 'pm' && h !== 12) h += 12;
    if (m[3] === 'am' && h === 12) h = 0;
  }
  if (h > 23) return null;
  return h * 60 + min;
}

/** What is wrong with a value for a named setting, or null when it can be read (unknown names: null). */
export function settingProblem(name: string, value: Cell): string | null {
  const spec = specOf(name);
  if (!spec) return null;
  const n = spec.name as SettingName;
  const one = makeSettings(new Map([[n, value ?? '']]));
  try {
    switch (spec.type) {
      case 'number':
        one.number(n);
        break;
      case 'time':
        one.time(n);
        break;
      case 'bool':
        one.bool(n);
        break;
      case 'id':
        one.id(n);
        break;
      case 'email':
        one.email(n);
        break;
      case 'multi':
        one.list(n);
        break;
      case 'date':
        one.date(n);
        break;
      default:
        one.text(n);
    }
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
