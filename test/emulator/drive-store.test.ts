/**
 * The emulated Drive: DriveApp (developers.google.com/apps-script/reference/drive/drive-app, /file, /folder,
 * /file-iterator), the advanced Drive service v3 (developers.google.com/drive/api/reference/rest/v3/files,
 * search syntax: developers.google.com/drive/api/guides/search-files), persistence under NAME.workspace/drive.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {newContext} from '../../emulator/context';
import {createDocumentApp} from '../../emulator/docs/document-app';
import {createAdvancedDrive} from '../../emulator/drive/advanced';
import {Blob} from '../../emulator/drive/blob';
import {createDriveApp} from '../../emulator/drive/drive-app';
import {DriveStore, flushIo} from '../../emulator/drive/store';
import {testWith} from '../tools';

const ALL = ['https://www.googleapis.com/auth/drive', 'https://www.googleapis.com/auth/documents'];
const LEAST = [
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/documents',
];
const NO_ITEM =
  'Exception: No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

function ws(scopes = ALL) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'drive-'));
  const ctx = newContext({scopes, today: '2027-01-05'});
  const store = DriveStore.load(dir, null);
  return {
    dir,
    ctx,
    store,
    DriveApp: createDriveApp(ctx, store),
    Drive: createAdvancedDrive(ctx, store),
    DocumentApp: createDocumentApp(ctx, store),
  };
}
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const d of fs.readdirSync(path.join(dir, rel), {withFileTypes: true})) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        out.push(`${r}/`);
        walk(r);
      } else out.push(r);
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out.sort();
}

describe('DriveApp', () => {
  test('folders, files, copies, moves, trash and URLs', () => {
    const {DriveApp, DocumentApp} = ws();
    const papers = DriveApp.createFolder('Committee papers');
    const jan = papers.createFolder('2027-01-12');
    const template = DocumentApp.create('Agenda template');
    template.getBody().appendParagraph('Agenda for {{DATE}}');
    const file = DriveApp.getFileById(template.getId());
    expect(file.getMimeType()).toBe('application/vnd.google-apps.document');
    expect(file.getUrl()).toBe(`https://docs.google.com/document/d/${template.getId()}/edit`);

    const copy = file.makeCopy('Agenda 2027-01-12', jan);
    expect(copy.getName()).toBe('Agenda 2027-01-12');
    expect(copy.getParents().next().getId()).toBe(jan.getId());
    // The copy is a separate document with the same content.
    const copyDoc = DocumentApp.openById(copy.getId());
    copyDoc.getBody().replaceText('\\{\\{DATE\\}\\}', '12 January 2027');
    expect(copyDoc.getBody().getText()).toBe('\nAgenda for 12 January 2027');
    expect(DocumentApp.openById(template.getId()).getBody().getText()).toBe(
      '\nAgenda for {{DATE}}',
    );
    // Without a name the copy keeps the original's (live Apps Script, gas-fakes test/testdrive.js).
    expect(file.makeCopy().getName()).toBe('Agenda template');

    const notes = jan.createFile('notes.txt', 'Room booked', 'text/plain');
    expect(notes.getUrl()).toBe(
      `https://drive.google.com/file/d/${notes.getId()}/view?usp=drivesdk`,
    );
    expect(notes.getBlob().getDataAsString()).toBe('Room booked');
    expect(notes.getSize()).toBe(11);
    const pdf = papers.createFile(
      new Blob(Buffer.from('%PDF-1.4'), 'application/pdf', 'Agenda.pdf'),
    );
    expect(pdf.getName()).toBe('Agenda.pdf');
    pdf.moveTo(jan);
    expect(jan.getFilesByName('Agenda.pdf').next().getId()).toBe(pdf.getId());
    expect(papers.getFilesByName('Agenda.pdf').hasNext()).toBe(false);
    expect(jan.getUrl()).toBe(`https://drive.google.com/drive/folders/${jan.getId()}`);

    notes.setTrashed(true);
    expect(notes.isTrashed()).toBe(true);
    // Like Google's, DriveApp name searches also return trashed files.
    const it = DriveApp.getFilesByName('notes.txt');
    expect(it.hasNext()).toBe(true);
    expect(it.next().isTrashed()).toBe(true);
    expect(it.hasNext()).toBe(false);
    expect(() => it.next()).toThrow(
      'Exception: Cannot retrieve the next object: iterator has reached the end.',
    );
    const names: string[] = [];
    const folders = DriveApp.getFoldersByName('2027-01-12');
    while (folders.hasNext()) names.push(folders.next().getName());
    expect(names).toEqual(['2027-01-12']);
    expect(DriveApp.getRootFolder().getFolders().next().getName()).toBe('Committee papers');
    // searchFiles uses Drive API v2 query terms (reference/drive/drive-app#searchFiles(String)).
    const found = DriveApp.searchFiles(
      `title contains 'agenda' and trashed = false and '${jan.getId()}' in parents`,
    );
    const titles: string[] = [];
    while (found.hasNext()) titles.push(found.next().getName());
    expect(titles.sort()).toEqual(['Agenda 2027-01-12', 'Agenda.pdf']);
    expect(() => DriveApp.searchFiles('title ~ 1')).toThrow('Exception: Invalid argument: q');
  });

  test("missing ids get Google's error text; DriveApp needs the full drive scope", () => {
    const {DriveApp, ctx} = ws();
    expect(() => DriveApp.getFileById('1doesNotExist')).toThrow(NO_ITEM);
    expect(() => DriveApp.getFolderById('1doesNotExist')).toThrow(NO_ITEM);
    const folder = DriveApp.createFolder('x');
    expect(() => DriveApp.getFileById(folder.getId())).toThrow(NO_ITEM);
    expect(ctx.stats.get('DriveApp.getFileById')).toBe(2);
    const least = ws(LEAST);
    expect(() => least.DriveApp.getRootFolder()).toThrow(
      'Exception: You do not have permission to call DriveApp.getRootFolder. Required permissions: https://www.googleapis.com/auth/drive',
    );
  });
});

describe('advanced Drive service (v3)', () => {
  test('create folders and docs, copy a template into a folder, list with q, get with fields', () => {
    const {Drive, DocumentApp, ctx} = ws(LEAST);
    const folder = Drive.Files.create(
      {name: 'Papers', mimeType: 'application/vnd.google-apps.folder'},
      undefined,
      {fields: 'id,name,mimeType,parents'},
    );
    expect(folder.mimeType).toBe('application/vnd.google-apps.folder');
    const template = DocumentApp.create('Minutes template');
    template.getBody().appendParagraph('Minutes of {{DATE}}');
    const copy = Drive.Files.copy(
      {name: 'Minutes 12 January', parents: [folder.id as string]},
      template.getId(),
      {fields: 'id,name,parents,webViewLink'},
    );
    expect(copy).toEqual({
      id: expect.any(String),
      name: 'Minutes 12 January',
      parents: [folder.id],
      webViewLink: `https://docs.google.com/document/d/${copy.id}/edit`,
    });
    expect(
      DocumentApp.openById(copy.id as string)
        .getBody()
        .getText(),
    ).toBe('\nMinutes of {{DATE}}');
    // v3 answers only kind, id, name and mimeType unless fields asks for more.
    expect(Drive.Files.get(copy.id as string)).toEqual({
      kind: 'drive#file',
      id: copy.id,
      name: 'Minutes 12 January',
      mimeType: 'application/vnd.google-apps.document',
    });

    Drive.Files.create(
      {name: 'Minutes 12 January', parents: [folder.id as string], mimeType: 'text/plain'},
      new Blob('old', 'text/plain'),
    );
    const trashed = Drive.Files.create({
      name: 'Minutes 12 January',
      parents: [folder.id as string],
      mimeType: 'application/vnd.google-apps.document',
    });
    Drive.Files.update({trashed: true}, trashed.id as string);

    const q = `name = 'Minutes 12 January' and '${folder.id}' in parents and trashed = false and mimeType = 'application/vnd.google-apps.document'`;
    const hits = Drive.Files.list({q, fields: 'files(id,name)'});
    expect(hits).toEqual({files: [{id: copy.id, name: 'Minutes 12 January'}]});
    expect((Drive.Files.list({q: `'${folder.id}' in parents`}).files as unknown[]).length).toBe(3); // trashed included unless excluded
    expect(
      (
        Drive.Files.list({
          q: "name contains 'minutes' and not mimeType = 'text/plain' and trashed = false",
        }).files as Array<{name: string}>
      ).map(f => f.name),
    ).toEqual(['Minutes template', 'Minutes 12 January']);
    expect(() => Drive.Files.list({q: "owner = 'me'"})).toThrow(
      /API call to drive.files.list failed with error: Invalid Value/,
    );
    expect(ctx.stats.get('Drive.Files.list')).toBe(4);
  });

  test('update moves with addParents/removeParents and renames; remove deletes; missing ids', () => {
    const {Drive, store} = ws(LEAST);
    const a = Drive.Files.create({name: 'A', mimeType: 'application/vnd.google-apps.folder'});
    const b = Drive.Files.create({name: 'B', mimeType: 'application/vnd.google-apps.folder'});
    const f = Drive.Files.create(
      {name: 'note.txt', parents: [a.id as string]},
      new Blob('hello', 'text/plain'),
    );
    const moved = Drive.Files.update({name: 'renamed.txt'}, f.id as string, null, {
      addParents: b.id,
      removeParents: a.id,
      fields: 'name,parents',
    });
    expect(moved).toEqual({name: 'renamed.txt', parents: [b.id]});
    expect(Drive.Files.get(f.id as string, {alt: 'media'})).toBe('hello');
    Drive.Files.remove(a.id as string);
    expect(store.has(a.id as string)).toBe(false);
    expect(() => Drive.Files.get('1missing')).toThrow(
      'GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: 1missing.',
    );
    expect(() => Drive.Files.copy({}, '1missing')).toThrow(
      'API call to drive.files.copy failed with error: File not found: 1missing.',
    );
    const none = ws([]);
    expect(() => none.Drive.Files.list({})).toThrow(
      'Exception: You do not have permission to call Drive.Files.list. Required permissions: https://www.googleapis.com/auth/drive.file',
    );
  });
});

describe('conversion on upload (Drive.Files.create with mimeType Google Docs)', () => {
  test('plain text becomes one paragraph per line; an image is refused', () => {
    const {Drive, DocumentApp} = ws(LEAST);
    const txt = Drive.Files.create(
      {name: 'Notes', mimeType: 'application/vnd.google-apps.document'},
      new Blob('Line one\nLine two', 'text/plain'),
    );
    expect(
      DocumentApp.openById(txt.id as string)
        .getBody()
        .getText(),
    ).toBe('Line one\nLine two');
    expect(() =>
      Drive.Files.create(
        {name: 'x', mimeType: 'application/vnd.google-apps.document'},
        new Blob('x', 'image/png'),
      ),
    ).toThrow('Cannot convert image/png into a Google Doc.');
  });

  testWith('soffice')('HTML becomes a Doc through LibreOffice', () => {
    const {Drive, DocumentApp} = ws(LEAST);
    const html = Drive.Files.create(
      {name: 'Letter', mimeType: 'application/vnd.google-apps.document'},
      new Blob('<h1>Dear member</h1><p>The meeting is <b>confirmed</b>.</p>', 'text/html'),
    );
    const body = DocumentApp.openById(html.id as string).getBody();
    const heading = body.getParagraphs().find(p => p.getText() === 'Dear member')!;
    expect(heading.getHeading()).toBe('HEADING1');
    const para = body.getParagraphs().find(p => p.getText() === 'The meeting is confirmed.')!;
    expect(para.editAsText().isBold(15)).toBe(true);
  });
});

describe('persistence', () => {
  test('flush writes Docs as .docx in folder paths, follows renames and moves, deletes removed files; state reloads', async () => {
    const {dir, store, Drive, DocumentApp, DriveApp} = ws();
    const folder = DriveApp.createFolder('Committee papers');
    const doc = DocumentApp.create('Agenda');
    DriveApp.getFileById(doc.getId()).moveTo(folder);
    const note = folder.createFile('notes.txt', 'Room 1', 'text/plain');
    const gone = folder.createFile('old.txt', 'x', 'text/plain');
    await store.flush();
    expect(files(path.join(dir, 'drive'))).toEqual([
      'Committee papers/',
      'Committee papers/Agenda.docx',
      'Committee papers/notes.txt',
      'Committee papers/old.txt',
    ]);

    doc.setName('Agenda 12 January');
    note.setName('notes');
    Drive.Files.remove(gone.getId());
    folder.createFile('notes.txt', 'second file, same name', 'text/plain');
    await store.flush();
    expect(files(path.join(dir, 'drive'))).toEqual([
      'Committee papers/',
      'Committee papers/Agenda 12 January.docx',
      'Committee papers/notes (2).txt',
      'Committee papers/notes.txt',
    ]);
    expect(fs.readFileSync(path.join(dir, 'drive', 'Committee papers', 'notes.txt'), 'utf8')).toBe(
      'Room 1',
    );

    const listing = store.list();
    expect(listing.map(l => [l.path, l.type])).toEqual([
      ['Committee papers', 'folder'],
      ['Committee papers/Agenda 12 January', 'document'],
      ['Committee papers/notes', 'text/plain'],
      ['Committee papers/notes.txt', 'text/plain'],
    ]);
    expect(listing.find(l => l.path === 'Committee papers/notes')!.size).toBe(6);

    const again = DriveStore.load(dir, JSON.parse(JSON.stringify(store.toState())));
    expect(
      createDriveApp(newContext({scopes: ALL}), again)
        .getFileById(note.getId())
        .getBlob()
        .getDataAsString(),
    ).toBe('Room 1');
  });

  test('a failed flush leaves the Drive folder as it was and says why', async () => {
    const {dir, store, DriveApp, DocumentApp} = ws();
    DriveApp.createFile('minutes.txt', 'approved', 'text/plain');
    await store.flush();
    const before = files(path.join(dir, 'drive'));
    DocumentApp.create('New paper');
    DriveApp.createFile('second.txt', 'x', 'text/plain');
    // The disk fills up while the second file is staged.
    const real = flushIo.writeFile;
    let n = 0;
    flushIo.writeFile = (file, data) => {
      if (++n === 2) throw new Error('ENOSPC: no space left on device');
      real(file, data);
    };
    try {
      await expect(store.flush()).rejects.toThrow(
        'Nothing was saved to the Drive: ENOSPC: no space left on device',
      );
    } finally {
      flushIo.writeFile = real;
    }
    expect(files(path.join(dir, 'drive'))).toEqual(before);
    expect(fs.readdirSync(dir).filter(f => f.startsWith('.drive-staging'))).toEqual([]);
    // Once there is room again, the same run's changes save.
    await store.flush();
    expect(files(path.join(dir, 'drive'))).toEqual(['New paper.docx', 'minutes.txt', 'second.txt']);
  });

  test('a file deleted by hand from the drive folder leaves the Drive on the next run', async () => {
    const {dir, store, DriveApp} = ws();
    const gone = DriveApp.createFile('draft.txt', 'x', 'text/plain');
    await store.flush();
    const next = DriveStore.load(dir, store.toState());
    fs.rmSync(path.join(dir, 'drive', 'draft.txt'));
    await next.flush();
    expect(next.has(gone.getId())).toBe(false);
    expect(next.notes).toEqual([
      `draft.txt was deleted from ${path.join(dir, 'drive')}, so "draft.txt" (${gone.getId()}) is no longer in the Drive.`,
    ]);
  });

  test('a very long name is shortened on disk, not refused', async () => {
    const {dir, store, DriveApp} = ws();
    DriveApp.createFile('Report '.repeat(60), 'x', 'text/plain');
    await store.flush();
    const [name] = fs.readdirSync(path.join(dir, 'drive'));
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(204);
    expect(name.endsWith('.txt')).toBe(true);
  });

  test('addLocalFile keeps a chosen id and refuses a duplicate', async () => {
    const {dir, store} = ws();
    const src = path.join(dir, 'logo.png');
    fs.writeFileSync(
      src,
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAIAAAADCAIAAAA2iEnWAAAAEklEQVR4nGP4z8DAwMDAxMDAAAAkAQP/ELCaWgAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    const {id} = await store.addLocalFile(src, {id: '1LogoExampleOrg0000000000000000000'});
    expect(id).toBe('1LogoExampleOrg0000000000000000000');
    await expect(store.addLocalFile(src, {id})).rejects.toThrow(
      `The Drive already has an item with id ${id} (logo.png).`,
    );
    await store.flush();
    expect(store.list()).toEqual([
      {id, path: 'logo.png', type: 'image/png', size: fs.statSync(src).size, trashed: false},
    ]);
  });
});
