/**
 * The Google Docs element tree: Body, Paragraph, ListItem, Table/TableRow/TableCell, Text,
 * InlineImage, PageBreak, HorizontalRule, HeaderSection, FooterSection.
 * Reference: developers.google.com/apps-script/reference/document (one page per class).
 *
 * The model objects ARE the Apps Script objects: scripts call their public methods directly.
 * Every public method is counted ("Paragraph.setHeading") by `instrument`, outermost call only,
 * so internal reuse of public methods is not double-counted. Names starting with "_" are ours.
 */
import { Blob } from '../drive/blob';
import { Attribute, ElementType, ElementTypeName, Glyph, Heading, TEXT_ATTRIBUTES, TextAttrName, TextAttrs } from './enums';
import { matchesIn } from './re2';
import { answerMissing } from '../services/not-emulated';

/** What the elements report to: the open Document (call counting, change limit, closed state). */
export interface DocCore {
  _onCall(name: string, mutating: boolean): void;
}

/**
 * Google's limit on edits between saves. The count is not published; the error text is
 * (seen in hadaf/SheetsToDocsMerge#6 and zotero/zotero-google-docs-integration#20). We choose
 * 20,000 mutating calls between saveAndClose() calls [UNVERIFIED figure].
 */
export const MAX_CHANGES_BEFORE_SAVE = 20000;
export const TOO_MANY_CHANGES =
  'Exception: Too many changes applied before saving document. Please save changes in smaller batches using Document.saveAndClose(), then reopen the document with Document.openById().';

// ---------------------------------------------------------------------------------------------
// Call counting

let depth = 0;
const MUTATING = /^(set|append|insert|remove|replace|clear|delete|merge|add)/;

/** Wraps each public prototype method so it is counted once per outermost call. */
export function instrument(cls: { prototype: object }, ns = 'Document'): void {
  const proto = cls.prototype as Record<string, unknown>;
  // A method of the Apps Script class that the emulator lacks says "not yet emulated".
  answerMissing(proto, ns);
  for (const name of Object.getOwnPropertyNames(proto)) {
    // String conversion by the script is not a service call (as in expose.ts).
    if (name === 'constructor' || name === 'toString' || name.startsWith('_')) continue;
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    if (!desc || typeof desc.value !== 'function') continue;
    const orig = desc.value as (...a: unknown[]) => unknown;
    const mutating = MUTATING.test(name);
    proto[name] = function (this: { _cls: string; _core(): DocCore | null }, ...args: unknown[]) {
      if (depth === 0) this._core()?._onCall(`${this._cls}.${name}`, mutating);
      depth++;
      try {
        return orig.apply(this, args);
      } finally {
        depth--;
      }
    };
  }
}

function fail(msg: string): never {
  throw new Error(`Exception: ${msg}`);
}

// ---------------------------------------------------------------------------------------------
// Element

export abstract class Element {
  _parent: Container | null = null;
  /** Set on section roots (Body, header, footer) and on detached elements made by a document. */
  _owner: DocCore | null = null;
  abstract readonly _type: ElementTypeName;
  abstract readonly _cls: string;

  _core(): DocCore | null {
    let e: Element = this;
    while (e._parent) e = e._parent;
    return e._owner;
  }
  abstract _clone(): Element;

  getType(): string {
    return ElementType[this._type];
  }
  /** Apps Script objects print as their class name ("Paragraph", "InlineImage"); the body as "DocumentBodySection" (gas-fakes test/testdocs*.js, live). */
  toString(): string {
    return this._cls === 'Body' ? 'DocumentBodySection' : this._cls;
  }
  getParent(): Container | null {
    return this._parent;
  }
  getNextSibling(): Element | null {
    if (!this._parent) return null;
    const i = this._parent._children.indexOf(this);
    return this._parent._children[i + 1] ?? null;
  }
  getPreviousSibling(): Element | null {
    if (!this._parent) return null;
    const i = this._parent._children.indexOf(this);
    return i > 0 ? this._parent._children[i - 1] : null;
  }
  removeFromParent(): this {
    if (this._parent) this._parent._remove(this);
    return this;
  }
  /** A detached deep copy (developers.google.com/apps-script/reference/document/paragraph#copy()). */
  copy(): Element {
    const c = this._clone();
    c._owner = this._core();
    return c;
  }
  isAtDocumentEnd(): boolean {
    let e: Element = this;
    while (e._parent) {
      const sibs = e._parent._children;
      if (sibs[sibs.length - 1] !== e) return false;
      e = e._parent;
    }
    return e._type === 'BODY_SECTION';
  }
  getAttributes(): Record<string, unknown> {
    return {};
  }
  setAttributes(_attributes: Record<string, unknown>): this {
    return this;
  }
  // Casts: Apps Script's as*() return the same element typed differently.
  asBody(): Body { return this as unknown as Body; }
  asParagraph(): Paragraph { return this as unknown as Paragraph; }
  asListItem(): ListItem { return this as unknown as ListItem; }
  asTable(): Table { return this as unknown as Table; }
  asTableRow(): TableRow { return this as unknown as TableRow; }
  asTableCell(): TableCell { return this as unknown as TableCell; }
  asText(): Text { return this as unknown as Text; }
  asInlineImage(): InlineImage { return this as unknown as InlineImage; }
  asPageBreak(): PageBreak { return this as unknown as PageBreak; }
  asHorizontalRule(): HorizontalRule { return this as unknown as HorizontalRule; }
  asHeaderSection(): HeaderSection { return this as unknown as HeaderSection; }
  asFooterSection(): FooterSection { return this as unknown as FooterSection; }
}

// ---------------------------------------------------------------------------------------------
// Text: runs of characters sharing attributes

interface Run {
  len: number;
  a: TextAttrs;
}
interface Seg {
  leaf: Text | null;
  start: number;
  len: number;
}

function sameAttrs(a: TextAttrs, b: TextAttrs): boolean {
  for (const k of TEXT_ATTRIBUTES) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}

function pickTextAttrs(attrs: Record<string, unknown>): TextAttrs {
  const out: TextAttrs = {};
  for (const k of TEXT_ATTRIBUTES) if (k in attrs) out[k] = attrs[k] as string | number | boolean | null;
  return out;
}

/** The Text API, over one Text element or (editAsText on a container) over all text inside it. */
export abstract class RichText extends Element {
  abstract _segs(): Seg[];
  abstract _appendLeaf(): Text;

  _length(): number {
    return this._segs().reduce((n, s) => n + s.len, 0);
  }
  _checkRange(start: number, endInclusive: number): void {
    const len = this._length();
    if (!Number.isInteger(start) || start < 0) fail(`Invalid argument: startOffset (${start})`);
    if (!Number.isInteger(endInclusive) || endInclusive >= len) fail(`Index (${endInclusive}) must be less than the content length (${len}).`);
    if (endInclusive < start) fail(`Invalid argument: endOffsetInclusive (${endInclusive}) is before startOffset (${start})`);
  }
  _forRange(start: number, endInclusive: number, fn: (leaf: Text, s: number, e: number) => void): void {
    let pos = 0;
    for (const seg of this._segs()) {
      const segEnd = pos + seg.len - 1;
      if (seg.leaf && seg.len > 0 && segEnd >= start && pos <= endInclusive) {
        fn(seg.leaf, Math.max(start, pos) - pos, Math.min(endInclusive, segEnd) - pos);
      }
      pos += seg.len;
    }
  }
  _attrAt(offset: number): TextAttrs {
    let pos = 0;
    for (const seg of this._segs()) {
      if (seg.leaf && offset >= pos && offset < pos + seg.len) return seg.leaf._attrsAt(offset - pos);
      pos += seg.len;
    }
    return {};
  }
  /** One attribute at an offset, or, without an offset, its value if the same across all the text (else null). */
  _get(name: TextAttrName, offset?: number): unknown {
    if (offset !== undefined) {
      const len = this._length();
      if (offset < 0 || offset >= len) fail(`Index (${offset}) must be less than the content length (${len}).`);
      return this._attrAt(offset)[name] ?? null;
    }
    let value: unknown = undefined;
    for (const seg of this._segs()) {
      if (!seg.leaf) continue;
      for (const r of seg.leaf._runs) {
        if (r.len === 0) continue;
        const v = r.a[name] ?? null;
        if (value === undefined) value = v;
        else if (value !== v) return null;
      }
    }
    return value ?? null;
  }
  _set(name: TextAttrName, args: unknown[]): this {
    if (args.length >= 3) {
      const [start, end, value] = args as [number, number, unknown];
      this._checkRange(start, end);
      this._forRange(start, end, (leaf, s, e) => leaf._setAttrs(s, e, { [name]: value as never }));
    } else {
      const len = this._length();
      if (len > 0) this._forRange(0, len - 1, (leaf, s, e) => leaf._setAttrs(s, e, { [name]: args[0] as never }));
      this._setDefault(name, args[0]);
    }
    return this;
  }
  /** Empty paragraphs remember whole-element formatting for text added later. */
  _setDefault(_name: TextAttrName, _value: unknown): void {}

  getText(): string {
    return this._segs().map((s) => (s.leaf ? s.leaf._s.slice(s.start, s.start + s.len) : '\n')).join('');
  }
  appendText(text: string): this {
    this._appendLeaf()._insert(Number.MAX_SAFE_INTEGER, String(text));
    return this;
  }
  insertText(offset: number, text: string): this {
    const len = this._length();
    if (offset < 0 || offset > len) fail(`Index (${offset}) must be less than or equal to the content length (${len}).`);
    let pos = 0;
    for (const seg of this._segs()) {
      if (seg.leaf && offset >= pos && offset <= pos + seg.len) {
        seg.leaf._insert(offset - pos, String(text));
        return this;
      }
      pos += seg.len;
    }
    this._appendLeaf()._insert(0, String(text));
    return this;
  }
  deleteText(startOffset: number, endOffsetInclusive: number): this {
    this._checkRange(startOffset, endOffsetInclusive);
    const parts: Array<[Text, number, number]> = [];
    this._forRange(startOffset, endOffsetInclusive, (leaf, s, e) => parts.push([leaf, s, e]));
    for (const [leaf, s, e] of parts.reverse()) leaf._delete(s, e);
    return this;
  }
  isBold(offset?: number): boolean | null { return this._get('BOLD', offset) as boolean | null; }
  isItalic(offset?: number): boolean | null { return this._get('ITALIC', offset) as boolean | null; }
  isUnderline(offset?: number): boolean | null { return this._get('UNDERLINE', offset) as boolean | null; }
  isStrikethrough(offset?: number): boolean | null { return this._get('STRIKETHROUGH', offset) as boolean | null; }
  getFontSize(offset?: number): number | null { return this._get('FONT_SIZE', offset) as number | null; }
  getFontFamily(offset?: number): string | null { return this._get('FONT_FAMILY', offset) as string | null; }
  getForegroundColor(offset?: number): string | null { return this._get('FOREGROUND_COLOR', offset) as string | null; }
  getBackgroundColor(offset?: number): string | null { return this._get('BACKGROUND_COLOR', offset) as string | null; }
  getLinkUrl(offset?: number): string | null { return this._get('LINK_URL', offset) as string | null; }
  setBold(...a: unknown[]): this { return this._set('BOLD', a); }
  setItalic(...a: unknown[]): this { return this._set('ITALIC', a); }
  setUnderline(...a: unknown[]): this { return this._set('UNDERLINE', a); }
  setStrikethrough(...a: unknown[]): this { return this._set('STRIKETHROUGH', a); }
  setFontSize(...a: unknown[]): this { return this._set('FONT_SIZE', a); }
  setFontFamily(...a: unknown[]): this { return this._set('FONT_FAMILY', a); }
  setForegroundColor(...a: unknown[]): this { return this._set('FOREGROUND_COLOR', a); }
  setBackgroundColor(...a: unknown[]): this { return this._set('BACKGROUND_COLOR', a); }
  setLinkUrl(...a: unknown[]): this { return this._set('LINK_URL', a); }
  getAttributes(offset?: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const k of TEXT_ATTRIBUTES) out[k] = this._get(k, offset);
    return out;
  }
  setAttributes(...args: unknown[]): this {
    if (args.length >= 3) {
      const [start, end, attrs] = args as [number, number, Record<string, unknown>];
      this._checkRange(start, end);
      const picked = pickTextAttrs(attrs);
      this._forRange(start, end, (leaf, s, e) => leaf._setAttrs(s, e, picked));
    } else {
      const picked = pickTextAttrs(args[0] as Record<string, unknown>);
      for (const k of Object.keys(picked) as TextAttrName[]) this._set(k, [picked[k]]);
    }
    return this;
  }
  /** Offsets where a run of formatting starts (reference/document/text#getTextAttributeIndices()). */
  getTextAttributeIndices(): number[] {
    const out: number[] = [];
    let pos = 0;
    let prev: TextAttrs | null = null;
    for (const seg of this._segs()) {
      if (!seg.leaf) {
        pos += seg.len;
        continue;
      }
      for (const r of seg.leaf._runs) {
        if (r.len === 0) continue;
        if (prev === null || !sameAttrs(prev, r.a)) out.push(pos);
        prev = r.a;
        pos += r.len;
      }
    }
    return out.length ? out : [0];
  }
  getTextAlignment(): string | null {
    return null;
  }
  setTextAlignment(..._a: unknown[]): this {
    return this;
  }
}

export class Text extends RichText {
  readonly _type = 'TEXT' as const;
  readonly _cls = 'Text';
  _s = '';
  _runs: Run[] = [];

  constructor(text = '', attrs: TextAttrs = {}) {
    super();
    if (text) this._insert(0, text, attrs);
    else this._runs = [];
  }
  _segs(): Seg[] {
    return [{ leaf: this, start: 0, len: this._s.length }];
  }
  _appendLeaf(): Text {
    return this;
  }
  _clone(): Text {
    const t = new Text();
    t._s = this._s;
    t._runs = this._runs.map((r) => ({ len: r.len, a: { ...r.a } }));
    return t;
  }
  _attrsAt(offset: number): TextAttrs {
    let pos = 0;
    for (const r of this._runs) {
      if (offset < pos + r.len) return r.a;
      pos += r.len;
    }
    return this._runs.length ? this._runs[this._runs.length - 1].a : {};
  }
  /** Splits runs so that a run boundary falls at `offset`; returns the index of the run starting there. */
  _split(offset: number): number {
    let pos = 0;
    for (let i = 0; i < this._runs.length; i++) {
      const r = this._runs[i];
      if (pos === offset) return i;
      if (offset < pos + r.len) {
        const head = { len: offset - pos, a: r.a };
        const tail = { len: r.len - head.len, a: { ...r.a } };
        this._runs.splice(i, 1, head, tail);
        return i + 1;
      }
      pos += r.len;
    }
    return this._runs.length;
  }
  _normalize(): void {
    const out: Run[] = [];
    for (const r of this._runs) {
      if (r.len === 0) continue;
      const last = out[out.length - 1];
      if (last && sameAttrs(last.a, r.a)) last.len += r.len;
      else out.push(r);
    }
    this._runs = out;
  }
  _setAttrs(start: number, endInclusive: number, attrs: TextAttrs): void {
    const i = this._split(start);
    const j = this._split(endInclusive + 1);
    for (let k = i; k < j; k++) {
      const a = { ...this._runs[k].a };
      for (const key of Object.keys(attrs) as TextAttrName[]) {
        const v = attrs[key];
        if (v === null || v === undefined) delete a[key];
        else a[key] = v;
      }
      this._runs[k] = { len: this._runs[k].len, a };
    }
    this._normalize();
  }
  /** Inserts text; it takes the formatting of the character before it (or the first, at 0). */
  _insert(offset: number, text: string, attrs?: TextAttrs): void {
    if (!text) return;
    offset = Math.min(offset, this._s.length);
    this._s = this._s.slice(0, offset) + text + this._s.slice(offset);
    if (attrs) {
      const i = this._split(offset);
      this._runs.splice(i, 0, { len: text.length, a: { ...attrs } });
    } else if (this._runs.length === 0) {
      this._runs.push({ len: text.length, a: {} });
    } else {
      let pos = 0;
      let target = this._runs[0];
      for (const r of this._runs) {
        if (offset > pos && offset <= pos + r.len) {
          target = r;
          break;
        }
        pos += r.len;
      }
      target.len += text.length;
    }
    this._normalize();
  }
  _delete(start: number, endInclusive: number): void {
    const i = this._split(start);
    const j = this._split(endInclusive + 1);
    this._runs.splice(i, j - i);
    this._s = this._s.slice(0, start) + this._s.slice(endInclusive + 1);
    this._normalize();
  }
  setText(text: string): this {
    const a = this._runs[0]?.a ?? {};
    this._s = '';
    this._runs = [];
    this._insert(0, String(text), a);
    return this;
  }
  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    const after = from && from.getElement() === this ? from.getEndOffsetInclusive() : -1;
    for (const [s, e] of matchesIn(this._s, searchPattern)) {
      if (s > after) return new RangeElement(this, s, e - 1);
    }
    return null;
  }
  replaceText(searchPattern: string, replacement: string): this {
    replaceInLeaf(this, searchPattern, replacement);
    return this;
  }
  editAsText(): this {
    return this;
  }
  merge(): this {
    return this;
  }
}

/**
 * replaceText: the replacement is inserted as given. Google documents no group syntax for it
 * (reference/document/body#replaceText: "replacement: the text to use as replacement"), and
 * community answers report that "$1" is not expanded [UNVERIFIED]; we keep it literal.
 * The new text takes the formatting of the first character it replaces.
 */
function replaceInLeaf(leaf: Text, pattern: string, replacement: string): void {
  const matches = matchesIn(leaf._s, pattern);
  const rep = String(replacement);
  for (let k = matches.length - 1; k >= 0; k--) {
    const [s, e] = matches[k];
    const attrs = { ...leaf._attrsAt(s) };
    leaf._delete(s, e - 1);
    leaf._insert(s, rep, attrs);
  }
}

/** editAsText() on a container: one Text API over every Text inside it, blocks separated by "\n". */
export class TextView extends RichText {
  readonly _type = 'TEXT' as const;
  readonly _cls = 'Text';
  constructor(readonly _of: Container) {
    super();
  }
  override _core(): DocCore | null {
    return this._of._core();
  }
  _segs(): Seg[] {
    const out: Seg[] = [];
    collectSegs(this._of, out);
    return out;
  }
  _appendLeaf(): Text {
    const c = this._of;
    if (c instanceof Paragraph) return c._lastTextOrNew();
    if (c instanceof BlockContainer) {
      const paras = c._children.filter((x): x is Paragraph => x instanceof Paragraph);
      const p = paras[paras.length - 1] ?? c._insertAt(c._children.length, new Paragraph());
      return (p as Paragraph)._lastTextOrNew();
    }
    fail('This element has no text to append to.');
  }
  _clone(): Element {
    return this._of._clone();
  }
  override _setDefault(name: TextAttrName, value: unknown): void {
    if (this._of instanceof Paragraph) this._of._textDefaults[name] = value as never;
  }
  setText(text: string): this {
    (this._of as unknown as { setText(t: string): unknown }).setText(text);
    return this;
  }
  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    return this._of.findText(searchPattern, from);
  }
  replaceText(searchPattern: string, replacement: string): this {
    this._of.replaceText(searchPattern, replacement);
    return this;
  }
  override getParent(): Container | null {
    return this._of._parent;
  }
}

function collectSegs(c: Element, out: Seg[]): void {
  if (c instanceof Text) {
    out.push({ leaf: c, start: 0, len: c._s.length });
    return;
  }
  if (!(c instanceof Container)) return;
  const inline = c instanceof Paragraph;
  c._children.forEach((child, i) => {
    if (!inline && i > 0) out.push({ leaf: null, start: 0, len: 1 });
    collectSegs(child, out);
  });
}

// ---------------------------------------------------------------------------------------------
// RangeElement (findText / findElement results)

export class RangeElement {
  readonly _cls = 'RangeElement';
  constructor(
    private readonly el: Element,
    private readonly start: number,
    private readonly endInclusive: number,
  ) {}
  _core(): DocCore | null {
    return this.el._core();
  }
  getElement(): Element {
    return this.el;
  }
  getStartOffset(): number {
    return this.start;
  }
  getEndOffsetInclusive(): number {
    return this.endInclusive;
  }
  /** True when the range covers part of a Text element (reference/document/range-element#isPartial()). */
  isPartial(): boolean {
    if (!(this.el instanceof Text) || this.start < 0) return false;
    return this.start > 0 || this.endInclusive < this.el._s.length - 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Leaves inside paragraphs

export class PageBreak extends Element {
  readonly _type = 'PAGE_BREAK' as const;
  readonly _cls = 'PageBreak';
  _clone(): PageBreak {
    return new PageBreak();
  }
}

export class HorizontalRule extends Element {
  readonly _type = 'HORIZONTAL_RULE' as const;
  readonly _cls = 'HorizontalRule';
  _clone(): HorizontalRule {
    return new HorizontalRule();
  }
}

/**
 * A region a script cannot change, such as a page number (developers.google.com/apps-script/
 * reference/document/unsupported-element). `_field` keeps which number it shows (PAGE or
 * NUMPAGES), so the Doc's .docx and PDF show the real numbers on every page; as in Docs, it adds
 * nothing to getText().
 */
export class UnsupportedElement extends Element {
  readonly _type = 'UNSUPPORTED' as const;
  readonly _cls = 'UnsupportedElement';
  constructor(
    public _field = '',
    public _a: TextAttrs = {},
  ) {
    super();
  }
  _clone(): UnsupportedElement {
    return new UnsupportedElement(this._field, { ...this._a });
  }
}

export class InlineImage extends Element {
  readonly _type = 'INLINE_IMAGE' as const;
  readonly _cls = 'InlineImage';
  _width: number;
  _height: number;
  _altTitle: string | null = null;
  _altDescription: string | null = null;
  _link: string | null = null;

  constructor(
    public _bytes: Uint8Array,
    public _mime: string,
    size?: { width: number; height: number },
  ) {
    super();
    const s = size ?? imageSize(_bytes) ?? { width: 100, height: 100 };
    this._width = s.width;
    this._height = s.height;
  }
  _clone(): InlineImage {
    const i = new InlineImage(this._bytes, this._mime, { width: this._width, height: this._height });
    i._altTitle = this._altTitle;
    i._altDescription = this._altDescription;
    i._link = this._link;
    return i;
  }
  getBlob(): Blob {
    return new Blob(new Uint8Array(this._bytes), this._mime, 'image');
  }
  getAs(contentType: string): Blob {
    return this.getBlob().getAs(contentType);
  }
  getWidth(): number { return this._width; }
  getHeight(): number { return this._height; }
  setWidth(width: number): this { this._width = width; return this; }
  setHeight(height: number): this { this._height = height; return this; }
  getAltTitle(): string | null { return this._altTitle; }
  setAltTitle(t: string): this { this._altTitle = t; return this; }
  getAltDescription(): string | null { return this._altDescription; }
  setAltDescription(d: string): this { this._altDescription = d; return this; }
  getLinkUrl(): string | null { return this._link; }
  setLinkUrl(url: string | null): this { this._link = url; return this; }
}

/** Pixel size from PNG, GIF or JPEG headers. */
export function imageSize(b: Uint8Array): { width: number; height: number } | null {
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50) {
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    return { width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  if (b.length > 10 && b[0] === 0x47 && b[1] === 0x49) return { width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1];
      const len = (b[i + 2] << 8) | b[i + 3];
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] };
      }
      i += 2 + len;
    }
  }
  return null;
}

function blobToImage(x: unknown): InlineImage {
  if (x instanceof InlineImage) return x;
  const blob = x && typeof (x as { getBlob?: unknown }).getBlob === 'function' ? (x as { getBlob(): Blob }).getBlob() : x;
  if (!blob || typeof (blob as Blob).getBytes !== 'function') fail('Invalid argument: image');
  const bytes = blob instanceof Blob ? blob.rawBytes() : Uint8Array.from((blob as Blob).getBytes(), (v) => v & 0xff);
  const size = imageSize(bytes);
  if (!size) fail('Invalid image data.');
  return new InlineImage(bytes, (blob as Blob).getContentType() ?? 'image/png', size);
}

// ---------------------------------------------------------------------------------------------
// Containers

export abstract class Container extends Element {
  _children: Element[] = [];

  _insertAt<T extends Element>(index: number, el: T): T {
    if (el._parent) fail('Element must be detached.');
    if (!Number.isInteger(index) || index < 0 || index > this._children.length) fail(`Child index (${index}) must be less than or equal to the number of child elements (${this._children.length}).`);
    el._owner = null;
    el._parent = this;
    this._children.splice(index, 0, el);
    return el;
  }
  _remove(el: Element): void {
    const i = this._children.indexOf(el);
    if (i < 0) fail('Element does not contain the specified child element.');
    this._children.splice(i, 1);
    el._parent = null;
    el._owner = this._core();
  }
  _cloneChildrenInto<T extends Container>(c: T): T {
    // The plain insert: a copy has the paragraphs the original has, and no automatic one after a table.
    for (const ch of this._children) Container.prototype._insertAt.call(c, c._children.length, ch._clone());
    return c;
  }
  /** Every descendant in document order. */
  _descendants(out: Element[] = []): Element[] {
    for (const ch of this._children) {
      out.push(ch);
      if (ch instanceof Container) ch._descendants(out);
    }
    return out;
  }
  _textLeaves(): Text[] {
    return this._descendants().filter((e): e is Text => e instanceof Text);
  }

  getChild(childIndex: number): Element {
    const n = this._children.length;
    if (!Number.isInteger(childIndex) || childIndex < 0 || childIndex >= n) fail(`Child index (${childIndex}) must be less than the number of child elements (${n}).`);
    return this._children[childIndex];
  }
  getNumChildren(): number {
    return this._children.length;
  }
  getChildIndex(child: Element): number {
    const i = this._children.indexOf(child);
    if (i < 0) fail('Element does not contain the specified child element.');
    return i;
  }
  removeChild(child: Element): this {
    child.removeFromParent();
    return this;
  }
  getText(): string {
    return new TextView(this).getText();
  }
  editAsText(): RichText {
    return new TextView(this);
  }
  /** First match after `from`, searched within each Text element (reference/document/body#findText(String,RangeElement)). */
  findText(searchPattern: string, from?: RangeElement): RangeElement | null {
    const leaves = this._textLeaves();
    let i = 0;
    let after = -1;
    if (from) {
      const at = leaves.indexOf(from.getElement() as Text);
      if (at >= 0) {
        i = at;
        after = from.getEndOffsetInclusive();
      }
    }
    for (; i < leaves.length; i++, after = -1) {
      for (const [s, e] of matchesIn(leaves[i]._s, searchPattern)) {
        if (s > after) return new RangeElement(leaves[i], s, e - 1);
      }
    }
    return null;
  }
  findElement(elementType: string, from?: RangeElement): RangeElement | null {
    const all = this._descendants();
    let i = from ? all.indexOf(from.getElement()) + 1 : 0;
    for (; i < all.length; i++) if (all[i]._type === elementType) return new RangeElement(all[i], -1, -1);
    return null;
  }
  replaceText(searchPattern: string, replacement: string): this {
    for (const leaf of this._textLeaves()) replaceInLeaf(leaf, searchPattern, replacement);
    return this;
  }
  getLinkUrl(): string | null {
    return new TextView(this).getLinkUrl();
  }
  setLinkUrl(url: string | null): this {
    new TextView(this).setLinkUrl(url);
    return this;
  }
  getTextAlignment(): string | null {
    return null;
  }
  setTextAlignment(_a: unknown): this {
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// Paragraph and ListItem

export interface ParagraphAttrs {
  HEADING: Heading;
  HORIZONTAL_ALIGNMENT: string | null;
  SPACING_BEFORE: number | null;
  SPACING_AFTER: number | null;
  INDENT_START: number | null;
  INDENT_END: number | null;
  INDENT_FIRST_LINE: number | null;
  LINE_SPACING: number | null;
  LEFT_TO_RIGHT: boolean | null;
}
const PARAGRAPH_KEYS = ['HEADING', 'HORIZONTAL_ALIGNMENT', 'SPACING_BEFORE', 'SPACING_AFTER', 'INDENT_START', 'INDENT_END', 'INDENT_FIRST_LINE', 'LINE_SPACING', 'LEFT_TO_RIGHT'] as const;

export class Paragraph extends Container {
  readonly _type: ElementTypeName = 'PARAGRAPH';
  readonly _cls: string = 'Paragraph';
  _p: ParagraphAttrs = {
    HEADING: 'NORMAL', HORIZONTAL_ALIGNMENT: null, SPACING_BEFORE: null, SPACING_AFTER: null,
    INDENT_START: null, INDENT_END: null, INDENT_FIRST_LINE: null, LINE_SPACING: null, LEFT_TO_RIGHT: null,
  };
  /** Formatting set on the paragraph as a whole, given to text added later. */
  _textDefaults: TextAttrs = {};

  constructor(text = '') {
    super();
    if (text !== '') this._insertAt(0, new Text(String(text)));
  }
  _newInstance(): Paragraph {
    return new Paragraph();
  }
  _clone(): Paragraph {
    const p = this._cloneChildrenInto(this._newInstance());
    p._p = { ...this._p };
    p._textDefaults = { ...this._textDefaults };
    return p;
  }
  _lastTextOrNew(): Text {
    const last = this._children[this._children.length - 1];
    if (last instanceof Text) return last;
    return this._insertAt(this._children.length, new Text('', { ...this._textDefaults }));
  }

  appendText(text: string): Text {
    return this._insertAt(this._children.length, new Text(String(text), { ...this._textDefaults }));
  }
  insertText(childIndex: number, text: string): Text {
    return this._insertAt(childIndex, new Text(String(text), { ...this._textDefaults }));
  }
  setText(text: string): this {
    const keep = this._children.find((c): c is Text => c instanceof Text)?._runs[0]?.a ?? this._textDefaults;
    for (const c of [...this._children]) this._remove(c);
    if (String(text) !== '') this._insertAt(0, new Text(String(text), { ...keep }));
    return this;
  }
  clear(): this {
    for (const c of [...this._children]) this._remove(c);
    return this;
  }
  getHeading(): string {
    return this._p.HEADING;
  }
  setHeading(heading: string): this {
    if (!(heading in ({ NORMAL: 1, HEADING1: 1, HEADING2: 1, HEADING3: 1, HEADING4: 1, HEADING5: 1, HEADING6: 1, TITLE: 1, SUBTITLE: 1 }))) fail(`Invalid argument: heading (${heading})`);
    this._p.HEADING = String(heading) as Heading;
    return this;
  }
  getAlignment(): string | null {
    return this._p.HORIZONTAL_ALIGNMENT;
  }
  setAlignment(alignment: string): this {
    this._p.HORIZONTAL_ALIGNMENT = String(alignment);
    return this;
  }
  getSpacingBefore(): number | null { return this._p.SPACING_BEFORE; }
  setSpacingBefore(v: number): this { this._p.SPACING_BEFORE = v; return this; }
  getSpacingAfter(): number | null { return this._p.SPACING_AFTER; }
  setSpacingAfter(v: number): this { this._p.SPACING_AFTER = v; return this; }
  getIndentStart(): number | null { return this._p.INDENT_START; }
  setIndentStart(v: number): this { this._p.INDENT_START = v; return this; }
  getIndentEnd(): number | null { return this._p.INDENT_END; }
  setIndentEnd(v: number): this { this._p.INDENT_END = v; return this; }
  getIndentFirstLine(): number | null { return this._p.INDENT_FIRST_LINE; }
  setIndentFirstLine(v: number): this { this._p.INDENT_FIRST_LINE = v; return this; }
  getLineSpacing(): number | null { return this._p.LINE_SPACING; }
  setLineSpacing(v: number): this { this._p.LINE_SPACING = v; return this; }
  isLeftToRight(): boolean | null { return this._p.LEFT_TO_RIGHT; }
  setLeftToRight(v: boolean): this { this._p.LEFT_TO_RIGHT = v; return this; }

  override getAttributes(): Record<string, unknown> {
    const out: Record<string, unknown> = { ...new TextView(this).getAttributes() };
    for (const k of PARAGRAPH_KEYS) out[k] = this._p[k];
    return out;
  }
  override setAttributes(attributes: Record<string, unknown>): this {
    for (const k of PARAGRAPH_KEYS) if (k in attributes) (this._p as unknown as Record<string, unknown>)[k] = attributes[k];
    const t = pickTextAttrs(attributes);
    if (Object.keys(t).length) {
      new TextView(this).setAttributes(t);
      Object.assign(this._textDefaults, t);
    }
    return this;
  }
  appendInlineImage(image: unknown): InlineImage {
    return this._insertAt(this._children.length, blobToImage(image));
  }
  insertInlineImage(childIndex: number, image: unknown): InlineImage {
    return this._insertAt(childIndex, blobToImage(image));
  }
  appendPageBreak(pageBreak?: PageBreak): PageBreak {
    return this._insertAt(this._children.length, pageBreak ?? new PageBreak());
  }
  insertPageBreak(childIndex: number, pageBreak?: PageBreak): PageBreak {
    return this._insertAt(childIndex, pageBreak ?? new PageBreak());
  }
  appendHorizontalRule(): HorizontalRule {
    return this._insertAt(this._children.length, new HorizontalRule());
  }
  insertHorizontalRule(childIndex: number): HorizontalRule {
    return this._insertAt(childIndex, new HorizontalRule());
  }
  getPositionedImages(): never[] {
    return [];
  }
  merge(): this {
    const prev = this.getPreviousSibling();
    if (prev instanceof Paragraph) {
      for (const c of [...this._children]) {
        this._remove(c);
        prev._insertAt(prev._children.length, c);
      }
      this.removeFromParent();
    }
    return this;
  }
}

let listCounter = 0;
function newListId(): string {
  listCounter++;
  return `kix.list${listCounter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export class ListItem extends Paragraph {
  override readonly _type: ElementTypeName = 'LIST_ITEM';
  override readonly _cls: string = 'ListItem';
  _listId: string = newListId();
  _nesting = 0;
  _glyph: Glyph | null = null;

  override _newInstance(): ListItem {
    const li = new ListItem();
    li._listId = this._listId;
    li._nesting = this._nesting;
    li._glyph = this._glyph;
    return li;
  }
  getListId(): string {
    return this._listId;
  }
  setListId(listItem: ListItem): this {
    this._listId = listItem._listId;
    return this;
  }
  getNestingLevel(): number {
    return this._nesting;
  }
  setNestingLevel(nestingLevel: number): this {
    if (!Number.isInteger(nestingLevel) || nestingLevel < 0 || nestingLevel > 8) fail(`Invalid argument: nestingLevel (${nestingLevel}); it must be 0 to 8.`);
    this._nesting = nestingLevel;
    return this;
  }
  /**
   * appendListItem makes a numbered list in live Apps Script (getGlyphType() is NUMBER: checked
   * against live Apps Script in gas-fakes, test/testdocslistitems.js). Deeper levels follow Docs'
   * "1. a. i." preset [UNVERIFIED for levels below the first].
   */
  getGlyphType(): string {
    return this._glyph ?? (['NUMBER', 'LATIN_LOWER', 'ROMAN_LOWER'] as const)[this._nesting % 3];
  }
  setGlyphType(glyphType: string): this {
    this._glyph = String(glyphType) as Glyph;
    return this;
  }
  override getAttributes(): Record<string, unknown> {
    return { ...super.getAttributes(), [Attribute.GLYPH_TYPE]: this.getGlyphType(), [Attribute.NESTING_LEVEL]: this._nesting, [Attribute.LIST_ID]: this._listId };
  }
}

// ---------------------------------------------------------------------------------------------
// Block containers: Body, header, footer, table cell

/** Google's error for an argument of the wrong type (checked against live Apps Script in gas-fakes). */
function signatureError(x: unknown, owner: string, method: string): never {
  const what = x instanceof Element ? `DocumentApp.${x._cls}` : typeof x;
  fail(`The parameters (${what}) don't match the method signature for DocumentApp.${owner}.${method}.`);
}

function toParagraph(x: unknown, asList: boolean, owner: string, method: string): Paragraph {
  if (x instanceof Element) {
    if (asList ? !(x instanceof ListItem) : !(x instanceof Paragraph) || x instanceof ListItem) signatureError(x, owner, method);
    return x as Paragraph;
  }
  const text = x === undefined || x === null ? '' : String(x);
  if (!asList) return new Paragraph(text);
  const li = new ListItem();
  if (text !== '') li._insertAt(0, new Text(text));
  return li;
}

export abstract class BlockContainer extends Container {
  /** A list item placed right after another joins its list (as typing does in Docs). */
  _placeListItem(index: number, li: ListItem, fresh: boolean): ListItem {
    if (fresh) {
      const prev = this._children[index - 1];
      if (prev instanceof ListItem) {
        li._listId = prev._listId;
        li._glyph = prev._glyph;
      }
    }
    return this._insertAt(index, li);
  }
  _tableFrom(x: unknown, method = 'appendTable'): Table {
    if (x instanceof Table) return x;
    if (x instanceof Element) signatureError(x, this._cls, method);
    const t = new Table();
    if (Array.isArray(x)) {
      const width = Math.max(0, ...x.map((r) => (Array.isArray(r) ? r.length : 0)));
      x.forEach((row, r) => {
        if (!Array.isArray(row)) fail(`Invalid argument: cells (row ${r + 1} is not an array)`);
        const tr = t._insertAt(t._children.length, new TableRow());
        for (let c = 0; c < width; c++) tr._insertAt(c, new TableCell(String(row[c] ?? '')));
      });
    }
    return t;
  }

  appendParagraph(paragraph: unknown): Paragraph {
    return this._insertAt(this._children.length, toParagraph(paragraph, false, this._cls, 'appendParagraph'));
  }
  insertParagraph(childIndex: number, paragraph: unknown): Paragraph {
    return this._insertAt(childIndex, toParagraph(paragraph, false, this._cls, 'insertParagraph'));
  }
  appendListItem(listItem: unknown): ListItem {
    return this._placeListItem(this._children.length, toParagraph(listItem, true, this._cls, 'appendListItem') as ListItem, !(listItem instanceof ListItem));
  }
  insertListItem(childIndex: number, listItem: unknown): ListItem {
    return this._placeListItem(childIndex, toParagraph(listItem, true, this._cls, 'insertListItem') as ListItem, !(listItem instanceof ListItem));
  }
  appendTable(cells?: unknown): Table {
    return this._insertAt(this._children.length, this._tableFrom(cells));
  }
  insertTable(childIndex: number, cells?: unknown): Table {
    return this._insertAt(childIndex, this._tableFrom(cells, 'insertTable'));
  }
  appendHorizontalRule(): HorizontalRule {
    return this.appendParagraph('').appendHorizontalRule();
  }
  insertHorizontalRule(childIndex: number): HorizontalRule {
    return this.insertParagraph(childIndex, '').appendHorizontalRule();
  }
  appendImage(image: unknown): InlineImage {
    return this.appendParagraph('').appendInlineImage(image);
  }
  insertImage(childIndex: number, image: unknown): InlineImage {
    return this.insertParagraph(childIndex, '').appendInlineImage(image);
  }
  /** All paragraphs, list items included, anywhere inside (reference/document/body#getParagraphs()). */
  getParagraphs(): Paragraph[] {
    return this._descendants().filter((e): e is Paragraph => e instanceof Paragraph);
  }
  getListItems(): ListItem[] {
    return this._descendants().filter((e): e is ListItem => e instanceof ListItem);
  }
  getTables(): Table[] {
    return this._descendants().filter((e): e is Table => e instanceof Table);
  }
  getImages(): InlineImage[] {
    return this._descendants().filter((e): e is InlineImage => e instanceof InlineImage);
  }
  /** Replaces the contents with plain text, one paragraph per line. */
  setText(text: string): this {
    for (const c of [...this._children]) this._remove(c);
    for (const line of String(text).split('\n')) this._insertAt(this._children.length, new Paragraph(line));
    return this;
  }
  clear(): this {
    for (const c of [...this._children]) this._remove(c);
    this._ensureParagraph();
    return this;
  }
  _ensureParagraph(): void {}
}

/** A section (body, header, footer) always keeps at least one paragraph. */
export abstract class Section extends BlockContainer {
  /** A table placed at the end of a section gets an empty paragraph after it, as in Docs. */
  override _insertAt<T extends Element>(index: number, el: T): T {
    const out = super._insertAt(index, el);
    if (el instanceof Table && this._children[this._children.length - 1] === el) super._insertAt(this._children.length, new Paragraph());
    return out;
  }
  override _remove(el: Element): void {
    // Docs keeps a paragraph at the end of every section (reference/document/body: removeChild
    // of the final paragraph fails with this text).
    if (el instanceof Paragraph && this._children[this._children.length - 1] === el) {
      fail("Can't remove the last paragraph in a document section.");
    }
    super._remove(el);
  }
  override clear(): this {
    this._children.forEach((c) => (c._parent = null));
    this._children = [];
    this._insertAt(0, new Paragraph());
    return this;
  }
  override setText(text: string): this {
    this._children.forEach((c) => (c._parent = null));
    this._children = [];
    for (const line of String(text).split('\n')) this._insertAt(this._children.length, new Paragraph(line));
    return this;
  }
}

export interface Margins {
  MARGIN_TOP: number;
  MARGIN_BOTTOM: number;
  MARGIN_LEFT: number;
  MARGIN_RIGHT: number;
  PAGE_WIDTH: number;
  PAGE_HEIGHT: number;
}

export class Body extends Section {
  readonly _type = 'BODY_SECTION' as const;
  readonly _cls = 'Body';
  /** Points; Google's defaults for a new document (US Letter, 1 inch margins). */
  _m: Margins = { MARGIN_TOP: 72, MARGIN_BOTTOM: 72, MARGIN_LEFT: 72, MARGIN_RIGHT: 72, PAGE_WIDTH: 612, PAGE_HEIGHT: 792 };
  _clone(): Body {
    const b = this._cloneChildrenInto(new Body());
    b._m = { ...this._m };
    return b;
  }
  appendPageBreak(pageBreak?: PageBreak): PageBreak {
    return this.appendParagraph('').appendPageBreak(pageBreak);
  }
  insertPageBreak(childIndex: number, pageBreak?: PageBreak): PageBreak {
    return this.insertParagraph(childIndex, '').appendPageBreak(pageBreak);
  }
  getMarginTop(): number { return this._m.MARGIN_TOP; }
  getMarginBottom(): number { return this._m.MARGIN_BOTTOM; }
  getMarginLeft(): number { return this._m.MARGIN_LEFT; }
  getMarginRight(): number { return this._m.MARGIN_RIGHT; }
  getPageWidth(): number { return this._m.PAGE_WIDTH; }
  getPageHeight(): number { return this._m.PAGE_HEIGHT; }
  setMarginTop(v: number): this { this._m.MARGIN_TOP = v; return this; }
  setMarginBottom(v: number): this { this._m.MARGIN_BOTTOM = v; return this; }
  setMarginLeft(v: number): this { this._m.MARGIN_LEFT = v; return this; }
  setMarginRight(v: number): this { this._m.MARGIN_RIGHT = v; return this; }
  setPageWidth(v: number): this { this._m.PAGE_WIDTH = v; return this; }
  setPageHeight(v: number): this { this._m.PAGE_HEIGHT = v; return this; }
  override getAttributes(): Record<string, unknown> {
    return { ...this._m };
  }
  override setAttributes(attributes: Record<string, unknown>): this {
    for (const k of Object.keys(this._m) as Array<keyof Margins>) if (typeof attributes[k] === 'number') this._m[k] = attributes[k] as number;
    const t = pickTextAttrs(attributes);
    if (Object.keys(t).length) new TextView(this).setAttributes(t);
    return this;
  }
}

export class HeaderSection extends Section {
  readonly _type = 'HEADER_SECTION' as const;
  readonly _cls = 'HeaderSection';
  _clone(): HeaderSection {
    return this._cloneChildrenInto(new HeaderSection());
  }
}

export class FooterSection extends Section {
  readonly _type = 'FOOTER_SECTION' as const;
  readonly _cls = 'FooterSection';
  _clone(): FooterSection {
    return this._cloneChildrenInto(new FooterSection());
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

export class Table extends Container {
  readonly _type = 'TABLE' as const;
  readonly _cls = 'Table';
  _borderWidth: number | null = null;
  _borderColor: string | null = null;
  _colWidths: Record<number, number> = {};

  _clone(): Table {
    const t = this._cloneChildrenInto(new Table());
    t._borderWidth = this._borderWidth;
    t._borderColor = this._borderColor;
    t._colWidths = { ...this._colWidths };
    return t;
  }
  _rowAt(i: number): TableRow {
    const n = this._children.length;
    if (!Number.isInteger(i) || i < 0 || i >= n) fail(`Child index (${i}) must be less than the number of child elements (${n}).`);
    return this._children[i] as TableRow;
  }
  getNumRows(): number {
    return this._children.length;
  }
  getRow(rowIndex: number): TableRow {
    return this._rowAt(rowIndex);
  }
  getCell(rowIndex: number, cellIndex: number): TableCell {
    return this._rowAt(rowIndex).getCell(cellIndex);
  }
  appendTableRow(tableRow?: TableRow): TableRow {
    return this._insertAt(this._children.length, tableRow ?? new TableRow());
  }
  insertTableRow(childIndex: number, tableRow?: TableRow): TableRow {
    return this._insertAt(childIndex, tableRow ?? new TableRow());
  }
  removeRow(rowIndex: number): TableRow {
    const row = this._rowAt(rowIndex);
    this._remove(row);
    return row;
  }
  getBorderWidth(): number | null { return this._borderWidth; }
  setBorderWidth(width: number): this { this._borderWidth = width; return this; }
  getBorderColor(): string | null { return this._borderColor; }
  setBorderColor(color: string): this { this._borderColor = color; return this; }
  getColumnWidth(columnIndex: number): number | null { return this._colWidths[columnIndex] ?? null; }
  setColumnWidth(columnIndex: number, width: number): this { this._colWidths[columnIndex] = width; return this; }
  clear(): this {
    for (const c of [...this._children]) this._remove(c);
    return this;
  }
  override getAttributes(): Record<string, unknown> {
    return { ...new TextView(this).getAttributes(), BORDER_WIDTH: this._borderWidth, BORDER_COLOR: this._borderColor };
  }
  override setAttributes(attributes: Record<string, unknown>): this {
    if ('BORDER_WIDTH' in attributes) this._borderWidth = attributes.BORDER_WIDTH as number;
    if ('BORDER_COLOR' in attributes) this._borderColor = attributes.BORDER_COLOR as string;
    const t = pickTextAttrs(attributes);
    if (Object.keys(t).length) new TextView(this).setAttributes(t);
    return this;
  }
}

export class TableRow extends Container {
  readonly _type = 'TABLE_ROW' as const;
  readonly _cls = 'TableRow';
  _minHeight: number | null = null;
  _clone(): TableRow {
    const r = this._cloneChildrenInto(new TableRow());
    r._minHeight = this._minHeight;
    return r;
  }
  getNumCells(): number {
    return this._children.length;
  }
  getCell(cellIndex: number): TableCell {
    const n = this._children.length;
    if (!Number.isInteger(cellIndex) || cellIndex < 0 || cellIndex >= n) fail(`Child index (${cellIndex}) must be less than the number of child elements (${n}).`);
    return this._children[cellIndex] as TableCell;
  }
  appendTableCell(cell?: unknown): TableCell {
    return this._insertAt(this._children.length, cell instanceof TableCell ? cell : new TableCell(String(cell ?? '')));
  }
  insertTableCell(childIndex: number, cell?: unknown): TableCell {
    return this._insertAt(childIndex, cell instanceof TableCell ? cell : new TableCell(String(cell ?? '')));
  }
  removeCell(cellIndex: number): TableCell {
    const c = this.getCell(cellIndex);
    this._remove(c);
    return c;
  }
  getParentTable(): Table | null {
    return this._parent as Table | null;
  }
  getMinimumHeight(): number | null { return this._minHeight; }
  setMinimumHeight(h: number): this { this._minHeight = h; return this; }
  clear(): this {
    for (const c of this._children) (c as TableCell).clear();
    return this;
  }
  override setAttributes(attributes: Record<string, unknown>): this {
    if ('MINIMUM_HEIGHT' in attributes) this._minHeight = attributes.MINIMUM_HEIGHT as number;
    const t = pickTextAttrs(attributes);
    if (Object.keys(t).length) new TextView(this).setAttributes(t);
    return this;
  }
}

export class TableCell extends BlockContainer {
  readonly _type = 'TABLE_CELL' as const;
  readonly _cls = 'TableCell';
  _bg: string | null = null;
  _width: number | null = null;
  _valign: string | null = null;
  /** Columns this cell spans (merged cells in a .docx template); read-only in Apps Script. */
  _colSpan = 1;
  /** Vertically merged cells in a .docx template: the first cell "restart", the ones below "continue". */
  _vMerge: 'restart' | 'continue' | null = null;
  _padding: { top: number | null; bottom: number | null; left: number | null; right: number | null } = { top: null, bottom: null, left: null, right: null };

  /** A new cell holds one paragraph with its text. */
  constructor(text?: string) {
    super();
    if (text !== undefined) this._insertAt(0, new Paragraph(text));
  }
  _clone(): TableCell {
    const c = this._cloneChildrenInto(new TableCell());
    c._bg = this._bg;
    c._width = this._width;
    c._valign = this._valign;
    c._colSpan = this._colSpan;
    c._vMerge = this._vMerge;
    c._padding = { ...this._padding };
    return c;
  }
  override clear(): this {
    for (const c of [...this._children]) this._remove(c);
    this._insertAt(0, new Paragraph());
    return this;
  }
  override setText(text: string): this {
    for (const c of [...this._children]) this._remove(c);
    this._insertAt(0, new Paragraph(String(text)));
    return this;
  }
  getParentRow(): TableRow | null {
    return this._parent as TableRow | null;
  }
  getParentTable(): Table | null {
    return (this._parent?._parent as Table) ?? null;
  }
  getBackgroundColor(): string | null { return this._bg; }
  setBackgroundColor(color: string | null): this { this._bg = color; return this; }
  getWidth(): number | null { return this._width; }
  setWidth(width: number): this { this._width = width; return this; }
  getVerticalAlignment(): string | null { return this._valign; }
  setVerticalAlignment(a: string): this { this._valign = String(a); return this; }
  getPaddingTop(): number | null { return this._padding.top; }
  getPaddingBottom(): number | null { return this._padding.bottom; }
  getPaddingLeft(): number | null { return this._padding.left; }
  getPaddingRight(): number | null { return this._padding.right; }
  setPaddingTop(v: number): this { this._padding.top = v; return this; }
  setPaddingBottom(v: number): this { this._padding.bottom = v; return this; }
  setPaddingLeft(v: number): this { this._padding.left = v; return this; }
  setPaddingRight(v: number): this { this._padding.right = v; return this; }
  getColSpan(): number { return this._colSpan; }
  /** Rows this cell covers: itself plus the "continue" cells below it in the same column. */
  getRowSpan(): number {
    if (this._vMerge !== 'restart') return 1;
    const row = this._parent as TableRow | null;
    const table = row?._parent as Table | null;
    if (!row || !table) return 1;
    const col = row._children.indexOf(this);
    let n = 1;
    for (let r = table._children.indexOf(row) + 1; r < table._children.length; r++) {
      const below = (table._children[r] as TableRow)._children[col] as TableCell | undefined;
      if (below?._vMerge !== 'continue') break;
      n++;
    }
    return n;
  }
  override getAttributes(): Record<string, unknown> {
    return { ...new TextView(this).getAttributes(), BACKGROUND_COLOR: this._bg, WIDTH: this._width, VERTICAL_ALIGNMENT: this._valign };
  }
  override setAttributes(attributes: Record<string, unknown>): this {
    if ('BACKGROUND_COLOR' in attributes) this._bg = attributes.BACKGROUND_COLOR as string | null;
    if ('WIDTH' in attributes) this._width = attributes.WIDTH as number;
    if ('VERTICAL_ALIGNMENT' in attributes) this._valign = attributes.VERTICAL_ALIGNMENT as string;
    const t = pickTextAttrs(attributes);
    delete t.BACKGROUND_COLOR;
    if (Object.keys(t).length) new TextView(this).setAttributes(t);
    return this;
  }
}

for (const cls of [Element, RichText, Text, TextView, RangeElement, PageBreak, HorizontalRule, UnsupportedElement, InlineImage, Container, Paragraph, ListItem, BlockContainer, Section, Body, HeaderSection, FooterSection, Table, TableRow, TableCell]) {
  instrument(cls);
}
