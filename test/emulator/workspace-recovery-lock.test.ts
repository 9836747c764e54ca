/**
 * A workspace opened without its lock (lock: false, as `clerk serve` opens for each request)
 * must not recover another run's save while that run holds the lock: what looks like a save a
 * killed run left may be one under way. Recovery waits for the lock; a save left by a killed
 * run is undone once nobody holds it.
 */
import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import path from 'node:path';
import {lockFileFor} from '../../emulator/book-lock';
import {STAGING} from '../../emulator/journal';
import {BufferIo} from '../../emulator/services/io';
import {PERMISSIVE_SCOPES, Workspace, workspaceDirFor} from '../../emulator/workspace';

test('opening without the lock leaves a save under way alone, and recovers one a killed run left', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-recovery-lock-'));
  const book = path.join(dir, 'book.xlsx');
  const first = await Workspace.open(book, {
    create: true,
    io: new BufferIo(),
    scopes: PERMISSIVE_SCOPES,
  });
  first.spreadsheet.getSheets()[0].getRange('A1').setValue('kept');
  await first.save();
  // Another run is saving: it holds the lock and has staged its files.
  const staged = path.join(workspaceDirFor(book), STAGING);
  mkdirSync(staged, {recursive: true});
  writeFileSync(path.join(staged, 'workbook.xlsx'), 'being written');
  const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  writeFileSync(
    lockFileFor(book),
    JSON.stringify({
      pid: other.pid,
      host: hostname(),
      command: 'clerk edit (another run)',
      since: new Date().toISOString(),
    }),
  );
  try {
    const io = new BufferIo();
    await expect(Workspace.open(book, {io, lock: false, lockWaitMs: 300})).rejects.toThrow(
      /in use by .*clerk edit \(another run\)/,
    );
    expect(existsSync(path.join(staged, 'workbook.xlsx'))).toBe(true);
  } finally {
    other.kill();
    rmSync(lockFileFor(book), {force: true});
  }
  // Nobody holds the lock now: those files were left by a run that was killed.
  const io = new BufferIo();
  const ws = await Workspace.open(book, {io, lock: false});
  try {
    expect(existsSync(staged)).toBe(false);
    expect(io.stderr.join('\n')).toMatch(/is as it was before the last run/);
    expect(ws.spreadsheet.getSheets()[0].getRange('A1').getValue()).toBe('kept');
  } finally {
    ws.discard();
  }
});
