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
import {ColumnSpec, TAB, TabSpec} from './schema';
import {readOptional} from './registers';
import {isListColumn, useLists} from './lists';
import type {Member} from '../domain/records';
import {Cell, WorkbookError, forColumn} from './table';
import {
  refusesInvalid,
  rowRules,
  tabOfHeaders,
  validatedTab,
  duplicateRows,
  missingRequired,
} from './validate';
import {isProgramBuilt} from './setup';
import {formulaFor, columnLetter} from './formulas';
import {todaySerial, showSerial} from './dates';
import {
  FLAG_BACKGROUND,
  flagNote,
  refusedNote,
  formulaNote,
  keptAsTextNote,
  mergeNote,
} from './marks';
import {settingProblem} from './settings';
import {
  EditPlan,
  checkCell,
  fromEvent,
  indexOf,
  keyRulesOf,
  mayBeFormula,
  needsRow,
  needsRoster,
  planCellEdit,
  stampsRows,
} from './edit-plan';

export {fromEvent};

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

/** Row 1 as read first (and row 2 with it when that is the edited row). */
interface Top {
  readonly headers: string[];
  readonly row2?: Cell[];
}

/** Row 1, with row 2 in the same read when the edit is there. Widths to the last column. */
function readTop(sheet: Sheet, withRow2: boolean): Top {
  let block: Cell[][];
  try {
    block = readBlock(sheet, 1, 1, withRow2 ? 2 : 1, -1);
  } catch {
    return {headers: []}; // an empty sheet has no last column to read to
  }
  return {headers: (block[0] ?? []).map(h => String(h).trim()), row2: block[1]};
}

/** The header row and one data row (row 2 already read with the headers). */
function readHeaderAndRow(
  sheet: Sheet,
  row: number,
  top: Top,
): {headers: string[]; rowValues: Cell[]} {
  const headers = top.headers;
  const rowValues = (row === 2 && top.row2 ? top.row2 : readBlock(sheet, row, 1, 1, -1)[0]).slice();
  // A row read to the last column of its own content may be shorter than the header row.
  while (rowValues.length < headers.length) rowValues.push('');
  return {headers, rowValues};
}

/**
 * What the person typed, as they typed it: Sheets sends a typed date as its serial, a typed
 * time as a fraction of a day and a typed percentage as its fraction, so each is shown as the
 * cell showed it ("01/01/2027", "09:30", "50%").
 */
export function typedText(col: ColumnSpec | undefined, v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = String(v);
  if (col?.type === 'date' && /^\d+$/.test(s)) return showSerial(Number(s));
  if (col?.type === 'time' && /^(0(\.\d+)?|\.\d+)$/.test(s)) {
    const minutes = Math.round(Number(s) * 1440);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  if (col?.type === 'percent' && /^-?\d+(\.\d+)?$/.test(s))
    return `${Math.round(Number(s) * 1e8) / 1e6}%`;
  return s;
}

interface Ctx {
  now: Date;
  today: number;
  user: string;
}

/**
 * The edited rectangle from the event itself: Apps Script's onEdit event carries e.range's
 * rowStart, columnStart, rowEnd and columnEnd as plain properties (no service call; see
 * tanaikech.github.io "Benchmark: Event Objects for Google Apps Script"). Null where a host
 * does not give them, and the caller asks the range.
 */
export function rectOfEvent(e: GoogleAppsScript.Events.SheetsOnEdit): Rect | null {
  const r = e.range as unknown as Partial<
    Record<'rowStart' | 'columnStart' | 'rowEnd' | 'columnEnd', unknown>
  >;
  const n = [r.rowStart, r.columnStart, r.rowEnd, r.columnEnd];
  if (!n.every(x => typeof x === 'number' && Number.isInteger(x) && x > 0)) return null;
  const [row, col, rowEnd, colEnd] = n as number[];
  return {row, col, numRows: rowEnd - row + 1, numCols: colEnd - col + 1};
}

export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit, now: Date = new Date()): void {
  const range = e.range;
  const sheet = range.getSheet();
  const rect = rectOfEvent(e) ?? parseA1(range.getA1Notation());
  const single = rect.numRows === 1 && rect.numCols === 1;
  if (single && rect.row === 1) return; // header cells are set-up's to repair
  // The tab is known by its header row, which the check reads anyway: asking its name as well
  // would cost a call on every edit. A tab whose headers match no register is asked its name.
  const top = readTop(sheet, single && rect.row === 2);
  const spec = tabOfHeaders(top.headers) ?? validatedTab(sheet.getName());
  if (!spec || isProgramBuilt(spec)) return;
  let user = '';
  try {
    user = e.user ? String(e.user.getEmail ? e.user.getEmail() : e.user) : '';
  } catch {
    user = '';
  }
  const ctx: Ctx = {now, today: todaySerial(now), user};
  if (single) {
    singleEdit(sheet, spec, range, rect, e, ctx, top);
  } else {
    // Header cells in the paste are left to set-up; only data rows are checked.
    const first = Math.max(rect.row, 2);
    if (rect.row + rect.numRows - 1 >= first)
      pasteEdit(
        sheet,
        spec,
        {...rect, row: first, numRows: rect.row + rect.numRows - first},
        range,
        rect.row < 2,
        ctx,
        top.headers,
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
  top: Top,
): void {
  // Reads: the header (and the row, when a rule may need it), the formula behind text that
  // Sheets may have parsed, the key columns when the edit sets a unique key. Then the plan.
  let headers: string[] | null = null;
  let rowValues: Cell[] | null = null;
  const header = top.headers[rect.col - 1] ?? '';
  if (spec.settingRows && header === 'Value') {
    settingEdit(sheet, range, rect.row, e, top);
    return;
  }
  const col = spec.columns.find(c => c.header === header);
  if (!col) return;
  if (isListColumn(header)) useLists(e.source);
  const typed = fromEvent(col, e.value);
  if (needsRow(spec, header, typed))
    ({headers, rowValues} = readHeaderAndRow(sheet, rect.row, top));
  else if (stampsRows(spec)) headers = top.headers; // flagged or refused: the stamp needs only where it goes
  const text = e.value === undefined ? '' : String(e.value);
  const formula =
    (col.type === 'text' || col.type === 'link') && mayBeFormula(text) ? range.getFormula() : '';
  let keyRows: Cell[][] | undefined;
  const check = checkCell(col, typed);
  if (headers && rowValues && check.ok) {
    const index = indexOf(headers);
    const after = rowValues.slice();
    after[rect.col - 1] = check.value;
    const cols = keyRulesOf(spec, header, index, after).flatMap(u =>
      u.columns.map(h => index.get(h) as number),
    );
    if (cols.length) {
      // Only the key columns, down the tab: one read.
      const lo = Math.min(...cols);
      const last = Math.max(sheet.getLastRow(), rect.row);
      keyRows = readBlock(sheet, 2, lo + 1, last - 1, Math.max(...cols) - lo + 1).map(r => {
        const line: Cell[] = [];
        cols.forEach(c => (line[c] = r[c - lo]));
        return line;
      });
    }
  }
  const plan = planCellEdit(
    {
      spec,
      roster: needsRoster(spec, header) ? rosterOf(e.source) : undefined,
      row: rect.row,
      col: rect.col,
      header,
      typed,
      typedText: typedText(col, e.value),
      old: fromEvent(col, e.oldValue),
      formula,
      headers,
      rowValues,
      keyRows,
    },
    ctx,
  );
  applyPlan(sheet, spec, range, rect, plan, rowValues, headers ? indexOf(headers) : new Map());
}

/** The Members tab as records, for the substitute check (one read; none when the tab is missing). */
function rosterOf(ss: GoogleAppsScript.Spreadsheet.Spreadsheet | undefined): Member[] | undefined {
  if (!ss) return undefined;
  try {
    return readOptional(ss, TAB.members)?.records;
  } catch (e) {
    // A Members tab without a required column names no one: the edit is still checked, and
    // Check workbook problems names the column.
    if (e instanceof WorkbookError) return [];
    throw e;
  }
}

/**
 * Makes a plan's writes and marks: the edited cell alone through the event's range; more cells
 * of the row in one setValues over their span (each on its own when the row was not read, so
 * no cell between is written blind). A mark keeps the officer's own note (one getNote of the
 * cell first).
 */
function applyPlan(
  sheet: Sheet,
  spec: TabSpec,
  range: Range,
  rect: Rect,
  plan: EditPlan,
  rowValues: readonly Cell[] | null,
  index: ReadonlyMap<string, number>,
): void {
  const c0 = rect.col - 1;
  if (plan.writes.size === 1 && plan.writes.has(c0)) range.setValue(plan.writes.get(c0) as Cell);
  else if (rowValues && plan.writes.size)
    writeRowSpan(sheet, spec, rect.row, rowValues, plan.writes, index);
  else
    for (const [c, v] of plan.writes)
      (c === c0 ? range : sheet.getRange(rect.row, c + 1)).setValue(v);
  for (const [c, mark] of plan.marks) {
    const cell = c === c0 ? range : sheet.getRange(rect.row, c + 1);
    const current = String(cell.getNote() ?? '');
    const note = mergeNote(current, mark && mark.note);
    if (mark === null && note === current) continue; // nothing of ours to clear
    cell.setBackground(mark?.flag ? FLAG_BACKGROUND : null);
    cell.setNote(note);
  }
}

/** A Settings value: checked against the setting named in the same row; kept and flagged when it cannot be read. */
function settingEdit(
  sheet: Sheet,
  range: Range,
  row: number,
  e: GoogleAppsScript.Events.SheetsOnEdit,
  top: Top,
): void {
  const {headers, rowValues} = readHeaderAndRow(sheet, row, top);
  const name = String(rowValues[headers.indexOf('Setting')] ?? '').trim();
  if (/^Required (client groups|service types)$/.test(name)) useLists(e.source);
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
  headerRow: readonly string[],
  source?: GoogleAppsScript.Spreadsheet.Spreadsheet,
): void {
  const headers = headerRow.slice();
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
  if ([...colAt].some(([i, c]) => i >= first && i <= lastPasted && isListColumn(c.header)))
    useLists(source ?? sheet.getParent());
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
