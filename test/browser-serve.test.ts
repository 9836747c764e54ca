/**
 * `clerk serve` in a real browser (issue 15): Debian's Chromium, headless, driven by
 * playwright-core, on 127.0.0.1 only. The public page and its links; the papers sidebar making
 * and publishing the agenda pack through google.script.run; then everything the server serves
 * (page, feed, PDFs, sidebar) searched for confidential items and members' contact details.
 * Needs chromium, LibreOffice (the PDFs) and pdftotext: skipped without them on a developer's
 * machine, never in CI (test/tools.ts; .ci/run installs them).
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {chromium, type Browser, type Page} from 'playwright-core';
import {openWorkbook, DEMO_TODAY} from './driver';
import {serve, type Server} from '../emulator/serve';
import {onPath} from './tools';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ci = process.env.CI === 'true' || process.env.CI === '1';
const ready = onPath('chromium') && onPath('soffice') && onPath('pdftotext');
const suite = ready || ci ? describe : describe.skip;

const SECRET = 'Provider of concern: contract performance (Lot 1)';
// Bounded: a hung browser fails the test rather than the run.
const STEP_MS = 60_000;

suite('clerk serve in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let page: Page;
  const log: string[] = [];
  let contacts: string[] = [];
  let folderRow = 0;

  beforeAll(async () => {
    if (!ready) throw new Error('needs chromium, libreoffice-writer and poppler-utils (pdftotext)');
    const c = await openWorkbook({demo: true});
    const members = c.rows('Members') as {Email: string; Phone: string}[];
    contacts = members.flatMap(m => [m.Email, String(m.Phone ?? '')]).filter(x => x.length > 5);
    // The mailing list's addresses are personal too (the demo has a few).
    for (const e of c.rows('Mailing list') as {Email: string}[])
      if (e.Email) contacts.push(e.Email);
    expect(contacts).toContain('rosa.lindqvist@example.org');
    folderRow = c.settingRow('Papers folder id');
    // Read only: the workbook is served as it was saved.
    c.close();
    server = await serve(c.book, {port: 0, today: DEMO_TODAY, log: l => log.push(l)});
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // The container may have no user namespaces for Chromium's sandbox; the pages are our own.
      args: ['--no-sandbox'],
      timeout: STEP_MS,
    });
    page = await browser.newPage();
    page.setDefaultTimeout(STEP_MS);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the server listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  test(
    'the public page: meetings in captioned tables, "Papers not yet published", no script',
    async () => {
      const res = await page.goto(`${server.url}/?x=%E0%A4%A`);
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toContain('Sector Leadership Group');
      const captions = await page.locator('caption').allTextContents();
      expect(captions[0]).toMatch(/^Upcoming meetings of the/);
      expect(captions[1]).toMatch(/^Past meetings of the/);
      const firstRow = page.locator('table').first().locator('tbody tr').first();
      await expect(firstRow.locator('th').textContent()).resolves.toBe('Thursday 10 December 2026');
      await expect(firstRow.locator('td').last().textContent()).resolves.toBe(
        'Papers not yet published',
      );
      expect(await page.locator('script').count()).toBe(0);
    },
    STEP_MS,
  );

  test(
    'anything that is not a published paper is a 404 that logs nothing personal',
    async () => {
      for (const p of [
        '/papers/1AbCdEfGhIjKlMnOpQrStUvWxYz',
        '/papers/../state.json',
        '/drive',
        '/run/doGet',
      ])
        expect((await page.request.get(`${server.url}${p}`)).status()).toBe(404);
      expect(
        (await page.request.post(`${server.url}/run/sidebarMeetings`, {data: []})).status(),
      ).toBe(403);
      for (const l of log) {
        expect(l).not.toContain('?');
        expect(l).not.toMatch(/@/);
      }
    },
    STEP_MS,
  );

  test(
    'the sidebar: pick a meeting, make the agenda pack, see it listed, publish it',
    async () => {
      await page.goto(`${server.url}/sidebar`);
      const select = page.locator('#meeting');
      await select.locator('option[value="2026-12-10"]').waitFor({state: 'attached'});
      expect((await select.locator('option').allTextContents())[0]).toBe(
        'Thursday 10 December 2026 (Confirmed)',
      );
      // Wait (bounded) until a paper's state reads so.
      const state = (key: string, text: string) =>
        page
          .locator(`tr[data-paper="${key}"] .state`, {hasText: new RegExp(`^${text}$`)})
          .waitFor();
      await state('agenda-full', 'not made');
      await page.click('#make-agenda');
      await state('agenda-full', 'made');
      await state('agenda-public', 'made');
      await page.click('#publish');
      await state('agenda-public', 'published');
      expect(await page.locator('#status').textContent()).toMatch(/^Published\./);
      // An error comes back in plain words: publishing a meeting whose papers are not made.
      await select.selectOption('2027-03-11');
      await state('agenda-full', 'not made');
      await page.click('#publish');
      await page.locator('#status.error').waitFor();
      expect(await page.locator('#status').textContent()).toContain(
        'There is no public agenda for the meeting on 11 March 2027 yet',
      );
    },
    4 * STEP_MS,
  );

  test(
    'the page links the published pack; following it gives the PDF',
    async () => {
      await page.goto(server.url);
      const link = page.getByRole('link', {name: 'Agenda pack (PDF)'});
      const href = await link.getAttribute('href');
      expect(href).toMatch(/^\/papers\/[\w-]+$/);
      const res = await page.request.get(`${server.url}${href}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    },
    STEP_MS,
  );

  test(
    'nothing served holds a confidential item or a member contact detail',
    async () => {
      const texts: [string, string][] = [];
      const get = async (p: string) => {
        const res = await page.request.get(`${server.url}${p}`);
        expect(res.status()).toBe(200);
        return res;
      };
      const html = await (await get('/')).text();
      texts.push(['/', html], ['/?format=ics', await (await get('/?format=ics')).text()]);
      texts.push(['/sidebar', await (await get('/sidebar')).text()]);
      const dir = mkdtempSync(path.join(tmpdir(), 'served-'));
      for (const href of new Set([...html.matchAll(/href="(\/papers\/[\w-]+)"/g)].map(m => m[1]))) {
        const file = path.join(dir, `${path.basename(href)}.pdf`);
        writeFileSync(file, await (await get(href)).body());
        texts.push([href, execFileSync('pdftotext', [file, '-'], {encoding: 'utf8'})]);
      }
      expect(texts.length).toBeGreaterThanOrEqual(4);
      expect(texts.find(([p]) => p.startsWith('/papers/'))![1]).toContain('Agenda');
      for (const [where, text] of texts) {
        expect([where, text.includes(SECRET)]).toEqual([where, false]);
        for (const x of contacts) expect([where, x, text.includes(x)]).toEqual([where, x, false]);
      }
    },
    2 * STEP_MS,
  );

  test(
    'Choose from Drive offline: the stand-in Picker lists the emulated Drive; a pick is checked and saved',
    async () => {
      await page.goto(`${server.url}/choose?select=Settings!A${folderRow}`);
      await page.click('#pick');
      const folders = page.locator('#stand-in-picker button');
      const names = await folders.allTextContents();
      expect(names).toContain("Northfield Care Providers' Sector Leadership Group papers");
      await page.click(
        '#stand-in-picker button:text-is("Northfield Care Providers\' Sector Leadership Group papers")',
      );
      await page.locator('#status', {hasText: 'is now'}).waitFor();
      expect(await page.locator('#status').textContent()).toBe(
        'Settings "Papers folder id" is now "Northfield Care Providers\' Sector Leadership Group papers".',
      );
      // A pasted link that is not one is refused in the dialog, in plain words.
      await page.fill('#link', 'my folder');
      await page.click('#paste button[type=submit]');
      await page.locator('#status.error').waitFor();
      expect(await page.locator('#status').textContent()).toContain(
        '"my folder" is not a Google Drive link or id',
      );
    },
    2 * STEP_MS,
  );
});
