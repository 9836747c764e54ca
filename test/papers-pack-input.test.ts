/**
 * "Generate agenda pack" with bad input: a meeting with no agenda items and an officer template
 * with an unknown field each get one message naming what is wrong and what to do, and leave
 * nothing in Drive (no folder, no Doc, no PDF) and no new setting; a linked paper that is not a
 * readable PDF is named in the summary and the pack is still made.
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import type {Paper} from '../src/papers/model';
import type {Clerk} from './driver';
import {paperDocx} from './papers/docx-bytes';
import {AGENDA, MEETING_ROW, papersWorkbook} from './papers/fixture';
import {testWith} from './tools';

let c: Clerk;
type Entry = {id: string; name: string; trashed: boolean; modifiedTime: string};
/** What the Drive holds: every file and folder, with when it last changed. */
const driveNow = () =>
  (c.drive.all() as Entry[]).map(e => `${e.id} ${e.name} ${e.trashed} ${e.modifiedTime}`).sort();
const papersFolderSetting = () => c.display(`Settings!B${c.settingRow('Papers folder id')}`);

const badTemplate: Paper = {
  kind: 'Agenda',
  name: 'Agenda template',
  blocks: [
    {kind: 'title', text: '{{group_name}}'},
    {kind: 'paragraph', text: 'Agenda for {{meeting_date|d MMMM yyyy}} in {{meeting_room}}'},
  ],
};

beforeAll(async () => {
  const links: Record<string, string> = {
    'Recommissioning of supported living':
      'https://drive.google.com/file/d/brokenPdfPaper0001/view',
  };
  c = await papersWorkbook({
    Agenda: AGENDA.map(r =>
      links[String(r.Title)] ? {...r, 'Paper link': links[String(r.Title)]} : r,
    ),
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'pack-input-'));
  writeFileSync(path.join(dir, 'bad.docx'), paperDocx(badTemplate));
  await c.addFile(path.join(dir, 'bad.docx'), 'badAgendaTemplate1');
  // A file named .pdf whose content is not a PDF (a damaged upload).
  c.drive.createBlobFile(
    'Supported living.pdf',
    new TextEncoder().encode('%PDF-1.4\nthis upload was cut short'),
    'application/pdf',
    undefined,
    'brokenPdfPaper0001',
  );
});

describe('Generate agenda pack: bad input', () => {
  test('a meeting with no agenda items: one message, nothing made in Drive', () => {
    const before = driveNow();
    const step = c.run('generateAgendaPack', {select: 'Meetings!A4'});
    expect(step.out).toContain(
      'alert: The meeting on 14 January 2021 has no agenda items. Add rows with that Meeting date on the Agenda tab, or select the meeting and choose Committee > Papers > Build agenda for selected meeting.',
    );
    expect(step.out).not.toMatch(/dialog: /);
    expect(driveNow()).toEqual(before);
    expect(papersFolderSetting()).toBe('');
  });

  test('a template with an unknown field: the field and the setting named, nothing made in Drive', () => {
    c.edit(`Settings!B${c.settingRow('Agenda template id')}`, 'badAgendaTemplate1');
    const before = driveNow();
    const step = c.run('generateAgendaPack', {select: `Meetings!A${MEETING_ROW}`});
    expect(step.out).toContain(
      'alert: The template in "Agenda template id" needs fixing before papers can be made from it:',
    );
    expect(step.out).toContain('{{meeting_room}}');
    expect(step.out).not.toMatch(/dialog: /);
    expect(driveNow()).toEqual(before);
    expect(papersFolderSetting()).toBe('');
    c.edit(`Settings!B${c.settingRow('Agenda template id')}`, '');
  });

  testWith('soffice')(
    'a linked paper that is not a readable PDF is named in the summary; the pack is still made',
    () => {
      const step = c.run('generateAgendaPack', {select: `Meetings!A${MEETING_ROW}`});
      expect(step.dialog).toContain('Agenda reports pack – 8 October 2020.pdf');
      expect(step.dialog.replace(/\s+/g, ' ')).toMatch(
        /Not in the pack: Item 3\. Recommissioning of supported living: the paper is not a PDF that can be read \(it may be damaged or protected by a password\)\. Open it, save it again as a PDF and link that\./,
      );
    },
    180_000,
  );
});
