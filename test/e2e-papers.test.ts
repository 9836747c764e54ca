/**
 * Papers end to end: the compiled program (dist/Code.js) in the emulator, driven through the
 * `clerk` command line as an officer would from the Committee menu, and the Docs it writes
 * opened again and checked. One workbook for every paper keeps the suite quick. Apps Script references: Drive API v3 files.create with import
 * conversion (developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs),
 * Ui.showModalDialog/prompt/alert (developers.google.com/apps-script/reference/base/ui), Utilities.formatDate
 * (developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)).
 */
import {readDocx} from '../emulator/docs/docx-read';
import path from 'node:path';
import {existsSync, statSync, writeFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {paperDocx} from '../src/papers/docx';
import type {Paper} from '../src/papers/model';
import {
  MEMBERS,
  MEETING_ROW,
  SECRET_ITEMS,
  RunResult,
  dialogHtml,
  docBytes,
  driveDocs,
  ok,
  papersBook,
  run,
} from './papers/fixture';

/** Headings, tables (cell texts), full text and image count of a .docx, in order. */
function open(bytes: Uint8Array) {
  const {body} = readDocx(bytes) as unknown as {body: any};
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

let book: string;
const out: Record<string, RunResult> = {};
let after: {link: string; folderId: string; live: string[]; trashed: number};
let firstDocs: string[];
let fullAgenda: ReturnType<typeof open>;
let publicAgenda: ReturnType<typeof open>;
beforeAll(async () => {
  book = await papersBook();
  out.pack = await run(book, 'generateAgendaPack', '--select', `Meetings!A${MEETING_ROW}`);
  firstDocs = driveDocs(book);
  fullAgenda = docNamed(book, 'Adults Committee – Agenda – 8 October 2020.docx');
  publicAgenda = docNamed(book, 'Adults Committee – Agenda – 8 October 2020 (public).docx');
  out.again = await run(book, 'generateAgendaPack', '--select', `Meetings!A${MEETING_ROW}`);
  after = JSON.parse((await inspect(book)).stdout);
  out.minutes = await run(book, 'generateMinutesDraft', '--select', 'Meetings!B2');
  out.log = await run(book, 'generateActionLog', '--select', 'Meetings!A3');
  out.cover = await run(book, 'generateReportCover', '--select', 'Agenda!D4');
  out.plan = await run(book, 'generateForwardPlan');
  out.annual = await run(book, 'generateAnnualReport', '--answer', '2020');
  out.noItems = await run(book, 'generateAgendaPack', '--select', 'Meetings!A4');
  out.noDate = await run(book, 'generateAgendaPack', '--select', 'Meetings!A5');
  out.badYear = await run(book, 'generateAnnualReport', '--answer', 'last year');
  out.build = await run(book, 'buildAgendaForSelectedMeeting', '--select', 'Meetings!A4');
  out.buildAgain = await run(book, 'buildAgendaForSelectedMeeting', '--select', 'Meetings!A4');
  built = JSON.parse((await ok(['get', book, 'Agenda!A1:J20', '--json'])).stdout);
  // An officer's template: added to the Drive, named in Settings, checked, then used.
  const dir = path.dirname(book);
  writeFileSync(path.join(dir, 'good.docx'), paperDocx(templatePaper('{{lead_officer}}')));
  writeFileSync(
    path.join(dir, 'bad.docx'),
    paperDocx(templatePaper('{{lead_oficer}}', '{{#if has_exempt}}')),
  );
  await ok(['drive', book, 'add', path.join(dir, 'good.docx'), '--id', 'goodTemplate0001']);
  await ok(['drive', book, 'add', path.join(dir, 'bad.docx'), '--id', 'badTemplate00001']);
  await setSetting(book, 'Agenda template id', 'goodTemplate0001');
  out.checkGood = await run(book, 'checkTemplates');
  out.fromTemplate = await run(book, 'generateAgendaPack', '--select', `Meetings!A${MEETING_ROW}`);
  await setSetting(book, 'Agenda template id', 'badTemplate00001');
  out.checkBad = await run(book, 'checkTemplates');
  out.packBad = await run(book, 'generateAgendaPack', '--select', `Meetings!A${MEETING_ROW}`);
  if (HAS_LIBREOFFICE) out.pdf = await run(book, 'exportPdf', '--select', 'Meetings!A2');
  await setSetting(book, 'Papers folder id', 'folderThatIsGone01');
  out.folderGone = await run(book, 'generateForwardPlan');
}, 240000);

/** Document.getAs('application/pdf') goes through LibreOffice in the emulator (issue 3). */
const HAS_LIBREOFFICE = spawnSync('which', ['soffice']).status === 0;

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

async function setSetting(b: string, name: string, value: string) {
  const file = path.join(path.dirname(b), 'set.js');
  writeFileSync(
    file,
    `function setSetting(n, v) { var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Settings'); var g = sh.getDataRange().getValues(); for (var r = 1; r < g.length; r++) if (g[r][0] === n) sh.getRange(r + 1, 2).setValue(v); }`,
  );
  await ok(['exec', b, file, '--call', 'setSetting', '--args', JSON.stringify([name, value])]);
}
let built: unknown[][];

/** The agenda link, the papers folder id and the agenda Docs in and out of the bin, in one exec. */
async function inspect(b: string) {
  const file = path.join(path.dirname(b), 'inspect.js');
  writeFileSync(
    file,
    `function inspect() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var link = ss.getSheetByName('Meetings').getRange('L${MEETING_ROW}').getValue();
      var folderId = ss.getSheetByName('Settings').getDataRange().getValues().filter(function (r) { return r[0] === 'Papers folder id'; })[0][1];
      var names = function (q) { return (Drive.Files.list({ q: q }).files || []).map(function (f) { return f.name; }).sort(); };
      return { link: link, folderId: folderId, live: names("name contains 'Agenda' and trashed = false"), trashed: names("name contains 'Agenda' and trashed = true").length };
    }`,
  );
  return ok(['exec', b, file, '--call', 'inspect']);
}

describe('Generate agenda pack', () => {
  const first = () => out.pack;

  test('makes the full and the public agenda in the meeting folder, within 40 service calls', () => {
    expect(firstDocs).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /2020-10-08 Adults Committee\/Adults Committee – Agenda – 8 October 2020\.docx$/,
        ),
        expect.stringMatching(
          /2020-10-08 Adults Committee\/Adults Committee – Agenda – 8 October 2020 \(public\)\.docx$/,
        ),
      ]),
    );
    expect(dialogHtml(first().stdout)).toMatch(
      /<a href="https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit"[^>]*>Adults Committee – Agenda – 8 October 2020 \(public\)<\/a>/,
    );
    expect(first().stats.total).toBeLessThanOrEqual(40);
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
    expect(members[1]).toContain('ann.able@example.org');
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
    expect(doc.text).toContain('2 exempt items: details are not published.');
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
    expect(dialogHtml(out.again.stdout)).toContain('replaced the earlier version');
    expect(after.live).toEqual([
      'Adults Committee – Agenda – 8 October 2020',
      'Adults Committee – Agenda – 8 October 2020 (public)',
    ]);
    expect(after.trashed).toBe(2);
    expect(out.again.stats.total).toBeLessThanOrEqual(40);
  });
});

/** The newest .docx whose name ends so (older generations may still sit in the bin). */
const docNamed = (book: string, end: string) => {
  const root = path.join(book.replace(/\.xlsx$/, '.workspace'), 'drive');
  const hits = driveDocs(book)
    .filter(d => d.endsWith(end))
    .sort((a, b) => statSync(path.join(root, b)).mtimeMs - statSync(path.join(root, a)).mtimeMs);
  if (!hits.length) throw new Error(`no Doc ending "${end}" in ${driveDocs(book).join(', ')}`);
  return open(docBytes(book, hits[0]));
};
describe('other papers', () => {
  test('minutes draft: attendance, declarations, numbered minutes, actions table', () => {
    const doc = docNamed(book, 'Adults Committee – Minutes (draft) – 9 July 2020.docx');
    expect(doc.tables[0][1]).toEqual(['Date', 'Thursday 9 July 2020']);
    expect(doc.tables[1]).toEqual([
      ['Present', 'Ann Able (Chair), Dan Dee'],
      ['Substitutes', 'Sue Stand-in for Cat Cole'],
      ['Apologies', 'Ben Brook (Vice-chair), Cat Cole'],
      ['Absent', 'None'],
      ['Officers in attendance', 'Lee Officer'],
    ]);
    expect(doc.tables[2]).toEqual([
      ['Member', 'Interest declared'],
      ['Dan Dee', 'Director of a provider bidding for lot 2'],
    ]);
    expect(doc.headings).toEqual([
      'TITLE: Adults Committee',
      'HEADING2: Attendance',
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
    expect(out.minutes.stdout).toMatch(/dialog: Minutes draft/);
  });

  test('action log: opening lines, grouped by meeting oldest first, closed-since-last-meeting shown once', () => {
    const doc = docNamed(book, 'Adults Committee – Action log – 8 October 2020.docx');
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
    const doc = docNamed(
      book,
      'Adults Committee – Report – Recommissioning of supported living – 8 October 2020.docx',
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
    expect(doc.tables[1][0]).toEqual(['Clearance', 'Name', 'Date']);
  });

  test('forward plan: meetings from today, provisional marked, items to be programmed, exempt titles withheld', () => {
    const doc = docNamed(book, 'Adults Committee – Forward plan – 21 September 2020.docx');
    expect(doc.headings.filter(h => h.startsWith('HEADING2'))).toEqual([
      'HEADING2: Thursday 8 October 2020',
      'HEADING2: Thursday 14 January 2021 (provisional)',
      'HEADING2: To be programmed',
    ]);
    expect(doc.text).not.toContain('Homecare provider failure');
    expect(doc.text).toContain('Exempt item (details withheld)');
    expect(doc.text).not.toContain('Director of Commissioning');
    expect(doc.tables[doc.tables.length - 1]).toEqual([
      ['Item', 'Lead officer', 'Key decision ref'],
      ['Market position statement refresh', 'Mo Planner', ''],
    ]);
  });

  test('annual report: meetings, attendance, topics, actions with a chart image', () => {
    const doc = docNamed(book, 'Adults Committee – Annual report – 2020.docx');
    expect(doc.headings.filter(h => h.startsWith('HEADING2'))).toEqual([
      'HEADING2: Meetings held',
      'HEADING2: Attendance',
      'HEADING2: Topics',
      'HEADING2: Actions',
      'HEADING2: Contracts and money overseen',
      'HEADING2: Invest-to-save cash flow',
    ]);
    expect(doc.text).toContain('The Adults Committee met 1 time in 2020.');
    expect(doc.tables[1]).toContainEqual(['Cat Cole', '0', '1', '0', '0', '100%']);
    expect(doc.images).toBe(2); // actions by status; cumulative cash flow (the set-up's model)
    expect(out.annual.stdout).toMatch(/Generating 1 of 1…/);
  });

  test('bad input: plain messages, and no Doc made', () => {
    expect(out.noItems.stdout).toContain(
      'alert: The meeting on 14 January 2021 has no agenda items.',
    );
    expect(out.noDate.stdout).toContain(
      'alert: Meetings row 5 has no Meeting date. Type the date in the Meeting date column, then try again.',
    );
    expect(out.badYear.stdout).toContain(
      'alert: "last year" is not a year. Type a year such as 2023, or a range such as 2019-2024.',
    );
    expect(driveDocs(book).filter(d => /14 January 2021/.test(d))).toEqual([]);
  });

  test('Build agenda for selected meeting: standing items added once, numbered in order', () => {
    const rows = built
      .filter(r => r[0] === '2021-01-14')
      .map(r => `${r[1]} ${r[2]} ${r[3]} ${r[9]}`);
    expect(rows).toEqual([
      '1 Constitutional matters Apologies for absence and declarations of interest Yes',
      '2 Constitutional matters Minutes of the previous meeting Yes',
      '3 Constitutional matters Action log Yes',
      '4 Information and monitoring Forward agenda plan Yes',
      '5 Information and monitoring Date of next meeting Yes',
    ]);
    expect(out.build.stdout).toContain(
      'Added 5 standing items; numbered 5 items for 14 January 2021.',
    );
    expect(out.buildAgain.stdout).toContain('numbered 5 items for 14 January 2021.');
    expect(out.buildAgain.stdout).not.toContain('Added');
  });

  test('an officer template: checked, then filled (fields, formats, repeated rows, if-blocks)', () => {
    expect(out.checkGood.stdout).toContain('Agenda: template OK.');
    const full = docNamed(book, 'Adults Committee – Agenda – 8 October 2020.docx');
    const pub = docNamed(book, 'Adults Committee – Agenda – 8 October 2020 (public).docx');
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
    expect(out.checkBad.stdout).toMatch(/Agenda: 2 problems:/);
    expect(out.checkBad.stdout).toContain('unknown placeholder {{lead_oficer}} inside {{#items}}');
    expect(out.checkBad.stdout).toContain('{{#if has_exempt}} is not closed with {{/if}}.');
    expect(out.packBad.stdout).toContain(
      'alert: The template in "Agenda template id" needs fixing before papers can be made from it:',
    );
    expect(out.packBad.stdout).not.toMatch(/dialog: /);
  });

  (HAS_LIBREOFFICE ? test : test.skip)(
    'Export PDF puts a PDF beside each paper of the meeting',
    () => {
      const pdf = path.join(
        book.replace(/\.xlsx$/, '.workspace'),
        'drive',
        'Adults Committee papers',
        '2020-07-09 Adults Committee',
        'Adults Committee – Minutes (draft) – 9 July 2020.pdf',
      );
      expect(existsSync(pdf)).toBe(true);
      expect(dialogHtml(out.pdf.stdout)).toContain(
        'Adults Committee – Minutes (draft) – 9 July 2020.pdf',
      );
    },
  );

  test('a papers folder id that no longer exists gets a plain message', () => {
    expect(out.folderGone.stdout).toContain(
      'alert: The papers folder named in Settings (Papers folder id "folderThatIsGone01") no longer exists, is in the bin, or is not a folder.',
    );
  });
});
