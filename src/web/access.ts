/**
 * Who may use the papers sidebar's server functions. Deployed as a web app that executes as the
 * clerk, every top-level function of the script can be called from a browser with
 * google.script.run, under the clerk's authority. Session.getEffectiveUser is then the clerk
 * and Session.getActiveUser the visitor, whose address is blank unless they are signed in to
 * the clerk's own Google Workspace domain (developers.google.com/apps-script/reference/base/session,
 * getActiveUser and getEffectiveUser). In the sidebar the two are the same person. So a caller
 * passes when they are the person the script runs as, or a named editor of the spreadsheet;
 * a blank address never passes.
 */
import {PaperError} from '../papers/errors';

export const NOT_AN_EDITOR =
  'Only an editor of the committee spreadsheet can do this. Open the spreadsheet signed in with the Google account that can edit it, then use Committee > Papers > Open papers sidebar.';

const norm = (s: string | null | undefined) =>
  String(s ?? '')
    .trim()
    .toLowerCase();

/**
 * Passes when the caller may change the spreadsheet; else a plain refusal. The spreadsheet is
 * opened only to ask for its editors: the clerk at the keyboard costs four calls.
 */
export function requireEditor(
  spreadsheet: () => GoogleAppsScript.Spreadsheet.Spreadsheet | null,
): void {
  const me = norm(Session.getActiveUser().getEmail());
  if (!me) throw new PaperError(NOT_AN_EDITOR);
  if (me === norm(Session.getEffectiveUser().getEmail())) return;
  const ss = spreadsheet();
  if (ss?.getEditors().some(u => norm(u.getEmail()) === me)) return;
  throw new PaperError(NOT_AN_EDITOR);
}
