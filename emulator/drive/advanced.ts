/**
 * The advanced Drive service, v3 (global `Drive`), as declared in @types/google-apps-script
 * (apis/drive_v3.d.ts: Drive.Files.copy/create/update/get/list/remove/export) and documented in
 * the Drive REST reference (developers.google.com/drive/api/reference/rest/v3/files). Results are
 * plain JSON like the REST API. As in v3, a response carries only kind, id, name and mimeType
 * unless `fields` asks for more; files.list returns trashed files unless q says "trashed = false"
 * (developers.google.com/drive/api/guides/search-files).
 */
import {requireScope, type ServiceContext} from '../context';
import {DOC_MIME, DOCX_MIME, DocState, emptyDocParts} from '../docs/document';
import {convertWithLibreOffice} from './pdf';
// Loaded when a .docx is first read (docx-read loads @xmldom/xmldom).
const readDocx: typeof import('../docs/docx-read').readDocx = (...a) =>
  (require('../docs/docx-read') as typeof import('../docs/docx-read')).readDocx(...a);
import {asBlob, Blob, bytesOf, isBlobLike} from './blob';
import {adoptMadeFiles, fileUrl} from './drive-app';
import {DriveEntry, DriveStore, FOLDER_MIME} from './store';
import {apiError} from './api-error';
import {parseQuery} from './query';

export const ADVANCED_DRIVE_SCOPES = [
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/drive',
] as const;

type Json = Record<string, unknown>;

/** Parses "files(id,name),nextPageToken" / "id, name, parents" / "*" into a set per level. */
function parseFields(
  fields: string | undefined,
): {top: Set<string> | '*'; files: Set<string> | '*'} | null {
  if (!fields) return null;
  const top = new Set<string>();
  let files: Set<string> | '*' = new Set();
  const f = fields.replace(/\s+/g, '');
  if (f === '*') return {top: '*', files: '*'};
  const re = /(\w+)(?:\(([^)]*)\))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f)) !== null) {
    top.add(m[1]);
    if (m[1] === 'files')
      files =
        m[2] === undefined || m[2] === '*'
          ? '*'
          : new Set(m[2].split(',').map(s => s.split('/')[0]));
  }
  return {top, files};
}

const DEFAULT_FILE_FIELDS = new Set(['kind', 'id', 'name', 'mimeType']);

function pick(full: Json, fields: Set<string> | '*'): Json {
  if (fields === '*') return full;
  const out: Json = {};
  for (const k of fields) if (k in full) out[k] = full[k];
  return out;
}

/**
 * Media uploaded with mimeType Google Docs is converted, as Drive does: .docx read directly,
 * plain text one paragraph per line, HTML/ODT/RTF/DOC through LibreOffice (to .docx, then read).
 */
function importAsDoc(blob: Blob) {
  const type = blob.getContentType() ?? '';
  const name = (blob.getName() ?? '').toLowerCase();
  const bytes = bytesOf(blob);
  if (type === DOCX_MIME || name.endsWith('.docx')) return readDocx(bytes);
  if (type.startsWith('text/plain')) {
    const parts = emptyDocParts();
    const body = parts.body;
    body._children[0].asParagraph().setText(blob.getDataAsString().split(/\r?\n/)[0] ?? '');
    for (const line of blob.getDataAsString().split(/\r?\n/).slice(1)) body.appendParagraph(line);
    return parts;
  }
  const ext = type.includes('html')
    ? 'html'
    : type.includes('opendocument.text')
      ? 'odt'
      : type.includes('rtf')
        ? 'rtf'
        : type === 'application/msword'
          ? 'doc'
          : '';
  if (!ext) throw apiError('create', `Cannot convert ${type || 'this file'} into a Google Doc.`);
  return readDocx(convertWithLibreOffice(bytes, ext, 'docx'));
}

// ------------------------------------------------------------------ the service

export function createAdvancedDrive(ctx: ServiceContext, store: DriveStore) {
  store.now = () => ctx.clock.now();
  const call = (method: string) => {
    requireScope(ctx, `Drive.Files.${method}`, ADVANCED_DRIVE_SCOPES);
    ctx.stats.count(`Drive.Files.${method}`);
    adoptMadeFiles(ctx, store);
  };
  const get = (method: string, id: unknown): DriveEntry => {
    // "root" is the v3 alias of My Drive.
    const e = typeof id === 'string' ? store.find(id === 'root' ? store.rootId : id) : undefined;
    if (!e || (e.id === store.rootId && method !== 'get'))
      throw apiError(method, `File not found: ${String(id)}.`);
    return e;
  };
  const full = (e: DriveEntry): Json => {
    const out: Json = {
      kind: 'drive#file',
      id: e.id,
      name: e.name,
      mimeType: e.mimeType,
      parents: [...e.parents],
      trashed: e.trashed,
      createdTime: e.createdTime,
      modifiedTime: e.modifiedTime,
      webViewLink: fileUrl(e),
      starred: false,
      ownedByMe: true,
    };
    if (e.description) out.description = e.description;
    if (e.mimeType !== FOLDER_MIME && e.mimeType !== DOC_MIME && !e.external)
      out.size = String(store.size(e.id));
    return out;
  };
  const shape = (e: DriveEntry, optionalArgs?: Json): Json => {
    const f = parseFields(optionalArgs?.fields as string | undefined);
    return pick(full(e), f ? f.top : DEFAULT_FILE_FIELDS);
  };
  const applyResource = (e: DriveEntry, resource: Json | undefined) => {
    if (!resource) return;
    if (typeof resource.name === 'string') e.name = resource.name;
    if (typeof resource.description === 'string') e.description = resource.description;
    if (typeof resource.trashed === 'boolean') e.trashed = resource.trashed;
  };
  const parentsOf = (method: string, resource: Json | undefined): string[] | undefined => {
    const p = resource?.parents;
    if (p === undefined) return undefined;
    if (!Array.isArray(p))
      throw apiError(method, 'Invalid Value (parents must be a list of folder ids)');
    return p.map(x => {
      const id = typeof x === 'string' ? x : (x as {id?: string})?.id;
      const f = id ? store.find(id === 'root' ? store.rootId : id) : undefined;
      if (!f || f.mimeType !== FOLDER_MIME)
        throw apiError(method, `File not found: ${String(id)}.`);
      return f.id;
    });
  };

  const Files = {
    /** Copies a file; the copy keeps the original's parents unless resource.parents is given. */
    copy(resource: Json, fileId: string, optionalArgs?: Json): Json {
      call('copy');
      if (typeof fileId !== 'string' || !fileId)
        throw apiError('copy', 'Required parameter: fileId');
      const src = get('copy', fileId);
      if (src.mimeType === FOLDER_MIME)
        throw apiError('copy', 'This file cannot be copied by the user.');
      const parents = parentsOf('copy', resource) ?? [...src.parents];
      if (resource?.mimeType === DOC_MIME && src.mimeType !== DOC_MIME) {
        // A copy with the Docs type converts an uploaded Word file (Drive v3 import on copy).
        const blob = new Blob(store.bytes(src.id), src.mimeType, src.name);
        const d = store.createDoc(
          typeof resource.name === 'string' ? resource.name : src.name,
          parents[0],
          new DocState(importAsDoc(blob)),
        );
        d.parents = parents;
        return shape(d, optionalArgs);
      }
      const c = store.copy(
        src.id,
        typeof resource?.name === 'string' ? resource.name : `Copy of ${src.name}`,
        parents,
      );
      applyResource(c, {...resource, name: undefined});
      return shape(c, optionalArgs);
    },
    /** Creates a folder, an empty Doc, a Doc converted from .docx media, or a file from media. */
    create(resource: Json, mediaData?: unknown, optionalArgs?: Json): Json {
      call('create');
      if (mediaData !== undefined && mediaData !== null && !isBlobLike(mediaData))
        throw new Error('The mediaData parameter only supports Blob types for upload.');
      const parents = parentsOf('create', resource) ?? [store.rootId];
      const name = typeof resource?.name === 'string' ? resource.name : 'Untitled';
      const mime = typeof resource?.mimeType === 'string' ? resource.mimeType : undefined;
      let e: DriveEntry;
      if (mime === FOLDER_MIME) {
        e = store.createFolder(name, parents[0]);
      } else if (mime === DOC_MIME) {
        if (mediaData !== undefined && mediaData !== null) {
          e = store.createDoc(name, parents[0], new DocState(importAsDoc(asBlob(mediaData))));
        } else {
          e = store.createDoc(name, parents[0]);
        }
      } else {
        const blob =
          mediaData !== undefined && mediaData !== null
            ? asBlob(mediaData)
            : new Blob(new Uint8Array(0));
        e = store.createBlobFile(
          name,
          new Uint8Array(bytesOf(blob)),
          mime ?? blob.getContentType() ?? 'application/octet-stream',
          parents[0],
        );
      }
      e.parents = parents;
      applyResource(e, {...resource, name: undefined});
      return shape(e, optionalArgs);
    },
    /** Patches metadata; media replaces content; addParents/removeParents move it (comma-separated ids). */
    update(resource: Json, fileId: string, mediaData?: unknown, optionalArgs?: Json): Json {
      call('update');
      const e = get('update', fileId);
      const blobGiven =
        mediaData !== undefined &&
        mediaData !== null &&
        typeof (mediaData as {getBytes?: unknown}).getBytes === 'function';
      const args =
        (blobGiven ? optionalArgs : ((mediaData as Json | undefined) ?? optionalArgs)) ?? {};
      if (resource && 'parents' in resource)
        throw apiError(
          'update',
          'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
        );
      applyResource(e, resource);
      if (blobGiven) {
        store.setBytes(e.id, bytesOf(mediaData));
        // New media brings its own type (a PDF over a text file makes it a PDF; gas-fakes test/testdrive.js, live).
        const type = (mediaData as {getContentType(): string | null}).getContentType();
        if (type && e.mimeType !== DOC_MIME && e.mimeType !== FOLDER_MIME) e.mimeType = type;
      }
      const ids = (v: unknown) =>
        typeof v === 'string' && v ? v.split(',').map(s => s.trim()) : [];
      for (const id of ids(args.addParents)) {
        const f = store.find(id);
        if (!f || f.mimeType !== FOLDER_MIME) throw apiError('update', `File not found: ${id}.`);
        if (!e.parents.includes(id)) e.parents.push(id);
      }
      const remove = ids(args.removeParents);
      if (remove.length) e.parents = e.parents.filter(p => !remove.includes(p));
      store.touch(e);
      return shape(e, args);
    },
    /** Metadata, or with {alt: 'media'} the content as a string. */
    get(fileId: string, optionalArgs?: Json): Json | string {
      call('get');
      if (typeof fileId !== 'string' || !fileId) throw apiError('get', 'Invalid argument: id');
      const e = get('get', fileId);
      if (optionalArgs?.alt === 'media') {
        if (e.mimeType === DOC_MIME)
          throw apiError(
            'get',
            'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
          );
        return Buffer.from(store.bytes(e.id)).toString('utf8');
      }
      return shape(e, optionalArgs);
    },
    list(optionalArgs?: Json): Json {
      call('list');
      const q = typeof optionalArgs?.q === 'string' ? optionalArgs.q : '';
      const pred = parseQuery(q, store.rootId);
      const pageSize = Math.min(Number(optionalArgs?.pageSize ?? 100) || 100, 1000);
      const start =
        typeof optionalArgs?.pageToken === 'string'
          ? Number(Buffer.from(optionalArgs.pageToken, 'base64').toString('utf8')) || 0
          : 0;
      const orderBy = typeof optionalArgs?.orderBy === 'string' ? optionalArgs.orderBy : '';
      let hits = store.all().filter(e => e.id !== store.rootId && pred(e));
      if (/name/.test(orderBy))
        hits = hits.sort(
          (a, b) => a.name.localeCompare(b.name) * (/name desc/.test(orderBy) ? -1 : 1),
        );
      else if (/modifiedTime/.test(orderBy))
        hits = hits.sort(
          (a, b) => a.modifiedTime.localeCompare(b.modifiedTime) * (/desc/.test(orderBy) ? -1 : 1),
        );
      else if (/createdTime/.test(orderBy))
        hits = hits.sort(
          (a, b) => a.createdTime.localeCompare(b.createdTime) * (/desc/.test(orderBy) ? -1 : 1),
        );
      const page = hits.slice(start, start + pageSize);
      const f = parseFields(optionalArgs?.fields as string | undefined);
      const fileFields = f ? f.files : DEFAULT_FILE_FIELDS;
      const out: Json = {
        kind: 'drive#fileList',
        incompleteSearch: false,
        files: page.map(e =>
          pick(full(e), fileFields === '*' || fileFields.size ? fileFields : DEFAULT_FILE_FIELDS),
        ),
      };
      if (start + pageSize < hits.length)
        out.nextPageToken = Buffer.from(String(start + pageSize)).toString('base64');
      if (f && f.top !== '*') {
        for (const k of Object.keys(out)) if (!f.top.has(k)) delete out[k];
      }
      return out;
    },
    /** Deletes for good, skipping the trash (v3 files.delete; `remove` in Apps Script). */
    remove(fileId: string, _optionalArgs?: Json): void {
      call('remove');
      const e = get('remove', fileId);
      store.remove(e.id);
    },
    /** A Doc exported as PDF, .docx or text (returned as a Blob). */
    export(fileId: string, mimeType: string, _optionalArgs?: Json): Blob {
      call('export');
      const e = get('export', fileId);
      if (e.mimeType !== DOC_MIME)
        throw apiError('export', 'Export only supports Docs Editors files.');
      return store.exportDoc(e.id, mimeType);
    },
    emptyTrash(): void {
      call('emptyTrash');
      for (const e of store.all()) if (e.trashed && store.has(e.id)) store.remove(e.id);
    },
  };
  // Advanced services print as their identifier, the same for the service and its collections.
  const printed = () => 'AdvancedServiceIdentifier{name=drive, version=v3}';
  const About = {
    get(optionalArgs?: Json): Json {
      call('get');
      const about: Json = {
        kind: 'drive#about',
        user: {
          kind: 'drive#user',
          emailAddress: ctx.user,
          displayName: ctx.user.split('@')[0],
          me: true,
        },
      };
      const f = parseFields(optionalArgs?.fields as string | undefined);
      return f && f.top !== '*' ? pick(about, f.top) : about;
    },
    toString: printed,
  };
  /**
   * permissions.create (developers.google.com/drive/api/reference/rest/v3/permissions/create):
   * type anyone/user with role reader/commenter/writer. What it grants is kept where DriveApp's
   * getSharingAccess and getViewers read it, so both services agree.
   */
  const Permissions = {
    create(resource: Json, fileId: string, _optionalArgs?: Json): Json {
      requireScope(ctx, 'Drive.Permissions.create', ADVANCED_DRIVE_SCOPES);
      ctx.stats.count('Drive.Permissions.create');
      const e = get('permissions.create', fileId) as DriveEntry & {
        sharing?: {access: string; permission: string};
        viewers?: string[];
        commenters?: string[];
        editors?: string[];
      };
      const role = String(resource?.role ?? '');
      const roles: Record<string, 'VIEW' | 'COMMENT' | 'EDIT'> = {
        reader: 'VIEW',
        commenter: 'COMMENT',
        writer: 'EDIT',
      };
      if (!roles[role])
        throw apiError(
          'permissions.create',
          `Invalid Value (role: "${role}"; use reader, commenter or writer)`,
        );
      const type = String(resource?.type ?? '');
      if (type === 'anyone') {
        const discoverable = resource?.allowFileDiscovery === true;
        e.sharing = {access: discoverable ? 'ANYONE' : 'ANYONE_WITH_LINK', permission: roles[role]};
      } else if (type === 'user' && typeof resource?.emailAddress === 'string') {
        const list =
          role === 'reader' ? 'viewers' : role === 'commenter' ? 'commenters' : 'editors';
        const people = (e[list] ??= []);
        if (!people.includes(resource.emailAddress)) people.push(resource.emailAddress);
      } else
        throw apiError(
          'permissions.create',
          `Invalid Value (type: "${type}"; use anyone, or user with an emailAddress)`,
        );
      // Sharing is not an edit: modifiedTime stays (Drive reports sharedWithMeTime apart).
      return {
        kind: 'drive#permission',
        id: type === 'anyone' ? 'anyoneWithLink' : String(resource.emailAddress),
        type,
        role,
      };
    },
    toString: printed,
  };
  return {
    Files: Object.assign(Files, {toString: printed}),
    Permissions,
    About,
    // v3 has no Operations collection's methods: Drive.Operations.list() "is not a function", as live.
    Operations: {toString: printed},
    getVersion: () => 'v3',
    toString: printed,
  };
}

export type EmulatedAdvancedDrive = ReturnType<typeof createAdvancedDrive>;
