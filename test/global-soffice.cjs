#!/usr/bin/env node
/**
 * Keeps one LibreOffice running for a test run (started by test/global-setup.cjs), so every
 * conversion of the run is handed to it (emulator/drive/soffice.ts) instead of starting
 * LibreOffice again: a start with a new profile costs about 2 CPU-seconds.
 *
 *   node test/global-soffice.cjs DIR WATCHED_PID [on-demand]
 *
 * DIR/profile is the instance's profile; DIR/ready appears once a conversion handed to it has
 * worked (DIR/failed if it never does). With on-demand, LibreOffice starts only once a
 * conversion asks for it by making DIR/wanted (emulator/drive/soffice.ts): a run that may never
 * convert then costs no start. The instance is restarted if it dies (three times at
 * most). Everything stops, and DIR is removed, on SIGTERM or as soon as WATCHED_PID (jest) is
 * gone, even if jest was killed and its teardown never ran. CLERK_SOFFICE_CPU_LOG names a file
 * to which the CPU time the instance used is added when it stops.
 */
/* global setInterval */
const {spawn, spawnSync} = require('node:child_process');
const {createHash} = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const {sofficeEnv} = require('../emulator/drive/soffice-env.cjs');

const [dir, watchedArg, mode] = process.argv.slice(2);
const watched = Number(watchedArg);
const profile = path.join(dir, 'profile');
const arg = `-env:UserInstallation=file://${profile}`;
const soffice = process.env.SOFFICE || 'soffice';
const log = (...a) =>
  fs.appendFileSync(path.join(dir, 'log'), `${new Date().toISOString()} ${a.join(' ')}\n`);

// LibreOffice ends itself after a handed-over conversion when no document is open
// (desktop/source/app/dispatchwatcher.cxx: "no task open so we have to shutdown"): the
// instance keeps this empty text file open, hidden.
const keep = path.join(dir, 'keep.txt');
fs.writeFileSync(keep, '');
const probe = path.join(dir, 'probe.txt');
fs.writeFileSync(probe, 'probe');

// Its --accept pipe appears once the instance has set itself up to take work from another
// soffice (sal/osl/unx/pipe.cxx makes pipes in /tmp, or /var/tmp).
const pipeName = `clerk_test_${process.pid}`;
const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
// And the pipe through which a second soffice of the same profile finds it, named for the MD5 of
// the profile's URL in UTF-16, each byte in hex without leading zeros
// (desktop/source/app/officeipcthread.cxx, CreateMD5FromString).
const ipcName = `SingleOfficeIPC_${[
  ...createHash('md5')
    .update(Buffer.from(`file://${profile}`, 'utf16le'))
    .digest(),
]
  .map(b => b.toString(16))
  .join('')}`;
const pipesNamed = name => ['/tmp', '/var/tmp'].map(d => path.join(d, `OSL_PIPE_${uid}_${name}`));
const pipeUp = () => pipesNamed(pipeName).some(f => fs.existsSync(f));

let child = null;
let stopping = false;
let starts = 0;

function start() {
  starts++;
  // A process group of its own: soffice is a launcher (oosplash) with soffice.bin beneath it.
  const accept = `--accept=pipe,name=${pipeName};urp;`;
  child = spawn(
    soffice,
    [arg, '--headless', '--invisible', '--norestore', '--nologo', accept, keep],
    // glibc malloc settings: a start with a new profile and a one-line PDF take 2.2
    // CPU-seconds with them instead of 7.1.
    {detached: true, stdio: 'ignore', env: sofficeEnv(process.env)},
  );
  log('started', child.pid);
  const mine = child;
  mine.on('exit', (code, signal) => {
    log('exited', mine.pid, code, signal);
    if (stopping) return;
    fs.rmSync(path.join(dir, 'ready'), {force: true});
    if (starts > 3) return fail('LibreOffice kept stopping');
    start();
    waitReady();
  });
}

function fail(why) {
  log('failed:', why);
  fs.writeFileSync(path.join(dir, 'failed'), why);
}

/** Hands the instance a conversion until one works with the instance still running after it. */
function waitReady() {
  const mine = child;
  const started = Date.now();
  const end = started + 180000;
  const attempt = () => {
    if (stopping || child !== mine) return;
    // Until the pipe is there a second soffice would try to start LibreOffice itself.
    if (!pipeUp() && Date.now() - started < 60000) return void setTimeout(attempt, 200);
    const out = path.join(dir, 'probe-out');
    fs.rmSync(out, {recursive: true, force: true});
    const r = spawnSync(
      soffice,
      [arg, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', out, probe],
      {
        encoding: 'utf8',
        timeout: 120000,
      },
    );
    if (
      r.status === 0 &&
      fs.existsSync(path.join(out, 'probe.pdf')) &&
      mine.exitCode === null &&
      mine.signalCode === null
    ) {
      fs.writeFileSync(path.join(dir, 'ready'), String(mine.pid));
      log('ready');
      return;
    }
    if (Date.now() > end) return fail(`no answer: ${(r.stderr || '').trim().slice(0, 200)}`);
    setTimeout(attempt, 500);
  };
  attempt();
}

/** CPU-seconds LibreOffice's processes have used (Linux /proc), to report beside jest's own. */
function cpuSeconds(group) {
  let ticks = 0;
  for (const pid of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(f[2]) === group) ticks += Number(f[11]) + Number(f[12]); // pgrp, utime, stime
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100;
}

function stop() {
  if (stopping) return;
  stopping = true;
  if (child && process.env.CLERK_SOFFICE_CPU_LOG)
    fs.appendFileSync(
      process.env.CLERK_SOFFICE_CPU_LOG,
      `LibreOffice instance: ${cpuSeconds(child.pid).toFixed(1)} CPU-s (${starts} start(s))\n`,
    );
  if (child && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL'); // nothing to save: a test profile and a hidden empty file
    } catch {
      // already gone
    }
  }
  fs.rmSync(dir, {recursive: true, force: true});
  // Killed, LibreOffice leaves its pipes behind: two more files in /tmp a run otherwise.
  for (const f of [...pipesNamed(pipeName), ...pipesNamed(ipcName)]) fs.rmSync(f, {force: true});
  process.exit(0);
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('SIGHUP', stop);
setInterval(() => {
  try {
    process.kill(watched, 0);
  } catch {
    stop();
  }
}, 500);

/** Starts LibreOffice once a conversion has asked for it (DIR/wanted). */
function whenWanted() {
  if (stopping) return;
  if (!fs.existsSync(path.join(dir, 'wanted'))) return void setTimeout(whenWanted, 100);
  log('wanted');
  start();
  waitReady();
}

if (mode === 'on-demand') {
  whenWanted();
} else {
  start();
  waitReady();
}
