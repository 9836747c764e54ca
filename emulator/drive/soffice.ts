/**
 * Starting LibreOffice headless (`soffice --convert-to`), the one way every conversion (PDF
 * export, .docx, recalculation) reaches it. Each start costs seconds of CPU, so a caller that
 * runs many conversions (the test suite: test/global-setup.cjs) keeps one LibreOffice running
 * and names its profile folder in CLERK_SOFFICE_PROFILE: soffice started with the same
 * profile hands its job to that instance and returns when the file is written. Without the
 * variable (the `clerk` command line) each conversion gets a private profile, so parallel runs
 * never fight over one profile's lock.
 */
import {spawnSync, type SpawnSyncReturns} from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Shared with test/global-soffice.cjs (so plain CommonJS).
const {sofficeEnv} = require('./soffice-env.cjs') as {
  sofficeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
};

let sofficePath: string | null | undefined;

/** Whether `file` is a file this process may run (a symbolic link is followed). */
function runnable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Where `cmd` is: itself when it names a path, else the first runnable file of that name in a
 * PATH folder (as a shell finds it, without starting anything), or null.
 */
export function executable(cmd: string): string | null {
  if (cmd.includes('/')) return runnable(cmd) ? cmd : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, cmd);
    if (runnable(file)) return file;
  }
  return null;
}

/**
 * The soffice executable, or null when LibreOffice is not installed. SOFFICE names it;
 * SOFFICE=none behaves as if it were not installed (to check the message people get). It is
 * looked for, not started (`soffice --version` costs half a CPU-second in every process that
 * converts): an installed but broken LibreOffice shows in the conversion's own error.
 */
export function findSoffice(): string | null {
  if (process.env.SOFFICE === 'none') return null;
  if (sofficePath !== undefined) return sofficePath;
  const candidates = [
    process.env.SOFFICE,
    'soffice',
    'libreoffice',
    '/usr/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  ];
  for (const c of candidates) {
    const found = c ? executable(c) : null;
    if (found) return (sofficePath = found);
  }
  return (sofficePath = null);
}

/** The -env:UserInstallation argument for a profile folder. */
export function profileArg(profileDir: string): string {
  return `-env:UserInstallation=file://${profileDir}`;
}

/**
 * The files in the shared instance's folder (written by test/global-soffice.cjs, but `wanted`:
 * a conversion's request to start it, for a keeper that starts it on demand).
 */
export const SHARED = {profile: 'profile', ready: 'ready', failed: 'failed', wanted: 'wanted'};

/** How long a conversion waits for the shared instance to finish starting (a busy machine). */
const READY_WAIT_MS = 45000;

/** Asks a keeper that starts LibreOffice on demand to start it; false if its folder is gone. */
function ask(dir: string): boolean {
  try {
    fs.writeFileSync(path.join(dir, SHARED.wanted), '');
    return true;
  } catch {
    return false; // the keeper has stopped and removed its folder meanwhile
  }
}

/**
 * The profile of the running LibreOffice named by CLERK_SOFFICE_PROFILE once it answers, or
 * null (none named, it failed to start, or it is gone): then the caller uses its own.
 */
function sharedProfile(): string | null {
  const dir = process.env.CLERK_SOFFICE_PROFILE;
  if (!dir) return null;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const end = Date.now() + READY_WAIT_MS;
  for (let asked = false; ; asked = true) {
    if (fs.existsSync(path.join(dir, SHARED.ready))) return path.join(dir, SHARED.profile);
    if (!fs.existsSync(dir) || fs.existsSync(path.join(dir, SHARED.failed))) return null;
    if (Date.now() > end) return null;
    if (!asked && !ask(dir)) return null;
    Atomics.wait(pause, 0, 0, 100); // a synchronous wait: conversions are synchronous
  }
}

/** Ends the shared instance (its process group, named in the ready file). */
function stopShared(): void {
  const ready = path.join(process.env.CLERK_SOFFICE_PROFILE!, SHARED.ready);
  try {
    const pid = Number(fs.readFileSync(ready, 'utf8'));
    fs.rmSync(ready, {force: true});
    if (pid > 1) process.kill(-pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

/**
 * Runs `soffice --headless --norestore ARGS` and returns its result once every file in
 * `outputs` exists or it has failed. Through the shared instance when there is one; should
 * that fail (it crashed, or was stopping), once more with a private profile in `privateDir`,
 * so a conversion only gets slower, never lost.
 */
export function runSoffice(
  args: string[],
  outputs: string[],
  privateDir: string,
  timeoutMs = 120000,
): SpawnSyncReturns<string> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed.');
  const run = (profile: string) =>
    spawnSync(soffice, [profileArg(profile), '--headless', '--norestore', ...args], {
      encoding: 'utf8',
      timeout: timeoutMs,
      // This process's variables as set now (a jest test's are its own copy).
      env: sofficeEnv(process.env),
    });
  const done = (r: SpawnSyncReturns<string>) => r.status === 0 && outputs.every(fs.existsSync);
  const shared = sharedProfile();
  if (shared) {
    const r = run(shared);
    if (done(r)) return r;
    stopShared(); // stuck or broken: its keeper starts a fresh one for later conversions
  }
  return run(path.join(privateDir, 'profile'));
}
