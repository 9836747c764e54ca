/**
 * The governance rules' numbers, read from Settings in one go. A missing or nonsense value
 * stops with the settings reader's message, which names the setting (never a silent default).
 */
import {Settings} from '../workbook/settings';
import {SETTINGS, SettingName} from '../workbook/schema';
import {Finding} from '../domain/findings';
import {Region} from '../domain/calendar';
import {NoticeBasis, NoticeRules} from '../domain/notice';
import {MembershipRules} from '../domain/membership';
import {WatchRules} from '../domain/watch';

export interface GovernanceConfig {
  readonly groupName: string;
  /** Settings "Chair": who chairs a meeting whose Chair cell is empty. */
  readonly chair: string;
  /** Members present for a meeting to decide; 0: no quorum. */
  readonly quorum: number;
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
  /** Settings "Terms of reference reviewed on" (null: not recorded, or unreadable: a finding). */
  readonly termsReviewedOn: string | null;
  /** Settings "Volunteer agreements": serving members must have signed one. */
  readonly volunteerAgreements: boolean;
}

/**
 * `unreadable`: when given, an unreadable notice setting or quorum becomes a finding naming its
 * cell, and the rules carry on with the setting's default (the finding says so); without it,
 * every unreadable setting stops with its message.
 */
export function governanceConfig(s: Settings, unreadable?: (f: Finding) => void): GovernanceConfig {
  const lenient = <T>(name: SettingName, read: () => T, fallback: T): T => {
    if (!unreadable) return read();
    try {
      return read();
    } catch (e) {
      unreadable(settingFinding(s, name, e instanceof Error ? e.message : String(e), fallback));
      return fallback;
    }
  };
  const days = (name: SettingName) =>
    lenient(name, () => whole(s, name), Number(SETTINGS.find(x => x.name === name)?.default));
  return {
    groupName: s.text('Group name') || 'Committee',
    chair: s.text('Chair'),
    quorum: days('Quorum'),
    region: (s.text('Bank holiday region') || 'England and Wales') as Region,
    notice: {
      agendaAgreedDays: days('Agenda agreed days'),
      papersNoticeDays: days('Papers notice days'),
      basis: lenient(
        'Notice basis',
        () => (s.text('Notice basis') || 'Clear working days') as NoticeBasis,
        'Clear working days' as NoticeBasis,
      ),
      reportDeadlineWorkingDays: days('Report deadline working days'),
    },
    keyDecisionDays: days('Key decision notice days'),
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
    termsReviewedOn: lenient(
      'Terms of reference reviewed on',
      () => s.date('Terms of reference reviewed on'),
      null,
    ),
    volunteerAgreements: lenient(
      'Volunteer agreements',
      () => s.bool('Volunteer agreements'),
      false,
    ),
  };
}

/** An unreadable setting as a Compliance finding: where it is, and what the rules use meanwhile. */
function settingFinding(s: Settings, name: SettingName, message: string, used: unknown): Finding {
  const cell = s.cell(name);
  return {
    rule: 'Readable settings',
    severity: 'Problem',
    where: cell
      ? `Settings row ${cell.replace(/^[A-Z]+/, '')}, ${name} (cell ${cell})`
      : `Settings, ${name}`,
    finding: message,
    whatToDo: `Correct ${cell ? `Settings!${cell}` : `the "${name}" row of the Settings tab`}; until then the checks use ${String(used)}, the program's default.`,
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
