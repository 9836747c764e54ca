// Makes the README's tab and settings tables again from src/workbook/schema.ts (between the
// <!-- columns: Tab --> and <!-- settings --> markers); the prose around them is left alone.
// Usage: node scripts/readme-tabs.mjs [--check]   (--check: exit 1 when the README differs)
import {readFileSync, writeFileSync, mkdtempSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(mkdtempSync(path.join(tmpdir(), 'readme-tabs-')), 'render.cjs');
await build({
  entryPoints: [path.join(root, 'scripts', 'readme-tabs-render.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'warning',
});
const {renderReadme, tabsWithoutTable} = createRequire(import.meta.url)(bundle);
const file = path.join(root, 'README.md');
const before = readFileSync(file, 'utf8');
const after = renderReadme(before);
const missing = tabsWithoutTable(after);
if (missing.length)
  console.error(
    `readme-tabs: no table yet for ${missing.join(', ')} (add <!-- columns: Tab --><!-- /columns --> under its heading)`,
  );
if (process.argv.includes('--check')) {
  if (after !== before || missing.length) {
    console.error(
      'readme-tabs: README.md differs from the schema; run node scripts/readme-tabs.mjs',
    );
    process.exit(1);
  }
} else if (after !== before) {
  writeFileSync(file, after);
  console.log('readme-tabs: README.md tables made again from the schema');
} else console.log('readme-tabs: README.md already matches the schema');
