#!/usr/bin/env node
/**
 * Runs npm scripts side by side and fails if any fails: `npm test` runs the type checks, the
 * bundle check and lint this way (each mostly uses one core, so on two cores together they
 * take about as long as the type check alone). Each script's output is printed whole when it
 * ends, so the lines of two scripts never mix.
 *
 *   node scripts/run-checks.cjs SCRIPT...
 */
const {spawn} = require('node:child_process');
const path = require('node:path');

const scripts = process.argv.slice(2);
const root = path.resolve(__dirname, '..');
const {scripts: defined} = require(path.join(root, 'package.json'));
const started = Date.now();
// Each script's command as npm runs it (in a shell, with node_modules/.bin on the PATH), but
// without starting npm for each: that was about 0.3 CPU-seconds a script.
const env = {
  ...process.env,
  PATH: [path.join(root, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter),
};

const runs = scripts.map(
  name =>
    new Promise(resolve => {
      if (!defined[name]) throw new Error(`run-checks: package.json has no script "${name}"`);
      const child = spawn(defined[name], {cwd: root, env, shell: true});
      let output = '';
      child.stdout.on('data', d => (output += d));
      child.stderr.on('data', d => (output += d));
      child.on('close', code => {
        const secs = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(
          `${output}${code === 0 ? 'passed' : `FAILED (exit status ${code})`}: npm run ${name} (${secs} s)\n`,
        );
        resolve(code === 0);
      });
    }),
);

Promise.all(runs).then(ok => {
  process.exitCode = ok.every(Boolean) ? 0 : 1;
});
