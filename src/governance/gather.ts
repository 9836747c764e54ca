/**
 * Everything the governance rules need, read once: settings, the registers (one getValues per
 * tab) and the holiday list (refreshed, so the sheet formulas and the checks use the same days).
 */
import {readSettings} from '../workbook/settings';
import {isoOfDate} from '../domain/calendar';
import {Finding} from '../domain/findings';
import {Member, AttendanceRecord} from '../domain/membership';
import {ActionItem, ContractItem} from '../domain/watch';
import {MeetingRules} from '../domain/meeting-rules';
import {governanceConfig, GovernanceConfig} from './config';
import {
  AgendaItem,
  Meeting,
  readActions,
  readAgenda,
  readAttendance,
  readClosures,
  readContracts,
  readMeetings,
  readMembers,
} from './read';
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
  readonly contracts: ContractItem[];
  /** Cells that could not be read. */
  readonly problems: Finding[];
}

/** Today in the script's zone (the emulator's --today sets the clock). */
export function todayIso(): string {
  return isoOfDate(new Date());
}

export type Part = 'meetings' | 'agenda' | 'members' | 'attendance' | 'actions' | 'contracts';

export function gather(
  ss: Spreadsheet,
  parts: readonly Part[],
  today = todayIso(),
): GovernanceData {
  const config = governanceConfig(readSettings(ss));
  const problems: Finding[] = [];
  const want = (p: Part) => parts.includes(p);
  // Meetings are always read: the holiday list covers the years they span.
  const meetings = readMeetings(ss, problems);
  const closures = readClosures(ss, problems);
  const holidays = refreshHolidayList(
    ss,
    config.region,
    yearsInUse(
      meetings.map(m => m.date),
      today,
    ),
    closures,
  );
  return {
    today,
    config,
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
    agenda: want('agenda') ? readAgenda(ss, problems) : [],
    members: want('members') ? readMembers(ss, problems) : [],
    attendance: want('attendance') ? readAttendance(ss, problems) : [],
    actions: want('actions') ? readActions(ss, problems) : [],
    contracts: want('contracts') ? readContracts(ss, problems) : [],
  };
}

/**
 * For set-up and repair: fills the Holiday list and points the named ranges (Holidays_All,
 * Notice_*) that the Meetings deadline formulas read. Call it before or after writing those
 * formulas; until it has run they show #NAME?.
 */
export function prepareDeadlineFormulas(ss: Spreadsheet, today = todayIso()): void {
  gather(ss, [], today);
}
