/**
 * The papers sidebar's server side: the meetings to pick from, the state of each paper of a
 * meeting, and the actions the sidebar's buttons call through google.script.run
 * (developers.google.com/apps-script/guides/html/reference/run). Errors are thrown with the
 * plain message an officer reads; the sidebar shows them.
 */
import {TAB} from '../workbook/schema';
import {readRegister} from '../workbook/registers';
import {isoOfDate} from '../domain/calendar';
import {Day} from '../domain/records';
import {paperName} from '../papers/agenda';
import {agendaPackCommand, minutesCommand} from '../papers/commands';
import {DATE} from '../papers/dates';
import {PaperError} from '../papers/errors';
import {docUrl} from '../papers/output';
import {openSession, Session} from '../papers/session';
import {meetingOn, sendConfirmed, sendPreview} from '../papers/send';
import {longDate} from './page';
import {fileViewUrl, readPublications} from './published';
import {meetingDocs, publishMeeting} from './publish';

export interface SidebarMeeting {
  readonly date: Day;
  readonly label: string;
  readonly upcoming: boolean;
}

export type PaperState = 'not made' | 'made' | 'edited since' | 'published';

export interface SidebarPaper {
  readonly key: 'agenda-full' | 'agenda-public' | 'minutes';
  readonly title: string;
  readonly state: PaperState;
  /** What the state means, in a sentence. */
  readonly detail: string;
  readonly url: string;
  readonly publishedUrl: string;
}

/** A Doc counts as edited when it changed more than a minute after it was made. */
const EDIT_SLACK_MS = 60_000;

/** Meetings, upcoming first (soonest first), then past (latest first). */
export function sidebarMeetingList(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SidebarMeeting[] {
  const today = isoOfDate(new Date());
  const meetings = readRegister(ss, TAB.meetings).records;
  const up = meetings.filter(m => m.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  const past = meetings.filter(m => m.date < today).sort((a, b) => b.date.localeCompare(a.date));
  return [...up, ...past].map(m => ({
    date: m.date,
    label: `${longDate(m.date)}${m.status ? ` (${m.status})` : ''}`,
    upcoming: m.date >= today,
  }));
}

function later(a: string, b: string): boolean {
  return Date.parse(a) - Date.parse(b) > EDIT_SLACK_MS;
}

/** Each paper of the meeting and its state. */
export function sidebarPaperList(s: Session, date: Day): SidebarPaper[] {
  meetingOn(s, date);
  const d = s.paper.dates(date, DATE);
  const g = s.paper.group;
  const found = meetingDocs(s, date);
  const pub = readPublications().get(date) ?? {};
  const row = (
    key: SidebarPaper['key'],
    title: string,
    name: string,
    published?: {id: string; source: string; sourceModified: string},
  ): SidebarPaper => {
    const doc = found?.docs.get(name);
    if (!doc)
      return {key, title, state: 'not made', detail: 'Not made yet.', url: '', publishedUrl: ''};
    const publishedUrl = published?.source === doc.id ? fileViewUrl(published.id) : '';
    if (publishedUrl && published?.sourceModified === doc.modified)
      return {
        key,
        title,
        state: 'published',
        detail: 'Published on the public page.',
        url: docUrl(doc.id),
        publishedUrl,
      };
    if (publishedUrl)
      return {
        key,
        title,
        state: 'edited since',
        detail: 'Edited since it was published: publish again to update the public copy.',
        url: docUrl(doc.id),
        publishedUrl,
      };
    if (later(doc.modified, doc.created))
      return {
        key,
        title,
        state: 'edited since',
        detail: 'Edited since it was made.',
        url: docUrl(doc.id),
        publishedUrl: '',
      };
    return {
      key,
      title,
      state: 'made',
      detail: 'Made, not published.',
      url: docUrl(doc.id),
      publishedUrl: '',
    };
  };
  return [
    row('agenda-full', 'Agenda pack (full, for members)', paperName(g, 'Agenda', d)),
    row('agenda-public', 'Agenda pack (public)', paperName(g, 'Agenda', d, 'public'), pub.agenda),
    row('minutes', 'Minutes', paperName(g, 'Minutes (draft)', d), pub.minutes),
  ];
}

/** Makes a paper of the meeting: the agenda pack (both versions) or the minutes draft. */
export function sidebarMakePaper(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  date: Day,
  kind: string,
): SidebarPaper[] {
  const s = openSession(ss);
  const choice = meetingOn(s, date);
  // The paper commands act on the selected meeting: select its row, as the clerk would.
  choice.meetings.cells(choice.meeting.row, 1, 1, 1).activate();
  if (kind === 'agenda') agendaPackCommand(ss);
  else if (kind === 'minutes') minutesCommand(ss);
  else throw new PaperError(`"${kind}" is not a paper the sidebar can make (agenda or minutes).`);
  // Afresh: making the first papers may have made the papers folder and written its id.
  return sidebarPaperList(openSession(ss), date);
}

export function sidebarPublishPapers(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  date: Day,
): {papers: SidebarPaper[]; notes: string[]} {
  const s = openSession(ss);
  const choice = meetingOn(s, date);
  const r = publishMeeting(s, choice);
  return {papers: sidebarPaperList(s, date), notes: r.notes};
}

export function sidebarPreviewSend(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  date: Day,
): string {
  return sendPreview(ss, date);
}

export function sidebarSendPapers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, date: Day): string {
  const r = sendConfirmed(ss, date);
  return `Sent ${r.sent} message${r.sent === 1 ? '' : 's'}${r.waiting ? `; ${r.waiting} wait for tomorrow's mail quota (send again tomorrow)` : ''}.`;
}
