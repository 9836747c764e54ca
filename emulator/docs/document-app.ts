/**
 * DocumentApp (developers.google.com/apps-script/reference/document/document-app) over the
 * emulated Drive. Every call is counted in ctx.stats; every call checks the documents scope, so
 * simple triggers and manifests without it fail with Google's permission error.
 */
import { requireScope, type ServiceContext } from '../context';
import type { DriveStore } from '../drive/store';
import { Document, DOC_MIME } from './document';
import { Attribute, ElementType, FontFamily, GlyphType, HorizontalAlignment, ParagraphHeading, TextAlignment, VerticalAlignment } from './enums';
import { addMissingEnums, answerMissing } from '../services/not-emulated';

export const DOCUMENTS_SCOPES = ['https://www.googleapis.com/auth/documents', 'https://www.googleapis.com/auth/documents.currentonly'] as const;

const MISSING_DOC = "Exception: Document is missing (perhaps it was deleted, or you don't have read access?)";

export interface DocumentAppOptions {
  /** The id of the Doc the script is bound to, if it is bound to a Doc (getActiveDocument). */
  containerDocId?: string | null;
  /** DocumentApp.getUi(), supplied by the runtime. */
  getUi?: () => unknown;
}

function documentAppObject(ctx: ServiceContext, drive: DriveStore, opts: DocumentAppOptions = {}) {
  drive.now = () => ctx.clock.now();
  const guard = (call: string) => requireScope(ctx, call, DOCUMENTS_SCOPES);
  const host = {
    getName: (id: string) => drive.entry(id).name,
    setName: (id: string, name: string) => {
      const e = drive.entry(id);
      e.name = name;
      drive.touch(e);
    },
    export: (id: string, contentType: string) => drive.exportDoc(id, contentType),
    sharing: (id: string) => drive.entry(id) as {editors?: string[]; viewers?: string[]},
    owner: () => ctx.user,
  };
  const open = (id: string): Document => {
    const e = drive.find(id);
    if (!e || e.mimeType !== DOC_MIME) throw new Error(MISSING_DOC);
    const state = drive.docState(id);
    state.stats = ctx.stats;
    state.guard = guard;
    return new Document(id, state, host);
  };
  const call = (name: string) => {
    guard(`DocumentApp.${name}`);
    ctx.stats.count(`DocumentApp.${name}`);
  };

  return {
    /** Creates a Doc in the root folder (reference/document/document-app#create(String)). */
    create(name: string): Document {
      call('create');
      if (typeof name !== 'string' || name === '') throw new Error('Exception: Invalid argument: name');
      const e = drive.createDoc(name);
      return open(e.id);
    },
    openById(id: string): Document {
      call('openById');
      return open(String(id));
    },
    /** Accepts https://docs.google.com/document/d/ID/edit (and /view, /preview, ?usp=...). */
    openByUrl(url: string): Document {
      call('openByUrl');
      const m = /^https:\/\/docs\.google\.com\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/.exec(String(url));
      if (!m) throw new Error('Exception: Invalid argument: url');
      return open(m[1]);
    },
    /** Null unless the script is bound to a Doc (our program is bound to a Sheet). */
    getActiveDocument(): Document | null {
      call('getActiveDocument');
      return opts.containerDocId ? open(opts.containerDocId) : null;
    },
    getUi(): unknown {
      call('getUi');
      if (!opts.getUi) throw new Error('Exception: Cannot call DocumentApp.getUi() from this context.');
      return opts.getUi();
    },
    ElementType,
    ParagraphHeading,
    HorizontalAlignment,
    VerticalAlignment,
    GlyphType,
    Attribute,
    FontFamily,
    TextAlignment,
  };
}

export type EmulatedDocumentApp = ReturnType<typeof createDocumentApp>;

/** DocumentApp; methods it lacks say "not yet emulated: DocumentApp.method". */
export function createDocumentApp(...args: Parameters<typeof documentAppObject>): ReturnType<typeof documentAppObject> {
  const app = documentAppObject(...args);
  addMissingEnums(app, 'Document');
  return answerMissing(app, 'Document', 'DocumentApp');
}
