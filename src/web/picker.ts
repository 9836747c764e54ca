/**
 * "Choose from Drive": a template Doc, the papers folder or an agenda item's paper, picked with
 * Google Picker in a dialog. A file picked there is granted to this script under the narrow
 * drive.file scope (developers.google.com/workspace/drive/picker/guides/overview), so the
 * program need not read all of the clerk's Drive to use it. The Picker needs a Google Cloud
 * API key and project number (script properties below); without them, or offline, the dialog
 * takes a pasted link or id instead, checked the same way.
 */
import {TAB} from '../workbook/schema';
import {readRegister} from '../workbook/registers';
import {PaperError} from '../papers/errors';
import {DOC_MIME, FOLDER_MIME, docUrl, driveService} from '../papers/output';
import {escapeHtmlText, openSession, selectedRow, writeSetting} from '../papers/session';

/** Script properties (Project Settings in the Apps Script editor) that switch the Picker on. */
export const PICKER_KEY_PROPERTY = 'picker api key';
export const PICKER_APP_PROPERTY = 'picker project number';

/** The Settings rows that hold a Drive id, and what each must be. */
export const ID_SETTINGS: Readonly<Record<string, 'folder' | 'doc'>> = {
  'Papers folder id': 'folder',
  'Agenda template id': 'doc',
  'Minutes template id': 'doc',
  'Action log template id': 'doc',
  'Report cover template id': 'doc',
};

export type PickTarget =
  | {readonly kind: 'setting'; readonly name: string}
  | {readonly kind: 'paper'; readonly row: number};

const WHERE =
  'Select the Settings row of the Papers folder id or a template id, or an Agenda row, then choose Committee > Papers > Choose from Drive.';

/** What the selection asks to choose: a Settings id row, or an Agenda row's paper. */
export function pickTarget(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): PickTarget {
  const sel = selectedRow(ss, [TAB.settings, TAB.agenda], 'a Settings row or an Agenda row');
  if (sel.tab === TAB.agenda) return {kind: 'paper', row: sel.row};
  const grid = openSession(ss).settings.grid;
  const nameCol = (grid[0] ?? []).map(h => String(h).trim()).indexOf('Setting');
  const name = String(grid[sel.row - 1]?.[nameCol] ?? '').trim();
  if (!(name in ID_SETTINGS))
    throw new PaperError(`Settings row ${sel.row} ("${name}") does not hold a Drive id. ${WHERE}`);
  return {kind: 'setting', name};
}

/** The Drive id in a pasted link or id, or '' when there is none. */
export function driveIdOf(text: string): string {
  const t = String(text ?? '').trim();
  const m =
    t.match(/\/(?:d|folders)\/([\w-]{10,})/) ??
    t.match(/[?&]id=([\w-]{10,})/) ??
    t.match(/^([\w-]{10,})$/);
  return m ? m[1] : '';
}

function describe(target: PickTarget): string {
  return target.kind === 'setting'
    ? `Settings "${target.name}"`
    : `Agenda row ${target.row}, Paper link`;
}

/**
 * Checks the chosen file and writes it where the target says: the Settings value (the id) or
 * the Agenda row's Paper link (one cell). The target comes from the browser, so it is checked
 * again here. Returns what was done, in a sentence.
 */
export function applyPick(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  target: PickTarget,
  chosen: string,
): string {
  const id = driveIdOf(chosen);
  const where = describe(target);
  if (!id)
    throw new PaperError(
      `"${String(chosen ?? '').slice(0, 80)}" is not a Google Drive link or id, so ${where} was left as it was. In Drive, use Share > Copy link and paste that, or pick the file.`,
    );
  let file: {name?: string; mimeType?: string; trashed?: boolean};
  try {
    file = driveService().Files.get(id, {fields: 'id,name,mimeType,trashed'}) as typeof file;
  } catch (_e) {
    throw new PaperError(
      `The program cannot open the Drive item ${id}, so ${where} was left as it was. Pick it with Choose from Drive (that lets the program use it), or check the link.`,
    );
  }
  if (file.trashed)
    throw new PaperError(`"${file.name}" is in the Drive bin, so ${where} was left as it was.`);
  const s = openSession(ss);
  if (target.kind === 'setting') {
    const want = ID_SETTINGS[target.name];
    if (!want)
      throw new PaperError(`"${target.name}" is not a Settings row that holds a Drive id.`);
    const mime = want === 'folder' ? FOLDER_MIME : DOC_MIME;
    if (file.mimeType !== mime)
      throw new PaperError(
        `"${file.name}" is not ${want === 'folder' ? 'a folder' : 'a Google Doc'}, so ${where} was left as it was. Choose ${want === 'folder' ? 'a Drive folder' : 'a Google Doc'}.`,
      );
    writeSetting(s, target.name, id);
    return `${where} is now "${file.name}".`;
  }
  const agenda = readRegister(ss, TAB.agenda);
  const item = agenda.records.find(i => i.row === target.row);
  const col = agenda.index.get('Paper link');
  if (!item || col === undefined || !Number.isInteger(target.row))
    throw new PaperError(`Agenda row ${target.row} is not an agenda item. ${WHERE}`);
  const link =
    file.mimeType === DOC_MIME ? docUrl(id) : `https://drive.google.com/file/d/${id}/view`;
  agenda.cells(target.row, col + 1, 1, 1).setValue(link);
  return `${where} is now "${file.name}".`;
}

/**
 * The dialog: Google Picker when the script has an API key and project number, always with a
 * box for a pasted link; either way the choice goes to pickerChosen on the server.
 */
export function pickerHtml(target: PickTarget, token: string, key: string, appId: string): string {
  const folder = target.kind === 'setting' && ID_SETTINGS[target.name] === 'folder';
  const doc = target.kind === 'setting' && !folder;
  const what = folder ? 'the folder' : doc ? 'the Google Doc' : 'the paper';
  const cfg = JSON.stringify({target, token, key, appId, folder, doc}).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><base target="_top">
<style>body{font-family:Arial,sans-serif;font-size:14px;margin:12px}label{display:block;margin:.6rem 0 .2rem}input{width:100%;box-sizing:border-box;padding:4px}#status{margin-top:.6rem}#status.error{color:#b3261e;font-weight:bold}button{margin-top:.6rem}</style>
</head><body>
<p>Choose ${escapeHtmlText(what)} for ${escapeHtmlText(describe(target))}.</p>
<button id="pick" type="button" hidden>Choose from Drive</button>
<form id="paste"><label for="link">Or paste its link (Drive: Share &gt; Copy link) or id</label>
<input id="link" name="link" autocomplete="off"><button type="submit">Use this link</button></form>
<p id="status" role="status"></p>
<script>
var CFG = ${cfg};
function say(t, bad) { var s = document.getElementById('status'); s.textContent = t; s.className = bad ? 'error' : ''; }
function send(chosen) {
  say('Checking…');
  google.script.run
    .withSuccessHandler(function (msg) { say(msg); setTimeout(function () { google.script.host.close(); }, 1500); })
    .withFailureHandler(function (e) { say((e && e.message) || String(e), true); })
    .pickerChosen(CFG.target, chosen);
}
document.getElementById('paste').addEventListener('submit', function (e) { e.preventDefault(); send(document.getElementById('link').value); });
function openPicker() {
  var view = new google.picker.DocsView(CFG.folder ? google.picker.ViewId.FOLDERS : CFG.doc ? google.picker.ViewId.DOCUMENTS : google.picker.ViewId.DOCS);
  if (CFG.folder) view.setSelectFolderEnabled(true).setMimeTypes('application/vnd.google-apps.folder');
  new google.picker.PickerBuilder().addView(view).setOAuthToken(CFG.token).setDeveloperKey(CFG.key).setAppId(CFG.appId)
    .setOrigin(google.script.host.origin)
    .setCallback(function (d) { if (d.action === google.picker.Action.PICKED) send(d.docs[0].id); })
    .build().setVisible(true);
}
if (CFG.key && CFG.appId) {
  var s = document.createElement('script');
  s.src = 'https://apis.google.com/js/api.js';
  s.onload = function () { gapi.load('picker', function () { var b = document.getElementById('pick'); b.hidden = false; b.onclick = openPicker; }); };
  s.onerror = function () { say('Google Picker could not be loaded: paste the link instead.'); };
  document.head.appendChild(s);
}
</script>
</body></html>`;
}

/** Committee > Papers > Choose from Drive: the dialog for what the selection asks. */
export function showPicker(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  const target = pickTarget(ss);
  const props = PropertiesService.getScriptProperties();
  const html = pickerHtml(
    target,
    ScriptApp.getOAuthToken(),
    props.getProperty(PICKER_KEY_PROPERTY) ?? '',
    props.getProperty(PICKER_APP_PROPERTY) ?? '',
  );
  SpreadsheetApp.getUi().showModalDialog(
    HtmlService.createHtmlOutput(html).setWidth(520).setHeight(260),
    'Choose from Drive',
  );
}

/** The dialog's server side: the target as the browser sent it, checked again. */
export function pickTargetFrom(raw: unknown): PickTarget {
  const t = (raw ?? {}) as {kind?: unknown; name?: unknown; row?: unknown};
  if (t.kind === 'setting' && typeof t.name === 'string' && t.name in ID_SETTINGS)
    return {kind: 'setting', name: t.name};
  if (t.kind === 'paper' && Number.isInteger(t.row) && (t.row as number) >= 2)
    return {kind: 'paper', row: t.row as number};
  throw new PaperError(`Nothing to choose for. ${WHERE}`);
}
