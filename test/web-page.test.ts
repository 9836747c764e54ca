/**
 * The public papers page and the calendar feed (issue 15), on the demo group, through doGet as
 * a web app calls it (developers.google.com/apps-script/guides/web: doGet(e), e.parameter;
 * ContentService.MimeType.ICAL for the feed). iCalendar rules: RFC 5545 (3.1 folding and CRLF,
 * 3.3.11 TEXT escaping, 3.6.5 VTIMEZONE, 3.8.1.11 STATUS).
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {openWorkbook, Clerk} from './driver';
import {installWebApp, runDoGet} from '../emulator/serve';
import {foldLine, escapeText, meetingsFeed} from '../src/web/ics';
import {publicationsOf} from '../src/web/published';
import {testWith} from './tools';

let c: Clerk;
const SECRET = 'Provider of concern: contract performance (Lot 1)';

beforeAll(async () => {
  c = await openWorkbook({demo: true});
  installWebApp(c.ws, 'https://script.google.com/macros/s/EXAMPLE/exec');
  // The next meeting (10/12/2026, Meetings row 6) gets its pack, then is published.
  c.run('generateAgendaPack', {select: 'Meetings!A6'});
});

const page = () => runDoGet(c.ws, '');

describe('public page', () => {
  test('before publishing: every meeting listed, "papers not yet published", no link', () => {
    const r = page();
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/html/);
    const html = r.body as string;
    expect(html).toContain('<h1>Northfield Care Providers&#39; Sector Leadership Group</h1>');
    expect(html).toContain('<caption>Upcoming meetings of the');
    expect(html).toContain('<caption>Past meetings of the');
    expect(html).toContain('Thursday 10 December 2026');
    expect(html).toContain('Thursday 12 February 2026');
    expect(html).toContain('10:00 to 12:00');
    expect(html).toContain('Papers not yet published');
    expect(html).not.toContain('/papers/');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script/i);
    // Upcoming first: the December meeting comes before the February one.
    expect(html.indexOf('10 December 2026')).toBeLessThan(html.indexOf('12 February 2026'));
  });

  // The PDF is made by LibreOffice in the emulator (Document.getAs).
  test('Publish papers refuses a public agenda that names an item since marked confidential', () => {
    const items = c.rows('Agenda') as Record<string, unknown>[];
    const k = items.findIndex(
      i =>
        i['Meeting date'] === '2026-12-10' &&
        i.Confidential === 'No' &&
        String(i.Title).length > 10,
    );
    const row = k + 2;
    c.edit(`Agenda!I${row}`, 'Yes');
    const step = c.run('publishPapers', {select: 'Meetings!A6'});
    expect(step.out).toContain(`Nothing was published`);
    expect(step.out).toContain(`the confidential item on Agenda row ${row}`);
    expect(page().linked.size).toBe(0);
    c.edit(`Agenda!I${row}`, 'No');
  });

  testWith('soffice')(
    'Publish papers: the public agenda as a PDF shared by link, listed; "Agenda published on" stamped',
    () => {
      const step = c.run('publishPapers', {select: 'Meetings!A6'});
      expect(step.out).toContain('Published');
      const r = page();
      const ids = [...r.linked];
      expect(ids).toHaveLength(1);
      const entry = c.drive.find(ids[0]);
      expect(entry.mimeType).toBe('application/pdf');
      expect(entry.name).toMatch(/Agenda reports pack – 10 December 2026 \(public\)\.pdf$/);
      expect(entry.sharing.access).toBe('ANYONE_WITH_LINK');
      expect(r.body).toContain(`/papers/${ids[0]}`);
      expect(c.cells('Meetings!J6')[0][0]).toBe('2026-11-23');
      // What the PDF says is searched in the browser test (pdftotext); here, its source Doc.
      expect(c.doc('10 December 2026 (public)').getText()).not.toContain(SECRET);
      expect(c.doc('Agenda – 10 December 2026').getText()).toContain(SECRET);
    },
    90_000,
  );

  testWith('soffice', 'pdftotext')(
    'approved minutes are published without their exempt part',
    () => {
      c.run('generateMinutesDraft', {select: 'Meetings!A6'});
      expect(c.doc('Minutes (draft) – 10 December 2026').getText()).toContain(SECRET);
      let r = c.run('publishPapers', {select: 'Meetings!A6'});
      expect(r.dialog).toMatch(/The minutes are not published: .*Minutes approved on.* date yet/);
      expect(page().body).not.toContain('Minutes (PDF)');
      c.edit('Meetings!K6', '23/11/2026');
      // Publish minutes makes and shares the public minutes; Publish papers lists the same file.
      c.run('publishMinutes', {select: 'Meetings!A6'});
      r = c.run('publishPapers', {select: 'Meetings!A6'});
      const html = page().body as string;
      expect(html).toContain('Minutes (PDF)');
      const id = html.match(/\/papers\/([\w-]+)"[^>]*>Minutes \(PDF\)/)![1];
      expect(c.drive.find(id).name).toMatch(/ – Minutes – 10 December 2026 \(public\)\.pdf$/);
      const dir = mkdtempSync(path.join(tmpdir(), 'minutes-'));
      writeFileSync(path.join(dir, 'm.pdf'), c.drive.bytes(id));
      const text = execFileSync('pdftotext', [path.join(dir, 'm.pdf'), '-'], {encoding: 'utf8'});
      expect(text).toContain('Minutes');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('Exempt items (not for publication)');
      // The public copy it was made from is gone.
      expect(c.docs().filter(d => d.path.endsWith('(being made)') && !d.trashed)).toEqual([]);
    },
    120_000,
  );

  testWith('soffice')(
    'an item marked confidential after publishing takes the agenda off the page at the next publish',
    () => {
      expect(page().body).toContain('Agenda pack (PDF)');
      const shared = (page().body as string).match(/\/papers\/([\w-]+)"[^>]*>Agenda pack/)![1];
      const items = c.rows('Agenda') as Record<string, unknown>[];
      const k = items.findIndex(
        i =>
          i['Meeting date'] === '2026-12-10' &&
          i.Confidential === 'No' &&
          String(i.Title).length > 10,
      );
      c.edit(`Agenda!I${k + 2}`, 'Yes');
      const r = c.run('publishPapers', {select: 'Meetings!A6'});
      expect(r.out).toContain('so it was taken off the public page');
      expect(page().body).not.toContain('Agenda pack (PDF)');
      expect(c.drive.find(shared).trashed).toBe(true);
      c.edit(`Agenda!I${k + 2}`, 'No');
    },
  );

  test('nothing on the page but dates, venues, statuses and public links', () => {
    const html = page().body as string;
    expect(html).not.toContain(SECRET);
    const members = c.rows('Members') as {Email: string; Phone: string}[];
    for (const m of members) {
      if (m.Email) expect(html).not.toContain(m.Email);
      if (m.Phone) expect(html).not.toContain(String(m.Phone));
    }
  });

  test("past meetings list their decisions; an exempt item's decision, a contact detail or a confidential title never", () => {
    c.load({
      Agenda: [
        {
          'Meeting date': '2026-09-10',
          'Item no.': 9,
          Section: 'Exempt items',
          Title: 'Care home closure: Elm Lodge',
          Purpose: 'To decide',
          Confidential: 'Yes',
        },
      ],
      Decisions: [
        {
          'Meeting date': '2026-09-10',
          'Minute no.': '9',
          Item: 'Care home closure: Elm Lodge',
          Decision: 'Agreed to serve notice on Elm Lodge.',
          Type: 'Resolved',
        },
        {
          'Meeting date': '2026-09-10',
          'Minute no.': '7',
          Item: 'Any other business',
          Decision: 'Noted the update on care home closure: Elm Lodge.',
          Type: 'Noted',
        },
        {
          'Meeting date': '2026-09-10',
          'Minute no.': '8',
          Item: 'Provider forum',
          Decision: 'Agreed that providers call Sam on 01632 960 123 to join.',
          Type: 'Resolved',
        },
      ],
    });
    const html = page().body as string;
    expect(html).toContain('<h2 id="decisions">Decisions of past meetings</h2>');
    expect(html).toContain('<h3 id="decisions-2026-02-12">Thursday 12 February 2026</h3>');
    expect(html).toContain(
      '<strong>Minute 4: Homecare framework: Lot 2 uplift.</strong> Recommended a 6% uplift',
    );
    expect(html).toContain('Agreed the draft market position statement for consultation');
    expect(html).toContain(
      '<a href="#decisions-2026-09-10" aria-label="Decisions of Thursday 10 September 2026">Decisions</a>',
    );
    expect(html).not.toMatch(/Elm Lodge/i);
    expect(html).not.toContain('01632 960 123');
    // Later meetings first, as in the table.
    expect(html.indexOf('decisions-2026-09-10">')).toBeLessThan(
      html.indexOf('decisions-2026-02-12">'),
    );
  });

  test('a malformed or unknown query is ignored: the page', () => {
    for (const q of ['%E0%A4%A', 'format=pdf', 'format', '&&==', 'x=<script>'])
      expect(runDoGet(c.ws, q).body).toContain('<caption>Upcoming meetings');
  });

  test('service calls of one page: the same with 6 or 60 past meetings', () => {
    c.ws.ctx.stats.reset();
    page();
    const few = c.ws.ctx.stats.toJSON();
    const rows = Array.from({length: 54}, (_, k) => ({
      'Meeting date': `20${10 + Math.floor(k / 6)}-0${1 + (k % 6)}-15`,
      'Start time': '10:00',
      'End time': '12:00',
      Venue: 'Room 2',
      Type: 'Ordinary',
      Status: 'Held',
    }));
    c.load({Meetings: rows});
    c.ws.ctx.stats.reset();
    const html = page().body as string;
    const many = c.ws.ctx.stats.toJSON();
    expect(html).toContain('Monday 15 March 2010');
    expect(many.total).toBe(few.total);
    // One read of each tab it shows (Settings, Meetings, Decisions, Agenda: 2 calls each), the
    // published list (2), the HTML output (3), the web app's address (ScriptApp.getService, 1),
    // the workbook (1).
    expect(many.calls['Range.getValues']).toBe(4);
    expect(many.total).toBeLessThanOrEqual(15);

    console.log(`doGet page: ${few.total} calls ${JSON.stringify(few.calls)}`);
  });
});

describe('calendar feed', () => {
  test('?format=ics: RFC 5545 text with a VTIMEZONE, stable UIDs, local DTSTART, statuses', () => {
    c.ws.ctx.stats.reset();
    const r = runDoGet(c.ws, 'format=ics');
    const stats = c.ws.ctx.stats.toJSON();

    console.log(`doGet feed: ${stats.total} calls ${JSON.stringify(stats.calls)}`);
    expect(r.type).toBe('text/calendar; charset=utf-8');
    const ics = r.body as string;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London');
    expect(ics).toContain('DTSTART;TZID=Europe/London:20261210T100000');
    expect(ics).toContain('DTEND;TZID=Europe/London:20261210T120000');
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toMatch(/UID:meeting-20261210@[\w-]+\.committee-clerk\r\n/);
    expect(ics).toContain('STATUS:TENTATIVE'); // the provisional March 2027 meeting
    expect(ics).toContain('LOCATION:Room 2\\, Northfield Civic Centre');
    const stable = (t: string) => t.replace(/DTSTAMP:\w+/g, '');
    expect(stable(runDoGet(c.ws, 'format=ics').body as string)).toBe(stable(ics));
    expect(stats.total).toBeLessThanOrEqual(9);
    expect(ics).not.toContain(SECRET);
  });

  test('a cancelled meeting is STATUS:CANCELLED under the same UID', () => {
    const before = runDoGet(c.ws, 'format=ics').body as string;
    const uid = before.replace(/\r\n /g, '').match(/UID:meeting-20270311@\S+/)![0];
    c.edit('Meetings!F7', 'Cancelled');
    const after = (runDoGet(c.ws, 'format=ics').body as string).replace(/\r\n /g, '');
    const event = after.split('BEGIN:VEVENT').find(e => e.includes(uid))!;
    expect(event).toContain('STATUS:CANCELLED');
    expect(runDoGet(c.ws, '').body).toContain('No papers: meeting cancelled');
  });

  test('folding at 75 octets without splitting a character; TEXT escaping', () => {
    const long = `SUMMARY:${'é'.repeat(60)}`;
    const folded = foldLine(long);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i ? l.slice(1) : l))
        .join(''),
    ).toBe(long);
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const feed = meetingsFeed(
      [
        {
          row: 2,
          date: '2026-07-02',
          start: null,
          end: null,
          venue: '',
          type: 'Extra',
          status: 'Confirmed',
          agendaAgreedBy: null,
          reportDeadline: null,
          despatchBy: null,
          agendaPublishedOn: null,
          minutesApprovedOn: null,
          agendaLink: '',
          minutesLink: '',
          notes: '',
        },
      ],
      {group: 'G', timeZone: 'Europe/London', uidDomain: 'x'},
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(feed).toContain('DTSTART;VALUE=DATE:20260702\r\nDTEND;VALUE=DATE:20260703');
    expect(feed).toContain('DTSTAMP:20260101T000000Z');
  });

  test('a damaged publication entry publishes nothing', () => {
    expect(publicationsOf({'published:2026-12-10': '{bad', 'published:x': '{}'}).size).toBe(0);
    expect(
      publicationsOf({'published:2026-12-10': JSON.stringify({agenda: {id: '../etc'}})}).get(
        '2026-12-10',
      ),
    ).toEqual({});
  });
});
