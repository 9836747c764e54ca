// The README's pictures, made from the current demo: docs/dashboard.png (the Dashboard of the
// demo group after Committee > Refresh dashboard, drawn by LibreOffice with its charts) and
// docs/papers/*.png (every demo paper, through scripts/render-papers.mjs).
// Needs LibreOffice and poppler-utils (README, "Set-up for PDF export and pictures").
// Usage: node scripts/readme-pictures.mjs [--dashboard-only]
process.env.TZ = 'Europe/London'; // as the emulator runs (bin/clerk.cjs): before any date is made

const {spawnSync} = await import('node:child_process');
const {mkdtempSync, mkdirSync, copyFileSync} = await import('node:fs');
const {tmpdir} = await import('node:os');
const path = (await import('node:path')).default;
const {createRequire} = await import('node:module');
const {fileURLToPath} = await import('node:url');
const {build} = await import('esbuild');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TODAY = '2026-11-23'; // the day the demo group's dates are written for

function run(cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    console.error(`readme-pictures: ${cmd} ${args.join(' ')} failed (${r.status})\n${r.stdout}`);
    process.exit(1);
  }
  return r.stdout;
}
for (const [cmd, pkg] of [
  ['soffice', 'libreoffice-calc libreoffice-writer'],
  ['pdftoppm', 'poppler-utils'],
]) {
  if (spawnSync('sh', ['-c', `command -v ${cmd}`]).status !== 0) {
    console.error(`readme-pictures: ${cmd} is not installed. Run: sudo apt-get install -y ${pkg}`);
    process.exit(1);
  }
}

run(process.execPath, ['scripts/build.mjs']);
// The emulator's Dashboard printing, bundled for Node from its TypeScript.
const bundle = path.join(root, 'build', 'readme-pictures.cjs');
await build({
  stdin: {
    contents: `export {writePrintXlsx, renderXlsxToPng} from './scripts/print-dashboard';
export {loadXlsx} from './emulator/sheets';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  outfile: bundle,
  logLevel: 'warning',
});
const {writePrintXlsx, renderXlsxToPng, loadXlsx} = createRequire(import.meta.url)(bundle);

const dir = mkdtempSync(path.join(tmpdir(), 'readme-pictures-'));
const book = path.join(dir, 'demo.xlsx');
const clerk = (...a) => run(process.execPath, ['bin/clerk.cjs', ...a, '--today', TODAY]);
clerk('new', book, '--demo');
clerk('run', book, 'refreshDashboard');
const print = path.join(dir, 'dashboard-print.xlsx');
await writePrintXlsx(await loadXlsx(book), print);
const png = renderXlsxToPng(print, path.join(dir, 'dashboard.png'), 90);
mkdirSync(path.join(root, 'docs'), {recursive: true});
copyFileSync(png, path.join(root, 'docs', 'dashboard.png'));
console.log('readme-pictures: docs/dashboard.png');

if (!process.argv.includes('--dashboard-only')) {
  const r = spawnSync(process.execPath, ['scripts/render-papers.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
