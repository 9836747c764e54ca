/**
 * Housekeeping the terms of reference ask for (issue 16 item 8): the yearly review of the terms
 * (Settings "Terms of reference reviewed on") in compliance and the clerk's digest; the Documents
 * tab's review dates; volunteer agreements where Settings require them; the Complaints tab, whose
 * open entries add a "Complaints" item when an agenda is built, and whose closing fills Closed on.
 */
import {openWorkbook, type Clerk} from './driver';

let b: Clerk;
beforeAll(async () => {
  b = await openWorkbook({today: '2026-11-23'});
  b.load(
    {
      Members: [
        {Name: 'Ann Able', Role: 'Chair', Status: 'Active', 'Agreement signed on': '2026-01-10'},
        {Name: 'Ben Brook', Role: 'Member', Status: 'Active'},
        {Name: 'Cy Cole', Role: 'Lead officer', Status: 'Active'},
      ],
      Meetings: [{'Meeting date': '2026-12-10', Status: 'Confirmed'}],
      Documents: [
        {Title: 'Terms of reference', Version: '3', 'Review due': '2026-10-01'},
        {Title: 'Volunteer agreement', Version: '2', 'Review due': '2026-12-10'},
        {Title: 'Communications protocol', Version: '1', 'Review due': '2027-09-01'},
      ],
      Complaints: [
        {
          'Received on': '2026-11-02',
          From: 'Example Parent Carer Forum',
          Summary: 'Short notice of respite changes',
          Status: 'Open',
        },
      ],
    },
    {
      'Clerk name': 'Kim Clerk',
      'Clerk email': 'clerk@example.org',
      'Terms of reference reviewed on': '01/10/2025',
      'Volunteer agreements': 'Yes',
    },
  );
});

test('Check compliance: the terms review, documents due and a missing agreement are findings', () => {
  b.run('checkCompliance');
  const findings = b
    .rows('Compliance', 'E')
    .map(f => `${f['Severity']} | ${f['Rule']} | ${f['Where']} | ${f['Finding']}`);
  expect(findings).toEqual(
    expect.arrayContaining([
      'Warning | Terms of reference reviewed yearly | Settings, Terms of reference reviewed on | The terms of reference were last reviewed on 2025-10-01; a review was due by 2026-10-01.',
      'Warning | Document review overdue | Documents row 2 (Terms of reference) | Terms of reference (version 3) is due for review since 2026-10-01.',
      'Note | Document review due within 30 days | Documents row 3 (Volunteer agreement) | Volunteer agreement (version 2) is due for review on 2026-12-10.',
      'Warning | Volunteer agreement signed | Members row 3 (Ben Brook) | Ben Brook has no date in "Agreement signed on", and the group requires a signed volunteer agreement.',
    ]),
  );
  // Signed, not a member role, or not yet due: no finding.
  expect(findings.join('\n')).not.toMatch(
    /Ann Able has no date in "Agreement|Cy Cole has no date in "Agreement|Communications protocol/,
  );
});

test("the clerk's digest lists the reviews that are due", () => {
  const out = b.run('previewReminders').out;
  expect(out).toContain('Reviews due:');
  expect(out).toContain(
    '- The terms of reference were last reviewed on 2025-10-01; a review was due by 2026-10-01.',
  );
});

test('an unreadable review date is a finding naming its cell', () => {
  const row =
    b.rows('Settings', 'C').findIndex(s => s['Setting'] === 'Terms of reference reviewed on') + 2;
  b.edit(`Settings!B${row}`, 'last spring');
  expect(b.note('Settings', `B${row}`)).toContain(
    'should be a date written dd/mm/yyyy, e.g. 01/04/2026',
  );
  b.run('checkCompliance');
  const found = b.rows('Compliance', 'E').find(f => f['Rule'] === 'Readable settings');
  expect(found?.['Where']).toBe(
    `Settings row ${row}, Terms of reference reviewed on (cell B${row})`,
  );
  b.edit(`Settings!B${row}`, '01/10/2025');
});

test('an open complaint adds a "Complaints" item when the agenda is built', () => {
  b.run('buildAgendaForSelectedMeeting', {select: 'Meetings!A2'});
  const titles = b.rows('Agenda', 'L').map(r => r['Title']);
  expect(titles).toContain('Complaints');
});

test('closing a complaint fills Closed on', () => {
  b.edit('Complaints!D2', 'closed');
  expect(b.value('Complaints!D2')).toBe('Closed');
  expect(b.display('Complaints!G2')).toBe('23/11/2026');
});
