#!/usr/bin/env node
// `clerk`: the offline Workspace emulator's command line (see README). Built by `npm run build`.
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'build', 'clerk.cjs');
if (!fs.existsSync(built)) {
  console.error('clerk: not built yet. Run `npm run build` (or `npm ci`, which builds) first.');
  process.exit(1);
}
// Apps Script runs the script in the manifest's time zone: so does the emulator.
for (const file of [
  path.join(__dirname, '..', 'dist', 'appsscript.json'),
  path.join(__dirname, '..', 'appsscript.json'),
]) {
  try {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (manifest.timeZone) process.env.TZ = manifest.timeZone;
    break;
  } catch {
    /* try the next */
  }
}

/**
 * Loads the 2.7 MB bundle with a V8 code cache (emulator/code-cache.cjs) in
 * node_modules/.cache/clerk/, or the folder CLERK_CODE_CACHE names ("off": none): compiling
 * the bundle, and each function as first called, cost a `clerk edit` about 0.1 CPU-s. One
 * cache per command (each compiles other functions), written after a run that found none.
 */
function loadBundle(file, command) {
  const vm = require('node:vm');
  const Module = require('node:module');
  const cacheDir =
    process.env.CLERK_CODE_CACHE || path.join(__dirname, '..', 'node_modules', '.cache', 'clerk');
  // The emulator keeps the script's (dist/Code.js) there too (emulator/runtime.ts).
  process.env.CLERK_CODE_CACHE = cacheDir;
  const kind = /^[a-z]+$/.test(command ?? '') ? command : 'other';
  const cache =
    cacheDir === 'off'
      ? null
      : require('../emulator/code-cache.cjs').codeCache(cacheDir, `clerk-${kind}`, file);
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), {
    filename: file,
    cachedData: cache?.cachedData,
  });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  const req = Module.createRequire(file);
  script.runInThisContext().call(mod.exports, mod.exports, req, mod, file, path.dirname(file));
  mod.loaded = true;
  return {exports: mod.exports, keep: () => cache?.keep(script)};
}

const bundle = loadBundle(built, process.argv[2]);
// Exit once stdout is drained, so `clerk get … | head` and redirections get every line.
bundle.exports.main(process.argv.slice(2)).then(
  code => {
    if (code === 0) bundle.keep();
    process.stdout.write('', () => process.exit(code));
  },
  e => {
    console.error(`clerk: ${e && e.message ? e.message : e}`);
    process.exit(1);
  },
);
