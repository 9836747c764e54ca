/**
 * bin/clerk.cjs loads the bundle with a V8 code cache, one per command, named for the bundle
 * it belongs to: written after a run that had none, used by the next, replaced when it is
 * another bundle's or V8 rejects it. The command's output is the same either way.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

function clerk(cache: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'clerk.cjs'), ...args], {
    env: {...process.env, CLERK_CODE_CACHE: cache},
    encoding: 'utf8',
  });
  return {code: r.status, out: r.stdout, err: r.stderr};
}

test('the code cache is written by the first run of a command, used by the next, replaced when stale or damaged', () => {
  if (!existsSync(path.join(root, 'build', 'clerk.cjs')))
    spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {cwd: root});
  const cache = mkdtempSync(path.join(tmpdir(), 'clerk-code-cache-'));
  const plain = clerk('off', 'help', 'edit');
  expect(plain.code).toBe(0);
  expect(plain.out).toMatch(/clerk edit BOOK\.xlsx/);
  expect(readdirSync(cache)).toEqual([]);

  // Another build's cache for the command, to be replaced.
  writeFileSync(path.join(cache, 'clerk-help-1-2-3.v8'), 'old');
  const first = clerk(cache, 'help', 'edit');
  expect(first).toEqual(plain);
  const files = readdirSync(cache);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^clerk-help-\d+-[\d.]+-\d+\.v8$/);
  const written = readFileSync(path.join(cache, files[0]));
  expect(written.length).toBeGreaterThan(10_000);

  // Used as it is by the next run.
  expect(clerk(cache, 'help', 'edit')).toEqual(plain);
  expect(readFileSync(path.join(cache, files[0])).equals(written)).toBe(true);

  // A damaged cache is rejected by V8: the run is as ever, and the cache written afresh.
  const damaged = Buffer.alloc(written.length, 7);
  writeFileSync(path.join(cache, files[0]), damaged);
  expect(clerk(cache, 'help', 'edit')).toEqual(plain);
  const rewritten = readFileSync(path.join(cache, files[0]));
  expect(rewritten.equals(damaged)).toBe(false);
  expect(rewritten.length).toBeGreaterThan(10_000);
  expect(readdirSync(cache)).toEqual(files);
});

test("the script's code cache (a large script's) is kept beside the bundle's and used by the next run", () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-script-cache-'));
  const cache = path.join(dir, 'cache');
  // A script as large as a real one: its top-level code runs once per command.
  const script = path.join(dir, 'big.gs');
  const filler = Array.from({length: 3000}, (_, i) => `function f${i}() { return ${i} * 2; }`);
  writeFileSync(script, `${filler.join('\n')}\nfunction answer() { return f20() + 1; }\n`);
  const book = path.join(dir, 'book.xlsx');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'clerk.cjs'), ...args], {
      env: {...process.env, CLERK_CODE_CACHE: cache, CLERK_CODE: script},
      encoding: 'utf8',
    });
  expect(run('new', book).status).toBe(0);
  const kept = readdirSync(cache).filter(f => f.startsWith('script-'));
  expect(kept).toHaveLength(1);
  const written = readFileSync(path.join(cache, kept[0]));
  const r = run('run', book, 'answer');
  expect(r.stderr).toBe('');
  expect(r.stdout).toMatch(/41/);
  expect(readFileSync(path.join(cache, kept[0])).equals(written)).toBe(true);
});
