/**
 * Who may call each entry point. Every top-level function of the script can be called from a
 * browser with google.script.run on any page the script serves (developers.google.com/apps-script
 * /guides/html/communication), and a web app that executes as the clerk would run it with the
 * clerk's access: a visitor to the public papers page could otherwise load the demo over the
 * registers or send mail. The build (scripts/build.mjs) makes each top-level function call
 * this (as the private global checkCaller_) before the entry point itself, so a new entry point
 * is guarded unless it is listed here.
 */
import {requireEditor} from '../web/access';

type Access = 'public' | 'simple trigger' | 'edit trigger' | 'timed trigger';

const ACCESS: Readonly<Record<string, Access>> = {
  // The public papers page and feed: for anyone, and it reads only what is published.
  doGet: 'public',
  // Simple triggers run without authorisation, so they may not check (and need not: they act
  // only on the event's Range, which a browser cannot send).
  onOpen: 'simple trigger',
  onEdit: 'simple trigger',
  recordChange: 'edit trigger',
  sendDailyReminders: 'timed trigger',
  trimChangeLog: 'timed trigger',
  resumePaperJob: 'timed trigger',
};

/**
 * Throws (in plain words) unless this call may run. google.script.run passes only plain data
 * (primitives, arrays, objects of them: no functions, no Apps Script enums), so a real trigger's
 * event, whose Range has methods and whose authMode is the ScriptApp.AuthMode enum, cannot be
 * forged from a browser; without one, the caller must be able to edit the spreadsheet.
 */
export function checkCaller(name: string, args: ArrayLike<unknown>): void {
  const access = ACCESS[name];
  if (access === 'public' || access === 'simple trigger') return;
  const e = args[0] as {range?: {getSheet?: unknown}; authMode?: unknown} | undefined;
  if (access === 'edit trigger' && typeof e?.range?.getSheet === 'function') return;
  if (access === 'timed trigger' && e?.authMode === ScriptApp.AuthMode.FULL) return;
  requireEditor(() => SpreadsheetApp.getActiveSpreadsheet());
}
