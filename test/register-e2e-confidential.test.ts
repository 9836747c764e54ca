/**
 * One interpretation of a value, whoever wrote it (issue 10): a Confidential flag a script or an
 * older sheet wrote ("Y", "yes ", TRUE, not typed, so the edit check never normalised it) is
 * read by the edit check's parser, and a flag nobody can read counts as confidential. None of
 * those items reaches the public agenda, the forward plan or the annual report; the unreadable
 * one is a finding on the Compliance and Problems tabs.
 */
import {openWorkbook, type Clerk} from './driver';

const SECRET = {
  Y: 'Provider Y failing: contingency costs',
  yes: 'Named residents at Elm House',
  TRUE: 'Legal advice on the homecare tender',
  unreadable: 'Redundancy proposals in the brokerage team',
};
const PUBLIC = 'Carers strategy refresh';
// A member's contact details typed where they do not belong: a phone as Lead officer (other
// spacing, +44 form), an email inside a title.
const CONTACT = {
  email: 'ann.able@example.org',
  phone: '01632 960 001',
  typedPhone: '+44 (1632) 960-001',
};

let c: Clerk;
let texts: {agenda: string; plan: string; annual: string};

beforeAll(async () => {
  c = await openWorkbook({today: '2026-11-23'});
  const item = (meeting: string, title: string, confidential: string | boolean) => ({
    'Meeting date': meeting,
    Section: 'Decisions',
    Title: title,
    Purpose: 'To decide',
    'Paper status': 'Received',
    Confidential: confidential,
  });
  const items = (meeting: string) => [
    item(meeting, SECRET.Y, 'Y'),
    item(meeting, SECRET.yes, 'yes '),
    item(meeting, SECRET.TRUE, true),
    item(meeting, SECRET.unreadable, 'maybe'),
    item(meeting, PUBLIC, 'No'),
    {
      ...item(meeting, `Questions from ${CONTACT.email} on day services`, 'No'),
      'Lead officer': CONTACT.typedPhone,
    },
  ];
  // Written with setValues, as a script or an import would: onEdit never sees these cells.
  c.load({
    Members: [
      {
        Name: 'Ann Able',
        Role: 'Chair',
        Email: CONTACT.email,
        Phone: CONTACT.phone,
        Status: 'Active',
      },
    ],
    Meetings: [
      {'Meeting date': '2026-03-05', 'Start time': '10:00', Status: 'Held', Type: 'Ordinary'},
      {'Meeting date': '2026-12-10', 'Start time': '10:00', Status: 'Confirmed', Type: 'Ordinary'},
    ],
    Agenda: [...items('2026-03-05'), ...items('2026-12-10')],
  });
  c.run('generateAgendaPack', {select: 'Meetings!A3'});
  c.run('generateForwardPlan');
  c.run('generateAnnualReport', {answers: ['2026']});
  texts = {
    agenda: c.doc('10 December 2026 (public)').getText(),
    plan: c.doc(`Forward plan – 23 November 2026`).getText(),
    annual: c.doc('Annual report – 2026').getText(),
  };
});

test.each(['agenda', 'plan', 'annual'] as const)(
  'the public %s has the public item and none of the confidential ones',
  paper => {
    expect(texts[paper]).toContain(PUBLIC);
    for (const title of Object.values(SECRET)) expect(texts[paper]).not.toContain(title);
  },
);

test.each(['agenda', 'plan', 'annual'] as const)(
  "the public %s has no member's email or phone, from whatever field",
  paper => {
    expect(texts[paper]).toContain('Questions from [contact details withheld] on day services');
    expect(texts[paper]).not.toContain(CONTACT.email);
    expect(texts[paper].replace(/\D/g, '')).not.toContain('1632960001');
  },
);

test('the unreadable flag is a finding with the cell and what to do', () => {
  c.run('checkCompliance');
  const findings = c.rows('Compliance', 'E').map(r => `${r['Where']} | ${r['Finding']}`);
  expect(findings).toEqual(
    expect.arrayContaining([
      'Agenda row 5, Confidential (cell I5) | "maybe" is not Yes or No.',
      'Agenda row 11, Confidential (cell I11) | "maybe" is not Yes or No.',
    ]),
  );
  const what = c
    .rows('Compliance', 'E')
    .find(r => r['Where'] === 'Agenda row 5, Confidential (cell I5)');
  expect(what?.['What to do']).toBe(
    'Correct Agenda!I5; until then the program reads it as empty (and the item as confidential).',
  );
  c.run('checkWorkbookProblems');
  expect(c.rows('Problems', 'G')).toEqual(
    expect.arrayContaining([
      expect.objectContaining({Cell: 'I5', Value: 'maybe', Problem: '"maybe" is not Yes or No.'}),
    ]),
  );
});

test('a report for a year with no meeting is not made: the officer is told why', () => {
  const step = c.run('generateAnnualReport', {answers: ['2019']});
  expect(step.out).toContain(
    'No meeting was held in 2019, so no annual report was made for that year. Check the Meeting date and Status columns of the Meetings tab.',
  );
  expect(c.docs().filter(d => d.path.includes('Annual report – 2019'))).toEqual([]);
});
