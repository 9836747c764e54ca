/**
 * Notice rules per group, end to end: Settings "Notice basis" and "Papers notice days" drive the
 * Meetings deadline formulas and the checks alike; set-up renames the old "Papers clear working
 * days" row (value kept) and replaces the old despatch formula; "Group type" gives a new
 * workbook its kind of group's defaults.
 */
import {openWorkbook, type Clerk} from './driver';
import {deadlines} from '../src/domain/notice';
import {bankHolidaysForYears} from '../src/domain/calendar';

const TODAY = '2026-11-02';
const hols = new Set(bankHolidaysForYears('England and Wales', 2025, 2036).map(h => h.date));

const setting = (b: Clerk, name: string) =>
  b.cells('Settings!A1:B80').find(r => r[0] === name)?.[1];

const despatch = (b: Clerk, date: string) =>
  b.rows('Meetings', 'Q').find(r => r['Meeting date'] === date)!['Papers despatch by'];

// One workbook for the file: new, then its notice rules changed, then made older.
let b: Clerk;
/** The Meetings row of 3 December 2026, which the older workbook's despatch formula is on. */
const OLD_ROW = 3;

describe('a new workbook', () => {
  beforeAll(async () => {
    b = await openWorkbook({today: TODAY});
    b.load({
      Meetings: [
        {'Meeting date': '2026-11-26', Status: 'Confirmed'},
        {'Meeting date': '2026-12-03', Status: 'Confirmed'},
      ],
    });
  });

  test('has the notice settings with the informal group defaults, and a Quorum', () => {
    expect(setting(b, 'Group type')).toBe('Informal group');
    expect(setting(b, 'Papers notice days')).toBe('5');
    expect(setting(b, 'Notice basis')).toBe('Clear working days');
    expect(setting(b, 'Quorum')).toBe('3');
    expect(setting(b, 'Papers clear working days')).toBeUndefined();
  });

  test('clear working days: five clear days before a Thursday is the Wednesday before', () => {
    expect(despatch(b, '2026-11-26')).toBe('2026-11-18');
  });

  test('switching to calendar days moves the live formulas and the checks together', () => {
    b.edit(`Settings!B${b.settingRow('Notice basis')}`, 'Calendar days');
    b.edit(`Settings!B${b.settingRow('Papers notice days')}`, '7');
    expect(despatch(b, '2026-11-26')).toBe('2026-11-19');
    expect(despatch(b, '2026-12-03')).toBe('2026-11-26');
    const rules = {
      agendaAgreedDays: 14,
      papersNoticeDays: 7,
      basis: 'Calendar days' as const,
      reportDeadlineWorkingDays: 3,
    };
    expect(deadlines('2026-12-03', rules, hols).papersDespatchBy).toBe('2026-11-26');
    b.run('showForwardPlan');
    const plan = b.rows('Forward plan', 'H');
    expect(plan.map(r => [r['Meeting date'], r['Papers despatch by']])).toEqual([
      ['Thu 26 Nov 2026', '2026-11-19'],
      ['Thu 3 Dec 2026', '2026-11-26'],
    ]);
  });

  test('an unreadable notice basis is named with what to do', () => {
    const row = b.settingRow('Notice basis');
    b.edit(`Settings!B${row}`, 'fortnightly');
    expect(b.note('Settings', `B${row}`)).toContain(
      'The setting "Notice basis" should be one of: Clear working days, Calendar days; it is "fortnightly".',
    );
    b.edit(`Settings!B${row}`, 'Calendar days');
  });
});

// The same workbook, turned back into what the program left before notice rules per group.
describe('an older workbook', () => {
  beforeAll(() => {
    // As the program left it: the old row name and formula, and no Notice basis row.
    const st = b.ss.getSheetByName('Settings');
    const grid = st.getDataRange().getValues() as unknown[][];
    const r = grid.findIndex(l => l[0] === 'Papers notice days');
    st.getRange(r + 1, 1, 1, 3).setValues([['Papers clear working days', '3', 'old note']]);
    const basis = grid.findIndex(l => l[0] === 'Notice basis');
    st.deleteRow(basis + 1);
    const m = b.ss.getSheetByName('Meetings');
    const heads = m.getRange(1, 1, 1, m.getLastColumn()).getValues()[0] as string[];
    const col = heads.indexOf('Papers despatch by') + 1;
    m.getRange(OLD_ROW, col).setFormula(
      `=IF(ISNUMBER(A${OLD_ROW}),WORKDAY(A${OLD_ROW},-(Notice_PapersClearDays+1),Holidays_All),"")`,
    );
  });

  test('before set-up runs, the checks say which row is missing and what to do', () => {
    // The row under its former name counts, as everywhere settings are read: the one really
    // missing is named.
    const out = b.run('checkCompliance').out;
    expect(out).toContain(
      'The Settings tab has no "Notice basis" row, which the Meetings deadline formulas need. Run Committee > Set up or repair workbook.',
    );
    expect(out).not.toContain('no "Papers notice days" row');
  });

  test('set-up renames the row, keeps its value, and replaces the old formula', () => {
    const toast = b.run('setUpWorkbook').out;
    expect(toast).toContain(
      'renamed the settings "Papers clear working days" → "Papers notice days" (values kept)',
    );
    expect(toast).toContain('added the settings Notice basis');
    expect(setting(b, 'Papers notice days')).toBe('3');
    expect(setting(b, 'Papers clear working days')).toBeUndefined();
    expect(b.formula('Meetings', OLD_ROW, 9)).toContain('Notice_Basis="Calendar days"');
    expect(b.note('Meetings', `I${OLD_ROW}`)).toBe('');
    // Three clear working days before Thursday 3 December: Friday 27 November.
    expect(despatch(b, '2026-12-03')).toBe('2026-11-27');
    // A second run changes nothing.
    expect(b.run('setUpWorkbook').out).toContain('nothing needed repair');
  });
});

describe('Group type gives a new workbook its kind of group', () => {
  test('a partnership board gets calendar-day notice, 7 days, quorum 4 and monthly meetings', async () => {
    const b = await openWorkbook({today: TODAY, blank: true});
    const st = b.ss.insertSheet('Settings');
    st.getRange(1, 1, 2, 3).setValues([
      ['Setting', 'Value', 'Notes'],
      ['Group type', 'partnership board', ''],
    ]);
    b.run('setUpWorkbook');
    expect(setting(b, 'Notice basis')).toBe('Calendar days');
    expect(setting(b, 'Papers notice days')).toBe('7');
    expect(setting(b, 'Quorum')).toBe('4');
    expect(setting(b, 'Meetings per year')).toBe('12');
    expect(setting(b, 'Agenda agreed days')).toBe('14');
  });
});
