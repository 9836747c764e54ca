/**
 * Quorum and chairing: Settings "Quorum" (serving members present), Check compliance on a held
 * meeting from the Attendance tab, the Meetings "Chair" column, and an unreadable quorum as a
 * finding naming its cell.
 */
import {openWorkbook, type Clerk, type RowData} from './driver';
import {presentForQuorum, quorumFindings} from '../src/domain/quorum';
import type {AttendanceRecord, Meeting, Member} from '../src/domain/records';
import {BLANK_MEETING} from './register-helpers';

const member = (row: number, name: string, extra: Partial<Member> = {}): Member => ({
  row,
  name,
  organisation: '',
  role: 'Member',
  nominatedBy: '',
  deputyFor: '',
  providerSize: '',
  clientGroups: [],
  serviceTypes: [],
  email: '',
  phone: '',
  termStart: '2025-01-01',
  termEnd: null,
  status: 'Active',
  interests: '',
  notes: '',
  ...extra,
});
const meeting = (row: number, date: string, status: string, chair = ''): Meeting => ({
  ...BLANK_MEETING,
  row,
  date,
  type: 'Ordinary',
  status,
  chair,
});
const att = (meetingDate: string, who: string, attendance: string, substitute = '') =>
  ({
    row: 0,
    meeting: meetingDate,
    member: who,
    attendance,
    substitute,
    declarations: '',
  }) as AttendanceRecord;

describe('quorum rules', () => {
  const members = [
    member(2, 'Ann Able', {role: 'Chair'}),
    member(3, 'Ben Brook'),
    member(4, 'Cat Cole', {termEnd: '2026-06-30'}),
    member(5, 'Olu Officer', {role: 'Lead officer'}),
    member(6, 'Dan Dee'),
  ];
  const attendance = [
    att('2026-09-10', 'Ann Able', 'Present'),
    att('2026-09-10', 'Ben Brook', 'Substitute attended', 'Bea Brook'),
    att('2026-09-10', 'Cat Cole', 'Present'), // term ended in June: not serving
    att('2026-09-10', 'Olu Officer', 'Present'), // an officer never counts
    att('2026-09-10', 'Dan Dee', 'Apologies'),
    att('2026-10-08', 'Ann Able', 'Present'),
    att('2026-10-08', 'Ben Brook', 'Present'),
    att('2026-10-08', 'Dan Dee', 'present'),
  ];

  test('serving members present in person or by substitute count; officers and former members do not', () => {
    expect(presentForQuorum('2026-09-10', members, attendance)).toEqual([
      'Ann Able',
      'Ben Brook (substitute Bea Brook)',
    ]);
  });

  test('an inquorate held meeting is a problem; a quorate one is met; one without attendance is a note', () => {
    const found = quorumFindings(
      [
        meeting(2, '2026-09-10', 'Held', 'Parent Carer Forum'),
        meeting(3, '2026-10-08', 'Held'),
        meeting(4, '2026-11-05', 'Held'),
        meeting(5, '2026-12-03', 'Confirmed'),
      ],
      members,
      attendance,
      3,
      'Ann Able',
    );
    expect(found.map(f => `${f.severity} | ${f.rule} | ${f.where} | ${f.finding}`)).toEqual([
      'Problem | Quorum (3 members present) | Meetings row 2 (2026-09-10) | Inquorate: 2 of the 3 members needed were present, chaired by Parent Carer Forum (Ann Able, Ben Brook (substitute Bea Brook)). An inquorate meeting can discuss but not decide.',
      'Met | Quorum (3 members present) | Meetings row 3 (2026-10-08) | 3 members present, chaired by Ann Able: Ann Able, Ben Brook, Dan Dee.',
      'Note | Quorum (3 members present) | Meetings row 4 (2026-11-05) | The meeting is Held but no attendance is recorded, so its quorum cannot be checked.',
    ]);
    expect(found[0].whatToDo).toBe(
      'Say so in the minutes and take any decisions again at a quorate meeting; if the Attendance tab is incomplete, complete it.',
    );
  });

  test('quorum 0: the group has none, nothing is checked', () => {
    expect(quorumFindings([meeting(2, '2026-09-10', 'Held')], members, [], 0, '')).toEqual([]);
  });
});

describe('quorum end to end', () => {
  let b: Clerk;
  const m = (name: string, extra: RowData = {}): RowData => ({
    Name: name,
    Role: 'Member',
    'Term start': '2025-01-01',
    Status: 'Active',
    ...extra,
  });
  beforeAll(async () => {
    b = await openWorkbook({today: '2026-11-23'});
    b.load(
      {
        Members: [m('Ann Able', {Role: 'Chair'}), m('Ben Brook'), m('Cat Cole'), m('Dan Dee')],
        Meetings: [
          {'Meeting date': '2026-09-10', Status: 'Held', Chair: 'Ben Brook'},
          {'Meeting date': '2026-10-08', Status: 'Held'},
        ],
        Attendance: [
          {'Meeting date': '2026-09-10', Member: 'Ann Able', Attendance: 'Apologies'},
          {'Meeting date': '2026-09-10', Member: 'Ben Brook', Attendance: 'Present'},
          {'Meeting date': '2026-09-10', Member: 'Cat Cole', Attendance: 'Present'},
          {'Meeting date': '2026-10-08', Member: 'Ann Able', Attendance: 'Present'},
          {'Meeting date': '2026-10-08', Member: 'Ben Brook', Attendance: 'Present'},
          {'Meeting date': '2026-10-08', Member: 'Dan Dee', Attendance: 'Present'},
        ],
      },
      {Chair: 'Ann Able'},
    );
  });

  const quorumRows = () =>
    b
      .rows('Compliance', 'E')
      .filter(r => String(r['Rule']).startsWith('Quorum') || r['Rule'] === 'Readable settings')
      .map(r => `${r['Severity']} | ${r['Where']} | ${r['Finding']}`);

  test('Meetings has a Chair column', () => {
    const heads = b.cells('Meetings!A1:Z1')[0];
    expect(heads).toContain('Chair');
    expect(b.note('Meetings', `${String.fromCharCode(65 + heads.indexOf('Chair'))}1`)).toContain(
      'Who chaired the meeting. Empty: the chair named in Settings.',
    );
  });

  test('Check compliance reports the inquorate meeting from Attendance, with who chaired', () => {
    b.run('checkCompliance');
    expect(quorumRows()).toEqual([
      'Problem | Meetings row 2 (2026-09-10) | Inquorate: 2 of the 3 members needed were present, chaired by Ben Brook (Ben Brook, Cat Cole). An inquorate meeting can discuss but not decide.',
      'Met | Meetings row 3 (2026-10-08) | 3 members present, chaired by Ann Able: Ann Able, Ben Brook, Dan Dee.',
    ]);
  });

  test('a quorum of 2 makes both quorate', () => {
    b.edit(`Settings!B${b.settingRow('Quorum')}`, '2');
    b.run('checkCompliance');
    expect(quorumRows().map(r => r.split(' | ')[0])).toEqual(['Met', 'Met']);
  });

  test('an unreadable quorum is a finding naming its cell and what to do', () => {
    const row = b.settingRow('Quorum');
    b.edit(`Settings!B${row}`, 'three');
    expect(b.note('Settings', `B${row}`)).toContain(
      '"Quorum" should be a number of 0 or more; it is "three"',
    );
    expect(b.run('checkCompliance').out).toContain('problem(s)');
    const found = b.rows('Compliance', 'E').find(r => r['Rule'] === 'Readable settings')!;
    expect(found).toEqual({
      Rule: 'Readable settings',
      Severity: 'Problem',
      Where: `Settings row ${row}, Quorum (cell B${row})`,
      Finding:
        'The setting "Quorum" should be a number of 0 or more; it is "three". Change it in the Value column of the Settings tab.',
      'What to do': `Correct Settings!B${row}; until then the checks use 3, the program's default.`,
    });
    // The check goes on with the default: the September meeting is still inquorate.
    expect(quorumRows()[1]).toContain('Inquorate: 2 of the 3 members needed');
  });
});
