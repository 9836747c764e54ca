// `npm run check:bundle`: our own bundle check, then the shared one (../shared/checks) when it
// is beside the repository (as in CI). Either failing fails the build.
import {existsSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = script =>
  spawnSync(process.execPath, [script, 'dist/Code.js'], {cwd: root, stdio: 'inherit'}).status ?? 1;
let status = run(path.join(root, 'scripts', 'gas-bundle-check.mjs'));
const shared = path.join(root, '..', 'shared', 'checks', 'gas-bundle-check.mjs');
if (existsSync(shared)) status ||= run(shared);
process.exit(status);
