/**
 * Where papers go: a folder per meeting under the papers folder (Settings "Papers folder id",
 * created when empty and its id written back), one Doc per paper name: regenerating writes the
 * new content into the same Doc (same id, so links already sent keep working), never a copy. Uses the advanced Drive service (v3), which
 * works under the narrow drive.file scope for files this program created.
 */
import {PaperError} from './errors';
import {Paper} from './model';
import {paperDocxBlob} from './docx';
import {signedBytes} from './bytes';

export const DOC_MIME = 'application/vnd.google-apps.document';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const PDF_MIME = 'application/pdf';

export interface Made {
  readonly name: string;
  readonly id: string;
  readonly url: string;
  /** True when an older Doc of the same name was replaced (its content rewritten in place). */
  readonly replaced: boolean;
  /** Drive's modifiedTime right after the program wrote it (to notice later edits by people). */
  readonly modified?: string;
  /** Left as it was: someone had edited it and the officer chose to keep it. */
  readonly kept?: boolean;
}

/** A Doc already in the folder: its id and when anyone last changed it. */
export interface Existing {
  readonly id: string;
  readonly modified: string;
}

type DriveV3 = NonNullable<typeof Drive>;

export function driveService(): DriveV3 {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new PaperError(
      'The Drive advanced service is not switched on for this script. In the Apps Script editor choose Services > Drive API (v3) > Add, then try again.',
    );
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
export function papersFolder(folderId: string, group: string): {id: string; created: boolean} {
  const drive = driveService();
  if (!folderId) {
    const f = drive.Files.create({name: `${group} papers`, mimeType: FOLDER_MIME});
    return {id: String(f.id), created: true};
  }
  let file: {trashed?: boolean; mimeType?: string} | null = null;
  try {
    file = drive.Files.get(folderId, {fields: 'id,trashed,mimeType'}) as {
      trashed?: boolean;
      mimeType?: string;
    };
  } catch (_e) {
    file = null;
  }
  if (!file || file.trashed || file.mimeType !== FOLDER_MIME) {
    throw new PaperError(
      `The papers folder named in Settings (Papers folder id "${folderId}") no longer exists, is in the bin, or is not a folder. Empty the "Papers folder id" value on the Settings tab to have a new folder made, or paste the link of an existing folder.`,
    );
  }
  return {id: folderId, created: false};
}

/** The sub-folder for one meeting (or one topic, e.g. "Annual reports"), made when missing. */
export function subFolder(parentId: string, name: string): string {
  const drive = driveService();
  const found = drive.Files.list({
    q: `${q(parentId)} in parents and name = ${q(name)} and mimeType = ${q(FOLDER_MIME)} and trashed = false`,
    fields: 'files(id,name)',
  });
  const hit = found.files?.[0];
  if (hit?.id) return hit.id;
  return String(drive.Files.create({name, mimeType: FOLDER_MIME, parents: [parentId]}).id);
}

/** What a run finds in Drive with one list call: its sub-folder and the files it will replace. */
export interface FolderFiles {
  /** The sub-folder's id ('' when it does not exist yet). */
  readonly folder: string;
  /** Docs in the sub-folder, by name. */
  readonly docs: ReadonlyMap<string, Existing>;
  /** PDFs in the sub-folder, by name → id. */
  readonly pdfs: ReadonlyMap<string, string>;
  /** PDFs asked for by name that are elsewhere (e.g. the previous meeting's minutes), name → id. */
  readonly elsewhere: ReadonlyMap<string, string>;
}

/**
 * One Drive list call (v3 files.list, query terms combined with or: developers.google.com/
 * workspace/drive/api/guides/search-files) for the sub-folder `subName` of the papers folder
 * and the files named `names` in it, and PDFs named `others` anywhere: instead of one list for
 * the folder, one for its Docs, one for its PDFs and one for the previous minutes.
 */
export function folderFiles(
  papersId: string,
  subName: string,
  names: readonly string[],
  others: readonly string[] = [],
): FolderFiles {
  const byName = [...names, ...others].map(n => `name = ${q(n)}`);
  const found =
    driveService().Files.list({
      q: `trashed = false and ((${q(papersId)} in parents and name = ${q(subName)} and mimeType = ${q(FOLDER_MIME)})${byName.length ? ` or ${byName.join(' or ')}` : ''})`,
      fields: 'files(id,name,mimeType,modifiedTime,parents)',
    }).files ?? [];
  const folder =
    found.find(
      f => f.mimeType === FOLDER_MIME && f.name === subName && f.parents?.includes(papersId),
    )?.id ?? '';
  const docs = new Map<string, Existing>();
  const pdfs = new Map<string, string>();
  const elsewhere = new Map<string, string>();
  for (const f of found) {
    if (!f.id || !f.name) continue;
    const inFolder = !!folder && !!f.parents?.includes(folder);
    if (inFolder && f.mimeType === DOC_MIME && names.includes(f.name) && !docs.has(f.name))
      docs.set(f.name, {id: f.id, modified: String(f.modifiedTime ?? '')});
    else if (inFolder && f.mimeType === PDF_MIME && names.includes(f.name) && !pdfs.has(f.name))
      pdfs.set(f.name, f.id);
    else if (
      !inFolder &&
      f.mimeType === PDF_MIME &&
      others.includes(f.name) &&
      !elsewhere.has(f.name)
    )
      elsewhere.set(f.name, f.id);
  }
  return {folder, docs, pdfs, elsewhere};
}

/** Docs already in the folder with these names: name → id and modifiedTime (one list call). */
export function existingDocs(folderId: string, names: readonly string[]): Map<string, Existing> {
  const out = new Map<string, Existing>();
  if (!names.length) return out;
  const drive = driveService();
  const byName = names.map(n => `name = ${q(n)}`).join(' or ');
  const found = drive.Files.list({
    q: `${q(folderId)} in parents and trashed = false and mimeType = ${q(DOC_MIME)} and (${byName})`,
    fields: 'files(id,name,modifiedTime)',
  });
  for (const f of found.files ?? [])
    if (f.name && f.id && !out.has(f.name))
      out.set(f.name, {id: f.id, modified: String(f.modifiedTime ?? '')});
  return out;
}

/**
 * Writes one paper as a Google Doc in the folder: the paper as a .docx, converted by Drive in
 * the same upload (Utilities.newBlob + Drive.Files.create, or Drive.Files.update of the Doc
 * that has the name already, which keeps its id). The upload makes the whole Doc or nothing,
 * so no half-made Doc is ever left.
 */
export function writePaper(paper: Paper, folderId: string, existing?: Existing): Made {
  const drive = driveService();
  const blob = paperDocxBlob(paper);
  const file = existing
    ? drive.Files.update({name: paper.name}, existing.id, blob, {fields: 'id,modifiedTime'})
    : drive.Files.create({name: paper.name, mimeType: DOC_MIME, parents: [folderId]}, blob, {
        fields: 'id,modifiedTime',
      });
  const id = String(file.id);
  return {
    name: paper.name,
    id,
    url: docUrl(id),
    replaced: !!existing,
    modified: String(file.modifiedTime ?? ''),
  };
}

/** PDFs in the folder with these names: name → id (one list call). */
export function existingPdfs(folderId: string, names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!names.length) return out;
  const byName = names.map(n => `name = ${q(n)}`).join(' or ');
  for (const f of driveService().Files.list({
    q: `${q(folderId)} in parents and trashed = false and mimeType = 'application/pdf' and (${byName})`,
    fields: 'files(id,name)',
  }).files ?? [])
    if (f.name && f.id && !out.has(f.name)) out.set(f.name, f.id);
  return out;
}

/** A PDF of a Doc beside it in the same folder, replacing an older PDF of the same name. */
export function pdfBeside(docId: string, folderId: string, name: string): Made {
  const drive = driveService();
  const pdf = DocumentApp.openById(docId).getAs('application/pdf').setName(`${name}.pdf`);
  const found = drive.Files.list({
    q: `${q(folderId)} in parents and trashed = false and name = ${q(`${name}.pdf`)}`,
    fields: 'files(id)',
  });
  const old = found.files?.[0]?.id;
  const file = old
    ? drive.Files.update({name: `${name}.pdf`}, old, pdf, {fields: 'id'})
    : drive.Files.create(
        {name: `${name}.pdf`, mimeType: 'application/pdf', parents: [folderId]},
        pdf,
        {fields: 'id'},
      );
  const id = String(file.id);
  return {
    name: `${name}.pdf`,
    id,
    url: `https://drive.google.com/file/d/${id}/view`,
    replaced: !!old,
  };
}

/**
 * Saves PDFs (name → bytes) in the folder: a PDF of the same name gets the new content under
 * its old id (links already sent keep working), otherwise a new file is made. One list call.
 */
export function savePdfs(
  folderId: string,
  pdfs: readonly {name: string; bytes: Uint8Array}[],
  known?: ReadonlyMap<string, string>,
): Made[] {
  const drive = driveService();
  const old =
    known ??
    existingPdfs(
      folderId,
      pdfs.map(p => p.name),
    );
  return pdfs.map(p => {
    const blob = Utilities.newBlob(signedBytes(p.bytes), 'application/pdf', p.name);
    const existing = old.get(p.name);
    const file = existing
      ? drive.Files.update({name: p.name}, existing, blob, {fields: 'id'})
      : drive.Files.create({name: p.name, mimeType: 'application/pdf', parents: [folderId]}, blob, {
          fields: 'id',
        });
    const id = String(file.id);
    return {
      name: p.name,
      id,
      url: `https://drive.google.com/file/d/${id}/view`,
      replaced: !!existing,
    };
  });
}
