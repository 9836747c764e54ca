/**
 * The fictional partnership-board demo (`clerk new BOOK.xlsx --demo=partnership`): the Westbrook
 * SEND Partnership Board, a parent-carer partnership chaired by the forum. Its terms: agendas
 * agreed jointly and circulated at least 7 calendar days before; monthly meetings between 10:00
 * and 14:00; complaints at every meeting; a signed volunteer agreement for each representative;
 * each body sends one nominee, whose registered deputy may stand in. Every name is invented,
 * every address @example.org, every phone number in Ofcom's drama range (01632 960xxx). Dates
 * are fixed around 2026 so that --today 2026-11-23 always sees the same picture, with a few
 * deliberate findings: a substitute who is not the registered deputy, a member with no signed
 * agreement, a document past its review date and an open complaint.
 */
import {TAB} from './schema';
import {Rec, agendaItem, d, loadDemoSet, t} from './demo';
import {appendRecords} from './table';
import {formulaFor} from './formulas';

const FORUM = 'Westbrook Parent Carer Forum';
const VENUE = 'Westbrook Family Hub, Meeting Room 1';

export const PARTNERSHIP_SETTINGS: Readonly<Record<string, string>> = {
  'Group name': 'Westbrook SEND Partnership Board',
  'Group type': 'Partnership board',
  Chair: 'Rachel Adeyemi',
  'Clerk name': 'Sam Whitfield',
  'Clerk email': 'partnership.clerk@example.org',
  'Clerk phone': '01632 960200',
  Venue: VENUE,
  'Default start time': '10:00',
  'Notice basis': 'Calendar days',
  'Papers notice days': '7',
  'Meeting window start': '10:00',
  'Meeting window end': '14:00',
  'Meetings per year': '12',
  Quorum: '4',
  'Minimum members': '6',
  'Maximum members': '12',
  'Minimum small providers': '0',
  'Minimum large providers': '0',
  'Required client groups': 'Children and young people',
  'Required service types': '',
  'Volunteer agreements': 'Yes',
  'Terms of reference reviewed on': '13/01/2026',
  'Standing items':
    'Apologies for absence and declarations of interest; Minutes of the previous meeting; Action log; Complaints; Forward agenda plan; Date of next meeting',
};

const member = (
  name: string,
  organisation: string,
  role: string,
  phone: string,
  extra: Rec = {},
): Rec => ({
  Name: name,
  Organisation: organisation,
  Role: role,
  'Provider size': 'Not a provider',
  'Client groups': 'Children and young people',
  Email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
  Phone: `01632 960${phone}`,
  'Term start': d('01/09/2025'),
  'Term end': d('31/08/2027'),
  Status: 'Active',
  'Agreement signed on': d('15/09/2025'),
  ...extra,
});

export const PARTNERSHIP_MEMBERS: Rec[] = [
  member('Rachel Adeyemi', FORUM, 'Chair', '201', {'Nominated by': FORUM}),
  member('Nadia Karim', 'Westbrook Integrated Care Board', 'Vice-chair', '202', {
    'Nominated by': 'Westbrook Integrated Care Board',
  }),
  member('Lucy Fenwick', "Westbrook Council, Children's Services", 'Member', '203', {
    'Nominated by': 'Westbrook Council',
  }),
  member('Priyanka Shah', 'Westbrook Schools Partnership', 'Member', '204', {
    'Nominated by': 'Westbrook Schools Partnership',
    'Agreement signed on': '',
    Notes: 'Agreement sent 02/11/2026.',
  }),
  member('Tom Baxter', FORUM, 'Member', '205'),
  member('Kevin Okoro', FORUM, 'Member', '206'),
  member('Helen Osei', FORUM, 'Deputy', '207', {'Deputy for': 'Rachel Adeyemi'}),
  member('Mark Dunn', 'Westbrook Integrated Care Board', 'Deputy', '208', {
    'Deputy for': 'Nadia Karim',
  }),
  member('Joe Martins', "Westbrook Council, Children's Services", 'Deputy', '209', {
    'Deputy for': 'Lucy Fenwick',
  }),
  member('Ben Ward', 'Westbrook Schools Partnership', 'Deputy', '210', {
    'Deputy for': 'Priyanka Shah',
  }),
  member('Amy Clarke', 'Westbrook Council, Democratic Services', 'Secretariat', '211', {
    'Client groups': '',
    'Agreement signed on': '',
  }),
];

/** Second Tuesdays, 10:00-14:00: held until November 2026, then confirmed, then 2027 provisional. */
const DATES = [
  '13/01/2026',
  '10/02/2026',
  '10/03/2026',
  '14/04/2026',
  '12/05/2026',
  '09/06/2026',
  '14/07/2026',
  '11/08/2026',
  '08/09/2026',
  '13/10/2026',
  '10/11/2026',
  '08/12/2026',
  ...[
    '12/01',
    '09/02',
    '09/03',
    '13/04',
    '11/05',
    '08/06',
    '13/07',
    '10/08',
    '14/09',
    '12/10',
    '09/11',
    '14/12',
  ].map(day => `${day}/2027`),
];
const HELD = DATES.slice(0, 11);

export const PARTNERSHIP_MEETINGS: Rec[] = DATES.map((date, i) => {
  const held = i < HELD.length;
  return {
    'Meeting date': d(date),
    'Start time': t('10:00'),
    'End time': t('14:00'),
    Venue: VENUE,
    Type: 'Ordinary',
    Status: held ? 'Held' : i === HELD.length ? 'Confirmed' : 'Provisional',
    // Papers out a week before (calendar days), as the terms ask.
    'Agenda published on': held ? d(date) - 7 : '',
    'Minutes approved on': held && i + 1 < HELD.length ? d(DATES[i + 1]) : '',
    Chair: held ? FORUM : '',
  };
});

const CORE = ['Rachel Adeyemi', 'Nadia Karim', 'Lucy Fenwick', 'Priyanka Shah', 'Tom Baxter'];
const att = (date: string, name: string, attendance: string, extra: Rec = {}): Rec => ({
  'Meeting date': d(date),
  Member: name,
  Attendance: attendance,
  ...extra,
});

export const PARTNERSHIP_ATTENDANCE: Rec[] = HELD.flatMap(date =>
  [...CORE, 'Kevin Okoro'].map(name => {
    if (date === '13/10/2026' && name === 'Lucy Fenwick')
      // Deliberate: the council sent someone other than its registered deputy (Joe Martins).
      return att(date, name, 'Substitute attended', {Substitute: 'Gary Price'});
    if (date === '10/11/2026' && name === 'Priyanka Shah')
      return att(date, name, 'Substitute attended', {Substitute: 'Ben Ward'});
    if (date === '11/08/2026' && name === 'Kevin Okoro') return att(date, name, 'Apologies');
    return att(date, name, 'Present');
  }),
);

const NEXT = d('08/12/2026');
const item = (title: string, section: string, purpose: string, lead: string, paper: string) =>
  agendaItem(NEXT, section, title, purpose, lead, paper);

export const PARTNERSHIP_AGENDA: Rec[] = [
  item(
    'Written statement of action: progress report',
    'Information and monitoring',
    'To comment',
    'Lucy Fenwick',
    'Received',
  ),
  item('Short breaks offer 2027', 'Decisions', 'To decide', 'Lucy Fenwick', 'Awaited'),
  item('Co-production charter', 'Decisions', 'To approve', 'Rachel Adeyemi', 'Received'),
  item(
    'Education, health and care plan timeliness',
    'Information and monitoring',
    'To note',
    'Nadia Karim',
    'To follow',
  ),
];

export const PARTNERSHIP_ACTIONS: Rec[] = [
  {
    'Meeting date': d('10/11/2026'),
    'Minute no.': '5',
    'Report title': 'Short breaks survey',
    'Action to be taken by': 'Lucy Fenwick',
    Action: 'Circulate the short breaks survey results to forum members',
    Status: 'Open',
    'Review date': d('01/12/2026'),
    'Last updated': d('10/11/2026'),
  },
  {
    'Meeting date': d('13/10/2026'),
    'Minute no.': '7',
    'Report title': 'Co-production charter',
    'Action to be taken by': 'Rachel Adeyemi; Tom Baxter',
    Action: 'Draft the co-production charter with the forum steering group',
    Status: 'Closed',
    'Date closed': d('10/11/2026'),
    'Last updated': d('10/11/2026'),
  },
  {
    'Meeting date': d('08/09/2026'),
    'Minute no.': '4',
    'Report title': 'Transport',
    'Action to be taken by': 'Priyanka Shah',
    Action: 'Ask schools to share transport contacts with families before term starts',
    Status: 'Ongoing',
    'Review date': d('12/01/2027'),
    'Last updated': d('13/10/2026'),
  },
];

export const PARTNERSHIP_COMPLAINTS: Rec[] = [
  {
    'Received on': d('20/10/2026'),
    From: FORUM,
    Summary: 'Annual reviews of education, health and care plans held late',
    Status: 'Open',
    'Discussed at': d('10/11/2026'),
    Outcome: 'Council to report the recovery plan in December.',
  },
  {
    'Received on': d('02/09/2026'),
    From: 'Westbrook Schools Partnership',
    Summary: 'Transport letters reached families after term started',
    Status: 'Closed',
    'Discussed at': d('08/09/2026'),
    Outcome: 'Letters now go out in July.',
    'Closed on': d('13/10/2026'),
  },
];

export const PARTNERSHIP_DOCUMENTS: Rec[] = [
  {
    Title: 'Terms of reference',
    Version: '2',
    Date: d('13/01/2026'),
    'Review due': d('12/01/2027'),
  },
  {
    Title: 'Volunteer agreement',
    Version: '1',
    Date: d('01/09/2025'),
    'Review due': d('01/09/2026'),
  },
  {
    Title: 'Co-production charter',
    Version: '0.3 draft',
    Date: d('10/11/2026'),
    'Review due': d('08/12/2026'),
  },
];

export const PARTNERSHIP_DECISIONS: Rec[] = [
  {
    'Meeting date': d('10/11/2026'),
    'Minute no.': '6',
    Item: 'Short breaks survey',
    Decision: 'The survey results are shared with every family who took part.',
    Type: 'Resolved',
  },
];

export function loadPartnership(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  loadDemoSet(ss, {
    registers: [
      [TAB.members, PARTNERSHIP_MEMBERS],
      [TAB.meetings, PARTNERSHIP_MEETINGS],
      [TAB.agenda, PARTNERSHIP_AGENDA],
      [TAB.attendance, PARTNERSHIP_ATTENDANCE],
      [TAB.actions, PARTNERSHIP_ACTIONS],
      [TAB.complaints, PARTNERSHIP_COMPLAINTS],
      [TAB.documents, PARTNERSHIP_DOCUMENTS],
    ],
    settings: PARTNERSHIP_SETTINGS,
    after: () => appendRecords(ss, TAB.decisions, PARTNERSHIP_DECISIONS, formulaFor),
  });
}
