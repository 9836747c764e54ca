/**
 * Deputies and nominations (issue 16 item 3), end to end: a substitute who is not the absent
 * member's registered deputy, a substitute for a member who attends personally, and two serving
 * nominees of one nominating body are flagged as they are typed (kept, with a note), on the
 * Problems list and in Check compliance.
 */
import {openWorkbook, FLAG, type Clerk} from './driver';
import {deputyFindings, substituteProblem} from '../src/domain/deputies';
import type {Member} from '../src/domain/records';

const base = {
  role: 'Member',
  nominatedBy: '',
  deputyFor: '',
  status: 'Active',
  termStart: null,
  termEnd: null,
};
const roster: Pick<
  Member,
  'row' | 'name' | 'role' | 'nominatedBy' | 'deputyFor' | 'status' | 'termStart' | 'termEnd'
>[] = [
  {...base, row: 2, name: 'Ann Able', nominatedBy: 'Example Care Association'},
  {...base, row: 3, name: 'Ben Brook'},
  {...base, row: 4, name: 'Owen Oak', role: 'Deputy', deputyFor: 'Ann Able'},
  {...base, row: 5, name: 'Cat Cole', nominatedBy: 'example care association '},
  {...base, row: 6, name: 'Dot Dale', role: 'Deputy', nominatedBy: 'Example Care Association'},
];

describe('the rules (pure)', () => {
  test('the registered deputy may stand in; anyone else, or for a member not nominated, may not', () => {
    expect(substituteProblem('Ann Able', 'owen oak', '2026-10-01', roster)).toBeNull();
    expect(substituteProblem('Ann Able', 'Pat Pine', '2026-10-01', roster)?.problem).toBe(
      "Pat Pine is not Ann Able's registered deputy (Owen Oak).",
    );
    expect(substituteProblem('Cat Cole', 'Pat Pine', null, roster)?.problem).toBe(
      'Pat Pine attended for Cat Cole, who has no registered deputy.',
    );
    expect(substituteProblem('Ben Brook', 'Owen Oak', null, roster)?.problem).toBe(
      'Owen Oak attended for Ben Brook, who is not a nominated member and so attends personally.',
    );
    // A deputy whose term has ended on the meeting day is no longer registered.
    const ended = roster.map(m => (m.name === 'Owen Oak' ? {...m, termEnd: '2026-06-30'} : m));
    expect(substituteProblem('Ann Able', 'Owen Oak', '2026-10-01', ended)?.problem).toBe(
      'Owen Oak attended for Ann Able, who has no registered deputy.',
    );
  });

  test('a second serving nominee of one body is found (case and spaces ignored; deputies not counted)', () => {
    const found = deputyFindings(roster, [], '2026-11-23');
    expect(found.map(f => [f.rule, f.where, f.header])).toEqual([
      ['One serving nominee per nominating body', 'Members row 5 (Cat Cole)', 'Nominated by'],
    ]);
    expect(found[0].finding).toBe(
      'Cat Cole and Ann Able are both serving nominees of example care association; a nominating body has one member (its deputy stands in).',
    );
  });
});

describe('in the workbook', () => {
  let b: Clerk;
  beforeAll(async () => {
    b = await openWorkbook({today: '2026-11-23'});
    b.load({
      Members: [
        {Name: 'Ann Able', Role: 'Chair', 'Nominated by': 'Example Care Association'},
        {Name: 'Ben Brook', Role: 'Member'},
        {Name: 'Owen Oak', Role: 'Deputy', 'Deputy for': 'Ann Able'},
        {Name: 'Cat Cole', Role: 'Member', 'Nominated by': 'Example Care Association'},
      ],
      Meetings: [{'Meeting date': '2026-10-08', Status: 'Held'}],
      Attendance: [
        {'Meeting date': '2026-10-08', Member: 'Ann Able', Attendance: 'Present'},
        {'Meeting date': '2026-10-08', Member: 'Ben Brook', Attendance: 'Present'},
      ],
    });
  });

  test('typing a substitute who is not the registered deputy keeps it and flags it with why', () => {
    b.edit('Attendance!C2', 'Substitute attended');
    const step = b.edit('Attendance!D2', 'Pat Pine');
    expect(b.value('Attendance!D2')).toBe('Pat Pine');
    expect(b.meta('Attendance', 'D2').background).toBe(FLAG);
    expect(b.note('Attendance', 'D2')).toContain(
      "Pat Pine is not Ann Able's registered deputy (Owen Oak).",
    );
    expect(step.out + step.err).toContain('registered deputy');
    // The registered deputy clears the flag.
    b.edit('Attendance!D2', 'Owen Oak');
    expect(b.note('Attendance', 'D2')).toBe('');
    expect(b.meta('Attendance', 'D2').background ?? null).toBeNull();
  });

  test('a substitute for a member who attends personally is flagged as typed', () => {
    b.edit('Attendance!D3', 'Owen Oak');
    expect(b.note('Attendance', 'D3')).toContain(
      'Owen Oak attended for Ben Brook, who is not a nominated member and so attends personally.',
    );
  });

  test('typing a second serving nominee of one body flags the cell, kept as typed', () => {
    b.edit('Members!D3', 'Example Care Association');
    expect(b.value('Members!D3')).toBe('Example Care Association');
    expect(b.meta('Members', 'D3').background).toBe(FLAG);
    expect(b.note('Members', 'D3')).toContain(
      'Ann Able, Cat Cole are already serving nominees of Example Care Association',
    );
    // Another body: the flag goes.
    b.edit('Members!D3', 'Example Homecare Forum');
    expect(b.note('Members', 'D3')).toBe('');
    b.edit('Members!D3', '');
  });

  test('Problems and Check compliance list the substitute and the second nominee', () => {
    b.run('checkWorkbookProblems');
    const problems = b.rows('Problems', 'G').map(p => `${p['Tab']}!${p['Cell']}: ${p['Problem']}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Attendance!D3: Owen Oak attended for Ben Brook, who is not a nominated member/,
        ),
        expect.stringMatching(
          /^Members!D5: Cat Cole and Ann Able are both serving nominees of Example Care Association/,
        ),
      ]),
    );
    b.run('checkCompliance');
    const findings = b.rows('Compliance', 'E').map(f => `${f['Rule']} | ${f['Where']}`);
    expect(findings).toEqual(
      expect.arrayContaining([
        'Substitutes only for members entitled to them | Attendance row 3 (2026-10-08, Ben Brook)',
        'One serving nominee per nominating body | Members row 5 (Cat Cole)',
      ]),
    );
    expect(findings).not.toContain(
      "A substitute is the member's registered deputy | Attendance row 2 (2026-10-08, Ann Able)",
    );
  });
});
