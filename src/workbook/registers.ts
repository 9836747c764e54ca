/**
 * The one reader of the registers. Each tab is read with one getValues into the record types of
 * src/domain/records.ts; every value goes through the edit check's parser (validate.ts
 * checkValue), so a value means the same whoever wrote it (typed, pasted, scripted, or there
 * before the program). A cell that parser refuses becomes a problem naming tab, cell, value and
 * what to do, never a silent 0, blank or "No". The Problems list is this reader's problems.
 *
 * Which rows count (one rule): a row is a record when any column the officer fills (a schema
 * column without a formula) holds a value. Rows of a summary block beside a table, and rows
 * holding only the program's formulas, are never records.
 *
 * Every command reads a register through readRegister (or readOptional): two service calls a
 * tab, by its span (src/workbook/span.ts), the Sheet found only when a caller writes back.
 */
import {ColumnSpec, TAB, TabSpec, tabSpec} from './schema';
import {Cell, WorkbookError, headerPositions, isDate} from './table';
import {WriteBack, readTab} from './span';

export {headerPositions};
import {checkValue, missingRequired, rowRules, duplicateRows, uniqueKey} from './validate';
import {minutesOfTime} from './dates';
import {isoOfDate} from '../domain/calendar';
import {Finding} from '../domain/findings';
import {
  ActionItem,
  AgendaItem,
  AttendanceRecord,
  CashFlowPeriod,
  Closure,
  Complaint,
  Contract,
  Day,
  Decision,
  GroupDocument,
  Lot,
  MailingEntry,
  Meeting,
  Member,
  RiskTrigger,
  SentMessage,
} from '../domain/records';
import {a1} from './formulas';

/** A value the program cannot accept, where it is. */
export interface Problem {
  readonly tab: string;
  readonly row: number;
  /** 1-based column. */
  readonly col: number;
  readonly header: string;
  readonly value: Cell;
  /** What is wrong and what to do. */
  readonly problem: string;
  /**
   * A value the parser refuses, a required value or column missing, a row rule, a duplicate
   * key, or a name or date that no other register has.
   */
  readonly kind: 'value' | 'required' | 'rule' | 'unique' | 'link';
  /** A warning rather than a problem (compliance severity). */
  readonly warning?: boolean;
}

/** The record type of each register. */
export interface RecordOf {
  [TAB.members]: Member;
  [TAB.meetings]: Meeting;
  [TAB.agenda]: AgendaItem;
  [TAB.attendance]: AttendanceRecord;
  [TAB.actions]: ActionItem;
  [TAB.contracts]: Contract;
  [TAB.lots]: Lot;
  [TAB.cashFlow]: CashFlowPeriod;
  [TAB.holidays]: Closure;
  [TAB.mailingList]: MailingEntry;
  [TAB.sent]: SentMessage;
  [TAB.riskTriggers]: RiskTrigger;
  [TAB.decisions]: Decision;
  [TAB.documents]: GroupDocument;
  [TAB.complaints]: Complaint;
}
export type RegisterName = keyof RecordOf;

export interface Register<K extends RegisterName> {
  readonly tab: K;
  readonly records: RecordOf[K][];
  readonly problems: Problem[];
  /** Headers of row 1 as found, and where each is (0-based). */
  readonly headers: string[];
  readonly index: ReadonlyMap<string, number>;
  /** The whole grid as read (row 1 first), for commands that write a cell back. */
  readonly grid: Cell[][];
}

/** What a date held as text is (the edit check would have made it a date; this cell escaped it). */
export function textDateProblem(raw: string): string {
  return `"${raw.trim()}" is text, not a date: the Dashboard's figures and the sheet's colours do not count it, so the checks do not either. Type the date again as dd/mm/yyyy, for example 12/03/2026, in a cell not formatted as plain text (Format > Number > Date).`;
}

/** The cells of one row, read by header through the edit check's parser. */
class RowReader {
  constructor(
    private readonly spec: TabSpec,
    private readonly index: ReadonlyMap<string, number>,
    private readonly line: readonly Cell[],
    private readonly row: number,
    private readonly problems: Problem[],
  ) {}

  private col(h: string): ColumnSpec {
    const c = this.spec.columns.find(x => x.header === h);
    if (!c) throw new Error(`The schema has no "${h}" column on ${this.spec.name}.`);
    return c;
  }

  /** The parsed value ('' when empty), or undefined when unreadable (and reported). */
  private value(h: string): Cell | undefined {
    const col = this.col(h);
    const i = this.index.get(h);
    if (i === undefined) return '';
    const raw = this.line[i] ?? '';
    let check = checkValue(col, raw);
    // A date held as text (pasted as '12/03/2026, imported, or typed into a plain-text cell) is
    // one the sheet's own formulas (the Dashboard's COUNTIFS, the tabs' colours) do not count:
    // the program does not count it either, and says so, rather than count it silently.
    if (check.ok && col.type === 'date' && typeof raw === 'string' && isDate(check.value))
      check = {ok: false, problem: textDateProblem(raw)};
    if (check.ok) return check.value;
    // The program's own formulas are not the officer's to fix: an error there reads as empty.
    if (!col.formula)
      this.problems.push({
        tab: this.spec.name,
        row: this.row,
        col: i + 1,
        header: h,
        value: raw,
        problem: check.problem,
        kind: 'value',
      });
    return undefined;
  }

  text(h: string): string {
    const v = this.value(h);
    return v === undefined ? '' : isDate(v) ? isoOfDate(v) : String(v);
  }
  day(h: string): Day | null {
    const v = this.value(h);
    return isDate(v) ? isoOfDate(v) : null;
  }
  clock(h: string): number | null {
    const v = this.value(h);
    return isDate(v) || typeof v === 'number' ? minutesOfTime(v) : null;
  }
  num(h: string): number | null {
    const v = this.value(h);
    return typeof v === 'number' ? v : null;
  }
  /** Yes/No; `unreadable` is what a cell the parser refuses counts as. */
  flag(h: string, unreadable = false): boolean {
    const v = this.value(h);
    return v === undefined ? unreadable : v === 'Yes';
  }
  /** Yes/No where an empty cell has its own meaning (`empty`). */
  flagOr(h: string, empty: boolean, unreadable: boolean): boolean {
    const v = this.value(h);
    return v === undefined ? unreadable : v === '' ? empty : v === 'Yes';
  }
  multi(h: string): string[] {
    return this.text(h)
      .split(/\s*;\s*/)
      .filter(Boolean);
  }
}

type Build<K extends RegisterName> = (c: RowReader, row: number) => RecordOf[K] | null;

const BUILD: {readonly [K in RegisterName]: Build<K>} = {
  [TAB.members]: (c, row) => ({
    row,
    name: c.text('Name'),
    organisation: c.text('Organisation'),
    role: c.text('Role'),
    nominatedBy: c.text('Nominated by'),
    deputyFor: c.text('Deputy for'),
    providerSize: c.text('Provider size'),
    clientGroups: c.multi('Client groups'),
    serviceTypes: c.multi('Service types'),
    email: c.text('Email'),
    phone: c.text('Phone'),
    termStart: c.day('Term start'),
    termEnd: c.day('Term end'),
    status: c.text('Status'),
    interests: c.text('Interests declared'),
    interestsReviewedOn: c.day('Interests reviewed on'),
    agreementSignedOn: c.day('Agreement signed on'),
    notes: c.text('Notes'),
  }),
  [TAB.meetings]: (c, row) => {
    const date = c.day('Meeting date');
    const rest = {
      start: c.clock('Start time'),
      end: c.clock('End time'),
      venue: c.text('Venue'),
      type: c.text('Type'),
      status: c.text('Status'),
      agendaAgreedBy: c.day('Agenda agreed by'),
      reportDeadline: c.day('Report deadline'),
      despatchBy: c.day('Papers despatch by'),
      agendaPublishedOn: c.day('Agenda published on'),
      minutesApprovedOn: c.day('Minutes approved on'),
      agendaLink: c.text('Agenda link'),
      minutesLink: c.text('Minutes link'),
      notes: c.text('Notes'),
      chair: c.text('Chair'),
    };
    return date ? {row, date, ...rest} : null;
  },
  [TAB.agenda]: (c, row) => ({
    row,
    meeting: c.day('Meeting date'),
    itemNo: c.num('Item no.'),
    section: c.text('Section'),
    title: c.text('Title'),
    purpose: c.text('Purpose'),
    leadOfficer: c.text('Lead officer'),
    keyDecisionRef: c.text('Key decision ref'),
    paperStatus: c.text('Paper status'),
    confidential: c.flag('Confidential', true),
    standing: c.flag('Standing item'),
    paperLink: c.text('Paper link'),
    notes: c.text('Notes'),
    exemptParagraph: c.text('Exempt paragraph'),
    toCouncil: c.flag('To full Council'),
    firstPublished: c.day('First published'),
  }),
  [TAB.attendance]: (c, row) => {
    const meeting = c.day('Meeting date');
    const rest = {
      member: c.text('Member'),
      attendance: c.text('Attendance'),
      substitute: c.text('Substitute'),
      declarations: c.text('Declarations of interest'),
    };
    return meeting ? {row, meeting, ...rest} : null;
  },
  [TAB.actions]: (c, row) => ({
    row,
    meeting: c.day('Meeting date'),
    minute: c.text('Minute no.'),
    title: c.text('Report title'),
    owners: c.multi('Action to be taken by'),
    action: c.text('Action'),
    comments: c.text('Comments'),
    status: c.text('Status') || 'Open',
    reviewDate: c.day('Review date'),
    dateClosed: c.day('Date closed'),
    lastUpdated: c.day('Last updated'),
  }),
  [TAB.contracts]: (c, row) => ({
    row,
    reference: c.text('Reference'),
    provider: c.text('Provider'),
    title: c.text('Contract/grant'),
    lot: c.text('Lot'),
    fundingType: c.text('Funding type'),
    annualValue: c.num('Annual value'),
    startDate: c.day('Start date'),
    endDate: c.day('End date'),
    extensionOptions: c.text('Extension options'),
    extendedTo: c.day('Extended to'),
    noticeDays: c.num('Notice period (days)'),
    commissioner: c.text('Commissioner'),
    laContribution: c.num('LA contribution'),
    partnerContribution: c.num('Partner contribution'),
    status: c.text('Status'),
    notes: c.text('Notes'),
  }),
  [TAB.lots]: (c, row) => ({
    row,
    lot: c.text('Lot'),
    title: c.text('Title'),
    annualScopedSpend: c.num('Annual scoped spend'),
    ourAnnualContribution: c.num('Our annual contribution'),
    uplift: c.num('Uplift %'),
    totalAnnualLotBudget: c.num('Total annual lot budget'),
    termYears: c.num('Term (years)'),
    totalContractTerm: c.num('Total contract term'),
    contractedAnnualValue: c.num('Contracted annual value'),
  }),
  [TAB.cashFlow]: (c, row) => ({
    row,
    period: c.text('Period'),
    hoursPerWeek: c.num('Hours per week'),
    weeksInPeriod: c.num('Weeks in period'),
    savingPerHour: c.num('Saving per hour'),
    expenditure: c.num('Expenditure'),
    costAvoidance: c.num('Cost avoidance'),
    net: c.num('Net cash flow'),
    cumulative: c.num('Cumulative cash flow'),
  }),
  [TAB.holidays]: (c, row) => {
    const date = c.day('Date');
    return date ? {row, date, name: c.text('Name') || 'Office closed'} : null;
  },
  [TAB.mailingList]: (c, row) => ({
    row,
    name: c.text('Name'),
    organisation: c.text('Organisation'),
    email: c.text('Email'),
    // Unreadable counts as No: mail never goes to someone whose consent cannot be read.
    subscribed: c.flagOr('Subscribed', true, false),
    source: c.text('Source'),
  }),
  [TAB.sent]: (c, row) => {
    const meeting = c.day('Meeting date');
    const rest = {
      sentOn: c.day('Sent on'),
      to: c.text('To').toLowerCase(),
      version: c.text('Version'),
      messageId: c.text('Message id'),
    };
    return meeting ? {row, meeting, ...rest} : null;
  },
  [TAB.decisions]: (c, row) => {
    const meeting = c.day('Meeting date');
    const rest = {
      minute: c.text('Minute no.'),
      item: c.text('Item'),
      decision: c.text('Decision'),
      type: c.text('Type'),
      keyDecisionRef: c.text('Key decision ref'),
      implementationStatus: c.text('Implementation status'),
      link: c.text('Link'),
    };
    return meeting ? {row, meeting, ...rest} : null;
  },
  [TAB.riskTriggers]: (c, row) => ({
    row,
    area: c.text('Area'),
    trigger: c.text('Trigger'),
    source: c.text('Source of data'),
    rag: c.text('RAG'),
    evidence: c.text('Evidence'),
    assessedOn: c.day('Assessed on'),
    assessedBy: c.text('Assessed by'),
    supportSought: c.text('Support sought'),
  }),
  [TAB.documents]: (c, row) => ({
    row,
    title: c.text('Title'),
    version: c.text('Version'),
    date: c.day('Date'),
    link: c.text('Link'),
    reviewDue: c.day('Review due'),
  }),
  [TAB.complaints]: (c, row) => ({
    row,
    receivedOn: c.day('Received on'),
    from: c.text('From'),
    summary: c.text('Summary'),
    status: c.text('Status'),
    discussedAt: c.day('Discussed at'),
    outcome: c.text('Outcome'),
    closedOn: c.day('Closed on'),
  }),
};

export const REGISTERS = Object.keys(BUILD) as RegisterName[];

/** The one rule for which rows count: a value in any column the officer fills. */
export function isRecordRow(
  spec: TabSpec,
  index: ReadonlyMap<string, number>,
  line: readonly Cell[],
): boolean {
  return spec.columns.some(c => {
    const i = index.get(c.header);
    if (c.formula || i === undefined) return false;
    const v = line[i];
    return v !== '' && v !== null && v !== undefined;
  });
}

/**
 * Problems of the schema's row rules (required columns, pairs of dates, one row per key) on
 * the rows that count. Pure; used by the reader and by Problems for tabs without records.
 */
export function rowProblems(
  spec: TabSpec,
  grid: readonly (readonly Cell[])[],
  index: ReadonlyMap<string, number>,
  today: number,
): Problem[] {
  const out: Problem[] = [];
  const add = (r: number, header: string, problem: string, kind: Problem['kind']) => {
    const i = index.get(header) as number;
    out.push({
      tab: spec.name,
      row: r + 1,
      col: i + 1,
      header,
      value: grid[r][i] ?? '',
      problem,
      kind,
    });
  };
  const counted: number[] = [];
  for (let r = 1; r < grid.length; r++) {
    if (!isRecordRow(spec, index, grid[r])) continue;
    counted.push(r);
    const values: Record<string, Cell> = {};
    for (const c of spec.columns) {
      const i = index.get(c.header);
      if (i !== undefined) values[c.header] = grid[r][i] ?? '';
    }
    for (const f of missingRequired(spec, values))
      add(r, f.header, f.problem as string, 'required');
    for (const f of rowRules(spec, values, new Set(), today))
      if (f.problem) add(r, f.header, f.problem, 'rule');
  }
  for (const d of duplicateRows(
    spec,
    index,
    counted.map(r => [r, grid[r]] as const),
  ))
    add(d.row, d.header, d.problem, 'unique');
  return out;
}

/** Headers the schema requires that row 1 lacks, as problems. */
function missingHeaders(spec: TabSpec, headers: readonly string[]): Problem[] {
  const index = headerPositions(headers);
  return spec.columns
    .filter(c => c.required && !index.has(c.header))
    .map(c => ({
      tab: spec.name,
      row: 1,
      col: headers.length + 1,
      header: c.header,
      value: '',
      problem: `The "${c.header}" column is missing. Put the header back in row 1, or run Committee > Set up or repair workbook.`,
      kind: 'required' as const,
    }));
}

/** Reads a register from its grid (row 1 the headers). Pure: the unit tests drive it directly. */
export function registerFromGrid<K extends RegisterName>(
  tab: K,
  grid: Cell[][],
  today = 0,
): Register<K> {
  const spec = tabSpec(tab);
  const headers = (grid[0] ?? []).map(h => String(h).trim());
  const index = headerPositions(headers);
  const problems = missingHeaders(spec, headers);
  const records: RecordOf[K][] = [];
  if (!problems.length) {
    const build = BUILD[tab] as Build<K>;
    // Rows sharing a key (schema `unique`) are problems and count once: the last of them, as an
    // officer correcting a record adds a row below the old one.
    const rows = grid.map((line, r) => r > 0 && isRecordRow(spec, index, line));
    const later = new Set<number>();
    for (const u of spec.unique ?? []) {
      if (!u.columns.every(h => index.has(h))) continue;
      const last = new Map<string, number>();
      grid.forEach((line, r) => {
        const k = rows[r] ? uniqueKey(u, index, line) : null;
        if (k === null) return;
        if (last.has(k)) later.add(last.get(k) as number);
        last.set(k, r);
      });
    }
    for (let r = 1; r < grid.length; r++) {
      if (!rows[r]) continue;
      const rec = build(new RowReader(spec, index, grid[r], r + 1, problems), r + 1);
      if (rec && !later.has(r)) records.push(rec);
    }
    problems.push(...rowProblems(spec, grid, index, today));
  }
  problems.sort((a, b) => a.row - b.row || a.col - b.col);
  return {tab, records, problems, headers, index, grid};
}

/** A register as read, and where to write back to its tab (src/workbook/span.ts). */
export type ReadBack<K extends RegisterName> = Register<K> & WriteBack;

/**
 * Reads a register: by its span, two calls (Spreadsheet.getRange("'Tab'!A1:Z"), getValues),
 * or, when the caller already holds the sheet, getDataRange and getValues (two calls). When the
 * span cannot be read (no such tab, or one narrower than A:Z) or any schema header is not
 * within A:Z (moved past Z, or missing), the tab is read whole, so the records are the same and
 * a missing tab or required column stops with a message saying what to do. `optional`: a
 * missing tab is null (an older workbook) rather than an error. Columns past Z that are not the
 * program's are not read by the span: the records and problems are the same without them.
 */
function read<K extends RegisterName>(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: K,
  optional: boolean,
  sheet?: GoogleAppsScript.Spreadsheet.Sheet,
): ReadBack<K> | null {
  const needs = tabSpec(tab).columns.map(c => c.header);
  const got = readTab(ss, tab, needs, optional, sheet);
  if (!got) return null;
  const reg = registerFromGrid(tab, got.grid);
  const missing = reg.problems.find(p => p.row === 1);
  if (missing)
    throw new WorkbookError(
      `The "${tab}" tab has no "${missing.header}" column. Put the header back in row 1 or run Committee > Set up or repair workbook.`,
    );
  return {...got, ...reg};
}

/**
 * A register, read in two service calls (see `read`); `sheet` when the caller already holds
 * it (the selected row's tab). A missing tab or required column stops with a message.
 */
export function readRegister<K extends RegisterName>(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: K,
  sheet?: GoogleAppsScript.Spreadsheet.Sheet,
): ReadBack<K> {
  return read(ss, tab, false, sheet) as ReadBack<K>;
}

/** A register that may be absent (an older workbook): null when its tab is missing. */
export function readOptional<K extends RegisterName>(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: K,
): ReadBack<K> | null {
  return read(ss, tab, true);
}

/** The registers that name each other: members, meetings, attendance and actions. */
export interface Linked {
  readonly members: Register<typeof TAB.members>;
  readonly meetings: Register<typeof TAB.meetings>;
  readonly attendance: Register<typeof TAB.attendance>;
  /** Absent: action owners are not checked. */
  readonly actions?: Register<typeof TAB.actions>;
}

const nameKey = (name: string) => name.trim().toLowerCase();
/** dd/mm/yyyy of a Day, as cells show it. */
const shownDay = (d: Day) => `${d.slice(8)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/**
 * Names and dates one register takes from another: an Attendance member not on the Members
 * tab or a date with no meeting (problems: the record cannot count), an action owner not on
 * the Members tab or named in `alsoKnown` (a warning: no reminder can reach them).
 */
export function linkProblems(r: Linked, alsoKnown: readonly string[] = []): Problem[] {
  const names = new Set(r.members.records.map(m => nameKey(m.name)));
  // People the program knows from Settings (the clerk) may own actions without a Members row.
  const owners = new Set([...names, ...alsoKnown.filter(Boolean).map(nameKey)]);
  const dates = new Set(r.meetings.records.map(m => m.date));
  const out: Problem[] = [];
  const add = <K extends RegisterName>(
    reg: Register<K>,
    row: number,
    header: string,
    problem: string,
    warning = false,
  ) => {
    const i = reg.index.get(header) as number;
    out.push({
      tab: reg.tab,
      row,
      col: i + 1,
      header,
      value: reg.grid[row - 1]?.[i] ?? '',
      problem,
      kind: 'link',
      warning,
    });
  };
  for (const a of r.attendance.records) {
    if (!dates.has(a.meeting))
      add(
        r.attendance,
        a.row,
        'Meeting date',
        `There is no meeting on ${shownDay(a.meeting)} on the ${TAB.meetings} tab, so this attendance is not counted. Correct the date, or add the meeting.`,
      );
    if (a.member && !names.has(nameKey(a.member)))
      add(
        r.attendance,
        a.row,
        'Member',
        `"${a.member}" is not a name on the ${TAB.members} tab, so this attendance is not counted. Type the name as it is on ${TAB.members}, or add the member.`,
      );
  }
  for (const a of r.actions?.records ?? []) {
    const unknown = a.owners.filter(o => !owners.has(nameKey(o)));
    if (unknown.length)
      add(
        r.actions as Register<typeof TAB.actions>,
        a.row,
        'Action to be taken by',
        `${unknown.map(o => `"${o}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not on the ${TAB.members} tab, so no reminder can reach ${unknown.length === 1 ? 'them' : 'those owners'}. Type names as they are on ${TAB.members}, or add the person.`,
        true,
      );
  }
  return out;
}

/** A problem as a Compliance finding. */
export function problemFinding(p: Problem): Finding {
  const cell = a1(p.row, p.col);
  const confidential = p.header === 'Confidential' ? ' (and the item as confidential)' : '';
  return {
    rule:
      p.kind === 'unique'
        ? 'One row each'
        : p.kind === 'link'
          ? 'Names and dates match the registers'
          : 'Readable values',
    severity: p.warning ? 'Warning' : 'Problem',
    where: `${p.tab} row ${p.row}, ${p.header} (cell ${cell})`,
    finding: p.problem,
    whatToDo:
      p.kind === 'unique'
        ? `Delete or correct one of the rows; until then it counts once.`
        : p.kind === 'link'
          ? `Correct ${p.tab}!${cell}.`
          : `Correct ${p.tab}!${cell}; until then the program reads it as empty${confidential}.`,
  };
}
