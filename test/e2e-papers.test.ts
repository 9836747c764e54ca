/**
 * Papers end to end: the compiled program (dist/Code.js) in one in-process workspace, driven
 * as an officer would from the Committee menu, and the Docs it writes read back from the
 * emulated Drive. One workbook for every paper keeps the suite quick. Apps Script references: Drive API v3 files.create with import
 * conversion (developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs),
 * Ui.showModalDialog/prompt/alert (developers.google.com/apps-script/reference/base/ui), Utilities.formatDate
 * (developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {paperDocx} from './papers/docx-bytes';
import type {Paper} from '../src/papers/model';
import type {Clerk, Step} from './driver';
import {MEMBERS, MEETING_ROW, SECRET_ITEMS, papersWorkbook} from './papers/fixture';
import {testWith} from './tools';

/** Headings, tables (cell texts), full text and image count of a Doc's body, in order. */
function open(body: any) {
  const headings: string[] = [];
  const tables: string[][][] = [];
  let images = 0;
  for (let k = 0; k < body.getNumChildren(); k++) {
    const el = body.getChild(k);
    const type = String(el.getType());
    if (type === 'TABLE') {
      const t = el.asTable();
      tables.push(
        Array.from({length: t.getNumRows()}, (_, r) =>
          Array.from({length: t.getRow(r).getNumCells()}, (_c, c) => t.getCell(r, c).getText()),
        ),
      );
    } else if (type === 'PARAGRAPH') {
      const p = el.asParagraph();
      if (String(p.getHeading()) !== 'NORMAL') headings.push(`${p.getHeading()}: ${p.getText()}`);
      images += p.getNumChildren()
        ? Array.from({length: p.getNumChildren()}, (_, i) =>
            String(p.getChild(i).getType()),
          ).filter(t => t === 'INLINE_IMAGE').length
        : 0;
    }
  }
  return {headings, tables, text: body.getText() as string, images};
}

let c: Clerk;
/** Document.getAs('application/pdf') goes through LibreOffice in the emulator (issue 3). */
const pdfTest = testWith('soffice');
const FULL = 'Adults Committee – Agenda – 8 October 2020';
const PUBLIC = 'Adults Committee – Agenda – 8 October 2020 (public)';
const meeting = {select: `Meetings!A${MEETING_ROW}`};
const docNamed = (end: string) => open(c.doc(end));

// One workbook for the whole file: each test runs its menu item on it, then reads the result.
beforeAll(async () => {
  c = await papersWorkbook();
});

function templatePaper(leadPlaceholder: string, extra = ''): Paper {
  return {
    kind: 'Agenda',
    name: 'Agenda template',
    blocks: [
      {kind: 'title', text: '{{group_name}}'},
      {
        kind: 'paragraph',
        text: 'Agenda for {{meeting_date|EEEE d MMMM yyyy}} at {{start_time}}, {{venue}}',
      },
      {kind: 'paragraph', text: '{{#if not is_public}}'},
      {kind: 'paragraph', text: 'NOT FOR PUBLICATION: this version includes exempt items.'},
      {kind: 'paragraph', text: '{{/if}}'},
      {
        kind: 'table',
        header: true,
        rows: [
          ['No.', 'Item', 'Lead officer'],
          ['{{#items}}{{no}}', '{{title}}', `${leadPlaceholder}{{/items}}`],
        ],
      },
      {kind: 'paragraph', text: `Clerk: {{clerk_name}} ({{clerk_email}})${extra}`},
    ],
  };
}

describe('Generate agenda pack', () => {
  let pack: Step;
  let again: Step;
  let firstDocs: string[];
  let fullAgenda: ReturnType<typeof open>;
  let publicAgenda: ReturnType<typeof open>;
  let after: {link: unknown; folderId: unknown; live: string[]; trashed: number};
  beforeAll(() => {
    pack = c.run('generateAgendaPack', meeting);
    firstDocs = c.docs().map(d => d.path);
    fullAgenda = docNamed(FULL);
    publicAgenda = docNamed(PUBLIC);
    again = c.run('generateAgendaPack', meeting);
    const agendas = c.docs().filter(d => d.path.includes('Agenda'));
    after = {
      link: c.value(`Meetings!L${MEETING_ROW}`),
      folderId: c.value(`Settings!B${c.settingRow('Papers folder id')}`),
      live: agendas
        .filter(d => !d.trashed)
        .map(d => d.path.split('/').pop()!)
        .sort(),
      trashed: agendas.filter(d => d.trashed).length,
    };
  });
  const first = () => pack;

  test('makes the full and the public agenda in the meeting folder, within 60 service calls', () => {
    expect(firstDocs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /2020-10-08 Adults Committee\/Adults Committee – Agenda – 8 October 2020$/,
        ),
        expect.stringMatching(
          /2020-10-08 Adults Committee\/Adults Committee – Agenda – 8 October 2020 \(public\)$/,
        ),
      ]),
    );
    expect(first().dialog).toMatch(
      /<a href="https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit"[^>]*>Adults Committee – Agenda – 8 October 2020 \(public\)<\/a>/,
    );
    // The agenda Docs, the action log Doc and the two agenda reports pack PDFs (issue 14); each
    // Doc's .docx is 7 parts, one Utilities.newBlob each, zipped by Utilities.zip (8 calls a Doc).
    expect(first().stats.total).toBeLessThanOrEqual(81);
  });

  test('full version: heading block, numbered items in section order, exempt part after the resolution, membership', () => {
    const doc = fullAgenda;
    expect(doc.headings[0]).toBe('TITLE: Adults Committee');
    expect(doc.tables[0].slice(1, 4)).toEqual([
      ['Date', 'Thursday 8 October 2020'],
      ['Time', '10:00 to 12:30'],
      ['Venue', 'Council Chamber, County Hall'],
    ]);
    const items = doc.tables[1];
    expect(items[0]).toEqual(['No.', 'Item', 'Purpose', 'Lead officer', 'Paper']);
    expect(items.map(r => r[0] || r[1].slice(0, 30))).toEqual([
      'No.',
      'CONSTITUTIONAL MATTERS',
      '1',
      '2',
      'KEY DECISIONS',
      '3',
      'INFORMATION AND MONITORING',
      '4',
      'EXEMPT ITEMS: EXCLUSION OF THE',
      'To resolve that, under Section',
      '5',
      '6',
    ]);
    expect(items.find(r => r[0] === '4')).toEqual([
      '4',
      'Quarterly quality report',
      'To note',
      'Head of Quality',
      'To follow',
    ]);
    expect(items.find(r => r[0] === '5')?.[1]).toBe('Fee uplift for named residents of Elm House');
    expect(doc.headings).toContain('HEADING2: Membership');
    const members = doc.tables[2];
    expect(members.map(r => r.slice(0, 2))).toEqual([
      ['Name', 'Role'],
      ['Ann Able', 'Chair'],
      ['Ben Brook', 'Vice-chair'],
      ['Cat Cole', 'Member'],
      ['Dan Dee', 'Member'],
    ]);
    // Contact details only in the clerk's block (issue 14): no member email or phone.
    expect(members[1]).toEqual(['Ann Able', 'Chair', 'Able Care Ltd']);
    expect(doc.text).toContain(
      'Clerk to the Adults Committee: Kim Clerk, clerk@example.org, 01632 960123.',
    );
  });

  test('public version: no text of any confidential item, no member email or phone', () => {
    const doc = publicAgenda;
    for (const s of SECRET_ITEMS)
      for (const f of ['Title', 'Notes', 'Lead officer'] as const)
        expect(doc.text).not.toContain(String(s[f]));
    for (const m of MEMBERS) {
      expect(doc.text).not.toContain(String(m.Email));
      expect(doc.text).not.toContain(String(m.Phone));
    }
    expect(doc.text).toContain(
      '2 exempt items (paragraph 3 of Schedule 12A): details are not published.',
    );
    expect(doc.tables[1].filter(r => /^\d+$/.test(r[0])).map(r => r[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
  });

  test('the link goes back to the Meetings row and the new papers folder id to Settings', () => {
    expect(after.link).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit$/);
    expect(after.folderId).toMatch(/^[\w-]{10,}$/);
  });

  test('regenerating replaces the Docs instead of piling up copies', () => {
    expect(again.dialog).toContain('replaced the earlier version');
    expect(after.live).toEqual([
      'Adults Committee – Agenda – 8 October 2020',
      'Adults Committee – Agenda – 8 October 2020 (public)',
    ]);
    // Written into the same Docs (same ids), so nothing goes to the bin (issue 14).
    expect(after.trashed).toBe(0);
    expect(again.stats.total).toBeLessThanOrEqual(81);
  });
});

describe('other papers', () => {
  test('minutes draft: attendance, declarations, numbered minutes, actions table', () => {
    const minutes = c.run('generateMinutesDraft', {select: 'Meetings!B2'});
    const doc = docNamed('Adults Committee – Minutes (draft) – 9 July 2020');
    expect(doc.tables[0][1]).toEqual(['Date', 'Thursday 9 July 2020']);
    expect(doc.tables[1]).toEqual([
      ['Member', 'Role', 'Attendance'],
      ['Ann Able', 'Chair', 'Present'],
      ['Ben Brook', 'Vice-chair', 'Apologies'],
      ['Cat Cole', 'Member', 'Apologies; Sue Stand-in attended as substitute'],
      ['Dan Dee', 'Member', 'Present'],
    ]);
    expect(doc.text).toContain('Officers in attendance: Lee Officer');
    expect(doc.tables[2]).toEqual([
      ['Member', 'Interest', 'Item / note'],
      ['Dan Dee', 'Director of a provider bidding for lot 2', 'Declared at the meeting'],
    ]);
    expect(doc.headings).toEqual([
      'TITLE: Adults Committee',
      'HEADING2: Membership and attendance',
      'HEADING2: Declarations of interest',
      'HEADING3: 1. Carers strategy',
      'HEADING2: Actions arising',
    ]);
    expect(doc.tables[3][0]).toEqual([
      'Minute no.',
      'Action',
      'Action to be taken by',
      'Review date',
    ]);
    expect(minutes.out).toMatch(/dialog: Minutes draft/);
  });

  test('action log: opening lines, grouped by meeting oldest first, closed-since-last-meeting shown once', () => {
    c.run('generateActionLog', {select: 'Meetings!A3'});
    const doc = docNamed('Adults Committee – Action log – 8 October 2020');
    expect(doc.text).toContain(
      'This log captures the actions arising up to the meeting on 8 October 2020 and updates members on progress.',
    );
    expect(doc.text).toContain('Updated as at 21 September 2020.');
    expect(doc.headings.filter(h => h.startsWith('HEADING2'))).toEqual([
      'HEADING2: Meeting of 2 April 2020',
      'HEADING2: Meeting of 9 July 2020',
    ]);
    expect(doc.tables[0]).toEqual([
      [
        'Minute no.',
        'Report title',
        'Action to be taken by',
        'Action',
        'Comments',
        'Status',
        'Review date',
      ],
      ['7', 'Homecare', 'Dan Dee', 'Review homecare rates', '', 'Ongoing', '30/11/2020'],
    ]);
    expect(doc.tables[1].slice(1).map(r => [r[3], r[4], r[5]])).toEqual([
      ['Publish the carers strategy', '', 'Open'],
      ['Write to the regulator', 'Closed on 15/08/2020.', 'Closed'],
    ]);
    expect(doc.text).not.toContain('Closed long ago');
  });

  test('report cover: cover table, sections 1–5 and implications 4.1–4.7, clearances', () => {
    c.run('generateReportCover', {select: 'Agenda!D4'});
    const doc = docNamed(
      'Adults Committee – Report – Recommissioning of supported living – 8 October 2020',
    );
    expect(doc.tables[0].map(r => r[0])).toEqual([
      'To',
      'Meeting date',
      'From',
      'Electoral division(s)',
      'Forward plan ref',
      'Key decision',
      'Outcome',
      'Recommendation',
      'Officer contact',
      'Member contacts',
    ]);
    expect(doc.tables[0][4][1]).toBe('KD2020/15');
    expect(doc.tables[0][5][1]).toBe('Yes');
    expect(
      doc.headings
        .filter(h => /^HEADING[23]: \d/.test(h))
        .map(h => h.replace(/^HEADING\d: /, '').split(' ')[0]),
    ).toEqual(['1', '2', '3', '4', '4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '5']);
    expect(doc.tables[1][0]).toEqual(['Clearance', 'Yes / No', 'Name of officer']);
  });

  test('forward plan: meetings from today, provisional marked, items to be programmed, exempt titles withheld', () => {
    c.run('generateForwardPlan');
    const doc = docNamed('Adults Committee – Forward plan – 21 September 2020');
    // The council layout (issue 16 item 6): one table by committee date, then reserve dates.
    expect(doc.headings.filter(h => h.startsWith('HEADING2'))).toEqual([
      'HEADING2: Reserve dates',
      'HEADING2: To be programmed',
    ]);
    expect(doc.text).toContain('Thursday 14 January 2021 (provisional)');
    expect(doc.text).not.toContain('Homecare provider failure');
    expect(doc.text).toContain('Exempt item (details withheld)');
    expect(doc.text).not.toContain('Director of Commissioning');
    expect(doc.tables[doc.tables.length - 1]).toEqual([
      ['Item', 'Lead officer', 'Reference if key decision'],
      ['Market position statement refresh', 'Mo Planner', 'Not applicable'],
    ]);
  });

  test('annual report: meetings, attendance, topics, actions with a chart image', () => {
    const annual = c.run('generateAnnualReport', {answers: ['2020']});
    const doc = docNamed('Adults Committee – Annual report – 2020');
    expect(doc.headings.filter(h => h.startsWith('HEADING2'))).toEqual([
      "HEADING2: Chair's foreword",
      "HEADING2: The year's work",
      'HEADING2: Meetings held',
      'HEADING2: Attendance',
      'HEADING2: Decisions taken',
      'HEADING2: Topics',
      'HEADING2: Actions',
      'HEADING2: Contracts and money overseen',
      'HEADING2: Position on 21 September 2020',
      'HEADING2: Plan for 2021',
    ]); // no plan periods on the Cash flow tab: its summary block is not read as periods (issue 10)
    expect(doc.text).toContain('The Adults Committee met 1 time in 2020.');
    expect(doc.tables[1]).toContainEqual(['Cat Cole', '0', '1', '0', '0', '100%']);
    expect(doc.images).toBe(1); // actions by status
    expect(annual.out).toMatch(/Generating 1 of 1…/);
  });

  test('bad input: plain messages, and no Doc made', () => {
    const noItems = c.run('generateAgendaPack', {select: 'Meetings!A4'});
    const noDate = c.run('generateAgendaPack', {select: 'Meetings!A5'});
    const badYear = c.run('generateAnnualReport', {answers: ['last year']});
    expect(noItems.out).toContain('alert: The meeting on 14 January 2021 has no agenda items.');
    expect(noDate.out).toContain(
      'alert: Meetings row 5 has no Meeting date. Type the date in the Meeting date column, then try again.',
    );
    expect(badYear.out).toContain(
      'alert: "last year" is not a year. Type a year such as 2023, or a range such as 2019-2024.',
    );
    expect(c.docs().filter(d => /14 January 2021/.test(d.path))).toEqual([]);
  });

  test('Build agenda for selected meeting: standing items added once, numbered in order', () => {
    const build = c.run('buildAgendaForSelectedMeeting', {select: 'Meetings!A4'});
    const buildAgain = c.run('buildAgendaForSelectedMeeting', {select: 'Meetings!A4'});
    const rows = c
      .cells('Agenda!A1:J20')
      .filter(r => r[0] === '2021-01-14')
      .map(r => `${r[1]} ${r[2]} ${r[3]} ${r[9]}`);
    expect(rows).toEqual([
      '1 Constitutional matters Apologies for absence and declarations of interest Yes',
      '2 Constitutional matters Minutes of the previous meeting Yes',
      '3 Constitutional matters Action log Yes',
      '4 Information and monitoring Forward agenda plan Yes',
      '5 Information and monitoring Date of next meeting Yes',
    ]);
    expect(build.out).toContain('Added 5 standing items; numbered 5 items for 14 January 2021.');
    expect(buildAgain.out).toContain('numbered 5 items for 14 January 2021.');
    expect(buildAgain.out).not.toContain('Added');
  });

  // An officer's template: added to the Drive, named in Settings, checked, then used.
  let template: string;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'papers-templates-'));
    writeFileSync(path.join(dir, 'good.docx'), paperDocx(templatePaper('{{lead_officer}}')));
    writeFileSync(
      path.join(dir, 'bad.docx'),
      paperDocx(templatePaper('{{lead_oficer}}', '{{#if has_exempt}}')),
    );
    await c.addFile(path.join(dir, 'good.docx'), 'goodTemplate0001');
    await c.addFile(path.join(dir, 'bad.docx'), 'badTemplate00001');
    template = `Settings!B${c.settingRow('Agenda template id')}`;
  });

  test('an officer template: checked, then filled (fields, formats, repeated rows, if-blocks)', () => {
    c.edit(template, 'goodTemplate0001');
    expect(c.run('checkTemplates').out).toContain('Agenda: template OK.');
    c.run('generateAgendaPack', meeting);
    const [full, pub] = [docNamed(FULL), docNamed(PUBLIC)];
    expect(full.text).toContain(
      'Agenda for Thursday 8 October 2020 at 10:00, Council Chamber, County Hall',
    );
    expect(full.text).toContain('NOT FOR PUBLICATION: this version includes exempt items.');
    expect(full.tables[0].map(r => r[0])).toEqual(['No.', '1', '2', '3', '4', '5', '6']);
    expect(full.tables[0][3]).toEqual(['3', 'Recommissioning of supported living', 'Lee Officer']);
    expect(pub.text).not.toContain('NOT FOR PUBLICATION');
    expect(pub.text).not.toMatch(/\{\{|\}\}/);
    expect(pub.tables[0].map(r => r[0])).toEqual(['No.', '1', '2', '3', '4']);
    for (const s of SECRET_ITEMS) expect(pub.text).not.toContain(String(s.Title));
    expect(pub.text).toContain('Clerk: Kim Clerk (clerk@example.org)');
  });

  test('a template with an unknown placeholder and an unclosed block is refused, and no Doc is made', () => {
    c.edit(template, 'badTemplate00001');
    const checkBad = c.run('checkTemplates');
    const packBad = c.run('generateAgendaPack', meeting);
    expect(checkBad.out).toMatch(/Agenda: 2 problems:/);
    expect(checkBad.out).toContain('unknown placeholder {{lead_oficer}} inside {{#items}}');
    expect(checkBad.out).toContain('{{#if has_exempt}} is not closed with {{/if}}.');
    expect(packBad.out).toContain(
      'alert: The template in "Agenda template id" needs fixing before papers can be made from it:',
    );
    expect(packBad.out).not.toMatch(/dialog: /);
  });

  pdfTest('Export PDF puts a PDF beside each paper of the meeting', () => {
    const pdfRun = c.run('exportPdf', {select: 'Meetings!A2'});
    const name = 'Adults Committee – Minutes (draft) – 9 July 2020.pdf';
    const pdf = (c.drive.all() as {id: string; name: string; trashed: boolean}[]).find(
      e => e.name === name && !e.trashed,
    );
    expect(pdf && c.drive.displayPath(pdf)).toBe(
      `Adults Committee papers/2020-07-09 Adults Committee/${name}`,
    );
    expect(Buffer.from(c.drive.bytes(pdf!.id).subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdfRun.dialog).toContain(name);
  });

  test('a papers folder id that no longer exists gets a plain message', () => {
    c.edit(`Settings!B${c.settingRow('Papers folder id')}`, 'folderThatIsGone01');
    expect(c.run('generateForwardPlan').out).toContain(
      'alert: The papers folder named in Settings (Papers folder id "folderThatIsGone01") no longer exists, is in the bin, or is not a folder.',
    );
  });
});
