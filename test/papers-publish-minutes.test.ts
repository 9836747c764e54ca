/**
 * "Publish minutes" after the chair's approval: a PDF of the approved minutes and a public PDF
 * without the exempt part (made from a temporary copy, then removed), both links in the
 * Meetings row; the next agenda pack then carries the public minutes. PDFs read back with
 * pdftotext. Publishing also fills the Decisions tab from the minutes' resolutions (issue 16
 * item 4): a draft placeholder is named, not registered; publishing again adds only new
 * minutes, keeps the clerk's edits and makes no second public PDF.
 */
import type {Clerk, Step} from './driver';
import {AGENDA, MEETING_ROW, papersWorkbook} from './papers/fixture';
import {pdfPages} from './papers/pdf';
import {testWith} from './tools';

const APPROVED = 'Adults Committee – Minutes – 9 July 2020.pdf';
const PUBLIC = 'Adults Committee – Minutes – 9 July 2020 (public).pdf';
const SECRET = 'Closure of Birch Lodge: staff consultation';

let c: Clerk;
const steps: Record<string, Step> = {};
let col: (h: string) => string;

const pdfNamed = (name: string) => {
  const e = (c.drive.all() as {id: string; name: string; trashed: boolean}[]).find(
    x => x.name === name && !x.trashed,
  );
  return e ? pdfPages(c.drive.bytes(e.id)).join('\n') : '';
};

/** The Decisions tab's rows as `clerk get --json` gives them (Minute no. as text). */
const decisions = () =>
  c
    .cells('Decisions!A2:H20')
    .filter(r => r[0] !== '')
    .map(r => r.map(v => (typeof v === 'number' ? String(v) : v)));
const publicLink = () => String(c.value(`Meetings!${col('Public minutes link')}2`));
const minutesBody = () => {
  const id = String(c.value(`Meetings!${col('Minutes link')}2`)).match(/\/d\/([\w-]+)/)![1];
  return c.drive.docState(id).parts.body;
};

beforeAll(async () => {
  c = await papersWorkbook({
    Agenda: [
      ...AGENDA,
      {
        'Meeting date': '2020-07-09',
        Section: 'Exempt items',
        Title: SECRET,
        Purpose: 'To note',
        Confidential: 'Yes',
        'Exempt paragraph': '4',
      },
    ],
  });
  const headers = c.values('Meetings!A1:Z1')[0].map(String);
  col = h => String.fromCharCode(65 + headers.indexOf(h));
  c.run('generateMinutesDraft', {select: 'Meetings!A2'});
  steps.early = c.run('publishMinutes', {select: 'Meetings!A2'});
  c.edit(`Meetings!${col('Minutes approved on')}2`, '2020-10-08');
}, 60_000);

describe('Publish minutes', () => {
  test('before approval: a plain message naming the row and what to do', () => {
    expect(steps.early.out).toContain(
      'The minutes of the meeting on 9 July 2020 are not approved yet. When the chair has approved them, type the date in "Minutes approved on" on the Meetings tab (row 2), then publish.',
    );
  });

  testWith('soffice', 'pdftotext')(
    'approved and public PDFs, links in the Meetings row; the next pack carries the public minutes',
    () => {
      steps.publish = c.run('publishMinutes', {select: 'Meetings!A2'});
      const approved = pdfNamed(APPROVED);
      const pub = pdfNamed(PUBLIC);
      expect(approved).toContain(SECRET);
      expect(pub).toContain('Carers strategy');
      expect(pub).not.toContain(SECRET);
      expect(pub).toContain('Exempt items: the minutes of these items are not published.');
      expect(String(c.value(`Meetings!${col('Approved minutes link')}2`))).toMatch(
        /^https:\/\/drive\.google\.com\/file\/d\/[\w-]+\/view$/,
      );
      expect(String(c.value(`Meetings!${col('Public minutes link')}2`))).toMatch(
        /^https:\/\/drive\.google\.com\/file\/d\/[\w-]+\/view$/,
      );
      // The temporary copy is gone.
      expect(c.docs().filter(d => d.path.includes('(being made)'))).toEqual([]);
      c.run('generateAgendaPack', {select: `Meetings!A${MEETING_ROW}`});
      const pack = pdfNamed('Adults Committee – Agenda reports pack – 8 October 2020 (public).pdf');
      expect(pack).toContain('Carers strategy');
      expect(pack).not.toContain(SECRET);
      expect(pack).not.toContain('published once the chair has approved them');

      // Decisions from the minutes: the draft's "[resolution]" placeholder is named, not registered.
      expect(steps.publish.dialog).toContain(
        'Not added to the Decisions tab: Minute 1 (Carers strategy): The resolution still reads',
      );
      expect(decisions()).toEqual([
        ['2020-07-09', '2', SECRET, 'That the report be noted.', 'Noted', '', '', publicLink()],
      ]);
      // The clerk writes the resolution in the Doc and edits the registered decision; publishing
      // again adds the new one, keeps the edit, duplicates nothing, and makes no second public PDF.
      minutesBody().replaceText(
        '\\(a\\) \\[resolution\\]',
        'That the carers strategy be approved.',
      );
      c.edit('Decisions!D2', 'That the report be noted; the chair to write to the provider.');
      steps.again = c.run('publishMinutes', {select: 'Meetings!A2'});
      expect(steps.again.dialog).toContain('Decisions tab: 1 resolution added; 1 already there');
      expect(decisions()).toEqual([
        [
          '2020-07-09',
          '2',
          SECRET,
          'That the report be noted; the chair to write to the provider.',
          'Noted',
          '',
          '',
          publicLink(),
        ],
        [
          '2020-07-09',
          '1',
          'Carers strategy',
          'That the carers strategy be approved.',
          'Resolved',
          '',
          'Not started',
          publicLink(),
        ],
      ]);
      const publicPdfs = (c.drive.all() as {name: string; trashed: boolean}[]).filter(
        e => !e.trashed && /Minutes – 9 July 2020 \(public\)/.test(e.name),
      );
      expect(publicPdfs).toHaveLength(1);
    },
    240_000,
  );
});
