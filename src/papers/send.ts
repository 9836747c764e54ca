/**
 * "Send papers": the selected meeting's agenda pack by email, after a preview the clerk
 * confirms. Within the day's mail quota (MailApp.getRemainingDailyQuota); what the quota leaves
 * unsent goes on the next run, because every message is recorded on the Sent tab as it goes
 * (a batch at a time) and the plan skips everyone already sent that version.
 */
import {TAB} from '../workbook/schema';
import {Problem, ReadBack, readRegister} from '../workbook/registers';
import {dateOfIso, isoOfDate} from '../domain/calendar';
import {Day, Meeting} from '../domain/records';
import {DATE, LONG_DATE} from './dates';
import {PaperError} from './errors';
import {MeetingChoice, chooseMeeting} from './commands';
import {paperName, timeLine} from './agenda';
import {packNames} from './pack';
import {driveService, q} from './output';
import {Session, openSession, withDocumentLock} from './session';
import {MeetingDocs, meetingDocs} from '../web/publish';
import {Recipient, SendPlan, SendVersion, planSend} from './send-plan';

/** Sent rows are written after every batch, so a run stopped half-way resends no one. */
const BATCH = 25;

function flaggedEmails(problems: readonly Problem[]): Map<number, string> {
  return new Map(
    problems.filter(p => p.header === 'Email' && p.kind === 'value').map(p => [p.row, p.problem]),
  );
}

/** The preview: who gets what, who is skipped and why. */
export function previewText(plan: SendPlan, quota: number): string {
  const full = plan.send.filter(r => r.version === 'Full');
  const pub = plan.send.filter(r => r.version === 'Public');
  const lines = [
    `Full pack (exempt items included) to ${full.length}: ${full.map(r => `${r.name} (${r.as})`).join(', ') || 'no one'}.`,
    `Public pack to ${pub.length}: ${pub.map(r => r.name).join(', ') || 'no one'}.`,
  ];
  if (plan.skipped.length)
    lines.push(
      `Not sent to ${plan.skipped.length}: ${plan.skipped.map(s => `${s.name}: ${s.reason}`).join('; ')}.`,
    );
  if (plan.send.length > quota)
    lines.push(
      `Today's mail quota allows ${quota} more message${quota === 1 ? '' : 's'}: ${plan.send.length - quota} will wait. Run Send papers again tomorrow to send the rest.`,
    );
  return lines.join('\n\n');
}

function messageBody(
  s: Session,
  meeting: Meeting,
  r: Recipient,
  reference: string,
): {subject: string; body: string} {
  const when = s.paper.dates(meeting.date, LONG_DATE);
  const time = timeLine(meeting);
  const where = [time, meeting.venue].filter(Boolean).join(', ');
  const contact = s.paper.clerkEmail || s.paper.clerkName || 'the clerk';
  const body = [
    `Dear ${r.name},`,
    '',
    `The agenda pack for the meeting of the ${s.paper.group} on ${when}${where ? ` (${where})` : ''} is attached.`,
    r.version === 'Full'
      ? 'This is the full version, with the exempt items. It is confidential: please do not forward it.'
      : 'This is the public version, as published.',
    '',
    s.paper.clerkName ? `${s.paper.clerkName}, clerk to the ${s.paper.group}` : '',
    '',
    '--',
    r.as === 'Mailing list'
      ? `You receive this because you are on the ${s.paper.group}'s mailing list. To unsubscribe, reply with "unsubscribe" or write to ${contact}.`
      : `You receive this as ${r.as} of the ${s.paper.group}. To stop these emails, reply with "unsubscribe" or write to ${contact}.`,
    `Reference: ${reference}`,
  ];
  return {
    subject: `${s.paper.group}: papers for the meeting on ${s.paper.dates(meeting.date, DATE)}`,
    body: body.join('\n'),
  };
}

export interface SendResult {
  readonly sent: number;
  readonly waiting: number;
  readonly plan: SendPlan;
}

interface Prepared {
  readonly s: Session;
  readonly choice: MeetingChoice;
  readonly plan: SendPlan;
  readonly sentTab: ReadBack<typeof TAB.sent>;
}

/** Reads what the plan needs: Members, Mailing list and Sent, once each (two calls a tab). */
function prepare(s: Session, choice: MeetingChoice): Prepared {
  const members = readRegister(s.ss, TAB.members);
  const mailing = readRegister(s.ss, TAB.mailingList);
  const sentTab = readRegister(s.ss, TAB.sent);
  const plan = planSend(
    choice.meeting.date,
    members.records,
    flaggedEmails(members.problems),
    mailing.records,
    flaggedEmails(mailing.problems),
    sentTab.records,
  );
  return {s, choice, plan, sentTab};
}

/** The meeting on a date (the sidebar names meetings by date, not by selection). */
export function meetingOn(s: Session, date: string): MeetingChoice {
  const meetings = readRegister(s.ss, TAB.meetings);
  const meeting = meetings.records.find(m => m.date === date);
  if (!meeting)
    throw new PaperError(
      `No meeting on the Meetings tab has the date ${date}. Reload the sidebar to see the meetings as they are now.`,
    );
  return {meetings, meeting};
}

/** The preview as text, for the sidebar (nothing is sent). */
export function sendPreview(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, date: string): string {
  const s = openSession(ss);
  const p = prepare(s, meetingOn(s, date));
  if (!p.plan.send.length) return `Nothing to send.\n\n${previewText(p.plan, Infinity)}`.trim();
  return previewText(p.plan, MailApp.getRemainingDailyQuota());
}

/** Sends what the preview showed, for the sidebar (the clerk confirmed there). */
export function sendConfirmed(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  date: string,
): SendResult {
  const s = openSession(ss);
  const p = prepare(s, meetingOn(s, date));
  if (!p.plan.send.length) throw new PaperError('Nothing to send: everyone has had these papers.');
  const quota = MailApp.getRemainingDailyQuota();
  if (quota < 1) throw new PaperError(QUOTA_USED);
  return deliver(p, quota);
}

const QUOTA_USED =
  "Today's mail quota is used up, so nothing was sent. Run Send papers again tomorrow.";

/** Committee > Papers > Send papers. */
export function sendPapersCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SendResult {
  const s = openSession(ss);
  const p = prepare(s, chooseMeeting(s));
  const {plan} = p;
  const when = p.choice.meeting.date;
  const ui = SpreadsheetApp.getUi();
  const title = `Send papers: ${s.paper.dates(when, DATE)}`;
  if (!plan.send.length) {
    ui.alert(title, `Nothing to send.\n\n${previewText(plan, Infinity)}`.trim(), ui.ButtonSet.OK);
    return {sent: 0, waiting: 0, plan};
  }
  const quota = MailApp.getRemainingDailyQuota();
  if (quota < 1) throw new PaperError(QUOTA_USED);
  const answer = ui.alert(title, `${previewText(plan, quota)}\n\nSend now?`, ui.ButtonSet.YES_NO);
  if (answer !== ui.Button.YES) return {sent: 0, waiting: plan.send.length, plan};
  return deliver(p, quota);
}

/** Drive ids of the meeting's two reports packs, by version, found with one list call. */
function findPacks(s: Session, when: Day): Partial<Record<SendVersion, string>> {
  const packs = packNames(s.paper.group, s.paper.dates(when, DATE));
  // The names carry the group and the date, so one query by name finds both; when copies
  // exist, the newest pair sharing a folder wins (the pack command replaces in place).
  const files =
    driveService().Files.list({
      q: `trashed = false and mimeType = 'application/pdf' and (name = ${q(packs.full)} or name = ${q(packs.public)})`,
      fields: 'files(id,name,parents)',
      orderBy: 'modifiedTime desc',
    }).files ?? [];
  const inFolder = (parent: string | undefined) => {
    const out: Partial<Record<SendVersion, string>> = {};
    for (const f of files) {
      if (parent !== undefined && !(f.parents ?? []).includes(parent)) continue;
      const v = f.name === packs.full ? 'Full' : f.name === packs.public ? 'Public' : null;
      if (v && f.id && !out[v]) out[v] = f.id;
    }
    return out;
  };
  for (const parent of files.flatMap(f => f.parents ?? [])) {
    const pair = inFolder(parent);
    if (pair.Full && pair.Public) return pair;
  }
  return inFolder(undefined);
}

/**
 * The attachment of each version, fetched only for versions someone is sent: the reports pack
 * when it has been made (agenda, papers, previous minutes), else the agenda Doc as a PDF.
 */
function attachments(
  s: Session,
  when: Day,
  versions: ReadonlySet<SendVersion>,
): Record<SendVersion, GoogleAppsScript.Base.Blob | null> {
  const packs = findPacks(s, when);
  const out: Record<SendVersion, GoogleAppsScript.Base.Blob | null> = {Full: null, Public: null};
  let docs: MeetingDocs | null | undefined;
  const d = s.paper.dates(when, DATE);
  for (const v of versions) {
    const pack = packs[v];
    if (pack) {
      out[v] = DriveApp.getFileById(pack).getBlob();
      continue;
    }
    if (docs === undefined) docs = meetingDocs(s, when);
    const doc = docs?.docs.get(
      v === 'Full'
        ? paperName(s.paper.group, 'Agenda', d)
        : paperName(s.paper.group, 'Agenda', d, 'public'),
    );
    if (!doc)
      throw new PaperError(
        `The agenda pack for ${d} has not been made yet, so nothing was sent. Run Committee > Papers > Generate agenda pack first.`,
      );
    out[v] = DocumentApp.openById(doc.id).getAs('application/pdf');
  }
  return out;
}

/** Sends up to `quota` messages, recording each batch on Sent; stamps "Agenda published on". */
function deliver(p: Prepared, quota: number): SendResult {
  const {s, plan, sentTab, choice} = p;
  const ss = s.ss;
  const meeting = choice.meeting;
  const when = meeting.date;
  const todo = plan.send.slice(0, quota);
  const now = new Date();
  const today = isoOfDate(now);
  return withDocumentLock(() => {
    const pdf = attachments(s, when, new Set(todo.map(r => r.version)));
    const width = sentTab.headers.length;
    let next = sentTab.grid.length + 1;
    let batch: (string | Date)[][] = [];
    const flush = () => {
      if (!batch.length) return;
      sentTab.cells(next, 1, batch.length, width).setValues(batch);
      next += batch.length;
      batch = [];
    };
    const put = (line: (string | Date)[], h: string, v: string | Date) => {
      const c = sentTab.index.get(h);
      if (c !== undefined) line[c] = v;
    };
    todo.forEach((r, k) => {
      const reference = `${when}-${r.version.toLowerCase()}-${now.getTime()}-${k + 1}@${s.paper.group.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`;
      const m = messageBody(s, meeting, r, reference);
      MailApp.sendEmail({
        to: r.email,
        subject: m.subject,
        body: m.body,
        name: s.paper.clerkName || s.paper.group,
        replyTo: s.paper.clerkEmail || undefined,
        attachments: [pdf[r.version] as GoogleAppsScript.Base.Blob],
      });
      const line: (string | Date)[] = new Array(width).fill('');
      put(line, 'Sent on', dateOfIso(today));
      put(line, 'Meeting date', dateOfIso(when));
      put(line, 'To', r.email);
      put(line, 'Version', r.version);
      put(line, 'Message id', reference);
      batch.push(line);
      if (batch.length === BATCH) flush();
    });
    flush();
    if (!meeting.agendaPublishedOn) {
      const col = choice.meetings.index.get('Agenda published on');
      if (col !== undefined)
        choice.meetings.cells(meeting.row, col + 1, 1, 1).setValue(dateOfIso(today));
    }
    const waiting = plan.send.length - todo.length;
    ss.toast(
      `Sent ${todo.length} message${todo.length === 1 ? '' : 's'}${waiting ? `; ${waiting} wait for tomorrow's quota (run Send papers again)` : ''}.`,
      'Send papers',
      15,
    );
    return {sent: todo.length, waiting, plan};
  });
}
