/**
 * Choose from Drive (issue 15, least privilege): a template Doc, the papers folder or an agenda
 * item's paper, chosen in a dialog with Google Picker, which grants the script drive.file access
 * to what is picked (developers.google.com/workspace/drive/picker/guides/overview). Offline the
 * emulator cannot load Google's Picker, so the dialog's pasted-link box is what is tested here:
 * the choice goes through the same server function, checked the same way.
 */
import {openWorkbook, Clerk, DEMO_TODAY} from './driver';
import {serve} from '../emulator/serve';

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

// Offline, `clerk serve` shows the same dialog with a stand-in for Google Picker that lists the
// emulated Drive and answers through the dialog's own callback, over the google.script.run bridge.
test('clerk serve: the dialog with a stand-in Picker; choosing a folder sets the setting', async () => {
  const other = (c.ws.globals as any).Drive.Files.create({
    name: 'Papers 2027',
    mimeType: 'application/vnd.google-apps.folder',
  }).id;
  const row = c.settingRow('Papers folder id');
  const book = await c.save();
  c.close();
  const server = await serve(book, {port: 0, today: DEMO_TODAY, log: () => undefined});
  try {
    const bad = await fetch(`${server.url}/choose?select=${encodeURIComponent('Settings!A1:B2')}`);
    expect(bad.status).toBe(400);
    const res = await fetch(
      `${server.url}/choose?select=${encodeURIComponent(`Settings!A${row}`)}`,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('window.google = {script: {run:');
    expect(html).toContain('"name":"Papers 2027"');
    expect(html).toContain('Choose from Drive (emulated Drive)');
    const r = await fetch(`${server.url}/run/pickerChosen`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'X-Clerk-Run': '1'},
      body: JSON.stringify([{kind: 'setting', name: 'Papers folder id'}, other]),
    });
    expect(await r.json()).toEqual({
      ok: true,
      value: 'Settings "Papers folder id" is now "Papers 2027".',
    });
  } finally {
    await server.close();
  }
  c = await openWorkbook({book});
  expect(setting('Papers folder id')).toBe(other);
}, 120_000);
