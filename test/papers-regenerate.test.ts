/**
 * Regenerating keeps people's work: a paper is rewritten into the same Doc (same id, so links in
 * emails and calendars still work, Drive API v3 files.update with media:
 * developers.google.com/workspace/drive/api/reference/rest/v3/files/update); a Doc someone has
 * edited since is replaced only if the officer says Yes; a PDF made from the old content is
 * made again.
 */
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
