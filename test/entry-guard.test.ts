/**
 * Every global of the script can be called from a browser with google.script.run on any page
 * the script serves (developers.google.com/apps-script/guides/html/communication: "any
 * server-side function ... not ending in an underscore"), and a web app that executes as the
 * clerk runs it with the clerk's access (developers.google.com/apps-script/guides/web,
 * "Execute the app as"). So each entry point but doGet and the simple triggers checks its
 * caller (src/entry/guard.ts, called by the wrappers scripts/build.mjs writes): a visitor to
 * the public page cannot load the demo over the registers, set up the workbook, send reminders
 * or forge a trigger's event; the clerk and real triggers carry on.
 */
import {createHash} from 'node:crypto';
import {readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {openWorkbook, savedWorkbook, Clerk, DEMO_TODAY} from './driver';
import {workspaceDirFor} from '../emulator/workspace';
import {installVisitor, serve} from '../emulator/serve';

const CODE = readFileSync(path.join(__dirname, '..', 'dist', 'Code.js'), 'utf8');
const UNGUARDED = ['doGet', 'onOpen', 'onEdit'];

test('every global of dist/Code.js checks its caller first, except doGet, the simple triggers and the private check itself', () => {
  // The program is inside one closure; the globals are the wrappers after it.
  const wrappers = CODE.slice(CODE.lastIndexOf('\n})();\n'));
  const globals = [...wrappers.matchAll(/^function (\w+)\(\) \{\n(.*)\n/gm)];
  expect(globals.length).toBeGreaterThan(40);
  for (const [, name, first] of globals) {
    if (UNGUARDED.includes(name) || name === 'checkCaller_') continue;
    expect([name, first.trim()]).toEqual([name, `checkCaller_('${name}', arguments);`]);
  }
});

describe('in the script', () => {
  let c: Clerk;
  let members: unknown;
  beforeAll(async () => {
    c = await openWorkbook({demo: true});
    members = c.rows('Members');
  });
  const call = (fn: string, ...args: unknown[]) => c.ws.script.callFunction(fn, args);

  test('a visitor who is not an editor is refused by the menu handlers and the triggers, and nothing changes', () => {
    installVisitor(c.ws, 'stranger@example.org');
    for (const fn of ['loadDemoData', 'loadPartnershipDemo', 'setUpWorkbook', 'generateAgendaPack'])
      expect(() => call(fn)).toThrow(/Only an editor of the committee spreadsheet/);
    // A browser can send only plain data: a forged trigger event is not a trigger's.
    expect(() => call('sendDailyReminders', {authMode: 'FULL', triggerUid: '1'})).toThrow(
      /Only an editor/,
    );
    expect(() => call('trimChangeLog')).toThrow(/Only an editor/);
    expect(() => call('recordChange', {range: {getSheet: 'Members'}, value: 'x'})).toThrow(
      /Only an editor/,
    );
    expect(c.rows('Members')).toEqual(members);
    expect(c.outbox()).toEqual([]);
  });

  test('a real trigger event passes: its authMode is the ScriptApp enum, which no browser can send', () => {
    installVisitor(c.ws, 'stranger@example.org');
    const AuthMode = (c.ws.globals.ScriptApp as {AuthMode: {FULL: unknown}}).AuthMode;
    expect(() => call('trimChangeLog', {authMode: AuthMode.FULL, triggerUid: '1'})).not.toThrow();
  });

  test('the clerk the script runs as is let through', () => {
    // The clerk at the keyboard: the active user is the user the script runs as.
    installVisitor(c.ws, String(c.ws.ctx.user));
    expect(c.run('checkMembership').out).not.toContain('Only an editor');
  });
});

test('through clerk serve, an anonymous google.script.run of a menu handler is refused and nothing is saved', async () => {
  const book = await savedWorkbook({demo: true});
  // What is on disk: the workbook and its workspace's state (script properties, triggers, Drive).
  const saved = () =>
    [book, path.join(workspaceDirFor(book), 'state.json')].map(
      f => `${statSync(f).mtimeMs} ${createHash('sha256').update(readFileSync(f)).digest('hex')}`,
    );
  const before = saved();
  const server = await serve(book, {
    port: 0,
    today: DEMO_TODAY,
    as: '',
    log: () => undefined,
  });
  try {
    const r = await fetch(`${server.url}/run/loadPartnershipDemo`, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', 'X-Clerk-Run': '1'},
      body: '[]',
    });
    const answer = (await r.json()) as {ok: boolean; error?: string};
    expect(answer.ok).toBe(false);
    expect(answer.error).toContain('Only an editor of the committee spreadsheet');
  } finally {
    await server.close();
  }
  // Not written again, and byte for byte as saved: the refused call changed nothing.
  expect(saved()).toEqual(before);
});
