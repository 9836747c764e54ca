/**
 * Jest's global set-up: one LibreOffice for the whole run (test/global-soffice.cjs), named to
 * the emulator and to every worker and `clerk` child by CLERK_SOFFICE_PROFILE. It is not waited
 * for here: the first conversion waits until it answers (emulator/drive/soffice.ts), so the
 * tests before it run meanwhile. Without LibreOffice nothing starts (test/tools.ts decides
 * what skips); SOFFICE=none, or a CLERK_SOFFICE_PROFILE already set, is left as it is. A run
 * of one test file that does not speak of LibreOffice (most files that convert do, for
 * test/tools.ts's check; a few only make papers, e.g. register-e2e-confidential's agenda pack)
 * starts it on demand: only if a conversion asks, a start (about 2 CPU-seconds) saved for the
 * many that never convert.
 */
const {spawn} = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const onPath = cmd =>
  (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .some(dir => fs.existsSync(path.join(dir, cmd)));

const testFiles = dir =>
  fs
    .readdirSync(dir, {withFileTypes: true})
    .flatMap(e =>
      e.isDirectory()
        ? testFiles(path.join(dir, e.name))
        : e.name.endsWith('.test.ts')
          ? [path.join(dir, e.name)]
          : [],
    );

/** Whether the run will likely convert: more than one file, or one that speaks of LibreOffice. */
function willConvert(globalConfig) {
  const patterns = globalConfig.testPathPatterns?.patterns ?? [];
  if (!patterns.length) return true;
  const res = patterns.map(p => new RegExp(p, 'i'));
  const files = testFiles(__dirname).filter(f => res.some(re => re.test(f)));
  return files.length !== 1 || /soffice|libreoffice/i.test(fs.readFileSync(files[0], 'utf8'));
}

const DAY_MS = 24 * 3600_000;

/**
 * The run's own temporary folder, made the workers' TMPDIR (os.tmpdir()) and removed by
 * test/global-teardown.cjs: the tests make thousands of folders (workbooks, their Drive, papers,
 * browser profiles), which piled up in /tmp by the gigabyte. Folders of runs that were killed
 * before their teardown are removed a day later.
 */
function runTmpdir() {
  const parent = os.tmpdir();
  for (const name of fs.readdirSync(parent)) {
    if (!name.startsWith('clerk-test-run-')) continue;
    const dir = path.join(parent, name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > DAY_MS)
        fs.rmSync(dir, {recursive: true, force: true});
    } catch {
      // another run removed it meanwhile
    }
  }
  const dir = fs.mkdtempSync(path.join(parent, 'clerk-test-run-'));
  globalThis.__clerkTmp = {dir, previous: process.env.TMPDIR};
  process.env.TMPDIR = dir;
}

module.exports = async function globalSetup(globalConfig) {
  runTmpdir();
  if (process.env.SOFFICE === 'none' || process.env.CLERK_SOFFICE_PROFILE) return;
  if (!(process.env.SOFFICE ? fs.existsSync(process.env.SOFFICE) : onPath('soffice'))) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clerk-soffice-'));
  const args = [path.join(__dirname, 'global-soffice.cjs'), dir, String(process.pid)];
  if (!willConvert(globalConfig)) args.push('on-demand');
  const guard = spawn(process.execPath, args, {detached: true, stdio: 'ignore'});
  guard.unref();
  process.env.CLERK_SOFFICE_PROFILE = dir;
  globalThis.__clerkSoffice = {pid: guard.pid, dir};
};
