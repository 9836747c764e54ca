/**
 * The minutes draft, started from the agenda, the Attendance tab, members' standing interests
 * and the actions already recorded (committee-practice "Minutes"): the membership with its
 * attendance to complete, declarations pre-filled, each item under its minute number (per
 * meeting, or running through the municipal year as Settings say), a resolution only under
 * items that decide something, and the actions arising.
 */
import {ActionItem, AgendaItem, AttendanceRecord, Day, Meeting, Member} from '../domain/records';
import {dateOfIso} from '../domain/calendar';
import {presentForQuorum} from '../domain/quorum';
import {matchInterests} from '../domain/interests';
import {DATE, LONG_DATE, SHORT_DATE} from './dates';
import {NumberedItem, PaperSettings, membership, paperName, timeLine} from './agenda';
import {Block, Paper, h2, h3, para} from './model';
import {wordingFor} from './wording';

const OFFICER_ROLES = ['Lead officer', 'Secretariat'];

/** The heading above the exempt part (the public copy drops everything from here). */
export const EXEMPT_PART = 'Exempt items (not for publication)';

export interface MinuteNumbering {
  readonly mode: 'Per meeting' | 'Running';
  /** Running: the number of the first minute of the municipal year. */
  readonly first: number;
  /** Running: the month (1 to 12) the municipal year starts. */
  readonly yearStarts: number;
}

/** The first minute number of this meeting: 1, or the year's start plus the minutes before it. */
export function firstMinuteNo(
  meeting: Meeting,
  meetings: readonly Meeting[],
  agenda: readonly AgendaItem[],
  n: MinuteNumbering,
): number {
  if (n.mode !== 'Running') return 1;
  const [y, m] = meeting.date.split('-').map(Number);
  const startYear = m >= n.yearStarts ? y : y - 1;
  const yearStart = `${startYear}-${String(n.yearStarts).padStart(2, '0')}-01`;
  const earlier = new Set(
    meetings
      .filter(x => x.date >= yearStart && x.date < meeting.date && x.status !== 'Cancelled')
      .map(x => x.date),
  );
  return n.first + agenda.filter(i => i.meeting && earlier.has(i.meeting)).length;
}

/** Procedural items carry a record, never a resolution. */
export function isProcedural(i: NumberedItem): boolean {
  return /apologies|declarations? of interest|date of (the )?next meeting/i.test(i.title);
}

export interface MinutesInput {
  readonly meeting: Meeting;
  readonly items: readonly NumberedItem[];
  readonly attendance: readonly AttendanceRecord[];
  readonly members: readonly Member[];
  readonly actions: readonly ActionItem[];
  /** The minute number of the first item. */
  readonly firstMinute: number;
  readonly previous?: Day | null;
  readonly next?: Meeting | null;
  /** Settings "Quorum" (serving members present); 0 or absent: the group has none. */
  readonly quorum?: number;
}

export function minutesPaper(input: MinutesInput, s: PaperSettings): Paper {
  const {meeting, items, members} = input;
  const when = meeting.date;
  const here = input.attendance.filter(a => a.meeting === when);
  const roleOf = new Map(members.map(m => [m.name, m.role]));
  const recordOf = new Map(here.map(a => [a.member, a]));
  const minuteNo = (i: NumberedItem) => input.firstMinute + items.indexOf(i);
  const isOfficer = (name: string) => OFFICER_ROLES.includes(roleOf.get(name) ?? '');
  const attendanceText = (a: AttendanceRecord | undefined) =>
    !a
      ? '[Present / Apologies / Absent]'
      : a.attendance === 'Substitute attended'
        ? `Apologies; ${a.substitute || 'a substitute'} attended as substitute`
        : a.attendance || '[Present / Apologies / Absent]';

  const blocks: Block[] = [
    {kind: 'title', text: s.group},
    {
      kind: 'table',
      rows: [
        ['Minutes', 'Draft: not yet approved by the chair'],
        ['Date', s.dates(when, LONG_DATE)],
        ['Time', timeLine(meeting)],
        ['Venue', meeting.venue],
      ],
      header: false,
      widths: [1, 4],
    },
    h2('Membership and attendance'),
    {
      kind: 'table',
      rows: [
        ['Member', 'Role', 'Attendance'],
        ...membership(members).map(m => [
          m.name,
          m.role || 'Member',
          attendanceText(recordOf.get(m.name)),
        ]),
      ],
      header: true,
      widths: [3, 2, 4],
    },
  ];
  const officers = here.filter(a => a.attendance === 'Present' && isOfficer(a.member));
  blocks.push(
    para(
      `Officers in attendance: ${officers.length ? officers.map(a => a.member).join(', ') : '[names]'}`,
    ),
  );

  const quorate = quorumLine(input);
  if (quorate) blocks.push(para(quorate, {bold: quorate.startsWith('The meeting was inquorate')}));

  // Declarations: those recorded on the Attendance tab, and standing interests that touch an item.
  blocks.push(h2('Declarations of interest'));
  const declared: string[][] = here
    .filter(a => a.declarations)
    .map(a => [a.member, a.declarations, 'Declared at the meeting']);
  const attending = new Set(
    here
      .filter(a => a.attendance === 'Present' || a.attendance === 'Substitute attended')
      .map(a => a.member),
  );
  for (const m of matchInterests(items, members, when))
    // One line per member and item, unless the member declared at the meeting (Attendance).
    if (
      (attending.has(m.member) || !here.length) &&
      !here.some(a => a.member === m.member && a.declarations)
    )
      declared.push([
        m.member,
        m.interest,
        // An exempt item's title stays out of the public part of the minutes.
        `Registered interest that may be relevant to item ${minuteNo(m.item)} (${m.item.exempt ? 'an exempt item' : m.item.title}), matching "${m.term}": to confirm`,
      ]);
  blocks.push(
    declared.length
      ? {kind: 'table', rows: [['Member', 'Interest', 'Item / note'], ...declared], header: true}
      : para('No interests were declared.'),
  );

  const words_ = wordingFor(s.groupType);
  let exemptShown = false;
  for (const i of items) {
    if (i.exempt && !exemptShown) {
      exemptShown = true;
      blocks.push(h2(EXEMPT_PART));
      if (words_.exclusionResolution)
        blocks.push(
          para(`RESOLVED: ${words_.exclusionResolution.replace(/^To resolve that, /, 'That ')}`),
        );
    }
    blocks.push(h3(`${minuteNo(i)}. ${i.title}`));
    blocks.push(...minuteBody(i, input, s, here));
  }

  blocks.push(h2('Actions arising'));
  const recorded = input.actions.filter(a => a.meeting === when);
  blocks.push({
    kind: 'table',
    rows: [
      ['Minute no.', 'Action', 'Action to be taken by', 'Review date'],
      ...recorded.map(a => [
        a.minute,
        a.action,
        a.owners.join('; '),
        a.reviewDate ? s.dates(a.reviewDate, SHORT_DATE) : '',
      ]),
      ['', '', '', ''],
    ],
    header: true,
    widths: [2, 8, 4, 3],
  });
  blocks.push(para('Chair: ______________________    Date: ____________'));
  return {
    kind: 'Minutes',
    name: paperName(s.group, 'Minutes (draft)', s.dates(when, DATE)),
    blocks,
    fields: {
      group_name: s.group,
      meeting_date: dateOfIso(when),
      venue: meeting.venue,
      first_minute_no: input.firstMinute,
      present: here
        .filter(a => a.attendance === 'Present')
        .map(a => a.member)
        .join(', '),
      apologies: here
        .filter(a => a.attendance === 'Apologies' || a.attendance === 'Substitute attended')
        .map(a => a.member)
        .join(', '),
    },
  };
}

/**
 * Whether the meeting was quorate, counted as compliance counts it (domain/quorum.ts): only
 * once attendance is recorded, and only when the group has a quorum.
 */
export function quorumLine(input: MinutesInput): string {
  const quorum = input.quorum ?? 0;
  const when = input.meeting.date;
  if (quorum <= 0 || !input.attendance.some(a => a.meeting === when)) return '';
  const present = presentForQuorum(when, input.members, input.attendance);
  return present.length >= quorum
    ? `The meeting was quorate: ${present.length} members present (quorum ${quorum}).`
    : `The meeting was inquorate: ${present.length} of the ${quorum} members needed were present. It could discuss but not decide; any decision must be taken again at a quorate meeting.`;
}

function minuteBody(
  i: NumberedItem,
  input: MinutesInput,
  s: PaperSettings,
  here: readonly AttendanceRecord[],
): Block[] {
  if (/apologies/i.test(i.title)) {
    const sent = here.filter(
      a => a.attendance === 'Apologies' || a.attendance === 'Substitute attended',
    );
    return [
      para(
        sent.length
          ? `Apologies for absence were received from ${sent.map(a => (a.substitute ? `${a.member} (${a.substitute} attended as substitute)` : a.member)).join(', ')}.`
          : 'Apologies for absence: [names, or "none"].',
      ),
      ...(/declarations?/i.test(i.title)
        ? [para('Declarations of interest are recorded above.')]
        : []),
    ];
  }
  if (/declarations? of interest/i.test(i.title))
    return [para('Declarations of interest are recorded above.')];
  if (/date of (the )?next meeting/i.test(i.title))
    return [
      para(
        input.next
          ? `The next meeting will be held on ${s.dates(input.next.date, LONG_DATE)}${timeLine(input.next) ? ` at ${timeLine(input.next).split(' ')[0]}` : ''}${input.next.venue ? `, ${input.next.venue}` : ''}.`
          : 'The next meeting will be held on [date].',
      ),
    ];
  const summary = para(
    'Summary of discussion: [summary, not a transcript; no remarks attributed to individual members]',
    {italic: true},
  );
  if (/minutes/i.test(i.title) && input.previous)
    return [
      para(
        `RESOLVED: That the minutes of the meeting held on ${s.dates(input.previous, DATE)} be approved as a correct record and signed by the chair.`,
        {bold: true},
      ),
    ];
  return [
    summary,
    para(
      i.purpose === 'To note'
        ? 'RESOLVED: That the report be noted.'
        : 'RESOLVED: (a) [resolution]',
      {bold: true},
    ),
  ];
}
