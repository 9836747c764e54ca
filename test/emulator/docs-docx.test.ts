/**
 * Docs on disk: a Document saved as .docx (docx package) and read back (fflate + xmldom) keeps
 * its structure; a corrupt .docx is refused with the file name and the reason; PDF export through
 * LibreOffice when it is installed (skipped, with a message, when it is not).
 * Reference for the model: developers.google.com/apps-script/reference/document/body.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {unzipSync, zipSync} from 'fflate';
import {newContext} from '../../emulator/context';
import {createDocumentApp} from '../../emulator/docs/document-app';
import {readDocx} from '../../emulator/docs/docx-read';
import {DriveStore} from '../../emulator/drive/store';
import '../../emulator/drive/pdf'; // Blob.getAs('application/pdf')
import {testWith} from '../tools';
import {Blob} from '../../emulator/drive/blob';

const SCOPES = [
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/drive',
];
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAkAQP/ELCaWgAAAABJRU5ErkJggg==',
  'base64',
);

function workspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-docx-'));
  const ctx = newContext({scopes: SCOPES});
  const drive = DriveStore.load(dir, null);
  return {dir, ctx, drive, DocumentApp: createDocumentApp(ctx, drive)};
}

/** A compact description of a body: what a person would see. */
function outline(
  body: ReturnType<ReturnType<typeof createDocumentApp>['create']>['getBody'] extends () => infer B
    ? B
    : never,
): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < body.getNumChildren(); i++) {
    const el = body.getChild(i) as any;
    const type = el.getType();
    if (type === 'PARAGRAPH') {
      const kinds = Array.from({length: el.getNumChildren()}, (_, k) =>
        el.getChild(k).getType(),
      ).filter(k => k !== 'TEXT');
      out.push(['P', el.getHeading(), el.getText(), el.getAlignment() ?? 'LEFT', ...kinds]);
    } else if (type === 'LIST_ITEM')
      out.push(['LI', el.getNestingLevel(), el.getGlyphType(), el.getText()]);
    else if (type === 'TABLE') {
      const rows = [];
      for (let r = 0; r < el.getNumRows(); r++) {
        const row = el.getRow(r);
        rows.push(Array.from({length: row.getNumCells()}, (_, c) => row.getCell(c).getText()));
      }
      out.push(['T', rows, el.getCell(0, 0).getBackgroundColor()]);
    }
  }
  return out;
}

function buildPaper(DocumentApp: ReturnType<typeof createDocumentApp>) {
  const doc = DocumentApp.create('Agenda 2027-01-12');
  const body = doc.getBody();
  body
    .getChild(0)
    .asParagraph()
    .setText('Adults Committee')
    .setHeading(DocumentApp.ParagraphHeading.TITLE);
  body
    .appendParagraph('Agenda')
    .setHeading(DocumentApp.ParagraphHeading.HEADING1)
    .setAlignment(DocumentApp.HorizontalAlignment.CENTER);
  const p = body.appendParagraph('Venue: County Hall, Committee Room 1');
  p.editAsText()
    .setBold(0, 5, true)
    .setItalic(7, 17, true)
    .setUnderline(19, 22, true)
    .setForegroundColor(0, 5, '#cc0000')
    .setFontSize(7, 17, 13);
  body.appendParagraph('Papers online').setLinkUrl('https://example.org/papers');
  body.appendListItem('Apologies');
  body.appendListItem('Substitutes').setNestingLevel(1);
  body.appendListItem('Declarations of interest');
  body.appendParagraph('Decisions').setHeading(DocumentApp.ParagraphHeading.HEADING2);
  body.appendListItem('Minutes of the last meeting').setGlyphType(DocumentApp.GlyphType.NUMBER);
  body.appendListItem('Forward plan');
  const t = body.appendTable([
    ['Item', 'Title', 'Lead officer'],
    ['1', 'Minutes', 'Clerk'],
    ['2', 'Budget monitoring', 'Finance lead'],
  ]);
  t.getRow(0).editAsText().setBold(true);
  t.getCell(0, 0).setBackgroundColor('#d9e2f3');
  body.appendPageBreak();
  body.appendParagraph('Exempt items').setHeading(DocumentApp.ParagraphHeading.HEADING2);
  body.appendHorizontalRule();
  body.appendImage(new Blob(PNG, 'image/png', 'logo.png'));
  doc.addHeader().getChild(0).asParagraph().setText('OFFICIAL');
  doc.addFooter().getChild(0).asParagraph().setText('Adults Committee, 12 January 2027');
  return doc;
}

test('a document saved as .docx reads back with the same structure and formatting', async () => {
  const {dir, drive, DocumentApp} = workspace();
  const doc = buildPaper(DocumentApp);
  const before = outline(doc.getBody());
  await drive.flush();

  const file = path.join(dir, 'drive', 'Agenda 2027-01-12.docx');
  expect(fs.existsSync(file)).toBe(true);
  const parts = readDocx(new Uint8Array(fs.readFileSync(file)));
  const back = parts.body;
  expect(outline(back as never)).toEqual(before);
  expect(before).toContainEqual(['LI', 1, 'LATIN_LOWER', 'Substitutes']);
  expect(before).toContainEqual(['LI', 0, 'NUMBER', 'Minutes of the last meeting']);

  const venue = back
    .getParagraphs()
    .find(p => p.getText().startsWith('Venue'))!
    .editAsText();
  expect([
    venue.isBold(0),
    venue.isBold(6),
    venue.isItalic(7),
    venue.isUnderline(19),
    venue.getForegroundColor(0),
    venue.getFontSize(7),
  ]).toEqual([true, null, true, true, '#cc0000', 13]);
  expect(
    back
      .getParagraphs()
      .find(p => p.getText() === 'Papers online')!
      .editAsText()
      .getLinkUrl(0),
  ).toBe('https://example.org/papers');
  expect(back.getTables()[0].getRow(0).editAsText().isBold()).toBe(true);
  expect(back.getImages()).toHaveLength(1);
  expect(parts.header!.getText()).toBe('OFFICIAL');
  expect(parts.footer!.getText()).toBe('Adults Committee, 12 January 2027');

  // The table's first row is marked as a header row (repeats on each page).
  const xml = new TextDecoder().decode(
    unzipSync(new Uint8Array(fs.readFileSync(file)))['word/document.xml'],
  );
  expect(xml).toContain('<w:tblHeader/>');

  // Reopened on a later run (new store from saved state): same document.
  const drive2 = DriveStore.load(dir, JSON.parse(JSON.stringify(drive.toState())));
  const again = createDocumentApp(newContext({scopes: SCOPES}), drive2).openById(doc.getId());
  expect(outline(again.getBody())).toEqual(before);
});

// test/fixtures/docs/template-minutes.docx was made by LibreOffice from template-minutes.source.html.
test('an officer-made template (.docx fixture) opens with paragraphs, lists and tables', async () => {
  const {drive, ctx} = workspace();
  const fixture = path.join(__dirname, '..', 'fixtures', 'docs', 'template-minutes.docx');
  const {id} = await drive.addLocalFile(fixture, {id: '1TemplateMinutesExampleOrg000000000000000'});
  const doc = createDocumentApp(ctx, drive).openById(id);
  expect(doc.getName()).toBe('template-minutes');
  const body = doc.getBody();
  expect(body.getParagraphs()[0].getHeading()).toBe('HEADING1');
  expect(body.getText()).toContain('{{MEETING_DATE}}');
  expect(body.getListItems().length).toBeGreaterThan(0);
  const table = body.getTables()[0];
  expect(table.getNumRows()).toBe(4);
  // A merged heading cell (w:gridSpan) is one cell spanning two columns, and stays merged when saved.
  expect(table.getRow(0).getNumCells()).toBe(1);
  expect(table.getCell(0, 0).getColSpan()).toBe(2);
  expect(table.getCell(0, 0).getText()).toBe('Actions arising');
  // A vertically merged cell (w:vMerge) covers two rows.
  expect(table.getCell(2, 1).getText()).toBe('{{OWNER}}');
  expect(table.getCell(2, 1).getRowSpan()).toBe(2);
  expect(table.getCell(2, 0).getRowSpan()).toBe(1);
  table.getCell(2, 0).setText('Circulate the minutes');
  await drive.flush();
  const saved = drive.list().find(f => f.id === id)!;
  const xml = new TextDecoder().decode(
    unzipSync(new Uint8Array(fs.readFileSync(path.join(drive.driveDir, `${saved.path}.docx`))))[
      'word/document.xml'
    ],
  );
  expect(xml).toContain('<w:gridSpan w:val="2"/>');
  expect(xml).toContain('<w:vMerge w:val="restart"/>');
  expect(xml).toContain('<w:vMerge w:val="continue"/>');
  expect(xml).toContain('Circulate the minutes');
});

test('a corrupt .docx is refused with its name and the reason; the Drive is unchanged', async () => {
  const {dir, drive} = workspace();
  const bad = path.join(dir, 'broken.docx');
  fs.writeFileSync(bad, 'this is not a zip');
  await expect(drive.addLocalFile(bad)).rejects.toThrow(
    'broken.docx was not added to the Drive: it is not a zip file, so it is not a .docx (Word) document.',
  );
  const noDoc = path.join(dir, 'empty.docx');
  fs.writeFileSync(noDoc, zipSync({'hello.txt': new TextEncoder().encode('hi')}));
  await expect(drive.addLocalFile(noDoc)).rejects.toThrow(
    'empty.docx was not added to the Drive: it has no word/document.xml, so it is not a Word document.',
  );
  const badXml = path.join(dir, 'badxml.docx');
  fs.writeFileSync(
    badXml,
    zipSync({'word/document.xml': new TextEncoder().encode('<w:document><w:body>')}),
  );
  await expect(drive.addLocalFile(badXml)).rejects.toThrow(
    /badxml.docx was not added to the Drive: word\/document.xml is not well-formed XML/,
  );
  expect(drive.list()).toEqual([]);
});

test('without LibreOffice, PDF export fails with a message naming the package to install', () => {
  const {DocumentApp} = workspace();
  const doc = DocumentApp.create('x');
  const saved = process.env.SOFFICE;
  process.env.SOFFICE = 'none';
  try {
    expect(() => doc.getAs('application/pdf')).toThrow(
      'Exception: PDF export needs LibreOffice, which is not installed. Install the Debian package libreoffice-writer (apt-get install -y libreoffice-writer-nogui) or LibreOffice for your system, then run again.',
    );
  } finally {
    if (saved === undefined) delete process.env.SOFFICE;
    else process.env.SOFFICE = saved;
  }
});

testWith('soffice', 'pdftotext')('getAs(application/pdf) renders through LibreOffice', () => {
  const {DocumentApp} = workspace();
  const doc = buildPaper(DocumentApp);
  const pdf = doc.getAs('application/pdf');
  expect(pdf.getContentType()).toBe('application/pdf');
  expect(pdf.getName()).toBe('Agenda 2027-01-12.pdf');
  expect(
    Buffer.from(
      pdf
        .getBytes()
        .slice(0, 5)
        .map(b => b & 0xff),
    ).toString('latin1'),
  ).toBe('%PDF-');
  // What LibreOffice lays out: headings, numbered and nested list items, table cells, in order.
  const {spawnSync} = require('node:child_process');
  const r = spawnSync('pdftotext', ['-layout', '-', '-'], {
    input: Buffer.from(pdf.rawBytes()),
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  const text: string = r.stdout.replace(/[ \t]+/g, ' ');
  const order = [
    'OFFICIAL',
    'Adults Committee',
    'Agenda',
    'Venue: County Hall',
    '1. Apologies',
    'a. Substitutes',
    '2. Declarations of interest',
    'Decisions',
    '1. Minutes of the last meeting',
    '2. Forward plan',
    'Item Title Lead officer',
    '2 Budget monitoring Finance lead',
    'Exempt items',
  ];
  let at = -1;
  for (const s of order) {
    const i = text.indexOf(s, at + 1);
    expect([s, i > at]).toEqual([s, true]);
    at = i;
  }
  expect(text).toContain('Adults Committee, 12 January 2027');
});
