/**
 * Saving the workbook, state.json and the Drive files as one step. Everything new is first
 * written under NAME.workspace/.saving/; then journal.json lists the renames that put it in
 * place and the files that go. Writing the journal is the moment of commit: a run killed
 * before it leaves everything old (the next run removes .saving/), one killed after it is
 * finished by the next run (renames and deletions are safe to repeat). Paths in the journal
 * are relative to the workbook's folder, so the pair can be moved between crash and recovery.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

export interface Journal {
  version: 1;
  renames: {from: string; to: string}[];
  deletes: string[];
}

export const JOURNAL = 'journal.json';
export const STAGING = '.saving';

/** Raised by the test seam: the save stops dead at that step, as a killed process would. */
export class SimulatedCrash extends Error {}

/**
 * Test seam: `crashAt` names a step where the save stops (`CLERK_CRASH_AT=step` kills the
 * process there instead); `steps` records every step a save passes, in order.
 */
export const saveSeam: {crashAt: string | null; steps: string[]} = {crashAt: null, steps: []};

export function step(name: string): void {
  saveSeam.steps.push(name);
  if (process.env.CLERK_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
  if (saveSeam.crashAt === name) throw new SimulatedCrash(`simulated crash at ${name}`);
}

function writeDurably(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/** Commits: after this returns the save happens, now or at the next run's recovery. */
export function writeJournal(workspaceDir: string, journal: Journal): void {
  writeDurably(path.join(workspaceDir, JOURNAL), JSON.stringify(journal));
}

/** Puts the staged files in place; every step can be repeated after a crash. */
export function applyJournal(baseDir: string, workspaceDir: string, journal: Journal): void {
  for (const [i, r] of journal.renames.entries()) {
    const from = path.join(baseDir, r.from);
    if (!existsSync(from)) continue; // done before a crash
    const to = path.join(baseDir, r.to);
    mkdirSync(path.dirname(to), {recursive: true});
    renameSync(from, to);
    step(`renamed ${i + 1} of ${journal.renames.length}`);
  }
  for (const d of journal.deletes) rmSync(path.join(baseDir, d), {force: true});
  step('deleted');
  rmSync(path.join(workspaceDir, JOURNAL), {force: true});
  rmSync(path.join(workspaceDir, STAGING), {recursive: true, force: true});
  step('cleaned');
}

/**
 * What a killed save left: finishes a committed one, removes an uncommitted one's files.
 * Returns what it did, for a note to the user, or null when there was nothing to do.
 */
export function recoverSave(baseDir: string, workspaceDir: string): 'finished' | 'undone' | null {
  const journalFile = path.join(workspaceDir, JOURNAL);
  const staging = path.join(workspaceDir, STAGING);
  rmSync(`${journalFile}.tmp`, {force: true});
  if (existsSync(journalFile)) {
    let journal: Journal;
    try {
      journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
    } catch {
      // Written with a rename after fsync, so it is whole; if not, nothing was committed.
      journal = {version: 1, renames: [], deletes: []};
    }
    applyJournal(baseDir, workspaceDir, journal);
    return 'finished';
  }
  if (!existsSync(staging)) return null;
  rmSync(staging, {recursive: true, force: true});
  // A first save (clerk new) that never committed leaves nothing behind.
  if (existsSync(workspaceDir) && !readdirSync(workspaceDir).length) rmdirSync(workspaceDir);
  return 'undone';
}
