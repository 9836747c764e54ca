/**
 * The one schema table. Every tab and column the program knows is described here; setup,
 * repair, validation, import, the readers and the writers all come from it. Columns are
 * always found by header at run time, so no column index is written anywhere else.
 *
 * Formula columns are templates: `{Header}` stands for the cell of that column in the same
 * row (resolved to an A1 reference when the formula is written), `{row}` for the row number.
 */

import {CASH_FLOW_FORMULAS, CONTRACT_FORMULAS, LOT_FORMULAS} from './money-formulas';

export type ColumnType =
  | 'date'
  | 'time'
  | 'text'
  | 'number'
  | 'money'
  | 'percent'
  | 'list'
  | 'multi'
  | 'email'
  | 'bool'
  | 'link';

export interface ColumnSpec {
  readonly header: string;
  readonly type: ColumnType;
  readonly required?: boolean;
  /** Allowed values for `list` and `multi` columns. */
  readonly values?: readonly string[];
  /** Smallest allowed number for number, money and percent columns. */
  readonly min?: number;
  /** Sheets number format; a default per type applies when absent. */
  readonly format?: string;
  readonly width?: number;
  /** Shown as the header cell's note: what the column means and how to fill it. */
  readonly note?: string;
  /** A formula template: the program writes it in every data row and protects the column. */
  readonly formula?: string;
  /** Earlier versions of `formula`: set-up replaces them with the current one (nothing typed is lost). */
  readonly replaces?: readonly string[];
  /**
   * true: a value that fails validation is refused (the old value is put back, the note records
   * what was typed); false: it is kept and flagged. Default: refused for columns a formula reads,
   * flagged otherwise. Lists the program's counts and formats rely on say `reject: true`.
   */
  readonly reject?: boolean;
}

/**
 * A rule across the cells of a row, applied by the edit check, the reader and Problems.
 * - after: `second` must be later than `first` (two date or two time columns);
 * - needs: when `when` holds one of `is`, `header` must be filled (`problem`, where {value} is
 *   the value of `when`), or is filled with today (`fill`);
 * - stamp: `header` is set to today whenever another cell of the row is edited;
 * - extension: the options are readable and Extended to is within them (domain/watch.ts).
 */
export type RowRule =
  | {readonly kind: 'after'; readonly first: string; readonly second: string}
  | {
      readonly kind: 'needs';
      readonly when: string;
      readonly is: readonly string[];
      readonly header: string;
      readonly fill?: 'today';
      readonly problem?: string;
    }
  | {readonly kind: 'stamp'; readonly header: string}
  /** Extended to within what the Extension options allow from the Start or End date. */
  | {
      readonly kind: 'extension';
      readonly options: string;
      readonly start: string;
      readonly end: string;
      readonly extendedTo: string;
    };

/**
 * A conditional format over the whole row: `when` is a custom formula for row 2 where {Header}
 * stands for that column's cell and {dueSoonDays}, {termWarningDays}, {contractWarningDays} for
 * the warning periods in Settings. Skipped when a column it names is missing.
 */
export interface FormatRule {
  readonly when: string;
  readonly colour: 'red' | 'amber' | 'grey';
}

/** One row per value of these columns (e.g. one meeting per date); {key} in `problem` is the value. */
export interface UniqueRule {
  readonly columns: readonly string[];
  readonly problem: string;
}

export interface TabSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly frozenRows?: number;
  /** Shown as the note on A1 for tabs whose purpose is not obvious. */
  readonly note?: string;
  /** Written whole by the program (Problems, Compliance...): set-up makes the headers; no validation as people type. */
  readonly builtByProgram?: boolean;
  readonly rowRules?: readonly RowRule[];
  readonly unique?: readonly UniqueRule[];
  readonly formats?: readonly FormatRule[];
  /** One row per setting (Setting, Value): each Value is checked against the setting its row names. */
  readonly settingRows?: boolean;
  /** Headers naming a row in the Change log (default: the first required column). */
  readonly rowKey?: readonly string[];
  /**
   * A column naming who stood in for the member of another column at the meeting of `date`:
   * checked against Members ("Nominated by", "Deputy for") by the edit check, Problems and compliance.
   */
  readonly substitute?: {
    readonly member: string;
    readonly substitute: string;
    readonly date: string;
  };
  /** The column naming a member's nominating body: one serving nominee per body (checked as typed). */
  readonly nominee?: string;
}

export const ROLES = [
  'Chair',
  'Vice-chair',
  'Member',
  'Deputy',
  'Lead officer',
  'Secretariat',
  'Observer',
] as const;
export const PROVIDER_SIZES = ['Small', 'Large', 'Not a provider'] as const;
export const CLIENT_GROUPS = [
  'Older people',
  'Learning disability',
  'Physical disability',
  'Mental health',
  'Carers',
  'Children and young people',
] as const;
export const SERVICE_TYPES = [
  'Residential care',
  'Nursing care',
  'Supported living',
  'Homecare',
  'Extra care',
  'Day services',
  'Other unregulated support',
] as const;
/**
 * Descriptive lists officers extend on the Lists tab (one column each, headed by the list's name;
 * set-up fills it from the constants above). The program's logic never depends on their values,
 * so the edit check, the reader and the composition rules take them from the tab
 * (src/workbook/lists.ts installs them once per run); lists the logic depends on stay fixed.
 */
export const EXTENDABLE_LISTS = {
  'Client groups': CLIENT_GROUPS,
  'Service types': SERVICE_TYPES,
} as const;
export type ListName = keyof typeof EXTENDABLE_LISTS;
const listsInUse: Record<ListName, readonly string[]> = {...EXTENDABLE_LISTS};

/** The values of an extendable list this run (the Lists tab's, once read; else the constants). */
export const listValuesOf = (name: ListName): readonly string[] => listsInUse[name];

/** Installs the Lists tab's values for this run (an empty or missing column keeps the constants). */
export function useListValues(lists: Partial<Record<ListName, readonly string[]>>): void {
  for (const name of Object.keys(EXTENDABLE_LISTS) as ListName[])
    listsInUse[name] = lists[name]?.length ? lists[name]! : EXTENDABLE_LISTS[name];
}

export const MEMBER_STATUSES = ['Active', 'Left'] as const;
export const MEETING_TYPES = ['Ordinary', 'Extra', 'Reserve', 'Workshop'] as const;
export const MEETING_STATUSES = ['Provisional', 'Confirmed', 'Held', 'Cancelled'] as const;
/** In agenda order: items are numbered consecutively across sections in this order. */
export const SECTIONS = [
  'Constitutional matters',
  'Key decisions',
  'Decisions',
  'Information and monitoring',
  'Exempt items',
] as const;
export const PURPOSES = ['To note', 'To decide', 'To comment', 'To approve'] as const;
export const PAPER_STATUSES = [
  'Awaited',
  'Received',
  'To follow',
  'Circulate by email',
  'No paper',
] as const;
export const ATTENDANCE = ['Present', 'Apologies', 'Substitute attended', 'Absent'] as const;
export const ACTION_STATUSES = ['Open', 'Ongoing', 'On hold', 'Closed'] as const;
export const FUNDING_TYPES = ['Contract', 'Grant', 'Section 75', 'Direct award'] as const;
export const CONTRACT_STATUSES = ['Active', 'Ending', 'Ended', 'Procurement'] as const;
export const YES_NO = ['Yes', 'No'] as const;
/** The four areas of the regional sector-led-improvement risk triggers, in the table's order. */
export const RISK_AREAS = [
  'Outcomes',
  'Resources (finance and people)',
  'Other intelligence',
  'Interface with stakeholders',
] as const;
export const RAG_RATINGS = ['Red', 'Amber', 'Green'] as const;
export const DECISION_TYPES = ['Resolved', 'Noted', 'Recommended to Council'] as const;
export const IMPLEMENTATION_STATUSES = [
  'Not started',
  'In progress',
  'Implemented',
  'Not implemented',
] as const;
export const SUPPORT_LEVELS = ['Self help', 'Targeted support', 'Intervention'] as const;
export const COMPLAINT_STATUSES = ['Open', 'Closed'] as const;

export const TAB = {
  settings: 'Settings',
  members: 'Members',
  meetings: 'Meetings',
  agenda: 'Agenda',
  attendance: 'Attendance',
  actions: 'Actions',
  contracts: 'Contracts',
  lots: 'Lots',
  cashFlow: 'Cash flow',
  dashboard: 'Dashboard',
  holidays: 'Holidays',
  problems: 'Problems',
  holidayList: 'Holiday list',
  compliance: 'Compliance',
  membershipCheck: 'Membership check',
  forwardPlan: 'Forward plan',
  mailingList: 'Mailing list',
  sent: 'Sent',
  riskTriggers: 'Risk triggers',
  decisions: 'Decisions',
  changeLog: 'Change log',
  changeLogArchive: 'Change log archive',
  lists: 'Lists',
  documents: 'Documents',
  complaints: 'Complaints',
} as const;

/** Named ranges the Meetings deadline formulas read: the program keeps them pointing at the right cells. */
export const NOTICE_NAMES = {
  holidays: 'Holidays_All',
  agendaDays: 'Notice_AgendaDays',
  papersDays: 'Notice_PapersDays',
  basis: 'Notice_Basis',
  reportDays: 'Notice_ReportDays',
} as const;

/** Which Settings row each notice name points at. */
export const NOTICE_SETTING_OF: Readonly<Record<string, SettingName>> = {
  [NOTICE_NAMES.agendaDays]: 'Agenda agreed days',
  [NOTICE_NAMES.papersDays]: 'Papers notice days',
  [NOTICE_NAMES.basis]: 'Notice basis',
  [NOTICE_NAMES.reportDays]: 'Report deadline working days',
};

/** How papers notice is counted (Settings "Notice basis"). */
export const NOTICE_BASES = ['Clear working days', 'Calendar days'] as const;
export const GROUP_TYPES = ['Council committee', 'Partnership board', 'Informal group'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];

export const SCHEMA: readonly TabSpec[] = [
  {
    name: TAB.settings,
    frozenRows: 1,
    settingRows: true,
    note: 'One row per setting. Change the Value column; the program reads settings by name.',
    columns: [
      {
        header: 'Setting',
        type: 'text',
        required: true,
        width: 260,
        note: 'The setting\'s name, exactly as the program lists it (e.g. "Quorum"): the program finds settings by name.',
      },
      {
        header: 'Value',
        type: 'text',
        width: 280,
        note: 'The value the program uses; the Notes column says what each setting takes.',
      },
      {
        header: 'Notes',
        type: 'text',
        width: 420,
        note: 'What the setting does (written by set-up); add your own remarks.',
      },
    ],
  },
  {
    name: TAB.members,
    frozenRows: 1,
    nominee: 'Nominated by',
    rowRules: [{kind: 'after', first: 'Term start', second: 'Term end'}],
    formats: [
      {when: 'ISNUMBER({Term end}),{Term end}<TODAY()', colour: 'grey'},
      {
        when: 'ISNUMBER({Term end}),{Term end}>=TODAY(),{Term end}<=TODAY()+{termWarningDays}',
        colour: 'amber',
      },
    ],
    columns: [
      {
        header: 'Name',
        type: 'text',
        required: true,
        width: 180,
        note: 'Full name as printed in papers, e.g. "Priya Desai". Attendance and Actions use the same spelling.',
      },
      {
        header: 'Organisation',
        type: 'text',
        width: 200,
        note: 'The member\'s organisation, e.g. "Larkspur Homes Ltd".',
      },
      {
        header: 'Role',
        type: 'list',
        required: true,
        values: ROLES,
        reject: true,
        width: 110,
        note: 'Chair, Vice-chair and Member make up the membership; a Deputy, Lead officer, Secretariat or Observer is not counted.',
      },
      {
        header: 'Nominated by',
        type: 'text',
        width: 160,
        note: 'The association that nominated this member. Nominated members name a deputy; others attend personally.',
      },
      {
        header: 'Deputy for',
        type: 'text',
        width: 160,
        note: 'For a deputy: the name of the member they stand in for.',
      },
      {
        header: 'Provider size',
        type: 'list',
        values: PROVIDER_SIZES,
        reject: true,
        width: 110,
        note: 'Small or Large for a provider (the balance rules count them); Not a provider otherwise.',
      },
      {
        header: 'Client groups',
        type: 'multi',
        get values() {
          return listValuesOf('Client groups');
        },
        width: 220,
        note: 'Several allowed, separated by "; ".',
      },
      {
        header: 'Service types',
        type: 'multi',
        get values() {
          return listValuesOf('Service types');
        },
        width: 220,
        note: 'Several allowed, separated by "; ".',
      },
      {header: 'Email', type: 'email', width: 220, note: 'Never printed in public papers.'},
      {header: 'Phone', type: 'text', width: 130, note: 'Never printed in public papers.'},
      {header: 'Term start', type: 'date', width: 100, note: 'The day the term began, dd/mm/yyyy.'},
      {
        header: 'Term end',
        type: 'date',
        width: 100,
        note: 'Must be after Term start. Flagged when it falls within the warning period (Settings).',
      },
      {
        header: 'Status',
        type: 'list',
        values: MEMBER_STATUSES,
        reject: true,
        width: 80,
        note: 'Active while serving; Left once they have gone (keep the row for the record).',
      },
      {
        header: 'Interests declared',
        type: 'text',
        width: 240,
        note: 'Standing interests, as terms separated by "; " (a provider, "Lot 2", a scheme): Build agenda and the minutes draft name the items whose title or notes contain one, or the organisation.',
      },
      {
        header: 'Notes',
        type: 'text',
        width: 240,
        note: 'Anything else about the member, for the clerk.',
      },
      {
        header: 'Interests reviewed on',
        type: 'date',
        width: 130,
        note: 'When the member last confirmed their declarations of interest; Check compliance reminds after a year.',
      },
      {
        header: 'Agreement signed on',
        type: 'date',
        width: 130,
        note: 'When the member signed the volunteer agreement, dd/mm/yyyy. Where Settings "Volunteer agreements" is Yes, Check compliance flags a serving member without one.',
      },
    ],
  },
  {
    name: TAB.meetings,
    frozenRows: 1,
    rowRules: [{kind: 'after', first: 'Start time', second: 'End time'}],
    unique: [
      {
        columns: ['Meeting date'],
        problem:
          'More than one meeting is on {key}. Change one of the dates, or delete the duplicate row.',
      },
    ],
    columns: [
      {
        header: 'Meeting date',
        type: 'date',
        required: true,
        width: 110,
        note: 'The day of the meeting, dd/mm/yyyy. One row per meeting.',
      },
      {
        header: 'Start time',
        type: 'time',
        width: 80,
        note: 'hh:mm, e.g. 10:00 (Settings "Default start time" when new).',
      },
      {header: 'End time', type: 'time', width: 80, note: 'Must be after Start time.'},
      {
        header: 'Venue',
        type: 'text',
        width: 200,
        note: 'Where it meets, e.g. "Room 2, Northfield Civic Centre", or "virtual".',
      },
      {
        header: 'Type',
        type: 'list',
        values: MEETING_TYPES,
        reject: true,
        width: 90,
        note: 'Ordinary (counts towards "Meetings per year"), Extra, Reserve (a date held in case) or Workshop.',
      },
      {
        header: 'Status',
        type: 'list',
        values: MEETING_STATUSES,
        reject: true,
        width: 100,
        note: 'Provisional until fixed, then Confirmed; Held once it has taken place, or Cancelled.',
      },
      {
        header: 'Agenda agreed by',
        type: 'date',
        width: 120,
        note: 'Worked out by the program: calendar days before the meeting (Settings).',
        formula: '=IF(ISNUMBER({Meeting date}),{Meeting date}-Notice_AgendaDays,"")',
      },
      {
        header: 'Report deadline',
        type: 'date',
        width: 120,
        note: 'Worked out by the program: working days before despatch (Settings).',
        formula:
          '=IF(ISNUMBER({Papers despatch by}),WORKDAY({Papers despatch by},-Notice_ReportDays,Holidays_All),"")',
      },
      {
        header: 'Papers despatch by',
        type: 'date',
        width: 130,
        note: 'Worked out by the program from Settings "Papers notice days" and "Notice basis": with clear working days, the last working day leaving that many working days clear before the meeting; with calendar days, the meeting date less that many days, moved back to a working day.',
        formula:
          '=IF(ISNUMBER({Meeting date}),IF(Notice_Basis="Calendar days",WORKDAY({Meeting date}-Notice_PapersDays+1,-1,Holidays_All),WORKDAY({Meeting date},-(Notice_PapersDays+1),Holidays_All)),"")',
        replaces: [
          '=IF(ISNUMBER({Meeting date}),WORKDAY({Meeting date},-(Notice_PapersClearDays+1),Holidays_All),"")',
        ],
      },
      {
        header: 'Agenda published on',
        type: 'date',
        width: 130,
        note: 'The day the agenda and papers went out, dd/mm/yyyy: compared with Papers despatch by.',
      },
      {
        header: 'Minutes approved on',
        type: 'date',
        width: 130,
        note: 'The day the minutes were approved, dd/mm/yyyy.',
      },
      {
        header: 'Agenda link',
        type: 'link',
        width: 160,
        note: 'The agenda document (written by Generate papers, or paste a link).',
      },
      {
        header: 'Minutes link',
        type: 'link',
        width: 160,
        note: 'The minutes document (written by Generate papers, or paste a link).',
      },
      {
        header: 'Notes',
        type: 'text',
        width: 240,
        note: 'Anything else about the meeting, e.g. "Room booked".',
      },
      {
        header: 'Approved minutes link',
        type: 'link',
        width: 160,
        note: 'Written by Publish minutes: the PDF of the minutes as approved by the chair.',
      },
      {
        header: 'Public minutes link',
        type: 'link',
        width: 160,
        note: 'Written by Publish minutes: the PDF without the exempt part, for publication.',
      },
      {
        header: 'Chair',
        type: 'text',
        width: 160,
        note: 'Who chaired the meeting. Empty: the chair named in Settings. A party may chair, e.g. "Parent Carer Forum" in a partnership chaired by the forum.',
      },
    ],
  },
  {
    name: TAB.agenda,
    frozenRows: 1,
    columns: [
      {
        header: 'Meeting date',
        type: 'date',
        width: 110,
        note: 'Leave empty for an item still to be programmed.',
      },
      {
        header: 'Item no.',
        type: 'number',
        width: 70,
        min: 1,
        note: "The item's number on the agenda.",
      },
      {
        header: 'Section',
        type: 'list',
        values: SECTIONS,
        reject: true,
        width: 190,
        note: 'Where the item sits on the agenda; Exempt items are taken in private.',
      },
      {
        header: 'Title',
        type: 'text',
        required: true,
        width: 280,
        note: "The item's title as printed on the agenda.",
      },
      {
        header: 'Purpose',
        type: 'list',
        values: PURPOSES,
        reject: true,
        width: 100,
        note: 'What the meeting is asked to do with the item.',
      },
      {
        header: 'Lead officer',
        type: 'text',
        width: 160,
        note: 'Who presents the item or writes its report.',
      },
      {
        header: 'Key decision ref',
        type: 'text',
        width: 110,
        note: 'The forward plan reference of a key decision, e.g. KD-2026-09; empty otherwise.',
      },
      {
        header: 'Paper status',
        type: 'list',
        values: PAPER_STATUSES,
        reject: true,
        width: 130,
        note: "Where the item's paper is; Awaited and To follow are chased before despatch.",
      },
      {
        header: 'Confidential',
        type: 'bool',
        reject: true,
        width: 100,
        note: 'Yes keeps the item and its paper out of every public paper.',
      },
      {
        header: 'Standing item',
        type: 'bool',
        width: 100,
        note: 'Yes for an item on every agenda (Settings "Standing items" adds them).',
      },
      {
        header: 'Paper link',
        type: 'link',
        width: 160,
        note: "The item's report or paper (a Google Doc, PDF or web page).",
      },
      {
        header: 'Notes',
        type: 'text',
        width: 240,
        note: 'Anything else about the item, for the clerk.',
      },
      {
        header: 'Exempt paragraph',
        type: 'list',
        values: ['1', '2', '3', '4', '5', '6', '7'],
        reject: true,
        width: 110,
        note: 'Councils: the paragraph of Schedule 12A to the Local Government Act 1972 that makes a confidential item exempt (1 to 7), cited on the agenda.',
      },
      {
        header: 'To full Council',
        type: 'bool',
        width: 110,
        note: 'Yes when the item goes on to full Council for decision: marked * on the forward plan (confidential items are marked +).',
      },
      {
        header: 'First published',
        type: 'date',
        width: 120,
        note: "Written by Generate forward plan: the day the item first appeared in a published forward plan. The 28 clear days' notice of a key decision counts from it. Clear it only if the plan was never published.",
      },
    ],
  },
  {
    name: TAB.attendance,
    frozenRows: 1,
    rowKey: ['Meeting date', 'Member'],
    substitute: {member: 'Member', substitute: 'Substitute', date: 'Meeting date'},
    rowRules: [
      {
        kind: 'needs',
        when: 'Attendance',
        is: ['Substitute attended'],
        header: 'Substitute',
        problem:
          'Substitute attended: type the name of who came in Substitute (the registered deputy).',
      },
    ],
    unique: [
      {
        columns: ['Meeting date', 'Member'],
        problem:
          'The attendance of {key} is recorded more than once, so it would be counted twice. Delete the duplicate row.',
      },
    ],
    columns: [
      {
        header: 'Meeting date',
        type: 'date',
        required: true,
        width: 110,
        note: 'The meeting, dd/mm/yyyy, as on the Meetings tab.',
      },
      {
        header: 'Member',
        type: 'text',
        required: true,
        width: 180,
        note: "The member's name as on the Members tab.",
      },
      {
        header: 'Attendance',
        type: 'list',
        values: ATTENDANCE,
        reject: true,
        width: 150,
        note: 'Present, Apologies, Substitute attended (name who came in Substitute) or Absent (no apologies sent).',
      },
      {
        header: 'Substitute',
        type: 'text',
        width: 180,
        note: 'Who stood in: the member\'s registered deputy (Members "Deputy for"). Only nominated members may send one.',
      },
      {
        header: 'Declarations of interest',
        type: 'text',
        width: 280,
        note: 'Interests declared at the meeting, e.g. "Item 5: director of a bidding provider".',
      },
    ],
  },
  {
    name: TAB.actions,
    frozenRows: 1,
    rowKey: ['Action'],
    rowRules: [
      {kind: 'needs', when: 'Status', is: ['Closed'], header: 'Date closed', fill: 'today'},
      {
        kind: 'needs',
        when: 'Status',
        is: ['Ongoing', 'On hold'],
        header: 'Review date',
        problem:
          'An action that is {value} needs a Review date: type the date it will next be looked at (dd/mm/yyyy).',
      },
      {kind: 'stamp', header: 'Last updated'},
    ],
    formats: [
      {when: '{Status}="Closed"', colour: 'grey'},
      {when: '{Status}<>"Closed",ISNUMBER({Review date}),{Review date}<TODAY()', colour: 'red'},
      {
        when: '{Status}<>"Closed",ISNUMBER({Review date}),{Review date}>=TODAY(),{Review date}<=TODAY()+{dueSoonDays}',
        colour: 'amber',
      },
    ],
    columns: [
      {
        header: 'Meeting date',
        type: 'date',
        width: 110,
        note: 'The meeting that agreed the action, dd/mm/yyyy.',
      },
      {
        header: 'Minute no.',
        type: 'text',
        width: 80,
        note: 'The minute the action comes from, e.g. 12.',
      },
      {
        header: 'Report title',
        type: 'text',
        width: 200,
        note: 'The report or item the action arose from.',
      },
      {
        header: 'Action to be taken by',
        type: 'text',
        required: true,
        width: 180,
        note: 'One or more names from Members, separated by "; ".',
      },
      {
        header: 'Action',
        type: 'text',
        required: true,
        width: 300,
        note: 'What is to be done, e.g. "Circulate the market position statement".',
      },
      {
        header: 'Comments',
        type: 'text',
        width: 260,
        note: 'Progress so far, e.g. "Chased 12/11/2026".',
      },
      {
        header: 'Status',
        type: 'list',
        values: ACTION_STATUSES,
        reject: true,
        width: 90,
        note: 'Open, Ongoing, On hold or Closed (closing fills Date closed).',
      },
      {
        header: 'Review date',
        type: 'date',
        width: 100,
        note: 'Needed for Ongoing and On hold actions.',
      },
      {
        header: 'Date closed',
        type: 'date',
        width: 100,
        note: 'Filled with today when an action is closed without one.',
      },
      {
        header: 'Last updated',
        type: 'date',
        width: 100,
        note: 'Stamped by the program on every edit of the row.',
      },
    ],
  },
  {
    name: TAB.contracts,
    frozenRows: 1,
    rowRules: [
      {kind: 'after', first: 'Start date', second: 'End date'},
      {kind: 'after', first: 'End date', second: 'Extended to'},
      {
        kind: 'extension',
        options: 'Extension options',
        start: 'Start date',
        end: 'End date',
        extendedTo: 'Extended to',
      },
    ],
    // Ends on Extended to when filled, else End date; amber when ending in the window, as
    // domain/watch.ts endingInWindow and the Dashboard define it (Status not Ended; within the
    // notice or warning period, whichever is longer).
    formats: [
      {
        when: 'ISNUMBER({End date}),IF(ISNUMBER({Extended to}),{Extended to},{End date})<TODAY()',
        colour: 'grey',
      },
      {
        when: '{Status}<>"Ended",IF(ISNUMBER({Extended to}),{Extended to},IF(ISNUMBER({End date}),{End date},0))>=TODAY(),IF(ISNUMBER({Extended to}),{Extended to},IF(ISNUMBER({End date}),{End date},0))-TODAY()<=MAX(N({Notice period (days)}),{contractWarningDays})',
        colour: 'amber',
      },
    ],
    columns: [
      {
        header: 'Reference',
        type: 'text',
        required: true,
        width: 100,
        note: 'Your reference for the contract or grant, e.g. C-001. One row each.',
      },
      {
        header: 'Provider',
        type: 'text',
        width: 200,
        note: 'The organisation holding the contract.',
      },
      {
        header: 'Contract/grant',
        type: 'text',
        width: 240,
        note: 'What it is for, e.g. "Homecare lot 2".',
      },
      {
        header: 'Lot',
        type: 'text',
        width: 60,
        note: 'The lot it belongs to, as on the Lots tab (e.g. 1): the Lots tab adds up Annual value by lot.',
      },
      {
        header: 'Funding type',
        type: 'list',
        values: FUNDING_TYPES,
        reject: true,
        width: 110,
        note: 'Contract, Grant, Section 75 (a budget pooled with the NHS) or Direct award.',
      },
      {
        header: 'Annual value',
        type: 'money',
        min: 0,
        // The Lots tab's Contracted annual value sums it: a wrong amount is refused, not kept.
        reject: true,
        width: 110,
        note: 'The yearly value in pounds, e.g. 250000.',
      },
      {header: 'Start date', type: 'date', width: 100, note: 'When it began, dd/mm/yyyy.'},
      {header: 'End date', type: 'date', width: 100, note: 'Must be after Start date.'},
      {
        header: 'Extension options',
        type: 'text',
        width: 110,
        note: 'Written like "5+2" or "2 x 12 months".',
      },
      {
        header: 'Extended to',
        type: 'date',
        width: 100,
        note: 'The new end date once an extension is taken up; must be within the Extension options.',
      },
      {
        header: 'Notice period (days)',
        type: 'number',
        min: 0,
        width: 90,
        note: 'Days of notice the contract requires; the ending warning starts that long before the end when longer than Settings "Contract warning days".',
      },
      {
        header: 'Commissioner',
        type: 'text',
        width: 150,
        note: 'The officer who manages the contract.',
      },
      {
        header: 'LA contribution',
        type: 'money',
        min: 0,
        width: 110,
        note: "Section 75 pooled budgets: the local authority's share.",
      },
      {
        header: 'Partner contribution',
        type: 'money',
        min: 0,
        width: 110,
        note: "Section 75 pooled budgets: the NHS partner's share.",
      },
      {
        header: 'Status',
        type: 'list',
        values: CONTRACT_STATUSES,
        reject: true,
        width: 100,
        note: 'Active, Ending, Ended, or Procurement (being re-tendered).',
      },
      {header: 'Notes', type: 'text', width: 240, note: 'Anything else about the contract.'},
      // -- money: Section 75 shares of the pool (worked out by the program)
      {
        header: 'LA share',
        type: 'percent',
        width: 80,
        format: '0.0%',
        note: 'Worked out by the program: LA contribution as a share of the pool.',
        formula: CONTRACT_FORMULAS.laShare,
      },
      {
        header: 'Partner share',
        type: 'percent',
        width: 90,
        format: '0.0%',
        note: 'Worked out by the program: Partner contribution as a share of the pool.',
        formula: CONTRACT_FORMULAS.partnerShare,
      },
    ],
  },
  {
    name: TAB.lots,
    frozenRows: 1,
    columns: [
      {
        header: 'Lot',
        type: 'text',
        required: true,
        width: 60,
        note: "The lot's number or code, e.g. 1, as used on the Contracts tab.",
      },
      {
        header: 'Title',
        type: 'text',
        width: 240,
        note: 'What the lot covers, e.g. "Homecare, north locality".',
      },
      {
        header: 'Annual scoped spend',
        type: 'money',
        min: 0,
        width: 140,
        note: 'The yearly spend the lot was scoped at, in pounds.',
      },
      {
        header: 'Our annual contribution',
        type: 'money',
        min: 0,
        width: 150,
        note: 'Our share of the yearly spend, in pounds.',
      },
      {header: 'Uplift %', type: 'percent', min: 0, width: 80, note: 'The yearly uplift, e.g. 3%.'},
      {
        header: 'Total annual lot budget',
        type: 'money',
        width: 150,
        note: 'Worked out by the program: Annual scoped spend × (1 + Uplift %).',
        formula: LOT_FORMULAS.totalAnnualLotBudget,
      },
      {
        header: 'Term (years)',
        type: 'number',
        min: 0,
        width: 90,
        note: 'From Settings > Framework term ("5+2" is 7 years).',
        formula: LOT_FORMULAS.termYears,
      },
      {
        header: 'Total contract term',
        type: 'money',
        width: 150,
        note: 'Worked out by the program: Total annual lot budget × Term (years).',
        formula: LOT_FORMULAS.totalContractTerm,
      },
      // -- money: extra columns the program adds after the contract headers
      {
        header: 'Our commitment over term',
        type: 'money',
        width: 170,
        note: 'Worked out by the program: Our annual contribution × Term (years).',
        formula: LOT_FORMULAS.ourCommitment,
      },
      {
        header: 'Contracted annual value',
        type: 'money',
        width: 160,
        note: 'Worked out by the program: the sum of Annual value in Contracts for this lot, to compare with Annual scoped spend.',
        formula: LOT_FORMULAS.contractedAnnualValue,
      },
    ],
  },
  {
    name: TAB.cashFlow,
    frozenRows: 1,
    columns: [
      {
        header: 'Period',
        type: 'text',
        required: true,
        width: 110,
        note: 'The plan period, e.g. "Q1 2026/27"; one row per period, in order.',
      },
      {
        header: 'Hours per week',
        type: 'number',
        min: 0,
        width: 110,
        note: 'Care hours a week the scheme saves in the period.',
      },
      {
        header: 'Weeks in period',
        type: 'number',
        min: 0,
        width: 110,
        note: 'Weeks in the period (13, a quarter, when empty).',
      },
      {
        header: 'Hours in period',
        type: 'number',
        width: 110,
        note: 'Worked out by the program: Hours per week × Weeks in period (13 when empty).',
        formula: CASH_FLOW_FORMULAS.hoursInPeriod,
      },
      {
        header: 'Saving per hour',
        type: 'money',
        min: 0,
        width: 110,
        note: 'What an hour saved is worth, in pounds.',
      },
      {
        header: 'Cost avoidance',
        type: 'money',
        width: 120,
        note: 'Worked out by the program: Hours in period × Saving per hour.',
        formula: CASH_FLOW_FORMULAS.costAvoidance,
      },
      {
        header: 'Expenditure',
        type: 'money',
        min: 0,
        width: 110,
        note: 'What the scheme costs in the period, in pounds.',
      },
      {
        header: 'Net cash flow',
        type: 'money',
        width: 120,
        note: 'Worked out by the program: Cost avoidance − Expenditure.',
        formula: CASH_FLOW_FORMULAS.netCashFlow,
      },
      {
        header: 'Cumulative cash flow',
        type: 'money',
        width: 140,
        note: 'Worked out by the program: the running total of Net cash flow. Red while below zero.',
        formula: CASH_FLOW_FORMULAS.cumulativeCashFlow,
      },
      // -- money: an extra column the program adds after the contract headers
      {
        header: 'Break-even status',
        type: 'text',
        width: 130,
        note: 'Worked out by the program: "Break-even" marks the first period whose cumulative cash flow is 0 or more.',
        formula: CASH_FLOW_FORMULAS.breakEvenStatus,
      },
    ],
  },
  {
    name: TAB.holidays,
    frozenRows: 1,
    note: 'Days the office is closed beyond the bank holidays the program knows.',
    columns: [
      {
        header: 'Date',
        type: 'date',
        required: true,
        width: 110,
        note: 'A day the office is closed, dd/mm/yyyy, e.g. 29/12/2026.',
      },
      {
        header: 'Name',
        type: 'text',
        width: 240,
        note: 'What the closure is, e.g. "Office closed between Christmas and New Year".',
      },
    ],
  },
  // -- publishing: who else receives the public papers, and every message Send papers sent
  {
    name: TAB.mailingList,
    frozenRows: 1,
    note: 'People outside the membership who receive the public agenda pack by email (Committee > Papers > Send papers). Subscribed No stops their mail; keep the row so the reason stays on record.',
    unique: [
      {
        columns: ['Email'],
        problem: '{key} is on the mailing list more than once. Delete the duplicate row.',
      },
    ],
    columns: [
      {header: 'Name', type: 'text', width: 180, note: 'Who receives the public papers.'},
      {header: 'Organisation', type: 'text', width: 200, note: 'Their organisation, if any.'},
      {
        header: 'Email',
        type: 'email',
        required: true,
        width: 240,
        note: 'Where the papers go, e.g. name@example.org. One row each.',
      },
      {
        header: 'Subscribed',
        type: 'bool',
        reject: true,
        width: 100,
        note: 'Yes: receives the public papers. No: unsubscribed (nothing is sent).',
      },
      {
        header: 'Source',
        type: 'text',
        width: 200,
        note: 'How they joined, e.g. "asked at the meeting of 26/11/2026".',
      },
    ],
  },
  {
    name: TAB.sent,
    frozenRows: 1,
    note: 'Written by Committee > Papers > Send papers: one row per message. Sending again skips everyone listed here for that meeting and version.',
    columns: [
      {header: 'Sent on', type: 'date', required: true, width: 110, note: 'When the message went.'},
      {
        header: 'Meeting date',
        type: 'date',
        required: true,
        width: 110,
        note: 'The meeting whose papers were sent.',
      },
      {header: 'To', type: 'email', required: true, width: 240, note: 'Who it went to.'},
      {
        header: 'Version',
        type: 'list',
        values: ['Full', 'Public'],
        width: 90,
        note: 'Full (members) or Public (the mailing list: no confidential items).',
      },
      {
        header: 'Message id',
        type: 'text',
        width: 260,
        note: "The mail system's id, to trace a message.",
      },
    ],
  },
  // -- governance: the register of decisions (numbered resolutions and what became of them)
  {
    name: TAB.decisions,
    frozenRows: 1,
    rowKey: ['Minute no.', 'Decision'],
    note: 'The register of decisions: one row per resolution, with its minute number, and what became of it.',
    rowRules: [
      {
        kind: 'needs',
        when: 'Type',
        is: ['Recommended to Council'],
        header: 'Implementation status',
        problem:
          'A decision {value} needs an Implementation status: say whether Council has taken it up (Not started, In progress, Implemented, Not implemented).',
      },
    ],
    columns: [
      {
        header: 'Meeting date',
        type: 'date',
        required: true,
        width: 110,
        note: 'The meeting that decided, dd/mm/yyyy.',
      },
      {header: 'Minute no.', type: 'text', width: 80, note: 'As in the minutes, e.g. 233.'},
      {header: 'Item', type: 'text', width: 240, note: 'The agenda item.'},
      {
        header: 'Decision',
        type: 'text',
        required: true,
        width: 360,
        note: 'What was resolved, noted or recommended.',
      },
      {
        header: 'Type',
        type: 'list',
        values: DECISION_TYPES,
        reject: true,
        width: 170,
        note: 'Resolved (the group decided), Noted, or Recommended to Council (full Council decides).',
      },
      {
        header: 'Key decision ref',
        type: 'text',
        width: 110,
        note: "The forward plan's reference when this was a key decision.",
      },
      {
        header: 'Implementation status',
        type: 'list',
        values: IMPLEMENTATION_STATUSES,
        reject: true,
        width: 150,
        note: 'What became of it. Needed for a decision Recommended to Council.',
      },
      {header: 'Link', type: 'link', width: 160, note: 'The minutes or report the decision is in.'},
    ],
  },
  // -- governance: the yearly risk self-assessment (set-up fills the triggers into an empty tab)
  {
    name: TAB.riskTriggers,
    frozenRows: 1,
    note: 'The annual risk self-assessment against the regional sector-led-improvement triggers: rate each trigger Red, Amber or Green with the evidence, when and by whom, and the support sought. Set-up fills the triggers into an empty tab; add your own rows below.',
    rowRules: [
      {
        kind: 'needs',
        when: 'RAG',
        is: RAG_RATINGS,
        header: 'Assessed on',
        problem:
          'A trigger rated {value} needs the date it was assessed: type it in Assessed on (dd/mm/yyyy).',
      },
      {
        kind: 'needs',
        when: 'RAG',
        is: ['Red', 'Amber'],
        header: 'Support sought',
        problem:
          'A trigger rated {value} needs the support sought: Self help, Targeted support or Intervention.',
      },
    ],
    columns: [
      {
        header: 'Area',
        type: 'list',
        values: RISK_AREAS,
        required: true,
        reject: true,
        width: 190,
        note: 'One of the four areas of the regional table.',
      },
      {
        header: 'Trigger',
        type: 'text',
        required: true,
        width: 360,
        note: 'What would show a risk, e.g. "Sudden political change".',
      },
      {
        header: 'Source of data',
        type: 'text',
        width: 220,
        note: 'Where the evidence comes from, e.g. "Finance leads group".',
      },
      {
        header: 'RAG',
        type: 'list',
        values: RAG_RATINGS,
        reject: true,
        width: 70,
        note: 'Red, Amber or Green: the Dashboard counts them.',
      },
      {header: 'Evidence', type: 'text', width: 320, note: 'What the rating rests on.'},
      {
        header: 'Assessed on',
        type: 'date',
        width: 110,
        note: 'When the trigger was rated, dd/mm/yyyy; needed once it is rated.',
      },
      {header: 'Assessed by', type: 'text', width: 160, note: 'Who rated it.'},
      {
        header: 'Support sought',
        type: 'list',
        values: SUPPORT_LEVELS,
        reject: true,
        width: 140,
        note: 'Self help (sharing good practice, shadowing, buddying, action learning, local peer challenge); Targeted support (peer review, peer mentoring, coaching, training); Intervention (peer "consultancy" review, formal peer review).',
      },
    ],
  },
  // -- governance: housekeeping the terms of reference ask for
  {
    name: TAB.documents,
    frozenRows: 1,
    rowKey: ['Title', 'Version'],
    note: 'Terms of reference, agreements and other documents the group keeps under review: Check compliance says when one is due for review.',
    formats: [{when: 'ISNUMBER({Review due}),{Review due}<TODAY()', colour: 'red'}],
    columns: [
      {
        header: 'Title',
        type: 'text',
        required: true,
        width: 280,
        note: 'The document, e.g. "Terms of reference" or "Volunteer agreement".',
      },
      {header: 'Version', type: 'text', width: 80, note: 'Its version, e.g. 3 or "2026 draft".'},
      {header: 'Date', type: 'date', width: 110, note: 'The date of this version, dd/mm/yyyy.'},
      {
        header: 'Link',
        type: 'link',
        width: 200,
        note: 'Where it is kept (a Google Doc or web page).',
      },
      {
        header: 'Review due',
        type: 'date',
        width: 110,
        note: 'When it is next to be reviewed, dd/mm/yyyy: red once passed; Check compliance names it.',
      },
    ],
  },
  {
    name: TAB.complaints,
    frozenRows: 1,
    rowKey: ['Received on', 'From'],
    note: 'Complaints shared with the group. While any is Open, Build agenda adds a "Complaints" item; closing one fills Closed on.',
    rowRules: [{kind: 'needs', when: 'Status', is: ['Closed'], header: 'Closed on', fill: 'today'}],
    formats: [{when: '{Status}="Closed"', colour: 'grey'}],
    columns: [
      {
        header: 'Received on',
        type: 'date',
        required: true,
        width: 110,
        note: 'The day the complaint was received, dd/mm/yyyy.',
      },
      {
        header: 'From',
        type: 'text',
        width: 200,
        note: 'The organisation it came from (no personal details: the agenda names the organisation only).',
      },
      {
        header: 'Summary',
        type: 'text',
        required: true,
        width: 320,
        note: 'What it is about, in a line, without names of service users.',
      },
      {
        header: 'Status',
        type: 'list',
        values: COMPLAINT_STATUSES,
        reject: true,
        width: 90,
        note: 'Open until resolved, then Closed (Closed on is filled with today).',
      },
      {
        header: 'Discussed at',
        type: 'date',
        width: 110,
        note: 'The meeting that discussed it, dd/mm/yyyy.',
      },
      {header: 'Outcome', type: 'text', width: 280, note: 'What was decided or done.'},
      {header: 'Closed on', type: 'date', width: 110, note: 'The day it was closed, dd/mm/yyyy.'},
    ],
  },
  // -- workbook: descriptive lists officers extend (set-up fills them from EXTENDABLE_LISTS)
  {
    name: TAB.lists,
    frozenRows: 1,
    note: 'Lists you may extend: one column per list, one value per row. The Members columns of the same name, the check as you type and Settings "Required client groups" / "Required service types" take their values from here. Remove a value only when no row uses it (Check workbook problems names the rows that do).',
    columns: (Object.keys(EXTENDABLE_LISTS) as ListName[]).map((name): ColumnSpec => ({
      header: name,
      type: 'text',
      width: 220,
      note: `One ${name === 'Client groups' ? 'client group' : 'service type'} per row, e.g. "${EXTENDABLE_LISTS[name][0]}"; add yours below.`,
    })),
  },
  // -- governance: tabs the program builds (written whole by the program; officers read and sort them)
  {
    name: TAB.holidayList,
    frozenRows: 1,
    note: 'Built by the program: the bank holidays of the region for the years in use plus the Holidays tab. The deadline formulas read it (named range Holidays_All). Do not edit: change the Holidays tab instead.',
    columns: [
      {header: 'Date', type: 'date', required: true, width: 110, note: 'A non-working day.'},
      {header: 'Name', type: 'text', width: 300, note: 'The holiday, e.g. "Christmas Day".'},
      {
        header: 'Source',
        type: 'text',
        width: 160,
        note: 'A bank holiday of the region in Settings, or the Holidays tab.',
      },
    ],
  },
  {
    name: TAB.compliance,
    frozenRows: 1,
    note: 'Built by Committee > Check compliance. Sort or filter freely; the next check rewrites it.',
    columns: [
      {header: 'Rule', type: 'text', required: true, width: 220, note: 'The rule checked.'},
      {
        header: 'Severity',
        type: 'text',
        required: true,
        width: 90,
        note: 'Problem (broken), Warning (needs attention), Note (coming up) or Met.',
      },
      {
        header: 'Where',
        type: 'text',
        width: 200,
        note: 'The tab and row, or Members for a rule about the whole membership.',
      },
      {header: 'Finding', type: 'text', width: 360, note: 'What the check found.'},
      {header: 'What to do', type: 'text', width: 360, note: 'How to put it right.'},
    ],
  },
  {
    name: TAB.membershipCheck,
    frozenRows: 1,
    note: 'Built by Committee > Check membership: each rule met or not, and who counts towards it.',
    columns: [
      {header: 'Rule', type: 'text', required: true, width: 260, note: 'The membership rule.'},
      {header: 'Result', type: 'text', required: true, width: 90, note: 'Met or Not met.'},
      {
        header: 'Who counts',
        type: 'text',
        width: 360,
        note: 'The members who count towards the rule.',
      },
      {
        header: 'Details',
        type: 'text',
        width: 360,
        note: 'The figures behind the result; the rows below a rule name each case.',
      },
    ],
  },
  {
    name: TAB.forwardPlan,
    frozenRows: 1,
    note: 'Built by Committee > Forward plan: future meetings and their items; items with no meeting date are "To be programmed".',
    columns: [
      {
        header: 'Meeting date',
        type: 'text',
        required: true,
        width: 140,
        note: 'The meeting, or "To be programmed".',
      },
      {header: 'Meeting status', type: 'text', width: 150, note: 'As on the Meetings tab.'},
      {header: 'Item', type: 'text', width: 280, note: 'The agenda item.'},
      {header: 'Lead officer', type: 'text', width: 160, note: 'Who presents it.'},
      {
        header: 'Key decision ref',
        type: 'text',
        width: 110,
        note: 'The key decision reference, if any.',
      },
      {header: 'Report deadline', type: 'date', width: 120, note: 'When its report is due.'},
      {
        header: 'Papers despatch by',
        type: 'date',
        width: 130,
        note: 'When the papers must go out.',
      },
      {
        header: 'Flag',
        type: 'text',
        width: 320,
        note: 'What needs attention, e.g. too little notice of a key decision.',
      },
      {
        header: 'Markers',
        type: 'text',
        width: 80,
        note: '* goes on to full Council; + confidential (Agenda "To full Council", "Confidential").',
      },
      {
        header: 'First published',
        type: 'date',
        width: 120,
        note: 'When the item first appeared in a published forward plan (Agenda "First published").',
      },
    ],
  },
  // -- governance: who changed a register and when (Committee > Rules and reminders > Switch change log on)
  ...[TAB.changeLog, TAB.changeLogArchive].map((name): TabSpec => ({
    name,
    frozenRows: 1,
    builtByProgram: true,
    note:
      name === TAB.changeLog
        ? 'Written by the change log (Committee > Rules and reminders > Switch change log on): one row per cell changed in a register, newest last. Protected: only the program writes here. Older rows move to the Change log archive tab.'
        : 'Older rows of the Change log, moved here when the log passes its limit, oldest first.',
    columns: [
      {
        header: 'When',
        type: 'date',
        format: 'dd/mm/yyyy hh:mm',
        width: 130,
        note: 'Date and time of the edit.',
      },
      {
        header: 'Who',
        type: 'text',
        width: 200,
        note: "The editor's email, as Google gives it to the trigger.",
      },
      {header: 'Tab', type: 'text', width: 110, note: 'The tab edited.'},
      {
        header: 'Cell',
        type: 'text',
        width: 60,
        note: 'The cell edited, e.g. G7 (a range for a large paste).',
      },
      {
        header: 'Row',
        type: 'text',
        width: 220,
        note: "The row's key: member name, meeting date, action...",
      },
      {
        header: 'Old value',
        type: 'text',
        width: 200,
        note: 'As the cell showed it before (Google gives it for a single cell only).',
      },
      {header: 'New value', type: 'text', width: 200, note: 'As the cell shows it now.'},
    ],
  })),
  // -- workbook: the Problems list, rebuilt by Committee > Check workbook problems (and by set-up)
  {
    name: TAB.problems,
    frozenRows: 1,
    builtByProgram: true,
    note: 'Built by Committee > Check workbook problems: every value the program cannot accept, with a link to the cell. Fix the cell, then run the check again.',
    columns: [
      {header: 'Tab', type: 'text', required: true, width: 110, note: 'The tab the value is on.'},
      {header: 'Cell', type: 'text', width: 60, note: 'The cell, e.g. B5.'},
      {header: 'Row', type: 'number', width: 50, note: 'The row number.'},
      {
        header: 'Column',
        type: 'text',
        width: 160,
        note: "The column's header, or the setting's name.",
      },
      {header: 'Value', type: 'text', width: 160, note: 'What the cell holds.'},
      {header: 'Problem', type: 'text', width: 480, note: 'What is wrong and what to do.'},
      {header: 'Go to cell', type: 'link', width: 110, note: 'Click to jump to the cell.'},
    ],
  },
];

export function tabSpec(name: string): TabSpec {
  const spec = SCHEMA.find(t => t.name === name);
  if (!spec) throw new Error(`No tab called "${name}" in the schema.`);
  return spec;
}

/**
 * Every setting the program reads, with its default and how to read it. Setup writes a row per
 * setting (Setting, Value, Notes); the program reads them by name (src/workbook/settings.ts).
 * A value that cannot be read is reported by name; defaults are never silently used for a
 * value an officer typed.
 */
export type SettingType =
  'text' | 'email' | 'number' | 'time' | 'bool' | 'list' | 'id' | 'percent' | 'multi' | 'date';

export interface SettingSpec {
  readonly name: string;
  readonly type: SettingType;
  readonly default: string;
  readonly note: string;
  readonly values?: readonly string[];
  /** The default for a kind of group (Settings "Group type"), where it differs from `default`. */
  readonly byGroup?: Partial<Readonly<Record<GroupType, string>>>;
  /** Names the setting had before: set-up renames such a row and keeps its value. */
  readonly formerNames?: readonly string[];
}

export const SETTINGS = [
  {
    name: 'Group name',
    type: 'text',
    default: 'Sector Leadership Group',
    note: 'Printed at the top of every paper.',
  },
  {name: 'Chair', type: 'text', default: '', note: 'Name of the chair (as in Members).'},
  {name: 'Clerk name', type: 'text', default: '', note: 'Contact named on agendas.'},
  {
    name: 'Clerk email',
    type: 'email',
    default: '',
    note: "Receives the clerk's reminder digest; printed on agendas.",
  },
  {
    name: 'Clerk phone',
    type: 'text',
    default: '',
    note: "Printed on agendas (the clerk's work number, not a member's).",
  },
  {
    name: 'Venue',
    type: 'text',
    default: '',
    note: 'Default venue for new meetings; "virtual" for online meetings.',
  },
  {
    name: 'Default start time',
    type: 'time',
    default: '10:00',
    note: 'Start time for new meetings.',
  },
  {
    name: 'Time zone',
    type: 'text',
    default: 'Europe/London',
    note: 'Dates in papers and reminders use this zone.',
  },
  {
    name: 'Bank holiday region',
    type: 'list',
    default: 'England and Wales',
    values: ['England and Wales', 'Scotland', 'Northern Ireland'],
    note: 'Which bank holidays count as non-working days.',
  },
  {
    name: 'Agenda agreed days',
    type: 'number',
    default: '14',
    note: 'Calendar days before the meeting by which the agenda is agreed with the chair.',
  },
  {
    name: 'Papers notice days',
    type: 'number',
    default: '5',
    byGroup: {'Partnership board': '7'},
    formerNames: ['Papers clear working days'],
    note: 'Days of notice between despatch of the papers and the meeting, counted as "Notice basis" says.',
  },
  {
    name: 'Notice basis',
    type: 'list',
    default: 'Clear working days',
    values: NOTICE_BASES,
    byGroup: {'Partnership board': 'Calendar days'},
    note: 'How "Papers notice days" is counted. Clear working days: neither the day of despatch nor the meeting counts, nor weekends or holidays (councils). Calendar days: papers go at least that many days before the meeting ("at least 7 days in advance").',
  },
  {
    name: 'Report deadline working days',
    type: 'number',
    default: '3',
    note: 'Working days before despatch by which report authors deliver.',
  },
  {
    name: 'Key decision notice days',
    type: 'number',
    default: '28',
    note: "Clear days' notice for key decisions and private items in the forward plan.",
  },
  {
    name: 'Meeting window start',
    type: 'time',
    default: '',
    note: 'Earliest start time allowed, e.g. 10:00 (empty: no limit).',
  },
  {
    name: 'Meeting window end',
    type: 'time',
    default: '',
    note: 'Latest end time allowed, e.g. 14:00 (empty: no limit).',
  },
  {
    name: 'Meetings per year',
    type: 'number',
    default: '4',
    byGroup: {'Partnership board': '12'},
    note: 'Target number of ordinary meetings a year.',
  },
  {name: 'Minimum members', type: 'number', default: '6', note: 'Smallest membership allowed.'},
  {name: 'Maximum members', type: 'number', default: '10', note: 'Largest membership allowed.'},
  {
    name: 'Quorum',
    type: 'number',
    default: '3',
    byGroup: {'Partnership board': '4'},
    note: 'Serving members (or their substitutes) who must be present for the meeting to decide anything; Check compliance reports a held meeting that was inquorate. 0: no quorum.',
  },
  {
    name: 'Minimum small providers',
    type: 'number',
    default: '2',
    note: 'At least this many members from small providers.',
  },
  {
    name: 'Minimum large providers',
    type: 'number',
    default: '2',
    note: 'At least this many members from large providers.',
  },
  {
    name: 'Required client groups',
    type: 'multi',
    get values() {
      return listValuesOf('Client groups');
    },
    default: 'Older people; Learning disability; Physical disability; Mental health',
    note: 'Client groups the membership must cover, separated by "; ".',
  },
  {
    name: 'Required service types',
    type: 'multi',
    get values() {
      return listValuesOf('Service types');
    },
    default: 'Residential care; Nursing care; Supported living; Homecare',
    note: 'Service types the membership must cover, separated by "; ".',
  },
  {
    name: 'Term warning days',
    type: 'number',
    default: '60',
    note: "Flag a member's term ending within this many days.",
  },
  {
    name: 'Contract warning days',
    type: 'number',
    default: '180',
    note: 'Flag a contract ending within this many days (or its notice period, if longer).',
  },
  {
    name: 'Action due soon days',
    type: 'number',
    default: '7',
    note: 'Actions with a review date within this many days are "due soon".',
  },
  {
    name: 'Action stale days',
    type: 'number',
    default: '60',
    note: 'Open actions not updated for this many days are flagged.',
  },
  {
    name: 'Standing items',
    type: 'text',
    default:
      'Apologies for absence and declarations of interest; Minutes of the previous meeting; Action log; Forward agenda plan; Date of next meeting',
    note: 'Added to every agenda, separated by "; ". The first three open the agenda; the last two close the public part.',
  },
  {
    name: 'Framework term',
    type: 'text',
    default: '5+2',
    note: 'Initial term plus extension years, e.g. "5+2" (7 years in all).',
  },
  {
    name: 'Papers folder id',
    type: 'id',
    default: '',
    note: 'Drive folder for generated papers (created when empty).',
  },
  {
    name: 'Agenda template id',
    type: 'id',
    default: '',
    note: 'Optional Google Doc with {{placeholders}}; empty uses the built-in layout.',
  },
  {name: 'Minutes template id', type: 'id', default: '', note: 'Optional template for minutes.'},
  {
    name: 'Action log template id',
    type: 'id',
    default: '',
    note: 'Optional template for the action log.',
  },
  {
    name: 'Report cover template id',
    type: 'id',
    default: '',
    note: 'Optional template for report covers.',
  },
  {
    name: 'Minimum attendance %',
    type: 'number',
    default: '50',
    note: 'Flag a member who attended fewer than this percentage of their meetings in the last 12 months.',
  },
  {
    name: 'Clerk look-ahead working days',
    type: 'number',
    default: '5',
    note: "The clerk's reminder lists report deadlines and despatch dates within this many working days.",
  },
  {
    name: 'Reminders',
    type: 'bool',
    default: 'No',
    note: 'Yes sends the daily reminder digests (switch from the Committee menu).',
  },
  {
    name: 'Terms of reference reviewed on',
    type: 'date',
    default: '',
    note: "When the group last reviewed its terms of reference (dd/mm/yyyy). Check compliance and the clerk's daily digest say when a year has passed.",
  },
  {
    name: 'Volunteer agreements',
    type: 'bool',
    default: 'No',
    byGroup: {'Partnership board': 'Yes'},
    note: 'Yes when each serving member signs a volunteer agreement: Check compliance flags a member with no "Agreement signed on".',
  },
  {
    name: 'Group type',
    type: 'list',
    default: 'Informal group',
    values: GROUP_TYPES,
    note: "Decides the wording of papers: councils get the public welcome, the exclusion resolution and Schedule 12A paragraphs; an informal group's meetings are not open to the public.",
  },
  {
    name: 'Paper font',
    type: 'text',
    default: 'Arial',
    note: 'The one sans-serif font of every paper (e.g. Arial, Verdana, Calibri).',
  },
  {
    name: 'Minute numbering',
    type: 'list',
    default: 'Per meeting',
    values: ['Per meeting', 'Running'],
    note: 'Per meeting: minutes start at 1 each meeting. Running: numbers carry on through the municipal year from "First minute number".',
  },
  {
    name: 'First minute number',
    type: 'number',
    default: '1',
    note: 'With running numbering: the number of the first minute of the municipal year (e.g. 201).',
  },
  {
    name: 'Municipal year starts',
    type: 'number',
    default: '5',
    note: 'The month the municipal year starts in (5 for May): running minute numbers restart then.',
  },
] as const satisfies readonly SettingSpec[];

/** The name of a setting the program reads: a typo does not compile. */
export type SettingName = (typeof SETTINGS)[number]['name'];
