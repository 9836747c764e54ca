/**
 * DriveApp, File, Folder and their iterators (developers.google.com/apps-script/reference/drive).
 * Handles are thin: each call reads the DriveStore, so two handles to one file always agree.
 * DriveApp needs the full drive scope (reference/drive/file lists only .../auth/drive for
 * makeCopy); read calls also accept drive.readonly.
 */
import {requireScope, type ServiceContext} from '../context';
import {DOC_MIME, docUrl} from '../docs/document';
import {DocCore, instrument} from '../docs/elements';
import {asBlob, Blob, bytesOf} from './blob';
import {DriveStore, DriveEntry, FOLDER_MIME} from './store';
import {parseQuery} from './advanced';
import {answerMissing} from '../services/not-emulated';

/** DriveApp.searchFiles takes Drive API v2 query syntax (title, mimeType, parents, trashed, modifiedDate). */
function search(store: DriveStore, params: string): (e: DriveEntry) => boolean {
  try {
    return parseQuery(String(params), store.rootId);
  } catch {
    throw new Error('Exception: Invalid argument: q');
  }
}

export const DRIVE_SCOPES = ['https://www.googleapis.com/auth/drive'] as const;
const READ_SCOPES = [
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.readonly',
] as const;
const READ_ONLY = /^(get|has|is|next|search)/;

const END_OF_ITERATOR = 'Exception: Cannot retrieve the next object: iterator has reached the end.';

class Core implements DocCore {
  constructor(
    readonly ctx: ServiceContext,
    readonly store: DriveStore,
  ) {}
  _onCall(name: string, _mutating: boolean): void {
    const method = name.slice(name.indexOf('.') + 1);
    requireScope(this.ctx, name, READ_ONLY.test(method) ? READ_SCOPES : DRIVE_SCOPES);
    this.ctx.stats.count(name);
  }
}

export function fileUrl(e: DriveEntry): string {
  if (e.mimeType === DOC_MIME) return docUrl(e.id);
  if (e.mimeType === FOLDER_MIME) return `https://drive.google.com/drive/folders/${e.id}`;
  if (e.mimeType === 'application/vnd.google-apps.spreadsheet')
    return `https://docs.google.com/spreadsheets/d/${e.id}/edit`;
  return `https://drive.google.com/file/d/${e.id}/view?usp=drivesdk`;
}

abstract class Item {
  abstract readonly _cls: string;
  constructor(
    readonly _c: Core,
    readonly _id: string,
  ) {}
  _core(): Core {
    return this._c;
  }
  get _e(): DriveEntry {
    return this._c.store.entry(this._id);
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._e.name;
  }
  setName(name: string): this {
    const e = this._e;
    e.name = String(name);
    this._c.store.touch(e);
    return this;
  }
  getUrl(): string {
    return fileUrl(this._e);
  }
  getDescription(): string | null {
    return this._e.description ?? null;
  }
  setDescription(d: string): this {
    this._e.description = String(d);
    return this;
  }
  getDateCreated(): Date {
    return new Date(this._e.createdTime);
  }
  getLastUpdated(): Date {
    return new Date(this._e.modifiedTime);
  }
  isTrashed(): boolean {
    return this._e.trashed;
  }
  setTrashed(trashed: boolean): this {
    const e = this._e;
    e.trashed = !!trashed;
    this._c.store.touch(e);
    return this;
  }
  getParents(): FolderIterator {
    return new FolderIterator(
      this._c,
      this._e.parents.filter(p => this._c.store.has(p)),
    );
  }
  /** Moves to one folder (reference/drive/file#moveTo(Folder)). */
  moveTo(destination: Folder): this {
    const dest = destination._e;
    const e = this._e;
    if (e.id === dest.id) throw new Error('Exception: A folder cannot be moved into itself.');
    e.parents = [dest.id];
    this._c.store.touch(e);
    return this;
  }
  getOwner(): {getEmail(): string} {
    const email = this._c.ctx.user;
    return {getEmail: () => email};
  }
  getSharingAccess(): string {
    return 'PRIVATE';
  }
  getSharingPermission(): string {
    return 'NONE';
  }
  setSharing(_a: unknown, _p: unknown): this {
    return this;
  }
  addEditor(_e: unknown): this {
    return this;
  }
  addViewer(_e: unknown): this {
    return this;
  }
  getEditors(): never[] {
    return [];
  }
  getViewers(): never[] {
    return [];
  }
}

export class File extends Item {
  readonly _cls = 'File';
  getMimeType(): string {
    return this._e.mimeType;
  }
  getSize(): number {
    // Google reports 0 for native Docs (they use no storage quota).
    return this._e.mimeType === DOC_MIME ? 0 : this._c.store.size(this._id);
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this._id}&export=download`;
  }
  /** Google-native files come out as PDF (reference/drive/file#getBlob()). */
  getBlob(): Blob {
    const e = this._e;
    if (e.mimeType === DOC_MIME) return this._c.store.exportDoc(this._id, 'application/pdf');
    return new Blob(new Uint8Array(this._c.store.bytes(this._id)), e.mimeType, e.name);
  }
  getAs(contentType: string): Blob {
    const e = this._e;
    if (e.mimeType === DOC_MIME) return this._c.store.exportDoc(this._id, contentType);
    return new Blob(new Uint8Array(this._c.store.bytes(this._id)), e.mimeType, e.name).getAs(
      contentType,
    );
  }
  setContent(content: string): this {
    if (this._e.mimeType === DOC_MIME)
      throw new Error('Exception: setContent cannot be used on a Google Doc.');
    this._c.store.setBytes(this._id, new Uint8Array(Buffer.from(String(content), 'utf8')));
    return this;
  }
  /**
   * makeCopy(), makeCopy(name), makeCopy(destination), makeCopy(name, destination)
   * (reference/drive/file#makeCopy()): default name "Copy of X", default place the original's folders.
   */
  makeCopy(a?: string | Folder, b?: Folder): File {
    const e = this._e;
    const name = typeof a === 'string' ? a : `Copy of ${e.name}`;
    const dest = a instanceof Folder ? a : b;
    const parents = dest ? [dest._e.id] : [...e.parents];
    const c = this._c.store.copy(this._id, name, parents);
    return new File(this._c, c.id);
  }
}

export class Folder extends Item {
  readonly _cls = 'Folder';
  _children(files: boolean): DriveEntry[] {
    return this._c.store.childrenOf(this._id).filter(e => (e.mimeType === FOLDER_MIME) !== files);
  }
  getFiles(): FileIterator {
    return new FileIterator(
      this._c,
      this._children(true).map(e => e.id),
    );
  }
  getFolders(): FolderIterator {
    return new FolderIterator(
      this._c,
      this._children(false).map(e => e.id),
    );
  }
  getFilesByName(name: string): FileIterator {
    return new FileIterator(
      this._c,
      this._children(true)
        .filter(e => e.name === String(name))
        .map(e => e.id),
    );
  }
  getFoldersByName(name: string): FolderIterator {
    return new FolderIterator(
      this._c,
      this._children(false)
        .filter(e => e.name === String(name))
        .map(e => e.id),
    );
  }
  getFilesByType(mimeType: string): FileIterator {
    return new FileIterator(
      this._c,
      this._children(true)
        .filter(e => e.mimeType === String(mimeType))
        .map(e => e.id),
    );
  }
  createFolder(name: string): Folder {
    return new Folder(this._c, this._c.store.createFolder(name, this._id).id);
  }
  searchFiles(params: string): FileIterator {
    const pred = search(this._c.store, params);
    return new FileIterator(
      this._c,
      this._children(true)
        .filter(pred)
        .map(e => e.id),
    );
  }
  searchFolders(params: string): FolderIterator {
    const pred = search(this._c.store, params);
    return new FolderIterator(
      this._c,
      this._children(false)
        .filter(pred)
        .map(e => e.id),
    );
  }
  /** createFile(blob) or createFile(name, content[, mimeType]) (reference/drive/folder#createFile(BlobSource)). */
  createFile(a: unknown, content?: string, mimeType?: string): File {
    return new File(this._c, createFileIn(this._c.store, this._id, a, content, mimeType).id);
  }
  addFile(child: File): this {
    const e = child._e;
    if (!e.parents.includes(this._id)) e.parents.push(this._id);
    return this;
  }
  removeFile(child: File): this {
    const e = child._e;
    e.parents = e.parents.filter(p => p !== this._id);
    return this;
  }
  addFolder(child: Folder): this {
    const e = child._e;
    if (!e.parents.includes(this._id)) e.parents.push(this._id);
    return this;
  }
  removeFolder(child: Folder): this {
    const e = child._e;
    e.parents = e.parents.filter(p => p !== this._id);
    return this;
  }
  getSize(): number {
    return 0;
  }
}

function createFileIn(
  store: DriveStore,
  parentId: string,
  a: unknown,
  content?: string,
  mimeType?: string,
): DriveEntry {
  if (typeof a === 'string') {
    if (content === undefined) throw new Error('Exception: Invalid argument: content');
    return store.createBlobFile(
      a,
      new Uint8Array(Buffer.from(String(content), 'utf8')),
      mimeType ?? 'text/plain',
      parentId,
    );
  }
  const blob = asBlob(a);
  const name = blob.getName() ?? 'Untitled';
  return store.createBlobFile(
    name,
    new Uint8Array(bytesOf(blob)),
    blob.getContentType() ?? 'application/octet-stream',
    parentId,
  );
}

abstract class Iter<T> {
  abstract readonly _cls: string;
  private i = 0;
  constructor(
    readonly _c: Core,
    private readonly ids: string[],
  ) {}
  _core(): Core {
    return this._c;
  }
  abstract _make(id: string): T;
  hasNext(): boolean {
    return this.i < this.ids.length;
  }
  next(): T {
    if (this.i >= this.ids.length) throw new Error(END_OF_ITERATOR);
    return this._make(this.ids[this.i++]);
  }
  getContinuationToken(): string {
    return Buffer.from(JSON.stringify(this.ids.slice(this.i))).toString('base64');
  }
}
export class FileIterator extends Iter<File> {
  readonly _cls = 'FileIterator';
  _make(id: string): File {
    return new File(this._c, id);
  }
}
export class FolderIterator extends Iter<Folder> {
  readonly _cls = 'FolderIterator';
  _make(id: string): Folder {
    return new Folder(this._c, id);
  }
}

for (const cls of [Item, File, Folder, Iter, FileIterator, FolderIterator])
  instrument(cls, 'Drive');

/** DriveApp. Note: like Google's, name searches also return trashed items (check isTrashed()). */
function driveAppObject(ctx: ServiceContext, store: DriveStore) {
  store.now = () => ctx.clock.now();
  const core = new Core(ctx, store);
  const call = (name: string) => core._onCall(`DriveApp.${name}`, false);
  const filesWhere = (pred: (e: DriveEntry) => boolean) =>
    new FileIterator(
      core,
      store
        .all()
        .filter(e => e.mimeType !== FOLDER_MIME && pred(e))
        .map(e => e.id),
    );
  const foldersWhere = (pred: (e: DriveEntry) => boolean) =>
    new FolderIterator(
      core,
      store
        .all()
        .filter(e => e.mimeType === FOLDER_MIME && e.id !== store.rootId && pred(e))
        .map(e => e.id),
    );
  return {
    getFileById(id: string): File {
      call('getFileById');
      const e = store.entry(String(id));
      if (e.mimeType === FOLDER_MIME) store.entry('');
      return new File(core, e.id);
    },
    getFolderById(id: string): Folder {
      call('getFolderById');
      const e = store.entry(String(id));
      if (e.mimeType !== FOLDER_MIME) store.entry('');
      return new Folder(core, e.id);
    },
    getRootFolder(): Folder {
      call('getRootFolder');
      return new Folder(core, store.rootId);
    },
    createFolder(name: string): Folder {
      call('createFolder');
      return new Folder(core, store.createFolder(name).id);
    },
    createFile(a: unknown, content?: string, mimeType?: string): File {
      call('createFile');
      return new File(core, createFileIn(store, store.rootId, a, content, mimeType).id);
    },
    getFiles: () => (call('getFiles'), filesWhere(() => true)),
    getFolders: () => (call('getFolders'), foldersWhere(() => true)),
    getFilesByName: (name: string) => (
      call('getFilesByName'),
      filesWhere(e => e.name === String(name))
    ),
    getFoldersByName: (name: string) => (
      call('getFoldersByName'),
      foldersWhere(e => e.name === String(name))
    ),
    getFilesByType: (mimeType: string) => (
      call('getFilesByType'),
      filesWhere(e => e.mimeType === String(mimeType))
    ),
    searchFiles: (params: string) => (call('searchFiles'), filesWhere(search(store, params))),
    searchFolders: (params: string) => (call('searchFolders'), foldersWhere(search(store, params))),
    getTrashedFiles: () => (call('getTrashedFiles'), filesWhere(e => e.trashed)),
    getTrashedFolders: () => (call('getTrashedFolders'), foldersWhere(e => e.trashed)),
    continueFileIterator(token: string): FileIterator {
      call('continueFileIterator');
      return new FileIterator(core, JSON.parse(Buffer.from(token, 'base64').toString('utf8')));
    },
    continueFolderIterator(token: string): FolderIterator {
      call('continueFolderIterator');
      return new FolderIterator(core, JSON.parse(Buffer.from(token, 'base64').toString('utf8')));
    },
    MimeType: MIME_TYPES,
    Access: {
      ANYONE: 'ANYONE',
      ANYONE_WITH_LINK: 'ANYONE_WITH_LINK',
      DOMAIN: 'DOMAIN',
      DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK',
      PRIVATE: 'PRIVATE',
    },
    Permission: {
      VIEW: 'VIEW',
      EDIT: 'EDIT',
      COMMENT: 'COMMENT',
      OWNER: 'OWNER',
      ORGANIZER: 'ORGANIZER',
      NONE: 'NONE',
    },
  };
}

/** Base.MimeType (reference/base/mime-type). */
export const MIME_TYPES = {
  GOOGLE_DOCS: DOC_MIME,
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
  GOOGLE_FORMS: 'application/vnd.google-apps.form',
  FOLDER: FOLDER_MIME,
  PDF: 'application/pdf',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PLAIN_TEXT: 'text/plain',
  HTML: 'text/html',
  CSV: 'text/csv',
  JSON: 'application/json',
  PNG: 'image/png',
  JPEG: 'image/jpeg',
  GIF: 'image/gif',
  ZIP: 'application/zip',
} as const;

export type EmulatedDriveApp = ReturnType<typeof createDriveApp>;

/** DriveApp; methods it lacks say "not yet emulated: DriveApp.method". */
export function createDriveApp(
  ...args: Parameters<typeof driveAppObject>
): ReturnType<typeof driveAppObject> {
  return answerMissing(driveAppObject(...args), 'Drive', 'DriveApp');
}
