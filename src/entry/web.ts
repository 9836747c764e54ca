// Entry points of the web app, publishing, sending and the papers sidebar.
import {openSession, runCommand} from '../papers/session';
import {SIDEBAR_HTML} from '../web/sidebar-html';
import {
  SidebarMeeting,
  SidebarPaper,
  sidebarMakePaper,
  sidebarMeetingList,
  sidebarPaperList,
  sidebarPreviewSend,
  sidebarPublishPapers,
  sidebarSendPapers,
} from '../web/sidebar';
import {WebRequest, webResponse} from '../web/doget';
import {publishPapersCommand} from '../web/publish';
import {sendPapersCommand} from '../papers/send';
import {applyPick, pickTargetFrom, showPicker} from '../web/picker';

/** Web app: the public papers page, or the calendar feed with ?format=ics. */
export function doGet(
  e?: WebRequest,
): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  return webResponse(e);
}

/** Committee > Papers > Publish papers: the selected meeting's public papers on the public page. */
export function publishPapers(): void {
  runCommand(() => void publishPapersCommand(book()));
}

/** Committee > Papers > Send papers: a preview, then the pack by email (full to members, public to the mailing list). */
export function sendPapers(): void {
  runCommand(() => void sendPapersCommand(book()));
}

/** Committee > Papers > Open papers sidebar. */
export function openPapersSidebar(): void {
  book();
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(SIDEBAR_HTML).setTitle('Papers'));
}

// The sidebar's server functions (google.script.run); each says what went wrong in plain words.
// A web app executing as the clerk exposes every global to any visitor's browser: the build
// makes each of these, and every menu handler, check first that the caller may edit the
// spreadsheet (src/entry/guard.ts).
const book = () => SpreadsheetApp.getActiveSpreadsheet();

export function sidebarMeetings(): SidebarMeeting[] {
  return sidebarMeetingList(book());
}
export function sidebarPapers(date: string): SidebarPaper[] {
  return sidebarPaperList(openSession(book()), String(date));
}
export function sidebarMake(date: string, kind: string): SidebarPaper[] {
  return sidebarMakePaper(book(), String(date), String(kind));
}
export function sidebarPublish(date: string): {papers: SidebarPaper[]; notes: string[]} {
  return sidebarPublishPapers(book(), String(date));
}
export function sidebarSendPreview(date: string): string {
  return sidebarPreviewSend(book(), String(date));
}
export function sidebarSend(date: string): string {
  return sidebarSendPapers(book(), String(date));
}

/** Committee > Papers > Choose from Drive: a template, the papers folder or a paper, with Google Picker. */
export function chooseFromDrive(): void {
  runCommand(() => showPicker(book()));
}
/** The Choose from Drive dialog's answer (google.script.run). */
export function pickerChosen(target: unknown, chosen: string): string {
  return applyPick(book(), pickTargetFrom(target), String(chosen ?? ''));
}
