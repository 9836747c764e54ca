/**
 * Papers end to end: the compiled program (dist/Code.js) in the emulator, driven through the
 * `clerk` command line as an officer would from the Committee menu, and the Docs it writes
 * opened again and checked. Apps Script references: Drive API v3 files.create with import
 * conversion (developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs),
 * Ui.showModalDialog (developers.google.com/apps-script/reference/base/ui), Utilities.formatDate
 * (developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).
 */
import { readDocx } from '../emulator/docs/docx-read';
import { ok } from './governance/clerk';
import { MEMBERS, MEETING_ROW, SECRET_ITEMS, dialogHtml, docBytes, driveDocs, driveNames, papersBook, run } from './papers/fixture';

/** Paragraph texts (with heading) and tables (cell texts) of a .docx, in order. */
function open(bytes: Uint8Array) {
  const { body } = readDocx(bytes) as unknown as { body: any };
  const blocks: ({ p: string; h: string } | { t: string[][] })[] = [];
  for (let k = 0; k < body.getNumChildren(); k++) {
    const el = body.getChild(k);
    const type = String(el.getType());
    if (type === 'TABLE') {
      const t = el.asTable();
      const rows: string[][] = [];
      for (let r = 0; r < t.getNumRows(); r++) {
        const row = t.getRow(r);
        rows.push(Array.from({ length: row.getNumCells() }, (_, c) => row.getCell(c).getText()));
      }
      blocks.push({ t: rows });
    } else if (type === 'PARAGRAPH') blocks.push({ p: el.asParagraph().getText(), h: String(el.asParagraph().getHeading()) });
  }
  const text = body.getText() as string;
  return { blocks, text, headings: blocks.filter((b): b is { p: string; h: string } => 'p' in b && b.h !== 'NORMAL').map((b) => `${b.h}: ${b.p}`), tables: blocks.filter((b): b is { t: string[][] } => 't' in b).map((b) => b.t) };
}

describe('Generate agenda pack', () => {
  let book: string;
  let first: ReturnType<typeof run>;
  beforeAll(async () => {
    book = await papersBook();
    first = run(book, 'generateAgendaPack', '--select', `Meetings!A${MEETING_ROW}`);
  });

  test('makes the full and the public agenda in the meeting folder, within 40 service calls', () => {
    const docs = driveDocs(book);
    expect(docs).toEqual(expect.arrayContaining([expect.stringMatching(/2020-10-08 Adults Committee\/Adults Committee – Agenda – 8 October 2020\.docx$/), expect.stringMatching(/2020-10-08 Adults Committee\/Adults Committee – Agenda – 8 October 2020 \(public\)\.docx$/)]));
    expect(dialogHtml(first.stdout)).toMatch(/<a href="https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit"[^>]*>Adults Committee – Agenda – 8 October 2020 \(public\)<\/a>/);
    expect(first.stats.total).toBeLessThanOrEqual(40);
  });

  test('full version: heading block, numbered items in section order, exempt part after the resolution, membership', () => {
    const rel = driveDocs(book).find((d) => d.endsWith('8 October 2020.docx'))!;
    const doc = open(docBytes(book, rel));
    expect(doc.headings[0]).toBe('TITLE: Adults Committee');
    expect(doc.tables[0].slice(1, 4)).toEqual([['Date', 'Thursday 8 October 2020'], ['Time', '10:00 to 12:30'], ['Venue', 'Council Chamber, County Hall']]);
    const items = doc.tables[1];
    expect(items[0]).toEqual(['No.', 'Item', 'Purpose', 'Lead officer', 'Paper']);
    expect(items.map((r) => r[0] || r[1].slice(0, 30))).toEqual([
      'No.', 'CONSTITUTIONAL MATTERS', '1', '2', 'KEY DECISIONS', '3', 'INFORMATION AND MONITORING', '4',
      'EXEMPT ITEMS: EXCLUSION OF THE', 'To resolve that, under Section', '5', '6',
    ]);
    expect(items.find((r) => r[0] === '4')).toEqual(['4', 'Quarterly quality report', 'To note', 'Head of Quality', 'To follow']);
    expect(items.find((r) => r[0] === '5')?.[1]).toBe('Fee uplift for named residents of Elm House');
    expect(doc.headings).toContain('HEADING2: Membership');
    const members = doc.tables[2];
    expect(members.map((r) => r.slice(0, 2))).toEqual([['Name', 'Role'], ['Ann Able', 'Chair'], ['Ben Brook', 'Vice-chair'], ['Cat Cole', 'Member'], ['Dan Dee', 'Member']]);
    expect(members[1]).toContain('ann.able@example.org');
    expect(doc.text).toContain('Clerk to the Adults Committee: Kim Clerk, clerk@example.org, 01632 960123.');
  });

  test('public version: no text of any confidential item, no member email or phone', () => {
    const rel = driveDocs(book).find((d) => d.endsWith('(public).docx'))!;
    const doc = open(docBytes(book, rel));
    for (const s of SECRET_ITEMS) for (const f of ['Title', 'Notes', 'Lead officer'] as const) expect(doc.text).not.toContain(String(s[f]));
    for (const m of MEMBERS) {
      expect(doc.text).not.toContain(String(m.Email));
      expect(doc.text).not.toContain(String(m.Phone));
    }
    expect(doc.text).toContain('2 exempt items: details are not published.');
    expect(doc.tables[1].filter((r) => /^\d+$/.test(r[0])).map((r) => r[0])).toEqual(['1', '2', '3', '4']);
  });

  test('the link goes back to the Meetings row and the new papers folder id to Settings', () => {
    const link = JSON.parse(ok(['get', book, `Meetings!L${MEETING_ROW}`, '--json']).stdout)[0][0];
    expect(link).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit$/);
    const settings = JSON.parse(ok(['get', book, 'Settings!A1:B80', '--json']).stdout) as string[][];
    expect(settings.find((r) => r[0] === 'Papers folder id')?.[1]).toMatch(/^[\w-]{10,}$/);
  });

  test('regenerating replaces the Docs instead of piling up copies', () => {
    const again = run(book, 'generateAgendaPack', '--select', `Meetings!A${MEETING_ROW}`);
    expect(dialogHtml(again.stdout)).toContain('replaced the earlier version');
    expect(driveNames(book, "name contains 'Agenda' and trashed = false")).toEqual(['Adults Committee – Agenda – 8 October 2020', 'Adults Committee – Agenda – 8 October 2020 (public)']);
    expect(driveNames(book, "name contains 'Agenda' and trashed = true")).toHaveLength(2);
    expect(again.stats.total).toBeLessThanOrEqual(40);
  });
});
