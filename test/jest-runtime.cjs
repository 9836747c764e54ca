/**
 * Jest's module runtime, compiling each module with vm.Script instead of vm.compileFunction:
 * V8 keeps a script it compiled (source and file name the same) for the next file of the worker,
 * where compileFunction compiles every module of every test file again. Each test file still
 * gets its own module registry and context; only the compiled code is shared.
 */
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

class ScriptRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const executor = this.executor;
    const compileFunction = executor.compile.bind(executor);
    executor.compile = (source, filename) => {
      const context = executor.environment.getVmContext();
      if (context == null) return null;
      if (executor.resolution.isCoreModule(filename)) return compileFunction(source, filename);
      let script;
      try {
        // On the first line, as compileFunction's wrapper is: line numbers stay as they are.
        script = new vm.Script(
          `(function () { const ${LOCALS}; return function (${executor.injectedModuleParameters.join(', ')}) {${source}\n}; })`,
          {filename},
        );
      } catch {
        return compileFunction(source, filename); // its own, well-explained syntax error
      }
      return script.runInContext(context)();
    };
  }
}

module.exports = ScriptRuntime;
