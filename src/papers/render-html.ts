/**
 * A paper as HTML, for Google's import into a Google Doc (Drive API v3 files.create/update with
 * an HTML upload and mimeType application/vnd.google-apps.document: "Import to Google Docs
 * types", developers.google.com/workspace/drive/api/guides/manage-uploads). One upload makes
 * the whole formatted Doc, whatever its length: the cheapest way to build a paper.
 */
import { Block, Paper } from './model';
import { chartPng } from './chart';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CELL = 'border:1px solid #999;padding:3pt 5pt;vertical-align:top';

function blockHtml(b: Block, base64: (bytes: number[]) => string): string {
  switch (b.kind) {
    case 'title':
      return `<p class="title" style="font-size:22pt;margin:0 0 6pt 0"><b>${escapeHtml(b.text)}</b></p>`;
    case 'subtitle':
      return `<p class="subtitle" style="font-size:14pt;color:#555">${escapeHtml(b.text)}</p>`;
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph': {
      let t = escapeHtml(b.text);
      if (b.bold) t = `<b>${t}</b>`;
      if (b.italic) t = `<i>${t}</i>`;
      return `<p>${t}</p>`;
    }
    case 'table': {
      const rows = b.rows
        .map((r, k) => {
          const tag = b.header && k === 0 ? 'th' : 'td';
          return `<tr>${r.map((c) => `<${tag} style="${CELL}${tag === 'th' ? ';background:#e8e8e8;text-align:left' : ''}">${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
        })
        .join('');
      return `<table style="border-collapse:collapse;width:100%">${rows}</table>`;
    }
    case 'chart':
      return `<p><b>${escapeHtml(b.title)}</b></p><p><img alt="${escapeHtml(b.title)}" src="data:image/png;base64,${base64(chartPng(b.labels, b.values))}" width="480" height="240"></p><p><i>${escapeHtml(b.caption)}</i></p>`;
    case 'pageBreak':
      return '<p style="page-break-before:always"></p>';
  }
}

export function paperHtml(paper: Paper, base64: (bytes: number[]) => string): string {
  return `<html><head><meta charset="utf-8"><title>${escapeHtml(paper.name)}</title></head><body style="font-family:Arial;font-size:11pt">${paper.blocks.map((b) => blockHtml(b, base64)).join('\n')}</body></html>`;
}
