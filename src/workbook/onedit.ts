/**
 * Validation as people type (the simple onEdit trigger: no services that need authorisation).
 *
 * Single cell: the edited column's header is read on its own (one call); the row is read only
 * when a row rule, a formula or the action stamp needs it. No read ever grows with the tab.
 * Paste (e.value undefined): the header row and the pasted rows are read once, checked, and
 * written back with one setValues, and the notes and backgrounds of the pasted cells with one
 * setNotes and one setBackgrounds (a paste replaces those anyway).
 *
 * A value that cannot be accepted is flagged (kept; background and note) or, in columns the
 * program's formulas read, refused: the old value is put back and the note records what was
 * typed, when, by whom and why (for a paste, which has no old value, the cell is left empty).
 * The Problems tab is rebuilt by Committee > Check workbook problems, not here: keeping it
 * current from onEdit would mean reading it on every edit.
 */
import {ColumnSpec, TabSpec} from './schema';
import {Cell, forColumn} from './table';
import {
  checkValue,
  refusesInvalid,
  rowRules,
  validatedTab,
  duplicateRows,
  ruleHeaders,
  shown,
  missingRequired,
  RowFinding,
  uniqueKey,
} from './validate';
import {isProgramBuilt} from './setup';
import {formulaFor, columnLetter} from './formulas';
import {todaySerial, showSerial} from './dates';
import {FLAG_BACKGROUND, flagNote, refusedNote, formulaNote, keptAsTextNote} from './marks';
import {settingProblem} from './settings';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface Rect {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** "B5" or "B5:D9" → rectangle (1-based). */
export function parseA1(a1: string): Rect {
  const m = a1.replace(/\$/g, '').match(/^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i);
  if (!m) throw new Error(`Cannot read the edited range "${a1}".`);
  const colOf = (s: string) =>
    s
      .toUpperCase()
      .split('')
      .reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = colOf(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? colOf(m[3]) : c1;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numCols: Math.abs(c2 - c1) + 1,
  };
}

/**
 * Values of a block in one call: Sheet.getSheetValues
 * (developers.google.com/apps-script/reference/spreadsheet/sheet#getsheetvaluesstartrow,-startcolumn,-numrows,-numcolumns);
 * numCols -1 reads to the last column with content, so no getLastColumn call is needed.
 * Where a host lacks getSheetValues, getLastColumn and getRange().getValues() do the same.
 */
function readBlock(
  sheet: Sheet,
  row: number,
  col: number,
  numRows: number,
  numCols: number,
): Cell[][] {
  const direct = (sheet as unknown as {getSheetValues?: unknown}).getSheetValues;
  if (typeof direct === 'function')
    return sheet.getSheetValues(row, col, numRows, numCols) as Cell[][];
  const cols = numCols === -1 ? Math.max(sheet.getLastColumn() - col + 1, 1) : numCols;
  return sheet.getRange(row, col, numRows, cols).getValues() as Cell[][];
}

/** The header row and one data row, in one read when the row is row 2. Widths to the last column. */
function readHeaderAndRow(sheet: Sheet, row: number): {headers: string[]; rowValues: Cell[]} {
  if (row === 2) {
    const block = readBlock(sheet, 1, 1, 2, -1);
    return {headers: block[0].map(h => String(h).trim()), rowValues: block[1]};
  }
  const headers = readBlock(sheet, 1, 1, 1, -1)[0].map(h => String(h).trim());
  const rowValues = readBlock(sheet, row, 1, 1, -1)[0];
  // A row read to the last column of its own content may be shorter than the header row.
  while (rowValues.length < headers.length) rowValues.push('');
  return {headers, rowValues};
}

/** Headers whose edits need the rest of the row. */
function rowHeaders(spec: TabSpec): Set<string> {
  const s = ruleHeaders(spec);
  for (const c of spec.columns) {
    if (c.formula || c.required) s.add(c.header);
    for (const m of (c.formula ?? '').matchAll(/\{([^{}]+)\}/g)) s.add(m[1]);
  }
  return s;
}

/** The cell value an onEdit event describes (e.value / e.oldValue are text; numbers and dates come as numbers). */
export function fromEvent(col: ColumnSpec | undefined, v: unknown): Cell {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object' && v !== null && 'oldValue' in (v as object))
    return fromEvent(col, (v as {oldValue: unknown}).oldValue);
  const s = String(v);
  if (!col) return s;
  const numeric = ['date', 'time', 'number', 'money', 'percent'].includes(col.type);
  if (numeric && /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(s)) return Number(s);
  return s;
}

/** Text that Sheets may have turned into something else, so the formula behind it is worth a look. */
function mayBeFormula(text: string): boolean {
  return /^(-?\d+(\.\d+)?|TRUE|FALSE|#[A-Z0-9/!?]+)$/.test(text) || text === '';
}

/** The plausible date serials (1950-2100): other numbers in a date column were typed as numbers. */
function plausibleDate(v: Cell): boolean {
  return typeof v !== 'number' || (v >= 18264 && v <= 73051);
}

/** Checks a cell value; in a date column a number is a day Sheets already parsed (if plausible). */
function checkCell(col: ColumnSpec, v: Cell) {
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

/** What the person typed, as they typed it (Sheets sends a typed date as its serial). */
function typedText(col: ColumnSpec | undefined, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (col?.type === 'date' && /^\d+$/.test(String(v))) return showSerial(Number(v));
  return String(v);
}

interface Ctx {
  now: Date;
  today: number;
  user: string;
}

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit, now: Date = new Date()): void {
  const range = e.range;
  const sheet = range.getSheet();
  const spec = validatedTab(sheet.getName());
  if (!spec || isProgramBuilt(spec)) return;
  const rect = parseA1(range.getA1Notation());
  let user = '';
  try {
    user = e.user ? String(e.user.getEmail ? e.user.getEmail() : e.user) : '';
  } catch {
    user = '';
  }
  const ctx: Ctx = {now, today: todaySerial(now), user};
  if (rect.numRows === 1 && rect.numCols === 1) {
    if (rect.row > 1) singleEdit(sheet, spec, range, rect, e, ctx);
  } else {
    // Header cells in the paste are left to set-up; only data rows are checked.
    const top = Math.max(rect.row, 2);
    if (rect.row + rect.numRows - 1 >= top)
      pasteEdit(
        sheet,
        spec,
        {...rect, row: top, numRows: rect.row + rect.numRows - top},
        range,
        rect.row < top,
        ctx,
        e.source,
      );
  }
}

function singleEdit(
  sheet: Sheet,
  spec: TabSpec,
  range: Range,
  rect: Rect,
  e: GoogleAppsScript.Events.SheetsOnEdit,
  ctx: Ctx,
): void {
  const needsRow = (spec.rowRules ?? []).some(r => r.kind === 'stamp');
  let header: string;
  let headers: string[] | null = null;
  let rowValues: Cell[] | null = null;
  if (needsRow) {
    ({headers, rowValues} = readHeaderAndRow(sheet, rect.row));
    header = headers[rect.col - 1] ?? '';
  } else {
    header = String(readBlock(sheet, 1, rect.col, 1, 1)[0][0]).trim();
  }
  const col = spec.columns.find(c => c.header === header);
  if (!col && !needsRow) return;
  // The row is read only when a row rule can apply: the value itself is acceptable, or it is a formula column.
  if (
    !headers &&
    col &&
    rowHeaders(spec).has(col.header) &&
    (col.formula || checkCell(col, fromEvent(col, e.value)).ok)
  ) {
    ({headers, rowValues} = readHeaderAndRow(sheet, rect.row));
  }
  if (spec.name === 'Settings' && header === 'Value') {
    settingEdit(sheet, range, rect.row, e);
    return;
  }

  const typed: Cell = fromEvent(col, e.value);
  const old: Cell = fromEvent(col, e.oldValue);
  let newValue: Cell = typed;
  let write = false;
  let note: string | null | undefined; // undefined: leave the note; null: clear our flag
  let flag = false;

  if (col?.formula && headers) {
    // Typed over a formula: put the formula back, keep what was typed in the note.
    const index = indexOf(headers);
    newValue = formulaFor(spec, col.header, rect.row, index);
    write = true;
    note = formulaNote(typedText(col, e.value), col.header, ctx.now, ctx.user);
  } else if (col) {
    if (
      (col.type === 'text' || col.type === 'link') &&
      mayBeFormula(e.value === undefined ? '' : String(e.value))
    ) {
      const f = range.getFormula();
      if (f && col.type === 'text') {
        newValue = `'${f}`;
        write = true;
        note = keptAsTextNote(f, ctx.now);
      }
    }
    if (note === undefined) {
      const verdict = checkCell(col, typed);
      if (verdict.ok) {
        newValue = verdict.value;
        write = verdict.changed;
        const oldVerdict = checkCell(col, old);
        if (!oldVerdict.ok && old !== '') note = null;
      } else if (refusesInvalid(spec, col)) {
        newValue = old;
        write = true;
        note = refusedNote(
          typedText(col, e.value),
          verdict.problem,
          ctx.now,
          ctx.user,
          old === '' ? 'was left empty' : `was put back to ${shown(displayOld(col, old))}`,
        );
      } else {
        flag = true;
        note = flagNote(verdict.problem);
      }
    }
  }

  const writes = new Map<number, Cell>(); // 0-based column → value
  const flags = new Map<number, string>();
  const clears = new Set<number>();
  if (write) writes.set(rect.col - 1, newValue);

  if (headers && rowValues) {
    const index = indexOf(headers);
    const after = rowValues.slice();
    after[rect.col - 1] =
      typeof newValue === 'string' && newValue.startsWith("'") ? newValue.slice(1) : newValue;
    const before = rowValues.slice();
    before[rect.col - 1] = old;
    const edited = new Set([header]);
    const findingsAfter = rowRules(spec, byHeader(spec, index, after), edited, ctx.today);
    const findingsBefore = rowRules(spec, byHeader(spec, index, before), new Set(), ctx.today);
    applyFindings(findingsAfter, findingsBefore, index, writes, flags, clears, rect.col - 1);
    // A row rule about the edited cell itself marks it like a type problem (unless it was refused).
    const own = flags.get(rect.col - 1);
    if (own !== undefined) {
      flags.delete(rect.col - 1);
      if (!note) {
        flag = true;
        note = flagNote(own);
      }
    }
    if (clears.has(rect.col - 1)) {
      clears.delete(rect.col - 1);
      if (note === undefined) note = null;
    }
    // A new row: the formula columns follow it.
    const wasEmpty = spec.columns.every(c => {
      const i = index.get(c.header);
      return (
        i === undefined ||
        i === rect.col - 1 ||
        !!c.formula ||
        before[i] === '' ||
        before[i] === null
      );
    });
    if (wasEmpty) {
      for (const c of spec.columns) {
        const i = index.get(c.header);
        if (c.formula && i !== undefined && !writes.has(i))
          writes.set(i, formulaFor(spec, c.header, rect.row, index));
      }
    }
    // One row per key (schema `unique`): the key's columns are read down the tab only when the edit changes a key.
    for (const rule of spec.unique ?? []) {
      if (!rule.columns.includes(header) || !rule.columns.every(h => index.has(h))) continue;
      if (uniqueKey(rule, index, after) === null) continue;
      const cols = rule.columns.map(h => index.get(h) as number);
      const c0 = Math.min(...cols);
      const last = sheet.getLastRow();
      const block = readBlock(sheet, 2, c0 + 1, Math.max(last - 1, 1), Math.max(...cols) - c0 + 1);
      const others = block
        .map((r, k): readonly [number, Cell[]] => {
          const line: Cell[] = [];
          cols.forEach(c => (line[c] = r[c - c0]));
          return [k + 2, k + 2 === rect.row ? after : line];
        })
        .filter(([r, line]) => r === rect.row || uniqueKey(rule, index, line) !== null);
      if (others.every(([r]) => r !== rect.row)) others.push([rect.row, after]);
      const dup = duplicateRows({...spec, unique: [rule]}, index, others).find(
        d => d.row === rect.row,
      );
      if (dup && !note) {
        flag = true;
        note = flagNote(dup.problem);
      }
    }
  }

  // Writes: the edited row's changed cells in one setValues (formula columns as formulas).
  if (writes.size) {
    if (writes.size === 1 && writes.has(rect.col - 1)) range.setValue(newValue);
    else
      writeRowSpan(
        sheet,
        spec,
        rect.row,
        rowValues ?? [],
        writes,
        headers ? indexOf(headers) : new Map(),
      );
  }
  if (flag && note) {
    range.setBackground(FLAG_BACKGROUND);
    range.setNote(note);
  } else if (note === null) {
    range.setBackground(null);
    range.setNote('');
  } else if (note) {
    range.setNote(note);
  }
  for (const [c, problem] of flags) {
    const cell = sheet.getRange(rect.row, c + 1);
    cell.setBackground(FLAG_BACKGROUND);
    cell.setNote(flagNote(problem));
  }
  for (const c of clears) {
    const cell = sheet.getRange(rect.row, c + 1);
    cell.setBackground(null);
    cell.setNote('');
  }
}

/** A Settings value: checked against the setting named in the same row; kept and flagged when it cannot be read. */
function settingEdit(
  sheet: Sheet,
  range: Range,
  row: number,
  e: GoogleAppsScript.Events.SheetsOnEdit,
): void {
  const {headers, rowValues} = readHeaderAndRow(sheet, row);
  const name = String(rowValues[headers.indexOf('Setting')] ?? '').trim();
  const typed = e.value === undefined ? '' : String(e.value);
  const problem = name ? settingProblem(name, typed) : null;
  const old = e.oldValue === undefined ? '' : String(e.oldValue);
  if (problem) {
    range.setBackground(FLAG_BACKGROUND);
    range.setNote(flagNote(problem));
  } else if (name && old !== '' && settingProblem(name, old)) {
    range.setBackground(null);
    range.setNote('');
  }
}

/** A stored old value as the person saw it (a date serial as the date). */
function displayOld(col: ColumnSpec, v: Cell): Cell {
  if (col.type === 'date' && typeof v === 'number') return showSerial(v);
  return v;
}

function indexOf(headers: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  return index;
}

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

/** Row-rule findings after the edit, compared with those before: fills, new flags, flags to clear. */
function applyFindings(
  after: RowFinding[],
  before: RowFinding[],
  index: ReadonlyMap<string, number>,
  writes: Map<number, Cell>,
  flags: Map<number, string>,
  clears: Set<number>,
  _editedCol: number,
): void {
  for (const f of after) {
    const i = index.get(f.header);
    if (i === undefined) continue;
    if (f.fill !== undefined) writes.set(i, f.fill);
    if (f.problem) flags.set(i, f.problem);
  }
  for (const f of before) {
    const i = index.get(f.header);
    if (i === undefined || !f.problem) continue;
    if (!after.some(a => a.header === f.header && a.problem)) clears.add(i);
  }
}

/** Writes the changed cells of one row with one setValues over their span; formula columns get their formula. */
function writeRowSpan(
  sheet: Sheet,
  spec: TabSpec,
  row: number,
  rowValues: readonly Cell[],
  writes: ReadonlyMap<number, Cell>,
  index: ReadonlyMap<string, number>,
): void {
  const cols = [...writes.keys()];
  const c0 = Math.min(...cols);
  const c1 = Math.max(...cols);
  const formulaAt = new Map<number, string>();
  for (const c of spec.columns) {
    const i = index.get(c.header);
    if (c.formula && i !== undefined) formulaAt.set(i, formulaFor(spec, c.header, row, index));
  }
  const line: Cell[] = [];
  for (let c = c0; c <= c1; c++) {
    if (writes.has(c)) line.push(writes.get(c) as Cell);
    else if (formulaAt.has(c)) line.push(formulaAt.get(c) as string);
    else line.push(forColumn(colOfIndex(spec, index, c), rowValues[c]));
  }
  sheet.getRange(row, c0 + 1, 1, line.length).setValues([line]);
}

function colOfIndex(
  spec: TabSpec,
  index: ReadonlyMap<string, number>,
  c: number,
): ColumnSpec | undefined {
  return spec.columns.find(x => index.get(x.header) === c);
}

function pasteEdit(
  sheet: Sheet,
  spec: TabSpec,
  rect: Rect,
  range: Range,
  headerInPaste: boolean,
  ctx: Ctx,
  source?: GoogleAppsScript.Spreadsheet.Spreadsheet,
): void {
  const headers = readBlock(sheet, 1, 1, 1, -1)[0].map(h => String(h).trim());
  const width = Math.max(headers.length, rect.col + rect.numCols - 1);
  while (headers.length < width) headers.push('');
  const index = indexOf(headers);
  const colAt = new Map<number, ColumnSpec>();
  for (const c of spec.columns) {
    const i = index.get(c.header);
    if (i !== undefined) colAt.set(i, c);
  }
  const first = rect.col - 1;
  const lastPasted = first + rect.numCols - 1;
  const pasted = (c: number) => c >= first && c <= lastPasted;
  // Read only the pasted cells when they cover every column of the schema (a whole-row import);
  // otherwise the whole width of the pasted rows, which row rules and formulas need.
  const covers = [...colAt.keys()].every(pasted);
  const pasteRange = headerInPaste
    ? sheet.getRange(rect.row, rect.col, rect.numRows, rect.numCols)
    : range;
  const readRange = covers ? pasteRange : sheet.getRange(rect.row, 1, rect.numRows, width);
  const off = covers ? first : 0; // grid column = sheet column (0-based) - off
  const rows = readRange.getValues() as Cell[][];
  const at = (line: readonly Cell[], c: number): Cell => line[c - off] ?? '';
  // Text that Sheets turned into a formula: keep the typed text (one more read, only when it may have happened).
  let formulas: string[][] | null = null;
  const suspicious = rows.some(line =>
    line.some((v, k) => {
      const col = colAt.get(k + off);
      return (
        col?.type === 'text' &&
        pasted(k + off) &&
        (typeof v === 'boolean' || (typeof v === 'string' && /^#[A-Z0-9/!?]+$/.test(v)))
      );
    }),
  );
  if (suspicious) formulas = readRange.getFormulas();

  const out = rows.map(r => r.slice());
  const notes: string[][] = rows.map(() => new Array(rect.numCols).fill(''));
  const backgrounds: (string | null)[][] = rows.map(() => new Array(rect.numCols).fill(null));
  const extra: {row: number; col: number; problem: string}[] = [];
  let problems = 0;
  const firstProblems: string[] = [];
  const mark = (
    r: number,
    c: number,
    note: string,
    isFlag: boolean,
    problem: string,
    counts = true,
  ) => {
    if (counts) problems++;
    if (counts && firstProblems.length < 3)
      firstProblems.push(`${columnLetter(c + 1)}${rect.row + r}: ${problem}`);
    if (pasted(c)) {
      notes[r][c - first] = note;
      if (isFlag) backgrounds[r][c - first] = FLAG_BACKGROUND;
    } else extra.push({row: rect.row + r, col: c + 1, problem});
  };
  const set = (r: number, c: number, v: Cell) => {
    if (c - off >= 0 && c - off < out[r].length) out[r][c - off] = v;
    else {
      extra.push({row: rect.row + r, col: c + 1, problem: ''});
      outside[`${r}:${c}`] = v;
    }
  };
  const outside: Record<string, Cell> = {};

  for (let r = 0; r < rows.length; r++) {
    const line = out[r];
    if ([...colAt.keys()].every(c => at(line, c) === '' || at(line, c) === null)) continue;
    const editedHeaders = new Set<string>();
    for (let c = first; c <= lastPasted; c++) {
      const col = colAt.get(c);
      if (!col) continue;
      editedHeaders.add(col.header);
      const v = at(line, c);
      if (col.formula) {
        if (v !== '' && v !== null && !(formulas && formulas[r][c - off]))
          mark(
            r,
            c,
            formulaNote(String(v), col.header, ctx.now, ctx.user),
            false,
            `${col.header} is worked out by the program`,
          );
        set(r, c, formulaFor(spec, col.header, rect.row + r, index));
        continue;
      }
      const f = formulas ? formulas[r][c - off] : '';
      if (f && col.type === 'text') {
        set(r, c, `'${f}`);
        mark(r, c, keptAsTextNote(f, ctx.now), false, 'text starting with = kept as text', false);
        continue;
      }
      const verdict = checkCell(col, v);
      if (verdict.ok) {
        if (verdict.changed) set(r, c, verdict.value);
      } else if (refusesInvalid(spec, col)) {
        mark(
          r,
          c,
          refusedNote(
            String(v),
            verdict.problem,
            ctx.now,
            ctx.user,
            'was left empty: the value was pasted, so there was nothing to put back',
          ),
          false,
          verdict.problem,
        );
        set(r, c, '');
      } else {
        mark(r, c, flagNote(verdict.problem), true, verdict.problem);
      }
    }
    const values: Record<string, Cell> = {};
    for (const c of spec.columns) {
      const i = index.get(c.header);
      if (i !== undefined) values[c.header] = at(line, i);
    }
    for (const finding of [
      ...missingRequired(spec, values),
      ...rowRules(spec, values, editedHeaders, ctx.today),
    ]) {
      const i = index.get(finding.header);
      if (i === undefined) continue;
      if (finding.fill !== undefined) set(r, i, finding.fill);
      if (finding.problem) mark(r, i, flagNote(finding.problem), true, finding.problem);
    }
    // New rows: formula columns follow them.
    for (const c of spec.columns) {
      const i = index.get(c.header);
      if (
        c.formula &&
        i !== undefined &&
        !pasted(i) &&
        (at(rows[r], i) === '' || at(rows[r], i) === null)
      )
        set(r, i, formulaFor(spec, c.header, rect.row + r, index));
    }
  }
  // One row per key among the pasted rows (rows already on the tab are checked by Problems).
  const keyed = out.map((l, r): readonly [number, Cell[]] => {
    const line: Cell[] = [];
    index.forEach(i => (line[i] = at(l, i)));
    return [r, line];
  });
  for (const d of duplicateRows(spec, index, keyed))
    mark(d.row, index.get(d.header) as number, flagNote(d.problem), true, d.problem);

  // Values: one setValues. Over the pasted cells when nothing outside them changed; otherwise over
  // the span of changed columns. Unchanged text is written so that it stays text.
  const changedCols = new Set<number>();
  out.forEach((l, r) =>
    l.forEach((v, k) => {
      if (v !== rows[r][k]) changedCols.add(k + off);
    }),
  );
  if (changedCols.size) {
    const inPaste = [...changedCols].every(pasted);
    const c0 = inPaste ? first : Math.min(...changedCols);
    const c1 = inPaste ? lastPasted : Math.max(...changedCols);
    const grid = out.map((l, r) => {
      const line: Cell[] = [];
      for (let c = c0; c <= c1; c++) {
        const v = at(l, c);
        const isFormula = !!colAt.get(c)?.formula && typeof v === 'string' && v.startsWith('=');
        const keptAsText = typeof v === 'string' && v.startsWith("'") && v !== at(rows[r], c);
        line.push(isFormula || keptAsText ? v : forColumn(colAt.get(c), v));
      }
      return line;
    });
    (inPaste ? pasteRange : sheet.getRange(rect.row, c0 + 1, grid.length, c1 - c0 + 1)).setValues(
      grid,
    );
  }
  for (const key of Object.keys(outside)) {
    const [r, c] = key.split(':').map(Number);
    sheet.getRange(rect.row + r, c + 1).setValue(outside[key]);
  }
  // The pasted cells' notes and backgrounds: a paste replaces them in Sheets too.
  pasteRange.setNotes(notes);
  pasteRange.setBackgrounds(backgrounds);
  for (const x of extra) {
    if (!x.problem) continue;
    const cell = sheet.getRange(x.row, x.col);
    cell.setBackground(FLAG_BACKGROUND);
    cell.setNote(flagNote(x.problem));
  }
  if (problems > 0) {
    (source ?? sheet.getParent()).toast(
      `${problems} problem${problems === 1 ? '' : 's'} in the pasted rows of ${spec.name}, e.g. ${firstProblems.join('; ')}. Each is noted on its cell; Committee > Check workbook problems lists them all.`,
      'Committee Clerk',
      10,
    );
  }
}
