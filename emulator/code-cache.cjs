// V8 code caches for the scripts a `clerk` command compiles (its own bundle, dist/Code.js):
// plain CommonJS, so that bin/clerk.cjs can use it before the bundle is loaded, and the bundle
// (emulator/runtime.ts) the same code.
const fs = require('node:fs');
const path = require('node:path');

/**
 * The cache of `file` in the folder `dir`, under `name`: its file name also holds the file's
 * size, time and inode, so a changed file is never run with an old cache (V8 itself checks only
 * the source's length, and its own version and flags). `cachedData` for vm.Script; `keep`
 * writes the script's cache when there was none or V8 rejected it, replacing `name`'s others.
 * A cache is only ever a saving: any failure to read or write one is ignored.
 *
 * @param {string} dir
 * @param {string} name
 * @param {string} file
 * @returns {{cachedData: Buffer | undefined, keep(script: import('node:vm').Script): void}}
 */
function codeCache(dir, name, file) {
  const st = fs.statSync(file);
  const cacheFile = path.join(dir, `${name}-${st.size}-${st.mtimeMs}-${st.ino}.v8`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // none yet
  }
  return {
    cachedData,
    keep(script) {
      if (cachedData && !script.cachedDataRejected) return;
      try {
        fs.mkdirSync(dir, {recursive: true});
        for (const f of fs.readdirSync(dir))
          if (f.startsWith(`${name}-`) && f.endsWith('.v8'))
            fs.rmSync(path.join(dir, f), {force: true});
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // A folder that cannot be written: no cache.
      }
    },
  };
}

module.exports = {codeCache};
