/**
 * The paper commands behind the menu: read what is needed (each tab once), build the papers
 * as data, check them, then write the Docs, the links and the summary.
 */
import { TAB } from '../workbook/schema';
import { agendaPaper, itemsOfMeeting, meetingDate, orderAgenda } from './agenda';
import { Meeting, agendaOf, dayKey, meetingsOf, membersOf, readTab, TabRows } from './data';
import { DATE } from './dates';
import { PaperError } from './errors';
import { Made, existingDocs, writePaper } from './output';
import { Paper } from './model';
import { Session, openSession, outputFolder, selectedRow, showSummary, withDocumentLock } from './session';

export interface MeetingChoice {
  readonly meetings: TabRows;
  readonly meeting: Meeting;
  readonly agenda?: TabRows;
}

/** The meeting of the selected Meetings row, or of the selected Agenda row's Meeting date. */
export function chooseMeeting(s: Session): MeetingChoice {
  const sel = selectedRow(s.ss, [TAB.meetings, TAB.agenda], 'a meeting');
  const hhmm = (d: Date) => s.paper.dates(d, 'HH:mm');
  if (sel.tab === TAB.meetings) {
    const meetings = readTab(s.ss, TAB.meetings, sel.sheet);
    const meeting = meetingsOf(meetings, hhmm).find((m) => m.row === sel.row);
    if (!meeting) throw new PaperError(`Meetings row ${sel.row} is empty. Select the row of a meeting.`);
    meetingDate(meeting);
    return { meetings, meeting };
  }
  const agenda = readTab(s.ss, TAB.agenda, sel.sheet);
  const item = agendaOf(agenda).find((i) => i.row === sel.row);
  if (!item?.date) throw new PaperError(`Agenda row ${sel.row} has no Meeting date, so it belongs to no meeting yet. Select a row of the meeting you want.`);
  const meetings = readTab(s.ss, TAB.meetings);
  const meeting = meetingsOf(meetings, hhmm).find((m) => m.date && dayKey(m.date) === dayKey(item.date as Date));
  if (!meeting) throw new PaperError(`No row on the Meetings tab has the date ${s.paper.dates(item.date, DATE)} (from Agenda row ${sel.row}). Add the meeting first.`);
  return { meetings, meeting, agenda };
}

/** Writes the papers into the meeting's folder, replacing Docs of the same names. */
export function writePapers(s: Session, folderName: string, papers: readonly Paper[]): Made[] {
  const folder = outputFolder(s, folderName);
  const old = existingDocs(folder, papers.map((p) => p.name));
  return papers.map((p) => writePaper(p, folder, old.get(p.name)));
}

export function meetingFolderName(s: Session, when: Date): string {
  return `${s.paper.dates(when, 'yyyy-MM-dd')} ${s.paper.group}`;
}

/** One write of a link into the meeting's row. */
export function writeMeetingLink(meetings: TabRows, row: number, header: string, url: string): void {
  const col = meetings.index.get(header);
  if (col === undefined) return; // an officer removed the column: the dialog still lists the link
  meetings.sheet.getRange(row, col + 1).setValue(url);
}

/** "Generate agenda pack": the full and the public agenda of the selected meeting. */
export function agendaPackCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Made[] {
  const s = openSession(ss);
  const choice = chooseMeeting(s);
  const agenda = choice.agenda ?? readTab(ss, TAB.agenda);
  const members = membersOf(readTab(ss, TAB.members));
  const items = orderAgenda(itemsOfMeeting(agendaOf(agenda), choice.meeting, s.paper));
  const full = agendaPaper(choice.meeting, items, members, s.paper, 'full');
  const pub = agendaPaper(choice.meeting, items, members, s.paper, 'public');
  const made = withDocumentLock(() => {
    const out = writePapers(s, meetingFolderName(s, meetingDate(choice.meeting)), [full, pub]);
    writeMeetingLink(choice.meetings, choice.meeting.row, 'Agenda link', out[0].url);
    return out;
  });
  showSummary('Agenda pack', made, ['The public version leaves out exempt items and members\' contact details. The Agenda link on the Meetings tab points to the full version.']);
  return made;
}
