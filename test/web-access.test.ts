/**
 * Who may call the sidebar's server functions (issue 15). A web app that executes as the clerk
 * lets any visitor's browser call every global function with google.script.run; Google then
 * gives getEffectiveUser as the clerk and getActiveUser as the visitor, blank outside the
 * clerk's Workspace domain (developers.google.com/apps-script/reference/base/session). So an
 * anonymous visitor or one who is not an editor is refused, and nothing changes; an editor and
 * the clerk are let through.
 */
import {openWorkbook, Clerk, DEMO_TODAY} from './driver';
import {installVisitor, serve} from '../emulator/serve';

const MEETING = '2026-12-10';
const ACTIONS: [string, unknown[]][] = [
  ['sidebarMeetings', []],
  ['sidebarPapers', [MEETING]],
  ['sidebarSendPreview', [MEETING]],
  ['sidebarMake', [MEETING, 'agenda']],
  ['sidebarPublish', [MEETING]],
  ['sidebarSend', [MEETING]],
];

let book: string;
let docsBefore: number;

beforeAll(async () => {
  const c = await openWorkbook({demo: true});
  c.load({'Mailing list': [{Name: 'Ada Reader', Email: 'ada@example.org', Subscribed: 'Yes'}]});
  docsBefore = c.docs().length;
  book = await c.save();
  c.close();
});

async function callAs(
  as: string,
  actions: [string, unknown[]][],
): Promise<{name: string; ok: boolean; error?: string}[]> {
  const server = await serve(book, {port: 0, today: DEMO_TODAY, as, log: () => undefined});
  try {
    const side = await fetch(`${server.url}/sidebar`);
    expect(side.status).toBe(403);
    expect(await side.text()).toContain('Only an editor of the committee spreadsheet');
    const out = [];
    for (const [name, args] of actions) {
      const r = await fetch(`${server.url}/run/${name}`, {
        method: 'POST',
        headers: {'Content-Type': 'application/json', 'X-Clerk-Run': '1'},
        body: JSON.stringify(args),
      });
      out.push({name, ...((await r.json()) as {ok: boolean; error?: string})});
    }
    return out;
  } finally {
    await server.close();
  }
}

// Each action through the server opens the workbook (a write also saves it): a few seconds each,
// so two per visitor here; every sidebar function is refused in-process below.
describe('through the clerk serve bridge', () => {
  test.each([
    ['an anonymous visitor', '', ACTIONS.slice(4)],
    ['a visitor who is not an editor', 'stranger@example.org', ACTIONS.slice(2, 4)],
  ])(
    '%s is refused, in plain words',
    async (_who, as, actions) => {
      for (const r of await callAs(as, actions as [string, unknown[]][])) {
        expect([r.name, r.ok]).toEqual([r.name, false]);
        expect(r.error).toContain('Only an editor of the committee spreadsheet can do this');
        // The refusal names no one: no member, address or meeting detail comes back.
        expect(r.error).not.toMatch(/@|Ada/);
      }
    },
    60_000,
  );
});

// The workbook as the server left it, opened once: first checked for anything the refused
// calls might have changed, then called in process.
describe('in the script', () => {
  let c: Clerk;
  beforeAll(async () => {
    c = await openWorkbook({book});
  });
  afterAll(() => c.close());

  test('the calls refused through the bridge changed nothing: no mail, no Sent row, no paper, no stamp, nothing published', () => {
    expect(c.outbox()).toEqual([]);
    expect(c.rows('Sent')).toEqual([]);
    expect(c.docs()).toHaveLength(docsBefore);
    expect(c.cells('Meetings!J6')[0][0]).toBe('');
    const props = (
      c.ws.globals.PropertiesService as {getScriptProperties(): {getKeys(): string[]}}
    ).getScriptProperties();
    expect(props.getKeys().filter(k => k.startsWith('published:'))).toEqual([]);
  });

  const call = (fn: string, ...args: unknown[]) => c.ws.script.callFunction(fn, args);

  test('the clerk the script runs as, and an editor of the spreadsheet, are let through', () => {
    expect((call('sidebarMeetings') as {date: string}[]).map(m => m.date)).toContain(MEETING);
    c.ss.addEditor('editor@example.org');
    installVisitor(c.ws, 'Editor@Example.org');
    expect((call('sidebarMeetings') as {date: string}[]).map(m => m.date)).toContain(MEETING);
  });

  test('an editor sending a meeting whose pack is not made is told so, and nothing is sent', () => {
    expect(() => call('sidebarSend', '2027-03-11')).toThrow(
      'The agenda pack for 11 March 2027 has not been made yet, so nothing was sent.',
    );
    expect(c.outbox()).toEqual([]);
    expect(c.rows('Sent')).toEqual([]);
  });

  test('every sidebar function refuses a caller who is not an editor', () => {
    installVisitor(c.ws, 'stranger@example.org');
    for (const [name, args] of ACTIONS)
      expect(() => c.ws.script.callFunction(name, args)).toThrow(/Only an editor/);
  });

  test("the program's other functions are not globals, so google.script.run cannot reach them", () => {
    // scripts/build.mjs keeps all but the exported entry points inside one closure.
    for (const internal of ['sendConfirmed', 'writePublication', 'publishMeeting', 'applyPick'])
      expect(() => call(internal)).toThrow();
  });

  test('the menu handlers refuse a caller who is not an editor too (they are globals as well)', () => {
    installVisitor(c.ws, 'stranger@example.org');
    expect(() => c.run('sendPapers', {select: 'Meetings!A6', answers: ['ok']})).toThrow(
      'Only an editor of the committee spreadsheet can do this',
    );
    expect(c.outbox()).toEqual([]);
    expect(() => call('sidebarPapers', MEETING)).toThrow(/Only an editor/);
  });
});
