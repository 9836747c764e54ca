/**
 * src/domain compiles on its own (src/domain/tsconfig.json: no Apps Script types, rootDir the
 * domain folder), so nothing there can call a service or import a module above it (issue 10).
 */
import path from 'node:path';
import ts from 'typescript';

test('src/domain type-checks alone, without Apps Script types and without imports above it', () => {
  const file = path.join(__dirname, '..', 'src', 'domain', 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(
    file,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: d => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('src/domain/tsconfig.json could not be read');
  expect(config.options.types).toEqual([]);
  const program = ts.createProgram(config.fileNames, config.options);
  const messages = ts
    .getPreEmitDiagnostics(program)
    .map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  expect(messages).toEqual([]);
  expect(config.fileNames.length).toBeGreaterThan(5);
});
