// Entry points of the web app, publishing, sending and the papers sidebar.
import {runCommand} from '../papers/session';
import {WebRequest, webResponse} from '../web/doget';
import {publishPapersCommand} from '../web/publish';
import {sendPapersCommand} from '../papers/send';

/** Web app: the public papers page, or the calendar feed with ?format=ics. */
export function doGet(
  e?: WebRequest,
): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  return webResponse(e);
}

/** Committee > Papers > Publish papers: the selected meeting's public papers on the public page. */
export function publishPapers(): void {
  runCommand(() => void publishPapersCommand(SpreadsheetApp.getActiveSpreadsheet()));
}

/** Committee > Papers > Send papers: a preview, then the pack by email (full to members, public to the mailing list). */
export function sendPapers(): void {
  runCommand(() => void sendPapersCommand(SpreadsheetApp.getActiveSpreadsheet()));
}
