/**
 * Files other programs compute: the saved demo workbook (Dashboard included) opened in headless
 * LibreOffice with every cached result removed, so LibreOffice computes each formula itself.
 * Every tab: no error cell, and each formula's value is the emulator's. The file opens on a
 * real tab, with no stray Sheet1.
 */
import {createHash} from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {strFromU8, strToU8, unzipSync, zipSync} from 'fflate';
import {DetailedCellError} from 'hyperformula';
import {findSoffice, runSoffice} from '../../emulator/drive/soffice';
import {openOnFirstTab} from '../../emulator/cli';
import {BufferIo} from '../../emulator/services/io';
import {openWorkbook, type Clerk} from '../driver';
import {testWith} from '../tools';

const unescapeXml = (t: string) =>
  t
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The values LibreOffice computed, read from its .xlsx as stored (exceljs drops an empty text
 * result): tab name → cell address → number, text, boolean, or {error}.
 */
function readValues(file: string): Map<string, Map<string, unknown>> {
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  const text = (n: string) => (parts[n] ? strFromU8(parts[n]) : '');
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map(m =>
    unescapeXml([...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map(t => t[1]).join('')),
  );
  const rels = new Map(
    [...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship ([^>]*)\/>/g)].map(m => [
      /Id="([^"]+)"/.exec(m[1])![1],
      /Target="([^"]+)"/.exec(m[1])![1],
    ]),
  );
  const out = new Map<string, Map<string, unknown>>();
  for (const m of text('xl/workbook.xml').matchAll(/<sheet ([^>]*)\/>/g)) {
    const name = unescapeXml(/name="([^"]*)"/.exec(m[1])![1]);
    const target = rels.get(/r:id="([^"]+)"/.exec(m[1])![1])!.replace(/^\/?(xl\/)?/, '');
    const cells = new Map<string, unknown>();
    for (const c of text(`xl/${target}`).matchAll(
      /<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g,
    )) {
      const t = /t="(\w+)"/.exec(c[2])?.[1] ?? 'n';
      const v = /<v>([^<]*)<\/v>/.exec(c[3] ?? '')?.[1];
      const isFormula = (c[3] ?? '').includes('<f');
      if (v === undefined && !isFormula) continue;
      const raw = unescapeXml(v ?? '');
      cells.set(
        c[1],
        t === 's'
          ? shared[Number(raw)]
          : t === 'str' || t === 'inlineStr'
            ? raw
            : t === 'b'
              ? raw === '1'
              : t === 'e'
                ? {error: raw}
                : raw === ''
                  ? ''
                  : Number(raw),
      );
    }
    out.set(name, cells);
  }
  return out;
}

/**
 * LibreOffice's recalculated copy of `parts` (saved as `out`). What it computes depends only on
 * the file's parts, the LibreOffice installed and the day (TODAY()), so its result is kept in
 * node_modules/.cache/libreoffice-recalc/ under a hash of those: a run whose saved demo is
 * byte for byte the last one's reuses the file LibreOffice wrote then (about 10 CPU-seconds
 * saved), and any change to the workbook, to LibreOffice or to the date makes it compute again.
 * docProps/ (the save's own time stamp) is left out of the hash; the emulator's values are
 * compared with LibreOffice's every run.
 */
function recalculated(parts: Record<string, Uint8Array>, dir: string, today: string): string {
  const soffice = realpathSync(findSoffice()!);
  const bin = [path.join(path.dirname(soffice), 'soffice.bin'), soffice].find(f => existsSync(f))!;
  const {size, mtimeMs} = statSync(bin);
  const hash = createHash('sha256').update(`${bin}\0${size}\0${mtimeMs}\0${today}\0`);
  for (const name of Object.keys(parts).sort())
    if (!name.startsWith('docProps/')) hash.update(`${name}\0`).update(parts[name]);
  const cache = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'libreoffice-recalc');
  const kept = path.join(cache, `${hash.digest('hex').slice(0, 16)}.xlsx`);
  const out = path.join(dir, 'lo', 'bare.xlsx');
  mkdirSync(path.dirname(out), {recursive: true});
  try {
    copyFileSync(kept, out);
    return out;
  } catch {
    // Not kept (or removed meanwhile by a run for other inputs): LibreOffice computes it.
  }
  const bare = path.join(dir, 'bare.xlsx');
  // Stored, not deflated: LibreOffice reads either, and deflating 26 sheets cost 0.3-0.5 CPU-s.
  writeFileSync(bare, zipSync(parts, {level: 0}));
  const r = runSoffice(
    ['--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.dirname(out), bare],
    [out],
    dir,
  );
  expect(r.status).toBe(0);
  // Only the latest is kept; each put in place whole, so a run reading it meanwhile never
  // finds half a file.
  mkdirSync(cache, {recursive: true});
  for (const old of readdirSync(cache)) rmSync(path.join(cache, old), {force: true});
  const tmp = `${kept}.${process.pid}.tmp`;
  copyFileSync(out, tmp);
  renameSync(tmp, kept);
  return out;
}

function address(r: number, c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

describe('the saved demo in LibreOffice', () => {
  let dir: string;
  let book: string;
  let demo: Clerk;

  // Today's date, not the demo's: LibreOffice computes TODAY() from the machine's clock.
  const today = new Date().toLocaleDateString('en-CA');
  beforeAll(async () => {
    demo = await openWorkbook({demo: true, today});
    openOnFirstTab(demo.ws, new BufferIo()); // the last step of `clerk new`
    demo.run('refreshDashboard');
    book = await demo.save();
    dir = path.dirname(book);
  });

  test('future functions carry _xlfn.; it opens on its first tab, with no stray Sheet1', () => {
    const parts = unzipSync(new Uint8Array(readFileSync(book)));
    const sheetsXml = Object.keys(parts)
      .filter(n => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
      .map(n => strFromU8(parts[n]))
      .join('');
    const minifs = sheetsXml.match(/<f>[^<]*MINIFS\(/g) ?? [];
    expect(minifs.length).toBeGreaterThan(0);
    expect(minifs.filter(f => !f.includes('_xlfn.MINIFS('))).toEqual([]);
    const workbook = strFromU8(parts['xl/workbook.xml']);
    const tabs = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map(m => m[1]);
    expect(tabs).not.toContain('Sheet1');
    const active = Number(/activeTab="(\d+)"/.exec(workbook)?.[1] ?? 0);
    expect(['Settings', 'Dashboard']).toContain(tabs[active]);
  });

  testWith('soffice')(
    'every tab recalculated by LibreOffice: no error cell, each formula as the emulator computes it',
    async () => {
      // Strip every cached result, array formulas' too, so LibreOffice must compute each
      // formula itself.
      const parts = unzipSync(new Uint8Array(readFileSync(book)));
      let stripped = 0;
      for (const name of Object.keys(parts)) {
        if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
          parts[name] = strToU8(
            strFromU8(parts[name]).replace(/(<f(?: [^>]*)?>[^<]*<\/f>)<v>[^<]*<\/v>/g, f => {
              stripped++;
              return f.slice(0, f.lastIndexOf('<v>'));
            }),
          );
      }
      expect(stripped).toBeGreaterThan(150);
      const lo = readValues(recalculated(parts, dir, today));

      // The live model the file was saved from: a formula the file lost is a mismatch too.
      const model = demo.model;
      const problems: string[] = [];
      let compared = 0;
      for (const sheet of model.sheets) {
        const theirs = lo.get(sheet.name);
        if (!theirs) {
          problems.push(`${sheet.name}: missing in LibreOffice's file`);
          continue;
        }
        for (const [a1, v] of theirs)
          if (v && typeof v === 'object')
            problems.push(`${sheet.name}!${a1}: ${(v as {error: string}).error} in LibreOffice`);
        const ours = model.hf.getSheetValues(sheet.hfId);
        const formulas = model.hf.getSheetSerialized(sheet.hfId);
        formulas.forEach((line, r) =>
          line.forEach((f, c) => {
            if (typeof f !== 'string' || !f.startsWith('=')) return;
            const mine = ours[r]?.[c];
            const where = `${sheet.name}!${address(r, c)}`;
            const got = theirs.get(address(r, c));
            compared++;
            if (mine instanceof DetailedCellError) {
              problems.push(`${where}: the emulator has ${mine.value}`);
            } else if (typeof mine === 'number') {
              const close =
                typeof got === 'number' &&
                Math.abs(got - mine) <= 1e-6 * Math.max(1, Math.abs(mine));
              if (!close) problems.push(`${where}: emulator ${mine}, LibreOffice ${String(got)}`);
            } else if (String(mine ?? '') !== String(got ?? '')) {
              problems.push(
                `${where}: emulator ${JSON.stringify(mine)}, LibreOffice ${JSON.stringify(got)}`,
              );
            }
          }),
        );
      }
      expect(compared).toBeGreaterThan(150);
      expect(problems).toEqual([]);
    },
  );
});
