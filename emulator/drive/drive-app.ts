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
import {parseQuery} from './query';
import {answerMissing} from '../services/not-emulated';
import {takeMadeFiles} from '../services/made-files';

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
    adoptMadeFiles(this.ctx, this.store);
  }
}

/** Spreadsheets the script made this run (SpreadsheetApp.create) become files of the Drive. */
export function adoptMadeFiles(ctx: ServiceContext, store: DriveStore): void {
  for (const f of takeMadeFiles(ctx)) store.registerExternal(f.id, f.name, f.mimeType);
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
  /** A file or folder prints as its name; the root as "My Drive" (gas-fakes test/test.js, live). */
  toString(): string {
    return this._id === this._c.store.rootId ? 'My Drive' : this._e.name;
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
  moveTo(...args: unknown[]): this {
    const destination = args[0];
    if (args.length !== 1 || !(destination instanceof Folder))
      throw signature(args, `DriveApp.${this._cls}.moveTo`);
    const dest = destination._e;
    const e = this._e;
    if (e.id === dest.id) throw new Error('Exception: A folder cannot be moved into itself.');
    e.parents = [dest.id];
    this._c.store.touch(e);
    return this;
  }
  getOwner(): DriveUser {
    return driveUser(this._c.ctx.user);
  }
  private get _x(): SharingEntry {
    return this._e as SharingEntry;
  }
  /** Starring sticks (kept in the Drive's state); My Drive itself cannot be starred (gas-fakes test/testdrive.js, live). */
  isStarred(): boolean {
    return !!this._x.starred;
  }
  setStarred(starred: boolean): this {
    if (this._id === this._c.store.rootId) throw new Error('Access denied: DriveApp.');
    this._x.starred = !!starred;
    return this;
  }
  isShareableByEditors(): boolean {
    return this._x.shareableByEditors !== false;
  }
  setShareableByEditors(shareable: boolean): this {
    this._x.shareableByEditors = !!shareable;
    return this;
  }
  getSharingAccess(): string {
    return this._x.sharing?.access ?? 'PRIVATE';
  }
  getSharingPermission(): string {
    return this._x.sharing?.permission ?? 'NONE';
  }
  /** setSharing(Access, Permission) sticks; nobody outside is told (reference/drive/file#setSharing). */
  setSharing(access: unknown, permission: unknown): this {
    if (!ACCESS.includes(String(access)) || !PERMISSION.includes(String(permission)))
      throw new Error(
        `The parameters (${[access, permission].map(javaTypeName).join(',')}) don't match the method signature for DriveApp.${this._cls}.setSharing.`,
      );
    this._x.sharing = {access: String(access), permission: String(permission)};
    return this;
  }
  private people(role: 'editors' | 'viewers' | 'commenters'): string[] {
    return (this._x[role] ??= []);
  }
  private addPeople(role: 'editors' | 'viewers' | 'commenters', who: unknown[]): this {
    const list = this.people(role);
    for (const w of who) {
      const email = emailOf(w, `${this._cls}.add`);
      if (!list.includes(email) && email !== this._c.ctx.user) list.push(email);
      // A viewer made an editor is an editor only (Drive keeps one role per person).
      if (role === 'editors') this._x.viewers = (this._x.viewers ?? []).filter(v => v !== email);
    }
    return this;
  }
  private removePeople(role: 'editors' | 'viewers' | 'commenters', who: unknown): this {
    const email = emailOf(who, `${this._cls}.remove`);
    this._x[role] = this.people(role).filter(e => e !== email);
    return this;
  }
  addEditor(emailAddress: unknown): this {
    return this.addPeople('editors', [emailAddress]);
  }
  addEditors(emailAddresses: unknown[]): this {
    return this.addPeople('editors', Array.from(emailAddresses ?? []));
  }
  addViewer(emailAddress: unknown): this {
    return this.addPeople('viewers', [emailAddress]);
  }
  addViewers(emailAddresses: unknown[]): this {
    return this.addPeople('viewers', Array.from(emailAddresses ?? []));
  }
  addCommenter(emailAddress: unknown): this {
    return this.addPeople('commenters', [emailAddress]);
  }
  addCommenters(emailAddresses: unknown[]): this {
    return this.addPeople('commenters', Array.from(emailAddresses ?? []));
  }
  removeEditor(emailAddress: unknown): this {
    return this.removePeople('editors', emailAddress);
  }
  removeViewer(emailAddress: unknown): this {
    return this.removePeople('viewers', emailAddress);
  }
  removeCommenter(emailAddress: unknown): this {
    return this.removePeople('commenters', emailAddress);
  }
  /** Editors include the owner, as in Drive's sharing dialog. */
  getEditors(): DriveUser[] {
    return [this._c.ctx.user, ...this.people('editors')].map(driveUser);
  }
  getViewers(): DriveUser[] {
    return [...this.people('viewers'), ...this.people('commenters')].map(driveUser);
  }
  getAccess(user: unknown): string {
    const email = emailOf(user, `${this._cls}.getAccess`);
    if (email === this._c.ctx.user) return 'OWNER';
    if (this.people('editors').includes(email)) return 'EDIT';
    if (this.people('commenters').includes(email)) return 'COMMENT';
    if (this.people('viewers').includes(email)) return 'VIEW';
    return 'NONE';
  }
}

/** What the emulator keeps per Drive item beyond the store's own fields (saved with them in state.json). */
type SharingEntry = DriveEntry & {
  starred?: boolean;
  shareableByEditors?: boolean;
  sharing?: {access: string; permission: string};
  editors?: string[];
  viewers?: string[];
  commenters?: string[];
};

const ACCESS = ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'];
const PERMISSION = ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'FILE_ORGANIZER', 'NONE'];

export interface DriveUser {
  getEmail(): string;
  getName(): string;
  getDomain(): string;
  getPhotoUrl(): string;
  toString(): string;
}

/** Drive's User (reference/drive/user): the name is the part of the address before @. */
function driveUser(email: string): DriveUser {
  return {
    getEmail: () => email,
    getName: () => email.split('@')[0],
    getDomain: () => email.split('@')[1] ?? '',
    getPhotoUrl: () => '',
    toString: () => 'DriveUser',
  };
}

function emailOf(who: unknown, method: string): string {
  if (typeof who === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(who.trim())) return who.trim();
  if (who && typeof (who as DriveUser).getEmail === 'function')
    return String((who as DriveUser).getEmail());
  if (typeof who === 'string') throw new Error(`Invalid argument: ${who}`);
  throw new Error(
    `The parameters (${javaTypeName(who)}) don't match the method signature for DriveApp.${method}.`,
  );
}

/** How Apps Script names an argument's type in "The parameters (...) don't match" errors. */
function javaTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof Folder) return 'DriveApp.Folder';
  if (v instanceof File) return 'DriveApp.File';
  if (v && typeof (v as Blob).getBytes === 'function') return 'Blob';
  if (Array.isArray(v)) return 'Object[]';
  return 'Object';
}

function signature(args: unknown[], method: string): Error {
  return new Error(
    `The parameters (${args.map(javaTypeName).join(',')}) don't match the method signature for ${method}.`,
  );
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
  /** Anything but text is turned into its text: a Blob gives "Blob" (gas-fakes test/testdrive.js, live). */
  setContent(content: string): this {
    if (this._e.mimeType === DOC_MIME)
      throw new Error('Exception: setContent cannot be used on a Google Doc.');
    this._c.store.setBytes(this._id, new Uint8Array(Buffer.from(String(content), 'utf8')));
    return this;
  }
  /**
   * makeCopy(), makeCopy(name), makeCopy(destination), makeCopy(name, destination)
   * (reference/drive/file#makeCopy()): without a name the copy keeps the original's (live Apps
   * Script, gas-fakes test/testdrive.js); by default it goes into the original's folders.
   */
  makeCopy(...args: unknown[]): File {
    const [a, b] = args;
    const ok =
      args.length === 0 ||
      (args.length === 1 && (typeof a === 'string' || a instanceof Folder)) ||
      (args.length === 2 && typeof a === 'string' && b instanceof Folder);
    if (!ok) throw signature(args, 'DriveApp.File.makeCopy');
    const e = this._e;
    const name = typeof a === 'string' ? a : e.name;
    const dest = a instanceof Folder ? a : (b as Folder | undefined);
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
  createFile(...args: unknown[]): File {
    return new File(
      this._c,
      createFileIn(this._c.store, this._id, args, 'DriveApp.Folder.createFile').id,
    );
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

/**
 * createFile(blob) or createFile(name, content[, mimeType]) with Apps Script's checks
 * (gas-fakes test/testdrive.js, run against live Apps Script).
 */
function createFileIn(
  store: DriveStore,
  parentId: string,
  args: unknown[],
  method: string,
): DriveEntry {
  const [a, content, mimeType] = args;
  if (args.length === 1 && a && typeof a === 'object') {
    const blob = asBlob(a);
    const name = blob.getName();
    if (name === null || name === undefined)
      throw new Error('Blob object must have non-null name for this operation.');
    return store.createBlobFile(
      name,
      new Uint8Array(bytesOf(blob)),
      blob.getContentType() ?? 'application/octet-stream',
      parentId,
    );
  }
  const textArgs =
    (args.length === 2 || args.length === 3) &&
    (a === null || typeof a === 'string') &&
    typeof content === 'string' &&
    (args.length === 2 || typeof mimeType === 'string');
  if (!textArgs) throw signature(args, method);
  if (a === null || a === '') throw new Error('Invalid argument: name');
  return store.createBlobFile(
    a,
    new Uint8Array(Buffer.from(content, 'utf8')),
    (mimeType as string | undefined) ?? 'text/plain',
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
      // null, undefined or '' (gas-fakes test/testdrive.js "trap null ids", live Apps Script).
      if (typeof id !== 'string' || id === '') throw new Error('Invalid argument: id');
      const e = store.entry(String(id));
      if (e.mimeType === FOLDER_MIME) store.entry('');
      return new File(core, e.id);
    },
    getFolderById(id: string): Folder {
      call('getFolderById');
      if (typeof id !== 'string' || id === '') throw new Error('Invalid argument: id');
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
    createFile(...args: unknown[]): File {
      call('createFile');
      return new File(core, createFileIn(store, store.rootId, args, 'DriveApp.createFile').id);
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

/** Base.MimeType: every value the reference lists (developers.google.com/apps-script/reference/base/mime-type). */
export const MIME_TYPES = {
  GOOGLE_APPS_SCRIPT: 'application/vnd.google-apps.script',
  GOOGLE_DRAWINGS: 'application/vnd.google-apps.drawing',
  GOOGLE_DOCS: DOC_MIME,
  GOOGLE_FORMS: 'application/vnd.google-apps.form',
  GOOGLE_SHEETS: 'application/vnd.google-apps.spreadsheet',
  GOOGLE_SITES: 'application/vnd.google-apps.site',
  GOOGLE_SLIDES: 'application/vnd.google-apps.presentation',
  FOLDER: FOLDER_MIME,
  SHORTCUT: 'application/vnd.google-apps.shortcut',
  BMP: 'image/bmp',
  GIF: 'image/gif',
  JPEG: 'image/jpeg',
  PNG: 'image/png',
  SVG: 'image/svg+xml',
  PDF: 'application/pdf',
  CSS: 'text/css',
  CSV: 'text/csv',
  HTML: 'text/html',
  JAVASCRIPT: 'application/javascript',
  PLAIN_TEXT: 'text/plain',
  RTF: 'application/rtf',
  OPENDOCUMENT_GRAPHICS: 'application/vnd.oasis.opendocument.graphics',
  OPENDOCUMENT_PRESENTATION: 'application/vnd.oasis.opendocument.presentation',
  OPENDOCUMENT_SPREADSHEET: 'application/vnd.oasis.opendocument.spreadsheet',
  OPENDOCUMENT_TEXT: 'application/vnd.oasis.opendocument.text',
  MICROSOFT_EXCEL: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  MICROSOFT_EXCEL_LEGACY: 'application/vnd.ms-excel',
  MICROSOFT_POWERPOINT: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  MICROSOFT_POWERPOINT_LEGACY: 'application/vnd.ms-powerpoint',
  MICROSOFT_WORD: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  MICROSOFT_WORD_LEGACY: 'application/msword',
  ZIP: 'application/zip',
  JSON: 'application/json',
} as const;

export type EmulatedDriveApp = ReturnType<typeof createDriveApp>;

/** DriveApp; methods it lacks say "not yet emulated: DriveApp.method". */
export function createDriveApp(
  ...args: Parameters<typeof driveAppObject>
): ReturnType<typeof driveAppObject> {
  return answerMissing(driveAppObject(...args), 'Drive', 'DriveApp');
}
