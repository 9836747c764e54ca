/**
 * The test run's one LibreOffice (test/global-soffice.cjs) and how conversions use it
 * (emulator/drive/soffice.ts), with a stand-in soffice (test/fixtures/fake-soffice.cjs) so no
 * LibreOffice starts: a soffice started with the running instance's -env:UserInstallation
 * profile hands it the job (help.libreoffice.org/latest/en-US/text/shared/guide/start_parameters.html).
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

const FAKE = path.join(__dirname, 'fixtures', 'fake-soffice.cjs');
const KEEPER = path.join(__dirname, 'global-soffice.cjs');
let dir: string;
let log: string;
const saved = {...process.env};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'soffice-keeper-'));
  log = path.join(dir, 'calls.jsonl');
  Object.assign(process.env, {SOFFICE: FAKE, FAKE_SOFFICE_LOG: log});
});
afterAll(() => {
  process.env = saved;
  rmSync(dir, {recursive: true, force: true});
});

const calls = (): {pid: number; args: string[]}[] =>
  existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map(l => JSON.parse(l))
    : [];
const profileOf = (args: string[]) => args[0].replace('-env:UserInstallation=file://', '');
/** Waits (event loop free) until `ok()`; jest's time limit is the only limit. */
async function until(ok: () => boolean): Promise<void> {
  while (!ok()) await new Promise(resolve => setTimeout(resolve, 20));
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('runSoffice', () => {
  // Loaded after SOFFICE is set: findSoffice remembers the program it found.
  const soffice = () =>
    require('../emulator/drive/soffice') as typeof import('../emulator/drive/soffice');
  let shared: string;
  let job: string;
  let input: string;
  beforeEach(() => {
    shared = mkdtempSync(path.join(dir, 'shared-'));
    job = mkdtempSync(path.join(dir, 'job-'));
    input = path.join(job, 'a.txt');
    writeFileSync(input, 'hello');
    rmSync(log, {force: true});
    process.env.CLERK_SOFFICE_PROFILE = shared;
    delete process.env.FAKE_SOFFICE_REFUSE;
  });
  const convert = () => {
    const out = path.join(job, 'out');
    const r = soffice().runSoffice(
      ['--convert-to', 'pdf', '--outdir', out, input],
      [path.join(out, 'a.pdf')],
      job,
    );
    expect(existsSync(path.join(out, 'a.pdf'))).toBe(true);
    return r;
  };

  test('hands the job to the running instance once it is ready', () => {
    writeFileSync(path.join(shared, 'ready'), '0'); // no instance to stop
    expect(convert().status).toBe(0);
    expect(calls().map(c => profileOf(c.args))).toEqual([path.join(shared, 'profile')]);
  });

  test('a job the instance did not do is done again with a private profile', () => {
    writeFileSync(path.join(shared, 'ready'), '0'); // no instance to stop
    process.env.FAKE_SOFFICE_REFUSE = shared;
    expect(convert().status).toBe(0);
    expect(calls().map(c => profileOf(c.args))).toEqual([
      path.join(shared, 'profile'),
      path.join(job, 'profile'),
    ]);
    // Taken as stuck: stopped, for its keeper to start afresh.
    expect(existsSync(path.join(shared, 'ready'))).toBe(false);
  });

  test('an instance that failed to start, or none, means a private profile at once', () => {
    writeFileSync(path.join(shared, 'failed'), 'no answer');
    convert();
    delete process.env.CLERK_SOFFICE_PROFILE;
    convert();
    expect(calls().map(c => profileOf(c.args))).toEqual([
      path.join(job, 'profile'),
      path.join(job, 'profile'),
    ]);
  });
});

/**
 * A keeper (with its arguments after DIR/NAME and the watched pid) for a describe block's tests,
 * watching a process that stands in for jest: the keeper stops everything once it is gone.
 */
function keeperFor(name: string, ...args: string[]) {
  const run = {} as {shared: string; watched: ChildProcess; keeper: ChildProcess};
  beforeAll(() => {
    run.shared = path.join(dir, name);
    mkdirSync(run.shared);
    rmSync(log, {force: true});
    run.watched = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      stdio: 'ignore',
    });
    run.keeper = spawn(process.execPath, [KEEPER, run.shared, String(run.watched.pid), ...args], {
      stdio: 'ignore',
      env: process.env, // the test's own variables (SOFFICE, FAKE_SOFFICE_LOG)
    });
  });
  afterAll(() => {
    // SIGTERM: the keeper stops its instance too (a killed keeper would leave it running).
    for (const p of [run.keeper, run.watched]) if (p.exitCode === null) p.kill('SIGTERM');
    rmSync(`/tmp/OSL_PIPE_${process.getuid!()}_clerk_test_${run.keeper.pid}`, {force: true});
  });
  return run;
}

describe('the keeper', () => {
  const run = keeperFor('run');

  test('starts an instance, says when it answers, restarts it when it dies, and stops with jest', async () => {
    const ready = path.join(run.shared, 'ready');
    await until(() => existsSync(ready));
    const first = Number(readFileSync(ready, 'utf8'));
    const instance = calls().find(c => c.args.some(a => a.startsWith('--accept=')))!;
    expect(instance.args).toEqual(expect.arrayContaining(['--headless', '--invisible']));
    // It keeps a document open, or LibreOffice would end itself after a handed-over job.
    expect(instance.args[instance.args.length - 1]).toBe(path.join(run.shared, 'keep.txt'));
    // The probe conversion it handed over used the instance's profile.
    expect(calls().some(c => c.args.includes('--convert-to'))).toBe(true);

    process.kill(first, 'SIGKILL'); // LibreOffice crashes
    await until(() => existsSync(ready) && Number(readFileSync(ready, 'utf8')) !== first);
    const second = Number(readFileSync(ready, 'utf8'));
    expect(alive(second)).toBe(true);

    run.watched.kill('SIGKILL'); // jest killed: its teardown never runs
    await until(() => !existsSync(run.shared) && run.keeper.exitCode !== null);
    await until(() => !alive(second));
  });
});

describe('the keeper, on demand', () => {
  const run = keeperFor('on-demand', 'on-demand');

  test('starts no instance until a conversion asks, then hands that conversion to it', async () => {
    await until(() => existsSync(path.join(run.shared, 'keep.txt'))); // the keeper is up
    await new Promise(resolve => setTimeout(resolve, 500)); // time it would take to start one
    expect(calls()).toEqual([]);

    process.env.CLERK_SOFFICE_PROFILE = run.shared;
    const job = mkdtempSync(path.join(dir, 'job-'));
    const input = path.join(job, 'a.txt');
    writeFileSync(input, 'hello');
    const out = path.join(job, 'out');
    const soffice =
      require('../emulator/drive/soffice') as typeof import('../emulator/drive/soffice');
    soffice.runSoffice(
      ['--convert-to', 'pdf', '--outdir', out, input],
      [path.join(out, 'a.pdf')],
      job,
    );
    expect(existsSync(path.join(out, 'a.pdf'))).toBe(true);
    const [instance, ...rest] = calls();
    expect(instance.args.some(a => a.startsWith('--accept='))).toBe(true);
    // After the keeper's own probe, the asked conversion used the instance's profile.
    expect(rest.map(c => profileOf(c.args)).pop()).toBe(path.join(run.shared, 'profile'));
  });
});
