/**
 * Reads a .docx into the document model, synchronously (fflate + @xmldom/xmldom), so that
 * DocumentApp.openById works inside a synchronous script: templates an officer adds, and our
 * own output reopened on the next run. Kept: paragraphs with heading styles and alignment, runs
 * with bold/italic/underline/strike/size/colour/highlight/font/links, bulleted and numbered lists
 * with nesting, tables with cell shading, inline images, page breaks, horizontal rules (a bottom
 * border on an empty paragraph), header and footer, page size and margins.
 */
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import type { Glyph, Heading, TextAttrs } from './enums';
import { Body, BlockContainer, Container, FooterSection, HeaderSection, HorizontalRule, InlineImage, ListItem, PageBreak, Paragraph, Table, TableCell, TableRow, Text, UnsupportedElement } from './elements';
import type { DocParts } from './docx-write';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

type El = import('@xmldom/xmldom').Element;

/** Thrown for a file that is not a readable .docx; the message says why. */
export class DocxError extends Error {}

function kids(e: El | null | undefined, local?: string): El[] {
  const out: El[] = [];
  if (!e) return out;
  for (let n = e.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!local || (n as El).localName === local)) out.push(n as El);
  }
  return out;
}
/** The first child element named `local` (without listing the others). */
function kid(e: El | null | undefined, local: string): El | null {
  for (let n = e ? e.firstChild : null; n; n = n.nextSibling) if (n.nodeType === 1 && (n as El).localName === local) return n as El;
  return null;
}
const wattr = (e: El | null | undefined, name: string) => (e ? e.getAttributeNS(W, name) ?? e.getAttribute(`w:${name}`) : null);
function onOff(e: El | null): boolean | undefined {
  if (!e) return undefined;
  const v = wattr(e, 'val');
  return !(v === '0' || v === 'false' || v === 'none');
}

function parseXml(bytes: Uint8Array, name: string): El {
  const text = new TextDecoder().decode(bytes);
  let failed = '';
  let doc;
  try {
    doc = new DOMParser({
      onError: (level: string, msg: string) => {
        if (level !== 'warning' && !failed) failed = msg;
      },
    }).parseFromString(text, 'application/xml');
  } catch (e) {
    throw new DocxError(`${name} is not well-formed XML (${(e as Error).message.replace(/^Error constructing the DOM: /, '')})`);
  }
  if (failed || !doc.documentElement) throw new DocxError(`${name} is not well-formed XML (${failed || 'empty'})`);
  return doc.documentElement as unknown as El;
}

function rels(files: Record<string, Uint8Array>, part: string): Map<string, string> {
  const slash = part.lastIndexOf('/');
  const relPath = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const out = new Map<string, string>();
  if (!files[relPath]) return out;
  const root = parseXml(files[relPath], relPath);
  for (const r of kids(root, 'Relationship')) out.set(r.getAttribute('Id') ?? '', r.getAttribute('Target') ?? '');
  return out;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const FMT_GLYPH: Record<string, Glyph> = {
  decimal: 'NUMBER', decimalZero: 'NUMBER', upperLetter: 'LATIN_UPPER', lowerLetter: 'LATIN_LOWER', upperRoman: 'ROMAN_UPPER', lowerRoman: 'ROMAN_LOWER',
};
function bulletGlyph(text: string): Glyph {
  if (/[\u25CB\u25E6o]/.test(text)) return 'HOLLOW_BULLET';
  if (/[\u25A0\u25AA\uF0A7\u25FC]/.test(text)) return 'SQUARE_BULLET';
  return 'BULLET';
}

class Reader {
  private glyphs = new Map<string, Map<number, Glyph>>();
  private headingOfStyle = new Map<string, Heading>();
  private rels = new Map<string, string>();
  private part = 'word/document.xml';

  constructor(private readonly files: Record<string, Uint8Array>) {
    this.readStyles();
    this.readNumbering();
  }

  private readStyles(): void {
    const f = this.files['word/styles.xml'];
    if (!f) return;
    for (const s of kids(parseXml(f, 'word/styles.xml'), 'style')) {
      const id = wattr(s, 'styleId') ?? '';
      const name = (wattr(kid(s, 'name'), 'val') ?? '').toLowerCase().replace(/\s+/g, '');
      const h = headingFromName(name) ?? headingFromName(id.toLowerCase());
      if (h) this.headingOfStyle.set(id, h);
    }
  }

  private readNumbering(): void {
    const f = this.files['word/numbering.xml'];
    if (!f) return;
    const root = parseXml(f, 'word/numbering.xml');
    const abstract = new Map<string, Map<number, Glyph>>();
    for (const a of kids(root, 'abstractNum')) {
      const levels = new Map<number, Glyph>();
      for (const l of kids(a, 'lvl')) {
        const fmt = wattr(kid(l, 'numFmt'), 'val') ?? 'bullet';
        levels.set(Number(wattr(l, 'ilvl') ?? 0), FMT_GLYPH[fmt] ?? bulletGlyph(wattr(kid(l, 'lvlText'), 'val') ?? ''));
      }
      abstract.set(wattr(a, 'abstractNumId') ?? '', levels);
    }
    for (const n of kids(root, 'num')) {
      const levels = abstract.get(wattr(kid(n, 'abstractNumId'), 'val') ?? '');
      if (levels) this.glyphs.set(wattr(n, 'numId') ?? '', levels);
    }
  }

  read(): DocParts {
    const main = this.files['word/document.xml'];
    if (!main) throw new DocxError('it has no word/document.xml, so it is not a Word document');
    const root = parseXml(main, 'word/document.xml');
    const bodyEl = kid(root, 'body');
    if (!bodyEl) throw new DocxError('word/document.xml has no <w:body>');
    this.rels = rels(this.files, this.part);
    const body = new Body();
    this.blocks(bodyEl, body);
    let header: HeaderSection | null = null;
    let footer: FooterSection | null = null;
    const sect = kid(bodyEl, 'sectPr');
    if (sect) {
      const size = kid(sect, 'pgSz');
      const mar = kid(sect, 'pgMar');
      const pt = (v: string | null, d: number) => (v !== null && v !== '' && !Number.isNaN(Number(v)) ? Number(v) / 20 : d);
      body._m = {
        PAGE_WIDTH: pt(wattr(size, 'w'), 612), PAGE_HEIGHT: pt(wattr(size, 'h'), 792),
        MARGIN_TOP: pt(wattr(mar, 'top'), 72), MARGIN_BOTTOM: pt(wattr(mar, 'bottom'), 72),
        MARGIN_LEFT: pt(wattr(mar, 'left'), 72), MARGIN_RIGHT: pt(wattr(mar, 'right'), 72),
      };
      const docRels = this.rels;
      for (const ref of [...kids(sect, 'headerReference'), ...kids(sect, 'footerReference')]) {
        if ((wattr(ref, 'type') ?? 'default') !== 'default') continue;
        const target = docRels.get(ref.getAttributeNS(R, 'id') ?? ref.getAttribute('r:id') ?? '');
        if (!target) continue;
        const path = resolve(this.part, target);
        if (!this.files[path]) continue;
        const isHeader = ref.localName === 'headerReference';
        const section = isHeader ? new HeaderSection() : new FooterSection();
        const saved = this.part;
        this.part = path;
        this.rels = rels(this.files, path);
        this.blocks(parseXml(this.files[path], path), section);
        this.part = saved;
        this.rels = docRels;
        if (!(section._children[section._children.length - 1] instanceof Paragraph)) Container.prototype._insertAt.call(section, section._children.length, new Paragraph());
        if (isHeader) header = section as HeaderSection;
        else footer = section as FooterSection;
      }
    }
    if (!(body._children[body._children.length - 1] instanceof Paragraph)) Container.prototype._insertAt.call(body, body._children.length, new Paragraph());
    return { body, header, footer };
  }

  private blocks(container: El, into: BlockContainer): void {
    for (const e of kids(container)) {
      // Container's own insert: the file already says where paragraphs are (no automatic one after a table).
      if (e.localName === 'p') Container.prototype._insertAt.call(into, into._children.length, this.paragraph(e));
      else if (e.localName === 'tbl') Container.prototype._insertAt.call(into, into._children.length, this.table(e));
      else if (e.localName === 'sdt') this.blocks(kid(e, 'sdtContent') ?? e, into);
    }
  }

  private table(e: El): Table {
    const t = new Table();
    const grid = kids(kid(e, 'tblGrid'), 'gridCol').map((g) => Number(wattr(g, 'w') ?? 0) / 20);
    grid.forEach((w, i) => {
      if (w > 0) t._colWidths[i] = w;
    });
    for (const tr of kids(e, 'tr')) {
      const row = t._insertAt(t._children.length, new TableRow());
      for (const tc of kids(tr, 'tc')) {
        const cell = row._insertAt(row._children.length, new TableCell());
        const pr = kid(tc, 'tcPr');
        const fill = wattr(kid(pr, 'shd'), 'fill');
        if (fill && fill !== 'auto') cell._bg = `#${fill.toLowerCase()}`;
        const span = Number(wattr(kid(pr, 'gridSpan'), 'val') ?? 1);
        if (span > 1) cell._colSpan = span;
        const vMerge = kid(pr, 'vMerge');
        if (vMerge) cell._vMerge = wattr(vMerge, 'val') === 'restart' ? 'restart' : 'continue';
        const va = wattr(kid(pr, 'vAlign'), 'val');
        if (va) cell._valign = va === 'center' ? 'CENTER' : va === 'bottom' ? 'BOTTOM' : 'TOP';
        this.blocks(tc, cell);
        if (cell._children.length === 0) cell._insertAt(0, new Paragraph());
      }
    }
    return t;
  }

  private paragraph(e: El): Paragraph {
    const pr = kid(e, 'pPr');
    const numPr = kid(pr, 'numPr');
    const numId = wattr(kid(numPr, 'numId'), 'val');
    let p: Paragraph;
    if (numPr && numId && numId !== '0') {
      const li = new ListItem();
      li._listId = `kix.docx${numId}`;
      li._nesting = Number(wattr(kid(numPr, 'ilvl'), 'val') ?? 0);
      li._glyph = this.glyphs.get(numId)?.get(li._nesting) ?? 'BULLET';
      p = li;
    } else {
      p = new Paragraph();
    }
    const style = wattr(kid(pr, 'pStyle'), 'val');
    if (style) p._p.HEADING = this.headingOfStyle.get(style) ?? headingFromName(style.toLowerCase()) ?? 'NORMAL';
    const jc = wattr(kid(pr, 'jc'), 'val');
    if (jc) p._p.HORIZONTAL_ALIGNMENT = jc === 'center' ? 'CENTER' : jc === 'right' || jc === 'end' ? 'RIGHT' : jc === 'both' || jc === 'distribute' ? 'JUSTIFY' : 'LEFT';
    const sp = kid(pr, 'spacing');
    if (wattr(sp, 'before')) p._p.SPACING_BEFORE = Number(wattr(sp, 'before')) / 20;
    if (wattr(sp, 'after')) p._p.SPACING_AFTER = Number(wattr(sp, 'after')) / 20;
    const ind = kid(pr, 'ind');
    if (!numPr && (wattr(ind, 'left') ?? wattr(ind, 'start'))) p._p.INDENT_START = Number(wattr(ind, 'left') ?? wattr(ind, 'start')) / 20;
    if (!numPr && wattr(ind, 'firstLine')) p._p.INDENT_FIRST_LINE = Number(wattr(ind, 'firstLine')) / 20;

    this.fld = null;
    this.inline(e, p, {});
    if (kid(kid(pr, 'pBdr'), 'bottom') && p._children.length === 0) p._insertAt(0, new HorizontalRule());
    return p;
  }

  /** Runs, hyperlinks and images of a paragraph; contiguous text goes into one Text element. */
  private inline(e: El, p: Paragraph, inherited: TextAttrs): void {
    for (const c of kids(e)) {
      switch (c.localName) {
        case 'r':
          this.run(c, p, inherited);
          break;
        case 'hyperlink': {
          const id = c.getAttributeNS(R, 'id') ?? c.getAttribute('r:id');
          const url = id ? this.rels.get(id) : undefined;
          this.inline(c, p, url ? { ...inherited, LINK_URL: url } : inherited);
          break;
        }
        case 'fldSimple': {
          // A page number stays a field (Docs keeps it as an element, not as fixed text).
          const f = pageField(wattr(c, 'instr') ?? '');
          if (f) p._insertAt(p._children.length, new UnsupportedElement(f, this.runAttrs(kid(c, 'r'), inherited)));
          else this.inline(c, p, inherited);
          break;
        }
        case 'ins':
        case 'smartTag':
        case 'customXml':
          this.inline(c, p, inherited);
          break;
        case 'sdt':
          this.inline(kid(c, 'sdtContent') ?? c, p, inherited);
          break;
        default:
          break;
      }
    }
  }

  /** A complex field being read (w:fldChar begin, instrText, separate, result, end). */
  private fld: { instr: string; result: boolean; a: TextAttrs } | null = null;

  private run(r: El, p: Paragraph, inherited: TextAttrs): void {
    const a = this.runAttrs(r, inherited);
    for (const c of kids(r)) {
      if (c.localName === 'fldChar') {
        const type = wattr(c, 'fldCharType');
        if (type === 'begin') this.fld = { instr: '', result: false, a };
        else if (type === 'separate' && this.fld) this.fld.result = true;
        else if (type === 'end' && this.fld) {
          const f = pageField(this.fld.instr);
          if (f) p._insertAt(p._children.length, new UnsupportedElement(f, this.fld.a));
          this.fld = null;
        }
        continue;
      }
      if (c.localName === 'instrText') {
        if (this.fld) this.fld.instr += c.textContent ?? '';
        continue;
      }
      // A page number's result is the number Word last saw: the field itself stands for it.
      if (this.fld && pageField(this.fld.instr)) continue;
      this.runChild(c, p, a);
    }
  }

  /** The character attributes of a run (w:rPr) over those it inherits. */
  private runAttrs(r: El | null, inherited: TextAttrs): TextAttrs {
    const pr = kid(r, 'rPr');
    const a: TextAttrs = { ...inherited };
    const set = (k: keyof TextAttrs, v: unknown) => {
      if (v !== undefined && v !== null && v !== false) a[k] = v as never;
    };
    set('BOLD', onOff(kid(pr, 'b')));
    set('ITALIC', onOff(kid(pr, 'i')));
    set('UNDERLINE', onOff(kid(pr, 'u')));
    set('STRIKETHROUGH', onOff(kid(pr, 'strike')));
    const sz = wattr(kid(pr, 'sz'), 'val');
    if (sz) a.FONT_SIZE = Number(sz) / 2;
    const color = wattr(kid(pr, 'color'), 'val');
    if (color && color !== 'auto' && !(a.LINK_URL && color.toUpperCase() === '1155CC')) a.FOREGROUND_COLOR = `#${color.toLowerCase()}`;
    const fill = wattr(kid(pr, 'shd'), 'fill');
    if (fill && fill !== 'auto') a.BACKGROUND_COLOR = `#${fill.toLowerCase()}`;
    const hl = wattr(kid(pr, 'highlight'), 'val');
    if (hl && hl !== 'none' && !a.BACKGROUND_COLOR) a.BACKGROUND_COLOR = HIGHLIGHT[hl] ?? '#ffff00';
    const font = wattr(kid(pr, 'rFonts'), 'ascii');
    if (font) a.FONT_FAMILY = font;
    return a;
  }

  private runChild(c: El, p: Paragraph, a: TextAttrs): void {
    switch (c.localName) {
      case 't':
      case 'delText':
        if (c.localName === 't') appendRun(p, c.textContent ?? '', a);
        break;
      case 'tab':
        appendRun(p, '\t', a);
        break;
      case 'br':
      case 'cr':
        if (wattr(c, 'type') === 'page') p._insertAt(p._children.length, new PageBreak());
        else appendRun(p, '\r', a);
        break;
      case 'drawing':
      case 'pict': {
        const img = this.image(c);
        if (img) p._insertAt(p._children.length, img);
        break;
      }
      case 'AlternateContent': {
        // Word wraps newer drawings in mc:AlternateContent: take the first choice, else the fallback.
        const choice = kid(c, 'Choice') ?? kid(c, 'Fallback');
        const img = choice ? this.image(choice) : null;
        if (img) p._insertAt(p._children.length, img);
        break;
      }
      default:
        break;
    }
  }

  private image(d: El): InlineImage | null {
    const blip = d.getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/main', 'blip')[0] as El | undefined;
    const id = blip?.getAttributeNS(R, 'embed') ?? blip?.getAttribute('r:embed');
    const target = id ? this.rels.get(id) : undefined;
    if (!target) return null;
    const path = resolve(this.part, target);
    const bytes = this.files[path];
    if (!bytes) return null;
    const ext = d.getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing', 'extent')[0] as El | undefined;
    const emu = (v: string | null | undefined) => (v ? Math.round(Number(v) / 9525) : 0);
    const size = ext ? { width: emu(ext.getAttribute('cx')), height: emu(ext.getAttribute('cy')) } : undefined;
    const lower = path.toLowerCase();
    const mime = lower.endsWith('.png') ? 'image/png' : lower.endsWith('.gif') ? 'image/gif' : lower.endsWith('.bmp') ? 'image/bmp' : 'image/jpeg';
    const docPr = d.getElementsByTagNameNS('http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing', 'docPr')[0] as El | undefined;
    const img = new InlineImage(bytes, mime, size && size.width > 0 ? size : undefined);
    if (docPr?.getAttribute('title')) img._altTitle = docPr.getAttribute('title');
    if (docPr?.getAttribute('descr')) img._altDescription = docPr.getAttribute('descr');
    return img;
  }
}

const HIGHLIGHT: Record<string, string> = { yellow: '#ffff00', green: '#00ff00', cyan: '#00ffff', magenta: '#ff00ff', red: '#ff0000', blue: '#0000ff', lightGray: '#d3d3d3', darkGray: '#a9a9a9' };

function headingFromName(name: string): Heading | undefined {
  const m = /^heading([1-6])$/.exec(name);
  if (m) return `HEADING${m[1]}` as Heading;
  if (name === 'title') return 'TITLE';
  if (name === 'subtitle') return 'SUBTITLE';
  return undefined;
}

/** PAGE or NUMPAGES when a field instruction is a page number (" PAGE \\* MERGEFORMAT "), else ''. */
function pageField(instr: string): string {
  const m = /^\s*(PAGE|NUMPAGES)\b/i.exec(instr);
  return m ? m[1].toUpperCase() : '';
}

function appendRun(p: Paragraph, text: string, a: TextAttrs): void {
  if (!text) return;
  const last = p._children[p._children.length - 1];
  const t = last instanceof Text ? last : p._insertAt(p._children.length, new Text());
  t._insert(t._s.length, text, a);
}

/** Reads .docx bytes; throws DocxError saying what is wrong when the file is not a readable .docx. */
export function readDocx(bytes: Uint8Array): DocParts {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new DocxError('it is not a zip file, so it is not a .docx (Word) document');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new DocxError(`the zip container is damaged (${(e as Error).message})`);
  }
  return new Reader(files).read();
}
