/**
 * The clerk command line end to end, in-process (main() with captured output), on a temp dir.
 * A small probe project (CLERK_CODE) records the events it receives in script properties, so
 * the tests can check what Sheets would pass: developers.google.com/apps-script/guides/triggers/events.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {main, runMenuActions} from '../../emulator/cli';
import {BufferIo} from '../../emulator/services/io';

const PROBE = `
function onOpen(e) {
  SpreadsheetApp.getUi().createMenu('Probe').addItem('Make tab', 'makeTab').addToUi();
}
function makeTab() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sh = ss.insertSheet('People');
  sh.getRange('A1:D2').setValues([['Name', 'Joined', 'Note', 'Email'], ['Zoe Old', new Date(2025, 0, 6), 'kept', 'zoe@example.org']]);
  PropertiesService.getScriptProperties().setProperty('made', 'yes');
}
function record(key, e) {
  PropertiesService.getScriptProperties().setProperty(key, JSON.stringify({
    authMode: String(e.authMode), a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(),
    value: e.value === undefined ? '(undefined)' : e.value, oldValue: e.oldValue === undefined ? '(undefined)' : e.oldValue,
    user: e.user.getEmail(), source: typeof e.source.getId(), triggerUid: e.triggerUid === undefined ? '(undefined)' : 'set',
    rows: e.range.getNumRows(), typed: e.range.getValues()[0].map(function (v) { return v instanceof Date ? 'Date' : typeof v; })
  }));
}
function onEdit(e) {
  record('simple', e);
  if (e.value === 'mail please') MailApp.sendEmail('x@example.org', 's', 'b');
  if (e.value === 'trigger please') ScriptApp.getProjectTriggers();
}
function installEditTrigger() {
  ScriptApp.newTrigger('whenEdited').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
  return ScriptApp.getProjectTriggers().length;
}
function whenEdited(e) {
  record('installable', e);
  PropertiesService.getScriptProperties().setProperty('installableSees', String(ScriptApp.getProjectTriggers().length));
}
function ask() {
  var ui = SpreadsheetApp.getUi();
  var r = ui.prompt('Which meeting?', ui.ButtonSet.OK_CANCEL);
  ui.alert('You chose ' + r.getResponseText());
  return r.getResponseText();
}
function installDaily() {
  ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).create();
}
function daily(e) {
  var ui = 'shown';
  try { SpreadsheetApp.getUi(); } catch (err) { ui = err.message; }
  PropertiesService.getScriptProperties().setProperty('daily', JSON.stringify({
    authMode: String(e.authMode), uid: typeof e.triggerUid, year: e.year, month: e.month, day: e['day-of-month'], ui: ui,
    user: Session.getActiveUser().getEmail() }));
}
function sidebar() {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>Help for <b>clerks</b></p>').setTitle('Help'));
}
function locked() {
  var lock = LockService.getDocumentLock();
  if (!lock.tryLock(2000)) return 'busy';
  try { return 'got it'; } finally { lock.releaseLock(); }
}
function addValidation() {
  var rule = SpreadsheetApp.newDataValidation().requireValueInList(['Yes', 'No']).setAllowInvalid(false).build();
  SpreadsheetApp.getActive().getSheetByName('People').getRange('E1:E20').setDataValidation(rule);
}
function halfDone() {
  DocumentApp.create('Half-done draft');
  MailApp.sendEmail('member@example.org', 'Papers', 'Here they are');
  throw new Error('stopped half way');
}
function globalsSeen() {
  var out = [MimeType.GOOGLE_DOCS, String(Charts.ChartType.LINE)];
  try { UrlFetchApp.fetch('https://example.org'); } catch (e) { out.push(e.message); }
  return out;
}
function props() { return PropertiesService.getScriptProperties().getProperties(); }
function today() { return Utilities.formatDate(new Date(), Session.getScriptTimeZone(), 'yyyy-MM-dd'); }
function fail() { throw new Error('the register is empty'); }
`;

let dir: string;
let book: string;

async function clerk(...argv: string[]) {
  const io = new BufferIo();
  const code = await main(argv, io);
  return {code, out: io.stdout, err: io.stderr};
}

function snapshot(file: string) {
  return existsSync(file)
    ? {bytes: readFileSync(file).toString('base64'), mtime: statSync(file).mtimeMs}
    : null;
}

async function props(): Promise<Record<string, string>> {
  const r = await clerk('run', book, 'props');
  expect(r.err).toEqual([]);
  return JSON.parse(r.out.join('\n'));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'clerk-cli-'));
  const probe = path.join(dir, 'probe.gs');
  writeFileSync(probe, PROBE);
  process.env.CLERK_CODE = probe;
  book = path.join(dir, 'book.xlsx');
  const made = await clerk('new', book, '--today', '2026-03-10');
  expect(made.err.filter(l => !l.startsWith('note:'))).toEqual([]);
  expect(made.code).toBe(0);
  expect(made.out.join('\n')).toContain('menu: Probe'); // onOpen ran as the officer opened the new workbook
  expect((await clerk('run', book, 'makeTab')).code).toBe(0);
});

afterAll(() => {
  delete process.env.CLERK_CODE;
});

describe('clerk new, run, get', () => {
  test('new made the workbook and its workspace; run saved what the function did', async () => {
    expect(existsSync(book)).toBe(true);
    expect(existsSync(path.join(dir, 'book.workspace', 'state.json'))).toBe(true);
    expect((await props()).made).toBe('yes');
  });

  test('run onOpen prints the menu', async () => {
    const r = await clerk('run', book, 'onOpen');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toContain('menu: Probe\n  Make tab  [makeTab]');
  });

  test('--today sets the clock the script sees', async () => {
    expect((await clerk('run', book, 'today', '--today', '2027-01-31')).out).toEqual([
      '2027-01-31',
    ]);
  });

  test('get prints display text, or typed JSON with dates as YYYY-MM-DD', async () => {
    const shown = await clerk('get', book, 'People!A1:D2');
    expect(shown.code).toBe(0);
    expect(shown.out[0]).toBe('Name\tJoined\tNote\tEmail');
    expect(shown.out[1].split('\t')[0]).toBe('Zoe Old');
    const json = await clerk('get', book, 'People!A2:D2', '--json');
    expect(JSON.parse(json.out[0])).toEqual([['Zoe Old', '2025-01-06', 'kept', 'zoe@example.org']]);
  });

  test('answers: prompts and alerts take --answer; a question nobody answered fails and saves nothing', async () => {
    const ok = await clerk('run', book, 'ask', '--answer', 'Budget meeting');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('prompt: Which meeting?');
    expect(ok.out).toContain('alert: You chose Budget meeting');
    const before = snapshot(book);
    const none = await clerk('run', book, 'ask');
    expect(none.code).toBe(1);
    expect(none.err).toEqual([
      expect.stringMatching(
        /^clerk: ask failed: the script asked "Which meeting\?" and no --answer was given for it \(probe\.gs:\d+\)$/,
      ),
    ]);
    expect(snapshot(book)).toEqual(before);
  });

  test('--stats prints one JSON line: calls by method, total, modelled time', async () => {
    const r = await clerk('run', book, 'makeTabIfMissing', '--stats');
    expect(r.code).toBe(1); // unknown function: no stats line, just the error
    const g = await clerk('get', book, 'People!A1', '--stats'); // read-only commands report too: nothing the script did
    expect(JSON.parse(g.err[0])).toEqual({calls: {}, total: 0, modelledMs: 0});
    const s = await clerk('run', book, 'props', '--stats');
    const stats = JSON.parse(s.err[s.err.length - 1]);
    expect(stats).toEqual({
      calls: {'PropertiesService.getScriptProperties': 1, 'Properties.getProperties': 1},
      total: 2,
      modelledMs: 10,
    });
  });
});

describe('clerk edit and import fire onEdit as Sheets does', () => {
  test('edit: typed value parsed, onEdit (simple, LIMITED) gets a full event; installable trigger then runs FULL with triggerUid', async () => {
    expect((await clerk('run', book, 'installEditTrigger')).out).toEqual(['1']);
    const r = await clerk('edit', book, 'People!B2', '12/03/2026', '--as', 'chair@example.org');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const p = await props();
    expect(JSON.parse(p.simple)).toEqual({
      // A typed date arrives in e.value as its serial number, as Sheets sends it (46093 = 2026-03-12).
      authMode: 'LIMITED',
      a1: 'B2',
      sheet: 'People',
      value: '46093',
      oldValue: expect.any(String),
      user: 'chair@example.org',
      source: 'string',
      triggerUid: '(undefined)',
      rows: 1,
      typed: ['Date'],
    });
    expect(JSON.parse(p.installable)).toMatchObject({
      authMode: 'FULL',
      a1: 'B2',
      triggerUid: 'set',
      typed: ['Date'],
    });
    // the installable trigger runs as the user who installed it (clerk@example.org), with authorisation
    expect(p.installableSees).toBe('1');
    expect(JSON.parse((await clerk('get', book, 'People!B2', '--json')).out[0])).toEqual([
      ['2026-03-12'],
    ]);
  });

  test("a simple onEdit that needs authorisation fails with Google's error, and nothing is saved", async () => {
    const before = snapshot(book);
    const r = await clerk('edit', book, 'People!C2', 'trigger please');
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(
      /^clerk: onEdit failed: Exception: You do not have permission to call ScriptApp\.getProjectTriggers\. Required permissions: https:\/\/www\.googleapis\.com\/auth\/script\.scriptapp \(probe\.gs:\d+\)$/,
    );
    expect(snapshot(book)).toEqual(before);
  });

  test('import pastes the CSV rows under matching headers after the last row, as one edit', async () => {
    const csv = path.join(dir, 'people.csv');
    writeFileSync(
      csv,
      'Email,Name,Joined,Shoe size\n"amy@example.org","Amy, Jr",01/02/2026,5\nben@example.org,Ben,"03/02/2026",9\n',
    );
    const r = await clerk('import', book, 'People', csv);
    expect(r.err).toEqual([`note: ${csv}: columns not in People, left out: Shoe size`]);
    expect(r.out).toEqual(['pasted 2 row(s) into People!A3:D4']);
    const ev = JSON.parse((await props()).simple);
    expect(ev).toMatchObject({
      a1: 'A3:D4',
      rows: 2,
      value: '(undefined)',
      oldValue: '(undefined)',
      typed: ['string', 'Date', 'string', 'string'],
    });
    const got = JSON.parse((await clerk('get', book, 'People!A2:D4', '--json')).out[0]);
    expect(got).toEqual([
      ['Zoe Old', '2026-03-12', 'kept', 'zoe@example.org'],
      ['Amy, Jr', '2026-02-01', '', 'amy@example.org'],
      ['Ben', '2026-02-03', '', 'ben@example.org'],
    ]);
  });
});

describe('dialogs, locks, the Drive', () => {
  test('a sidebar becomes an HTML file in the workspace, written on save', async () => {
    const r = await clerk('run', book, 'sidebar');
    expect(r.code).toBe(0);
    const line = r.out.find(l => l.startsWith('sidebar: Help -> '))!;
    const file = line.slice('sidebar: Help -> '.length);
    expect(path.dirname(file)).toBe(path.join(dir, 'book.workspace', 'ui'));
    expect(readFileSync(file, 'utf8')).toContain('<p>Help for <b>clerks</b></p>');
  });

  test('CLERK_LOCK_HELD makes the document lock busy: tryLock gives false', async () => {
    expect((await clerk('run', book, 'locked')).out).toEqual(['got it']);
    process.env.CLERK_LOCK_HELD = 'document';
    try {
      expect((await clerk('run', book, 'locked')).out).toEqual(['busy']);
    } finally {
      delete process.env.CLERK_LOCK_HELD;
    }
  });

  test('drive add refuses a corrupt .docx, naming it, and changes nothing', async () => {
    const bad = path.join(dir, 'Broken template.docx');
    writeFileSync(bad, 'not a zip at all');
    const state = path.join(dir, 'book.workspace', 'state.json');
    const before = [snapshot(book), snapshot(state)];
    const r = await clerk('drive', book, 'add', bad, '--id', '1BrokenTemplate000000000001');
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^clerk: Broken template\.docx: /);
    expect([snapshot(book), snapshot(state)]).toEqual(before);
    expect((await clerk('drive', book)).out.join('\n')).not.toContain('Broken');
  });
});

describe('runMenuActions (npm start)', () => {
  test('runs the actions that exist in order, skips missing ones quietly, reports a failure and carries on, saves once', async () => {
    const io = new BufferIo();
    const result = await runMenuActions(
      book,
      [
        {fn: 'notInTheProgram'},
        {fn: 'fail'},
        {
          fn: 'sidebar',
          select: (ss: {getSheets(): {getName(): string}[]}) => `${ss.getSheets()[1].getName()}!A2`,
        },
        {fn: 'today'},
      ],
      {io, today: '2026-05-01'},
    );
    expect(result).toEqual({ran: ['sidebar', 'today'], failed: ['fail']});
    expect(io.stderr).toEqual([
      expect.stringMatching(/^clerk: fail failed: the register is empty/),
    ]);
    expect(io.stdout).toContain('2026-05-01');
    expect(io.stdout.join('\n')).not.toContain('notInTheProgram');
  });
});

describe('other globals', () => {
  test('MimeType and Charts exist; UrlFetchApp says plainly that there is no network', async () => {
    expect(JSON.parse((await clerk('run', book, 'globalsSeen')).out.join('\n'))).toEqual([
      'application/vnd.google-apps.document',
      'LINE',
      'UrlFetchApp is not emulated (UrlFetchApp.fetch): the offline Workspace has no network.',
    ]);
  });
});

describe('time-driven triggers', () => {
  test('run FUNCTION of a time-driven trigger: its event, as the installer, and no Ui', async () => {
    expect((await clerk('run', book, 'installDaily', '--as', 'clerk@example.org')).code).toBe(0);
    const r = await clerk(
      'run',
      book,
      'daily',
      '--today',
      '2026-04-01',
      '--as',
      'other@example.org',
    );
    expect(r.code).toBe(0);
    expect(r.err).toEqual([
      'note: running daily as its time-driven trigger (installed by clerk@example.org)',
    ]);
    expect(JSON.parse((await props()).daily)).toEqual({
      authMode: 'FULL',
      uid: 'string',
      year: 2026,
      month: 4,
      day: 1,
      ui: 'Cannot call SpreadsheetApp.getUi() from this context.',
      user: 'clerk@example.org',
    });
  });
});

describe('bad input: one line, exit 1, workbook and workspace unchanged', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'missing workbook',
      ['run', 'nowhere.xlsx', 'props'],
      /^clerk: workbook not found: nowhere\.xlsx$/,
    ],
    ['unknown function', ['run', '@BOOK', 'nope'], /^clerk: Script function not found: nope$/],
    [
      'missing argument',
      ['run', '@BOOK'],
      /^clerk: run needs the workbook and the function to call\. Usage: /,
    ],
    [
      'cell without tab',
      ['edit', '@BOOK', 'B2', 'x'],
      /^clerk: the cell must name the tab and the cell, like 'Members!B2'; got "B2"$/,
    ],
    [
      'unknown tab',
      ['get', '@BOOK', 'Nope!A1'],
      /^clerk: unknown tab "Nope" in book\.xlsx \(its tabs: Sheet1, People\)$/,
    ],
    [
      'unknown tab on --select',
      ['run', '@BOOK', 'props', '--select', "'No such'!A1"],
      /^clerk: unknown tab "No such" in book\.xlsx/,
    ],
    ['malformed A1', ['get', '@BOOK', 'People!1A'], /^clerk: People!1A: /],
    [
      'unknown tab on import',
      ['import', '@BOOK', 'Nope', '@CSV'],
      /^clerk: unknown tab "Nope" in book\.xlsx$/,
    ],
    [
      'bad --today',
      ['run', '@BOOK', 'props', '--today', '2026-13-01'],
      /^clerk: --today must be a date written YYYY-MM-DD/,
    ],
    ['unknown option', ['run', '@BOOK', 'props', '--colour'], /^clerk: unknown option --colour/],
    [
      'script exception, with where it was thrown',
      ['run', '@BOOK', 'fail'],
      /^clerk: fail failed: the register is empty \(probe\.gs:\d+\)$/,
    ],
    [
      'bad --args',
      ['exec', '@BOOK', '@PROBE', '--call', 'today', '--args', '[1,'],
      /^clerk: --args must be JSON/,
    ],
  ];
  test.each(cases)('%s', async (_name, argv, message) => {
    const csv = path.join(dir, 'ok.csv');
    writeFileSync(csv, 'Name\nX\n');
    const args = argv.map(a =>
      a.replace('@BOOK', book).replace('@CSV', csv).replace('@PROBE', process.env.CLERK_CODE!),
    );
    const state = path.join(dir, 'book.workspace', 'state.json');
    const before = [snapshot(book), snapshot(state)];
    const r = await clerk(...args);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(message);
    expect([snapshot(book), snapshot(state)]).toEqual(before);
  });

  test("a typed value the cell's validation rejects: one line naming the cell, nothing saved, onEdit not fired", async () => {
    expect((await clerk('run', book, 'addValidation')).code).toBe(0);
    const simpleBefore = (await props()).simple;
    const before = snapshot(book);
    const r = await clerk('edit', book, 'People!E2', 'Maybe');
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^clerk: .*People!E2.*Maybe/);
    expect(snapshot(book)).toEqual(before);
    expect((await props()).simple).toBe(simpleBefore);
    expect((await clerk('edit', book, 'People!E2', 'Yes')).code).toBe(0);
  });

  test('a run that fails half way leaves no Doc in the Drive and no mail in the outbox', async () => {
    const r = await clerk('run', book, 'halfDone');
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^clerk: halfDone failed: stopped half way/);
    expect((await clerk('drive', book)).out.join('\n')).not.toContain('Half-done');
    const outbox = path.join(dir, 'book.workspace', 'outbox');
    expect(existsSync(outbox) ? readdirSync(outbox) : []).toEqual([]);
  });

  test('a corrupt workbook is refused and left as it was', async () => {
    const bad = path.join(dir, 'corrupt.xlsx');
    writeFileSync(bad, 'this is not a zip');
    const before = snapshot(bad);
    const r = await clerk('run', bad, 'props');
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^clerk: cannot read workbook corrupt\.xlsx: /);
    expect(snapshot(bad)).toEqual(before);
    expect(existsSync(path.join(dir, 'corrupt.workspace'))).toBe(false);
  });

  test('new refuses to overwrite an existing workbook, or to reuse a workspace left behind', async () => {
    const r = await clerk('new', book);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/already exists/);
    const orphan = path.join(dir, 'orphan.workspace');
    mkdirSync(orphan);
    const o = await clerk('new', path.join(dir, 'orphan.xlsx'));
    expect(o.err).toEqual([
      'clerk: orphan.workspace already exists beside orphan.xlsx (left from an earlier workbook); move or delete it first',
    ]);
    expect(existsSync(path.join(dir, 'orphan.xlsx'))).toBe(false);
  });
});

describe('help', () => {
  test('--help lists every command; COMMAND --help gives its usage', async () => {
    const all = await clerk('--help');
    expect(all.code).toBe(0);
    for (const c of ['new', 'run', 'edit', 'import', 'get', 'exec', 'drive'])
      expect(all.out.join('\n')).toContain(`clerk ${c} `);
    expect((await clerk('edit', '--help')).out[0]).toMatch(/^clerk edit BOOK\.xlsx 'Tab!A1' VALUE/);
  });
});
