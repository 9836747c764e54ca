/**
 * The papers a pack gathers, as PDF blobs: a Google Doc is exported (File.getAs), a PDF in Drive
 * is read as it is, and an uploaded Word file is first converted into a temporary Google Doc
 * (Drive API v3 files.copy with the Docs type), exported, then removed, so nothing is left
 * behind. Every blob is asked for before any bytes are read, so Drive can prepare them together.
 * A link that is missing, in the bin, not shared with us or of another type becomes a plain
 * reason the summary names; the pack is still made.
 */
import {DOC_MIME, PDF_MIME, driveService} from './output';

const WORD_MIMES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/msword',
];

/** The Drive id in a link (…/d/ID/…, ?id=ID) or a bare id; null when there is none. */
export function fileIdOfLink(link: string): string | null {
  const s = link.trim();
  if (!s) return null;
  const m = s.match(/\/d\/([\w-]{10,})/) ?? s.match(/[?&]id=([\w-]{10,})/);
  if (m) return m[1];
  return /^[\w-]{10,}$/.test(s) ? s : null;
}

export type Fetched =
  | {readonly ok: true; readonly blob: GoogleAppsScript.Base.Blob}
  | {readonly ok: false; readonly reason: string};

/** A linked paper as a PDF blob, or why it cannot be had. `scratch` is where a Word file is converted. */
export function fetchPaperPdf(link: string, scratch: string): Fetched {
  const id = fileIdOfLink(link);
  if (!id)
    return {
      ok: false,
      reason: `its Paper link "${link}" is not a Google Drive link. Paste the link of the Doc, Word file or PDF (Share > Copy link)`,
    };
  const drive = driveService();
  let meta: {name?: string; mimeType?: string; trashed?: boolean};
  try {
    meta = drive.Files.get(id, {fields: 'id,name,mimeType,trashed'}) as typeof meta;
  } catch (_e) {
    return {
      ok: false,
      reason:
        'its Paper link points to a file that does not exist or is not shared with you. Check the link, or ask the author to share the paper with you',
    };
  }
  if (meta.trashed)
    return {
      ok: false,
      reason: `its paper "${meta.name}" is in the bin. Restore it from the Drive bin, or link the current version`,
    };
  try {
    if (meta.mimeType === DOC_MIME)
      return {ok: true, blob: DriveApp.getFileById(id).getAs(PDF_MIME)};
    if (meta.mimeType === PDF_MIME) return {ok: true, blob: DriveApp.getFileById(id).getBlob()};
    if (WORD_MIMES.includes(String(meta.mimeType))) {
      const copy = String(
        drive.Files.copy(
          {name: `${meta.name} (for the pack)`, mimeType: DOC_MIME, parents: [scratch]},
          id,
          {
            fields: 'id',
          },
        ).id,
      );
      try {
        return {ok: true, blob: DriveApp.getFileById(copy).getAs(PDF_MIME)};
      } finally {
        drive.Files.remove(copy);
      }
    }
  } catch (e) {
    return {
      ok: false,
      reason: `its paper "${meta.name}" could not be read (${(e as Error).message})`,
    };
  }
  return {
    ok: false,
    reason: `its paper "${meta.name}" is a ${meta.mimeType} file; the pack takes a Google Doc, a Word file or a PDF. Save it as one of those and link that`,
  };
}

/**
 * The blob's bytes as 0–255 (Apps Script hands out Java's signed bytes): a Uint8Array keeps each
 * number stored modulo 256 (ECMAScript ToUint8), as `b & 0xff` would. A plain loop: a mapping
 * function is a call a byte, and `new Uint8Array(array)` iterates an array of another realm.
 */
export function unsignedBytes(blob: GoogleAppsScript.Base.Blob): Uint8Array {
  const signed = blob.getBytes();
  const out = new Uint8Array(signed.length);
  for (let i = 0; i < out.length; i++) out[i] = signed[i];
  return out;
}
