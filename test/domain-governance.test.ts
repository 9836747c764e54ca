/** Membership, meeting rules, actions and contracts watch, reminder digests: pure rules. */
import {
  evaluateMembership,
  Member,
  AttendanceRecord,
  MembershipRules,
} from '../src/domain/membership';
import {
  actionFlags,
  actionFindings,
  ActionItem,
  contractFindings,
  Contract,
  parseExtensionOptions,
  watchContract,
  WatchRules,
} from '../src/domain/watch';
import {planReminders, reminderKey} from '../src/domain/reminders';
import {
  forwardPlan,
  meetingFindings,
  Meeting,
  MeetingRules,
  AgendaItem,
} from '../src/domain/meeting-rules';
import {bankHolidaysForYears} from '../src/domain/calendar';
import {
  BLANK_ACTION,
  BLANK_ATTENDANCE,
  BLANK_CONTRACT,
  BLANK_ITEM,
  BLANK_MEETING,
  BLANK_MEMBER,
} from './register-helpers';
import {yearsInUse, holidayMap} from '../src/governance/holiday-list';

const TODAY = '2026-11-23';

const member = (row: number, name: string, extra: Partial<Member> = {}): Member => ({
  ...BLANK_MEMBER,
  row,
  name,
  role: 'Member',
  nominatedBy: '',
  deputyFor: '',
  providerSize: 'Small',
  clientGroups: ['Older people'],
  serviceTypes: ['Homecare'],
  email: `${name.split(' ')[0].toLowerCase()}@example.org`,
  termStart: '2025-01-01',
  termEnd: '2027-12-31',
  status: 'Active',
  ...extra,
});

const RULES: MembershipRules = {
  minMembers: 6,
  maxMembers: 10,
  minSmall: 2,
  minLarge: 2,
  requiredClientGroups: ['Older people', 'Learning disability'],
  requiredServiceTypes: ['Homecare', 'Nursing care'],
  termWarningDays: 60,
  minAttendancePct: 50,
};

function goodGroup(): Member[] {
  return [
    member(2, 'Ann Able', {
      role: 'Chair',
      providerSize: 'Large',
      clientGroups: ['Older people', 'Learning disability'],
    }),
    member(3, 'Ben Brook', {
      providerSize: 'Large',
      serviceTypes: ['Nursing care'],
      nominatedBy: 'Care Association',
    }),
    member(4, 'Cat Cole'),
    member(5, 'Dan Dee'),
    member(6, 'Eve Ely'),
    member(7, 'Fay Fox'),
    member(8, 'Gus Gray', {role: 'Deputy', deputyFor: 'Ben Brook', providerSize: 'Large'}),
  ];
}

describe('membership', () => {
  test('a compliant group: every rule met, and who counts is named', () => {
    const results = evaluateMembership(goodGroup(), [], RULES, TODAY);
    expect(results.filter(r => !r.met)).toEqual([]);
    const size = results.find(r => r.rule === 'Membership between 6 and 10')!;
    expect(size.counts).toEqual([
      'Ann Able',
      'Ben Brook',
      'Cat Cole',
      'Dan Dee',
      'Eve Ely',
      'Fay Fox',
    ]);
    expect(results.find(r => r.rule === 'At least 2 from large providers')!.counts).toEqual([
      'Ann Able',
      'Ben Brook',
    ]);
    expect(
      results.find(r => r.rule === 'Client group covered: Learning disability')!.counts,
    ).toEqual(['Ann Able']);
  });

  test('a group that breaks the rules: size, balance, coverage, deputy, substitutes, terms, attendance', () => {
    const members = goodGroup()
      .filter(m => m.name !== 'Fay Fox' && m.name !== 'Gus Gray')
      .map(m =>
        m.name === 'Ann Able' ? {...m, clientGroups: ['Older people'], termEnd: '2026-12-31'} : m,
      );
    const attendance: AttendanceRecord[] = [
      {
        ...BLANK_ATTENDANCE,
        row: 2,
        meeting: '2026-03-05',
        member: 'Cat Cole',
        attendance: 'Substitute attended',
        substitute: 'Hal Hunt',
      },
      {...BLANK_ATTENDANCE, row: 3, meeting: '2026-06-04', member: 'Dan Dee', attendance: 'Absent'},
      {
        ...BLANK_ATTENDANCE,
        row: 4,
        meeting: '2026-09-03',
        member: 'Dan Dee',
        attendance: 'Apologies',
      },
      {
        ...BLANK_ATTENDANCE,
        row: 5,
        meeting: '2026-09-03',
        member: 'Eve Ely',
        attendance: 'Present',
      },
    ];
    const results = evaluateMembership(members, attendance, RULES, TODAY);
    const notMet = Object.fromEntries(results.filter(r => !r.met).map(r => [r.rule, r]));
    expect(Object.keys(notMet).sort()).toEqual(
      [
        'Attendance at least 50% over 12 months',
        'Client group covered: Learning disability',
        'Each nominated member has a deputy',
        'Membership between 6 and 10',
        'No term ends within 60 days',
        'Substitutes only for members entitled to them',
      ].sort(),
    );
    expect(notMet['Membership between 6 and 10'].details).toContain('5 serving members');
    expect(notMet['Each nominated member has a deputy'].findings[0].where).toBe(
      'Members row 3 (Ben Brook)',
    );
    expect(notMet['Substitutes only for members entitled to them'].findings[0].finding).toBe(
      'Hal Hunt attended for Cat Cole, who is not a nominated member and so attends personally.',
    );
    expect(notMet['No term ends within 60 days'].findings[0].finding).toBe(
      "Ann Able's term ends on 2026-12-31 (in 38 days).",
    );
    expect(notMet['Attendance at least 50% over 12 months'].findings.map(f => f.where)).toEqual([
      'Members row 4 (Cat Cole)',
      'Members row 5 (Dan Dee)',
    ]);
  });

  test('members who left or whose term ended do not count', () => {
    const members = goodGroup().map(m =>
      m.name === 'Cat Cole'
        ? {...m, status: 'Left'}
        : m.name === 'Dan Dee'
          ? {...m, termEnd: '2026-01-01'}
          : m,
    );
    const size = evaluateMembership(members, [], RULES, TODAY).find(r =>
      r.rule.startsWith('Membership between'),
    )!;
    expect(size.met).toBe(false);
    expect(size.counts).not.toContain('Cat Cole');
    expect(size.counts).not.toContain('Dan Dee');
  });
});

const WATCH: WatchRules = {dueSoonDays: 7, staleDays: 60, contractWarningDays: 180};
const action = (row: number, extra: Partial<ActionItem>): ActionItem => ({
  ...BLANK_ACTION,
  row,
  meeting: '2026-09-03',
  minute: `${row}`,
  title: 'Report',
  owners: ['Cat Cole'],
  action: `Action ${row}`,
  status: 'Open',
  reviewDate: null,
  lastUpdated: '2026-11-01',
  ...extra,
});

describe('actions watch', () => {
  test('overdue, due soon, stale, no review date; closed actions are never flagged', () => {
    expect(actionFlags(action(2, {reviewDate: '2026-11-20'}), TODAY, WATCH)).toEqual(['Overdue']);
    expect(actionFlags(action(3, {reviewDate: '2026-11-30'}), TODAY, WATCH)).toEqual(['Due soon']);
    expect(actionFlags(action(4, {reviewDate: '2026-12-01'}), TODAY, WATCH)).toEqual([]);
    expect(actionFlags(action(5, {lastUpdated: '2026-09-23'}), TODAY, WATCH)).toEqual([
      'No update',
    ]); // 61 days
    expect(actionFlags(action(6, {lastUpdated: '2026-09-24'}), TODAY, WATCH)).toEqual([]); // 60 days
    expect(actionFlags(action(7, {status: 'Ongoing'}), TODAY, WATCH)).toEqual(['No review date']);
    expect(
      actionFlags(
        action(8, {status: 'Closed', reviewDate: '2026-01-01', lastUpdated: '2026-01-01'}),
        TODAY,
        WATCH,
      ),
    ).toEqual([]);
  });
  test('findings name the row and the owner', () => {
    const [f] = actionFindings([action(9, {reviewDate: '2026-11-01'})], TODAY, WATCH);
    expect(f).toEqual({
      rule: 'Action overdue',
      severity: 'Problem',
      where: 'Actions row 9 (Cat Cole)',
      finding: 'Minute 9: Action 9: review date 2026-11-01 has passed.',
      whatToDo: 'Chase the owner; update the status, or set a new review date.',
    });
  });
});

const contract = (extra: Partial<Contract>): Contract => ({
  ...BLANK_CONTRACT,
  row: 2,
  reference: 'C-001',
  provider: 'Example Care Ltd',
  title: 'Homecare lot 1',
  startDate: '2020-04-01',
  endDate: '2027-03-31',
  extendedTo: null,
  extensionOptions: '5+2',
  noticeDays: 90,
  status: 'Active',
  ...extra,
});

describe('contracts watch', () => {
  test('extension options as written by officers', () => {
    expect(parseExtensionOptions('5+2')).toEqual({initialMonths: 60, extensionMonths: 24});
    expect(parseExtensionOptions('3 + 1 + 1')).toEqual({initialMonths: 36, extensionMonths: 24});
    expect(parseExtensionOptions('2 x 12 months')).toEqual({
      initialMonths: null,
      extensionMonths: 24,
    });
    expect(parseExtensionOptions('none')).toEqual({initialMonths: null, extensionMonths: 0});
    expect(parseExtensionOptions('maybe later')).toBeNull();
  });
  test('ending within 180 days, with extension left up to the end of the 5+2 term', () => {
    const w = watchContract(
      contract({startDate: '2022-04-01', endDate: '2027-03-31'}),
      TODAY,
      WATCH,
    )!;
    expect(w.daysLeft).toBe(128);
    expect(w.extensionUntil).toBe('2029-03-31');
  });
  test('a long notice period widens the window; ended and far-off contracts are not flagged', () => {
    expect(
      watchContract(contract({endDate: '2027-08-31', noticeDays: 365}), TODAY, WATCH),
    ).not.toBeNull();
    expect(
      watchContract(contract({endDate: '2027-08-31', noticeDays: 90}), TODAY, WATCH),
    ).toBeNull();
    expect(
      watchContract(contract({endDate: '2027-01-31', status: 'Ended'}), TODAY, WATCH),
    ).toBeNull();
  });
  test('inside its notice period is a problem; extended to the last option: none left', () => {
    const [f] = contractFindings(
      [
        contract({
          startDate: '2020-01-01',
          endDate: '2024-12-31',
          extendedTo: '2026-12-31',
          noticeDays: 90,
        }),
      ],
      TODAY,
      WATCH,
    );
    expect(f.rule).toBe('Contract inside its notice period');
    expect(f.severity).toBe('Problem');
    expect(f.finding).toBe(
      'Homecare lot 1 (Example Care Ltd) ends on 2026-12-31, in 38 days. No extension options left.',
    );
  });
});

describe('meeting rules and forward plan', () => {
  const hols = new Map(
    bankHolidaysForYears('England and Wales', 2025, 2028).map(h => [h.date, h.name]),
  );
  const rules: MeetingRules = {
    notice: {agendaAgreedDays: 14, papersNoticeDays: 5, reportDeadlineWorkingDays: 3},
    keyDecisionDays: 28,
    windowStart: 600,
    windowEnd: 840,
    meetingsPerYear: 4,
    lookAheadWorkingDays: 5,
  };
  const meeting = (row: number, date: string, extra: Partial<Meeting> = {}): Meeting => ({
    ...BLANK_MEETING,
    row,
    date,
    start: 600,
    end: 720,
    type: 'Ordinary',
    status: 'Confirmed',
    agendaPublishedOn: null,
    ...extra,
  });
  const item = (
    row: number,
    meetingDate: string | null,
    extra: Partial<AgendaItem> = {},
  ): AgendaItem => ({
    ...BLANK_ITEM,
    row,
    meeting: meetingDate,
    title: `Item ${row}`,
    leadOfficer: 'Lee Officer',
    keyDecisionRef: '',
    section: 'Decisions',
    paperStatus: 'Received',
    confidential: false,
    ...extra,
  });
  // Thursdays of 2027.
  const year2027 = () =>
    ['2027-03-04', '2027-06-03', '2027-09-02', '2027-12-02'].map((d, i) => meeting(10 + i, d));

  test('window, weekend, bank holiday, late papers, provisional, key decision notice, meetings a year', () => {
    const meetings = [
      meeting(2, '2026-12-03', {start: 570, end: 900}), // 09:30–15:00 outside 10:00–14:00
      meeting(3, '2026-11-28'), // Saturday
      meeting(4, '2026-12-28', {status: 'Provisional'}), // Boxing Day substitute
      meeting(5, '2026-11-26'), // papers were due 2026-11-18
      ...year2027(),
      meeting(6, '2026-12-10', {status: 'Provisional'}),
    ];
    const items = [
      item(20, '2026-12-03', {keyDecisionRef: 'KD-7'}),
      item(21, '2026-11-26', {paperStatus: 'Awaited'}),
    ];
    const f = meetingFindings(meetings, items, rules, hols, TODAY);
    const text = f.map(x => `${x.severity} | ${x.rule} | ${x.where} | ${x.finding}`);
    expect(text).toEqual(
      expect.arrayContaining([
        'Problem | Meeting inside the agreed hours | Meetings row 2 (2026-12-03) | Starts at 09:30, before 10:00 ("Meeting window start").',
        'Problem | Meeting inside the agreed hours | Meetings row 2 (2026-12-03) | Ends at 15:00, after 14:00 ("Meeting window end").',
        'Warning | Meeting on a working day | Meetings row 3 (2026-11-28) | The meeting falls on a weekend.',
        'Warning | Meeting on a working day | Meetings row 4 (2026-12-28) | The meeting falls on a holiday (Boxing Day (substitute day)).',
        'Problem | Papers despatched in time | Meetings row 5 (2026-11-26) | Papers were due out by 2026-11-18 and "Agenda published on" is empty.',
        'Warning | Meeting confirmed | Meetings row 6 (2026-12-10) | The meeting is in 17 days and still Provisional.',
        "Warning | 28 clear days' notice of key decisions and private items | Agenda row 20 (Item 20) | Key decision KD-7 is on the meeting of 2026-12-03, 9 clear days away.",
        'Warning | Reports in by the deadline | Agenda row 21 (Item 21) | The report deadline 2026-11-13 has passed and the paper is Awaited.',
        'Met | Meetings a year | Meetings 2027 | 4 meetings in 2027 (target 4).',
      ]),
    );
    expect(text).toContain(
      'Met | Meetings a year | Meetings 2026 | 5 meetings in 2026 (target 4).',
    ); // a Saturday meeting still counts
    expect(text).not.toContain(
      'Warning | Meeting on a working day | Meetings row 5 (2026-11-26) | The meeting falls on a weekend.',
    );
  });
  test('a compliant year gives no problems', () => {
    const f = meetingFindings(year2027(), [], rules, hols, '2027-01-04');
    expect(f.filter(x => x.severity === 'Problem' || x.severity === 'Warning')).toEqual([]);
  });
  test('forward plan: future meetings with deadlines, flags, and "To be programmed"', () => {
    const meetings = [
      meeting(2, '2026-10-01', {status: 'Held'}),
      meeting(3, '2026-12-10', {status: 'Provisional', type: 'Reserve'}),
      meeting(4, '2027-03-04'),
    ];
    const items = [
      item(5, '2026-12-10', {keyDecisionRef: 'KD-9'}),
      item(6, '2027-03-04'),
      item(7, null, {title: 'Market position statement'}),
    ];
    const plan = forwardPlan(meetings, items, rules, hols, TODAY);
    expect(
      plan.map(p => [p.meeting, p.meetingStatus, p.item, p.reportDeadline, p.despatch, p.flag]),
    ).toEqual([
      [
        'Thu 10 Dec 2026',
        'Provisional, Reserve',
        'Item 5',
        '2026-11-27',
        '2026-12-02',
        "Only 16 clear days' notice; 28 needed for key decisions.",
      ],
      ['Thu 4 Mar 2027', 'Confirmed', 'Item 6', '2027-02-19', '2027-02-24', ''],
      ['To be programmed', '', 'Market position statement', null, null, ''],
    ]);
  });
});

describe('reminder digests', () => {
  const members = [
    {name: 'Cat Cole', email: 'cat@example.org'},
    {name: 'Dan Dee', email: ''},
  ];
  const base = {
    today: TODAY,
    groupName: 'Example Group',
    members,
    clerk: {name: 'Kim Clerk', email: 'clerk@example.org'},
    rules: WATCH,
    deadlines: [{date: '2026-11-25', what: 'Papers despatch', meeting: '2026-12-03'}],
    contracts: [],
  };
  const actions = [
    action(2, {reviewDate: '2026-11-20', owners: ['Cat Cole', 'Dan Dee']}),
    action(3, {reviewDate: '2026-11-27', owners: ['cat cole']}),
    action(4, {reviewDate: '2027-01-20'}),
    action(5, {reviewDate: '2026-11-20', owners: ['Zed Unknown']}),
  ];
  test("one digest per owner, the clerk's digest lists deadlines and who could not be emailed", () => {
    const plan = planReminders({...base, actions, alreadySent: new Set()});
    expect(plan.skipped).toEqual([
      'Dan Dee (no email in Members)',
      'Zed Unknown (not found in Members)',
    ]);
    expect(plan.digests.map(d => [d.to, d.subject])).toEqual([
      ['cat@example.org', 'Example Group: 1 overdue, 1 due soon actions'],
      ['clerk@example.org', "Example Group: clerk's digest for 2026-11-23"],
    ]);
    expect(plan.digests[0].body).toContain(
      'Overdue:\n- Minute 2: Action 2 (review date 2026-11-20)',
    );
    expect(plan.digests[0].body).toContain(
      'Due in the next 7 days:\n- Minute 3: Action 3 (review date 2026-11-27)',
    );
    expect(plan.digests[1].body).toContain(
      '- 2026-11-25: Papers despatch for the meeting on 2026-12-03',
    );
    expect(plan.digests[1].body).toContain(
      'Action owners who could not be emailed:\n- Dan Dee (no email in Members)',
    );
  });
  test('never the same item to the same person twice in a day', () => {
    const first = planReminders({...base, actions, alreadySent: new Set()});
    const sent = new Set(first.digests.flatMap(d => d.keys));
    const second = planReminders({...base, actions, alreadySent: sent});
    expect(second.digests).toEqual([]);
    // A new overdue action the same day is still sent, alone.
    const third = planReminders({
      ...base,
      actions: [...actions, action(9, {reviewDate: '2026-11-22'})],
      alreadySent: sent,
    });
    expect(third.digests.map(d => d.body.split('\n').filter(l => l.startsWith('- ')))).toEqual([
      ['- Minute 9: Action 9 (review date 2026-11-22)'],
    ]);
    expect(reminderKey('Cat@Example.org', 'x')).toBe(reminderKey('cat@example.org', 'x'));
  });
  test('an address the program has flagged is never mailed; the plan says who was skipped and why', () => {
    const flagged = [
      {
        name: 'Cat Cole',
        email: '',
        emailProblem: 'the Email on Members row 3 is flagged: "cat@" is not an email address',
      },
      {name: 'Dan Dee', email: 'dan@example.org'},
    ];
    const plan = planReminders({...base, members: flagged, actions, alreadySent: new Set()});
    expect(plan.digests.map(d => d.to)).toEqual(['dan@example.org', 'clerk@example.org']);
    expect(plan.skipped).toEqual([
      'Cat Cole (the Email on Members row 3 is flagged: "cat@" is not an email address)',
      'Zed Unknown (not found in Members)',
    ]);
  });
});

describe('holiday list years', () => {
  test('from the year before the first meeting to ten years after the last or today', () => {
    expect(yearsInUse(['2019-03-07', '2027-06-03'], TODAY)).toEqual([2018, 2037]);
    expect(yearsInUse([], TODAY)).toEqual([2025, 2036]);
    expect(yearsInUse(['1994-01-01'], '2095-01-01')).toEqual([1995, 2100]);
  });
  test('office closures join the bank holidays; a bank holiday keeps its own name', () => {
    const map = holidayMap(
      'England and Wales',
      [2026, 2026],
      [
        {row: 2, date: '2026-12-29', name: 'Office closed'},
        {row: 3, date: '2026-12-25', name: 'Office party'},
      ],
    );
    expect(map.get('2026-12-29')).toBe('Office closed');
    expect(map.get('2026-12-25')).toBe('Christmas Day');
    expect(map.size).toBe(9);
  });
});
