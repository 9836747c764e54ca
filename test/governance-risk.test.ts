/**
 * Risk triggers: set-up fills the regional sector-led-improvement triggers into a new workbook
 * (four areas), RAG and Support sought are validated as typed, rated rows need a date (and Red or
 * Amber the support sought), and the Dashboard counts Red, Amber and Green with the date of the
 * last assessment.
 */
import {openWorkbook, type Clerk} from './driver';
import {RISK_TRIGGER_SEED} from '../src/governance/risk-triggers';
import {RISK_AREAS} from '../src/workbook/schema';

// One new workbook, rated step by step: each test carries on from the one before.
describe('the Risk triggers tab', () => {
  let b: Clerk;
  beforeAll(async () => {
    b = await openWorkbook({today: '2026-11-23'});
  });

  const block = () => {
    const rows = b.cells('Dashboard!A1:B120');
    const at = rows.findIndex(r => r[0] === 'Risk triggers (self-assessment)');
    return rows.slice(at + 1, at + 6).map(r => `${r[0]}: ${r[1]}`);
  };

  test('a new workbook has the 21 triggers across the four areas, in the table order', () => {
    const rows = b.rows('Risk triggers', 'H');
    expect(rows).toHaveLength(21);
    expect(RISK_TRIGGER_SEED).toHaveLength(21);
    expect([...new Set(rows.map(r => r['Area']))]).toEqual([...RISK_AREAS]);
    expect(rows.filter(r => r['Area'] === 'Other intelligence')).toHaveLength(6);
    expect(rows[0]).toEqual({
      Area: 'Outcomes',
      Trigger: 'Outcome framework measures below the regional average or falling',
      'Source of data': 'Performance leads group',
      RAG: '',
      Evidence: '',
      'Assessed on': '',
      'Assessed by': '',
      'Support sought': '',
    });
    expect(b.note('Risk triggers', 'A1')).toContain('annual risk self-assessment');
  });

  test('with no assessment yet the Dashboard says so', () => {
    b.run('refreshDashboard');
    const rows = b.cells('Dashboard!A1:B120');
    const at = rows.findIndex(r => r[0] === 'Last assessed');
    expect(rows[at][1]).toBe('Not yet assessed');
  });

  test('set-up again leaves the rows alone (no second copy)', () => {
    b.run('setUpWorkbook');
    expect(b.rows('Risk triggers', 'H')).toHaveLength(21);
  });

  test('RAG and Support sought refuse other values, with a note saying what was typed', () => {
    b.edit('Risk triggers!D2', 'amber');
    expect(b.value('Risk triggers!D2')).toBe('Amber');
    b.edit('Risk triggers!D3', 'Orange');
    expect(b.value('Risk triggers!D3')).toBe('');
    expect(b.note('Risk triggers', 'D3')).toContain('"Orange" was typed here');
    expect(b.note('Risk triggers', 'D3')).toContain('Red, Amber, Green');
    b.edit('Risk triggers!H3', 'Mentoring');
    expect(b.value('Risk triggers!H3')).toBe('');
    expect(b.note('Risk triggers', 'H3')).toContain('Self help, Targeted support, Intervention');
  });

  test('a rated trigger needs its date, and Red or Amber the support sought', () => {
    expect(b.note('Risk triggers', 'F2')).toContain(
      'A trigger rated Amber needs the date it was assessed',
    );
    expect(b.note('Risk triggers', 'H2')).toContain(
      'A trigger rated Amber needs the support sought: Self help, Targeted support or Intervention.',
    );
    b.edit('Risk triggers!F2', '14/10/2026');
    b.edit('Risk triggers!H2', 'targeted support');
    expect(b.value('Risk triggers!H2')).toBe('Targeted support');
  });

  test('the Dashboard counts Red, Amber and Green and shows the last assessment', () => {
    b.run('refreshDashboard');
    expect(block()).toEqual([
      'Red: 0',
      'Amber: 1',
      'Green: 0',
      'Not rated: 20',
      'Last assessed: 2026-10-14',
    ]);
    b.edit('Risk triggers!D4', 'Red');
    b.edit('Risk triggers!F4', '03/11/2026');
    b.edit('Risk triggers!D5', 'Green');
    b.edit('Risk triggers!F5', '02/11/2026');
    // Live formulas: no refresh needed.
    expect(block()).toEqual([
      'Red: 1',
      'Amber: 1',
      'Green: 1',
      'Not rated: 18',
      'Last assessed: 2026-11-03',
    ]);
  });
});
