/**
 * The council's agenda plan (issue 16 item 6), end to end: the forward plan paper in the council
 * layout (committee date, item, lead officer, reference if key decision or "Not applicable",
 * deadline for reports, agenda despatch date; * to full Council, + confidential; reserve dates;
 * standing items), the first publication of each item recorded on the Agenda when the plan is
 * generated, the 28 clear days' notice of a key decision counted from that day rather than
 * today, and a key decision without a reference flagged.
 */
import {openWorkbook, type Clerk, type Step} from './driver';

let c: Clerk;
const steps: Record<string, Step> = {};
let plan: string;
const SECRET = 'Provider of concern: Larch Care';

const agendaCol = (h: string) => {
  const heads = c.values('Agenda!A1:Z1')[0].map(String);
  return heads.indexOf(h);
};
const firstPublished = (title: string) => {
  const rows = c.cells('Agenda!A2:Z20');
  const r = rows.find(x => x[agendaCol('Title')] === title)!;
  return r[agendaCol('First published')];
};

beforeAll(async () => {
  c = await openWorkbook({today: '2026-11-02'});
  c.load(
    {
      Members: [{Name: 'Lee Officer', Role: 'Lead officer', Email: 'lee@example.org'}],
      Meetings: [
        {'Meeting date': '2026-12-10', Status: 'Confirmed', Type: 'Ordinary'},
        {'Meeting date': '2027-01-14', Status: 'Provisional', Type: 'Reserve'},
      ],
      Agenda: [
        {
          'Meeting date': '2026-12-10',
          'Item no.': 1,
          Section: 'Constitutional matters',
          Title: 'Minutes of the previous meeting',
          'Standing item': 'Yes',
        },
        {
          'Meeting date': '2026-12-10',
          'Item no.': 2,
          Section: 'Key decisions',
          Title: 'Recommissioning of homecare',
          'Lead officer': 'Lee Officer',
          'Key decision ref': 'KD-2026-11',
          'To full Council': 'Yes',
        },
        {
          'Meeting date': '2026-12-10',
          'Item no.': 3,
          Section: 'Exempt items',
          Title: SECRET,
          'Lead officer': 'Lee Officer',
          Confidential: 'Yes',
        },
        {
          Section: 'Key decisions',
          Title: 'Day opportunities strategy',
          'Lead officer': 'Mo Planner',
        },
      ],
    },
    {'Group name': 'Adults Committee', 'Group type': 'Council committee'},
  );
  steps.publish = c.run('generateForwardPlan');
  plan = c.doc('Forward plan – 2 November 2026').getText();
});

test('the plan in the council layout: markers, "Not applicable", deadlines, reserve dates, standing items', () => {
  expect(plan).toMatch(
    /Committee date\s+Item\s+Lead officer\s+Reference if key decision\s+Deadline for reports\s+Agenda despatch date/,
  );
  expect(plan).toMatch(
    /Thursday 10 December 2026\s+Minutes of the previous meeting\s+Not applicable\s+\d+ (November|December) 2026\s+\d+ December 2026/,
  );
  expect(plan).toMatch(/Recommissioning of homecare \*\s+Lee Officer\s+KD-2026-11/);
  expect(plan).toMatch(/Exempt item \(details withheld\) \+\s+Not applicable/);
  expect(plan).not.toContain(SECRET);
  expect(plan).toMatch(/Reserve dates\s+Thursday 14 January 2027\./);
  expect(plan).toMatch(
    /To be programmed\s+Item\s+Lead officer\s+Reference if key decision\s+Day opportunities strategy\s+Mo Planner\s+Not applicable/,
  );
});

test('generating the plan records, on the Agenda, when each item first appeared in it', () => {
  expect(firstPublished('Recommissioning of homecare')).toBe('2026-11-02');
  expect(firstPublished(SECRET)).toBe('2026-11-02');
  expect(firstPublished('Day opportunities strategy')).toBe('2026-11-02');
  expect(steps.publish.dialog).toContain('4 items appeared in the plan for the first time');
  // Generating it again later keeps the first date.
  c.setToday('2026-11-20');
  c.run('generateForwardPlan');
  expect(firstPublished('Recommissioning of homecare')).toBe('2026-11-02');
});

test('notice of a key decision counts from its first publication, not from today', () => {
  // Added on 20 November: never in a published plan, 19 clear days before the meeting.
  c.load({
    Agenda: [
      {
        'Meeting date': '2026-12-10',
        'Item no.': 4,
        Section: 'Key decisions',
        Title: 'Fees for 2027',
        'Key decision ref': 'KD-2026-14',
      },
    ],
  });
  c.run('checkCompliance');
  const notice = (c.rows('Compliance') as Record<string, string>[]).filter(r =>
    r.Rule.startsWith("28 clear days' notice"),
  );
  expect(notice.map(r => r.Where)).toEqual(['Agenda row 6 (Fees for 2027)']);
  expect(notice[0].Finding).toBe(
    'Key decision KD-2026-14 is on the meeting of 2026-12-10, 19 clear days away.',
  );
  c.run('showForwardPlan');
  const tab = c.rows('Forward plan', 'J') as Record<string, unknown>[];
  const row = (item: string) => tab.find(r => r.Item === item)!;
  expect(row('Recommissioning of homecare')).toMatchObject({
    'Key decision ref': 'KD-2026-11',
    Markers: '*',
    'First published': '2026-11-02',
    Flag: '',
  });
  expect(row('Minutes of the previous meeting')['Key decision ref']).toBe('Not applicable');
  expect(row(SECRET).Markers).toBe('+');
  expect(row('Fees for 2027').Flag).toBe(
    "Only 19 clear days' notice; 28 needed for key decisions.",
  );
});

test('a key decision without a reference is flagged, on the tab and in compliance', () => {
  const tab = c.rows('Forward plan', 'J') as Record<string, unknown>[];
  expect(tab.find(r => r.Item === 'Day opportunities strategy')!.Flag).toBe(
    'Key decision with no reference.',
  );
  const f = (c.rows('Compliance') as Record<string, string>[]).find(
    r => r.Rule === 'Key decisions have a reference',
  )!;
  expect(f.Where).toBe('Agenda row 5 (Day opportunities strategy)');
  expect(f.Finding).toBe(
    'A key decision to be programmed has no "Key decision ref", so the forward plan cannot give notice of it.',
  );
});
