/**
 * The emulated Drive: files and folders with Google-shaped ids, kept as JSON (the host stores
 * `toState()` in NAME.workspace/state.json under "drive") with contents on disk under
 * NAME.workspace/drive/<folder path>/<name>.<ext>: Docs as .docx, other files as they are.
 *
 * Docs live in memory while a script runs (loaded lazily from .docx, synchronously, so
 * DocumentApp.openById works in a synchronous script). `stage()` writes what changed into a
 * staging folder and says what to move and delete, so the host can commit the Drive together
 * with the workbook (emulator/journal.ts); `flush()` does both at once for a Drive on its own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {Blob, extensionFor, EXTENSION_TYPES} from './blob';
import {newDriveId, isValidDriveId} from './ids';
import {DocState, DOC_MIME, DOCX_MIME, emptyDocParts} from '../docs/document';
import {convertToPdfLater} from './pdf';

// Reading and writing .docx (docx, @xmldom/xmldom) load when a Doc is first read or written:
// most commands never touch one.
const readDocx: typeof import('../docs/docx-read').readDocx = (...a) =>
  (require('../docs/docx-read') as typeof import('../docs/docx-read')).readDocx(...a);
const writeDocx: typeof import('../docs/docx-write').writeDocx = (...a) =>
  (require('../docs/docx-write') as typeof import('../docs/docx-write')).writeDocx(...a);
const isDocxError = (e: unknown): e is Error =>
  e instanceof (require('../docs/docx-read') as typeof import('../docs/docx-read')).DocxError;

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const SHEET_MIME = 'application/vnd.google-apps.spreadsheet';

export interface DriveEntry {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  trashed: boolean;
  createdTime: string;
  modifiedTime: string;
  description?: string;
  /** Where the content was last written, relative to drive/ (files only). */
  diskPath?: string;
  /** Kept elsewhere by the host (the workbook itself): never written under drive/. */
  external?: boolean;
}

interface DriveState {
  version: 1;
  rootId: string;
  entries: DriveEntry[];
}

export interface DriveListing {
  id: string;
  path: string;
  type: string;
  size: number;
  trashed: boolean;
}

/** File writes during flush; tests replace writeFile to simulate a full disk. */
export const flushIo = {
  writeFile: (file: string, data: Uint8Array) => fs.writeFileSync(file, data),
};

const NOT_FOUND =
  'Exception: No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export class DriveStore {
  private readonly entries = new Map<string, DriveEntry>();
  private readonly docs = new Map<string, DocState>();
  private readonly blobs = new Map<string, Uint8Array>();
  /** Files whose content changed (blobs) since the last flush. */
  private readonly dirty = new Set<string>();
  /** Disk paths of files removed for good since the last flush. */
  private readonly removedPaths = new Set<string>();
  readonly rootId: string;
  /** Things the host may tell the user after a flush (files removed by hand from the drive folder). */
  readonly notes: string[] = [];
  /** The clock the program sees (set by the host from ServiceContext.clock). */
  now: () => Date = () => new Date();

  private constructor(
    readonly workspaceDir: string,
    state: DriveState | null,
  ) {
    if (state) {
      this.rootId = state.rootId;
      for (const e of state.entries) this.entries.set(e.id, {...e, parents: [...e.parents]});
    } else {
      this.rootId = newDriveId(19).replace(/^1/, '0A');
      const t = new Date().toISOString();
      this.entries.set(this.rootId, {
        id: this.rootId,
        name: 'My Drive',
        mimeType: FOLDER_MIME,
        parents: [],
        trashed: false,
        createdTime: t,
        modifiedTime: t,
      });
    }
  }

  /** Opens the Drive of a workspace from its saved state (undefined/null for a new workspace). */
  static load(workspaceDir: string, state: unknown): DriveStore {
    if (state === undefined || state === null) return new DriveStore(workspaceDir, null);
    const s = state as DriveState;
    if (typeof s !== 'object' || typeof s.rootId !== 'string' || !Array.isArray(s.entries)) {
      throw new Error(
        `${path.join(workspaceDir, 'state.json')}: the "drive" entry is not a saved Drive (expected rootId and entries).`,
      );
    }
    return new DriveStore(workspaceDir, s);
  }

  toState(): DriveState {
    return {
      version: 1,
      rootId: this.rootId,
      entries: [...this.entries.values()].map(e => ({...e, parents: [...e.parents]})),
    };
  }

  get driveDir(): string {
    return path.join(this.workspaceDir, 'drive');
  }

  // ------------------------------------------------------------------ entries

  has(id: string): boolean {
    return this.entries.has(id);
  }
  /** The entry, or Google's DriveApp "No item with the given ID" error. */
  entry(id: string): DriveEntry {
    const e = typeof id === 'string' ? this.entries.get(id) : undefined;
    if (!e) throw new Error(NOT_FOUND);
    return e;
  }
  find(id: string): DriveEntry | undefined {
    return this.entries.get(id);
  }
  all(): DriveEntry[] {
    return [...this.entries.values()];
  }
  childrenOf(folderId: string): DriveEntry[] {
    return this.all().filter(e => e.parents.includes(folderId));
  }
  isFolder(e: DriveEntry): boolean {
    return e.mimeType === FOLDER_MIME;
  }
  touch(e: DriveEntry): void {
    e.modifiedTime = this.now().toISOString();
  }

  private add(
    fields: Partial<DriveEntry> & {name: string; mimeType: string},
    id?: string,
  ): DriveEntry {
    if (id !== undefined) {
      if (!isValidDriveId(id))
        throw new Error(`"${id}" is not a Drive id: use 10 to 64 letters, digits, "-" or "_".`);
      if (this.entries.has(id))
        throw new Error(
          `The Drive already has an item with id ${id} (${this.entries.get(id)!.name}).`,
        );
    }
    const t = this.now().toISOString();
    const e: DriveEntry = {
      id: id ?? newDriveId(fields.mimeType === FOLDER_MIME ? 33 : 44),
      parents: [this.rootId],
      trashed: false,
      createdTime: t,
      modifiedTime: t,
      ...fields,
    };
    this.entries.set(e.id, e);
    return e;
  }

  createFolder(name: string, parentId = this.rootId): DriveEntry {
    this.entry(parentId);
    return this.add({name: String(name), mimeType: FOLDER_MIME, parents: [parentId]});
  }

  createBlobFile(
    name: string,
    bytes: Uint8Array,
    mimeType: string,
    parentId = this.rootId,
    id?: string,
  ): DriveEntry {
    this.entry(parentId);
    const e = this.add(
      {name: String(name), mimeType: mimeType || 'application/octet-stream', parents: [parentId]},
      id,
    );
    this.blobs.set(e.id, bytes);
    this.dirty.add(e.id);
    return e;
  }

  createDoc(
    name: string,
    parentId = this.rootId,
    state: DocState = new DocState(emptyDocParts()),
    id?: string,
  ): DriveEntry {
    this.entry(parentId);
    const e = this.add({name: String(name), mimeType: DOC_MIME, parents: [parentId]}, id);
    state.dirty = true;
    this.docs.set(e.id, state);
    return e;
  }

  /** Registers a file kept by the host elsewhere (the workbook), so ids and parents resolve. */
  registerExternal(id: string, name: string, mimeType = SHEET_MIME): DriveEntry {
    const existing = this.entries.get(id);
    if (existing) {
      existing.name = name;
      return existing;
    }
    const e = this.add({name, mimeType, external: true});
    this.entries.delete(e.id);
    e.id = id;
    this.entries.set(id, e);
    return e;
  }

  isDoc(id: string): boolean {
    return this.entries.get(id)?.mimeType === DOC_MIME;
  }

  /** The Doc's state, read from its .docx the first time it is asked for. */
  docState(id: string): DocState {
    const e = this.entry(id);
    if (e.mimeType !== DOC_MIME)
      throw new Error(`Exception: ${e.name} (${id}) is not a Google Doc.`);
    let s = this.docs.get(id);
    if (!s) {
      const bytes = this.readDisk(e);
      try {
        s = new DocState(readDocx(bytes));
      } catch (err) {
        throw new Error(
          `The Google Doc "${e.name}" (${id}) cannot be read from ${e.diskPath}: ${(err as Error).message}.`,
        );
      }
      this.docs.set(id, s);
    }
    return s;
  }

  /** Content bytes of a non-Doc file. */
  bytes(id: string): Uint8Array {
    const e = this.entry(id);
    if (e.mimeType === DOC_MIME) return writeDocx(this.docState(id).parts, e.name);
    if (this.isFolder(e)) throw new Error(`Exception: ${e.name} is a folder and has no content.`);
    let b = this.blobs.get(id);
    if (!b) {
      b = e.external ? new Uint8Array(0) : this.readDisk(e);
      this.blobs.set(id, b);
    }
    return b;
  }

  setBytes(id: string, bytes: Uint8Array): void {
    const e = this.entry(id);
    if (e.mimeType === DOC_MIME) {
      const parts = readDocx(bytes);
      const s = this.docState(id);
      s.parts = parts;
      s.adopt();
      s.dirty = true;
    } else {
      this.blobs.set(id, bytes);
      this.dirty.add(id);
    }
    this.touch(e);
  }

  size(id: string): number {
    const e = this.entry(id);
    if (this.isFolder(e) || e.external) return 0;
    if (e.mimeType === DOC_MIME) {
      const s = this.docs.get(id);
      if (!s || !s.dirty) {
        const p = e.diskPath ? path.join(this.driveDir, e.diskPath) : '';
        if (p && fs.existsSync(p)) return fs.statSync(p).size;
      }
      return writeDocx(this.docState(id).parts, e.name).length;
    }
    return this.bytes(id).length;
  }

  private readDisk(e: DriveEntry): Uint8Array {
    const p = e.diskPath ? path.join(this.driveDir, e.diskPath) : '';
    if (!p || !fs.existsSync(p)) {
      throw new Error(
        `The file for "${e.name}" (${e.id}) is missing from the workspace (expected ${p || 'a file under ' + this.driveDir}).`,
      );
    }
    return new Uint8Array(fs.readFileSync(p));
  }

  /** A copy: Docs deep-copied, blobs byte-copied. Folders are not copied (as in Drive). */
  copy(id: string, name: string, parents: string[]): DriveEntry {
    const e = this.entry(id);
    if (this.isFolder(e)) throw new Error('Exception: Folders cannot be copied.');
    for (const p of parents) this.entry(p);
    let c: DriveEntry;
    if (e.mimeType === DOC_MIME)
      c = this.createDoc(name, parents[0] ?? this.rootId, this.docState(id).clone());
    else
      c = this.createBlobFile(
        name,
        new Uint8Array(this.bytes(id)),
        e.mimeType,
        parents[0] ?? this.rootId,
      );
    c.parents = parents.length ? [...parents] : [this.rootId];
    if (e.description) c.description = e.description;
    return c;
  }

  /** Deletes for good (Drive.Files.remove): a folder takes its contents with it. */
  remove(id: string): void {
    const e = this.entry(id);
    if (id === this.rootId) throw new Error('Exception: The root folder cannot be deleted.');
    for (const child of this.childrenOf(id)) {
      if (child.parents.length === 1) this.remove(child.id);
      else child.parents = child.parents.filter(p => p !== id);
    }
    if (e.diskPath) this.removedPaths.add(e.diskPath);
    this.entries.delete(id);
    this.docs.delete(id);
    this.blobs.delete(id);
    this.dirty.delete(id);
  }

  /** "Folder/Sub/Name" of an entry (first parent), with "(Trash)/" in front when trashed. */
  displayPath(e: DriveEntry): string {
    const names: string[] = [e.name];
    let cur = e.parents[0];
    const seen = new Set<string>();
    while (cur && cur !== this.rootId && !seen.has(cur)) {
      seen.add(cur);
      const p = this.entries.get(cur);
      if (!p) break;
      names.unshift(p.name);
      cur = p.parents[0];
    }
    return names.join('/');
  }

  // ------------------------------------------------------------------ adding local files (clerk drive add)

  /** Adds a local file: a .docx becomes a Google Doc (refused, with the reason, if it cannot be read). */
  async addLocalFile(
    file: string,
    opts: {id?: string; parentId?: string; name?: string} = {},
  ): Promise<{id: string}> {
    const base = path.basename(file);
    if (!fs.existsSync(file)) throw new Error(`${file}: no such file.`);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const ext = path.extname(base).slice(1).toLowerCase();
    if (ext === 'docx') {
      let parts;
      try {
        parts = readDocx(bytes);
      } catch (err) {
        const why = isDocxError(err)
          ? err.message
          : `it could not be read (${(err as Error).message})`;
        throw new Error(`${base} was not added to the Drive: ${why}.`);
      }
      const e = this.createDoc(
        opts.name ?? base.replace(/\.docx$/i, ''),
        opts.parentId,
        new DocState(parts),
        opts.id,
      );
      return {id: e.id};
    }
    const e = this.createBlobFile(
      opts.name ?? base,
      bytes,
      EXTENSION_TYPES[ext] ?? 'application/octet-stream',
      opts.parentId,
      opts.id,
    );
    return {id: e.id};
  }

  // ------------------------------------------------------------------ listing and persistence

  list(): DriveListing[] {
    return this.all()
      .filter(e => e.id !== this.rootId)
      .map(e => ({
        id: e.id,
        path: this.displayPath(e),
        type: this.isFolder(e) ? 'folder' : e.mimeType === DOC_MIME ? 'document' : e.mimeType,
        size: this.size(e.id),
        trashed: e.trashed,
      }))
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  /** Disk path (relative to drive/) for every entry kept on disk, unique per folder. */
  private layout(): Map<string, string> {
    const out = new Map<string, string>();
    const taken = new Set<string>();
    const dirOf = (folderId: string | undefined, guard = 0): string => {
      if (!folderId || folderId === this.rootId || guard > 64) return '';
      const f = this.entries.get(folderId);
      if (!f) return '';
      const parent = dirOf(f.parents[0], guard + 1);
      const key = `dir:${folderId}`;
      if (!out.has(key)) {
        let name = path.posix.join(parent, safeName(f.name));
        for (let n = 2; taken.has(name.toLowerCase()); n++)
          name = path.posix.join(parent, `${safeName(f.name)} (${n})`);
        taken.add(name.toLowerCase());
        out.set(key, name);
      }
      return out.get(key)!;
    };
    const ordered = this.all().sort(
      (a, b) => a.createdTime.localeCompare(b.createdTime) || a.id.localeCompare(b.id),
    );
    for (const e of ordered) if (this.isFolder(e) && e.id !== this.rootId) dirOf(e.id);
    for (const e of ordered) {
      if (this.isFolder(e) || e.external) continue;
      const dir = e.trashed ? path.posix.join('.trash', dirOf(e.parents[0])) : dirOf(e.parents[0]);
      const ext = e.mimeType === DOC_MIME ? 'docx' : extensionFor(e.mimeType);
      const base = safeName(e.name);
      const hasExt = ext && base.toLowerCase().endsWith(`.${ext}`);
      const stem = hasExt ? base.slice(0, -ext.length - 1) : base;
      const suffix = ext ? `.${ext}` : '';
      let rel = path.posix.join(dir, stem + suffix);
      for (let n = 2; taken.has(rel.toLowerCase()); n++)
        rel = path.posix.join(dir, `${stem} (${n})${suffix}`);
      taken.add(rel.toLowerCase());
      out.set(e.id, rel);
    }
    return out;
  }

  /**
   * Writes changed Docs (.docx) and files, moves renamed ones, deletes removed ones.
   * Atomic: everything is staged first; on any failure the Drive folder is left untouched.
   * (The workspace saves through stage() instead, inside its journal with the workbook.)
   */
  async flush(): Promise<void> {
    const staging = path.join(this.workspaceDir, `.drive-staging-${process.pid}-${Date.now()}`);
    const plan = this.stage(staging);
    const drive = this.driveDir;
    for (const rel of plan.writes) {
      const target = path.join(drive, rel);
      fs.mkdirSync(path.dirname(target), {recursive: true});
      fs.renameSync(path.join(staging, rel), target);
    }
    for (const rel of plan.deletes) fs.rmSync(path.join(drive, rel), {force: true});
    this.tidyFolders();
    fs.rmSync(staging, {recursive: true, force: true});
  }

  /**
   * Puts every file this save must write under `staging` (same relative paths as under
   * drive/), and says which drive/ paths then go: the host renames them into place as one
   * journalled step with the workbook and state.json. A file that only moved is linked (or
   * copied) into staging too, so applying the plan twice, or after a crash half-way, is safe.
   * The in-memory entries take their new paths: toState() after this describes the saved Drive.
   */
  stage(staging: string): {writes: string[]; deletes: string[]} {
    const layout = this.layout();
    const drive = this.driveDir;
    const writes: string[] = [];
    const done: Array<() => void> = [];
    // A file someone deleted from the drive folder, and that this run did not touch, is gone
    // from the Drive too (as a sync client would have it).
    for (const e of this.all()) {
      if (!layout.has(e.id) || !e.diskPath || this.docs.has(e.id) || this.blobs.has(e.id)) continue;
      if (!fs.existsSync(path.join(drive, e.diskPath))) {
        this.notes.push(
          `${e.diskPath} was deleted from ${drive}, so "${e.name}" (${e.id}) is no longer in the Drive.`,
        );
        this.entries.delete(e.id);
        layout.delete(e.id);
      }
    }
    const obsolete = new Set(this.removedPaths);
    try {
      for (const e of this.all()) {
        const rel = layout.get(e.id);
        if (!rel) continue;
        const doc = this.docs.get(e.id);
        const onDisk = e.diskPath && fs.existsSync(path.join(drive, e.diskPath));
        const changed = (doc ? doc.dirty : this.dirty.has(e.id)) || !onDisk;
        if (!changed && e.diskPath === rel) continue;
        const target = path.join(staging, rel);
        fs.mkdirSync(path.dirname(target), {recursive: true});
        if (changed)
          flushIo.writeFile(target, doc ? writeDocx(doc.parts, e.name) : this.bytes(e.id));
        else linkOrCopy(path.join(drive, e.diskPath!), target);
        writes.push(rel);
        if (e.diskPath && e.diskPath !== rel) obsolete.add(e.diskPath);
        done.push(() => {
          e.diskPath = rel;
          if (doc) doc.dirty = false;
          this.dirty.delete(e.id);
        });
      }
    } catch (err) {
      fs.rmSync(staging, {recursive: true, force: true});
      throw new Error(`Nothing was saved to the Drive: ${(err as Error).message}`);
    }
    for (const f of done) f();
    this.removedPaths.clear();
    const keep = new Set([...layout.values()]);
    return {writes, deletes: [...obsolete].filter(rel => !keep.has(rel))};
  }

  /** Makes a folder for every Drive folder and removes empty ones no folder keeps. */
  tidyFolders(): void {
    const layout = this.layout();
    const drive = this.driveDir;
    fs.mkdirSync(drive, {recursive: true});
    for (const [key, rel] of layout)
      if (key.startsWith('dir:')) fs.mkdirSync(path.join(drive, rel), {recursive: true});
    pruneEmptyDirs(
      drive,
      new Set([...layout].filter(([k]) => k.startsWith('dir:')).map(([, v]) => v)),
    );
  }

  /** The Doc converted: PDF through LibreOffice, .docx directly. */
  exportDoc(id: string, contentType: string): Blob {
    const e = this.entry(id);
    const parts = this.docState(id).parts;
    if (contentType === DOCX_MIME)
      return new Blob(writeDocx(parts, e.name), DOCX_MIME, `${e.name}.docx`);
    // The .docx only LibreOffice reads is stored, not deflated: the PDF is the same.
    if (contentType === 'application/pdf')
      return Blob.deferred(
        convertToPdfLater(writeDocx(parts, e.name, 0), 'docx'),
        'application/pdf',
        `${e.name}.pdf`,
      );
    if (contentType === 'text/plain')
      return new Blob(this.docState(id).parts.body.getText(), 'text/plain', `${e.name}.txt`);
    throw new Error(
      `Exception: Converting from application/vnd.google-apps.document to ${contentType} is not supported.`,
    );
  }
}

/** A name that is safe as one path segment on Linux, macOS and Windows. */
function safeName(name: string): string {
  let s = String(name)
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/^\.+/, '_')
    .trim();
  // File systems allow 255 bytes per name: keep room for " (2)" and the extension.
  while (Buffer.byteLength(s, 'utf8') > 200) s = s.slice(0, -1);
  return s || 'Untitled';
}

/** A second name for a file that only moved (cheap, same volume); a copy where links are not allowed. */
function linkOrCopy(from: string, to: string): void {
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

function pruneEmptyDirs(root: string, keep: Set<string>, rel = ''): boolean {
  const dir = path.join(root, rel);
  if (!fs.existsSync(dir)) return true;
  let empty = true;
  for (const d of fs.readdirSync(dir, {withFileTypes: true})) {
    const childRel = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) {
      if (pruneEmptyDirs(root, keep, childRel) && !keep.has(childRel))
        fs.rmdirSync(path.join(root, childRel));
      else empty = false;
    } else empty = false;
  }
  return empty;
}
