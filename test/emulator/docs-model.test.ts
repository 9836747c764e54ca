/**
 * DocumentApp element model: structure, attributes, Text ranges, findText/replaceText.
 * References (developers.google.com/apps-script/reference/document/...):
 * body, paragraph, list-item, table, table-row, table-cell, text, range-element, document-app.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {newContext} from '../../emulator/context';
import {createDocumentApp} from '../../emulator/docs/document-app';
import {DriveStore} from '../../emulator/drive/store';
import {MAX_CHANGES_BEFORE_SAVE} from '../../emulator/docs/elements';
import {DocState} from '../../emulator/docs/document';
import {readDocx} from '../../emulator/docs/docx-read';
import {writeDocx} from '../../emulator/docs/docx-write';
import type {Paper} from '../../src/papers/model';
import {paperDocx} from '../papers/docx-bytes';
import {pdfPages} from '../papers/pdf';
import {testWith} from '../tools';

const DOCS = 'https://www.googleapis.com/auth/documents';

function setup(scopes = [DOCS]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-model-'));
  const ctx = newContext({scopes});
  const drive = DriveStore.load(dir, null);
  const DocumentApp = createDocumentApp(ctx, drive);
  return {ctx, drive, DocumentApp, dir};
}

describe('Document structure', () => {
  test('a new document holds one empty paragraph; headings, lists and tables appear in order', () => {
    const {DocumentApp} = setup();
    const doc = DocumentApp.create('Agenda 12 January');
    const body = doc.getBody();
    // document-app#create: a new, empty document.
    expect(body.getNumChildren()).toBe(1);
    expect(body.getChild(0).getType()).toBe(DocumentApp.ElementType.PARAGRAPH);

    body.getChild(0).asParagraph();
    body.appendParagraph('Adults Committee').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body
      .appendParagraph('Agenda')
      .setHeading(DocumentApp.ParagraphHeading.HEADING2)
      .setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    const a = body.appendListItem('Apologies');
    const b = body
      .appendListItem('Declarations of interest')
      .setNestingLevel(1)
      .setGlyphType(DocumentApp.GlyphType.NUMBER);
    const t = body.appendTable([
      ['Item', 'Title', 'Lead'],
      ['1', 'Minutes', 'Clerk'],
    ]);

    const heads = body
      .getParagraphs()
      .filter(p => p.getHeading() !== DocumentApp.ParagraphHeading.NORMAL)
      .map(p => [p.getHeading(), p.getText()]);
    expect(heads).toEqual([
      ['HEADING1', 'Adults Committee'],
      ['HEADING2', 'Agenda'],
    ]);
    expect(body.getParagraphs()[2].getAlignment()).toBe('CENTER');
    // Consecutive list items share one list.
    expect(b.getListId()).toBe(a.getListId());
    expect(b.getNestingLevel()).toBe(1);
    expect(b.getGlyphType()).toBe('NUMBER');
    expect(t.getNumRows()).toBe(2);
    expect(t.getRow(0).getNumCells()).toBe(3);
    expect(t.getCell(1, 1).getText()).toBe('Minutes');
    // A table at the end of the body is followed by an empty paragraph, as in Docs.
    expect(body.getChild(body.getNumChildren() - 1).getType()).toBe('PARAGRAPH');
    expect(body.getChildIndex(t)).toBe(5);
    expect(t.getParent()).toBe(body);
    expect(t.getCell(1, 2).getParentRow()!.getParentTable()).toBe(t);
  });

  test('table rows: copy, insert, remove; a row with a parent must be detached first', () => {
    const {DocumentApp} = setup();
    const body = DocumentApp.create('Actions').getBody();
    const t = body.appendTable([
      ['Action', 'Owner'],
      ['{{ACTION}}', '{{OWNER}}'],
    ]);
    const template = t.getRow(1);
    for (const [act, who] of [
      ['Send minutes', 'Clerk'],
      ['Book room', 'Chair'],
    ]) {
      const row = t.appendTableRow(template.copy() as never);
      row.replaceText('\\{\\{ACTION\\}\\}', act).replaceText('\\{\\{OWNER\\}\\}', who);
    }
    t.removeRow(1);
    expect(t.getNumRows()).toBe(3);
    expect(t.getText()).toBe('Action\nOwner\nSend minutes\nClerk\nBook room\nChair');
    expect(() => t.appendTableRow(t.getRow(0))).toThrow('Element must be detached.');
    t.insertTableRow(1).appendTableCell('x');
    expect(t.getRow(1).getCell(0).getText()).toBe('x');
    expect(() => t.getRow(9)).toThrow(
      'Child index (9) must be less than the number of child elements (4).',
    );
  });

  test('the last paragraph of a section cannot be removed', () => {
    const {DocumentApp} = setup();
    const body = DocumentApp.create('x').getBody();
    body.appendParagraph('second');
    expect(() => body.getChild(1).removeFromParent()).toThrow(
      "Can't remove the last paragraph in a document section.",
    );
    body.getChild(0).removeFromParent();
    expect(body.getText()).toBe('second');
  });

  test('header, footer, page break, horizontal rule, inline image', () => {
    const {DocumentApp} = setup();
    const doc = DocumentApp.create('x');
    expect(doc.getHeader()).toBeNull();
    doc.addHeader().appendParagraph('OFFICIAL');
    doc.addFooter().getParagraphs()[0].setText('Page footer');
    const body = doc.getBody();
    body.appendPageBreak();
    body.appendHorizontalRule();
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAkAQP/ELCaWgAAAABJRU5ErkJggg==',
      'base64',
    );
    const {Blob} = require('../../emulator/drive/blob');
    const img = body.appendImage(new Blob(png, 'image/png', 'dot.png'));
    expect([img.getWidth(), img.getHeight()]).toEqual([2, 3]);
    expect(doc.getHeader()!.getText()).toBe('\nOFFICIAL');
    expect(doc.getFooter()!.getText()).toBe('Page footer');
    expect(
      body.findElement(DocumentApp.ElementType.PAGE_BREAK)!.getElement().getParent()!.getType(),
    ).toBe('PARAGRAPH');
    expect(body.findElement(DocumentApp.ElementType.HORIZONTAL_RULE)).not.toBeNull();
    expect(body.getImages()).toHaveLength(1);
  });
});

describe('behaviour checked against live Apps Script by gas-fakes (tanaikech/gas-fakes test/testdocs*.js)', () => {
  test('toString names the class; a default list is numbered; clear() leaves one empty paragraph; attached elements are refused', () => {
    const {DocumentApp} = setup();
    const doc = DocumentApp.create('x');
    const body = doc.getBody();
    const p = body.appendParagraph('p1');
    expect(String(p)).toBe('Paragraph');
    expect(body.appendListItem('Item 1').getGlyphType()).toBe(DocumentApp.GlyphType.NUMBER);
    expect(() => body.appendParagraph(p)).toThrow('Element must be detached.');
    body.appendParagraph(p.copy() as never);
    expect(body.getText()).toBe('\np1\nItem 1\np1');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAkAQP/ELCaWgAAAABJRU5ErkJggg==',
      'base64',
    );
    const {Blob} = require('../../emulator/drive/blob');
    const img = body.appendImage(new Blob(png, 'image/png'));
    expect(String(img)).toBe('InlineImage');
    expect(() => p.appendInlineImage(img)).toThrow('Element must be detached.');
    expect(() => body.appendImage(new Blob('not an image', 'text/plain'))).toThrow(
      'Invalid image data.',
    );
    doc.clear();
    expect(body.getText()).toBe('');
    body.appendParagraph('A new paragraph.');
    expect(body.getText()).toBe('\nA new paragraph.');
    expect(doc.getTabs()[0].asDocumentTab().getBody()).toBe(body);
  });

  test('appendTable adds an empty paragraph after a table at the end; wrong argument types and indexes are refused', () => {
    const {DocumentApp} = setup();
    const doc = DocumentApp.create('x') as any;
    const table = doc.appendTable([['t1c1', 't1c2']]);
    const body = doc.getBody();
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(1)).toBe(table);
    expect(body.getChild(2).getType()).toBe('PARAGRAPH');
    expect(body.appendTable().getNumRows()).toBe(0);
    expect(() => body.insertParagraph(99, 'x')).toThrow(
      /Child index \(99\) must be less than or equal to the number of child elements/,
    );
    expect(() => body.insertParagraph(1, body)).toThrow(
      "The parameters (DocumentApp.Body) don't match the method signature for DocumentApp.Body.insertParagraph.",
    );
    body.appendParagraph('p1');
    body.appendPageBreak();
    body.appendParagraph('p2');
    expect(body.getText()).toBe('\nt1c1\nt1c2\n\n\n\np1\n\np2');
  });
});

describe('Text and attributes', () => {
  test('editAsText ranges, getTextAttributeIndices, insert and delete keep formatting', () => {
    const {DocumentApp} = setup();
    const body = DocumentApp.create('x').getBody();
    const p = body.appendParagraph('Report of the Director');
    const text = p.editAsText();
    text.setBold(0, 5, true).setItalic(10, 12, true).setForegroundColor(14, 21, '#ff0000');
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(6)).toBe(null);
    expect(text.isBold()).toBe(null);
    expect(text.getTextAttributeIndices()).toEqual([0, 6, 10, 13, 14]);
    text.insertText(0, 'Draft ');
    expect(text.getText()).toBe('Draft Report of the Director');
    expect(text.isBold(0)).toBe(true); // takes the formatting of what follows at offset 0
    text.deleteText(0, 5);
    expect(p.getText()).toBe('Report of the Director');
    expect(() => text.setBold(0, 99, true)).toThrow(
      'Index (99) must be less than the content length (22).',
    );
  });

  test('paragraph setAttributes with DocumentApp.Attribute keys; getAttributes reports them', () => {
    const {DocumentApp} = setup();
    const body = DocumentApp.create('x').getBody();
    const style: Record<string, unknown> = {};
    style[DocumentApp.Attribute.BOLD] = true;
    style[DocumentApp.Attribute.FONT_SIZE] = 14;
    style[DocumentApp.Attribute.FOREGROUND_COLOR] = '#1155cc';
    style[DocumentApp.Attribute.HORIZONTAL_ALIGNMENT] = DocumentApp.HorizontalAlignment.RIGHT;
    const p = body.appendParagraph('Chair: Cllr A. Example').setAttributes(style);
    const got = p.getAttributes();
    expect(got.BOLD).toBe(true);
    expect(got.FONT_SIZE).toBe(14);
    expect(got.FOREGROUND_COLOR).toBe('#1155cc');
    expect(got.HORIZONTAL_ALIGNMENT).toBe('RIGHT');
    expect(got.ITALIC).toBe(null);
    p.setLinkUrl('https://example.org/minutes');
    expect(p.editAsText().getLinkUrl(3)).toBe('https://example.org/minutes');
  });
});

describe('findText and replaceText', () => {
  // body#findText(String) and body#replaceText(String,String): RE2 patterns matched within
  // each text element; replacement is inserted as written.
  test('placeholders with regex specials, case sensitivity, and a group', () => {
    const {DocumentApp} = setup();
    const body = DocumentApp.create('x').getBody();
    body.appendParagraph('Meeting on {{DATE}} at {{Venue}}');
    body.appendParagraph('Cost: $5.00 (approx.)');
    body.replaceText('\\{\\{DATE\\}\\}', '12 January 2027');
    body.replaceText('\\{\\{venue\\}\\}', 'County Hall'); // case-sensitive: no match
    body.replaceText('\\$5\\.00 \\(approx\\.\\)', '£5');
    body.replaceText('(Meet)ing', 'Gathering');
    expect(body.getParagraphs().map(p => p.getText())).toEqual([
      '',
      'Gathering on 12 January 2027 at {{Venue}}',
      'Cost: £5',
    ]);
    body.replaceText('(?i)\\{\\{venue\\}\\}', 'County Hall'); // (?i) flag as RE2 allows
    expect(body.getParagraphs()[1].getText()).toBe('Gathering on 12 January 2027 at County Hall');
    // "$1" is not a group reference in Apps Script's replaceText.
    body.replaceText('County (Hall)', '$1 Annex');
    expect(body.getParagraphs()[1].getText()).toBe('Gathering on 12 January 2027 at $1 Annex');
  });

  test('replacement keeps the formatting of the replaced text; matches never span elements', () => {
    const {DocumentApp} = setup();
    const body = DocumentApp.create('x').getBody();
    const p = body.appendParagraph('Dear {{NAME}},');
    p.editAsText().setBold(5, 12, true);
    p.appendText(' and {{NA');
    p.appendText('ME}}');
    body.replaceText('\\{\\{NAME\\}\\}', 'Ms Example');
    expect(p.getText()).toBe('Dear Ms Example, and {{NAME}}');
    const t = p.getChild(0).asText();
    expect(t.isBold(5)).toBe(true);
    expect(t.isBold(14)).toBe(true);
    expect(t.isBold(15)).toBe(null);
  });

  test('findText returns RangeElements and continues from a previous result', () => {
    const {DocumentApp} = setup();
    const body = DocumentApp.create('x').getBody();
    body.appendParagraph('Item 1: budget');
    body.appendParagraph('Item 2: budget monitoring');
    let r = body.findText('budget');
    const found: Array<[string, number, number, boolean]> = [];
    while (r) {
      found.push([
        r.getElement().asText().getText(),
        r.getStartOffset(),
        r.getEndOffsetInclusive(),
        r.isPartial(),
      ]);
      r = body.findText('budget', r);
    }
    expect(found).toEqual([
      ['Item 1: budget', 8, 13, true],
      ['Item 2: budget monitoring', 8, 13, true],
    ]);
    expect(body.findText('Item \\d: budget$')!.isPartial()).toBe(false);
  });

  test('unsupported RE2 syntax is refused with the pattern named', () => {
    const {DocumentApp} = setup();
    const body = DocumentApp.create('x').getBody();
    body.appendParagraph('abc');
    expect(() => body.replaceText('(?<=a)b', 'x')).toThrow(
      'Invalid regular expression "(?<=a)b": lookbehind (?<=...) is not supported (Apps Script uses RE2).',
    );
    expect(() => body.findText('(a)\\1')).toThrow(/backreference/);
    expect(() => body.findText('a(')).toThrow(/Invalid regular expression "a\("/);
  });
});

describe('DocumentApp service behaviour', () => {
  test('missing ids, URLs, stats and scopes', () => {
    const {DocumentApp, ctx} = setup();
    expect(() => DocumentApp.openById('1nope')).toThrow(
      "Exception: Document is missing (perhaps it was deleted, or you don't have read access?)",
    );
    const doc = DocumentApp.create('Minutes');
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(doc.getId()).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(DocumentApp.openByUrl(doc.getUrl()).getName()).toBe('Minutes');
    expect(DocumentApp.getActiveDocument()).toBeNull();
    doc.getBody().appendParagraph('a');
    expect(ctx.stats.get('DocumentApp.create')).toBe(1);
    expect(ctx.stats.get('Body.appendParagraph')).toBe(1);
    expect(ctx.stats.get('Document.getBody')).toBe(1);

    const limited = setup([]);
    expect(() => limited.DocumentApp.create('x')).toThrow(
      'Exception: You do not have permission to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents',
    );
    const trig = setup();
    trig.ctx.authMode = 'LIMITED';
    expect(() => trig.DocumentApp.create('x')).toThrow(
      /You do not have permission to call DocumentApp.create/,
    );
  });

  test("saveAndClose closes the handle; too many changes before saving fails with Google's text", () => {
    const {DocumentApp} = setup();
    const doc = DocumentApp.create('Long');
    const body = doc.getBody();
    doc.saveAndClose();
    expect(() => body.appendParagraph('late')).toThrow(
      'Document is closed, its contents cannot be updated.',
    );
    const again = DocumentApp.openById(doc.getId());
    const p = again.getBody().appendParagraph('');
    expect(() => {
      for (let i = 0; i <= MAX_CHANGES_BEFORE_SAVE; i++) p.setText(String(i));
    }).toThrow(
      'Too many changes applied before saving document. Please save changes in smaller batches using Document.saveAndClose(), then reopen the document with Document.openById().',
    );
  });
});

// Page numbers in a header or footer are UnsupportedElements in Apps Script ("a region that is
// unknown or cannot be affected by a script, such as a page number":
// developers.google.com/apps-script/reference/document/unsupported-element): they add no text,
// and Docs prints the real number on each page of its PDF.
describe('page numbers', () => {
  const paper: Paper = {
    kind: 'Action log',
    name: 'Three pages',
    running: 'Three pages',
    blocks: [
      {kind: 'title', text: 'First page'},
      {kind: 'pageBreak'},
      {kind: 'paragraph', text: 'Second page'},
      {kind: 'pageBreak'},
      {kind: 'paragraph', text: 'Third page'},
    ],
  };

  test('the footer keeps PAGE and NUMPAGES as elements through reading and writing the .docx', () => {
    const parts = readDocx(paperDocx(paper));
    const again = readDocx(writeDocx(parts, 'Three pages'));
    for (const p of [parts, again]) {
      const line = p.footer!.getChild(0).asParagraph();
      expect(line.getText()).toBe('Page  of ');
      const kids = Array.from({length: line.getNumChildren()}, (_, k) => line.getChild(k));
      expect(kids.map(k => String(k.getType()))).toEqual([
        'TEXT',
        'UNSUPPORTED',
        'TEXT',
        'UNSUPPORTED',
      ]);
      expect(kids[1].copy().getType()).toBe('UNSUPPORTED');
    }
  });

  testWith('soffice', 'pdftotext')(
    'the PDF of a three-page Doc says "Page 2 of 3" on its second page',
    () => {
      const {drive} = setup();
      const e = drive.createDoc('Three pages', undefined, new DocState(readDocx(paperDocx(paper))));
      const pdf = drive.exportDoc(e.id, 'application/pdf').getBytes();
      const pages = pdfPages(Uint8Array.from(pdf, b => b & 0xff));
      expect(pages).toHaveLength(3);
      pages.forEach((text, k) => expect(text).toContain(`Page ${k + 1} of 3`));
    },
    120_000,
  );
});
