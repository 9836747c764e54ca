/**
 * `npm run bench`: the performance budgets the issues set, measured, not asserted in tests.
 * Service-call counts come from the emulator's call statistics (`--stats`); modelled Apps
 * Script time from the published per-call latencies in emulator/stats.ts. Wall times are for
 * this machine and vary with its load; CPU time is the steadier figure where given.
 *
 *   npm run bench                 every section
 *   npm run bench -- sheets docs  only the sections named
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {benchSheets} from '../emulator/sheets/bench-sheets';
import {benchDocs} from './bench-docs';
import {benchMoney} from './bench-money';
import {benchWorkbook} from './bench-workbook';
import {benchPapers} from './bench-papers';

process.env.TZ = 'Europe/London';
const root = path.resolve(__dirname, '..');

type Figures = Record<string, string | number>;

function timed(
  cmd: string,
  args: string[],
  env: Record<string, string> = {},
): {ms: number; out: string; status: number | null} {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, {cwd: root, encoding: 'utf8', env: {...process.env, ...env}});
  return {ms: Date.now() - t0, out: `${r.stdout}\n${r.stderr}`, status: r.status};
}

const SECTIONS: Record<string, () => Promise<Figures>> = {
  start: async () => {
    const r = timed(process.execPath, [path.join(root, 'scripts/start.mjs')]);
    if (r.status !== 0) throw new Error(`npm start failed:\n${r.out}`);
    return {'npm start from a built tree, wall ms (budget 10,000)': r.ms};
  },
  sheets: benchSheets,
  docs: benchDocs,
  workbook: benchWorkbook,
  governance: async () => {
    const r = timed(
      process.execPath,
      [
        path.join(root, 'node_modules/jest/bin/jest.js'),
        'test/e2e-governance-scale.test.ts',
        '--silent=false',
      ],
      {GOVERNANCE_BENCH: '1'},
    );
    const lines = r.out
      .split('\n')
      .filter(l => /^(Check compliance|Daily reminders)/.test(l.trim()));
    if (r.status !== 0 || !lines.length)
      throw new Error(`governance scale run failed:\n${r.out.slice(-2000)}`);
    return Object.fromEntries(lines.map((l, i) => [`governance ${i + 1}`, l.trim()]));
  },
  papers: benchPapers,
  money: benchMoney,
};

async function run(): Promise<void> {
  const wanted = process.argv.slice(2).filter(a => !a.startsWith('-'));
  const names = wanted.length ? wanted : Object.keys(SECTIONS);
  let failed = 0;
  for (const name of names) {
    const section = SECTIONS[name];
    if (!section) {
      console.error(`bench: no section "${name}" (sections: ${Object.keys(SECTIONS).join(', ')})`);
      failed++;
      continue;
    }
    console.log(`\n== ${name}`);
    try {
      for (const [k, v] of Object.entries(await section())) console.log(`  ${k}: ${v}`);
    } catch (e) {
      failed++;
      console.log(`  FAILED: ${(e as Error).message}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

run();
