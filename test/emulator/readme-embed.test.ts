/**
 * emulator/README.md, run as a stranger would use it: its "Embedding it in a project's tests"
 * section's manifest (```json), script (```js) and jest test (```ts) are taken from the README as
 * written, put in a fresh project folder outside this repository, and the test is run there
 * against the package entry ('gas-workspace-emulator' is emulator/index.ts). Then the shell
 * lines of "The command line" run through main() in that folder. When the README and the API
 * drift apart, this fails.
 */
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {transformSync} from 'esbuild';
import * as emulator from '../../emulator';

const README = readFileSync(path.join(__dirname, '../../emulator/README.md'), 'utf8');

/** The fenced blocks of one `## ` section, in order, with their language. */
function blocks(heading: string): {lang: string; code: string}[] {
  const start = README.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`emulator/README.md has no section "## ${heading}"`);
  const next = README.indexOf('\n## ', start + 4);
  const section = README.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/\n```(\w*)\n([\s\S]*?)\n```/g)].map(m => ({
    lang: m[1],
    code: m[2],
  }));
}

const one = (heading: string, lang: string) => {
  const found = blocks(heading).filter(b => b.lang === lang);
  expect(found.length).toBeGreaterThan(0);
  return found[0].code;
};

let project: string;
const cwd = process.cwd();
const savedCode = process.env.CLERK_CODE;

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'stranger-'));
  writeFileSync(
    path.join(project, 'appsscript.json'),
    one("Embedding it in a project's tests", 'json'),
  );
  writeFileSync(path.join(project, 'Code.gs'), one("Embedding it in a project's tests", 'js'));
  process.chdir(project); // "run from the project's folder"
});
afterAll(() => {
  process.chdir(cwd);
  if (savedCode === undefined) delete process.env.CLERK_CODE;
  else process.env.CLERK_CODE = savedCode;
});

test("the README's embedding example runs as written, and passes", async () => {
  const source = one("Embedding it in a project's tests", 'ts');
  const {code} = transformSync(source, {loader: 'ts', format: 'cjs', target: 'node20'});
  const tests: {name: string; fn: () => unknown}[] = [];
  const requireFor = (id: string): unknown =>
    id === 'gas-workspace-emulator' ? emulator : require(id);
  const module = {exports: {}};
  new Function('require', 'module', 'exports', 'test', 'expect', code)(
    requireFor,
    module,
    module.exports,
    (name: string, fn: () => unknown) => tests.push({name, fn}),
    expect,
  );
  expect(tests.map(t => t.name)).toHaveLength(1);
  await tests[0].fn();
});

/** Splits one shell line as sh would, for the README's simple quoting ('…' and "…"). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (const m of line.replace(/\s+#.*$/, '').matchAll(re)) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

test("the README's command lines run in that folder", async () => {
  const lines = one('The command line', 'sh').split('\n').filter(Boolean);
  const outputs: string[] = [];
  for (const line of lines) {
    const words = shellWords(line);
    if (words[0] === 'export') {
      const [name, value] = words[1].split('=');
      process.env[name] = value;
      continue;
    }
    expect(words.slice(0, 2)).toEqual(['npx', 'gas-workspace-emulator']);
    const io = new emulator.BufferIo();
    const status = await emulator.main(words.slice(2), io);
    expect({line, status, err: io.stderr}).toEqual({line, status: 0, err: []});
    outputs.push(io.stdout.join('\n'));
  }
  const all = outputs.join('\n');
  expect(all).toContain('Ann Example\tann@example.net\tedited by secretary@example.org');
  expect(all).toContain('Welcome letter for Ann Example');
});
