/**
 * Jest's module runtime, compiling each module with vm.Script instead of vm.compileFunction,
 * and keeping the script for the next file of the worker, where compileFunction compiles every
 * module of every test file again. Each test file still gets its own module registry and
 * context; only the compiled code (and the source read) is shared, and HyperFormula (SHARED).
 */
const fs = require('node:fs');
const {builtinModules, createRequire} = require('node:module');
const path = require('node:path');
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

/**
 * Built-ins each module sees as locals of an outer function: reading a global of a vm
 * context is many times slower than reading a local (nodejs/node#31658, jestjs/jest#5163), and
 * the emulator's formula engine and PNG code read Math, Array and typed arrays in tight loops.
 * Only built-ins nothing replaces during a test: not Date, timers, console, process or Buffer
 * (jest's fake timers), nor Promise (src/papers/sync-run.ts swaps it to run pdf-lib in step).
 */
const BUILTINS = [
  'Math',
  'Object',
  'Array',
  'JSON',
  'String',
  'Number',
  'Boolean',
  'RegExp',
  'Error',
  'TypeError',
  'RangeError',
  'Map',
  'Set',
  'WeakMap',
  'Symbol',
  'Reflect',
  'ArrayBuffer',
  'DataView',
  'Uint8Array',
  'Uint16Array',
  'Uint32Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Float32Array',
  'Float64Array',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
];
/** Each read once from the context's global when a module loads: `Math = globalThis.Math, ...`. */
const LOCALS = BUILTINS.map(name => `${name} = globalThis.${name}`).join(', ');

/**
 * What the worker's earlier test files read and compiled, by file name. Jest reads every module
 * from disk again for each test file (its transform is already cached per worker, by mtime) and
 * hands the same code to compile, where V8's own cache still hashes the source, and loses the
 * script once a finished file's context is collected. Kept here, loading an e2e file's 405
 * modules took 0.20 CPU-s instead of 0.25. A source changed on disk (mtime or size; watch mode
 * in band) is read and compiled again.
 */
const sources = new Map();
const scripts = new Map();

function readSource(filename) {
  const stat = fs.statSync(filename);
  const hit = sources.get(filename);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.text;
  const text = fs.readFileSync(filename, 'utf8');
  sources.set(filename, {mtimeMs: stat.mtimeMs, size: stat.size, text});
  return text;
}

/**
 * Packages a worker loads once, outside the test files' contexts, and hands to each: pure
 * libraries, whose code then stays compiled and optimised from file to file. HyperFormula (with
 * chevrotain) took about 0.25 CPU-s of each file that opens a workbook: loading it, and running
 * the engine's build cold again in a new context. Its registries of function plugins (the
 * emulator's TODAY and NOW, registered by each file) and languages are as loaded again when a
 * file ends (resetShared): no file sees another's, nor keeps it alive.
 */
const SHARED = /^hyperformula(\/|$)/;

/**
 * A shared package's objects come from Node's realm, and a test file's from its own context.
 * Where the package asks whether a value it is given is an array, date, function or regular
 * expression (HyperFormula: setCellContents, a Date as cell content, destroy), a value of the
 * running test file's realm passes too: under `clerk` the emulator and HyperFormula share one
 * realm, as they then do. A value of the script's realm (runtime.ts's context) still fails the
 * check, as it does under `clerk`, so the emulator must still convert what a script hands it.
 * The other way, an error the package throws is no `instanceof Error` in a test file's realm (as
 * Node's own errors are not, under jest): the emulator reads such an error's message.
 */
let fileGlobal = null;
const bridged = Object.entries({Array, Date, Function, RegExp}).map(([name, ctor]) => [
  name,
  new Proxy(ctor, {
    get: (t, key) =>
      key === Symbol.hasInstance
        ? x => x instanceof ctor || (fileGlobal != null && x instanceof fileGlobal[name])
        : Reflect.get(t, key),
  }),
]);
const BRIDGED_CHECK = /\binstanceof (Array|Date|Function|RegExp)\b/;

const sharedModules = new Map();
/** The shared packages' registries, each with what it held once its package had loaded. */
const registries = [];

/** Node's CommonJS loading of `filename`, in Node's realm, the bridged checks where used. */
function requireShared(filename) {
  const cached = sharedModules.get(filename);
  if (cached) return cached.exports;
  const module = {exports: {}, filename, id: filename, loaded: false};
  sharedModules.set(filename, module);
  const source = fs.readFileSync(filename, 'utf8');
  if (filename.endsWith('.json')) return (module.exports = JSON.parse(source));
  const nodeRequire = createRequire(filename);
  const require = id =>
    builtinModules.includes(id.replace(/^node:/, ''))
      ? nodeRequire(id)
      : requireShared(nodeRequire.resolve(id));
  require.resolve = nodeRequire.resolve;
  const locals = BRIDGED_CHECK.test(source) ? bridged : [];
  const wrap = new vm.Script(
    `(function (${locals.map(([name]) => name).join(', ')}) { return function (exports, require, module, __filename, __dirname) {${source}\n}; })`,
    {filename},
  );
  const fn = wrap.runInThisContext()(...locals.map(([, value]) => value));
  fn.call(module.exports, module.exports, require, module, filename, path.dirname(filename));
  module.loaded = true;
  const {FunctionRegistry, HyperFormula} = module.exports;
  for (const map of [FunctionRegistry?.plugins, HyperFormula?.registeredLanguages])
    if (map instanceof Map) registries.push([map, null]);
  return module.exports;
}

/** A shared package for a test file; the registries' contents once its entry has loaded. */
function requireSharedEntry(filename) {
  const exports = requireShared(filename);
  for (const entry of registries) entry[1] ??= [...entry[0]];
  return exports;
}

function resetShared() {
  for (const [map, entries] of registries) {
    map.clear();
    for (const [key, value] of entries ?? []) map.set(key, value);
  }
}

class ScriptRuntime extends Runtime {
  requireModuleOrMock(from, moduleName) {
    if (SHARED.test(moduleName) && !this.mockState.shouldMockCjs(from, moduleName).shouldMock)
      return requireSharedEntry(this._resolution.resolveCjs(from, moduleName));
    return super.requireModuleOrMock(from, moduleName);
  }

  teardown() {
    super.teardown();
    resetShared();
    fileGlobal = null;
  }

  constructor(...args) {
    super(...args);
    fileGlobal = this.executor.environment.global;
    const fileCache = this.fileCache;
    fileCache.readFile = filename => {
      let text = fileCache.strings.get(filename);
      if (text === undefined) fileCache.strings.set(filename, (text = readSource(filename)));
      return text;
    };
    const executor = this.executor;
    const compileFunction = executor.compile.bind(executor);
    const params = executor.injectedModuleParameters.join(', ');
    executor.compile = (source, filename) => {
      const context = executor.environment.getVmContext();
      if (context == null) return null;
      if (executor.resolution.isCoreModule(filename)) return compileFunction(source, filename);
      const key = `${params}\0${filename}`;
      let script = scripts.get(key);
      // The same string object when unchanged (jest's per-worker transform cache), so cheap.
      if (script?.source !== source) {
        try {
          // On the first line, as compileFunction's wrapper is: line numbers stay as they are.
          script = new vm.Script(
            `(function () { const ${LOCALS}; return function (${params}) {${source}\n}; })`,
            {filename},
          );
        } catch {
          return compileFunction(source, filename); // its own, well-explained syntax error
        }
        script.source = source;
        scripts.set(key, script);
      }
      return script.runInContext(context)();
    };
  }
}

module.exports = ScriptRuntime;
