/**
 * The build and the bundle check: Apps Script finds entry points statically, as top-level
 * function declarations (developers.google.com/apps-script/guides/v8-runtime, "Improved
 * function detection"); it has no ES modules, no require, no process, no #private fields and
 * no static class fields (same page, "Limitations").
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const CHECKER = path.join(root, 'scripts/gas-bundle-check.mjs');

function project(entryTs: string, bundleJs: string): {bundle: string; entry: string} {
  const dir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
  writeFileSync(path.join(dir, 'index.ts'), entryTs);
  writeFileSync(path.join(dir, 'Code.js'), bundleJs);
  return {bundle: path.join(dir, 'Code.js'), entry: path.join(dir, 'index.ts')};
}

describe('the built bundle', () => {
  const code = readFileSync(path.join(root, 'dist/Code.js'), 'utf8');

  test('passes the bundle check, with every exported entry point a top-level function', () => {
    expect(cli.stdout).toContain('0 findings');
    expect(cli.status).toBe(0);
    for (const name of ['onOpen', 'onEdit', 'setUpWorkbook'])
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  test('has no module syntax and a manifest with explicit narrow scopes', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const manifest = JSON.parse(readFileSync(path.join(root, 'dist/appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/London');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes).toContain(
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/drive');
  });
});

/**
 * The checker and the build's entry-point rewrite on broken inputs, then the checker's command
 * line on the built bundle, all in one Node process (each start loads TypeScript, about 1.5
 * CPU-seconds; the scripts are ES modules, which jest's sandbox cannot import).
 */
interface Cases {
  findings: Record<string, string[]>;
  rewritten: string;
  clash: string;
}
let cases: Cases;
/** What `node scripts/gas-bundle-check.mjs dist/Code.js src/index.ts` printed, and its exit status. */
let cli: {stdout: string; status: number | null};
beforeAll(() => {
  const bundles: Record<string, {bundle: string; entry: string}> = {
    constArrow: project(
      'export function onOpen() {}\nexport function onEdit() {}\nexport function setUpWorkbook() {}\n',
      'function onOpen() { SpreadsheetApp.getUi().createMenu("C").addItem("Set up", "setUpWorkbook").addToUi(); }\nfunction onEdit() {}\nconst setUpWorkbook = () => {};\n',
    ),
    nodeOnly: project(
      'export function onOpen() {}\nexport function onEdit() {}\n',
      [
        'function onOpen() { ScriptApp.newTrigger("dailyReminders").timeBased().everyDays(1).create(); }',
        'function onEdit() { const fs = require("fs"); return process.env.X; }',
        'class A { static n = 0; #p = 1; }',
        'export { onOpen };',
      ].join('\n'),
    ),
    twice: project(
      'export function onOpen() {}\nexport function onEdit() {}\n',
      'function onOpen() {}\nfunction onEdit() {}\nfunction onEdit() {}\n',
    ),
  };
  const script = `
    import {readFileSync} from 'node:fs';
    import {pathToFileURL} from 'node:url';
    import {checkBundle, exportedEntryPoints} from ${JSON.stringify(CHECKER)};
    import {toAppsScript} from ${JSON.stringify(path.join(root, 'scripts/build.mjs'))};
    const bundles = ${JSON.stringify(bundles)};
    const findings = {};
    for (const [name, b] of Object.entries(bundles))
      findings[name] = checkBundle(readFileSync(b.bundle, 'utf8'), exportedEntryPoints(b.entry), b.bundle);
    const rewritten = toAppsScript('function onEdit2(e) { return e; }\\nfunction onOpen() {}\\nexport {\\n  onEdit2 as onEdit,\\n  onOpen\\n};\\n');
    let clash = '';
    try {
      toAppsScript('function checkMembership(m) { return m; }\\nfunction checkMembership2() { return checkMembership(1); }\\nexport {\\n  checkMembership2 as checkMembership\\n};\\n');
    } catch (e) { clash = e.message; }
    process.stdout.write(JSON.stringify({findings, rewritten, clash}) + '\\n');
    // Then the command line, as run by hand: a second instance of the module (another URL) runs
    // its main part for these arguments, prints and exits with its status.
    process.argv.splice(1, Infinity, ${JSON.stringify(CHECKER)}, ${JSON.stringify(path.join(root, 'dist/Code.js'))}, ${JSON.stringify(path.join(root, 'src/index.ts'))});
    await import(pathToFileURL(process.argv[1]).href + '?command-line');`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  const [json, ...printed] = out.stdout.split('\n');
  if (!json.startsWith('{')) throw new Error(`the checks did not run: ${out.stderr}`);
  cases = JSON.parse(json) as Cases;
  cli = {stdout: printed.join('\n'), status: out.status};
});

describe('the bundle check fails on a broken bundle', () => {
  test('an entry point that is only a const arrow function', () => {
    const f = cases.findings.constArrow.join('\n');
    expect(f).toContain(
      'entry point setUpWorkbook (exported from src/index.ts) is not a top-level function declaration',
    );
    expect(f).toContain(
      'menu item "Set up" calls "setUpWorkbook", which is not a top-level function declaration',
    );
  });

  test('a trigger handler that does not exist, and Node-only or unsupported syntax', () => {
    const f = cases.findings.nodeOnly.join('\n');
    expect(f).toContain('ScriptApp.newTrigger calls "dailyReminders"');
    expect(f).toContain('require()');
    expect(f).toContain('process.env');
    expect(f).toContain('static class field');
    expect(f).toContain('private #field');
    expect(f).toContain('import/export left in the bundle');
  });

  test('the build turns renamed exports into real top-level declarations', () => {
    expect(cases.rewritten).not.toContain('export');
    expect(cases.rewritten).toMatch(
      /^function onEdit\(\) \{\n {2}return __committeeClerk\.onEdit\.apply\(this, arguments\);\n\}/m,
    );
    // Only the entry points are globals; the rest is inside the closure (google.script.run).
    expect(cases.rewritten).toContain('return {onEdit: onEdit2, onOpen: onOpen};\n})();');
    expect(existsSync(path.join(root, 'dist/Code.js'))).toBe(true);
  });

  test('the build refuses an entry point that clashes with an internal function of the same name', () => {
    // esbuild keeps the internal checkMembership and renames the exported one; a global wrapper
    // named checkMembership would replace the internal function (it then called itself forever).
    expect(cases.clash).toContain(
      'the entry point checkMembership has the same name as an internal function or variable',
    );
  });

  test('the bundle check finds two top-level functions of one name', () => {
    expect(cases.findings.twice.join('\n')).toContain(
      'a second top-level function onEdit replaces the first',
    );
  });
});
