/**
 * The agenda reports pack as one PDF, put together with pdf-lib: a front sheet, a contents
 * page with page numbers, then each part's pages in order (or a one-page notice where a paper
 * is withheld or could not be read), bookmarks for every part, and "Page X of Y" with the group
 * and meeting date at the foot of every page. Pure: bytes in, bytes out (no Apps Script service).
 */
import {
  PDFDocument,
  PDFFont,
  PDFHexString,
  PDFName,
  PDFPage,
  PDFRef,
  StandardFonts,
  rgb,
} from 'pdf-lib';
import {runToEnd} from './sync-run';

export interface PackPart {
  /** The contents line and bookmark, e.g. "4. Quarterly quality report". */
  readonly title: string;
  /** The part's PDF; when absent, `notice` is printed on a page of its own. */
  readonly pdf?: Uint8Array;
  readonly notice?: string;
  /**
   * A paper this program made (agenda, minutes, action log): its footer, with the Doc's own
   * "Page X of Y", is covered, so each page of the pack shows one page number, the pack's.
   */
  readonly ownFooter?: boolean;
}

/** Height of the foot of a page that holds our Docs' footer (their bottom margin is 56.7 pt). */
const FOOTER_BAND = 48;

export interface PackCover {
  readonly group: string;
  /** "Agenda reports pack" */
  readonly heading: string;
  /** "Public version" or "Full version: not for publication". */
  readonly version: string;
  /** Date, time, venue, to whom. */
  readonly details: readonly (readonly [string, string])[];
  /** The clerk's contact block (the only contact details in the pack). */
  readonly contact: readonly string[];
  /** The foot of every page, e.g. "Adults Committee, 8 October 2020". */
  readonly footer: string;
}

export interface PackResult {
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly contents: readonly {title: string; page: number}[];
  /** Titles of parts whose PDF could not be read (a notice page stands in their place). */
  readonly unreadable: readonly string[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const CONTENTS_LINES = 34;
const INK = rgb(0.1, 0.1, 0.1);
const BLUE = rgb(0.12, 0.22, 0.39);

/** Helvetica (WinAnsi) cannot print every character: others become "?" rather than failing. */
function printable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet());
  return Array.from(text.normalize('NFC'), ch => (set.has(ch.codePointAt(0)!) ? ch : '?')).join('');
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of printable(font, text).split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  private y = A4[1] - MARGIN;
  constructor(
    private page: PDFPage,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {}
  text(text: string, size: number, opts: {bold?: boolean; colour?: typeof INK; gap?: number} = {}) {
    const font = opts.bold ? this.bold : this.font;
    for (const line of wrap(font, text, size, A4[0] - 2 * MARGIN)) {
      this.page.drawText(line, {
        x: MARGIN,
        y: this.y - size,
        size,
        font,
        color: opts.colour ?? INK,
      });
      this.y -= size * 1.35;
    }
    this.y -= opts.gap ?? 0;
  }
  /** A label and value on one line (the front sheet's details). */
  pair(label: string, value: string, size: number) {
    this.page.drawText(printable(this.bold, label), {
      x: MARGIN,
      y: this.y - size,
      size,
      font: this.bold,
      color: INK,
    });
    for (const line of wrap(this.font, value, size, A4[0] - 2 * MARGIN - 90)) {
      this.page.drawText(line, {
        x: MARGIN + 90,
        y: this.y - size,
        size,
        font: this.font,
        color: INK,
      });
      this.y -= size * 1.4;
    }
  }
  /** A contents line: title on the left, page number on the right. */
  entry(title: string, page: number, size: number) {
    const right = A4[0] - MARGIN;
    const num = String(page);
    const lines = wrap(this.font, title, size, A4[0] - 2 * MARGIN - 60);
    lines.forEach((line, k) => {
      this.page.drawText(line, {x: MARGIN, y: this.y - size, size, font: this.font, color: INK});
      if (k === lines.length - 1)
        this.page.drawText(num, {
          x: right - this.font.widthOfTextAtSize(num, size),
          y: this.y - size,
          size,
          font: this.font,
          color: INK,
        });
      this.y -= size * 1.5;
    });
  }
}

/** Lines a contents entry takes (titles wrap), to know how many contents pages to leave. */
function contentsPagesNeeded(font: PDFFont, titles: readonly string[]): number {
  const lines = titles.reduce((n, t) => n + wrap(font, t, 11, A4[0] - 2 * MARGIN - 60).length, 0);
  return Math.max(1, Math.ceil(lines / CONTENTS_LINES));
}

/**
 * Parts' PDFs as parsed, by their bytes (or why they could not be read): both versions of a pack
 * share most parts, and pdf-lib copies pages out of a loaded document without changing it.
 */
export type ParsedParts = Map<Uint8Array, PDFDocument | Error>;

function parsed(pdf: Uint8Array, cache: ParsedParts): PDFDocument {
  let src = cache.get(pdf);
  if (!src) {
    try {
      src = runToEnd(() => PDFDocument.load(pdf, {ignoreEncryption: false}));
    } catch (e) {
      src = e as Error;
    }
    cache.set(pdf, src);
  }
  if (src instanceof Error) throw src;
  return src;
}

/** The pack: front sheet, contents, the parts; every page numbered. */
export function mergePack(
  cover: PackCover,
  parts: readonly PackPart[],
  sources: ParsedParts = new Map(),
): PackResult {
  const doc = runToEnd(() => PDFDocument.create());
  const font = runToEnd(() => doc.embedFont(StandardFonts.Helvetica));
  const bold = runToEnd(() => doc.embedFont(StandardFonts.HelveticaBold));
  doc.setTitle(`${cover.group}: ${cover.heading}`);
  doc.setCreator('Committee Clerk');
  doc.setProducer('Committee Clerk (pdf-lib)');

  // Front sheet.
  const front = new Writer(doc.addPage(A4), font, bold);
  front.text(cover.group, 24, {bold: true, colour: BLUE, gap: 6});
  front.text(cover.heading, 18, {bold: true, gap: 4});
  front.text(cover.version, 12, {gap: 18});
  for (const [label, value] of cover.details) front.pair(label, value, 12);
  front.text('', 12, {gap: 12});
  for (const line of cover.contact) front.text(line, 11);

  // Each part's pages, kept aside until the contents page count is known.
  const loaded: {title: string; pages: PDFPage[]}[] = [];
  const unreadable: string[] = [];
  const pagesNeeded = contentsPagesNeeded(
    font,
    parts.map(p => p.title),
  );
  const contentsPages = Array.from({length: pagesNeeded}, () => doc.addPage(A4));
  for (const part of parts) {
    let pages: PDFPage[] | null = null;
    if (part.pdf) {
      try {
        const src = parsed(part.pdf, sources);
        pages = runToEnd(() => doc.copyPages(src, src.getPageIndices()));
        for (const p of pages) {
          doc.addPage(p);
          if (part.ownFooter)
            p.drawRectangle({
              x: 0,
              y: 0,
              width: p.getWidth(),
              height: FOOTER_BAND,
              color: rgb(1, 1, 1),
            });
        }
      } catch (_e) {
        unreadable.push(part.title);
        pages = null;
      }
    }
    if (!pages) {
      const page = doc.addPage(A4);
      const w = new Writer(page, font, bold);
      w.text(part.title, 16, {bold: true, gap: 10});
      w.text(
        part.notice ??
          'This paper could not be read, so it is not in this pack. Ask the clerk for a copy.',
        12,
      );
      pages = [page];
    }
    loaded.push({title: part.title, pages});
  }

  // Contents, now that every part's first page is known.
  const all = doc.getPages();
  const contents = loaded.map(l => ({title: l.title, page: all.indexOf(l.pages[0]) + 1}));
  let k = 0;
  contentsPages.forEach((page, n) => {
    const w = new Writer(page, font, bold);
    w.text(n ? 'Contents (continued)' : 'Contents', 18, {bold: true, colour: BLUE, gap: 10});
    let lines = 0;
    while (k < contents.length) {
      const need = wrap(font, contents[k].title, 11, A4[0] - 2 * MARGIN - 60).length;
      if (lines + need > CONTENTS_LINES) break;
      w.entry(contents[k].title, contents[k].page, 11);
      lines += need;
      k++;
    }
  });

  // "Page X of Y" and the group and date at the foot of every page.
  const footer = printable(font, cover.footer);
  all.forEach((page, n) => {
    const {width} = page.getSize();
    const label = `Page ${n + 1} of ${all.length}`;
    page.drawText(footer, {x: 36, y: 16, size: 8, font, color: INK});
    page.drawText(label, {
      x: width - 36 - font.widthOfTextAtSize(label, 8),
      y: 16,
      size: 8,
      font,
      color: INK,
    });
  });

  addOutline(doc, [
    {title: 'Front sheet', page: all[0].ref},
    {title: 'Contents', page: contentsPages[0].ref},
    ...loaded.map(l => ({title: l.title, page: l.pages[0].ref})),
  ]);
  const bytes = runToEnd(() => doc.save({objectsPerTick: Infinity}));
  return {bytes, pages: all.length, contents, unreadable};
}

/** Bookmarks (the PDF outline, ISO 32000 §12.3.3), one level, each opening its first page. */
function addOutline(doc: PDFDocument, marks: readonly {title: string; page: PDFRef}[]): void {
  const ctx = doc.context;
  const root = ctx.nextRef();
  const refs = marks.map(() => ctx.nextRef());
  marks.forEach((m, k) => {
    const entry = ctx.obj({
      Title: PDFHexString.fromText(m.title),
      Parent: root,
      Dest: [m.page, 'XYZ', null, null, null],
    });
    if (k > 0) entry.set(PDFName.of('Prev'), refs[k - 1]);
    if (k < refs.length - 1) entry.set(PDFName.of('Next'), refs[k + 1]);
    ctx.assign(refs[k], entry);
  });
  ctx.assign(
    root,
    ctx.obj({Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: refs.length}),
  );
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
