/**
 * Jest's TypeScript transform: esbuild (already the build's compiler) strips the types of each
 * file, as ts-jest did with isolatedModules, at a fraction of the CPU: a clean clone (CI) has no
 * transform cache. `npm run typecheck` does the type checking.
 */
const crypto = require('node:crypto');
const {transformSync, version} = require('esbuild');

// import() becomes require(), as ts-jest made it: jest runs CommonJS, and a real dynamic import
// would need --experimental-vm-modules.
const options = {
  loader: 'ts',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  supported: {'dynamic-import': false},
};

module.exports = {
  process(source, filename) {
    return {code: transformSync(source, {...options, sourcefile: filename}).code};
  },
  getCacheKey(source, filename) {
    return crypto
      .createHash('sha1')
      .update(`${version}\0${JSON.stringify(options)}\0${filename}\0${source}`)
      .digest('hex');
  },
};
