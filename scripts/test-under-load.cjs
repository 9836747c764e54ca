#!/usr/bin/env node
/**
 * `npm run test:under-load`: the whole `npm test` with two CPU-bound processes running beside
 * it for its whole length, as on a shared or busy machine. The suite must pass regardless:
 * no test may depend on how fast the machine is. The busy processes are this script's own
 * children; they are stopped when the suite ends, and each stops itself after --max-minutes
 * (default 15) should this script be killed first.
 *
 *   node scripts/test-under-load.cjs [--busy N] [--max-minutes M] [-- COMMAND...]
 */
const {spawn} = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

function option(argv, name, fallback) {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const n = Number(argv[i + 1]);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`test:under-load: ${name} needs a positive number`);
    process.exit(1);
  }
  return n;
}

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash < 0 ? argv : argv.slice(0, dash);
const command = dash < 0 ? ['npm', 'test'] : argv.slice(dash + 1);
const busyCount = option(own, '--busy', 2);
const maxMs = option(own, '--max-minutes', 15) * 60000;

// A busy loop that checks the clock, so it ends by itself even if nobody stops it.
const loop = `const end = Date.now() + ${maxMs}; let x = 0; while (Date.now() < end) x = (x + Math.sqrt(x + 1)) % 1e9;`;
const busy = Array.from({length: busyCount}, () =>
  spawn(process.execPath, ['-e', loop], {stdio: 'ignore'}),
);
const stopBusy = () => {
  for (const b of busy) if (b.exitCode === null && b.signalCode === null) b.kill('SIGKILL');
};
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    stopBusy();
    process.exit(130);
  });

const started = Date.now();
console.log(
  `test:under-load: ${busyCount} busy processes (pids ${busy.map(b => b.pid).join(', ')}) beside \`${command.join(' ')}\` on ${os.cpus().length} CPU(s)`,
);
const suite = spawn(command[0], command.slice(1), {
  cwd: path.resolve(__dirname, '..'),
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
suite.on('exit', (code, signal) => {
  stopBusy();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const [one] = os.loadavg();
  console.log(
    `test:under-load: \`${command.join(' ')}\` ${code === 0 ? 'passed' : `failed (${signal ?? `exit status ${code}`})`} in ${secs} s beside ${busyCount} busy processes (load average at the end ${one.toFixed(1)})`,
  );
  process.exitCode = code ?? 1;
});
