/**
 * Governance rules end to end: the compiled program in one in-process workspace per workbook
 * (test/driver.ts), the clock on a fixed day, on data that meets each rule and data that breaks it.
 * Apps Script references: MailApp.sendEmail / getRemainingDailyQuota
 * (developers.google.com/apps-script/reference/mail/mail-app), ScriptApp.newTrigger time-based
 * triggers (developers.google.com/apps-script/reference/script/clock-trigger-builder),
 * PropertiesService (developers.google.com/apps-script/reference/properties).
 */
import {openWorkbook, type Clerk, type RowData} from './driver';
import {bankHolidaysForYears} from '../src/domain/calendar';
import {deadlines} from '../src/domain/notice';

const TODAY = '2026-11-23';

const SETTINGS = {
  'Clerk name': 'Kim Clerk',
  'Clerk email': 'clerk@example.org',
  'Meeting window start': '10:00',
  'Meeting window end': '14:00',
  'Group name': 'Example Providers Group',
};

function members(bad: boolean): RowData[] {
  const m = (name: string, extra: RowData): RowData => ({
    Name: name,
    Organisation: `${name.split(' ')[1]} Care Ltd`,
    Role: 'Member',
    'Provider size': 'Small',
    Email: `${name.split(' ')[0].toLowerCase()}@example.org`,
    'Term start': '2025-01-01',
    'Term end': '2028-12-31',
    Status: 'Active',
    ...extra,
  });
  const rows = [
    m('Ann Able', {
      Role: 'Chair',
      'Provider size': 'Large',
      'Nominated by': 'Example Care Association',
      'Client groups': 'Older people; Mental health',
      'Service types': 'Residential care; Nursing care',
    }),
    m('Ben Brook', {
      Role: 'Vice-chair',
      'Provider size': 'Large',
      'Client groups': 'Learning disability',
      'Service types': 'Supported living',
    }),
    m('Cat Cole', {
      'Client groups': 'Physical disability',
      'Service types': 'Homecare',
      ...(bad ? {'Term end': '2026-12-31'} : {}),
    }),
    m('Dan Dee', {'Client groups': 'Older people', 'Service types': 'Homecare'}),
    m('Eve Ely', {
      'Client groups': 'Mental health',
      'Service types': 'Residential care',
      ...(bad ? {Status: 'Left'} : {}),
    }),
    m('Fay Fox', {'Provider size': 'Not a provider', Email: ''}),
  ];
  if (!bad)
    rows.push(m('Gus Gray', {Role: 'Deputy', 'Deputy for': 'Ann Able', 'Provider size': 'Large'}));
  return rows;
}

function meetings(bad: boolean): RowData[] {
  const mt = (date: string, status: string, extra: RowData = {}): RowData => ({
    'Meeting date': date,
    'Start time': '10:00',
    'End time': '12:00',
    Venue: 'Town Hall',
    Type: 'Ordinary',
    Status: status,
    ...extra,
  });
  const rows = [
    mt('2026-03-05', 'Held', {'Agenda published on': '2026-02-25'}),
    mt('2026-06-04', 'Held', {'Agenda published on': '2026-05-27'}),
    mt('2026-09-03', 'Held', {'Agenda published on': '2026-08-26'}),
    mt('2026-12-03', 'Confirmed'),
    mt('2027-01-07', 'Confirmed'),
    mt('2027-03-04', 'Provisional'),
    mt('2027-06-03', 'Confirmed'),
    mt('2027-09-02', 'Confirmed'),
  ];
  if (bad) {
    rows.push(mt('2026-11-26', 'Confirmed')); // papers were due out on 18 November
    rows.push(
      mt('2027-01-16', 'Confirmed', {Type: 'Reserve', 'Start time': '09:00', 'End time': '15:00'}),
    ); // a Saturday, outside 10:00-14:00
  }
  return rows;
}

function agenda(bad: boolean): RowData[] {
  return [
    {
      'Meeting date': '2026-12-03',
      'Item no.': 4,
      Section: 'Decisions',
      Title: 'Homecare fees 2027/28',
      Purpose: 'To decide',
      'Lead officer': 'Lee Officer',
      'Paper status': 'Received',
    },
    {
      'Meeting date': '2027-03-04',
      'Item no.': 4,
      Section: 'Key decisions',
      Title: 'Recommissioning supported living',
      'Lead officer': 'Lee Officer',
      'Key decision ref': 'KD-2027-01',
      'Paper status': 'Awaited',
    },
    {
      Title: 'Market position statement refresh',
      'Lead officer': 'Mo Planner',
      Section: 'Information and monitoring',
    },
    ...(bad
      ? [
          {
            'Meeting date': '2026-12-03',
            'Item no.': 5,
            Section: 'Key decisions',
            Title: 'Day services closure',
            'Lead officer': 'Lee Officer',
            'Key decision ref': 'KD-2026-09',
            'Paper status': 'Awaited',
          },
        ]
      : []),
  ];
}

function attendance(bad: boolean): RowData[] {
  const rows: RowData[] = [];
  for (const d of ['2026-03-05', '2026-06-04', '2026-09-03']) {
    for (const n of ['Ann Able', 'Ben Brook', 'Cat Cole', 'Dan Dee', 'Eve Ely', 'Fay Fox'])
      rows.push({'Meeting date': d, Member: n, Attendance: 'Present'});
  }
  if (bad)
    rows.push({
      'Meeting date': '2026-09-03',
      Member: 'Dan Dee',
      Attendance: 'Substitute attended',
      Substitute: 'Hal Hunt',
    });
  return rows;
}

function actions(bad: boolean): RowData[] {
  const a = (who: string, what: string, extra: RowData): RowData => ({
    'Meeting date': '2026-09-03',
    'Minute no.': '12',
    'Report title': 'Homecare',
    'Action to be taken by': who,
    Action: what,
    Status: 'Open',
    'Last updated': '2026-11-02',
    ...extra,
  });
  const rows = [
    a('Ben Brook', 'Circulate the fee model', {'Review date': '2026-12-20'}),
    a('Cat Cole', 'Report on waiting lists', {
      Status: 'Closed',
      'Review date': '2026-10-01',
      'Date closed': '2026-10-01',
    }),
  ];
  if (bad) {
    rows.push(
      a('Cat Cole', 'Send provider survey results', {
        'Minute no.': '13',
        'Review date': '2026-11-10',
      }),
    ); // overdue
    rows.push(
      a('Fay Fox', 'Draft the newsletter', {'Minute no.': '14', 'Review date': '2026-11-27'}),
    ); // due soon, no email
    rows.push(
      a('Dan Dee', 'Map day services', {
        'Minute no.': '15',
        'Review date': '2027-02-01',
        'Last updated': '2026-08-01',
      }),
    ); // no update for 60 days
  }
  return rows;
}

function contracts(bad: boolean): RowData[] {
  return [
    {
      Reference: 'C-001',
      Provider: 'Able Care Ltd',
      'Contract/grant': 'Residential framework',
      'Funding type': 'Contract',
      'Annual value': 250000,
      'Start date': '2023-04-01',
      'End date': '2028-03-31',
      'Extension options': '5+2',
      'Notice period (days)': 90,
      Status: 'Active',
    },
    ...(bad
      ? [
          {
            Reference: 'C-002',
            Provider: 'Cole Homecare Ltd',
            'Contract/grant': 'Homecare lot 2',
            'Funding type': 'Contract',
            'Annual value': 120000,
            'Start date': '2022-04-01',
            'End date': '2027-03-31',
            'Extension options': '5+2',
            'Notice period (days)': 90,
            Status: 'Active',
          },
        ]
      : []),
  ];
}

async function build(bad: boolean): Promise<Clerk> {
  const book = await openWorkbook({today: TODAY});
  book.load(
    {
      Members: members(bad),
      Meetings: meetings(bad),
      Agenda: agenda(bad),
      Attendance: attendance(bad),
      Actions: actions(bad),
      Contracts: contracts(bad),
      Holidays: [
        {Date: '2026-12-29', Name: 'Office closed'},
        ...(bad ? [{Date: 'next Tuesday', Name: 'Typed as words'}] : []),
      ],
    },
    SETTINGS,
  );
  return book;
}

/** A date cell as --json gives it: ISO text for date-formatted cells; a bare serial otherwise. */
const isoOf = (v: unknown): unknown =>
  typeof v === 'number'
    ? new Date(Date.UTC(1899, 11, 30) + v * 86400000).toISOString().slice(0, 10)
    : v;

/** The handlers of the installed triggers. */
const triggers = (c: Clerk) => c.ws.state.triggers.map(t => t.handler);

const line = (f: Record<string, unknown>) =>
  `${f['Severity']} | ${f['Rule']} | ${f['Where']} | ${f['Finding']}`;

describe('data that meets the rules', () => {
  let book: Clerk;
  beforeAll(async () => {
    book = await build(false);
    book.run('refreshHolidays');
  });

  test('the Meetings deadline formulas compute the domain dates', () => {
    const hols = new Set([
      ...bankHolidaysForYears('England and Wales', 2025, 2029).map(h => h.date),
      '2026-12-29',
    ]);
    const rows = book.rows('Meetings', 'N');
    expect(rows.length).toBe(8);
    for (const r of rows) {
      const d = deadlines(
        String(r['Meeting date']),
        {agendaAgreedDays: 14, papersNoticeDays: 5, reportDeadlineWorkingDays: 3},
        hols,
      );
      expect(
        [
          r['Meeting date'],
          r['Agenda agreed by'],
          r['Papers despatch by'],
          r['Report deadline'],
        ].map(isoOf),
      ).toEqual([r['Meeting date'], d.agendaAgreedBy, d.papersDespatchBy, d.reportDeadline]);
    }
    // Five clear days: 6, 5, 4 January and 31, 30 December (1 January is a bank holiday); then
    // 29 (Holidays tab), 28 (Boxing Day substitute) and 25 December do not count: despatch on the 24th.
    expect(isoOf(rows.find(r => r['Meeting date'] === '2027-01-07')!['Papers despatch by'])).toBe(
      '2026-12-24',
    );
  });

  test('Check compliance: no problems or warnings, and the rules met are listed', () => {
    const r = book.run('checkCompliance');
    expect(r.out).toContain('0 problem(s), 0 warning(s)');
    const findings = book.rows('Compliance', 'E');
    expect(
      findings.filter(f => f['Severity'] === 'Problem' || f['Severity'] === 'Warning').map(line),
    ).toEqual([]);
    const met = findings.filter(f => f['Severity'] === 'Met').map(f => f['Rule']);
    expect(met).toEqual(
      expect.arrayContaining([
        'Membership between 6 and 10',
        'At least 2 from small providers',
        'Each nominated member has a deputy',
        'Meetings a year',
      ]),
    );
    expect(findings.map(line)).toContain(
      'Note | Deadline coming up | Meetings row 5 (2026-12-03) | Papers despatch: 2026-11-25.',
    );
  });

  test('a check leaves a current Holiday list alone, and writes it again when a closure is added', () => {
    // The list and the names on it are as the last run left them: nothing is written.
    const calls = book.run('checkCompliance').stats.calls;
    expect(calls['Spreadsheet.getNamedRanges'] ?? 0).toBe(0);
    expect(calls['NamedRange.setRange'] ?? 0).toBe(0);
    const before = book.rows('Holiday list', 'C').length;
    // A closure typed on the Holidays tab: the next check writes the list with it.
    book.edit('Holidays!A3', '30/12/2026');
    book.edit('Holidays!B3', 'Office closed');
    const again = book.run('checkCompliance').stats.calls;
    expect(again['Spreadsheet.getNamedRanges']).toBe(1);
    const list = book.rows('Holiday list', 'C');
    expect(list.length).toBe(before + 1);
    expect(list.map(r => r['Name'])).toContain('Office closed');
    const m = book.rows('Meetings', 'N').find(r => r['Meeting date'] === '2027-01-07')!;
    // The live formula follows: with the 30th closed, five clear days end on the 23rd.
    expect(isoOf(m['Papers despatch by'])).toBe('2026-12-23');
    // And no write the time after.
    expect(book.run('checkCompliance').stats.calls['Spreadsheet.getNamedRanges'] ?? 0).toBe(0);
    book.edit('Holidays!A3', '');
    book.edit('Holidays!B3', '');
    book.run('checkCompliance');
  });

  test('Check membership: each rule met, with who counts', () => {
    book.run('checkMembership');
    const rows = book.rows('Membership check', 'D');
    expect(rows.every(r => r['Result'] === 'Met')).toBe(true);
    expect(rows.find(r => r['Rule'] === 'At least 2 from large providers')!['Who counts']).toBe(
      'Ann Able, Ben Brook',
    );
  });

  test('a Settings change flows into the live formulas; nonsense settings are named', () => {
    const settings = book.rows('Settings', 'C');
    const row = settings.findIndex(s => s['Setting'] === 'Papers notice days') + 2;
    book.edit(`Settings!B${row}`, '3');
    const m = book.rows('Meetings', 'N').find(r => r['Meeting date'] === '2026-12-03')!;
    expect(isoOf(m['Papers despatch by'])).toBe('2026-11-27'); // three clear days: Mon 30, Tue 1, Wed 2
    // "five" is kept and flagged as it is typed; Check compliance names the cell as a finding and
    // says which value it uses meanwhile.
    book.edit(`Settings!B${row}`, 'five');
    expect(book.note('Settings', `B${row}`)).toContain('"Papers notice days" should be a number');
    expect(book.run('checkCompliance').out).toContain('problem(s)');
    const found = book
      .rows('Compliance', 'E')
      .find(f => f['Rule'] === 'Readable settings' && String(f['Where']).includes('notice'))!;
    expect(found).toEqual({
      Rule: 'Readable settings',
      Severity: 'Problem',
      Where: `Settings row ${row}, Papers notice days (cell B${row})`,
      Finding:
        'The setting "Papers notice days" should be a number of 0 or more; it is "five". Change it in the Value column of the Settings tab.',
      'What to do': `Correct Settings!B${row}; until then the checks use 5, the program's default.`,
    });
    book.edit(`Settings!B${row}`, '5');
  });
});

describe('data that breaks the rules', () => {
  let book: Clerk;
  beforeAll(async () => {
    book = await build(true);
    book.run('checkCompliance');
  });

  test('every broken rule is a finding naming where and what to do', () => {
    const findings = book.rows('Compliance', 'E').map(line);
    expect(findings).toEqual(
      expect.arrayContaining([
        'Problem | Readable values | Holidays row 3, Date (cell A3) | "next Tuesday" is not a date. Type the date as dd/mm/yyyy, for example 12/03/2026.',
        'Problem | Membership between 6 and 10 | Members | 5 serving members (chair, vice-chair and members; deputies and officers not counted).',
        'Problem | Each nominated member has a deputy | Members row 2 (Ann Able) | Ann Able was nominated by Example Care Association but no serving member is recorded as their deputy.',
        'Problem | Substitutes only for members entitled to them | Attendance row 20 (2026-09-03, Dan Dee) | Hal Hunt attended for Dan Dee, who is not a nominated member and so attends personally.',
        'Problem | Papers despatched in time | Meetings row 10 (2026-11-26) | Papers were due out by 2026-11-18 and "Agenda published on" is empty.',
        'Problem | Meeting inside the agreed hours | Meetings row 11 (2027-01-16) | Starts at 09:00, before 10:00 ("Meeting window start").',
        'Warning | Meeting on a working day | Meetings row 11 (2027-01-16) | The meeting falls on a weekend.',
        'Problem | Action overdue | Actions row 4 (Cat Cole) | Minute 13: Send provider survey results: review date 2026-11-10 has passed.',
        'Note | Action due within 7 days | Actions row 5 (Fay Fox) | Minute 14: Draft the newsletter: due 2026-11-27.',
        'Warning | No update for 60 days | Actions row 6 (Dan Dee) | Minute 15: Map day services: last updated 2026-08-01.',
        "Warning | Term ending | Members row 4 (Cat Cole) | Cat Cole's term ends on 2026-12-31 (in 38 days).",
        'Warning | Contract ending within 180 days | Contracts row 3 (C-002) | Homecare lot 2 (Cole Homecare Ltd) ends on 2027-03-31, in 128 days. Extension options left: up to 2029-03-31.',
        "Warning | 28 clear days' notice of key decisions and private items | Agenda row 5 (Day services closure) | Key decision KD-2026-09 is on the meeting of 2026-12-03, 9 clear days away.",
      ]),
    );
    // Problems come first, so an officer reads the worst first.
    const sev = book.rows('Compliance', 'E').map(f => f['Severity']);
    expect(sev.indexOf('Warning')).toBeGreaterThan(sev.lastIndexOf('Problem'));
  });

  test('Forward plan: future meetings with deadlines, flags, provisional dates and "To be programmed"', () => {
    book.run('showForwardPlan');
    const plan = book
      .rows('Forward plan', 'H')
      .map(r => [
        r['Meeting date'],
        r['Meeting status'],
        r['Item'],
        r['Report deadline'],
        r['Papers despatch by'],
        r['Flag'],
      ]);
    expect(plan).toEqual(
      expect.arrayContaining([
        ['Thu 26 Nov 2026', 'Confirmed', '(no items yet)', '2026-11-13', '2026-11-18', ''],
        [
          'Thu 3 Dec 2026',
          'Confirmed',
          'Day services closure',
          '2026-11-20',
          '2026-11-25',
          "Only 9 clear days' notice; 28 needed for key decisions.",
        ],
        [
          'Thu 4 Mar 2027',
          'Provisional',
          'Recommissioning supported living',
          '2027-02-19',
          '2027-02-24',
          '',
        ],
        [
          'Sat 16 Jan 2027',
          'Confirmed, Reserve',
          '(no items yet)',
          '2027-01-05',
          '2027-01-08',
          'Meeting falls on a weekend.',
        ],
        ['To be programmed', '', 'Market position statement refresh', '', '', ''],
      ]),
    );
    expect(plan.some(p => p[0] === 'Thu 3 Sep 2026')).toBe(false); // past meetings are not in the plan
  });

  test('Preview reminders shows the digests and sends nothing', () => {
    const r = book.run('previewReminders');
    // Cat Cole (overdue) and the clerk; Fay Fox has no email; Dan Dee's action is only stale.
    expect(r.out).toContain('2 email(s) would be sent. Nothing has been sent.');
    expect(r.out).toContain('To: Cat Cole <cat@example.org>');
    expect(book.outbox()).toEqual([]);
  });

  test('Reminders: switched on, one digest per owner and the clerk, never twice a day', () => {
    book.run('switchRemindersOn');
    expect(triggers(book)).toContain('sendDailyReminders');
    book.run('sendDailyReminders');
    const mails = book.outbox();
    expect(mails.length).toBe(2);
    const clerkMail = mails.find(m => /^To: .*clerk@example\.org/m.test(m.text))!.text;
    expect(clerkMail).toContain('Fay Fox (no email in Members)');
    expect(clerkMail).toMatch(/C-002 Homecare lot 2 \(Cole Homecare Ltd\): ends 2027-03-31/);
    expect(mails.find(m => /^To: .*cat@example\.org/m.test(m.text))!.text).toContain(
      'Send provider survey results (review date 2026-11-10)',
    );
    book.run('sendDailyReminders');
    expect(book.outbox().length).toBe(2);
    book.setToday('2026-11-24');
    book.run('sendDailyReminders');
    expect(book.outbox().length).toBe(4); // a new day: reminded again
    // Low quota: another script has already sent one mail to 99 people today, of the day's 100
    // recipients. The clerk's digest goes (saying who waits), the owner's does not, and the run
    // ends cleanly.
    book.setToday('2026-11-25');
    const readers = Array.from({length: 99}, (_, i) => `reader${i + 1}@example.org`);
    (book.ws.globals.MailApp as {sendEmail(m: object): void}).sendEmail({
      to: readers.join(','),
      subject: 'Newsletter',
      body: 'The November newsletter.',
    });
    const reminders = () => book.outbox().filter(m => !/^Subject: Newsletter/m.test(m.text));
    const low = book.run('sendDailyReminders');
    const after = reminders();
    expect(after.length).toBe(5);
    const lastClerk = after
      .filter(m => /^To: .*clerk@example\.org/m.test(m.text))
      .map(m => m.text.replace(/=\r?\n/g, ''))
      .find(t => t.includes("clerk's digest for 2026-11-25"))!;
    expect(lastClerk).toContain(
      'Mail quota: only 1 email(s) can be sent today, so these reminders wait for tomorrow: cat@example.org.',
    );
    expect(low.err).toContain(
      'Reminders stopped: the daily mail quota is used up; 1 digest(s) not sent (cat@example.org).',
    );
    book.run('switchRemindersOff');
    expect(triggers(book)).not.toContain('sendDailyReminders');
    // Switched off (the Reminders setting now says No): a stray run sends nothing.
    const settings = book.rows('Settings', 'C');
    expect(settings.find(r => r['Setting'] === 'Reminders')!['Value']).toBe('No');
    book.setToday('2026-11-26');
    book.run('sendDailyReminders');
    expect(reminders().length).toBe(5);
  });
});
