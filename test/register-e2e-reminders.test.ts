/**
 * Reminders read the registers through the one reader (issue 10): an address the program has
 * flagged (here written by a script, so the edit check never saw it) is never mailed, and the
 * preview says who was left out and why.
 */
import {openWorkbook} from './driver';

test('a flagged address is skipped, and the preview says why', async () => {
  const c = await openWorkbook({today: '2026-11-23'});
  c.load(
    {
      Members: [
        {Name: 'Ann Able', Role: 'Member', Email: 'ann@', Status: 'Active'},
        {Name: 'Bo Bell', Role: 'Member', Email: 'bo@example.org', Status: 'Active'},
      ],
      Actions: [
        {
          'Action to be taken by': 'Ann Able',
          Action: 'Send the survey',
          'Review date': '2026-11-10',
        },
        {'Action to be taken by': 'Bo Bell', Action: 'Book the room', 'Review date': '2026-11-12'},
      ],
    },
    {'Clerk name': 'Kim Clerk', 'Clerk email': 'clerk@example.org'},
  );
  const step = c.run('previewReminders');
  expect(step.out).toContain(
    'Not sent to: Ann Able (the Email on Members row 2 is flagged: "ann@" is not an email address).',
  );
  expect(step.out).toContain('To: Bo Bell <bo@example.org>');
  expect(step.out).not.toContain('<ann@>');
});
