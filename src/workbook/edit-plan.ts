/**
 * onEdit as a plan: from one typed cell (what was typed, the old value, the header, the row as
 * it was, today) to the writes and notes to make. Pure: no Apps Script call, so every rule is
 * unit-tested without the emulator; src/workbook/onedit.ts reads what the plan needs and
 * applies it in the fewest calls.
 */
import {ColumnSpec, EXTENDABLE_LISTS, TabSpec, UniqueRule} from './schema';
import {Cell, headerPositions, isDate} from './table';
import {
  checkValue,
  duplicateRows,
  missingRequired,
  refusesInvalid,
  rowRules,
  ruleHeaders,
  RowFinding,
  shown,
  uniqueKey,
} from './validate';
import {formulaFor} from './formulas';
import {dateOf, isoOfSerial, showSerial} from './dates';
import {isoOfDate} from '../domain/calendar';
import {Rostered, nomineeProblem, substituteProblem} from '../domain/deputies';
import {flagNote, formulaNote, keptAsTextNote, refusedNote} from './marks';

export interface EditContext {
  readonly now: Date;
  /** Today as a serial day. */
  readonly today: number;
  readonly user: string;
}

/** One typed cell. */
export interface CellEdit {
  readonly spec: TabSpec;
  /** 1-based sheet row and column. */
  readonly row: number;
  readonly col: number;
  /** The header of the edited column ('' when it has none). */
  readonly header: string;
  /** What the cell holds after Sheets parsed the typing (fromEvent). */
  readonly typed: Cell;
  /** Exactly what the person typed, for notes ("50%", "01/01/2027"). */
  readonly typedText: string;
  readonly old: Cell;
  /** The cell's formula when Sheets may have turned typed text into one ('' otherwise). */
  readonly formula: string;
  /**
   * Row 1 and the edited row as they were (null when the plan did not need them; on a stamped
   * tab, the headers alone for a value flagged or refused).
   */
  readonly headers: readonly string[] | null;
  readonly rowValues: readonly Cell[] | null;
  /** For a unique key the edit changes: the key columns of every data row (row 2 first). */
  readonly keyRows?: readonly (readonly Cell[])[];
  /** For an edit that names a substitute (schema `substitute`): the Members tab's roster. */
  readonly roster?: readonly Rostered[];
}

/** A mark on a cell: a note (with the flag background when `flag`), or null to clear ours. */
export type Mark = {readonly note: string; readonly flag: boolean} | null;

export interface EditPlan {
  /** Values to write in the edited row: 0-based column → value (formulas as "=..."). */
  readonly writes: ReadonlyMap<number, Cell>;
  /** Notes to set or clear in the edited row: 0-based column → mark. */
  readonly marks: ReadonlyMap<number, Mark>;
}

/** The cell value an onEdit event describes (e.value / e.oldValue are text; numbers and dates come as numbers). */
export function fromEvent(col: ColumnSpec | undefined, v: unknown): Cell {
  if (v === undefined || v === null) return '';
  const s = String(v);
  if (!col) return s;
  const numeric = ['date', 'time', 'number', 'money', 'percent'].includes(col.type);
  if (numeric && /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(s)) return Number(s);
  return s;
}

/** Text that Sheets may have turned into something else, so the formula behind it is worth a look. */
export function mayBeFormula(text: string): boolean {
  return /^(-?\d+(\.\d+)?|TRUE|FALSE|#[A-Z0-9/!?]+)$/.test(text) || text === '';
}

/** The plausible date serials (1950-2100): other numbers in a date column were typed as numbers. */
function plausibleDate(v: Cell): boolean {
  return typeof v !== 'number' || (v >= 18264 && v <= 73051);
}

/** Checks a cell value; in a date column a number is a day Sheets already parsed (if plausible). */
export function checkCell(col: ColumnSpec, v: Cell) {
  if (col.type === 'date' && typeof v === 'number') {
    return plausibleDate(v)
      ? {ok: true as const, value: v, changed: false}
      : {
          ok: false as const,
          problem: `${shown(v)} is not a date. Type the date as dd/mm/yyyy, for example 12/03/2026.`,
        };
  }
  return checkValue(col, v);
}

/** Headers whose edits need the rest of the row: row rules, unique keys, formulas, required columns. */
export function rowHeaders(spec: TabSpec): Set<string> {
  const s = ruleHeaders(spec);
  for (const c of spec.columns) {
    if (c.formula || c.required) s.add(c.header);
    for (const m of (c.formula ?? '').matchAll(/\{([^{}]+)\}/g)) s.add(m[1]);
  }
  return s;
}

/** Whether every edit of the tab needs its row (a column stamped on each edit). */
export const stampsRows = (spec: TabSpec): boolean =>
  (spec.rowRules ?? []).some(r => r.kind === 'stamp');

/**
 * Whether an edit needs the row: when a row rule can apply to an acceptable value (on a stamped
 * tab, any acceptable value: the stamp is not rewritten when it already says today). A value
 * flagged or refused needs no row: it is marked on its own, and a stamped tab is stamped from
 * the header row alone (planCellEdit), unless the tab has formula columns that a new row gets.
 */
export function needsRow(spec: TabSpec, header: string, typed: Cell): boolean {
  const col = spec.columns.find(c => c.header === header);
  if (!col) return false;
  if (col.formula) return true;
  const ok = checkCell(col, typed).ok;
  if (stampsRows(spec)) return ok || spec.columns.some(c => !!c.formula);
  return ok && rowHeaders(spec).has(header);
}

/** The stamp columns of a flagged edit read without its row: today, whatever they said. */
function stampWithoutRow(
  spec: TabSpec,
  header: string,
  index: ReadonlyMap<string, number>,
  today: number,
  writes: Map<number, Cell>,
): void {
  for (const rule of spec.rowRules ?? []) {
    if (rule.kind !== 'stamp' || rule.header === header) continue;
    const i = index.get(rule.header);
    if (i !== undefined) writes.set(i, dateOf(today));
  }
}

/** Unique rules whose key the accepted edit sets (their columns must be read down the tab). */
export function keyRulesOf(
  spec: TabSpec,
  header: string,
  index: ReadonlyMap<string, number>,
  after: readonly Cell[],
): UniqueRule[] {
  return (spec.unique ?? []).filter(
    u =>
      u.columns.includes(header) &&
      u.columns.every(h => index.has(h)) &&
      uniqueKey(u, index, after) !== null,
  );
}

/** Where each header is (first occurrence, 0-based). */
export const indexOf = headerPositions;

function byHeader(
  spec: TabSpec,
  index: ReadonlyMap<string, number>,
  row: readonly Cell[],
): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const c of spec.columns) {
    const i = index.get(c.header);
    if (i !== undefined) out[c.header] = row[i] ?? '';
  }
  return out;
}

/** A stored old value as the person saw it (a date serial as the date). */
function displayOld(col: ColumnSpec, v: Cell): Cell {
  if (col.type === 'date' && typeof v === 'number') return showSerial(v);
  return v;
}

/** The plan for one typed cell. */
export function planCellEdit(edit: CellEdit, ctx: EditContext): EditPlan {
  const {spec, header, typed, old} = edit;
  const c0 = edit.col - 1;
  const col = spec.columns.find(c => c.header === header);
  const writes = new Map<number, Cell>();
  const marks = new Map<number, Mark>();
  let value: Cell = typed;
  let own: Mark | undefined; // the edited cell's mark; undefined leaves its note alone
  let refused = false;

  if (col?.formula && edit.headers) {
    // Typed over a formula: put the formula back, keep what was typed in the note.
    value = formulaFor(spec, col.header, edit.row, indexOf(edit.headers));
    writes.set(c0, value);
    own = {note: formulaNote(edit.typedText, col.header, ctx.now, ctx.user), flag: false};
    refused = true;
  } else if (col) {
    if (edit.formula && col.type === 'text') {
      value = `'${edit.formula}`;
      writes.set(c0, value);
      own = {note: keptAsTextNote(edit.formula, ctx.now), flag: false};
    } else {
      const verdict = checkCell(col, typed);
      if (verdict.ok) {
        value = verdict.value;
        if (verdict.changed) writes.set(c0, value);
        // A flag of ours goes; the old value may have been refused by a list since extended.
        if (old !== '' && (!checkCell(col, old).ok || col.header in EXTENDABLE_LISTS)) own = null;
      } else if (refusesInvalid(spec, col)) {
        value = old;
        refused = true;
        writes.set(c0, old);
        own = {
          note: refusedNote(
            edit.typedText,
            verdict.problem,
            ctx.now,
            ctx.user,
            old === '' ? 'was left empty' : `was put back to ${shown(displayOld(col, old))}`,
          ),
          flag: false,
        };
      } else {
        own = {note: flagNote(verdict.problem), flag: true};
      }
    }
  }

  if (edit.headers && !edit.rowValues && !refused)
    stampWithoutRow(spec, header, indexOf(edit.headers), ctx.today, writes);
  if (edit.headers && edit.rowValues && !refused) {
    const index = indexOf(edit.headers);
    const after = edit.rowValues.slice();
    after[c0] = typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value;
    const before = edit.rowValues.slice();
    before[c0] = old;
    // Spaces typed into a required column read as empty: flagged, as a paste is.
    const found = [
      ...missingRequired(spec, byHeader(spec, index, after)).filter(f => f.header === header),
      ...rowRules(spec, byHeader(spec, index, after), new Set([header]), ctx.today),
    ];
    const was = rowRules(spec, byHeader(spec, index, before), new Set(), ctx.today);
    applyFindings(found, was, index, writes, marks);
    if (spec.substitute && edit.roster)
      substituteMarks(spec.substitute, index, before, after, edit.roster, marks);
    // A row rule about the edited cell itself marks it like a type problem.
    const mine = marks.get(c0);
    marks.delete(c0);
    if (mine && !own) own = mine;
    else if (mine === null && own === undefined) own = null;
    // A new row: the formula columns follow it.
    const wasEmpty = spec.columns.every(c => {
      const i = index.get(c.header);
      return i === undefined || i === c0 || !!c.formula || before[i] === '' || before[i] === null;
    });
    if (wasEmpty)
      for (const c of spec.columns) {
        const i = index.get(c.header);
        if (c.formula && i !== undefined && !writes.has(i))
          writes.set(i, formulaFor(spec, c.header, edit.row, index));
      }
    // One row per key (schema `unique`), against the key columns read down the tab.
    if (edit.keyRows && !own?.flag)
      for (const rule of keyRulesOf(spec, header, index, after)) {
        const rows = edit.keyRows.map((line, k): readonly [number, readonly Cell[]] => [
          k + 2,
          k + 2 === edit.row ? after : line,
        ]);
        const dup = duplicateRows({...spec, unique: [rule]}, index, rows).find(
          d => d.row === edit.row,
        );
        if (dup) own = {note: flagNote(dup.problem), flag: true};
      }
  }
  // A second serving nominee of one body: the roster was read after the edit, so it holds it.
  if (spec.nominee === header && edit.roster && !refused && own === undefined) {
    const v = nomineeProblem(edit.roster, edit.row, isoOfSerial(ctx.today));
    own = v ? {note: flagNote(`${v.problem} ${v.whatToDo}`), flag: true} : null;
  }
  if (own !== undefined) marks.set(c0, own);
  return {writes, marks};
}

/** Whether an edit of `header` may change who stood in for whom (the roster is read for it). */
export function needsRoster(spec: TabSpec, header: string): boolean {
  const s = spec.substitute;
  return (
    (!!s && [s.member, s.substitute, 'Attendance'].includes(header)) || header === spec.nominee
  );
}

/** The substitute cell flagged (kept as typed) when the person may not stand in; cleared when they now may. */
function substituteMarks(
  rule: NonNullable<TabSpec['substitute']>,
  index: ReadonlyMap<string, number>,
  before: readonly Cell[],
  after: readonly Cell[],
  roster: readonly Rostered[],
  marks: Map<number, Mark>,
): void {
  const i = index.get(rule.substitute);
  const m = index.get(rule.member);
  if (i === undefined || m === undefined) return;
  const d = index.get(rule.date);
  const verdict = (line: readonly Cell[]) => {
    const sub = String(line[i] ?? '').trim();
    const a = index.get('Attendance');
    const stoodIn = sub !== '' || (a !== undefined && line[a] === 'Substitute attended');
    if (!stoodIn) return null;
    const day = d === undefined ? null : dayOfCell(line[d]);
    return substituteProblem(String(line[m] ?? ''), sub, day, roster);
  };
  const now = verdict(after);
  if (now) marks.set(i, {note: flagNote(`${now.problem} ${now.whatToDo}`), flag: true});
  else if (verdict(before) && !marks.get(i)) marks.set(i, null);
}

/** A date cell as an ISO day (null when it is not a date). */
function dayOfCell(v: Cell): string | null {
  if (typeof v === 'number') return isoOfSerial(v);
  if (isDate(v)) return isoOfDate(v);
  return null;
}

/** Row-rule findings after the edit, compared with those before: fills, new flags, flags to clear. */
function applyFindings(
  after: readonly RowFinding[],
  before: readonly RowFinding[],
  index: ReadonlyMap<string, number>,
  writes: Map<number, Cell>,
  marks: Map<number, Mark>,
): void {
  for (const f of after) {
    const i = index.get(f.header);
    if (i === undefined) continue;
    if (f.fill !== undefined) writes.set(i, f.fill);
    if (f.problem) marks.set(i, {note: flagNote(f.problem), flag: true});
  }
  for (const f of before) {
    const i = index.get(f.header);
    if (i === undefined || !f.problem) continue;
    if (!after.some(a => a.header === f.header && a.problem)) marks.set(i, null);
  }
}
