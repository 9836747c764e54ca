'use strict';
/**
 * The emulator for plain Node, with no TypeScript set-up: `require('gas-workspace-emulator/node.cjs')`
 * gives what index.ts exports. The first call (and the first after a .ts file here changes)
 * bundles index.ts with esbuild into build/index.cjs beside this file, which takes a second or
 * two; later calls load that file. Packages stay in node_modules.
 */
const fs = require('node:fs');
const path = require('node:path');

const out = path.join(__dirname, 'build', 'index.cjs');

function newestSource(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, {withFileTypes: true})) {
    if (e.name === 'node_modules' || e.name === 'build' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newestSource(p));
    else if (e.name.endsWith('.ts')) t = Math.max(t, fs.statSync(p).mtimeMs);
  }
  return t;
}

if (!fs.existsSync(out) || fs.statSync(out).mtimeMs < newestSource(__dirname)) {
  let esbuild;
  try {
    esbuild = require('esbuild');
  } catch {
    throw new Error(
      'gas-workspace-emulator: loading it from JavaScript needs esbuild (npm install --save-dev esbuild), which compiles its TypeScript once',
    );
  }
  fs.mkdirSync(path.dirname(out), {recursive: true});
  // Written beside, then renamed: two processes starting at once never read half a file.
  const tmp = `${out}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'index.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
  });
  fs.renameSync(tmp, out);
}

module.exports = require(out);
