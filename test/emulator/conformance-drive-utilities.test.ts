/**
 * Drive, Utilities, Lock, MimeType and printing, as live Apps Script behaves. Expected values
 * follow the reference pages named per test and the public gas-fakes suite that was run against
 * live Apps Script (tanaikech/gas-fakes test/testdrive.js, testutilities.js, testlock.js,
 * testmimetype.js).
 */
import {scriptRealm, type Realm} from './conformance-harness';

let realm: Realm;
beforeAll(async () => {
  realm = await scriptRealm();
});
afterAll(() => realm.ws.discard());

function thrown(body: string): string {
  try {
    realm.gas(body);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('Utilities (reference/utilities/utilities)', () => {
  test('computeDigest: text defaults to US-ASCII, each non-ASCII character becoming "?"', () => {
    const md5 = (args: string) =>
      realm.gas<number[]>(
        `return Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, ${args});`,
      );
    const ascii = [-22, 3, -4, -72, -60, 120, 34, -68, -25, 114, -49, 108, 7, -48, -21, -69];
    expect([...md5("'€🙂'")]).toEqual(ascii);
    expect([...md5("'€🙂', Utilities.Charset.US_ASCII")]).toEqual(ascii);
    expect([...md5("'€🙂', Utilities.Charset.UTF_8")]).toEqual([
      -71, 89, 42, -99, 35, -63, -51, -82, 83, 46, 87, -53, -35, -67, 116, -6,
    ]);
  });
  test('computeHmacSha256Signature with no charset is US-ASCII too; wrong overloads are refused', () => {
    const sig = realm.gas<number[]>(
      "return Utilities.computeHmacSha256Signature('this is my input', 'my key - use a stronger one');",
    );
    expect([...sig].slice(0, 4)).toEqual([53, -75, -52, -25]);
    expect(thrown("Utilities.computeHmacSha256Signature('a');")).toMatch(
      /^The parameters \(String\) don't match the method signature/,
    );
    expect(thrown("Utilities.computeHmacSha256Signature([1, 2], 'k');")).toMatch(
      /^The parameters \(.*\) don't match/,
    );
    expect(thrown("Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, ['x1'])")).toMatch(
      /^Cannot convert/,
    );
  });
  test('zip and unzip keep names and types; gzip/ungzip name "archive.gz" and "archive"', () => {
    expect(
      realm.gas(`
        var blobs = ['one', 'two'].map(function (t, i) { return Utilities.newBlob(t, 'text/plain', 'b' + i + '.txt'); });
        var z = Utilities.zip(blobs);
        var u = Utilities.unzip(z);
        var gz = Utilities.gzip(Utilities.newBlob('hello'));
        var back = Utilities.ungzip(gz);
        return [z.getName(), z.getContentType(), Utilities.zip(blobs, 'y.zip').getName(),
          u.map(function (b) { return b.getName() + ':' + b.getContentType() + ':' + b.getDataAsString(); }).join(' '),
          gz.getName(), gz.getContentType(), back.getName(), String(back.getContentType()), back.getDataAsString(),
          Utilities.ungzip(Utilities.gzip(Utilities.newBlob('x'), 'named')).getName()].join('|');`),
    ).toBe(
      'archive.zip|application/zip|y.zip|b0.txt:text/plain:one b1.txt:text/plain:two|archive.gz|application/x-gzip|archive|null|hello|named',
    );
  });
  test('newBlob(text) is text/plain with no name', () => {
    expect(
      realm.gas("var b = Utilities.newBlob('x'); return [b.getContentType(), b.getName()];"),
    ).toEqual(['text/plain', null]);
  });
  test('parseDate reads a Java pattern in a time zone', () => {
    expect(
      realm.gas(`return [
        Utilities.parseDate('2026-07-01 09:30', 'Europe/London', 'yyyy-MM-dd HH:mm').toISOString(),
        Utilities.parseDate('01/02/2026', 'GMT', 'dd/MM/yyyy').toISOString(),
        Utilities.parseDate('Mar 5, 2026 3:04 PM', 'America/New_York', 'MMM d, yyyy h:mm a').toISOString()];`),
    ).toEqual(['2026-07-01T08:30:00.000Z', '2026-02-01T00:00:00.000Z', '2026-03-05T20:04:00.000Z']);
    expect(thrown("Utilities.parseDate('tomorrow', 'GMT', 'yyyy-MM-dd')")).toBe(
      'Unparseable date: "tomorrow"',
    );
  });
});

describe('LockService (reference/lock/lock)', () => {
  test('tryLock(-100) gives false and no lock; waitLock(-100) throws the timeout', () => {
    expect(
      realm.gas(
        'var l = LockService.getScriptLock(); return [l.tryLock(-100), l.hasLock(), l.tryLock(0), l.hasLock()];',
      ),
    ).toEqual([false, false, true, true]);
    expect(thrown('var l = LockService.getUserLock(); l.waitLock(-100);')).toMatch(/Lock timeout/);
  });
});

describe('MimeType (reference/base/mime-type)', () => {
  test('CSS, JAVASCRIPT and the rest of the enum', () => {
    expect(
      realm.gas(
        'return [MimeType.CSS, MimeType.JAVASCRIPT, MimeType.GOOGLE_SLIDES, MimeType.FOLDER];',
      ),
    ).toEqual([
      'text/css',
      'application/javascript',
      'application/vnd.google-apps.presentation',
      'application/vnd.google-apps.folder',
    ]);
  });
});

describe('DriveApp (reference/drive/drive-app, /drive/file)', () => {
  test('getFileById(null), (undefined) and ("") say "Invalid argument: id"', () => {
    for (const id of ['null', 'undefined', "''"]) {
      expect(thrown(`DriveApp.getFileById(${id})`)).toBe('Invalid argument: id');
      expect(thrown(`DriveApp.getFolderById(${id})`)).toBe('Invalid argument: id');
      expect(thrown(`Drive.Files.get(${id})`)).toMatch(/Invalid argument: id$/);
    }
    expect(thrown('Drive.Operations.list()')).toMatch(/is not a function/);
  });
  test('createFile checks its arguments as Apps Script does', () => {
    expect(thrown('DriveApp.createFile()')).toMatch(/^The parameters \(\) don't match/);
    expect(thrown("DriveApp.createFile('')")).toMatch(/^The parameters \(String\) don't match/);
    expect(thrown("DriveApp.createFile(null, '')")).toBe('Invalid argument: name');
    expect(thrown("DriveApp.createFile(Utilities.newBlob(''))")).toBe(
      'Blob object must have non-null name for this operation.',
    );
  });
  test('starring, shareable-by-editors, editors, viewers and sharing stick', () => {
    expect(
      realm.gas(`
        var f = DriveApp.createFile('share.txt', 'x');
        var before = [f.isStarred(), f.isShareableByEditors(), f.getSharingAccess()];
        f.setStarred(true).setShareableByEditors(false).setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
        f.addEditor('ed@example.org').addEditors(['ed2@example.org']).addViewer('vi@example.org').addViewers(['vi2@example.org']);
        f.removeEditor('ed@example.org').removeViewer('vi@example.org');
        var again = DriveApp.getFileById(f.getId());
        return JSON.stringify([before, again.isStarred(), again.isShareableByEditors(), again.getSharingAccess(),
          again.getSharingPermission(), again.getEditors().map(function (u) { return u.getEmail(); }),
          again.getViewers().map(function (u) { return u.getEmail(); })]);`),
    ).toBe(
      '[[false,true,"PRIVATE"],true,false,"ANYONE_WITH_LINK","VIEW",["clerk@example.org","ed2@example.org"],["vi2@example.org"]]',
    );
    expect(thrown('DriveApp.getRootFolder().setStarred(true)')).toMatch(/Access denied/);
  });
  test('makeCopy keeps the name; moveTo and makeCopy refuse wrong arguments; setContent(blob) writes "Blob"', () => {
    expect(
      realm.gas(`
        var f = DriveApp.createFile('orig.txt', 'hello');
        var c = f.makeCopy();
        f.setContent(Utilities.newBlob('ignored'));
        return [c.getName(), f.getBlob().getDataAsString()];`),
    ).toEqual(['orig.txt', 'Blob']);
    expect(thrown("DriveApp.createFile('m.txt', 'x').moveTo()")).toMatch(
      /^The parameters \(\) don't match/,
    );
    expect(thrown("DriveApp.createFile('m.txt', 'x').moveTo('rubbish')")).toMatch(
      /^The parameters \(String\) don't match/,
    );
    expect(
      thrown(
        "var f = DriveApp.createFile('m.txt', 'x'); f.makeCopy(DriveApp.getRootFolder(), 'xx')",
      ),
    ).toMatch(/^The parameters \(DriveApp.Folder,String\) don't match/);
  });
  test('Drive.Files.update with a PDF blob makes the file a PDF', () => {
    expect(
      realm.gas(`
        var f = Drive.Files.create({name: 'a.txt', mimeType: 'text/plain'});
        var pdf = Utilities.newBlob('%PDF-1.4 fake', 'application/pdf', 'a.pdf');
        var u = Drive.Files.update({name: 'a.pdf'}, f.id, pdf);
        return [u.mimeType, u.name, DriveApp.getFileById(f.id).getMimeType(), Drive.getVersion(),
          String(Drive) === String(Drive.Files)];`),
    ).toEqual(['application/pdf', 'a.pdf', 'application/pdf', 'v3', true]);
    expect(thrown("Drive.Files.create({name: 'x'}, 'foo')")).toBe(
      'The mediaData parameter only supports Blob types for upload.',
    );
  });
});

describe('printing objects as Apps Script does', () => {
  test('services, files, folders and the document body', () => {
    expect(
      realm.gas(`
        var folder = DriveApp.createFolder('Papers');
        return [SpreadsheetApp, SpreadsheetApp.getActiveSheet(), DriveApp, DriveApp.getRootFolder(), folder,
          folder.createFile('a.txt', 'x'), DocumentApp.create('D').getBody(), Utilities, Utilities.newBlob('x'),
          LockService.getScriptLock(), HtmlService.createHtmlOutput('x')].map(String).join(',');`),
    ).toBe(
      'SpreadsheetApp,Sheet,Drive,My Drive,Papers,a.txt,DocumentBodySection,Utilities,Blob,Lock,HtmlOutput',
    );
  });
  test('Logger.log of a Sheet prints "Sheet"', () => {
    realm.gas('Logger.log(SpreadsheetApp.getActiveSheet()); Logger.log(DriveApp);');
    expect(realm.io.stderr.slice(-2)).toEqual(['[log] Sheet', '[log] Drive']);
  });
});
