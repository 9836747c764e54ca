/**
 * doGet: the script as a web app (developers.google.com/apps-script/guides/web). One request
 * reads Settings and Meetings once each (the page also Decisions and Agenda, to show decisions
 * but never an exempt item's) and the published list with one getProperties, so its cost does
 * not grow with the number of meetings. `?format=ics` gives the calendar feed;
 * any other query is ignored and gets the page.
 */
import {TAB} from '../workbook/schema';
import {readOptional, readRegister} from '../workbook/registers';
import {openSession, Session} from '../papers/session';
import {isoOfDate} from '../domain/calendar';
import {meetingsFeed} from './ics';
import {publicPage} from './page';
import {readPublications} from './published';
import {publicDecisions} from './decisions';

/** The event object's query (developers.google.com/apps-script/guides/web#request_parameters). */
export interface WebRequest {
  readonly parameter?: Record<string, unknown>;
}

/** "Font" on Settings when an officer added that row (a CSS font name), else the papers' Arial. */
function fontOf(s: Session): string {
  const row = s.settings.grid.find((r, k) => k > 0 && String(r[0]).trim() === 'Font');
  return row ? String(row[1] ?? '').trim() : '';
}

/** The web app's own address, or '' when it is not deployed (links are then relative). */
function selfUrl(): string {
  return ScriptApp.getService().getUrl() ?? '';
}

/** Where Publish papers notes the workbook's id, for a web app that has no active spreadsheet. */
export const BOOK_ID_PROPERTY = 'web app spreadsheet id';

/**
 * The workbook: the container when Apps Script gives it to a web app, else the one Publish
 * papers last ran in (Google lists getActiveSpreadsheet among the bound-script methods that a
 * web app may not have: developers.google.com/apps-script/guides/bound, "Special methods").
 */
function workbook(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = PropertiesService.getScriptProperties().getProperty(BOOK_ID_PROPERTY);
  if (!id)
    throw new Error(
      'The papers page is not ready: run Committee > Papers > Publish papers once in the spreadsheet.',
    );
  return SpreadsheetApp.openById(id);
}

export function webResponse(
  e: WebRequest | undefined,
): GoogleAppsScript.HTML.HtmlOutput | GoogleAppsScript.Content.TextOutput {
  const ss = workbook();
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
  const html = publicPage(
    meetings,
    readPublications(),
    today,
    {
      group: s.paper.group,
      font: fontOf(s),
      clerkName: s.paper.clerkName,
      clerkEmail: s.paper.clerkEmail,
      selfUrl: selfUrl(),
    },
    publicDecisions(
      readOptional(ss, TAB.decisions)?.records ?? [],
      readOptional(ss, TAB.agenda)?.records ?? [],
    ),
  );
  return HtmlService.createHtmlOutput(html)
    .setTitle(`${s.paper.group}: meetings and papers`)
    .addMetaTag('viewport', 'width=device-width, initial-scale=1');
}
