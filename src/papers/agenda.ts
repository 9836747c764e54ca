/**
 * The agenda: ordering and numbering (pure), and the agenda paper in its full and public
 * versions, laid out as in shared/reference/committee-practice.md "Agendas".
 */
import {SECTIONS} from '../workbook/schema';
import {AgendaItem, Day, Meeting, Member} from '../domain/records';
import {dateOfIso} from '../domain/calendar';
import {DATE, DateText, LONG_DATE, clockText} from './dates';
import {PaperError} from './errors';
import {Block, FieldValue, Paper, para, table, h2} from './model';

export type Version = 'full' | 'public';

export interface NumberedItem extends AgendaItem {
  /** Consecutive across sections, exempt items last. */
  readonly no: number;
  /** In the exempt part: section "Exempt items" or marked Confidential. */
  readonly exempt: boolean;
}

export interface PaperSettings {
  readonly group: string;
  readonly clerkName: string;
  readonly clerkEmail: string;
  readonly clerkPhone: string;
  readonly dates: DateText;
}

/** The items of one meeting, checked. */
export function itemsOfMeeting(
  all: readonly AgendaItem[],
  meeting: Meeting,
  s: PaperSettings,
): AgendaItem[] {
  const when = meeting.date;
  const items = all.filter(i => i.meeting === when);
  if (!items.length) {
    throw new PaperError(
      `The meeting on ${s.dates(when, DATE)} has no agenda items. Add rows with that Meeting date on the Agenda tab, or select the meeting and run Committee > Build agenda for selected meeting.`,
    );
  }
  return items;
}

export function meetingDate(m: Meeting): Day {
  return m.date;
}

/**
 * Sections in the order of the schema, then the officer's Item no., then row order; exempt and
 * confidential items go after every public item. Numbered 1, 2, 3… across sections.
 */
export function orderAgenda(items: readonly AgendaItem[]): NumberedItem[] {
  for (const i of items) {
    if (!i.section) {
      throw new PaperError(
        `Agenda row ${i.row} ("${i.title || 'no title'}") has no Section. Choose one of: ${SECTIONS.join(', ')}.`,
      );
    }
    if (!(SECTIONS as readonly string[]).includes(i.section)) {
      throw new PaperError(
        `Agenda row ${i.row} ("${i.title}") has the Section "${i.section}", which is not one of: ${SECTIONS.join(', ')}.`,
      );
    }
    if (!i.title)
      throw new PaperError(
        `Agenda row ${i.row} has no Title. Type the item's title, or delete the row.`,
      );
  }
  const exemptOf = (i: AgendaItem) => i.confidential || i.section === 'Exempt items';
  const sorted = [...items].sort(
    (a, b) =>
      Number(exemptOf(a)) - Number(exemptOf(b)) ||
      SECTIONS.indexOf(a.section as never) - SECTIONS.indexOf(b.section as never) ||
      (a.itemNo ?? Infinity) - (b.itemNo ?? Infinity) ||
      a.row - b.row,
  );
  return sorted.map((i, k) => ({...i, no: k + 1, exempt: exemptOf(i)}));
}

/** The statutory wording moving to the exempt part (Local Government Act 1972, s.100A(4)). */
export const EXCLUSION_RESOLUTION =
  'To resolve that, under Section 100A(4) of the Local Government Act 1972, the press and public be excluded from the meeting for the following item(s) of business on the grounds that they involve the likely disclosure of exempt information as defined in Part 1 of Schedule 12A to the Act.';

const ROLE_ORDER = ['Chair', 'Vice-chair', 'Member', 'Deputy', 'Observer'];

/** Active members, chair first, then vice-chair, then the rest by name; officers are not members. */
export function membership(members: readonly Member[]): Member[] {
  return members
    .filter(m => m.name && m.status !== 'Left' && ROLE_ORDER.includes(m.role || 'Member'))
    .sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role || 'Member') - ROLE_ORDER.indexOf(b.role || 'Member') ||
        a.name.localeCompare(b.name),
    );
}

export function paperName(group: string, kind: string, when: string, version?: Version): string {
  return `${group} – ${kind} – ${when}${version === 'public' ? ' (public)' : ''}`;
}

/** "10:00 to 12:00", "10:00", or '' when no start time is set. */
export function timeLine(m: Meeting): string {
  const start = clockText(m.start);
  const end = clockText(m.end);
  return start && end ? `${start} to ${end}` : start;
}

function itemRow(i: NumberedItem): string[] {
  const title = i.keyDecisionRef ? `${i.title} (key decision ${i.keyDecisionRef})` : i.title;
  return [String(i.no), title, i.purpose, i.leadOfficer, i.paperStatus];
}

/**
 * The agenda paper. The public version leaves out every exempt item and its details and
 * every member's email and phone; it keeps the exclusion resolution (with a count only) so
 * that the public know private business is expected.
 */
export function agendaPaper(
  meeting: Meeting,
  items: readonly NumberedItem[],
  members: readonly Member[],
  s: PaperSettings,
  version: Version,
): Paper {
  const when = meetingDate(meeting);
  const open = items.filter(i => !i.exempt);
  const exempt = items.filter(i => i.exempt);
  const blocks: Block[] = [];
  blocks.push({kind: 'title', text: s.group});
  const details: string[][] = [
    [
      'Agenda',
      version === 'public'
        ? 'Public version'
        : exempt.length
          ? 'Full version: includes exempt information, not for publication'
          : 'Full version',
    ],
    ['Date', s.dates(when, LONG_DATE) + (meeting.status === 'Provisional' ? ' (provisional)' : '')],
    ['Time', timeLine(meeting) || 'To be confirmed'],
    ['Venue', meeting.venue || 'To be confirmed'],
  ];
  if (meeting.type && meeting.type !== 'Ordinary')
    details.push(['Meeting', meeting.type === 'Extra' ? 'Extraordinary meeting' : meeting.type]);
  blocks.push(table(details, false));
  blocks.push(
    para(
      version === 'public'
        ? 'Members of the public are welcome to attend the public part of this meeting. Papers marked "To follow" will be published when they are available.'
        : 'Members are asked to declare any interest in an item at the start of the meeting. Papers marked "To follow" will be sent when they are available.',
      {italic: true},
    ),
  );

  // One table for the items, with a bold row per section, as council agendas set them out.
  const rows: string[][] = [['No.', 'Item', 'Purpose', 'Lead officer', 'Paper']];
  const emphasis: number[] = [];
  let section = '';
  for (const i of open) {
    if (i.section !== section) {
      section = i.section;
      emphasis.push(rows.length);
      rows.push(['', section.toUpperCase(), '', '', '']);
    }
    rows.push(itemRow(i));
  }
  if (exempt.length) {
    emphasis.push(rows.length);
    rows.push(['', 'EXEMPT ITEMS: EXCLUSION OF THE PRESS AND PUBLIC', '', '', '']);
    rows.push(['', EXCLUSION_RESOLUTION, 'To decide', '', '']);
    if (version === 'full') for (const i of exempt) rows.push(itemRow(i));
    else
      rows.push([
        '',
        `${exempt.length} exempt item${exempt.length === 1 ? '' : 's'}: details are not published.`,
        '',
        '',
        '',
      ]);
  }
  blocks.push({kind: 'table', rows, header: true, emphasis});

  blocks.push(h2('Membership'));
  const memberRows =
    version === 'full'
      ? [
          ['Name', 'Role', 'Organisation', 'Email', 'Phone'],
          ...membership(members).map(m => [
            m.name,
            m.role || 'Member',
            m.organisation,
            m.email,
            m.phone,
          ]),
        ]
      : [
          ['Name', 'Role', 'Organisation'],
          ...membership(members).map(m => [m.name, m.role || 'Member', m.organisation]),
        ];
  blocks.push(table(memberRows, true));
  const contact = [s.clerkName, s.clerkEmail, s.clerkPhone].filter(Boolean).join(', ');
  blocks.push(para(`Clerk to the ${s.group}: ${contact || "see the group's web page"}.`));

  return {
    kind: 'Agenda',
    name: paperName(s.group, 'Agenda', s.dates(when, DATE), version),
    blocks,
    fields: agendaFields(meeting, items, members, s, version),
  };
}

/** The values an officer's agenda template can use. */
export function agendaFields(
  meeting: Meeting,
  items: readonly NumberedItem[],
  members: readonly Member[],
  s: PaperSettings,
  version: Version,
): Record<string, FieldValue> {
  const shown = version === 'public' ? items.filter(i => !i.exempt) : items;
  return {
    group_name: s.group,
    meeting_date: dateOfIso(meeting.date),
    start_time: clockText(meeting.start),
    end_time: clockText(meeting.end),
    venue: meeting.venue,
    version: version === 'public' ? 'Public version' : 'Full version',
    is_public: version === 'public',
    has_exempt: items.some(i => i.exempt),
    clerk_name: s.clerkName,
    clerk_email: s.clerkEmail,
    clerk_phone: s.clerkPhone,
    items: shown.map(i => ({
      no: i.no,
      section: i.section,
      title: i.title,
      purpose: i.purpose,
      lead_officer: i.leadOfficer,
      key_decision_ref: i.keyDecisionRef,
      paper_status: i.paperStatus,
    })),
    members: membership(members).map((m): Record<string, string> =>
      version === 'public'
        ? {name: m.name, role: m.role, organisation: m.organisation}
        : {
            name: m.name,
            role: m.role,
            organisation: m.organisation,
            email: m.email,
            phone: m.phone,
          },
    ),
  };
}
