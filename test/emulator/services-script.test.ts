/**
 * ScriptApp triggers, the Ui (menus, alert, prompt, dialogs) and the script runtime
 * (one global scope over several files, the emulated clock's Date, simple-trigger rules).
 */
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {newContext, type ServiceContext} from '../../emulator/context';
import {sleepableClock} from '../../emulator/workspace';
import {createScriptApp, type TriggerRecord} from '../../emulator/services/script-app';
import {ButtonSet, UiRecorder} from '../../emulator/services/ui';
import {BufferIo} from '../../emulator/services/io';
import {ScriptRuntime} from '../../emulator/runtime';
import {createUtilities} from '../../emulator/services/utilities';

const ALL = [
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/script.container.ui',
];

function ctxWith(scopes: string[] = ALL, today = '2026-03-10'): ServiceContext {
  const base = newContext({today, scopes});
  return {...base, clock: sleepableClock(base.clock)};
}

// developers.google.com/apps-script/reference/script/script-app and /script/clock-trigger-builder
describe('ScriptApp', () => {
  test('time-driven and spreadsheet triggers are recorded, listed and deleted', () => {
    const ctx = ctxWith();
    const triggers: TriggerRecord[] = [];
    const S = createScriptApp(ctx, triggers, {scriptId: 's1', containerId: 'ss1'});
    const t = S.newTrigger('sendReminders').timeBased().everyDays(1).atHour(7).create();
    S.newTrigger('checkEdit')
      .forSpreadsheet({getId: () => 'ss1'})
      .onEdit()
      .create();
    expect(t.getHandlerFunction()).toBe('sendReminders');
    expect(t.getEventType()).toBe(S.EventType.CLOCK);
    expect(String(t.getEventType())).toBe('CLOCK');
    expect(t.getUniqueId()).toMatch(/^\d+$/);
    expect(triggers.map(r => [r.handler, r.event, r.sourceId, r.schedule])).toEqual([
      ['sendReminders', 'CLOCK', null, {everyDays: 1, atHour: 7}],
      ['checkEdit', 'ON_EDIT', 'ss1', undefined],
    ]);
    const listed = S.getProjectTriggers();
    expect(listed.map(x => x.getHandlerFunction())).toEqual(['sendReminders', 'checkEdit']);
    S.deleteTrigger(listed[0]);
    expect(triggers.map(r => r.handler)).toEqual(['checkEdit']);
    expect(() => S.newTrigger('x').timeBased().everyHours(3)).toThrow(
      'everyHours must be 1, 2, 4, 6, 8 or 12',
    );
    expect(ctx.stats.get('ScriptApp.newTrigger')).toBe(3);
  });

  test('20 triggers per user; needs the script.scriptapp scope; refused in a simple trigger', () => {
    const ctx = ctxWith();
    const S = createScriptApp(ctx, [], {scriptId: 's1', containerId: 'ss1'});
    for (let i = 0; i < 20; i++) S.newTrigger(`f${i}`).timeBased().everyDays(1).create();
    expect(() => S.newTrigger('f21').timeBased().everyDays(1).create()).toThrow(
      'This script has too many triggers',
    );
    const narrow = createScriptApp(ctxWith([]), [], {scriptId: 's1', containerId: 'ss1'});
    expect(() => narrow.newTrigger('f')).toThrow(
      'Exception: You do not have permission to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
    ctx.authMode = 'LIMITED';
    expect(() => S.getProjectTriggers()).toThrow(
      'You do not have permission to call ScriptApp.getProjectTriggers',
    );
  });
});

// developers.google.com/apps-script/reference/base/ui, /base/menu, /base/prompt-response
describe('Ui', () => {
  function ui(answers: string[], scopes = ALL) {
    const io = new BufferIo();
    const staged: string[] = [];
    const ctx = ctxWith(scopes);
    const rec = new UiRecorder(ctx, {
      io,
      answers,
      stageHtml: (kind, title, out) => (
        staged.push(`${kind}|${title}|${out.getContent()}`),
        `/ws/ui/${kind}.html`
      ),
    });
    return {ui: rec.create() as any, rec, io, staged, ctx};
  }

  test('menus are recorded and printed as a tree', () => {
    const {ui: u, rec, io} = ui([]);
    u.createMenu('Committee')
      .addItem('Set up', 'setUpWorkbook')
      .addSeparator()
      .addSubMenu(u.createMenu('Papers').addItem('Agenda', 'makeAgenda'))
      .addToUi();
    expect(rec.menus[0].entries.map(e => e.kind)).toEqual(['item', 'separator', 'submenu']);
    expect(io.stdout.join('\n')).toBe(
      [
        'menu: Committee',
        '  Set up  [setUpWorkbook]',
        '  ────────',
        '  Papers',
        '    Agenda  [makeAgenda]',
      ].join('\n'),
    );
  });

  test('alert and prompt answered from --answer, printed; unanswered question names it', () => {
    const {ui: u, io} = ui(['yes', 'Budget 2026', 'cancel']);
    expect(u.alert('Notice', 'Saved.', u.ButtonSet.OK)).toBe(u.Button.OK); // OK-only needs no answer
    expect(u.alert('Send the papers now?', ButtonSet.YES_NO)).toBe(u.Button.YES);
    const r = u.prompt('Title', 'Name the report', u.ButtonSet.OK_CANCEL);
    expect(r.getResponseText()).toBe('Budget 2026');
    expect(r.getSelectedButton()).toBe(u.Button.OK);
    const c = u.prompt('Another?', u.ButtonSet.OK_CANCEL);
    expect(c.getSelectedButton()).toBe(u.Button.CANCEL);
    expect(c.getResponseText()).toBe('');
    expect(io.stdout).toContain('alert: Notice: Saved.');
    expect(io.stdout).toContain('alert: Send the papers now?');
    expect(() => u.prompt('Which meeting?')).toThrow(
      'the script asked "Which meeting?" and no --answer was given for it',
    );
  });

  test('an answer that is not one of the buttons is refused', () => {
    const {ui: u} = ui(['cancel']);
    expect(() => u.alert('Delete?', u.ButtonSet.YES_NO)).toThrow(
      '--answer "cancel" does not fit "Delete?" (buttons: yes, no)',
    );
  });

  test('dialogs and sidebars become HTML files and need script.container.ui', () => {
    const {ui: u, staged, io} = ui([]);
    u.showSidebar({getContent: () => '<p>Hi</p>', getTitle: () => 'Help'});
    expect(staged).toEqual(['sidebar|Help|<p>Hi</p>']);
    expect(io.stdout).toContain('sidebar: Help -> /ws/ui/sidebar.html');
    const narrow = ui([], []);
    expect(() => narrow.ui.showModalDialog({getContent: () => ''}, 'T')).toThrow(
      'You do not have permission to call Ui.showModalDialog. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });
});

// developers.google.com/apps-script/guides/v8-runtime and /guides/triggers ("Restrictions")
describe('ScriptRuntime', () => {
  function files(...sources: string[]): string[] {
    const dir = mkdtempSync(path.join(tmpdir(), 'rt-'));
    return sources.map((s, i) => {
      const f = path.join(dir, `f${i}.gs`);
      writeFileSync(f, s);
      return f;
    });
  }

  test("files share one global scope in order (const, class); Date is the emulated clock and the services' Date", () => {
    const ctx = ctxWith(ALL, '2026-03-10');
    const io = new BufferIo();
    const U = createUtilities(ctx);
    const rt = ScriptRuntime.load(
      files(
        'const TZ = "Europe/London"; class Box { constructor(v) { this.v = v; } }',
        'var made = new Box(2); function today() { return Utilities.formatDate(new Date(), TZ, "yyyy-MM-dd"); }\n' +
          'function kinds(d, a, e) { return [d instanceof Date, a instanceof Array, e instanceof Error, typeof Date.now()]; }\n' +
          'function boom() { undefinedThing.x(); }',
      ),
      {Utilities: U},
      ctx,
      io,
    );
    expect(rt.callFunction('today')).toBe('2026-03-10');
    expect(rt.callFunction('kinds', [new Date(), [1], new Error('x')])).toEqual([
      true,
      true,
      true,
      'number',
    ]);
    expect(() => rt.callFunction('nope')).toThrow('Script function not found: nope');
    expect(() => rt.callFunction('boom')).toThrow('undefinedThing is not defined');
    // Node-only globals are absent, as in Apps Script
    expect(rt.callFunction('eval', ['typeof require + typeof process + typeof setTimeout'])).toBe(
      'undefinedundefinedundefined',
    );
  });

  test("a simple trigger runs LIMITED: a service that needs authorisation throws Google's error", () => {
    const ctx = ctxWith(ALL);
    const S = createScriptApp(ctx, [], {scriptId: 's', containerId: 'c'});
    const rt = ScriptRuntime.load(
      files('function onEdit(e) { ScriptApp.newTrigger("x").timeBased().everyDays(1).create(); }'),
      {ScriptApp: S},
      ctx,
      new BufferIo(),
    );
    expect(() => rt.callFunction('onEdit', [{}], {trigger: 'simple'})).toThrow(
      'You do not have permission to call ScriptApp.newTrigger',
    );
    expect(ctx.authMode).toBe('FULL');
    expect(() => rt.callFunction('onEdit', [{}])).not.toThrow();
  });

  test("a simple trigger that would pass Google's 30 s limit gets a note", () => {
    const ctx = ctxWith(ALL);
    const io = new BufferIo();
    const slow = {create: () => ctx.stats.count('DocumentApp.create')}; // 1 s each in the latency table
    const rt = ScriptRuntime.load(
      files('function onOpen() { for (var i = 0; i < 31; i++) Slow.create(); }'),
      {Slow: slow},
      ctx,
      io,
    );
    rt.callFunction('onOpen', [], {trigger: 'simple'});
    expect(io.stderr).toEqual([
      'note: onOpen would take about 31 s in Apps Script; simple triggers are stopped after 30 s.',
    ]);
    rt.callFunction('onOpen', []); // a menu run may take 6 minutes: no note
    expect(io.stderr).toHaveLength(1);
  });

  test('a syntax error names the file and line', () => {
    expect(() =>
      ScriptRuntime.load(files('function ok() {}\nfunction bad( {'), {}, ctxWith(), new BufferIo()),
    ).toThrow(/f0\.gs:2: SyntaxError/);
  });
});
