// `npm start` (after the build): a demo workbook made by the real program in the offline
// emulator, then the Committee menu actions that exist so far, run as an officer would.
// Everything runs in this process through build/clerk.cjs, for speed.
import {existsSync, readdirSync, rmSync, statSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requireCjs = createRequire(import.meta.url);
// Apps Script runs the program in the manifest's time zone; so does the emulator.
process.env.TZ =
  JSON.parse(readFileSync(path.join(root, 'dist', 'appsscript.json'), 'utf8')).timeZone ??
  'Europe/London';
const {main, runMenuActions} = requireCjs(path.join(root, 'build', 'clerk.cjs'));

process.chdir(root);
const book = path.join('demo', 'committee.xlsx');
const workspace = path.join('demo', 'committee.workspace');
const started = Date.now();

/** The first meeting still to be held (Confirmed, else Provisional): the one an officer would select. */
function nextMeeting(ss) {
  const values = ss.getSheetByName('Meetings')?.getDataRange().getValues();
  if (!values) return null;
  const status = values[0].indexOf('Status');
  for (const wanted of ['Confirmed', 'Provisional']) {
    const i = values.findIndex((r, n) => n > 0 && r[status] === wanted);
    if (i > 0) return `Meetings!A${i + 1}`;
  }
  return null;
}

/** Menu actions in the order an officer would use them; each runs only if the program has it. */
const ACTIONS = [
  {fn: 'refreshDashboard'},
  {fn: 'checkCompliance'},
  {fn: 'buildAgendaForSelectedMeeting', select: nextMeeting},
  {fn: 'generateAgendaPack', select: nextMeeting},
  {fn: 'generateMinutesDraft', select: nextMeeting},
  {fn: 'generateActionLog'},
  {fn: 'generateForwardPlan'},
];

rmSync(book, {force: true});
rmSync(workspace, {recursive: true, force: true});
console.log(`Making ${book} with the fictional demo group…`);
if ((await main(['new', book, '--demo'])) !== 0) process.exit(1);
const {ran, failed} = await runMenuActions(book, ACTIONS);

const files = [];
const walk = dir => {
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
  Dashboard: the Dashboard tab of that workbook (its charts are saved as pictures beside the figures),
             or in the terminal: npx clerk get ${book} 'Dashboard!A1:D40'
  Ran:       ${ran.length ? ran.join(', ') : 'set-up only'}${failed.length ? `\n  Failed:    ${failed.join(', ')} (see the messages above)` : ''}
  Papers and mail (Docs are .docx files):${files.length ? `\n    ${files.join('\n    ')}` : ' none yet'}
Try:  npx clerk get ${book} 'Members!A1:E6'
      npx clerk run ${book} onOpen          (prints the Committee menu)
      npx clerk --help`);
