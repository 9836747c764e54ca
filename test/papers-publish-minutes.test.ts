/**
 * "Publish minutes" after the chair's approval: a PDF of the approved minutes and a public PDF
 * without the exempt part (made from a temporary copy, then removed), both links in the
 * Meetings row; the next agenda pack then carries the public minutes. PDFs read back with
 * pdftotext.
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
    },
    240_000,
  );
});
