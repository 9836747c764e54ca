// Renders every demo paper to PNG so a person can check the layout (issue 6, "Look at them"):
// a demo workbook through `clerk`, each paper command as an officer runs it from the menu, then
// each .docx -> PDF (LibreOffice headless) -> first page PNG (pdftoppm) into docs/papers/.
// Needs: npm run build; apt-get install -y libreoffice-writer-nogui poppler-utils.
// Usage: node scripts/render-papers.mjs [--all-pages] [--out DIR]
import {spawnSync} from 'node:child_process';
import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  statSync,
  copyFileSync,
  rmSync,
  existsSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const allPages = args.includes('--all-pages');
const outDir = path.resolve(
  args.includes('--out') ? args[args.indexOf('--out') + 1] : path.join(root, 'docs', 'papers'),
);
const TODAY = '2026-11-23';

function need(cmd) {
  if (spawnSync('which', [cmd]).status !== 0) {
    console.error(
      `render-papers: "${cmd}" is not installed. Run: apt-get update && apt-get install -y libreoffice-writer-nogui poppler-utils`,
    );
    process.exit(1);
  }
}
need('soffice');
need('pdftoppm');

function clerk(...a) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'bin', 'clerk.cjs'), ...a, '--today', TODAY],
    {cwd: root, encoding: 'utf8'},
  );
  if (r.status !== 0) throw new Error(`clerk ${a.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const work = mkdtempSync(path.join(tmpdir(), 'render-papers-'));
const book = path.join(work, 'demo.xlsx');
clerk('new', book, '--demo');
// Rows of the demo group (src/workbook/demo): the December 2026 meeting, the September one,
// and the homecare recommissioning item. The September minutes come first: December's pack
// carries them as the minutes of the previous meeting.
clerk('run', book, 'generateMinutesDraft', '--select', 'Meetings!A4');
clerk('run', book, 'generateAgendaPack', '--select', 'Meetings!A6');
clerk('run', book, 'generateActionLog', '--select', 'Meetings!A6');
clerk('run', book, 'generateReportCover', '--select', 'Agenda!D5');
clerk('run', book, 'generateForwardPlan');
clerk('run', book, 'generateAnnualReport', '--answer', '2026');

const docs = [];
const packs = [];
const walk = d => {
  for (const f of readdirSync(d)) {
    const p = path.join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.docx')) docs.push(p);
    else if (f.endsWith('.pdf') && f.includes('Agenda reports pack')) packs.push(p);
  }
};
walk(path.join(work, 'demo.workspace', 'drive'));

const slug = name =>
  name
    .replace(/\.docx$/, '')
    .replace(/^.*? – /, '')
    .replace(/[–()]/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

mkdirSync(outDir, {recursive: true});
const pdfDir = path.join(work, 'pdf');
mkdirSync(pdfDir);
const profile = `file://${path.join(work, 'lo-profile')}`;
const made = [];
// Every paper in one LibreOffice start (each start takes seconds).
const sources = docs.map(docx => {
  const base = slug(path.basename(docx));
  const src = path.join(pdfDir, `${base}.docx`);
  copyFileSync(docx, src);
  return {docx, base, src};
});
const lo = spawnSync(
  'soffice',
  [
    `-env:UserInstallation=${profile}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'pdf',
    '--outdir',
    pdfDir,
    ...sources.map(x => x.src),
  ],
  {encoding: 'utf8', timeout: 600000},
);
const toPng = (pdf, base, pages) => {
  const png = spawnSync(
    'pdftoppm',
    [
      '-png',
      '-r',
      '60',
      ...(allPages
        ? []
        : pages.length === 1
          ? ['-f', pages[0], '-l', pages[0], '-singlefile']
          : ['-f', pages[0], '-l', pages[1]]),
      pdf,
      path.join(outDir, base),
    ],
    {encoding: 'utf8'},
  );
  if (png.status !== 0) throw new Error(`pdftoppm failed for ${base}: ${png.stderr}`);
};
for (const {docx, base} of sources) {
  const pdf = path.join(pdfDir, `${base}.pdf`);
  if (!existsSync(pdf))
    throw new Error(
      `LibreOffice did not convert ${path.basename(docx)}: ${lo.stderr || lo.stdout}`,
    );
  toPng(pdf, base, ['1']);
  made.push(`${base}.png`);
}
// The agenda reports packs: front sheet and contents (pdftoppm numbers the pages -1, -2).
for (const pdf of packs) {
  const base = slug(path.basename(pdf).replace(/\.pdf$/, ''));
  toPng(pdf, base, ['1', '2']);
  made.push(`${base}-1.png`, `${base}-2.png`);
}
rmSync(work, {recursive: true, force: true});
console.log(
  `render-papers: ${made.length} papers -> ${path.relative(root, outDir)}/\n  ${made.sort().join('\n  ')}`,
);
