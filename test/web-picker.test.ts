/**
 * Choose from Drive (issue 15, least privilege): a template Doc, the papers folder or an agenda
 * item's paper, chosen in a dialog with Google Picker, which grants the script drive.file access
 * to what is picked (developers.google.com/workspace/drive/picker/guides/overview). Offline the
 * emulator cannot load Google's Picker, so the dialog's pasted-link box is what is tested here:
 * the choice goes through the same server function, checked the same way.
 */
import {openWorkbook, Clerk} from './driver';

let c: Clerk;
let folder: string;
let doc: string;

beforeAll(async () => {
  c = await openWorkbook({demo: true});
  const g = c.ws.globals as any;
  folder = g.Drive.Files.create({
    name: 'Committee papers',
    mimeType: 'application/vnd.google-apps.folder',
  }).id;
  doc = g.DocumentApp.create('Agenda template').getId();
});

const call = (fn: string, ...args: unknown[]) => c.ws.script.callFunction(fn, args);
const setting = (name: string) => c.cells(`Settings!B${c.settingRow(name)}`)[0][0];

test('on a Settings id row, the dialog offers Google Picker when set up, and always a pasted link', () => {
  const step = c.run('chooseFromDrive', {select: `Settings!A${c.settingRow('Papers folder id')}`});
  expect(step.dialog).toContain('Choose the folder for Settings &quot;Papers folder id&quot;.');
  expect(step.dialog).toContain('Or paste its link');
  // No API key in the script properties: the Picker is not loaded, the box is enough.
  expect(step.dialog).toMatch(/"key":""/);
});

test('a pasted folder link sets the Papers folder id; a Doc or nonsense is refused in plain words', () => {
  expect(() =>
    call('pickerChosen', {kind: 'setting', name: 'Papers folder id'}, 'not a link'),
  ).toThrow(
    '"not a link" is not a Google Drive link or id, so Settings "Papers folder id" was left as it was.',
  );
  expect(() =>
    call(
      'pickerChosen',
      {kind: 'setting', name: 'Papers folder id'},
      `https://docs.google.com/document/d/${doc}/edit`,
    ),
  ).toThrow('"Agenda template" is not a folder');
  expect(setting('Papers folder id')).toBe('');
  const msg = call(
    'pickerChosen',
    {kind: 'setting', name: 'Papers folder id'},
    `https://drive.google.com/drive/folders/${folder}?usp=sharing`,
  );
  expect(msg).toBe('Settings "Papers folder id" is now "Committee papers".');
  expect(setting('Papers folder id')).toBe(folder);
});

test('a template id must be a Google Doc; a picked id (no link) is enough', () => {
  expect(() => call('pickerChosen', {kind: 'setting', name: 'Agenda template id'}, folder)).toThrow(
    '"Committee papers" is not a Google Doc',
  );
  call('pickerChosen', {kind: 'setting', name: 'Agenda template id'}, doc);
  expect(setting('Agenda template id')).toBe(doc);
});

test("on an Agenda row, the chosen paper becomes that row's Paper link", () => {
  const step = c.run('chooseFromDrive', {select: 'Agenda!D3'});
  expect(step.dialog).toContain('Choose the paper for Agenda row 3, Paper link.');
  call('pickerChosen', {kind: 'paper', row: 3}, doc);
  const rows = c.rows('Agenda') as Record<string, string>[];
  expect(rows[1]['Paper link']).toBe(`https://docs.google.com/document/d/${doc}/edit`);
});

test('a target the dialog did not offer, or another row of Settings, is refused', () => {
  expect(() => call('pickerChosen', {kind: 'setting', name: 'Group name'}, doc)).toThrow(
    /Nothing to choose for/,
  );
  const step = c.run('chooseFromDrive', {select: `Settings!A${c.settingRow('Group name')}`});
  expect(step.out).toContain('("Group name") does not hold a Drive id');
  expect(() => call('pickerChosen', {kind: 'paper', row: 'A1'}, doc)).toThrow(
    /Nothing to choose for/,
  );
});
