/**
 * A paper as a .docx file: the WordprocessingML written here, zipped by Utilities.zip.
 * Uploading it with Drive.Files.create and mimeType application/vnd.google-apps.document makes
 * Google convert it into a Google Doc (Drive API "Import to Google Docs types": .docx imports as
 * a Document; developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs):
 * one upload per paper whatever its length, with real heading styles, tables, bold section
 * rows and chart images.
 */
import {Block, Paper} from './model';
import {CHART_HEIGHT, CHART_WIDTH, chartImage} from './chart';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

/** A4 with 2 cm margins: 9638 twips of text width. */
const TEXT_WIDTH = 9638;

export function xmlEscape(s: string): string {
  // Characters XML 1.0 forbids are dropped (a stray control character must not break the file).
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The paper's font while its .docx is being written (set by paperDocx). */
let runFont = 'Arial';

function run(
  text: string,
  style: {bold?: boolean; italic?: boolean; small?: boolean} = {},
): string {
  // The font on every run as well as in the styles: an import that drops the document's
  // default styles (or a converter that ignores them) still sets the paper in one font.
  const rPr = `<w:rFonts w:ascii="${runFont}" w:hAnsi="${runFont}" w:cs="${runFont}"/>${style.bold ? '<w:b/>' : ''}${style.italic ? '<w:i/>' : ''}${style.small ? '<w:sz w:val="20"/><w:szCs w:val="20"/>' : ''}`;
  return `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;
}

function para(
  text: string,
  opts: {style?: string; bold?: boolean; italic?: boolean; small?: boolean} = {},
): string {
  const pPr = opts.style
    ? `<w:pPr><w:pStyle w:val="${opts.style}"/></w:pPr>`
    : opts.small
      ? '<w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr>'
      : '';
  return `<w:p>${pPr}${text ? run(text, opts) : ''}</w:p>`;
}

/**
 * Column widths in twips. Given relative `widths`, those; otherwise from content: a column gets
 * room for its longest text (capped, so long text wraps) and never less than its longest word,
 * so short columns (numbers, statuses, dates) do not break inside a word.
 */
export function columnWidths(
  rows: readonly (readonly string[])[],
  emphasis: readonly number[] = [],
  widths?: readonly number[],
): number[] {
  const n = Math.max(...rows.map(r => r.length));
  let weight = new Array<number>(n).fill(5);
  // The narrowest a column may be: its longest word (header included) at about 125 twips a
  // character in 10-point type (wide letters: "November" takes about 925 twips in Arial), plus
  // the cell margins (2 × 108) and a little slack, so "Minute no." never breaks mid-word.
  const floor = new Array<number>(n).fill(0);
  rows.forEach((r, k) => {
    if (emphasis.includes(k)) return;
    r.forEach((c, i) => {
      const longestWord = Math.max(0, ...c.split(/\s+/).map(w => w.length));
      floor[i] = Math.max(floor[i], 560, longestWord * 125 + 240);
    });
  });
  if (widths && widths.length === n) weight = [...widths];
  else {
    rows.forEach((r, k) => {
      if (emphasis.includes(k)) return;
      r.forEach((c, i) => {
        weight[i] = Math.max(weight[i], Math.min(32, c.length));
      });
    });
  }
  // Floors that cannot all fit are scaled down together (long words then wrap evenly).
  const floorSum = floor.reduce((a, b) => a + b, 0);
  if (floorSum > TEXT_WIDTH)
    for (let i = 0; i < n; i++) floor[i] = Math.floor((floor[i] * TEXT_WIDTH) / floorSum);
  const total = weight.reduce((a, b) => a + b, 0);
  const out = weight.map((w, i) => Math.max(floor[i], Math.floor((TEXT_WIDTH * w) / total)));
  // Columns raised to their floor take room from the others, in proportion.
  const over = out.reduce((a, b) => a + b, 0) - TEXT_WIDTH;
  if (over > 0) {
    const flexible = out.map((w, i) => (w > floor[i] ? w - floor[i] : 0));
    const room = flexible.reduce((a, b) => a + b, 0);
    if (room > 0) return out.map((w, i) => Math.floor(w - (over * flexible[i]) / room));
  }
  return out;
}

function tableXml(
  rows: readonly (readonly string[])[],
  header: boolean,
  emphasis: readonly number[],
  relative?: readonly number[],
): string {
  if (!rows.length) return '';
  const widths = columnWidths(rows, emphasis, relative);
  const border = (side: string) =>
    `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="999999"/>`;
  const tblPr = `<w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map(w => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const trs = rows
    .map((r, k) => {
      const head = header && k === 0;
      const bold = head || emphasis.includes(k);
      const fill = head ? 'D9E2F3' : emphasis.includes(k) ? 'F2F2F2' : '';
      const cells = widths
        .map((w, i) => {
          const shd = fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>` : '';
          return `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${shd}</w:tcPr>${para(r[i] ?? '', {bold, small: true})}</w:tc>`;
        })
        .join('');
      return `<w:tr>${head ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${cells}</w:tr>`;
    })
    .join('');
  // A paragraph after each table keeps two tables from merging (Word and Docs both need one).
  return `<w:tbl>${tblPr}${grid}${trs}</w:tbl><w:p/>`;
}

const EMU_PER_PX = 9525;

function imageXml(rid: string, id: number, title: string): string {
  const cx = CHART_WIDTH * EMU_PER_PX;
  const cy = CHART_HEIGHT * EMU_PER_PX;
  return `<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${id}" name="Chart ${id}" title="${xmlEscape(title)}" descr="${xmlEscape(title)}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${id}" name="chart${id}.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
}

function styles(font: string): string {
  const f = xmlEscape(font);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:cs="${f}" w:eastAsia="${f}"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/><w:color w:val="1F3864"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:spacing w:after="200"/></w:pPr><w:rPr><w:sz w:val="30"/><w:szCs w:val="30"/><w:color w:val="404040"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/><w:color w:val="1F3864"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="100"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/><w:color w:val="1F3864"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="23"/><w:szCs w:val="23"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/><w:color w:val="595959"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/><w:color w:val="595959"/></w:rPr></w:style>
</w:styles>`;
}

/** A field (PAGE, NUMPAGES) Docs and Word fill in on every page. */
function field(code: string): string {
  return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
}

/** The running header (group, paper, date) and the footer with "Page X of Y". */
function headerXml(text: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr ${NS}><w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>${run(text)}</w:p></w:hdr>`;
}
function footerXml(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${NS}><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr>${run('Page ')}${field('PAGE')}${run(' of ')}${field('NUMPAGES')}</w:p></w:ftr>`;
}

/**
 * The .docx of a paper, named "<paper>.docx": each part a text blob (Utilities.newBlob encodes it
 * as UTF-8), the charts' PNGs from the Charts service, zipped by Utilities.zip (whose entries keep
 * the blobs' names, folders included).
 */
export function paperDocxBlob(paper: Paper): GoogleAppsScript.Base.Blob {
  runFont = xmlEscape(paper.font || 'Arial');
  const images: Image[] = [];
  let body = paper.blocks.map(b => blockXml(b, images)).join('');
  // A body must end in a paragraph; after a closing table it is made tiny, so a table that
  // fills the last page does not push an empty paragraph onto a blank page of its own.
  if (body.endsWith('<w:p/>'))
    body = `${body.slice(0, -'<w:p/>'.length)}<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>`;
  const running = paper.running ?? '';
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>${images
    .map(
      i =>
        `<Relationship Id="${i.rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/${i.file}"/>`,
    )
    .join('')}</Relationships>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>`;
  const root = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
  const xml = (name: string, text: string) => Utilities.newBlob(text, 'application/xml', name);
  return Utilities.zip(
    [
      xml('[Content_Types].xml', types),
      xml('_rels/.rels', root),
      xml('word/document.xml', doc),
      xml('word/styles.xml', styles(paper.font || 'Arial')),
      xml('word/header1.xml', headerXml(running)),
      xml('word/footer1.xml', footerXml()),
      xml('word/_rels/document.xml.rels', rels),
      ...images.map(i => i.png.setName(`word/media/${i.file}`)),
    ],
    `${paper.name}.docx`,
  ).setContentType(DOCX_MIME);
}

interface Image {
  readonly rid: string;
  readonly file: string;
  readonly png: GoogleAppsScript.Base.Blob;
}

function blockXml(b: Block, images: Image[]): string {
  switch (b.kind) {
    case 'title':
      return para(b.text, {style: 'Title'});
    case 'subtitle':
      return para(b.text, {style: 'Subtitle'});
    case 'heading':
      return para(b.text, {style: `Heading${b.level}`});
    case 'paragraph':
      return para(b.text, {bold: b.bold, italic: b.italic});
    case 'table':
      return tableXml(b.rows, !!b.header, b.emphasis ?? [], b.widths);
    case 'chart': {
      const n = images.length + 1;
      images.push({rid: `rIdImg${n}`, file: `chart${n}.png`, png: chartImage(b)});
      // The title is drawn in the chart (and is its alternative text), so no heading repeats it.
      return imageXml(`rIdImg${n}`, n, b.title) + para(b.caption, {italic: true});
    }
    case 'pageBreak':
      return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
  }
}
