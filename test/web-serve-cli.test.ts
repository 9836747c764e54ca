/**
 * `clerk serve` as a person starts it (a real process): it says where it listens, serves the
 * page and the feed, refuses bad options with one line, lets another clerk command use the
 * workbook between requests, and stops cleanly on Ctrl-C (SIGINT).
 */
import {spawn, spawnSync, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {savedWorkbook} from './driver';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'clerk.cjs');

beforeAll(() => {
  if (!existsSync(path.join(root, 'build', 'clerk.cjs')))
    spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {cwd: root});
});

test('a bad --port is one plain line and exit status 1', () => {
  const r = spawnSync(process.execPath, [bin, 'serve', 'book.xlsx', '--port', 'eighty'], {
    encoding: 'utf8',
  });
  expect(r.status).toBe(1);
  expect(r.stderr.trim()).toBe('clerk: --port must be a number from 0 to 65535; got "eighty"');
  const as = spawnSync(process.execPath, [bin, 'serve', 'book.xlsx', '--as', 'nobody'], {
    encoding: 'utf8',
  });
  expect(as.status).toBe(1);
  expect(as.stderr.trim()).toBe(
    'clerk: --as must be an email address or "anonymous"; got "nobody"',
  );
  const none = spawnSync(process.execPath, [bin, 'serve'], {encoding: 'utf8'});
  expect(none.stderr).toContain('clerk: serve needs the workbook');
});

// Three steps, each within jest's time limit however busy the machine: the workbook, the
// server up (it loads the workbook), then the requests.
describe('clerk serve', () => {
  let book: string;
  let child: ChildProcessWithoutNullStreams;
  let url: string;
  let out = '';
  let err = '';
  let exited: Promise<number | null>;
  beforeAll(async () => {
    book = await savedWorkbook({demo: true});
  });
  beforeAll(async () => {
    child = spawn(process.execPath, [bin, 'serve', book, '--port', '0', '--today', '2026-11-23']);
    child.stderr.on('data', d => (err += String(d)));
    exited = new Promise(resolve => child.on('close', code => resolve(code)));
    url = await new Promise<string>((resolve, reject) => {
      child.on('close', code => reject(new Error(`clerk serve ended (${code}): ${out}${err}`)));
      child.stdout.on('data', d => {
        out += String(d);
        const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+)\//);
        if (m) resolve(m[1]);
      });
    });
  });
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
  });

  test('serves the page and feed on 127.0.0.1, lets clerk get run meanwhile, stops on SIGINT', async () => {
    try {
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<caption>Upcoming meetings of the');
      const feed = await fetch(`${url}/?format=ics`);
      expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
      // The server holds no lock between requests: another command reads the workbook now.
      const get = spawnSync(process.execPath, [bin, 'get', book, 'Meetings!A6'], {
        encoding: 'utf8',
      });
      expect(get.status).toBe(0);
      expect(get.stdout.trim()).toBe('10/12/2026');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(out).toContain('Stopped.');
    expect(err).toMatch(/^GET \/ 200 \d+ ms$/m);
  });
});
