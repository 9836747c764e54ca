/**
 * MailApp / GmailApp .eml output and quota (developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object),
 * #getRemainingDailyQuota(); quotas: developers.google.com/apps-script/guides/services/quotas), and
 * HtmlService templates (developers.google.com/apps-script/guides/html/templates: <? ?>, <?= ?>, <?!= ?>).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {newContext} from '../../emulator/context';
import {Blob} from '../../emulator/drive/blob';
import {createGmailApp, createMailApp, MailQuota} from '../../emulator/mail/mail';
import {createHtmlService, writeHtmlOutput} from '../../emulator/html/html-service';

const SEND = 'https://www.googleapis.com/auth/script.send_mail';

function outbox() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mail-'));
}
function emls(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.eml'))
    .sort()
    .map(f => fs.readFileSync(path.join(dir, f), 'utf8'));
}
/** Decoded quoted-printable text. */
function qp(s: string): string {
  return Buffer.from(
    s
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}

describe('MailApp.sendEmail', () => {
  test('plain message: one .eml with headers and body', () => {
    const dir = outbox();
    const ctx = newContext({scopes: [SEND], today: '2027-01-05', user: 'clerk@example.org'});
    const MailApp = createMailApp(ctx, dir);
    MailApp.sendEmail(
      'chair@example.org',
      'Agenda for 12 January',
      'Dear Chair,\nThe draft agenda is attached.',
    );
    const [eml] = emls(dir);
    expect(eml).toMatch(/^From: clerk@example.org\r\nTo: chair@example.org\r\n/);
    expect(eml).toContain('Subject: Agenda for 12 January\r\n');
    expect(eml).toContain('Date: Tue, 05 Jan 2027');
    expect(eml).toContain('Content-Type: text/plain; charset=UTF-8');
    expect(qp(eml)).toContain('Dear Chair,\r\nThe draft agenda is attached.');
    expect(ctx.stats.get('MailApp.sendEmail')).toBe(1);
  });

  test('message object with HTML body, attachments, cc, bcc, name, replyTo; non-ASCII subject', () => {
    const dir = outbox();
    const ctx = newContext({scopes: [SEND]});
    const MailApp = createMailApp(ctx, dir);
    const pdf = new Blob(Buffer.from('%PDF-1.4 fictional'), 'application/pdf', 'Agenda.pdf');
    MailApp.sendEmail({
      to: 'a@example.org, b@example.org',
      cc: 'c@example.org',
      bcc: 'd@example.org',
      subject: 'Papers – 12 January',
      body: 'Plain version',
      htmlBody: '<p>HTML <b>version</b> £</p>',
      name: 'Committee Clerk',
      replyTo: 'secretariat@example.org',
      attachments: [pdf],
    });
    const [eml] = emls(dir);
    expect(eml).toContain('From: "Committee Clerk" <clerk@example.org>');
    expect(eml).toContain('To: a@example.org, b@example.org');
    expect(eml).toContain('Cc: c@example.org');
    expect(eml).toContain('Bcc: d@example.org');
    expect(eml).toContain('Reply-To: secretariat@example.org');
    expect(eml).toContain(
      `Subject: =?UTF-8?B?${Buffer.from('Papers – 12 January').toString('base64')}?=`,
    );
    expect(eml).toMatch(/Content-Type: multipart\/mixed; boundary="=_clerk_\w+"/);
    expect(eml).toMatch(/Content-Type: multipart\/alternative; boundary="=_clerk_\w+"/);
    expect(qp(eml)).toContain('<p>HTML <b>version</b> £</p>');
    expect(eml).toContain('Content-Disposition: attachment; filename="Agenda.pdf"');
    expect(eml).toContain(Buffer.from('%PDF-1.4 fictional').toString('base64'));
    // 4 recipients counted against the quota.
    expect(MailApp.getRemainingDailyQuota()).toBe(96);
  });

  test('bad addresses and missing recipients are refused; nothing is written', () => {
    const dir = outbox();
    const MailApp = createMailApp(newContext({scopes: [SEND]}), dir);
    expect(() => MailApp.sendEmail('not-an-address', 's', 'b')).toThrow(
      'Exception: Invalid email: not-an-address',
    );
    expect(() => MailApp.sendEmail({to: '', subject: 's', body: 'b'})).toThrow(
      'Exception: Failed to send email: no recipient',
    );
    expect(emls(dir)).toEqual([]);
  });

  test('the daily quota counts recipients, is shared with GmailApp, persists via state, resets next day', () => {
    const dir = outbox();
    const quota = new MailQuota();
    const ctx = newContext({scopes: [SEND, 'https://mail.google.com/'], today: '2027-01-05'});
    const MailApp = createMailApp(ctx, dir, quota);
    const GmailApp = createGmailApp(ctx, dir, quota);
    for (let i = 0; i < 49; i++)
      MailApp.sendEmail(`m${i}@example.org`, 'Reminder', 'Action due', {cc: 'clerk@example.org'});
    GmailApp.sendEmail('last@example.org', 'Reminder', 'Action due');
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() =>
      MailApp.sendEmail('x@example.org', 'Reminder', 'b', {cc: 'y@example.org'}),
    ).toThrow('Exception: Service invoked too many times for one day: email.');
    expect(emls(dir)).toHaveLength(50);

    const saved = JSON.parse(JSON.stringify(quota.toState()));
    const sameDay = createMailApp(
      newContext({scopes: [SEND], today: '2027-01-05'}),
      dir,
      MailQuota.fromState(saved),
    );
    expect(sameDay.getRemainingDailyQuota()).toBe(1);
    const nextDay = createMailApp(
      newContext({scopes: [SEND], today: '2027-01-06'}),
      dir,
      MailQuota.fromState(saved),
    );
    expect(nextDay.getRemainingDailyQuota()).toBe(100);
  });

  test('scopes: GmailApp needs the Gmail scope; no mail from a simple trigger', () => {
    const dir = outbox();
    const ctx = newContext({scopes: [SEND]});
    expect(() => createGmailApp(ctx, dir).sendEmail('a@example.org', 's', 'b')).toThrow(
      'Exception: You do not have permission to call GmailApp.sendEmail. Required permissions: https://mail.google.com/',
    );
    ctx.authMode = 'LIMITED';
    expect(() => createMailApp(ctx, dir).sendEmail('a@example.org', 's', 'b')).toThrow(
      /You do not have permission to call MailApp.sendEmail/,
    );
  });
});

describe('HtmlService', () => {
  test('template scriptlets: code, escaped and raw printing, template properties and globals', () => {
    const ctx = newContext();
    const HtmlService = createHtmlService(ctx, outbox(), {
      files: {
        Sidebar:
          '<h1><?= title ?></h1><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?><?!= include("Footer") ?>',
        'Footer.html': '<footer>x</footer>',
      },
      globals: {include: (name: string) => '<footer>Committee Clerk</footer>' + name.length},
    });
    const t = HtmlService.createTemplateFromFile('Sidebar');
    t.title = 'Actions <overdue>';
    t.items = ['Send minutes', 'Book "room"'];
    const out = t.evaluate().setTitle('Overdue actions').setWidth(300);
    expect(out.getContent()).toBe(
      '<h1>Actions &lt;overdue&gt;</h1><li>Send minutes</li><li>Book &quot;room&quot;</li><footer>Committee Clerk</footer>6',
    );
    expect(out.getTitle()).toBe('Overdue actions');
    expect(HtmlService.createHtmlOutputFromFile('Footer').getContent()).toBe('<footer>x</footer>');
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow(
      'Exception: No HTML file named Nope was found.',
    );
    expect(
      HtmlService.createHtmlOutput('<p>a</p>')
        .append('<p>b</p>')
        .appendUntrusted('<c>')
        .getContent(),
    ).toBe('<p>a</p><p>b</p>&lt;c&gt;');
  });

  test('writeHtmlOutput writes a page the user can open', () => {
    const dir = outbox();
    const HtmlService = createHtmlService(newContext(), dir);
    const file = writeHtmlOutput(
      dir,
      'sidebar',
      HtmlService.createHtmlOutput('<p>Hello</p>').setTitle('Dashboard help'),
      new Date('2027-01-05T09:00:00Z'),
    );
    expect(path.basename(file)).toBe('20270105T090000000Z-sidebar-dashboard-help.html');
    expect(fs.readFileSync(file, 'utf8')).toContain('<title>Dashboard help</title>');
    expect(fs.readFileSync(file, 'utf8')).toContain('<p>Hello</p>');
  });
});
