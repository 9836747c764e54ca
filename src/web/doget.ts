/**
 * doGet: the script as a web app (developers.google.com/apps-script/guides/web). One request
 * reads Settings and Meetings once each and the published list with one getProperties, so its
 * cost does not grow with the number of meetings. `?format=ics` gives the calendar feed;
 * any other query is ignored and gets the page.
 */
import {TAB} from '../workbook/schema';
import {readRegister} from '../workbook/registers';
import {openSession, Session} from '../papers/session';
import {isoOfDate} from '../domain/calendar';
import {meetingsFeed} from './ics';
import {publicPage} from './page';
import {readPublications} from './published';

/** The event object's query (developers.google.com/apps-script/guides/web#request_parameters). */
export interface WebRequest {
  readonly parameter?: Record<string, unknown>;
}

/** "Font" on Settings when an officer added that row (a CSS font name), else the papers' Arial. */
function fontOf(s: Session): string {
  const row = s.settingsGrid.find((r, k) => k > 0 && String(r[0]).trim() === 'Font');
  return row ? String(row[1] ?? '').trim() : '';
}

/** The web app's own address, or '' when it is not deployed (links are then relative). */
function selfUrl(): string {
  try {
    return ScriptApp.getService().getUrl() ?? '';
  } catch (_e) {
    // Not deployed, or run where the service has no address: relative links still work.
    return '';
  }
}

export function webResponse(
  e: WebRequest | undefined,
): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const s = openSession(ss);
  const meetings = readRegister(ss, TAB.meetings).records;
  const format = e?.parameter?.format;
  if (format === 'ics') {
    const feed = meetingsFeed(
      meetings,
      {group: s.paper.group, timeZone: s.timeZone, uidDomain: `${ss.getId()}.committee-clerk`},
      new Date(),
    );
    return ContentService.createTextOutput(feed).setMimeType(ContentService.MimeType.ICAL);
  }
  const today = isoOfDate(new Date());
  const html = publicPage(meetings, readPublications(), today, {
    group: s.paper.group,
    font: fontOf(s),
    clerkName: s.paper.clerkName,
    clerkEmail: s.paper.clerkEmail,
    selfUrl: selfUrl(),
  });
  return HtmlService.createHtmlOutput(html)
    .setTitle(`${s.paper.group}: meetings and papers`)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}
