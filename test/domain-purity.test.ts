/**
 * src/domain compiles on its own (src/domain/tsconfig.json: no Apps Script types, rootDir the
 * domain folder), so nothing there can call a service or import a module above it (issue 10).
 * Checked with the type checker `npm run typecheck` uses (TypeScript 7's native compiler): a
 * tenth of the CPU of building the program with TypeScript's JavaScript API in this process.
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';

const root = path.join(__dirname, '..');
const tsc = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'typescript-7', 'bin', 'tsc'),
      '-p',
      'src/domain/tsconfig.json',
      ...args,
    ],
    {cwd: root, encoding: 'utf8'},
  );

test('src/domain type-checks alone, without Apps Script types and without imports above it', () => {
  const shown = tsc('--showConfig');
  expect(shown.status).toBe(0);
  const config = JSON.parse(shown.stdout) as {
    compilerOptions: {types?: string[]; rootDir?: string};
    files: string[];
  };
  expect(config.compilerOptions.types).toEqual([]);
  expect(path.resolve(root, 'src/domain', config.compilerOptions.rootDir!)).toBe(
    path.join(root, 'src', 'domain'),
  );
  expect(config.files.length).toBeGreaterThan(5);

  const checked = tsc('--noEmit');
  expect(checked.stdout + checked.stderr).toBe('');
  expect(checked.status).toBe(0);
});
