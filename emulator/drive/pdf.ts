/**
 * PDF conversion through LibreOffice headless (`soffice --headless --convert-to pdf`), run
 * synchronously so getAs('application/pdf') works inside a synchronous script. Without
 * LibreOffice the call fails with an error naming the package to install.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {Blob, extensionFor, setBlobConverter} from './blob';
import {findSoffice, runSoffice} from './soffice';

export {findSoffice};

export const MISSING_LIBREOFFICE =
  'PDF export needs LibreOffice, which is not installed. Install the Debian package libreoffice-writer (apt-get install -y libreoffice-writer-nogui) or LibreOffice for your system, then run again.';

/** Converts a document (bytes with the given extension: docx, html, txt...) to PDF bytes. */
export function convertToPdf(bytes: Uint8Array, ext: string): Uint8Array {
  return convertWithLibreOffice(bytes, ext, 'pdf');
}

interface PendingPdf {
  readonly bytes: Uint8Array;
  readonly ext: string;
  out?: Uint8Array;
  error?: Error;
}
const pending: PendingPdf[] = [];

/**
 * A PDF conversion made when its bytes are first read, together with every other conversion
 * asked for by then: one LibreOffice start (seconds) for a whole pack of papers instead of one
 * per paper. A script sees the same bytes; only a conversion failure surfaces at the first read
 * rather than at getAs. A missing LibreOffice still fails at once.
 */
export function convertToPdfLater(bytes: Uint8Array, ext: string): () => Uint8Array {
  // Without LibreOffice the conversion fails where Apps Script's would: at getAs, not later.
  if (!findSoffice()) {
    const out = convertToPdf(bytes, ext);
    return () => out;
  }
  const job: PendingPdf = {bytes, ext};
  pending.push(job);
  return () => {
    if (!job.out && !job.error) convertPending();
    if (job.error) throw job.error;
    return job.out!;
  };
}

function convertPending(): void {
  const jobs = pending.splice(0);
  if (jobs.length === 1) {
    try {
      jobs[0].out = convertToPdf(jobs[0].bytes, jobs[0].ext);
    } catch (e) {
      jobs[0].error = e as Error;
    }
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clerk-pdf-'));
  try {
    const inputs = jobs.map((j, k) => {
      const input = path.join(dir, `document${k}.${j.ext || 'bin'}`);
      fs.writeFileSync(input, j.bytes);
      return input;
    });
    const outDir = path.join(dir, 'out');
    const outs = jobs.map((_j, k) => path.join(outDir, `document${k}.pdf`));
    const r = runSoffice(
      ['--convert-to', 'pdf', '--outdir', outDir, ...inputs],
      outs,
      dir,
      120000 + 15000 * jobs.length,
    );
    jobs.forEach((j, k) => {
      const out = outs[k];
      if (fs.existsSync(out)) j.out = new Uint8Array(fs.readFileSync(out));
      else
        j.error = new Error(
          `Exception: LibreOffice could not convert the document to PDF: ${(r.stderr || r.stdout || String(r.error ?? 'no output')).trim().slice(0, 300)}`,
        );
    });
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

/** Converts with LibreOffice headless: `target` is an extension LibreOffice can write (pdf, docx). */
export function convertWithLibreOffice(
  bytes: Uint8Array,
  ext: string,
  target: 'pdf' | 'docx',
): Uint8Array {
  const soffice = findSoffice();
  if (!soffice)
    throw new Error(
      `Exception: ${MISSING_LIBREOFFICE.replace('PDF export', target === 'pdf' ? 'PDF export' : `Converting a ${ext} file`)}`,
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clerk-pdf-'));
  try {
    const input = path.join(dir, `document.${ext || 'bin'}`);
    fs.writeFileSync(input, bytes);
    const filter = target === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf';
    const outDir = path.join(dir, 'out');
    const out = path.join(outDir, `document.${target}`);
    const r = runSoffice(['--convert-to', filter, '--outdir', outDir, input], [out], dir);
    if (r.status !== 0 || !fs.existsSync(out)) {
      throw new Error(
        `Exception: LibreOffice could not convert the document to ${target.toUpperCase()}: ${(r.stderr || r.stdout || String(r.error ?? 'no output')).trim().slice(0, 300)}`,
      );
    }
    return new Uint8Array(fs.readFileSync(out));
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

/** Blob.getAs('application/pdf') for any blob LibreOffice can open (docx, html, text). */
setBlobConverter((blob: Blob, contentType: string) => {
  if (contentType !== 'application/pdf') {
    throw new Error(
      `Exception: Converting from ${blob.getContentType()} to ${contentType} is not supported.`,
    );
  }
  const ext =
    extensionFor(blob.getContentType() ?? '') || (blob.getName() ?? '').split('.').pop() || 'txt';
  const name = (blob.getName() ?? 'document').replace(/\.[^.]+$/, '') + '.pdf';
  return Blob.deferred(convertToPdfLater(blob.rawBytes(), ext), 'application/pdf', name);
});
