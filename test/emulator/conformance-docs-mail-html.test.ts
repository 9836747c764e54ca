/**
 * DocumentApp, GmailApp drafts, HtmlService, Browser and ScriptApp as public projects use them
 * (issue #12). References: developers.google.com/apps-script/reference/document/document
 * (addHeader, getActiveSection), /document/body#copy(), /drive/file#makeCopy(String);
 * /gmail/gmail-app#createDraft(String,String,String,Object), /gmail/gmail-draft#send();
 * /html/html-output#addMetaTag(String,String); /base/browser; /script/script-app#getOAuthToken().
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import {Workspace} from '../../emulator/workspace';
import {BufferIo} from '../../emulator/services/io';
import {scriptRealm, type Realm} from './conformance-harness';

let realm: Realm;
beforeAll(async () => {
  realm = await scriptRealm({source: 'function noop() {}'});
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

const KINDS = `function kinds(body) {
  var k = [];
  for (var i = 0; i < body.getNumChildren(); i++) {
    var c = body.getChild(i);
    k.push(String(c.getType()) + (c.getText() ? ':' + c.getText() : ''));
  }
  return k.join(' ');
}`;

describe('DocumentApp', () => {
  test('copying a Doc (makeCopy, Body.copy) adds no paragraph after its tables', () => {
    const out = realm.gas<string[]>(`${KINDS}
      var doc = DocumentApp.create('Agenda');
      var b = doc.getBody();
      b.appendParagraph('Intro'); b.appendTable([['a']]); b.appendParagraph('Middle'); b.appendTable([['c']]);
      doc.saveAndClose();
      var copy = DriveApp.getFileById(doc.getId()).makeCopy('Agenda copy');
      return [kinds(DocumentApp.openById(doc.getId()).getBody()),
        kinds(DocumentApp.openById(copy.getId()).getBody()),
        kinds(DocumentApp.openById(doc.getId()).getBody().copy())];`);
    const original =
      'PARAGRAPH PARAGRAPH:Intro TABLE:a PARAGRAPH PARAGRAPH:Middle TABLE:c PARAGRAPH';
    expect([...out]).toEqual([original, original, original]);
  });
  test('a second addHeader or addFooter throws; getActiveSection is the body', () => {
    expect(thrown("var d = DocumentApp.create('H'); d.addHeader(); d.addHeader();")).toBe(
      'Exception: Document tab already contains a header.',
    );
    expect(thrown("var d = DocumentApp.create('F'); d.addFooter(); d.addFooter();")).toBe(
      'Exception: Document tab already contains a footer.',
    );
    expect(
      realm.gas(
        "var d = DocumentApp.create('S'); d.getBody().appendParagraph('x'); return [String(d.getActiveSection()), d.getActiveSection().getText()];",
      ),
    ).toEqual(['DocumentBodySection', '\nx']);
  });
});

test('Document editors and viewers are those of its Drive file (document#addeditoremailaddress)', () => {
  expect(
    realm.gas(`var d = DocumentApp.create('Shared paper');
      d.addEditor('chair@example.org').addViewers(['member@example.org', 'officer@example.org']);
      d.removeViewer('officer@example.org');
      var f = DriveApp.getFileById(d.getId());
      var emails = function (us) { return us.map(function (u) { return u.getEmail(); }).join(','); };
      return [emails(d.getEditors()), emails(d.getViewers()), emails(f.getEditors()), emails(f.getViewers())];`),
  ).toEqual([
    'clerk@example.org,chair@example.org',
    'member@example.org',
    'clerk@example.org,chair@example.org',
    'member@example.org',
  ]);
});

describe('GmailApp drafts', () => {
  test('createDraft, getDrafts, update and send: the sent draft is mailed and leaves the drafts', () => {
    const out = realm.gas<unknown[]>(`
      var d = GmailApp.createDraft('member@example.org', 'Agenda', 'Dear member', {cc: 'chair@example.org'});
      var listed = GmailApp.getDrafts().map(function (x) { return x.getId(); });
      d.update('member@example.org', 'Agenda (revised)', 'Dear member, revised');
      var m = GmailApp.getDraft(d.getId()).getMessage();
      var before = [m.getSubject(), m.getTo(), m.getCc(), m.isDraft()];
      var sent = d.send();
      return [listed.length === 1 && listed[0] === d.getId(), before, sent.getSubject(), sent.isDraft(),
        GmailApp.getDrafts().length];`);
    expect(JSON.parse(JSON.stringify(out))).toEqual([
      true,
      // update() replaces the whole draft: the cc given at creation is gone.
      ['Agenda (revised)', 'member@example.org', '', true],
      'Agenda (revised)',
      false,
      0,
    ]);
  });
  test('the sent draft is an .eml in the outbox after save', async () => {
    realm.gas("GmailApp.createDraft('a@example.org', 'Draft to send', 'Body text').send();");
    const dir = realm.ws.dir;
    await realm.ws.save();
    const outbox = path.join(dir, 'outbox');
    const emls = readdirSync(outbox).filter(f => f.endsWith('.eml'));
    const texts = emls.map(f => readFileSync(path.join(outbox, f), 'utf8'));
    expect(
      texts.some(t => t.includes('Subject: Draft to send') && t.includes('To: a@example.org')),
    ).toBe(true);
    realm = await scriptRealm({source: 'function noop() {}'});
  });
});

test('drafts last from run to run (saved with the workspace), attachments included', async () => {
  const first = await scriptRealm({source: 'function noop() {}'});
  first.gas(
    "GmailApp.createDraft('member@example.org', 'Template {{name}}', 'Dear {{name}}', {attachments: [Utilities.newBlob('agenda', 'text/plain', 'agenda.txt')]});",
  );
  const book = first.ws.bookPath;
  await first.ws.save();
  const again = await Workspace.open(book, {
    io: new BufferIo(),
    today: '2026-03-11',
    scopes: ['https://mail.google.com/'],
  });
  const code = path.join(first.dir, 'Code.js');
  const rt = again.loadScript([code]);
  const got = vm.runInContext(
    `(function () { var m = GmailApp.getDrafts()[0].getMessage();
      return [GmailApp.getDrafts().length, m.getSubject(), m.getAttachments()[0].getName(), m.getAttachments()[0].getDataAsString()]; })()`,
    rt.context,
  );
  again.discard();
  expect([...got]).toEqual([1, 'Template {{name}}', 'agenda.txt', 'agenda']);
});

describe('HtmlService, Browser and ScriptApp', () => {
  test('HtmlOutput.getMetaTags gives back the tags added', () => {
    expect(
      realm.gas(`var o = HtmlService.createHtmlOutput('<p>x</p>').addMetaTag('viewport', 'width=device-width');
        return o.getMetaTags().map(function (t) { return t.getName() + '=' + t.getContent(); });`),
    ).toEqual(['viewport=width=device-width']);
  });
  test('Browser.msgBox and inputBox answer from --answer; Buttons is the enum', async () => {
    const r = await scriptRealm({source: 'function noop() {}'});
    r.ws.answers.push('yes', 'Ann Example', 'cancel');
    expect(
      r.gas(`return [Browser.msgBox('Saved'), Browser.msgBox('Check', 'Send now?', Browser.Buttons.YES_NO),
        Browser.inputBox('Your name?'), Browser.inputBox('Title', 'Again?', Browser.Buttons.OK_CANCEL)];`),
    ).toEqual(['ok', 'yes', 'Ann Example', 'cancel']);
    r.ws.discard();
  });
  test('ScriptApp.getOAuthToken is a non-empty string; authorization is not required', () => {
    expect(
      realm.gas(`var t = ScriptApp.getOAuthToken();
        var info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
        return [typeof t, t.length > 20, t === ScriptApp.getOAuthToken(), String(info.getAuthorizationStatus()),
          info.getAuthorizationUrl()];`),
    ).toEqual(['string', true, true, 'NOT_REQUIRED', null]);
  });
});
