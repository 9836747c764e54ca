/**
 * Everything the governance rules need, read once: settings, the registers (one getValues per
 * tab) and the holiday list (refreshed, so the sheet formulas and the checks use the same days).
 */
import {readSettings} from '../workbook/settings';
import {useLists} from '../workbook/lists';
import {TAB} from '../workbook/schema';
import {
  Problem,
  Register,
  RegisterName,
  RecordOf,
  linkProblems,
  problemFinding,
  readOptional,
  readRegister,
} from '../workbook/registers';
import {isoOfDate} from '../domain/calendar';
import {Finding} from '../domain/findings';
import {
  ActionItem,
  AgendaItem,
  AttendanceRecord,
  Complaint,
  Contract,
  GroupDocument,
  Meeting,
  Member,
} from '../domain/records';
import {MeetingRules} from '../domain/meeting-rules';
import {governanceConfig, GovernanceConfig} from './config';
import {refreshHolidayList, yearsInUse} from './holiday-list';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface GovernanceData {
  readonly today: string;
  readonly config: GovernanceConfig;
  readonly meetingRules: MeetingRules;
  readonly holidays: Map<string, string>;
  readonly meetings: Meeting[];
  readonly agenda: AgendaItem[];
  readonly members: Member[];
  readonly attendance: AttendanceRecord[];
  readonly actions: ActionItem[];
  readonly contracts: Contract[];
  /** Documents and Complaints (empty when the part was not asked for, or the tab is missing). */
  readonly documents: GroupDocument[];
  readonly complaints: Complaint[];
  /** The registers' problems as the reader found them (tab, cell, value), for callers that act on a cell. */
  readonly cellProblems: Problem[];
  /** Cells that could not be read, and rows recorded twice. */
  readonly problems: Finding[];
}

/** Today in the script's zone (the emulator's --today sets the clock). */
export function todayIso(): string {
  return isoOfDate(new Date());
}

export type Part =
  'meetings' | 'agenda' | 'members' | 'attendance' | 'actions' | 'contracts' | 'housekeeping';

/**
 * `rewriteHolidays` (set-up and repair): write the Holiday list and point the deadline names
 * even when the list is current (refreshHolidayList).
 */
export function gather(
  ss: Spreadsheet,
  parts: readonly Part[],
  today = todayIso(),
  rewriteHolidays = false,
): GovernanceData {
  const problems: Finding[] = [];
  useLists(ss); // Client groups and Service types as the Lists tab extends them
  // An unreadable notice number or quorum is a finding with its cell; the rules go on.
  const settings = readSettings(ss);
  const config = governanceConfig(settings, f => problems.push(f));
  const cellProblems: Problem[] = [];
  const want = (p: Part) => parts.includes(p);
  // Unreadable values and duplicate rows are findings; the other row rules have their own checks.
  const regs: Partial<{[K in RegisterName]: Register<K>}> = {};
  // Each tab once (two calls), in the order the checks need them.
  const read = <K extends RegisterName>(tab: K, optional = false): RecordOf[K][] => {
    const reg = optional ? readOptional(ss, tab) : readRegister(ss, tab);
    if (!reg) return [];
    (regs as Record<K, Register<K>>)[tab] = reg;
    cellProblems.push(...reg.problems);
    for (const p of reg.problems)
      if (p.kind === 'value' || p.kind === 'unique') problems.push(problemFinding(p));
    return reg.records;
  };
  // Meetings are always read: the holiday list covers the years they span.
  const meetings = read(TAB.meetings).sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row,
  );
  const closures = read(TAB.holidays);
  const holidays = refreshHolidayList(
    ss,
    config.region,
    yearsInUse(
      meetings.map(m => m.date),
      today,
    ),
    closures,
    settings,
    rewriteHolidays,
  );
  const members = want('members') ? read(TAB.members) : [];
  const attendance = want('attendance') ? read(TAB.attendance) : [];
  const actions = want('actions') ? read(TAB.actions) : [];
  // Names and dates the registers take from each other; attendance that matches no meeting or
  // member is a finding and is not counted.
  const unlinked = new Set<number>();
  const m = regs[TAB.members];
  const a = regs[TAB.attendance];
  const x = regs[TAB.actions];
  const meetingsRead = regs[TAB.meetings];
  if (m && a && meetingsRead) {
    const links = linkProblems({members: m, meetings: meetingsRead, attendance: a, actions: x}, [
      config.clerkName,
    ]);
    for (const p of links) {
      problems.push(problemFinding(p));
      if (p.tab === TAB.attendance) unlinked.add(p.row);
    }
  }
  // Risk triggers: read for their unreadable values (a RAG the program does not know is a finding).
  if (want('housekeeping')) read(TAB.riskTriggers, true);
  return {
    today,
    config,
    cellProblems,
    holidays,
    meetings,
    problems,
    meetingRules: {
      notice: config.notice,
      keyDecisionDays: config.keyDecisionDays,
      windowStart: config.windowStart,
      windowEnd: config.windowEnd,
      meetingsPerYear: config.meetingsPerYear,
      lookAheadWorkingDays: config.lookAheadWorkingDays,
    },
    agenda: want('agenda') ? read(TAB.agenda) : [],
    members,
    attendance: attendance.filter(a => !unlinked.has(a.row)),
    actions,
    contracts: want('contracts') ? read(TAB.contracts) : [],
    // Tabs a workbook made before they existed may lack: read when there (set-up adds them).
    documents: want('housekeeping') ? read(TAB.documents, true) : [],
    complaints: want('housekeeping') ? read(TAB.complaints, true) : [],
  };
}

/**
 * For set-up and repair: fills the Holiday list and points the named ranges (Holidays_All,
 * Notice_*) that the Meetings deadline formulas read. Call it before or after writing those
 * formulas; until it has run they show #NAME?.
 */
export function prepareDeadlineFormulas(ss: Spreadsheet, today = todayIso()): void {
  gather(ss, [], today, true);
}
