/**
 * Jest's module runtime, compiling each module with vm.Script instead of vm.compileFunction:
 * V8 keeps a script it compiled (source and file name the same) for the next file of the worker,
 * where compileFunction compiles every module of every test file again. Each test file still
 * gets its own module registry and context; only the compiled code is shared.
 */
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

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
          `(function (${executor.injectedModuleParameters.join(', ')}) {${source}\n})`,
          {filename},
        );
      } catch {
        return compileFunction(source, filename); // its own, well-explained syntax error
      }
      return script.runInContext(context);
    };
  }
}

module.exports = ScriptRuntime;
