// Screenshots of the public papers page and the papers sidebar for the README, made the way a
// clerk would see them: a demo workbook, its next meeting's agenda pack made and published with
// `clerk run`, then `clerk serve` in Debian's Chromium (playwright-core).
// Usage: npm run build && node scripts/web-screenshots.mjs   (writes docs/web-page.png, docs/web-sidebar.png)
import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {clearTimeout} from 'node:timers';
import {chromium} from 'playwright-core';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const clerk = path.join(root, 'bin', 'clerk.cjs');
const today = ['--today', '2026-11-23'];
const book = path.join(mkdtempSync(path.join(tmpdir(), 'clerk-shots-')), 'demo.xlsx');
const run = (...args) => execFileSync('node', [clerk, ...args, ...today], {stdio: 'inherit'});

run('new', book, '--demo');
run('run', book, 'generateAgendaPack', '--select', 'Meetings!A6');
run('run', book, 'publishPapers', '--select', 'Meetings!A6');

const server = spawn('node', [clerk, 'serve', book, '--port', '0', ...today], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('clerk serve did not start in 60 s')), 60_000);
  server.stdout.on('data', d => {
    const m = String(d).match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
  server.on('exit', code => reject(new Error(`clerk serve stopped (${code})`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
try {
  const page = await browser.newPage({viewport: {width: 1000, height: 900}});
  page.setDefaultTimeout(120_000);
  await page.goto(url);
  await page.screenshot({path: path.join(root, 'docs', 'web-page.png'), fullPage: true});
  // A Sheets sidebar is 300 pixels wide.
  const side = await browser.newPage({viewport: {width: 300, height: 560}});
  side.setDefaultTimeout(120_000);
  await side.goto(`${url}/sidebar`);
  await side.locator('tr[data-paper="agenda-public"] .state', {hasText: 'published'}).waitFor();
  await side.screenshot({path: path.join(root, 'docs', 'web-sidebar.png')});
  console.log('wrote docs/web-page.png and docs/web-sidebar.png');
} finally {
  await browser.close();
  server.kill('SIGINT');
}
