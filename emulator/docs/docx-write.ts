/**
 * Writes a document model to .docx with the `docx` package. docx's Packer is async, but its
 * compiler (Packer.compiler.compile) is synchronous and docx zips with fflate itself, so we
 * compile and zip synchronously: Document.getAs('application/pdf') works inside a synchronous script.
 *
 * Units: Google Docs measures in points; OOXML in twips (1/20 pt), half-points for font sizes and
 * eighths of a point for borders.
 */
import * as docx from 'docx';
import { zipSync } from 'fflate';
import type { Glyph, TextAttrs } from './enums';
import { Body, Element, FooterSection, HeaderSection, HorizontalRule, InlineImage, ListItem, PageBreak, Paragraph, Section, Table, TableCell, Text, UnsupportedElement } from './elements';

export interface DocParts {
  body: Body;
  header: HeaderSection | null;
  footer: FooterSection | null;
}

const HEADING: Record<string, (typeof docx.HeadingLevel)[keyof typeof docx.HeadingLevel] | undefined> = {
  HEADING1: docx.HeadingLevel.HEADING_1,
  HEADING2: docx.HeadingLevel.HEADING_2,
  HEADING3: docx.HeadingLevel.HEADING_3,
  HEADING4: docx.HeadingLevel.HEADING_4,
  HEADING5: docx.HeadingLevel.HEADING_5,
  HEADING6: docx.HeadingLevel.HEADING_6,
  TITLE: docx.HeadingLevel.TITLE,
  SUBTITLE: 'Subtitle' as never,
};

const ALIGN: Record<string, (typeof docx.AlignmentType)[keyof typeof docx.AlignmentType]> = {
  LEFT: docx.AlignmentType.LEFT,
  CENTER: docx.AlignmentType.CENTER,
  RIGHT: docx.AlignmentType.RIGHT,
  JUSTIFY: docx.AlignmentType.JUSTIFIED,
};

/** Glyph -> OOXML level format and text. Bullet characters are the ones Docs exports. */
const GLYPH: Record<Glyph, { format: (typeof docx.LevelFormat)[keyof typeof docx.LevelFormat]; text: (level: number) => string }> = {
  BULLET: { format: docx.LevelFormat.BULLET, text: () => '\u25CF' },
  HOLLOW_BULLET: { format: docx.LevelFormat.BULLET, text: () => '\u25CB' },
  SQUARE_BULLET: { format: docx.LevelFormat.BULLET, text: () => '\u25A0' },
  NUMBER: { format: docx.LevelFormat.DECIMAL, text: (l) => `%${l + 1}.` },
  LATIN_UPPER: { format: docx.LevelFormat.UPPER_LETTER, text: (l) => `%${l + 1}.` },
  LATIN_LOWER: { format: docx.LevelFormat.LOWER_LETTER, text: (l) => `%${l + 1}.` },
  ROMAN_UPPER: { format: docx.LevelFormat.UPPER_ROMAN, text: (l) => `%${l + 1}.` },
  ROMAN_LOWER: { format: docx.LevelFormat.LOWER_ROMAN, text: (l) => `%${l + 1}.` },
};
const DEFAULT_GLYPHS: Glyph[] = ['BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET'];

const twip = (pt: number | null | undefined) => (pt === null || pt === undefined ? undefined : Math.round(pt * 20));
const hex = (c: unknown) => (typeof c === 'string' && c ? c.replace(/^#/, '').toUpperCase() : undefined);

class Writer {
  /** list id -> numbering reference and the glyph of each level. */
  private lists = new Map<string, { ref: string; glyphs: Map<number, Glyph> }>();
  private numbered = 0;

  collectLists(root: Element): void {
    const visit = (e: Element) => {
      if (e instanceof ListItem) {
        let l = this.lists.get(e._listId);
        if (!l) {
          l = { ref: `list${this.lists.size + 1}`, glyphs: new Map() };
          this.lists.set(e._listId, l);
        }
        if (!l.glyphs.has(e._nesting)) l.glyphs.set(e._nesting, e.getGlyphType() as Glyph);
      }
      if ('_children' in e) for (const c of (e as unknown as { _children: Element[] })._children) visit(c);
    };
    visit(root);
  }

  numberingConfig(): docx.INumberingOptions['config'] {
    return [...this.lists.values()].map((l) => ({
      reference: l.ref,
      levels: Array.from({ length: 9 }, (_, level) => {
        const g = GLYPH[l.glyphs.get(level) ?? (l.glyphs.get(0) && !GLYPH[l.glyphs.get(0)!].format.startsWith('bullet') ? l.glyphs.get(0)! : DEFAULT_GLYPHS[level % 3])];
        return {
          level,
          format: g.format,
          text: g.text(level),
          alignment: docx.AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
        };
      }),
    }));
  }

  runs(p: Paragraph): docx.ParagraphChild[] {
    const out: docx.ParagraphChild[] = [];
    for (const c of p._children) {
      if (c instanceof Text) out.push(...this.textRuns(c));
      else if (c instanceof PageBreak) out.push(new docx.PageBreak());
      else if (c instanceof InlineImage) out.push(this.image(c));
      else if (c instanceof UnsupportedElement && c._field)
        out.push(new docx.TextRun({ ...runOptions(c._a), children: [c._field === 'NUMPAGES' ? docx.PageNumber.TOTAL_PAGES : docx.PageNumber.CURRENT] }));
    }
    return out;
  }

  textRuns(t: Text): docx.ParagraphChild[] {
    const out: docx.ParagraphChild[] = [];
    let pos = 0;
    for (const r of t._runs) {
      const text = t._s.slice(pos, pos + r.len);
      pos += r.len;
      const a = r.a;
      const lines = text.split(/\r\n|[\r\n\v\u000b]/);
      const runs = lines.map(
        (line, i) => new docx.TextRun({ text: line, break: i > 0 ? 1 : undefined, ...runOptions(a) }),
      );
      if (typeof a.LINK_URL === 'string' && a.LINK_URL) out.push(new docx.ExternalHyperlink({ link: a.LINK_URL, children: runs }));
      else out.push(...runs);
    }
    return out;
  }

  image(img: InlineImage): docx.ImageRun {
    const m = img._mime.toLowerCase();
    const type = m.includes('png') ? 'png' : m.includes('gif') ? 'gif' : m.includes('bmp') ? 'bmp' : 'jpg';
    return new docx.ImageRun({
      type,
      data: img._bytes,
      transformation: { width: img._width, height: img._height },
      altText: img._altTitle || img._altDescription ? { name: img._altTitle ?? '', title: img._altTitle ?? '', description: img._altDescription ?? '' } : undefined,
    });
  }

  paragraph(p: Paragraph): docx.Paragraph {
    const a = p._p;
    const hr = p._children.some((c) => c instanceof HorizontalRule);
    const list = p instanceof ListItem ? this.lists.get(p._listId) : undefined;
    return new docx.Paragraph({
      children: this.runs(p),
      heading: HEADING[a.HEADING],
      alignment: a.HORIZONTAL_ALIGNMENT ? ALIGN[a.HORIZONTAL_ALIGNMENT] : undefined,
      spacing:
        a.SPACING_BEFORE !== null || a.SPACING_AFTER !== null || a.LINE_SPACING !== null
          ? { before: twip(a.SPACING_BEFORE), after: twip(a.SPACING_AFTER), line: a.LINE_SPACING !== null ? Math.round(a.LINE_SPACING * 240) : undefined }
          : undefined,
      indent:
        !list && (a.INDENT_START !== null || a.INDENT_END !== null || a.INDENT_FIRST_LINE !== null)
          ? { left: twip(a.INDENT_START), right: twip(a.INDENT_END), firstLine: twip(a.INDENT_FIRST_LINE) }
          : undefined,
      numbering: list && p instanceof ListItem ? { reference: list.ref, level: p._nesting } : undefined,
      border: hr ? { bottom: { style: docx.BorderStyle.SINGLE, size: 6, color: 'auto', space: 1 } } : undefined,
    });
  }

  table(t: Table): docx.Table {
    const rows = t._children as unknown as Array<{ _children: TableCell[]; _minHeight: number | null }>;
    const width = Math.max(1, ...rows.map((r) => r._children.reduce((n, c) => n + c._colSpan, 0)));
    const headerBold = rows.length > 1 && rows[0]._children.length > 0 && rows[0]._children.every((c) => cellIsBold(c));
    const border = t._borderWidth !== null || t._borderColor !== null
      ? { style: t._borderWidth === 0 ? docx.BorderStyle.NONE : docx.BorderStyle.SINGLE, size: Math.round((t._borderWidth ?? 1) * 8), color: hex(t._borderColor) ?? '000000' }
      : { style: docx.BorderStyle.SINGLE, size: 4, color: '000000' };
    const colWidths = Array.from({ length: width }, (_, i) => twip(t._colWidths[i]) ?? Math.round(9360 / width));
    return new docx.Table({
      columnWidths: colWidths,
      width: { size: colWidths.reduce((a, b) => a + b, 0), type: docx.WidthType.DXA },
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: (rows.length ? rows : [{ _children: [], _minHeight: null }]).map(
        (r, ri) =>
          new docx.TableRow({
            tableHeader: ri === 0 && headerBold ? true : undefined,
            height: r._minHeight ? { value: twip(r._minHeight)!, rule: docx.HeightRule.ATLEAST } : undefined,
            children: (r._children.length ? r._children : [new TableCell('')]).map(
              (c, ci) =>
                new docx.TableCell({
                  columnSpan: c._colSpan > 1 ? c._colSpan : undefined,
                  verticalMerge: c._vMerge === 'restart' ? docx.VerticalMergeType.RESTART : c._vMerge === 'continue' ? docx.VerticalMergeType.CONTINUE : undefined,
                  children: this.blocks(c._children.length ? c._children : [new Paragraph()]),
                  shading: hex(c._bg) ? { type: docx.ShadingType.CLEAR, fill: hex(c._bg), color: 'auto' } : undefined,
                  width: { size: twip(c._width) ?? spanWidth(colWidths, r._children, ci), type: docx.WidthType.DXA },
                  verticalAlign: c._valign === 'CENTER' ? docx.VerticalAlignTable.CENTER : c._valign === 'BOTTOM' ? docx.VerticalAlignTable.BOTTOM : undefined,
                }),
            ),
          }),
      ),
    });
  }

  blocks(children: Element[]): Array<docx.Paragraph | docx.Table> {
    const out: Array<docx.Paragraph | docx.Table> = [];
    for (const c of children) {
      if (c instanceof Paragraph) out.push(this.paragraph(c));
      else if (c instanceof Table) out.push(this.table(c));
    }
    return out;
  }

  section(s: Section | null): docx.Paragraph[] | undefined {
    return s ? (this.blocks(s._children) as docx.Paragraph[]) : undefined;
  }
}

/** Width of cell `ci` from the grid, counting the columns merged cells before it span. */
function spanWidth(grid: number[], cells: TableCell[], ci: number): number {
  let start = 0;
  for (let k = 0; k < ci; k++) start += cells[k]._colSpan;
  let w = 0;
  for (let k = start; k < start + (cells[ci]?._colSpan ?? 1); k++) w += grid[k] ?? grid[grid.length - 1];
  return w;
}

function cellIsBold(c: TableCell): boolean {
  const leaves = c._textLeaves().filter((t) => t._s.length > 0);
  return leaves.length > 0 && leaves.every((t) => t._runs.every((r) => r.a.BOLD === true));
}

/**
 * The document as .docx bytes (synchronous). `level` is the zip's deflate level: 0 (entries
 * stored) for a file only LibreOffice reads on its way to a PDF, where deflating cost more
 * CPU than writing the parts out.
 */
export function writeDocx(parts: DocParts, title = 'Document', level: 0 | 6 = 6): Uint8Array {
  const w = new Writer();
  w.collectLists(parts.body);
  if (parts.header) w.collectLists(parts.header);
  if (parts.footer) w.collectLists(parts.footer);
  const m = parts.body._m;
  const header = w.section(parts.header);
  const footer = w.section(parts.footer);
  const doc = new docx.Document({
    title,
    creator: 'gas-workspace-emulator',
    numbering: { config: w.numberingConfig() },
    styles: {
      paragraphStyles: [{ id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 30, color: '666666' } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twip(m.PAGE_WIDTH)!, height: twip(m.PAGE_HEIGHT)! },
            margin: { top: twip(m.MARGIN_TOP)!, bottom: twip(m.MARGIN_BOTTOM)!, left: twip(m.MARGIN_LEFT)!, right: twip(m.MARGIN_RIGHT)! },
          },
        },
        headers: header ? { default: new docx.Header({ children: header }) } : undefined,
        footers: footer ? { default: new docx.Footer({ children: footer }) } : undefined,
        children: w.blocks(parts.body._children),
      },
    ],
  });
  const compiler = (docx.Packer as unknown as { compiler: { compile(f: docx.Document, pretty?: unknown): Map<string, string | Uint8Array> } }).compiler;
  const files = compiler.compile(doc, undefined);
  const entries: Record<string, Uint8Array> = {};
  for (const [path, data] of files) entries[path] = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
  return zipSync(entries, { level });
}

/** A run's character attributes as docx options. */
function runOptions(a: TextAttrs) {
  return {
    bold: a.BOLD === true ? true : undefined,
    italics: a.ITALIC === true ? true : undefined,
    underline: a.UNDERLINE === true ? {} : undefined,
    strike: a.STRIKETHROUGH === true ? true : undefined,
    size: typeof a.FONT_SIZE === 'number' ? Math.round(a.FONT_SIZE * 2) : undefined,
    font: typeof a.FONT_FAMILY === 'string' ? a.FONT_FAMILY : undefined,
    color: hex(a.FOREGROUND_COLOR) ?? (a.LINK_URL ? '1155CC' : undefined),
    shading: hex(a.BACKGROUND_COLOR) ? { type: docx.ShadingType.CLEAR, fill: hex(a.BACKGROUND_COLOR)!, color: 'auto' } : undefined,
    style: a.LINK_URL ? 'Hyperlink' : undefined,
  };
}
