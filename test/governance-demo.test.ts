/**
 * The demo group shows this parts: decisions recorded, four risk triggers rated (the
 * Dashboard counts them), and the quorum of each held meeting with who chaired.
 */
import {openWorkbook, type Clerk} from './driver';

let b: Clerk;
beforeAll(async () => {
  b = await openWorkbook({demo: true});
});

test('the demo has three decisions and a rated self-assessment on the Dashboard', () => {
  expect(b.rows('Decisions', 'H').map(r => `${r['Minute no.']} ${r['Type']}`)).toEqual([
    '4 Recommended to Council',
    '5 Noted',
    '6 Resolved',
  ]);
  b.run('refreshDashboard');
  const rows = b.cells('Dashboard!A1:B140');
  const at = rows.findIndex(r => r[0] === 'Risk triggers (self-assessment)');
  expect(rows.slice(at + 1, at + 6).map(r => `${r[0]}: ${r[1]}`)).toEqual([
    'Red: 1',
    'Amber: 1',
    'Green: 2',
    'Not rated: 17',
    'Last assessed: 2026-11-02',
  ]);
});

test("Check compliance gives each held meeting's quorum and who chaired", () => {
  b.run('checkCompliance');
  const quorum = b
    .rows('Compliance', 'E')
    .filter(r => String(r['Rule']).startsWith('Quorum'))
    .map(r => `${r['Severity']} | ${r['Where']} | ${r['Finding']}`);
  expect(quorum).toEqual([
    'Met | Meetings row 2 (2026-02-12) | 5 members present, chaired by Priya Desai: Priya Desai, Gareth Lewis, Amina Yusuf, Daniel Price, Sofia Marin.',
    'Met | Meetings row 3 (2026-05-14) | 4 members present, chaired by Priya Desai: Priya Desai, Gareth Lewis (substitute Owen Hughes), Amina Yusuf, Sofia Marin.',
    'Met | Meetings row 4 (2026-09-10) | 4 members present, chaired by Gareth Lewis: Priya Desai, Gareth Lewis, Daniel Price, Sofia Marin.',
  ]);
});
