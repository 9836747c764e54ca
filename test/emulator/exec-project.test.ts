/**
 * `clerk exec` runs an Apps Script project written like the common public merge scripts
 * (test/fixtures/exec-project), unchanged: getValues, setValue one cell at a time, a template
 * Doc copied by id into a folder by id (DriveApp.File.makeCopy), {{PLACEHOLDERS}} filled with
 * Body.replaceText, a table row per item (TableRow.copy, Table.insertTableRow), a PDF where
 * LibreOffice is installed, and a link mailed with MailApp.sendEmail.
 * References: developers.google.com/apps-script/reference/drive/file#makeCopy(String,Folder),
 * /document/body#replaceText(String,String), /document/table#insertTableRow(Integer,TableRow),
 * /mail/mail-app#sendEmail(String,String,String).
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {unzipSync, strFromU8} from 'fflate';
import {Document, Packer, Paragraph, HeadingLevel, Table, TableRow, TableCell, TextRun} from 'docx';
import {main} from '../../emulator/cli';
import {BufferIo} from '../../emulator/services/io';
import {have} from '../tools';

const PROJECT = path.join(__dirname, '..', 'fixtures', 'exec-project');
const TEMPLATE_ID = '1TemplateLettersExampleOrg000000000000000001';

async function clerk(...argv: string[]) {
  const io = new BufferIo();
  const code = await main(argv, io);
  return {code, out: io.stdout, err: io.stderr};
}

function docxText(file: string): {paragraphs: string[]; tableRows: string[][]} {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']);
  const text = (s: string) =>
    [...s.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(m => m[1]).join('');
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...body.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)]
    .map(m => text(m[0]))
    .filter(Boolean);
  const tableRows = [...xml.matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map(r =>
    [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(c => text(c[0])),
  );
  return {paragraphs, tableRows};
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap(f =>
    statSync(path.join(dir, f)).isDirectory() ? filesUnder(path.join(dir, f)) : [path.join(dir, f)],
  );
}

test('a public-style merge project runs unchanged and its outputs are right', async () => {
  const hasLibreOffice = have('soffice');
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-exec-'));
  const book = path.join(dir, 'letters.xlsx');
  const template = path.join(dir, 'Letter template.docx');
  const cell = (t: string, bold = false) =>
    new TableCell({children: [new Paragraph({children: [new TextRun({text: t, bold})]})]});
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({text: 'Letter to {{NAME}}', heading: HeadingLevel.HEADING_1}),
          new Paragraph('Dear {{NAME}} of {{ORGANISATION}},'),
          new Paragraph('The committee meets on {{MEETING_DATE}}. The agenda:'),
          new Table({
            rows: [
              new TableRow({children: [cell('No.', true), cell('Item', true)]}),
              new TableRow({children: [cell('{{ITEM_NO}}'), cell('{{ITEM}}')]}),
            ],
          }),
          new Paragraph('Yours sincerely, the Secretariat'),
        ],
      },
    ],
  });
  writeFileSync(template, await Packer.toBuffer(doc));

  const io = (r: {code: number; err: string[]}) => {
    if (r.code !== 0) throw new Error(r.err.join('\n'));
  };
  process.env.CLERK_CODE = path.join(PROJECT, 'Code.gs'); // `new` runs nothing of ours: an empty spreadsheet
  try {
    io(await clerk('new', book, '--today', '2026-03-10'));
  } finally {
    delete process.env.CLERK_CODE;
  }
  io(await clerk('drive', book, 'add', template, '--id', TEMPLATE_ID));
  const files = ['Code.gs', 'Setup.gs'].map(f => path.join(PROJECT, f));
  const seeded = await clerk(
    'exec',
    book,
    ...files,
    '--call',
    'seedSheet',
    '--args',
    JSON.stringify([TEMPLATE_ID]),
    '--today',
    '2026-03-10',
  );
  io(seeded);
  const run = await clerk(
    'exec',
    book,
    ...files,
    '--call',
    'generateLetters',
    '--today',
    '2026-03-10',
    '--stats',
  );
  io(run);

  // The script's own summary: two letters (Cara was already sent), the date string typed by setValue reads back as a Date.
  const summary = JSON.parse(run.out.join('\n'));
  expect(summary).toMatchObject({letters: 2, sentOnIsDate: true, sentOn: '2026-03-10'});
  expect(summary.pdfs).toBe(hasLibreOffice ? 2 : 0);

  // The sheet: Status and Sent on written cell by cell; Cara untouched.
  const sheet = JSON.parse((await clerk('get', book, 'Recipients!A2:H4', '--json')).out[0]);
  expect(sheet.map((r: unknown[]) => [r[0], r[5], r[6]])).toEqual([
    ['Ann Example', 'Sent', '2026-03-10'],
    ['Bob Sample', 'Sent', '2026-03-10'],
    ['Cara Test', 'Sent', '2026-03-01'],
  ]);
  expect(sheet[0][7]).toMatch(/^https:\/\/docs\.google\.com\/document\/d\/[\w-]+\/edit/);

  // The Drive: the template, and a filled copy per letter in the Letters folder.
  const listing = (await clerk('drive', book)).out.join('\n');
  expect(listing).toContain(TEMPLATE_ID);
  const driveFiles = filesUnder(path.join(dir, 'letters.workspace', 'drive'));
  const ann = driveFiles.find(f => /Letters[\\/]Letter - Ann Example\.docx$/.test(f));
  expect(ann).toBeDefined();
  expect(driveFiles.some(f => /Letters[\\/]Letter - Bob Sample\.docx$/.test(f))).toBe(true);
  expect(driveFiles.some(f => /Cara/.test(f))).toBe(false);

  const letter = docxText(ann!);
  expect(letter.paragraphs).toEqual([
    'Letter to Ann Example',
    'Dear Ann Example of Northfield Care,',
    'The committee meets on Thursday 12 March 2026. The agenda:',
    'Yours sincerely, the Secretariat',
  ]);
  expect(letter.tableRows).toEqual([
    ['No.', 'Item'],
    ['1', 'Minutes of last meeting'],
    ['2', 'Budget 2026/27'],
    ['3', 'Any other business'],
  ]);
  expect(docxText(template).tableRows).toHaveLength(2); // the template itself is unchanged

  // The outbox: one .eml per recipient with the link to their letter.
  const mails = filesUnder(path.join(dir, 'letters.workspace', 'outbox')).filter(f =>
    f.endsWith('.eml'),
  );
  expect(mails).toHaveLength(2);
  const annMail = mails
    .map(f => readFileSync(f, 'utf8'))
    .find(m => /^To: .*ann@example\.org/im.test(m));
  expect(annMail).toBeDefined();
  expect(annMail).toMatch(/^Subject: Papers for the meeting on 12 March/im);
  expect(annMail!.replace(/=\r?\n/g, '')).toContain(sheet[0][7]);

  // Call statistics of a typical merge script, for comparison with our own papers.
  const stats = JSON.parse(run.err[run.err.length - 1]);
  expect(stats.calls['Range.setValue']).toBe(6);
  expect(stats.calls['File.makeCopy']).toBe(2);
  expect(stats.calls['MailApp.sendEmail']).toBe(2);
});
