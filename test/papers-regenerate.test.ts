/**
 * Regenerating keeps people's work: a paper is rewritten into the same Doc (same id, so links in
 * emails and calendars still work, Drive API v3 files.update with media:
 * developers.google.com/workspace/drive/api/reference/rest/v3/files/update); a Doc someone has
 * edited since is replaced only if the officer says Yes; a PDF made from the old content is
 * made again.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {paperDocx} from './papers/docx-bytes';
import type {Paper} from '../src/papers/model';
import type {Clerk, Step} from './driver';
import {papersWorkbook} from './papers/fixture';
import {pdfPages} from './papers/pdf';
import {testWith} from './tools';

const LOG = 'Adults Committee – Action log – 8 October 2020';
const select = {select: 'Meetings!A3'};

let c: Clerk;
const steps: Record<string, Step> = {};
const ids: Record<string, string> = {};
const texts: Record<string, string> = {};

const logDocs = () => c.docs().filter(d => d.path.endsWith(LOG));
const entry = () => c.drive.entry(logDocs()[0].id);
/** What a person does in Docs: types a line; Drive notes the change a minute later. */
function personEdits(line: string): void {
  const e = entry();
  c.drive.docState(e.id).parts.body.appendParagraph(line);
  e.modifiedTime = new Date(Date.parse(e.modifiedTime) + 60_000).toISOString();
}

beforeAll(async () => {
  c = await papersWorkbook();
  steps.first = c.run('generateActionLog', select);
  ids.first = logDocs()[0].id;
  steps.again = c.run('generateActionLog', select);
  ids.again = logDocs()[0].id;
  personEdits('The chair asked for a note on item 4.');
  steps.keep = c.run('generateActionLog', {...select, answers: ['No']});
  texts.kept = c.doc(LOG).getText();
  steps.replace = c.run('generateActionLog', {...select, answers: ['Yes']});
  texts.replaced = c.doc(LOG).getText();
  ids.replaced = logDocs()[0].id;
});

describe('regenerating a paper', () => {
  test('writes into the same Doc: one Doc, same id, nothing in the bin', () => {
    expect(ids.again).toBe(ids.first);
    expect(logDocs()).toHaveLength(1);
    expect(logDocs()[0].trashed).toBe(false);
    expect(steps.again.dialog).toContain('replaced the earlier version; same link');
    expect(steps.again.out).not.toMatch(/Replace an edited paper/);
  });

  test('an edited Doc: the officer is asked, and No keeps the edit', () => {
    expect(steps.keep.out).toMatch(/Replace an edited paper\?/);
    expect(steps.keep.out).toContain(`"${LOG}" has been changed since it was made`);
    expect(texts.kept).toContain('The chair asked for a note on item 4.');
    expect(steps.keep.dialog).toContain('kept as it was: it had been edited');
  });

  test('Yes replaces the content and keeps the id', () => {
    expect(ids.replaced).toBe(ids.first);
    expect(texts.replaced).not.toContain('The chair asked for a note on item 4.');
    expect(texts.replaced).toContain('This log captures the actions arising up to the meeting');
  });
});

testWith('soffice', 'pdftotext')(
  'a PDF made from the old content is made again, under the same id',
  () => {
    const pdf = () =>
      (c.drive.all() as {id: string; name: string; trashed: boolean}[]).filter(
        e => e.name === `${LOG}.pdf` && !e.trashed,
      );
    personEdits('A paragraph added by hand.');
    c.run('exportPdf', select);
    const before = pdf();
    expect(pdfPages(c.drive.bytes(before[0].id)).join('')).toContain('added by hand');
    c.run('generateActionLog', {...select, answers: ['Yes']});
    const after = pdf();
    expect(after.map(e => e.id)).toEqual(before.map(e => e.id));
    const text = pdfPages(c.drive.bytes(after[0].id)).join('');
    expect(text).not.toContain('added by hand');
    expect(text).toContain('This log captures the actions arising');
  },
  120_000,
);

// The officer-template path (Settings "Action log template id") goes through the same question
// and keeps the same Doc id; its PDF is made again from the new content.
describe("regenerating a paper made from the officer's template", () => {
  const template: Paper = {
    kind: 'Action log',
    name: 'Action log template',
    blocks: [
      {kind: 'title', text: '{{group_name}}'},
      {kind: 'paragraph', text: 'FROM THE TEMPLATE: actions up to {{meeting_date|d MMMM yyyy}}'},
      {
        kind: 'table',
        header: true,
        rows: [
          ['Minute', 'Action', 'Status'],
          ['{{#actions}}{{minute_no}}', '{{action}}', '{{status}}{{/actions}}'],
        ],
      },
    ],
  };
  const pdfOfLog = () =>
    (c.drive.all() as {id: string; name: string; trashed: boolean}[]).filter(
      e => e.name === `${LOG}.pdf` && !e.trashed,
    );
  const got: Record<string, string> = {};
  let keep: Step;
  let replace: Step;

  testWith('soffice', 'pdftotext')(
    'an edited Doc: asked; No keeps it untouched, Yes refills it under the same id, and its PDF',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'regen-template-'));
      writeFileSync(path.join(dir, 'log.docx'), paperDocx(template));
      await c.addFile(path.join(dir, 'log.docx'), 'logTemplate00001');
      c.edit(`Settings!B${c.settingRow('Action log template id')}`, 'logTemplate00001');
      c.run('generateActionLog', select);
      const id = logDocs()[0].id;
      expect(c.doc(LOG).getText()).toContain('FROM THE TEMPLATE: actions up to 8 October 2020');
      c.run('exportPdf', select);
      const pdfId = pdfOfLog()[0].id;
      personEdits('A line the chair typed into the templated log.');
      got.before = c.doc(LOG).getText();
      keep = c.run('generateActionLog', {...select, answers: ['No']});
      got.kept = c.doc(LOG).getText();
      replace = c.run('generateActionLog', {...select, answers: ['Yes']});
      got.replaced = c.doc(LOG).getText();

      expect(keep.out).toMatch(/Replace an edited paper\?/);
      expect(got.kept).toBe(got.before);
      expect(keep.dialog).toContain('kept as it was: it had been edited');
      expect(replace.out).toMatch(/Replace an edited paper\?/);
      expect(logDocs()).toHaveLength(1);
      expect(logDocs()[0].id).toBe(id);
      expect(got.replaced).not.toContain('A line the chair typed');
      expect(got.replaced).toContain('FROM THE TEMPLATE');
      expect(pdfOfLog().map(e => e.id)).toEqual([pdfId]);
      const text = pdfPages(c.drive.bytes(pdfId)).join('');
      expect(text).toContain('FROM THE TEMPLATE');
      expect(text).not.toContain('A line the chair typed');
    },
    180_000,
  );
});
