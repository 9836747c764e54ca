// Runs the shared Apps Script bundle check (../shared/checks) when present, and our own copy
// of the same rules otherwise, so a clean clone without shared/ still checks the bundle.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.join(root, '..', 'shared', 'checks', 'gas-bundle-check.mjs');
const own = path.join(root, 'scripts', 'gas-bundle-rules.mjs');
const bundle = process.argv[2] ?? 'dist/Code.js';
const script = existsSync(shared) ? shared : own;
const r = spawnSync(process.execPath, [script, bundle], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
