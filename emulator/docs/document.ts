/**
 * Document (developers.google.com/apps-script/reference/document/document) and the shared state
 * behind every handle to one Google Doc: the element tree, the call counter, the edit count for
 * Google's "Too many changes" limit, and whether saveAndClose() closed it.
 */
import type { CallStats } from '../stats';
import { Blob } from '../drive/blob';
import { Body, DocCore, FooterSection, HeaderSection, MAX_CHANGES_BEFORE_SAVE, Paragraph, TOO_MANY_CHANGES, instrument } from './elements';
import type { DocParts } from './docx-write';

export const DOC_MIME = 'application/vnd.google-apps.document';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export class DocState implements DocCore {
  stats: CallStats | null = null;
  /** Mutating calls since the last save. */
  changes = 0;
  closed = false;
  /** Changed since loaded or last written to disk. */
  dirty = false;
  /** Optional hook: the scope check of the service that opened it. */
  guard: ((call: string) => void) | null = null;

  constructor(public parts: DocParts) {
    this.adopt();
  }
  adopt(): void {
    this.parts.body._owner = this;
    if (this.parts.header) this.parts.header._owner = this;
    if (this.parts.footer) this.parts.footer._owner = this;
  }
  _onCall(name: string, mutating: boolean): void {
    this.guard?.(name);
    this.stats?.count(name);
    if (!mutating) return;
    if (this.closed) throw new Error('Exception: Document is closed, its contents cannot be updated.');
    this.dirty = true;
    if (++this.changes > MAX_CHANGES_BEFORE_SAVE) throw new Error(TOO_MANY_CHANGES);
  }
  /** A deep copy (Drive copy of a Doc). */
  clone(): DocState {
    return new DocState({
      body: this.parts.body._clone(),
      header: this.parts.header ? this.parts.header._clone() : null,
      footer: this.parts.footer ? this.parts.footer._clone() : null,
    });
  }
}

/** A new Google Doc holds one empty paragraph. */
export function emptyDocParts(): DocParts {
  const body = new Body();
  body._insertAt(0, new Paragraph());
  return { body, header: null, footer: null };
}

/** What a Document handle needs from Drive. */
export interface DocFileHost {
  getName(id: string): string;
  setName(id: string, name: string): void;
  /** The document converted (application/pdf, .docx ...). */
  export(id: string, contentType: string): Blob;
  /** The Drive entry's sharing lists (the same DriveApp's File reads), and the owner's email. */
  sharing?(id: string): {editors?: string[]; viewers?: string[]};
  owner?(): string;
}

/** A Base.User for an email address (reference/base/user). */
function docUser(email: string): {getEmail(): string; toString(): string} {
  return {getEmail: () => email, toString: () => email};
}

export function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

export class Document {
  readonly _cls = 'Document';
  constructor(
    private readonly _id: string,
    private readonly _state: DocState,
    private readonly _host: DocFileHost,
  ) {
    _state.closed = false;
  }
  _core(): DocCore {
    return this._state;
  }
  getId(): string {
    return this._id;
  }
  getName(): string {
    return this._host.getName(this._id);
  }
  setName(name: string): this {
    if (typeof name !== 'string' || name === '') throw new Error('Exception: Invalid argument: name');
    this._host.setName(this._id, name);
    return this;
  }
  getUrl(): string {
    return docUrl(this._id);
  }
  getBody(): Body {
    return this._state.parts.body;
  }
  /** The body: what a script bound to the document has active (reference/document/document#getActiveSection()). */
  getActiveSection(): Body {
    return this._state.parts.body;
  }
  getHeader(): HeaderSection | null {
    return this._state.parts.header;
  }
  getFooter(): FooterSection | null {
    return this._state.parts.footer;
  }
  /**
   * Adds the header (reference/document/document#addHeader()); a second one is refused, as in
   * Docs (the wording is ours: Google's text for it is not published).
   */
  addHeader(): HeaderSection {
    if (this._state.parts.header) throw new Error('Exception: Document tab already contains a header.');
    {
      const h = new HeaderSection();
      h._insertAt(0, new Paragraph());
      h._owner = this._state;
      this._state.parts.header = h;
    }
    return this._state.parts.header;
  }
  addFooter(): FooterSection {
    if (this._state.parts.footer) throw new Error('Exception: Document tab already contains a footer.');
    {
      const f = new FooterSection();
      f._insertAt(0, new Paragraph());
      f._owner = this._state;
      this._state.parts.footer = f;
    }
    return this._state.parts.footer;
  }
  /** Saves (the host writes .docx at the end of the run) and closes this handle. */
  saveAndClose(): void {
    this._state.changes = 0;
    this._state.closed = true;
  }
  /** Document.getBlob() gives the PDF, as Google does for Docs. */
  getBlob(): Blob {
    return this._host.export(this._id, 'application/pdf');
  }
  getAs(contentType: string): Blob {
    return this._host.export(this._id, contentType);
  }
  editAsText() {
    return this._state.parts.body.editAsText();
  }
  /** Empties the body, leaving one empty paragraph (reference/document/document#clear()). */
  clear(): this {
    this._state.parts.body.clear();
    return this;
  }
  /** Documents made or read here have one tab, the whole document (reference/document/tab). */
  getTabs(): Tab[] {
    return [new Tab(this)];
  }
  getTab(tabId: string): Tab | null {
    return tabId === TAB_ID ? new Tab(this) : null;
  }
  getActiveTab(): Tab {
    return new Tab(this);
  }
  toString(): string {
    return 'Document';
  }
  getCursor(): null {
    return null;
  }
  getSelection(): null {
    return null;
  }
  setCursor(_p: unknown): this {
    return this;
  }
  setSelection(_r: unknown): this {
    return this;
  }
  getFootnotes(): never[] {
    return [];
  }
  getBookmarks(): never[] {
    return [];
  }
  getNamedRanges(): never[] {
    return [];
  }
  private lists(): {editors?: string[]; viewers?: string[]} {
    const l = this._host.sharing?.(this._id);
    if (!l) throw new Error('not yet emulated: Document sharing without a Drive');
    return l;
  }
  private addPeople(role: 'editors' | 'viewers', who: unknown[]): this {
    const l = this.lists();
    const list = (l[role] ??= []);
    for (const w of who) {
      const email = typeof w === 'string' ? w.trim() : String((w as {getEmail?(): string})?.getEmail?.() ?? '');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`Exception: Invalid argument: ${String(w)}`);
      if (!list.includes(email) && email !== this._host.owner?.()) list.push(email);
      if (role === 'editors') l.viewers = (l.viewers ?? []).filter(v => v !== email);
    }
    return this;
  }
  /** Sharing, kept with the Drive file (reference/document/document#addeditoremailaddress). */
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
  removeEditor(emailAddress: unknown): this {
    const l = this.lists();
    const e = String((emailAddress as {getEmail?(): string})?.getEmail?.() ?? emailAddress);
    l.editors = (l.editors ?? []).filter(x => x !== e);
    return this;
  }
  removeViewer(emailAddress: unknown): this {
    const l = this.lists();
    const e = String((emailAddress as {getEmail?(): string})?.getEmail?.() ?? emailAddress);
    l.viewers = (l.viewers ?? []).filter(x => x !== e);
    return this;
  }
  /** The owner and the editors, as in the sharing dialog. */
  getEditors(): {getEmail(): string}[] {
    const owner = this._host.owner?.();
    const l = this._host.sharing?.(this._id) ?? {};
    return [...(owner ? [owner] : []), ...(l.editors ?? [])].map(docUser);
  }
  getViewers(): {getEmail(): string}[] {
    const l = this._host.sharing?.(this._id) ?? {};
    return (l.viewers ?? []).map(docUser);
  }
  getLanguage(): string {
    return 'en';
  }
}
/**
 * The older Document methods that act on the body (doc.appendParagraph, doc.appendTable...):
 * still present in Apps Script and used by older scripts (gas-fakes test/testdocs*.js checks them live).
 */
const BODY_DELEGATES = [
  'appendParagraph', 'appendListItem', 'appendTable', 'appendPageBreak', 'appendHorizontalRule', 'appendImage',
  'insertParagraph', 'insertListItem', 'insertTable', 'insertPageBreak', 'insertHorizontalRule', 'insertImage',
  'getParagraphs', 'getListItems', 'getTables', 'getImages', 'getNumChildren', 'getChild', 'getChildIndex',
  'getText', 'setText', 'replaceText', 'findText', 'findElement', 'getMarginTop', 'getMarginBottom', 'getMarginLeft',
  'getMarginRight', 'setMarginTop', 'setMarginBottom', 'setMarginLeft', 'setMarginRight', 'getPageWidth',
  'getPageHeight', 'setPageWidth', 'setPageHeight',
] as const;
for (const name of BODY_DELEGATES) {
  Object.defineProperty(Document.prototype, name, {
    value: function (this: Document, ...args: unknown[]) {
      const body = this.getBody() as unknown as Record<string, (...a: unknown[]) => unknown>;
      const out = body[name](...args);
      return out === body ? this : out;
    },
    writable: true,
    configurable: true,
  });
}

const TAB_ID = 't.0';

export class Tab {
  readonly _cls = 'Tab';
  constructor(private readonly _doc: Document) {}
  _core(): DocCore {
    return this._doc._core();
  }
  getId(): string {
    return TAB_ID;
  }
  getIndex(): number {
    return 0;
  }
  getTitle(): string {
    return 'Tab 1';
  }
  getType(): string {
    return 'DOCUMENT_TAB';
  }
  getChildTabs(): Tab[] {
    return [];
  }
  asDocumentTab() {
    const d = this._doc;
    return {
      getBody: () => d.getBody(),
      getHeader: () => d.getHeader(),
      getFooter: () => d.getFooter(),
      addHeader: () => d.addHeader(),
      addFooter: () => d.addFooter(),
      toString: () => 'DocumentTab',
    };
  }
  toString(): string {
    return 'Tab';
  }
}

instrument(Document);
instrument(Tab);
