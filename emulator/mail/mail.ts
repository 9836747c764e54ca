/**
 * MailApp and GmailApp.sendEmail: each message is written as one RFC 822 .eml in the outbox
 * (file names sort by send time). The daily quota counts recipients (to + cc + bcc), as Google
 * does (developers.google.com/apps-script/guides/services/quotas: "Email recipients per day",
 * 100 for consumer accounts); past it sendEmail fails with "Service invoked too many times for one
 * day: email." The quota's state is kept by the host (MailQuota.toState / fromState).
 * References: developers.google.com/apps-script/reference/mail/mail-app,
 * developers.google.com/apps-script/reference/gmail/gmail-app#sendEmail(String,String,String,Object).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {randomBytes} from 'node:crypto';
import {requireScope, type ServiceContext} from '../context';
import {asBlob, Blob} from '../drive/blob';
import {answerMissing} from '../services/not-emulated';

export const CONSUMER_DAILY_RECIPIENTS = 100;
export const MAIL_SCOPES = ['https://www.googleapis.com/auth/script.send_mail'] as const;
export const GMAIL_SEND_SCOPES = [
  'https://mail.google.com/',
  'https://www.googleapis.com/auth/gmail.send',
] as const;
const QUOTA_EXCEEDED = 'Exception: Service invoked too many times for one day: email.';

export interface MailQuotaState {
  day: string;
  used: number;
  /** Gmail drafts, kept with the quota so they last from run to run, as drafts do. */
  drafts?: StoredDraft[];
}

/** A draft as saved in the workspace state (attachments as base64). */
export interface StoredDraft {
  id: string;
  messageId: string;
  mail: Omit<OutgoingMail, 'attachments'> & {
    attachments: {name: string | null; contentType: string | null; base64: string}[];
  };
}

function storeMail(m: OutgoingMail): StoredDraft['mail'] {
  return {
    ...m,
    attachments: m.attachments.map(a => ({
      name: a.getName(),
      contentType: a.getContentType(),
      base64: Buffer.from(a.rawBytes()).toString('base64'),
    })),
  };
}

function loadMail(m: StoredDraft['mail']): OutgoingMail {
  return {
    ...m,
    attachments: m.attachments.map(
      a => new Blob(new Uint8Array(Buffer.from(a.base64, 'base64')), a.contentType, a.name),
    ),
  };
}

/** Recipients sent today; shared by MailApp and GmailApp (one daily quota per user). */
export class MailQuota {
  constructor(
    public limit = CONSUMER_DAILY_RECIPIENTS,
    private state: MailQuotaState = {day: '', used: 0},
  ) {}
  /** The Gmail drafts of this user (GmailApp.createDraft), saved with the quota. */
  drafts: StoredDraft[] = [];
  static fromState(state: unknown, limit = CONSUMER_DAILY_RECIPIENTS): MailQuota {
    const s = state as MailQuotaState | undefined;
    if (s && typeof s.day === 'string' && typeof s.used === 'number') {
      const q = new MailQuota(limit, {day: s.day, used: s.used});
      q.drafts = Array.isArray(s.drafts) ? s.drafts : [];
      return q;
    }
    return new MailQuota(limit);
  }
  toState(): MailQuotaState {
    return this.drafts.length ? {...this.state, drafts: this.drafts} : {...this.state};
  }
  remaining(today: string): number {
    if (this.state.day !== today) return this.limit;
    return Math.max(0, this.limit - this.state.used);
  }
  take(today: string, n: number): void {
    if (this.state.day !== today) this.state = {day: today, used: 0};
    if (this.state.used + n > this.limit) throw new Error(QUOTA_EXCEEDED);
    this.state.used += n;
  }
}

export interface OutgoingMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  noReply?: boolean;
  attachments: Blob[];
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function recipients(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  return String(list)
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
    .map(s => {
      const m = /<([^>]+)>\s*$/.exec(s);
      const addr = m ? m[1] : s;
      if (!EMAIL.test(addr)) throw new Error(`Exception: Invalid email: ${s}`);
      return s;
    });
}

function fromOptions(
  to: unknown,
  subject: unknown,
  body: unknown,
  o: Record<string, unknown> = {},
): OutgoingMail {
  const attachments =
    o.attachments === undefined
      ? []
      : (Array.isArray(o.attachments) ? o.attachments : [o.attachments]).map(a => asBlob(a));
  return {
    to: recipients(to),
    cc: recipients(o.cc),
    bcc: recipients(o.bcc),
    subject: String(subject ?? ''),
    body: String(body ?? ''),
    htmlBody: o.htmlBody !== undefined ? String(o.htmlBody) : undefined,
    name: o.name !== undefined ? String(o.name) : undefined,
    replyTo: o.replyTo !== undefined ? recipients(o.replyTo).join(', ') : undefined,
    noReply: o.noReply === true,
    attachments,
  };
}

// ------------------------------------------------------------------ RFC 822 / MIME

function encodeWord(s: string): string {
  // RFC 2047 for non-ASCII header text.
  return /^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
}

function quotedPrintable(s: string): string {
  const bytes = Buffer.from(s.replace(/\r?\n/g, '\r\n'), 'utf8');
  let out = '';
  let line = '';
  const push = (tok: string) => {
    if (line.length + tok.length > 75) {
      out += `${line}=\r\n`;
      line = '';
    }
    line += tok;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0d && bytes[i + 1] === 0x0a) {
      out += `${line}\r\n`;
      line = '';
      i++;
    } else if (
      (b >= 33 && b <= 126 && b !== 61) ||
      (b === 32 && bytes[i + 1] !== 0x0d && i + 1 < bytes.length)
    )
      push(String.fromCharCode(b));
    else push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  return out + line;
}

function base64Lines(b: Uint8Array): string {
  return (
    Buffer.from(b)
      .toString('base64')
      .match(/.{1,76}/g) ?? ['']
  ).join('\r\n');
}

function rfc2822Date(d: Date): string {
  return d.toUTCString().replace('GMT', '+0000');
}

/** The message as RFC 822 text with MIME parts (alternative text/html, mixed with attachments). */
export function toEml(m: OutgoingMail, from: string, date: Date): string {
  const boundary = () => `=_clerk_${randomBytes(8).toString('hex')}`;
  const textPart = (type: string, text: string) =>
    [
      `Content-Type: ${type}; charset=UTF-8`,
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(text),
    ].join('\r\n');
  let content = textPart('text/plain', m.body);
  if (m.htmlBody !== undefined) {
    const b = boundary();
    const parts = [
      `--${b}`,
      textPart('text/plain', m.body),
      `--${b}`,
      textPart('text/html', m.htmlBody),
      `--${b}--`,
    ].join('\r\n');
    content = `Content-Type: multipart/alternative; boundary="${b}"\r\n\r\n${parts}`;
  }
  if (m.attachments.length) {
    const b = boundary();
    const parts = [`--${b}`, content];
    m.attachments.forEach((a, i) => {
      const name = a.getName() ?? `attachment-${i + 1}`;
      parts.push(
        `--${b}`,
        [
          `Content-Type: ${a.getContentType() ?? 'application/octet-stream'}; name="${encodeWord(name)}"`,
          `Content-Disposition: attachment; filename="${encodeWord(name)}"`,
          'Content-Transfer-Encoding: base64',
          '',
          base64Lines(a.rawBytes()),
        ].join('\r\n'),
      );
    });
    parts.push(`--${b}--`);
    content = `Content-Type: multipart/mixed; boundary="${b}"\r\n\r\n${parts.join('\r\n')}`;
  }
  const domain = from.split('@')[1] ?? 'example.org';
  const fromAddr = m.noReply ? `noreply@${domain}` : from;
  const headers = [
    `From: ${m.name ? `"${encodeWord(m.name)}" <${fromAddr}>` : fromAddr}`,
    `To: ${m.to.join(', ')}`,
    ...(m.cc.length ? [`Cc: ${m.cc.join(', ')}`] : []),
    ...(m.bcc.length ? [`Bcc: ${m.bcc.join(', ')}`] : []),
    ...(m.replyTo ? [`Reply-To: ${m.replyTo}`] : []),
    `Subject: ${encodeWord(m.subject)}`,
    `Date: ${rfc2822Date(date)}`,
    `Message-ID: <${randomBytes(12).toString('hex')}@${domain}>`,
    'MIME-Version: 1.0',
  ];
  // `content` starts with its own Content-Type header(s), then a blank line, then the body.
  return `${headers.join('\r\n')}\r\n${content}\r\n`;
}

let sequence = 0;

function writeEml(outboxDir: string, m: OutgoingMail, ctx: ServiceContext): string {
  fs.mkdirSync(outboxDir, {recursive: true});
  const now = ctx.clock.now();
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  const slug =
    m.subject
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50) || 'message';
  sequence++;
  const file = path.join(outboxDir, `${stamp}-${String(sequence).padStart(4, '0')}-${slug}.eml`);
  const tmp = `${file}.part`;
  fs.writeFileSync(tmp, toEml(m, ctx.user, now));
  fs.renameSync(tmp, file);
  return file;
}

function send(ctx: ServiceContext, outboxDir: string, quota: MailQuota, m: OutgoingMail): string {
  const n = m.to.length + m.cc.length + m.bcc.length;
  if (n === 0) throw new Error('Exception: Failed to send email: no recipient');
  quota.take(ctx.clock.today, n);
  return writeEml(outboxDir, m, ctx);
}

/** MailApp (scope script.send_mail). Pass one MailQuota to both factories so they share it. */
function mailAppObject(ctx: ServiceContext, outboxDir: string, quota: MailQuota = new MailQuota()) {
  const call = (name: string) => {
    requireScope(ctx, `MailApp.${name}`, MAIL_SCOPES);
    ctx.stats.count(`MailApp.${name}`);
  };
  return {
    /**
     * sendEmail(message) | (recipient, subject, body) | (recipient, subject, body, options)
     * | (to, replyTo, subject, body) (reference/mail/mail-app#sendEmail(...)).
     */
    sendEmail(...args: unknown[]): void {
      call('sendEmail');
      let m: OutgoingMail;
      if (args.length === 1 && args[0] && typeof args[0] === 'object') {
        const o = args[0] as Record<string, unknown>;
        m = fromOptions(o.to, o.subject, o.body, o);
      } else if (args.length === 4 && typeof args[3] === 'string') {
        m = fromOptions(args[0], args[2], args[3], {replyTo: args[1]});
      } else {
        m = fromOptions(args[0], args[1], args[2], (args[3] as Record<string, unknown>) ?? {});
      }
      send(ctx, outboxDir, quota, m);
    },
    getRemainingDailyQuota(): number {
      call('getRemainingDailyQuota');
      return quota.remaining(ctx.clock.today);
    },
  };
}

/** GmailApp.sendEmail (needs the Gmail scope; our manifest does not grant it, on purpose). */
function gmailAppObject(
  ctx: ServiceContext,
  outboxDir: string,
  quota: MailQuota = new MailQuota(),
) {
  const self = {
    sendEmail(recipient: string, subject: string, body: string, options?: Record<string, unknown>) {
      requireScope(ctx, 'GmailApp.sendEmail', GMAIL_SEND_SCOPES);
      ctx.stats.count('GmailApp.sendEmail');
      send(ctx, outboxDir, quota, fromOptions(recipient, subject, body, options ?? {}));
      return self;
    },
    getAliases(): string[] {
      ctx.stats.count('GmailApp.getAliases');
      return [];
    },
    /** A draft saved with the workspace; send() mails it (reference/gmail/gmail-app#createDraft(String,String,String,Object)). */
    createDraft(
      recipient: string,
      subject: string,
      body: string,
      options?: Record<string, unknown>,
    ) {
      gmail('createDraft');
      const record: StoredDraft = {
        id: `r-${randomBytes(8).toString('hex')}`,
        messageId: randomBytes(8).toString('hex'),
        mail: storeMail(fromOptions(recipient, subject, body, options ?? {})),
      };
      quota.drafts.push(record);
      return draft(record);
    },
    getDrafts(): GmailDraft[] {
      gmail('getDrafts');
      return quota.drafts.map(draft);
    },
    getDraft(draftId: string): GmailDraft {
      gmail('getDraft');
      const d = quota.drafts.find(x => x.id === String(draftId));
      if (!d) throw new Error('Invalid argument: draftId');
      return draft(d);
    },
    getDraftMessages(): GmailMessage[] {
      gmail('getDraftMessages');
      return quota.drafts.map(d => draft(d).getMessage());
    },
  };
  const draft = (record: StoredDraft) =>
    new GmailDraft(ctx, quota, record, m => send(ctx, outboxDir, quota, m));
  const gmail = (name: string) => {
    requireScope(ctx, `GmailApp.${name}`, GMAIL_SEND_SCOPES);
    ctx.stats.count(`GmailApp.${name}`);
  };
  return self;
}

/** GmailMessage (reference/gmail/gmail-message): what a draft or a sent message holds. */
export class GmailMessage {
  readonly _cls = 'GmailMessage';
  constructor(
    private readonly id: string,
    private readonly m: OutgoingMail,
    private readonly from: string,
    private readonly date: Date,
    private readonly draft: boolean,
  ) {}
  getId(): string {
    return this.id;
  }
  getSubject(): string {
    return this.m.subject;
  }
  getTo(): string {
    return this.m.to.join(', ');
  }
  getCc(): string {
    return this.m.cc.join(', ');
  }
  getBcc(): string {
    return this.m.bcc.join(', ');
  }
  getFrom(): string {
    return this.m.name ? `${this.m.name} <${this.from}>` : this.from;
  }
  getReplyTo(): string {
    return this.m.replyTo ?? this.from;
  }
  getBody(): string {
    return this.m.htmlBody ?? this.m.body;
  }
  getPlainBody(): string {
    return this.m.body;
  }
  getDate(): Date {
    return new Date(this.date.getTime());
  }
  getAttachments(): Blob[] {
    return this.m.attachments.map(a => a.copyBlob());
  }
  isDraft(): boolean {
    return this.draft;
  }
  isInTrash(): boolean {
    return false;
  }
  toString(): string {
    return 'GmailMessage';
  }
}

/** GmailDraft (reference/gmail/gmail-draft): saved with the workspace; send() writes the .eml and counts the quota. */
export class GmailDraft {
  readonly _cls = 'GmailDraft';
  constructor(
    private readonly ctx: ServiceContext,
    private readonly quota: MailQuota,
    private readonly record: StoredDraft,
    private readonly mail: (m: OutgoingMail) => void,
  ) {}
  getId(): string {
    return this.record.id;
  }
  getMessageId(): string {
    return this.record.messageId;
  }
  getMessage(): GmailMessage {
    const m = loadMail(this.record.mail);
    return new GmailMessage(this.record.messageId, m, this.ctx.user, this.ctx.clock.now(), true);
  }
  update(
    recipient: string,
    subject: string,
    body: string,
    options?: Record<string, unknown>,
  ): this {
    this.record.mail = storeMail(fromOptions(recipient, subject, body, options ?? {}));
    return this;
  }
  send(): GmailMessage {
    const m = loadMail(this.record.mail);
    this.mail(m);
    this.deleteDraft();
    return new GmailMessage(this.record.messageId, m, this.ctx.user, this.ctx.clock.now(), false);
  }
  deleteDraft(): void {
    this.quota.drafts = this.quota.drafts.filter(d => d.id !== this.record.id);
  }
  toString(): string {
    return 'GmailDraft';
  }
}

answerMissing(GmailMessage.prototype, 'Gmail');
answerMissing(GmailDraft.prototype, 'Gmail');

export type EmulatedMailApp = ReturnType<typeof createMailApp>;
export type EmulatedGmailApp = ReturnType<typeof createGmailApp>;

/** MailApp; methods it lacks say "not yet emulated: MailApp.method". */
export function createMailApp(
  ...args: Parameters<typeof mailAppObject>
): ReturnType<typeof mailAppObject> {
  return answerMissing(mailAppObject(...args), 'Mail', 'MailApp');
}

/** GmailApp; methods it lacks say "not yet emulated: GmailApp.method". */
export function createGmailApp(
  ...args: Parameters<typeof gmailAppObject>
): ReturnType<typeof gmailAppObject> {
  return answerMissing(gmailAppObject(...args), 'Gmail', 'GmailApp');
}
