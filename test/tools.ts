/**
 * Tests that need a program outside Node (LibreOffice for PDF export and recalculation,
 * poppler's pdftoppm for pictures). Without it a test is skipped on a developer's machine;
 * in CI (CI=true) it runs and fails with the package to install, so CI never passes by
 * skipping (.ci/run installs them).
 */
import {executable, findSoffice} from '../emulator/drive/soffice';

/** Debian packages that provide each program (the README's set-up lists them too). */
const PACKAGES: Record<string, string> = {
  soffice: 'libreoffice-calc libreoffice-writer',
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
};

/**
 * Whether a program is installed (looked up without starting it): LibreOffice where the
 * emulator finds it (SOFFICE, PATH or its usual folders; not with SOFFICE=none), any other
 * program on the PATH.
 */
export function onPath(cmd: string): boolean {
  return (cmd === 'soffice' ? findSoffice() : executable(cmd)) !== null;
}

const inCi = () => process.env.CI === 'true' || process.env.CI === '1';
const missingOf = (cmds: string[]) => cmds.filter(c => !onPath(c));
const why = (missing: string[]) =>
  `needs ${missing.join(' and ')}: apt-get install ${missing.map(c => PACKAGES[c] ?? c).join(' ')}`;

/**
 * Whether every program is there, for a test that checks less without one: false on a
 * developer's machine, an error in CI.
 */
export function have(...cmds: string[]): boolean {
  const missing = missingOf(cmds);
  if (missing.length && inCi()) throw new Error(why(missing));
  return !missing.length;
}

/** `test` when every program is there (or in CI, where a missing one fails), else `test.skip`. */
export function testWith(...cmds: string[]): jest.It {
  const missing = missingOf(cmds);
  if (!missing.length) return test;
  if (!inCi()) return test.skip;
  return ((name: string) =>
    test(name, () => {
      throw new Error(why(missing));
    })) as unknown as jest.It;
}
