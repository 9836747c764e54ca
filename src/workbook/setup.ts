/**
 * Set up or repair the workbook from the schema. Idempotent: a second run changes nothing.
 * It creates missing tabs and headers, puts renamed headers back ("e-mail" → "Email"), adds
 * missing columns at the end, and never deletes, reorders or overwrites officers' data or their
 * own columns. It applies what the schema says about each column: number formats, data
 * validation, header notes, formula columns (written in every data row and protected with a
 * warning), conditional formats, frozen header rows; widths only where the program adds a
 * column, so officers' widths stay.
 * Service calls depend on the number of tabs and columns, never on the number of rows.
 */
import {
  ColumnSpec,
  GROUP_TYPES,
  GroupType,
  SCHEMA,
  SETTINGS,
  SettingName,
  SettingSpec,
  TAB,
  TabSpec,
} from './schema';
import {Cell, lastTableRow, isPlainTextColumn} from './table';
import {formulaFor, columnLetter, resolveTemplate} from './formulas';
import {refusesInvalid} from './validate';
import {conditionalRules, isOurRule, DEFAULT_WARNINGS, Warnings} from './conditional';
import {settingsFromGrid} from './settings';
import {showSerial, todaySerial} from './dates';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type RuleBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/**
 * One builder for every rule of a run: each rule sets its own criteria and help text, build()
 * takes a snapshot, and allow-invalid is the same for all, so it is set once.
 */
function sharedBuilder(): () => RuleBuilder {
  let b: RuleBuilder | null = null;
  return () => (b ??= SpreadsheetApp.newDataValidation().setAllowInvalid(true));
}

export interface SetupReport {
  created: string[];
  /** "Members: Email" for columns added at the end. */
  addedColumns: string[];
  /** "Members: e-mail → Email". */
  renamedHeaders: string[];
  addedSettings: string[];
  /** Settings rows renamed from a former name, value kept: '"Papers clear working days" → "Papers notice days"'. */
  renamedSettings: string[];
  /** "Lots!F4" where a typed value was replaced by the column's formula (kept in the cell's note). */
  formulasRestored: string[];
  /** Formula columns that could not be written (the message names tab and column). */
  formulaFailures: string[];
  /** What set-up read and left, for the parts that follow it (see Layout). */
  layout: Layout;
}

/**
 * What set-up found and left, so that the parts of a run that follow it (holidays, money
 * names, side blocks, prefilled lists, the Problems list) need not find or read it again.
 */
export interface Layout {
  /** Each schema tab's sheet, found or made. */
  sheets: Map<string, Sheet>;
  /** Each schema tab's header row as set-up left it: header → 1-based column. */
  headers: Map<string, Map<string, number>>;
  /** The Settings tab's rows (header row first) as set-up left them. */
  settings?: Cell[][];
}

export const HEADER_BACKGROUND = '#e8eaed';
const PROTECT_PREFIX = 'Committee Clerk: ';

/** The number format a column's cells get. */
export function numberFormatOf(col: ColumnSpec): string | null {
  if (col.format) return col.format;
  switch (col.type) {
    case 'date':
      return 'dd/mm/yyyy';
    case 'time':
      return 'HH:mm';
    case 'money':
      return '£#,##0.00';
    case 'percent':
      return '0%';
    case 'number':
      return '0.##';
    case 'text':
    case 'email':
    case 'list':
    case 'multi':
    case 'bool':
      // Plain text: Sheets keeps "01632 960000" and "=..." as typed instead of turning them into numbers or formulas.
      return isPlainTextColumn(col) ? '@' : null;
    default:
      return null; // links may be HYPERLINK formulas
  }
}

/** Program-built tabs (Problems, Compliance...) get headers and formats but no validation rules. */
export function isProgramBuilt(spec: TabSpec): boolean {
  return !!spec.builtByProgram || /^Built by/.test(spec.note ?? '');
}

/** Normalised header for matching a renamed header: case, spaces and punctuation ignored. */
export function looseHeader(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9%]/g, '');
}

/**
 * Where each schema header goes: found (exactly or loosely, to be renamed back) or appended.
 * Pure: the new header row and what changed.
 */
export function planHeaders(
  spec: TabSpec,
  existing: readonly string[],
): {headers: string[]; renamed: string[]; added: string[]} {
  const headers = existing.map(h => String(h).trim());
  const renamed: string[] = [];
  const added: string[] = [];
  const taken = new Set<number>();
  for (const c of spec.columns) {
    const i = headers.indexOf(c.header);
    if (i >= 0) taken.add(i);
  }
  spec.columns.forEach((c, k) => {
    if (headers.includes(c.header)) return;
    const loose = looseHeader(c.header);
    let j = headers.findIndex((h, i) => !taken.has(i) && h !== '' && looseHeader(h) === loose);
    // A header cleared by mistake: a blank header cell just after the schema's previous column.
    if (j < 0)
      j = headers.findIndex(
        (h, i) =>
          !taken.has(i) &&
          h === '' &&
          (k === 0 ? i === 0 : headers[i - 1] === spec.columns[k - 1].header),
      );
    if (j >= 0) {
      renamed.push(`${spec.name}: "${headers[j]}" → "${c.header}"`);
      headers[j] = c.header;
      taken.add(j);
    } else {
      headers.push(c.header);
      taken.add(headers.length - 1);
      added.push(`${spec.name}: ${c.header}`);
    }
  });
  return {headers, renamed, added};
}

export function setUpOrRepair(ss: Spreadsheet, now: Date = new Date()): SetupReport {
  const report: SetupReport = {
    created: [],
    addedColumns: [],
    renamedHeaders: [],
    addedSettings: [],
    renamedSettings: [],
    formulasRestored: [],
    formulaFailures: [],
    layout: {sheets: new Map(), headers: new Map()},
  };
  const settingsSpec = SCHEMA.find(t => t.name === TAB.settings) as TabSpec;
  const builder = sharedBuilder();
  setUpTab(ss, settingsSpec, report, now, DEFAULT_WARNINGS, builder);
  const grid = setUpSettingsRows(report.layout.sheets.get(TAB.settings) as Sheet, report, builder);
  report.layout.settings = grid;
  const warnings = warningsFrom(grid);
  for (const spec of SCHEMA)
    if (spec !== settingsSpec) setUpTab(ss, spec, report, now, warnings, builder);
  return report;
}

function setUpTab(
  ss: Spreadsheet,
  spec: TabSpec,
  report: SetupReport,
  now: Date,
  warnings: Warnings,
  builder: () => RuleBuilder,
): void {
  let sheet = ss.getSheetByName(spec.name);
  const isNew = !sheet;
  if (!sheet) {
    sheet = ss.insertSheet(spec.name);
    report.created.push(spec.name);
  }
  report.layout.sheets.set(spec.name, sheet);
  const lastCol = isNew ? 0 : sheet.getLastColumn();
  const oldRange = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol) : null;
  const existing = oldRange ? (oldRange.getValues()[0] as Cell[]).map(h => String(h)) : [];
  const plan = planHeaders(spec, existing);
  report.renamedHeaders.push(...plan.renamed);
  if (!isNew) report.addedColumns.push(...plan.added);
  const headers = plan.headers;
  const width = headers.length;
  // The sheet already has lastCol columns: its size is only asked when the header row grows past them.
  if (width > lastCol) {
    const maxCols = sheet.getMaxColumns();
    if (width > maxCols) sheet.insertColumnsAfter(maxCols, width - maxCols);
  }
  // The range just read serves the header row's writes too unless the row grew.
  const headerRange = oldRange && width === lastCol ? oldRange : sheet.getRange(1, 1, 1, width);
  if (headers.some((h, i) => h !== existing[i])) headerRange.setValues([headers]);

  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  report.layout.headers.set(spec.name, new Map([...index].map(([h, i]) => [h, i + 1])));

  // Header row: notes (the tab's note on A1 first), bold on grey, frozen.
  const oldNotes = lastCol > 0 ? headerRange.getNotes()[0] : [];
  const notes = headers.map((h, i) => {
    const col = spec.columns.find(c => c.header === h);
    const parts = [i === 0 ? spec.note : undefined, col?.note].filter(Boolean);
    return col || i === 0 ? parts.join('\n\n') : (oldNotes[i] ?? '');
  });
  if (notes.some((n, i) => n !== (oldNotes[i] ?? ''))) headerRange.setNotes([notes]);
  // Styled over the schema's columns only: blocks the program keeps beside a table style themselves.
  const span = Math.max(...spec.columns.map(c => (index.get(c.header) as number) + 1));
  (span === width ? headerRange : sheet.getRange(1, 1, 1, span))
    .setFontWeight('bold')
    .setBackground(HEADER_BACKGROUND);
  sheet.setFrozenRows(spec.frozenRows ?? 1);

  // Widths only for what the program adds, so officers' choices stay.
  const addedHeaders = new Set(
    isNew ? spec.columns.map(c => c.header) : plan.added.map(a => a.slice(spec.name.length + 2)),
  );
  const widths: (number | null)[] = headers.map(() => null);
  for (const c of spec.columns)
    if (c.width && addedHeaders.has(c.header)) widths[index.get(c.header) as number] = c.width;
  // Neighbouring columns of the same width in one call.
  for (const run of runsOf(widths, (a, b) => a === b))
    sheet.setColumnWidths(run.start + 1, run.values.length, run.values[0] as number);

  const maxRows = sheet.getMaxRows();
  const dataRows = Math.max(maxRows - 1, 1);
  const built = isProgramBuilt(spec);
  // Per sheet column: the schema's format and rule, or null where the column has none (an
  // officer's column, a link column, a formula column), so those cells keep what they have.
  const formats: (string | null)[] = headers.map(() => null);
  const rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[] = headers.map(() => null);
  for (const c of spec.columns) {
    const i = index.get(c.header) as number;
    formats[i] = numberFormatOf(c);
    // Columns with no rule keep whatever rule an officer set; formula columns get none.
    if (!built && !c.formula) rules[i] = validationRule(spec, c, builder);
  }
  // One call per run of neighbouring columns over every data row (whole tab when the schema's columns are together).
  for (const run of runsOf(formats, () => true)) {
    const cells = sheet.getRange(2, run.start + 1, dataRows, run.values.length);
    if (run.values.every(f => f === run.values[0])) cells.setNumberFormat(run.values[0] as string);
    else cells.setNumberFormats(sameRows(run.values as string[], dataRows));
  }
  for (const run of runsOf(rules, () => true)) {
    sheet
      .getRange(2, run.start + 1, dataRows, run.values.length)
      .setDataValidations(
        sameRows(run.values as GoogleAppsScript.Spreadsheet.DataValidation[], dataRows),
      );
  }

  if (!built) {
    // Formulas go in the table's rows (not in rows of summary blocks beside it); onEdit adds them to new rows.
    // lastTableRow asks the tab's last row itself, so a tab without formula columns never does.
    if (!isNew && spec.columns.some(c => c.formula))
      writeFormulaColumns(sheet, spec, index, lastTableRow(sheet, spec, index), report, now);
    // Header protection and row colours span the schema's columns too.
    // A tab made just now has no protections or conditional formats to look at.
    protect(sheet, spec, index, span, maxRows, isNew);
    const existingRules = isNew ? [] : sheet.getConditionalFormatRules();
    const rules = existingRules.filter(r => !isOurRule(r));
    const ours = conditionalRules(sheet, spec, index, maxRows, span, warnings);
    // Written only when there is something of ours to put back or take away.
    if (ours.length || rules.length !== existingRules.length)
      sheet.setConditionalFormatRules(rules.concat(ours));
  }
}

/** The data validation rule of a column, or null when the column has none. */
export function validationRule(
  spec: TabSpec,
  c: ColumnSpec,
  builder: () => RuleBuilder = sharedBuilder(),
): GoogleAppsScript.Spreadsheet.DataValidation | null {
  const numeric = c.type === 'number' || c.type === 'money' || c.type === 'percent';
  if (!['list', 'bool', 'date', 'email'].includes(c.type) && !(numeric && c.min !== undefined))
    return null;
  const refuse = refusesInvalid(spec, c);
  const b = builder();
  switch (c.type) {
    case 'list':
      b.requireValueInList([...(c.values ?? [])], true);
      break;
    case 'bool':
      b.requireValueInList(['Yes', 'No'], true);
      break;
    case 'date':
      b.requireDate();
      break;
    case 'email':
      b.requireTextIsEmail();
      break;
    case 'number':
    case 'money':
    case 'percent':
      if (c.min === undefined) return null;
      b.requireNumberGreaterThanOrEqualTo(c.min);
      break;
    default:
      return null;
  }
  // Sheets' own "Reject input" throws away what was typed, so every rule only warns (the shared
  // builder allows invalid input); onEdit does the refusing where a wrong value would break
  // formulas, and records what was typed in the note.
  return b.setHelpText(helpText(c) + (refuse ? ' Other values are refused.' : '')).build();
}

/** Runs of neighbouring non-null entries, split where `same` says two neighbours differ. Pure. */
export function runsOf<T>(
  items: readonly (T | null)[],
  same: (a: T, b: T) => boolean,
): {start: number; values: T[]}[] {
  const runs: {start: number; values: T[]}[] = [];
  items.forEach((v, i) => {
    if (v === null) return;
    const last = runs[runs.length - 1];
    if (
      last &&
      last.start + last.values.length === i &&
      same(last.values[last.values.length - 1], v)
    )
      last.values.push(v);
    else runs.push({start: i, values: [v]});
  });
  return runs;
}

/** A grid of `rows` rows, each the same row (for setNumberFormats / setDataValidations). */
function sameRows<T>(row: T[], rows: number): T[][] {
  return Array.from({length: rows}, () => row);
}

function helpText(c: ColumnSpec): string {
  switch (c.type) {
    case 'list':
      return `${c.header}: one of ${(c.values ?? []).join(', ')}.`;
    case 'bool':
      return `${c.header}: Yes or No.`;
    case 'date':
      return `${c.header}: a date, typed dd/mm/yyyy.`;
    case 'email':
      return `${c.header}: an email address such as name@example.org.`;
    default:
      return `${c.header}: ${c.type === 'money' ? 'an amount in pounds' : 'a number'} of ${c.min} or more.`;
  }
}

/**
 * Writes each formula column in every data row where the formula is missing. A value an officer
 * typed over a formula is replaced by the formula and kept in the cell's note, so nothing typed
 * is lost. Existing formulas are kept.
 */
function writeFormulaColumns(
  sheet: Sheet,
  spec: TabSpec,
  index: ReadonlyMap<string, number>,
  lastRow: number,
  report: SetupReport,
  now: Date,
): void {
  if (lastRow < 2) return;
  const n = lastRow - 1;
  const columns = spec.columns
    .filter(c => c.formula)
    .map(c => ({c, i: index.get(c.header) as number}));
  if (!columns.length) return;
  // One read of the formulas (and, only if needed, the values) across the formula columns.
  const lo = Math.min(...columns.map(x => x.i));
  const hi = Math.max(...columns.map(x => x.i));
  const block = sheet.getRange(2, lo + 1, n, hi - lo + 1);
  const formulas = block.getFormulas();
  let values: Cell[][] | null = null;
  for (const {c, i} of columns) {
    const column = i + 1;
    const wanted: string[][] = [];
    let changed = false;
    for (let r = 0; r < n; r++) {
      // An existing formula is left alone (another part of the program may keep its own variant),
      // unless it is an earlier version of this column's formula (schema `replaces`).
      const existing = formulas[r][i - lo];
      if (existing !== '') {
        const former = (c.replaces ?? []).some(
          t => loose(resolveTemplate(t, r + 2, index)) === loose(existing),
        );
        wanted.push([former ? formulaFor(spec, c.header, r + 2, index) : existing]);
        changed ||= former;
        continue;
      }
      wanted.push([formulaFor(spec, c.header, r + 2, index)]);
      changed = true;
      values = values ?? (block.getValues() as Cell[][]);
      const typed = values[r][i - lo];
      if (typed !== '' && typed !== null) {
        const cell = sheet.getRange(r + 2, column);
        cell.setNote(
          `Set-up on ${showSerial(todaySerial(now))} put the formula of ${c.header} back here. What was in the cell: ${String(typed)}`,
        );
        report.formulasRestored.push(`${spec.name}!${cell.getA1Notation()}`);
      }
    }
    if (!changed) continue;
    try {
      sheet.getRange(2, column, n, 1).setFormulas(wanted);
    } catch (e) {
      report.formulaFailures.push(
        `${spec.name} > ${c.header}: ${e instanceof Error ? e.message.split('\n')[0].slice(0, 200) : String(e)}`,
      );
    }
  }
}

/** A formula as compared with an earlier version: case and spaces ignored. */
const loose = (f: string): string => f.replace(/\s+/g, '').toUpperCase();

/** Warning-only protections on the header row and every formula column (re-made only when they differ). */
function protect(
  sheet: Sheet,
  spec: TabSpec,
  index: ReadonlyMap<string, number>,
  width: number,
  maxRows: number,
  isNew: boolean,
): void {
  // Ranges as [row, column, rows, columns]: a Range is only fetched for a protection that must be made.
  const wanted = new Map<string, [number, number, number, number]>();
  wanted.set(`${PROTECT_PREFIX}${spec.name} headers`, [1, 1, 1, width]);
  for (const c of spec.columns) {
    if (!c.formula) continue;
    wanted.set(`${PROTECT_PREFIX}${spec.name} ${c.header} (worked out by the program)`, [
      2,
      (index.get(c.header) as number) + 1,
      Math.max(maxRows - 1, 1),
      1,
    ]);
  }
  const existing = isNew
    ? []
    : (sheet.getProtections(
        SpreadsheetApp.ProtectionType.RANGE,
      ) as GoogleAppsScript.Spreadsheet.Protection[]);
  for (const p of existing) {
    const d = p.getDescription();
    // Only the protections this function makes (other parts of the program keep their own).
    const ours =
      d.startsWith(`${PROTECT_PREFIX}${spec.name} `) &&
      (d.endsWith(' headers') || d.endsWith('(worked out by the program)'));
    if (!ours) continue;
    const w = wanted.get(d);
    if (w && p.getRange().getA1Notation() === a1Of(...w) && p.isWarningOnly()) wanted.delete(d);
    else p.remove();
  }
  for (const [d, [r, c, h, w]] of wanted)
    sheet.getRange(r, c, h, w).protect().setDescription(d).setWarningOnly(true);
}

/** A1 notation of a range as Range.getA1Notation gives it ("B2:B1000", or "A1" for one cell). Pure. */
export function a1Of(row: number, column: number, rows: number, columns: number): string {
  const first = `${columnLetter(column)}${row}`;
  return rows === 1 && columns === 1
    ? first
    : `${first}:${columnLetter(column + columns - 1)}${row + rows - 1}`;
}

/** Adds a row for every setting the tab lacks (with its default and note); typed values are never touched. */
function setUpSettingsRows(
  sheet: Sheet,
  report: SetupReport,
  builder: () => RuleBuilder,
): Cell[][] {
  const grid = sheet.getDataRange().getValues() as Cell[][];
  const headers = grid[0].map(h => String(h).trim());
  const nameCol = headers.indexOf('Setting');
  const valueCol = headers.indexOf('Value');
  const notesCol = headers.indexOf('Notes');
  renameFormerSettings(sheet, grid, nameCol, notesCol, report);
  const present = new Set(grid.slice(1).map(r => String(r[nameCol]).trim()));
  const missing = SETTINGS.filter(s => !present.has(s.name));
  let last = grid.length;
  while (last > 1 && grid[last - 1].every(v => v === '')) last--;
  if (missing.length) {
    const group = groupTypeOf(grid, nameCol, valueCol);
    const rows = missing.map(s => {
      const line: Cell[] = headers.map(() => '');
      line[nameCol] = s.name;
      line[valueCol] = defaultFor(s, group); // the Value column is plain text: "10:00" stays a setting, not a time
      if (notesCol >= 0) line[notesCol] = s.note;
      return line;
    });
    sheet.getRange(last + 1, 1, rows.length, headers.length).setValues(rows);
    report.addedSettings.push(...missing.map(s => s.name));
  }
  // Setting values are plain text (the column is '@'); lists and Yes/No get a drop-down.
  // One read and one write of the Value column's rules; rows that are not lists keep theirs.
  const names = grid
    .slice(1, last)
    .map(r => String(r[nameCol]).trim())
    .concat(missing.map(s => s.name));
  if (names.length) {
    const cells = sheet.getRange(2, valueCol + 1, names.length, 1);
    const rules = cells.getDataValidations();
    names.forEach((name, i) => {
      const spec = SETTINGS.find(s => s.name === name);
      const values =
        spec?.type === 'bool' ? ['Yes', 'No'] : spec?.type === 'list' ? spec.values : undefined;
      if (values)
        rules[i][0] = builder()
          .requireValueInList([...values], true)
          .setHelpText(`${name}: one of ${values.join(', ')}.`)
          .build();
    });
    cells.setDataValidations(rules);
  }
  const group = groupTypeOf(grid, nameCol, valueCol);
  const rows = missing.map(s =>
    headers.map(h => (h === 'Setting' ? s.name : h === 'Value' ? defaultFor(s, group) : '')),
  );
  return grid.slice(0, last).concat(rows);
}

/** The Group type the Settings tab names (its default when absent or unreadable). */
function groupTypeOf(grid: Cell[][], nameCol: number, valueCol: number): GroupType {
  const row = grid.find((r, i) => i > 0 && String(r[nameCol]).trim() === 'Group type');
  const typed = String(row?.[valueCol] ?? '')
    .trim()
    .toLowerCase();
  return GROUP_TYPES.find(g => g.toLowerCase() === typed) ?? 'Informal group';
}

/** A setting's default for a kind of group: notice rules and quorum differ (schema byGroup). */
export function defaultFor(spec: SettingSpec, group: GroupType): string {
  return spec.byGroup?.[group] ?? spec.default;
}

/**
 * A row under a setting's former name ("Papers clear working days") gets the new name and
 * note and keeps its value, unless the new name has a row already. Updates `grid` in place.
 */
function renameFormerSettings(
  sheet: Sheet,
  grid: Cell[][],
  nameCol: number,
  notesCol: number,
  report: SetupReport,
): void {
  const names = grid.map(r => String(r[nameCol] ?? '').trim());
  for (const spec of SETTINGS as readonly SettingSpec[]) {
    if (!spec.formerNames || names.includes(spec.name)) continue;
    const r = names.findIndex((n, i) => i > 0 && spec.formerNames!.includes(n));
    if (r < 0) continue;
    report.renamedSettings.push(`"${names[r]}" → "${spec.name}"`);
    grid[r][nameCol] = names[r] = spec.name;
    sheet.getRange(r + 1, nameCol + 1).setValue(spec.name);
    if (notesCol >= 0) {
      grid[r][notesCol] = spec.note;
      sheet.getRange(r + 1, notesCol + 1).setValue(spec.note);
    }
  }
}

/** The warning periods the amber rules use; a setting that cannot be read keeps its default (the Problems list names it). */
function warningsFrom(grid: Cell[][]): Warnings {
  const settings = settingsFromGrid(grid);
  const read = (name: SettingName, fallback: number): number => {
    try {
      return settings.number(name);
    } catch {
      return fallback;
    }
  };
  return {
    dueSoonDays: read('Action due soon days', DEFAULT_WARNINGS.dueSoonDays),
    termWarningDays: read('Term warning days', DEFAULT_WARNINGS.termWarningDays),
    contractWarningDays: read('Contract warning days', DEFAULT_WARNINGS.contractWarningDays),
  };
}
