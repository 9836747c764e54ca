/** The minutes draft, started from the agenda and the Attendance tab (committee-practice "Minutes"). */
import {AttendanceRecord, Meeting, Member} from '../domain/records';
import {dateOfIso} from '../domain/calendar';
import {DATE, LONG_DATE} from './dates';
import {EXCLUSION_RESOLUTION, NumberedItem, PaperSettings, paperName, timeLine} from './agenda';
import {Block, Paper, h2, h3, para, table} from './model';

const OFFICER_ROLES = ['Lead officer', 'Secretariat'];

export function minutesPaper(
  meeting: Meeting,
  items: readonly NumberedItem[],
  attendance: readonly AttendanceRecord[],
  members: readonly Member[],
  s: PaperSettings,
): Paper {
  const when = meeting.date;
  const here = attendance.filter(a => a.meeting === when);
  const roleOf = new Map(members.map(m => [m.name, m.role]));
  const named = (name: string) => {
    const role = roleOf.get(name);
    return role === 'Chair' || role === 'Vice-chair' ? `${name} (${role})` : name;
  };
  const names = (pred: (a: AttendanceRecord) => boolean) =>
    here.filter(pred).map(a => named(a.member));
  const isOfficer = (a: AttendanceRecord) => OFFICER_ROLES.includes(roleOf.get(a.member) ?? '');
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : 'None');

  const blocks: Block[] = [
    {kind: 'title', text: s.group},
    table(
      [
        ['Minutes', 'Draft: not yet approved by the chair'],
        ['Date', s.dates(when, LONG_DATE)],
        ['Time', timeLine(meeting)],
        ['Venue', meeting.venue],
      ],
      false,
    ),
    h2('Attendance'),
    table(
      [
        ['Present', list(names(a => a.attendance === 'Present' && !isOfficer(a)))],
        [
          'Substitutes',
          list(
            here
              .filter(a => a.attendance === 'Substitute attended')
              .map(a => `${a.substitute || 'a substitute'} for ${a.member}`),
          ),
        ],
        [
          'Apologies',
          list(names(a => a.attendance === 'Apologies' || a.attendance === 'Substitute attended')),
        ],
        ['Absent', list(names(a => a.attendance === 'Absent'))],
        ['Officers in attendance', list(names(a => a.attendance === 'Present' && isOfficer(a)))],
      ],
      false,
    ),
    h2('Declarations of interest'),
  ];
  const declared = here.filter(a => a.declarations);
  blocks.push(
    declared.length
      ? table([['Member', 'Interest declared'], ...declared.map(a => [a.member, a.declarations])])
      : para('No interests were declared.'),
  );

  let exemptShown = false;
  for (const i of items) {
    if (i.exempt && !exemptShown) {
      exemptShown = true;
      blocks.push(h2('Exempt items (not for publication)'));
      blocks.push(para(`RESOLVED: ${EXCLUSION_RESOLUTION.replace(/^To resolve that, /, 'That ')}`));
    }
    blocks.push(h3(`${i.no}. ${i.title}`));
    blocks.push(
      para(
        'Summary of discussion: [summary, not a transcript; no remarks attributed to individual members]',
        {italic: true},
      ),
    );
    blocks.push(
      para(
        i.purpose === 'To note'
          ? `RESOLVED: That the ${s.group} notes the report.`
          : 'RESOLVED: (a) [resolution]',
        {bold: true},
      ),
    );
  }
  blocks.push(h2('Actions arising'));
  blocks.push(
    table([
      ['Minute no.', 'Action', 'Action to be taken by', 'Review date'],
      ...items.filter(i => i.purpose !== 'To note').map(i => [String(i.no), '', i.leadOfficer, '']),
      ['', '', '', ''],
    ]),
  );
  blocks.push(para('Chair: ______________________    Date: ____________'));
  return {
    kind: 'Minutes',
    name: paperName(s.group, 'Minutes (draft)', s.dates(when, DATE)),
    blocks,
    fields: {
      group_name: s.group,
      meeting_date: dateOfIso(when),
      venue: meeting.venue,
      present: list(names(a => a.attendance === 'Present')),
      apologies: list(names(a => a.attendance === 'Apologies')),
    },
  };
}
