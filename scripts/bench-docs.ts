/**
 * Timings of the Docs/Drive emulator for `npm run bench` (scripts/bench.ts may call benchDocs()).
 * Not used by tests: budgets are reported, not asserted. Budget (issue 3): a 40-page document
 * with a 200-row table generated and saved as .docx in under 2 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {newContext} from '../emulator/context';
import {DriveStore} from '../emulator/drive/store';
import {createDocumentApp} from '../emulator/docs/document-app';
import {readDocx} from '../emulator/docs/docx-read';
import {generateLongPaper} from './sample-paper';

function ms(t0: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - t0) / 1e4) / 100;
}

export async function benchDocs(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-docs-'));
  try {
    const ctx = newContext({scopes: ['https://www.googleapis.com/auth/documents']});
    const drive = DriveStore.load(dir, null);
    const DocumentApp = createDocumentApp(ctx, drive);
    let t = process.hrtime.bigint();
    const doc = generateLongPaper(DocumentApp, 40, 200);
    out['docs.build40Pages200RowsMs'] = ms(t);
    t = process.hrtime.bigint();
    await drive.flush();
    out['docs.saveDocxMs'] = ms(t);
    out['docs.build+saveMs'] =
      Math.round((out['docs.build40Pages200RowsMs'] + out['docs.saveDocxMs']) * 100) / 100;
    const file = path.join(drive.driveDir, `${doc.getName()}.docx`);
    out['docs.docxBytes'] = fs.statSync(file).size;
    t = process.hrtime.bigint();
    readDocx(new Uint8Array(fs.readFileSync(file)));
    out['docs.readDocxMs'] = ms(t);
    out['docs.serviceCalls'] = ctx.stats.total;
    out['docs.modelledAppsScriptMs'] = Math.round(ctx.stats.modelledMs());
    return out;
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}
