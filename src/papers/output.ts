/**
 * Where papers go: a folder per meeting under the papers folder (Settings "Papers folder id",
 * created when empty and its id written back), one Doc per paper name, replaced in place when
 * regenerated so that links already sent still work. Uses the advanced Drive service (v3),
 * which works under the narrow drive.file scope for files this program created.
 */
import { PaperError } from './errors';
import { Paper } from './model';
import { paperHtml } from './render-html';
import { appendBlocks } from './render-doc';

export const DOC_MIME = 'application/vnd.google-apps.document';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';

export interface Made {
  readonly name: string;
  readonly id: string;
  readonly url: string;
  /** True when an older Doc of the same name was overwritten. */
  readonly replaced: boolean;
}

type DriveV3 = NonNullable<typeof Drive>;

export function driveService(): DriveV3 {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new PaperError('The Drive advanced service is not switched on for this script. In the Apps Script editor choose Services > Drive API (v3) > Add, then try again.');
  }
  return Drive;
}

/** A Drive query string literal: backslashes and quotes escaped (Drive API "Search for files"). */
export function q(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

/** The papers folder, checked; a missing setting creates one and reports its id for Settings. */
export function papersFolder(folderId: string, group: string): { id: string; created: boolean } {
  const drive = driveService();
  if (!folderId) {
    const f = drive.Files.create({ name: `${group} papers`, mimeType: FOLDER_MIME });
    return { id: String(f.id), created: true };
  }
  let file: { trashed?: boolean; mimeType?: string } | null = null;
  try {
    file = drive.Files.get(folderId, { fields: 'id,trashed,mimeType' }) as { trashed?: boolean; mimeType?: string };
  } catch (_e) {
    file = null;
  }
  if (!file || file.trashed || file.mimeType !== FOLDER_MIME) {
    throw new PaperError(
      `The papers folder named in Settings (Papers folder id "${folderId}") no longer exists, is in the bin, or is not a folder. Empty the "Papers folder id" value on the Settings tab to have a new folder made, or paste the link of an existing folder.`,
    );
  }
  return { id: folderId, created: false };
}

/** The sub-folder for one meeting (or one topic, e.g. "Annual reports"), made when missing. */
export function subFolder(parentId: string, name: string): string {
  const drive = driveService();
  const found = drive.Files.list({ q: `${q(parentId)} in parents and name = ${q(name)} and mimeType = ${q(FOLDER_MIME)} and trashed = false`, fields: 'files(id,name)' });
  const hit = found.files?.[0];
  if (hit?.id) return hit.id;
  return String(drive.Files.create({ name, mimeType: FOLDER_MIME, parents: [parentId] }).id);
}

/** Docs already in the folder with these names: name → id (one list call for all of them). */
export function existingDocs(folderId: string, names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!names.length) return out;
  const drive = driveService();
  const byName = names.map((n) => `name = ${q(n)}`).join(' or ');
  const found = drive.Files.list({ q: `${q(folderId)} in parents and trashed = false and mimeType = ${q(DOC_MIME)} and (${byName})`, fields: 'files(id,name)' });
  for (const f of found.files ?? []) if (f.name && f.id && !out.has(f.name)) out.set(f.name, f.id);
  return out;
}

/**
 * Writes one paper as a Google Doc in the folder: one HTML upload converted by Drive
 * (files.create, or files.update on the old Doc so its id and link stay). If the upload comes
 * back unconverted (a Drive without HTML import), the file is removed and the Doc is built
 * with DocumentApp instead; a Doc that fails half way is sent to the bin, never left behind.
 */
export function writePaper(paper: Paper, folderId: string, existingId?: string): Made {
  const drive = driveService();
  const html = paperHtml(paper, (bytes) => Utilities.base64Encode(bytes));
  const blob = Utilities.newBlob(html, 'text/html', `${paper.name}.html`);
  const file = existingId
    ? drive.Files.update({ name: paper.name, mimeType: DOC_MIME }, existingId, blob, { fields: 'id,mimeType' })
    : drive.Files.create({ name: paper.name, mimeType: DOC_MIME, parents: [folderId] }, blob, { fields: 'id,mimeType' });
  if (file.mimeType === DOC_MIME && file.id) return { name: paper.name, id: file.id, url: docUrl(file.id), replaced: !!existingId };
  if (!existingId && file.id) drive.Files.update({ trashed: true }, file.id);
  return buildWithDocumentApp(paper, folderId, existingId);
}

function buildWithDocumentApp(paper: Paper, folderId: string, existingId?: string): Made {
  if (existingId) {
    const doc = DocumentApp.openById(existingId);
    const body = doc.getBody();
    body.clear();
    appendBlocks(body, paper);
    doc.saveAndClose();
    return { name: paper.name, id: existingId, url: docUrl(existingId), replaced: true };
  }
  const doc = DocumentApp.create(paper.name);
  const id = doc.getId();
  try {
    appendBlocks(doc.getBody(), paper);
    doc.saveAndClose();
    driveService().Files.update({}, id, null as unknown as GoogleAppsScript.Base.Blob, { addParents: folderId, removeParents: 'root' });
  } catch (e) {
    try {
      driveService().Files.update({ trashed: true }, id);
    } catch (_ignored) {
      // The original failure is the one to report.
    }
    throw e;
  }
  return { name: paper.name, id, url: docUrl(id), replaced: false };
}

/** A PDF of a Doc beside it in the same folder, replacing an older PDF of the same name. */
export function exportPdf(docId: string, folderId: string, name: string): Made {
  const drive = driveService();
  const pdf = DocumentApp.openById(docId).getAs('application/pdf').setName(`${name}.pdf`);
  const found = drive.Files.list({ q: `${q(folderId)} in parents and trashed = false and name = ${q(`${name}.pdf`)}`, fields: 'files(id)' });
  const old = found.files?.[0]?.id;
  const file = old
    ? drive.Files.update({ name: `${name}.pdf` }, old, pdf, { fields: 'id' })
    : drive.Files.create({ name: `${name}.pdf`, mimeType: 'application/pdf', parents: [folderId] }, pdf, { fields: 'id' });
  const id = String(file.id);
  return { name: `${name}.pdf`, id, url: `https://drive.google.com/file/d/${id}/view`, replaced: !!old };
}
