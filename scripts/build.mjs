// Build: src/index.ts -> dist/Code.js (+ dist/appsscript.json) for Apps Script, and the
// emulator's command line -> build/clerk.cjs for Node. dist/ holds only what clasp pushes.
import {createHash} from 'node:crypto';
import {build as esbuild, version as esbuildVersion} from 'esbuild';
import {
  existsSync,
  mkdirSync,
  writeFileSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

/**
 * Apps Script finds entry points statically, as top-level `function NAME` declarations
 * (developers.google.com/apps-script/guides/v8-runtime). Every top-level function can also be
 * called from a browser with google.script.run (guides/html/communication), and a web app that
 * executes as the clerk would run it with the clerk's access. So the bundle's body goes inside
 * one closure, and only the exported entry points are declared at top level, each calling its
 * function inside.
 */
export function toAppsScript(esm) {
  const m = esm.match(/\nexport\s*\{([^}]*)\};?\s*$/);
  if (!m) {
    if (/^\s*export\s/m.test(esm)) throw new Error('build: unexpected export syntax in the bundle');
    return esm;
  }
  const body = esm.slice(0, m.index);
  const wrappers = [];
  const entries = [];
  const specs = m[1]
    .split(',')
    .map(s => s.trim())
    .filter(Boolean)
    .map(spec => spec.split(/\s+as\s+/).map(s => s.trim()));
  // An export named checkCaller_ (src/entry/guard.ts) is called before every other entry point
  // with its name and arguments, so each one says who may run it. Its own name ends in "_",
  // which Apps Script keeps from google.script.run and the editor's Run menu.
  const guarded = specs.some(([local, exported = local]) => exported === CHECK);
  for (const [local, exported = local] of specs) {
    entries.push(`${exported}: ${local}`);
    const check = guarded && exported !== CHECK ? `  ${CHECK}('${exported}', arguments);\n` : '';
    wrappers.push(
      `function ${exported}() {\n${check}  return ${BUNDLE}.${exported}.apply(this, arguments);\n}`,
    );
    if (local === exported) continue;
    // esbuild renamed the export because an internal top-level name is the same: two functions
    // of one name, one of them a global, confuse stack traces and the editor. Make the author rename.
    if (
      new RegExp(
        `^(async\\s+)?function\\*?\\s+${exported}\\s*\\(|^(var|let|const|class)\\s+${exported}\\b`,
        'm',
      ).test(body)
    ) {
      throw new Error(
        `build: the entry point ${exported} has the same name as an internal function or variable; rename one of them (Apps Script has one global scope).`,
      );
    }
  }
  return `var ${BUNDLE} = (function () {\n${body}\nreturn {${entries.join(', ')}};\n})();\n${wrappers.join('\n')}\n`;
}

/** The one global that holds the program; everything else is inside it. */
const BUNDLE = '__committeeClerk';
/** The bundle's own check of who may call an entry point (a private global). */
const CHECK = 'checkCaller_';

/** esbuild: every package external (left to node_modules) except those named, bundled with what they use. */
function externalExcept(bundled) {
  return {
    name: 'external-except',
    setup(b) {
      b.onResolve({filter: /^[^./]/}, args => {
        if (args.importer.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const parts = args.path.split('/');
        const pkg = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
        return bundled.includes(pkg) ? undefined : {path: args.path, external: true};
      });
    },
  };
}

/** The exceljs modules kept in build/exceljs.cjs (by key there): each loads at first use. */
const EXCELJS_APART = {
  workbook: 'exceljs/lib/doc/workbook',
  zipStream: 'exceljs/lib/utils/zip-stream',
};

/** esbuild: requires of those modules become build/exceljs.cjs's (one instance of each, as one package). */
function exceljsApart() {
  const keys = new Map(Object.entries(EXCELJS_APART).map(([k, m]) => [m, k]));
  return {
    name: 'exceljs-apart',
    setup(b) {
      b.onResolve({filter: /^exceljs\//}, args =>
        keys.has(args.path) ? {path: keys.get(args.path), namespace: 'exceljs-apart'} : undefined,
      );
      b.onResolve({filter: /^\.\/exceljs\.cjs$/}, () => ({path: './exceljs.cjs', external: true}));
      b.onLoad({filter: /.*/, namespace: 'exceljs-apart'}, args => ({
        contents: `module.exports = require('./exceljs.cjs')[${JSON.stringify(args.path)}];`,
        loader: 'js',
      }));
    },
  };
}

/**
 * What the last build read and wrote, with the SHA-256 of each, kept in node_modules/.cache/build/
 * under a key of this script and esbuild's version. When every file read and written is as it
 * was, the build is not run again (1.6-1.8 CPU-s, about 1 s of each `npm test`): its output
 * would be byte for byte the same. A clean clone, or any change, builds.
 */
const RECORD = path.join(root, 'node_modules', '.cache', 'build', 'record.json');
const recordKey = () => {
  const hash = createHash('sha256')
    .update(`${esbuildVersion}\0`)
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(readFileSync(path.join(root, 'package-lock.json')));
  // What esbuild reads besides the inputs it names: the TypeScript settings and package.json.
  for (const f of ['tsconfig.json', 'src/tsconfig.json', 'package.json', 'emulator/package.json'])
    if (existsSync(path.join(root, f)))
      hash.update(`${f}\0`).update(readFileSync(path.join(root, f)));
  // The names of the source files too: a file added beside another (a.tsx by a.ts) can change
  // what an import resolves to while every file read stays as it was.
  for (const dir of ['src', 'emulator'])
    for (const e of readdirSync(path.join(root, dir), {recursive: true}).sort())
      if (!String(e).startsWith('node_modules')) hash.update(`${dir}/${e}\0`);
  return hash.digest('hex');
};
const sha = file => createHash('sha256').update(readFileSync(file)).digest('hex');
const hashes = files => Object.fromEntries(files.map(f => [f, sha(path.join(root, f))]));

function unchangedSinceLastBuild() {
  try {
    const record = JSON.parse(readFileSync(RECORD, 'utf8'));
    if (record.key !== recordKey()) return false;
    for (const [f, h] of Object.entries({...record.inputs, ...record.outputs}))
      if (sha(path.join(root, f)) !== h) return false;
    return true;
  } catch {
    return false; // none kept, or a file gone: build
  }
}

export async function buildAll({quiet = false, force = false} = {}) {
  if (!force && unchangedSinceLastBuild()) {
    if (!quiet) console.log('built: dist/ and build/ are up to date with their sources');
    return;
  }
  const inputs = new Set();
  const outputs = new Set();
  // Every build run from the repository's folder, its metafile naming what it read.
  const build = async options => {
    const result = await esbuild({...options, absWorkingDir: root, metafile: true});
    for (const f of Object.keys(result.metafile.inputs))
      if (!f.includes(':') && existsSync(path.join(root, f))) inputs.add(f);
    for (const f of Object.keys(result.metafile.outputs)) outputs.add(f);
    return result;
  };
  const gas = await build({
    entryPoints: [path.join(root, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2020',
    platform: 'neutral',
    // Packages bundled into Code.js (pdf-lib) are found by their ES module or main entry.
    mainFields: ['module', 'main'],
    minify: false,
    treeShaking: true,
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    banner: {
      js: '// Committee Clerk (GPL-3.0-or-later). Built from src/ by scripts/build.mjs: do not edit.',
    },
  });
  const code = toAppsScript(gas.outputFiles[0].text);
  // dist/ holds only what clasp pushes; each file is replaced in one step (written beside it,
  // then renamed), so a test or `clerk` command reading dist/ meanwhile never finds it missing.
  mkdirSync(dist, {recursive: true});
  const keep = ['Code.js', 'appsscript.json'];
  for (const f of readdirSync(dist))
    // Another build's half-written file (.NAME.PID.tmp) is left for it to rename.
    if (!keep.includes(f) && !f.endsWith('.tmp'))
      rmSync(path.join(dist, f), {recursive: true, force: true});
  const put = (name, text) => {
    const tmp = path.join(dist, `.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, path.join(dist, name));
  };
  put('Code.js', code);
  put('appsscript.json', readFileSync(path.join(root, 'appsscript.json')));

  const clerkBuild = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    logLevel: quiet ? 'silent' : 'warning',
  };
  await build({
    ...clerkBuild,
    outdir: path.join(root, 'build'),
    outExtension: {'.js': '.cjs'},
    entryPoints: {
      // The light entry: a `clerk get` answered from saved values loads nothing else.
      clerk: path.join(root, 'emulator/clerk-entry.ts'),
      bench: path.join(root, 'scripts/bench.ts'),
    },
    // Packages stay in node_modules, except HyperFormula and exceljs, which load in half the
    // time from one bundled file as from their hundreds of files. exceljs's workbook (a
    // megabyte with its zip and XML packages) goes in a file of its own, build/exceljs.cjs,
    // loaded only by a command that reads or writes a whole workbook with it: an edit saved
    // by patching the file never does, and loading the rest was 0.1 CPU-s of it.
    plugins: [externalExcept(['hyperformula', 'exceljs']), exceljsApart()],
  });
  await build({
    ...clerkBuild,
    stdin: {
      contents: Object.entries(EXCELJS_APART)
        .map(
          ([key, mod]) =>
            `Object.defineProperty(exports, ${JSON.stringify(key)}, {get: () => require(${JSON.stringify(mod)})});`,
        )
        .join('\n'),
      resolveDir: root,
      sourcefile: 'exceljs-apart.js',
    },
    outfile: path.join(root, 'build', 'exceljs.cjs'),
  });
  // The files this script writes itself, and those esbuild wrote.
  for (const f of ['dist/Code.js', 'dist/appsscript.json']) outputs.add(f);
  for (const f of outputs) if (!existsSync(path.join(root, f))) outputs.delete(f);
  inputs.add('appsscript.json');
  mkdirSync(path.dirname(RECORD), {recursive: true});
  writeFileSync(
    RECORD,
    JSON.stringify({key: recordKey(), inputs: hashes([...inputs]), outputs: hashes([...outputs])}),
  );
  if (!quiet)
    console.log(
      `built dist/Code.js (${(code.length / 1024).toFixed(0)} KiB), dist/appsscript.json, build/clerk.cjs, build/exceljs.cjs`,
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --force builds whatever the record says.
  buildAll({force: process.argv.includes('--force')}).catch(e => {
    console.error(e.message);
    process.exit(1);
  });
}
