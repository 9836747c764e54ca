/**
 * Jest's module runtime, compiling each module with vm.Script instead of vm.compileFunction,
 * and keeping the script for the next file of the worker, where compileFunction compiles every
 * module of every test file again. Each test file still gets its own module registry and
 * context; only the compiled code (and the source read) is shared.
 */
const fs = require('node:fs');
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

class ScriptRuntime extends Runtime {
  constructor(...args) {
    super(...args);
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
