/**
 * A long committee paper built through the DocumentApp API, for benchmarks (scripts/bench.ts):
 * headings, formatted paragraphs, lists and one large table. Fictional content.
 */
import type {EmulatedDocumentApp} from '../emulator/docs/document-app';

const WORDS =
  'the committee noted the report on commissioning intentions for older people and agreed that officers would bring options for the supported living framework to a future meeting with costs and risks set out'.split(
    ' ',
  );

function sentence(i: number, n: number): string {
  const out: string[] = [];
  for (let k = 0; k < n; k++) out.push(WORDS[(i * 7 + k * 3) % WORDS.length]);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

/** Builds a paper of roughly `pages` pages (about 450 words each) with a `rows`-row table; returns the document. */
export function generateLongPaper(DocumentApp: EmulatedDocumentApp, pages = 40, rows = 200) {
  const doc = DocumentApp.create('Annual report (benchmark)');
  const body = doc.getBody();
  body
    .getChild(0)
    .asParagraph()
    .setText('Adults Committee: annual report')
    .setHeading(DocumentApp.ParagraphHeading.TITLE);
  doc.addHeader().getChild(0).asParagraph().setText('OFFICIAL');
  doc.addFooter().getChild(0).asParagraph().setText('Adults Committee annual report');
  for (let p = 0; p < pages; p++) {
    body
      .appendParagraph(`Section ${p + 1}: forward plan and decisions`)
      .setHeading(DocumentApp.ParagraphHeading.HEADING1);
    for (let k = 0; k < 4; k++) {
      const para = body.appendParagraph(
        Array.from({length: 5}, (_, s) => sentence(p * 31 + k * 5 + s, 18)).join(' '),
      );
      para.editAsText().setBold(0, 10, true);
    }
    body.appendListItem(`Decision ${p + 1}.1: approved`);
    body.appendListItem(`Decision ${p + 1}.2: deferred`).setNestingLevel(1);
    if (p === Math.floor(pages / 2)) {
      const cells = [['Ref', 'Provider', 'Lot', 'Annual value', 'End date']];
      for (let r = 0; r < rows; r++)
        cells.push([
          `C${1000 + r}`,
          `Provider ${r + 1} Ltd`,
          `Lot ${(r % 4) + 1}`,
          `£${(12000 + r * 750).toLocaleString('en-GB')}`,
          `2028-0${(r % 9) + 1}-15`,
        ]);
      const t = body.appendTable(cells);
      t.getRow(0).editAsText().setBold(true);
    }
    if (p < pages - 1) body.appendPageBreak();
  }
  return doc;
}
