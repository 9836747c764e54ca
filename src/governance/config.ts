/**
 * The governance rules' numbers, read from Settings in one go. A missing or nonsense value
 * stops with the settings reader's message, which names the setting (never a silent default).
 */
import {Settings} from '../workbook/settings';
import {SettingName} from '../workbook/schema';
import {Region} from '../domain/calendar';
import {NoticeBasis, NoticeRules} from '../domain/notice';
import {MembershipRules} from '../domain/membership';
import {WatchRules} from '../domain/watch';

export interface GovernanceConfig {
  readonly groupName: string;
  readonly region: Region;
  readonly notice: NoticeRules;
  readonly keyDecisionDays: number;
  /** Minutes after midnight, or null for no limit. */
  readonly windowStart: number | null;
  readonly windowEnd: number | null;
  readonly meetingsPerYear: number;
  readonly membership: MembershipRules;
  readonly watch: WatchRules;
  readonly clerkName: string;
  readonly clerkEmail: string;
  readonly lookAheadWorkingDays: number;
}

export function governanceConfig(s: Settings): GovernanceConfig {
  return {
    groupName: s.text('Group name') || 'Committee',
    region: (s.text('Bank holiday region') || 'England and Wales') as Region,
    notice: {
      agendaAgreedDays: whole(s, 'Agenda agreed days'),
      papersNoticeDays: whole(s, 'Papers notice days'),
      basis: (s.text('Notice basis') || 'Clear working days') as NoticeBasis,
      reportDeadlineWorkingDays: whole(s, 'Report deadline working days'),
    },
    keyDecisionDays: whole(s, 'Key decision notice days'),
    windowStart: s.time('Meeting window start'),
    windowEnd: s.time('Meeting window end'),
    meetingsPerYear: whole(s, 'Meetings per year'),
    membership: {
      minMembers: whole(s, 'Minimum members'),
      maxMembers: whole(s, 'Maximum members'),
      minSmall: whole(s, 'Minimum small providers'),
      minLarge: whole(s, 'Minimum large providers'),
      requiredClientGroups: s.list('Required client groups'),
      requiredServiceTypes: s.list('Required service types'),
      termWarningDays: whole(s, 'Term warning days'),
      minAttendancePct: s.number('Minimum attendance %'),
    },
    watch: {
      dueSoonDays: whole(s, 'Action due soon days'),
      staleDays: whole(s, 'Action stale days'),
      contractWarningDays: whole(s, 'Contract warning days'),
    },
    clerkName: s.text('Clerk name'),
    clerkEmail: s.email('Clerk email'),
    lookAheadWorkingDays: whole(s, 'Clerk look-ahead working days'),
  };
}

/** Day counts must be whole numbers: "5.5 working days" is refused by name. */
function whole(s: Settings, name: SettingName): number {
  const n = s.number(name);
  if (!Number.isInteger(n)) {
    throw new Error(
      `The setting "${name}" should be a whole number of days; it is ${n}. Change it in the Value column of the Settings tab.`,
    );
  }
  return n;
}
