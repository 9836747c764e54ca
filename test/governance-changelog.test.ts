/**
 * The change log: switched on from the menu (an installable edit trigger, the tabs protected),
 * each register edit recorded with when, who, tab, cell, the row's key, old and new value;
 * program-built tabs not logged; past the limit the oldest rows move to the archive; switched
 * off, nothing more is recorded. The service calls an edit costs with and without the log are
 * measured with the emulator's call statistics.
 */
import {openWorkbook, type Clerk, type Stats} from './driver';
import {CHANGE_LOG_LIMIT} from '../src/governance/change-log';

const CLERK = 'clerk@example.org';
const OFFICER = 'officer@example.org';

describe('the change log', () => {
  let b: Clerk;
  let callsOff: Stats;
  let flaggedOff = 0;
  beforeAll(async () => {
    b = await openWorkbook({today: '2026-11-23'});
    b.load({
      Members: [
        {Name: 'Ann Able', Role: 'Chair', Status: 'Active'},
        {Name: 'Ben Brook', Role: 'Member', Status: 'Active'},
      ],
      Actions: [
        {
          'Meeting date': '2026-10-08',
          'Action to be taken by': 'Ben Brook',
          Action: 'Circulate the market position statement',
          Status: 'Open',
        },
      ],
    });
    callsOff = b.edit('Members!O3', 'Shadows the chair', {as: OFFICER}).stats;
    flaggedOff = b.edit('Actions!H2', 'soon', {as: OFFICER}).stats.total;
  });

  /** The calls one step made on top of another, by method. */
  const added = (on: Record<string, number>, off: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(on)
        .map(([k, n]) => [k, n - (off[k] ?? 0)] as const)
        .filter(([, n]) => n !== 0),
    );

  const log = () => b.rows('Change log', 'G');
  /** Columns of the log's newest row. */
  const lastLogged = (...columns: string[]) => {
    const last = log().at(-1) ?? {};
    return columns.map(c => last[c]);
  };

  test('is off at first: an edit records nothing', () => {
    expect(log()).toEqual([]);
  });

  test('Switch change log on installs one edit trigger and protects the log', () => {
    const out = b.run('switchChangeLogOn', {as: CLERK}).out;
    expect(out).toContain('The change log is on');
    b.run('switchChangeLogOn', {as: CLERK}); // twice: still one trigger
    const handlers = b.ws.state.triggers.map((t: {handler: string}) => t.handler);
    expect(handlers.filter((h: string) => h === 'recordChange')).toHaveLength(1);
    expect(handlers.filter((h: string) => h === 'trimChangeLog')).toHaveLength(1);
    const p = b.ss.getSheetByName('Change log').getProtections('SHEET');
    expect(p.map((x: {getDescription(): string}) => x.getDescription())).toContain(
      'Committee Clerk: the change log (only the program writes here)',
    );
  });

  test('each register edit is recorded: when, who, tab, cell, row key, old and new value', () => {
    const step = b.edit('Members!O2', 'Trustee, Example Carers Trust', {as: OFFICER});
    b.edit('Actions!G2', 'Closed', {as: OFFICER});
    const rows = log();
    expect(rows.slice(0, 2).map(r => ({...r, When: String(r['When']).slice(0, 10)}))).toEqual([
      {
        When: '2026-11-23',
        Who: OFFICER,
        Tab: 'Members',
        Cell: 'O2',
        Row: 'Ann Able',
        'Old value': '',
        'New value': 'Trustee, Example Carers Trust',
      },
      {
        When: '2026-11-23',
        Who: OFFICER,
        Tab: 'Actions',
        Cell: 'G2',
        Row: 'Circulate the market position statement',
        'Old value': 'Open',
        'New value': 'Closed',
      },
    ]);
    // Measured: the calls of the same kind of edit with the log off and on.
    const extra = step.stats.total - callsOff.total;
    console.log(
      `Change log: an edit costs ${callsOff.total} service calls with the log off, ${step.stats.total} with it on (+${extra}): ${JSON.stringify(step.stats.calls)}`,
    );
    // The trigger's own calls, exactly: the edited tab and its name, one read of the rows to the
    // edit (the row's key), the log and one appendRow; the limit is kept by the daily trim, not
    // by each edit. Issue 16's goal of +2 is not reachable while the check is a simple trigger:
    // the trigger runs apart from it (its own execution, so nothing read is shared) and needs
    // two calls to write the log and at least two to know the tab and the row's key.
    expect(extra).toBe(5);
    expect(added(step.stats.calls, callsOff.calls)).toEqual({
      'Range.getSheet': 1,
      'Sheet.getName': 1,
      'Sheet.getSheetValues': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.appendRow': 1,
    });
  });

  test('a flagged edit: the trigger adds the same five calls to the check, whatever the check does', () => {
    const on = b.edit('Actions!H2', 'next Tuesday', {as: OFFICER});
    expect(b.note('Actions', 'H2')).toContain('"next Tuesday" is not a date');
    expect(lastLogged('Cell', 'Old value', 'New value')).toEqual(['H2', 'soon', 'next Tuesday']);
    expect(on.stats.total - flaggedOff).toBe(5);
  });

  test('an old date is logged as the cell showed it, not as the serial Sheets gives the trigger', () => {
    b.edit('Members!K2', '01/04/2025', {as: OFFICER});
    b.edit('Members!K2', '01/05/2025', {as: OFFICER});
    expect(lastLogged('Cell', 'Row', 'Old value', 'New value')).toEqual([
      'K2',
      'Ann Able',
      '01/04/2025',
      '01/05/2025',
    ]);
  });

  test('an editor Google does not name to the clerk (another domain) is recorded with Who empty', () => {
    b.edit('Members!O3', 'Asked to step down', {as: 'visitor@gmail.com'});
    expect(lastLogged('Who', 'Cell', 'Row', 'New value')).toEqual([
      '',
      'O3',
      'Ben Brook',
      'Asked to step down',
    ]);
  });

  test('a paste is recorded cell by cell (no old value is given for a paste); a large one as one row', () => {
    const before = log().length;
    b.paste('Members', [
      ['Name', 'Role', 'Status'],
      ['Cal Carter', 'Member', 'Active'],
    ]);
    const rows = log().slice(before);
    expect(rows.map(r => [r['Who'], r['Tab'], r['Row'], r['Old value'], r['New value']])).toEqual(
      ['Cal Carter', 'Member', 'Active'].map(v => [
        CLERK,
        'Members',
        'Cal Carter',
        '(not given for a paste)',
        v,
      ]),
    );
    const big = [['Action', 'Comments']];
    for (let i = 1; i <= 101; i++) big.push([`Imported action ${i}`, `Comment ${i}`]);
    b.paste('Actions', big);
    const summary = log().slice(before + rows.length);
    expect(summary).toHaveLength(1);
    expect(summary[0]['Tab']).toBe('Actions');
    expect(summary[0]['Row']).toBe('101 rows');
    expect(summary[0]['New value']).toBe('(202 cells pasted)');
  });

  test('a program-built tab is not logged', () => {
    const before = log().length;
    b.run('checkCompliance');
    b.edit('Compliance!D2', 'noted', {as: OFFICER});
    expect(log()).toHaveLength(before);
  });

  test('past the limit, the daily trim moves the oldest rows to the archive in one batch', () => {
    const sheet = b.ss.getSheetByName('Change log');
    const n = sheet.getLastRow() - 1;
    const filler = Array.from({length: CHANGE_LOG_LIMIT - n}, (_x, i) => [
      new Date(2026, 0, 1),
      'old@example.org',
      'Members',
      'A2',
      `filler ${i + 1}`,
      '',
      'x',
    ]);
    sheet.insertRowsAfter(sheet.getMaxRows(), CHANGE_LOG_LIMIT - sheet.getMaxRows() + 2);
    sheet.getRange(n + 2, 1, filler.length, 7).setValues(filler);
    expect(sheet.getLastRow() - 1).toBe(CHANGE_LOG_LIMIT);
    b.edit('Members!O3', 'Reviewed', {as: OFFICER});
    expect(log()).toHaveLength(CHANGE_LOG_LIMIT + 1); // an edit only appends
    b.run('trimChangeLog', {as: CLERK});
    const kept = log();
    expect(kept).toHaveLength((CHANGE_LOG_LIMIT * 3) / 4);
    expect(kept[kept.length - 1]['New value']).toBe('Reviewed');
    const archived = b.rows('Change log archive', 'G');
    expect(archived).toHaveLength(CHANGE_LOG_LIMIT + 1 - (CHANGE_LOG_LIMIT * 3) / 4);
    expect(archived[0]['Row']).toBe('Ann Able'); // the oldest first
  });

  test('Switch change log off: nothing more is recorded, the log stays', () => {
    expect(b.run('switchChangeLogOff', {as: CLERK}).out).toContain('The change log is off');
    expect(b.ws.state.triggers).toEqual([]);
    const before = log().length;
    b.edit('Members!O2', 'Retired trustee', {as: OFFICER});
    expect(log()).toHaveLength(before);
    expect(b.run('switchChangeLogOff', {as: CLERK}).out).toContain('already off');
  });
});
