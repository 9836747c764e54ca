/**
 * A paper written into a Google Doc body with DocumentApp: one call per paragraph or table
 * (appendTable(string[][]) makes a whole table in one call), styles set once per block.
 */
import { Block, Paper } from './model';
import { chartPng } from './chart';

export function appendBlocks(body: GoogleAppsScript.Document.Body, paper: Paper): void {
  for (const b of paper.blocks) appendBlock(body, b);
}

function appendBlock(body: GoogleAppsScript.Document.Body, b: Block): void {
  switch (b.kind) {
    case 'title':
      body.appendParagraph(b.text).setHeading(DocumentApp.ParagraphHeading.TITLE);
      return;
    case 'subtitle':
      body.appendParagraph(b.text).setHeading(DocumentApp.ParagraphHeading.SUBTITLE);
      return;
    case 'heading':
      body.appendParagraph(b.text).setHeading(
        b.level === 1 ? DocumentApp.ParagraphHeading.HEADING1 : b.level === 2 ? DocumentApp.ParagraphHeading.HEADING2 : DocumentApp.ParagraphHeading.HEADING3,
      );
      return;
    case 'paragraph': {
      const p = body.appendParagraph(b.text);
      if (b.bold || b.italic) {
        const style: Record<string, unknown> = {};
        if (b.bold) style[DocumentApp.Attribute.BOLD as unknown as string] = true;
        if (b.italic) style[DocumentApp.Attribute.ITALIC as unknown as string] = true;
        p.setAttributes(style);
      }
      return;
    }
    case 'table': {
      const t = body.appendTable(b.rows.map((r) => [...r]));
      if (b.header && b.rows.length) {
        const style: Record<string, unknown> = {};
        style[DocumentApp.Attribute.BOLD as unknown as string] = true;
        t.getRow(0).setAttributes(style);
      }
      return;
    }
    case 'chart': {
      body.appendParagraph(b.title).setHeading(DocumentApp.ParagraphHeading.HEADING3);
      body.appendImage(Utilities.newBlob(chartPng(b.labels, b.values), 'image/png', `${b.title}.png`));
      body.appendParagraph(b.caption);
      return;
    }
    case 'pageBreak':
      body.appendPageBreak();
      return;
  }
}
