/** PDFs for the papers tests: made with pdf-lib, read back with poppler's pdftotext. */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {PDFDocument, StandardFonts} from 'pdf-lib';
import {runToEnd} from '../../src/papers/sync-run';

/** A PDF of `pages` pages, each saying its name and page. */
export function samplePdf(name: string, pages: number): Uint8Array {
  const doc = runToEnd(() => PDFDocument.create());
  const font = runToEnd(() => doc.embedFont(StandardFonts.Helvetica));
  for (let k = 1; k <= pages; k++)
    doc.addPage([595, 842]).drawText(`${name} page ${k}`, {x: 72, y: 700, size: 14, font});
  return runToEnd(() => doc.save());
}

/** The text of each page of a PDF. */
export function pdfPages(bytes: Uint8Array): string[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pack-')), 'pack.pdf');
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], {encoding: 'utf8'});
  return text.split('\f').slice(0, -1);
}
