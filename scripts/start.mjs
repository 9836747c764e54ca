// `npm start` (after the build): a demo workbook made by the real program in the offline
// emulator, then the Committee menu actions that exist so far, run as an officer would.
// Everything runs in this process through build/clerk.cjs, for speed.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
process.env.TZ = require(path.join(root, 'dist', 'appsscript.json')).timeZone ?? 'Europe/London';
const { main } = require(path.join(root, 'build', 'clerk.cjs'));

const book = path.join('demo', 'committee.xlsx');
const workspace = path.join('demo', 'committee.workspace');
process.chdir(root);
const started = Date.now();

/** Menu actions in the order an officer would use them; each runs only if the program has it. */
const ACTIONS = [
  { fn: 'refreshDashboard' },
  { fn: 'checkCompliance' },
  { fn: 'buildAgendaForSelectedMeeting', select: 'Meetings!A2' },
  { fn: 'generateAgendaPack', select: 'Meetings!A2' },
  { fn: 'generateMinutesDraft', select: 'Meetings!A2' },
  { fn: 'generateActionLogReport' },
];

const defined = new Set();
{
  const code = await import('node:fs').then((fs) => fs.readFileSync(path.join(root, 'dist', 'Code.js'), 'utf8'));
  for (const m of code.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)) defined.add(m[1]);
}

rmSync(book, { force: true });
rmSync(workspace, { recursive: true, force: true });
console.log(`Making ${book} with the fictional demo group…`);
if ((await main(['new', book, '--demo'])) !== 0) process.exit(1);

const ran = [];
for (const action of ACTIONS) {
  if (!defined.has(action.fn)) continue;
  console.log(`\nCommittee menu: ${action.fn}`);
  const argv = ['run', book, action.fn, ...(action.select ? ['--select', action.select] : [])];
  if ((await main(argv)) === 0) ran.push(action.fn);
  else console.log(`(${action.fn} did not finish; the demo carries on)`);
}

const files = [];
const walk = (dir) => {
  if (!existsSync(dir)) return;
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(path.join(workspace, 'drive'));
walk(path.join(workspace, 'outbox'));

console.log(`
Done in ${((Date.now() - started) / 1000).toFixed(1)} s.
  Workbook:  ${book}   (open it in LibreOffice Calc or Excel)
  Actions:   ${ran.length ? ran.join(', ') : 'set-up only (more menu actions arrive with later work)'}
  Papers and mail: ${files.length ? `\n    ${files.join('\n    ')}` : 'none yet'}
Try:  npx clerk get ${book} 'Members!A1:E6'
      npx clerk run ${book} onOpen          (prints the Committee menu)
      npx clerk --help`);
