#!/usr/bin/env node
/**
 * `npm run deploy` (development) and `npm run deploy:prod` (production): push dist/ to the Apps
 * Script project named in .clasp.json or .clasp.prod.json, but only after `npm test` has passed
 * (build, type checks, lint and format check, every test). A failing step pushes nothing.
 *
 *   node scripts/deploy.cjs [--prod] [--dry-run]
 *
 * --dry-run runs every check and says what it would push, without pushing.
 */
const {spawnSync} = require('node:child_process');
const {existsSync, readFileSync} = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

/** Runs a command with the terminal attached; returns its exit status. */
function runAttached(cmd, args) {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return r.status ?? 1;
}

/**
 * The project file's script id, or a plain message saying what to do. A scriptId that is
 * missing or still a placeholder means this folder is not connected to a project yet.
 */
function scriptIdOf(root, file) {
  const where = path.join(root, file);
  if (!existsSync(where))
    return {error: `${file} is missing: it says which Apps Script project to push to.`};
  let config;
  try {
    config = JSON.parse(readFileSync(where, 'utf8'));
  } catch (e) {
    return {error: `${file} is not valid JSON (${e.message}). Fix it, or restore it from git.`};
  }
  if (config.rootDir !== 'dist')
    return {
      error: `${file} must have "rootDir": "dist" (the built program); it has ${JSON.stringify(config.rootDir)}.`,
    };
  const id = typeof config.scriptId === 'string' ? config.scriptId.trim() : '';
  if (!/^[\w-]{20,}$/.test(id))
    return {
      error: `${file} names no Apps Script project yet. Connect it first (README, "Put it on your spreadsheet"): npx clasp${file === '.clasp.json' ? '' : ` -P ${file}`} clone SCRIPT_ID --rootDir dist`,
    };
  return {id};
}

/**
 * Checks, then pushes. `opts.root` is the repository (default: this one); `run(cmd, args)` runs
 * a command there and gives its exit status (tests pass their own); `say` prints a line.
 * Returns the exit status for the process.
 */
function deploy(opts, run = runAttached, say = line => console.log(line)) {
  const file = opts.prod ? '.clasp.prod.json' : '.clasp.json';
  const target = opts.prod ? 'production' : 'development';
  const project = scriptIdOf(opts.root ?? ROOT, file);
  if (project.error) {
    say(`deploy: not pushed. ${project.error}`);
    return 1;
  }
  say(`deploy: checking before pushing to the ${target} project (${file}, ${project.id})`);
  if (run('npm', ['test']) !== 0) {
    say(
      'deploy: not pushed: `npm test` failed (build, type checks, lint or a test). Fix what it reports, then deploy again.',
    );
    return 1;
  }
  const push = ['clasp', '-P', file, 'push'];
  if (opts.dryRun) {
    say(
      `deploy: every check passed; dry run, so nothing was pushed (would run: npx ${push.join(' ')})`,
    );
    return 0;
  }
  const status = run('npx', push);
  say(
    status === 0
      ? `deploy: pushed dist/ to the ${target} project. Reload the spreadsheet to get the new version.`
      : `deploy: clasp push failed (exit status ${status}); see its message above.`,
  );
  return status;
}

function main(argv) {
  const unknown = argv.filter(a => a !== '--prod' && a !== '--dry-run');
  if (unknown.length) {
    console.error(`deploy: unknown option ${unknown[0]} (use --prod, --dry-run)`);
    return 1;
  }
  return deploy({prod: argv.includes('--prod'), dryRun: argv.includes('--dry-run')});
}

module.exports = {deploy, scriptIdOf};

if (require.main === module) process.exitCode = main(process.argv.slice(2));
