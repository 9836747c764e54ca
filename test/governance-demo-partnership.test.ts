/**
 * The partnership-board demo (`clerk new BOOK --demo=partnership`): a parent-carer partnership
 * with calendar-day notice of 7 days, monthly meetings 10:00-14:00 chaired by the forum,
 * complaints at every meeting and volunteer agreements. It builds, and Check compliance finds
 * exactly its deliberate findings; the provider group stays the default demo.
 */
import {openWorkbook, type Clerk} from './driver';

let b: Clerk;
beforeAll(async () => {
  b = await openWorkbook({today: '2026-11-23'});
  b.run('loadPartnershipDemo');
});

const setting = (name: string) =>
  b.rows('Settings', 'C').find(s => s['Setting'] === name)?.['Value'];

test('the settings are the partnership terms', () => {
  expect(setting('Group type')).toBe('Partnership board');
  expect(setting('Notice basis')).toBe('Calendar days');
  expect(String(setting('Papers notice days'))).toBe('7');
  expect(setting('Volunteer agreements')).toBe('Yes');
  expect(String(setting('Standing items'))).toContain('Complaints');
});

test('monthly meetings 10:00-14:00 chaired by the forum; papers a week before (calendar days)', () => {
  const rows = b.rows('Meetings', 'Z');
  const next = rows.findIndex(r => r['Status'] === 'Confirmed') + 2; // the sheet row
  expect(b.display(`Meetings!A${next}`)).toBe('08/12/2026');
  expect(b.display(`Meetings!B${next}`)).toBe('10:00');
  expect(b.display(`Meetings!C${next}`)).toBe('14:00');
  expect(rows[next - 3]['Chair']).toBe('Westbrook Parent Carer Forum');
  // 8 December less 7 calendar days is Tuesday 1 December.
  expect(String(b.display(`Meetings!I${next}`))).toBe('01/12/2026');
});

test('Check compliance: the deliberate findings, and no other problem', () => {
  b.run('checkCompliance');
  const findings = b.rows('Compliance', 'E');
  const bad = findings
    .filter(f => f['Severity'] === 'Problem' || f['Severity'] === 'Warning')
    .map(f => `${f['Rule']} | ${f['Where']}`);
  expect(bad).toEqual(
    expect.arrayContaining([
      "A substitute is the member's registered deputy | Attendance row 58 (2026-10-13, Lucy Fenwick)",
      'Volunteer agreement signed | Members row 5 (Priyanka Shah)',
      'Document review overdue | Documents row 3 (Volunteer agreement)',
    ]),
  );
  const problems = findings.filter(f => f['Severity'] === 'Problem').map(f => f['Rule']);
  expect(problems).toEqual(["A substitute is the member's registered deputy"]);
  const met = findings.filter(f => f['Severity'] === 'Met').map(f => f['Rule']);
  expect(met).toEqual(
    expect.arrayContaining([
      'Each nominated member has a deputy',
      'One serving nominee per nominating body',
      'Meetings a year',
    ]),
  );
});

test('building the next agenda adds the standing items, Complaints among them', () => {
  b.run('buildAgendaForSelectedMeeting', {select: 'Meetings!A13'});
  const titles = b
    .rows('Agenda', 'M')
    .filter(r => r['Standing item'] === 'Yes')
    .map(r => r['Title']);
  expect(titles).toContain('Complaints');
});

test('the provider group stays the default demo', async () => {
  const p = await openWorkbook({demo: true});
  expect(p.rows('Settings', 'C').find(s => s['Setting'] === 'Group name')?.['Value']).toBe(
    "Northfield Care Providers' Sector Leadership Group",
  );
});
