// `npm run check:bundle`: our own bundle check, then the shared one (../shared/checks) when it
// is beside the repository (as in CI). Either failing fails the build.
//
// A pass is remembered (node_modules/.cache/bundle-check/) under a hash of everything the
// checks read: the bundle and its manifest, src/ (our check finds the entry points there), the
// checkers, TypeScript and Node. The same inputs are not checked again (about 4 CPU-seconds);
// any change to one of them checks afresh, and a clean clone always does.
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const checkers = [
  path.join(root, 'scripts', 'gas-bundle-check.mjs'),
  path.join(root, '..', 'shared', 'checks', 'gas-bundle-check.mjs'),
].filter((f, i) => i === 0 || existsSync(f));

const filesUnder = dir =>
  readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter(e => e.isFile())
    .map(e => path.join(e.parentPath ?? e.path, e.name))
    .sort();
const hash = createHash('sha256').update(`${process.version}\0`);
for (const f of [
  ...checkers,
  path.join(root, 'dist', 'Code.js'),
  path.join(root, 'dist', 'appsscript.json'),
  path.join(root, 'node_modules', 'typescript', 'package.json'),
  ...filesUnder(path.join(root, 'src')),
])
  hash.update(`${f}\0`).update(existsSync(f) ? readFileSync(f) : '(none)');
const cache = path.join(root, 'node_modules', '.cache', 'bundle-check');
const passed = path.join(cache, hash.digest('hex').slice(0, 16));

if (existsSync(passed)) {
  console.log('bundle check: passed before for these inputs (node_modules/.cache/bundle-check)');
  process.exit(0);
}
let status = 0;
for (const checker of checkers)
  status ||=
    spawnSync(process.execPath, [checker, 'dist/Code.js'], {cwd: root, stdio: 'inherit'}).status ??
    1;
if (status === 0) {
  rmSync(cache, {recursive: true, force: true});
  mkdirSync(cache, {recursive: true});
  writeFileSync(passed, '');
}
process.exit(status);
