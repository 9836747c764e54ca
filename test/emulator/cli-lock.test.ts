/**
 * Two real `clerk` processes on one workbook at once: the second waits for the first (saying
 * for whom) and then works on what the first saved, so no write is lost.
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {main} from '../../emulator/cli';
import {BufferIo} from '../../emulator/services/io';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'clerk.cjs');

// Each edit also appends to a log kept in script properties: a lost save would lose a line.
const PROBE = `
function onEdit(e) {
  var p = PropertiesService.getScriptProperties();
  p.setProperty('log', (p.getProperty('log') || '') + e.range.getA1Notation() + ';');
  e.range.offset(0, 1).setValue('seen ' + e.value);
}
`;

function clerk(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{code: number | null; err: string}>(resolve => {
    const child = spawn(process.execPath, [bin, ...args], {env: {...process.env, ...env}});
    let err = '';
    child.stderr.on('data', d => (err += String(d)));
    child.on('close', code => resolve({code, err}));
  });
}

test('two clerk edits racing on one workbook: both saved, the second said whom it waited for', async () => {
  if (!existsSync(path.join(root, 'build', 'clerk.cjs')))
    spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {cwd: root});
  const dir = mkdtempSync(path.join(tmpdir(), 'clerk-race-'));
  const probe = path.join(dir, 'probe.gs');
  writeFileSync(probe, PROBE);
  const env = {CLERK_CODE: probe};
  const book = path.join(dir, 'book.xlsx');
  process.env.CLERK_CODE = probe;
  try {
    expect(await main(['new', book], new BufferIo())).toBe(0);
    const runs = await Promise.all(
      ['A1', 'A2', 'A3', 'A4'].map(c => clerk(['edit', book, `Sheet1!${c}`, `value ${c}`], env)),
    );
    expect(runs.map(r => r.code)).toEqual([0, 0, 0, 0]);
    expect(runs.map(r => r.err).join('')).toMatch(
      /note: book\.xlsx is in use by clerk edit .*book\.xlsx Sheet1!A\d \(process \d+ on .+, since .+\); waiting up to 60 s/,
    );
    const got = new BufferIo();
    expect(await main(['get', book, 'Sheet1!A1:B4'], got)).toBe(0);
    expect(got.stdout).toEqual([
      'value A1\tseen value A1',
      'value A2\tseen value A2',
      'value A3\tseen value A3',
      'value A4\tseen value A4',
    ]);
    const log = new BufferIo();
    writeFileSync(
      path.join(dir, 'log.gs'),
      `function log() { return PropertiesService.getScriptProperties().getProperty('log'); }`,
    );
    expect(await main(['exec', book, path.join(dir, 'log.gs'), '--call', 'log'], log)).toBe(0);
    expect(log.stdout[0].split(';').filter(Boolean).sort()).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(existsSync(`${book}.lock`)).toBe(false);
  } finally {
    delete process.env.CLERK_CODE;
  }
}, 60_000);
