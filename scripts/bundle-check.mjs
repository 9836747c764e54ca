// `npm run check:bundle`: our own bundle check, and the shared one (../shared/checks) when it
// is beside the repository (as in CI), side by side (each is one core's work). Either failing
// fails the build; each one's output is printed whole when it ends.
import {existsSync} from 'node:fs';
import {spawn} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = script =>
  new Promise(resolve => {
    const child = spawn(process.execPath, [script, 'dist/Code.js'], {cwd: root});
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    child.on('close', code => {
      process.stdout.write(output);
      resolve(code ?? 1);
    });
  });
const checks = [path.join(root, 'scripts', 'gas-bundle-check.mjs')];
const shared = path.join(root, '..', 'shared', 'checks', 'gas-bundle-check.mjs');
if (existsSync(shared)) checks.push(shared);
const statuses = await Promise.all(checks.map(run));
process.exit(statuses.find(s => s !== 0) ?? 0);
