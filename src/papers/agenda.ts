/**
 * The agenda: ordering and numbering (pure), and the agenda paper in its full and public
 * versions, laid out as in shared/reference/committee-practice.md "Agendas".
 */
import {SECTIONS} from '../workbook/schema';
import {AgendaItem, Day, Meeting, Member} from '../domain/records';
import {dateOfIso} from '../domain/calendar';
import {DATE, DateText, LONG_DATE, clockText} from './dates';
import {PaperError} from './errors';
import {Block, FieldValue, Paper, para, h1, h2} from './model';
import {GroupType, exemptCitation, wordingFor} from './wording';

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
  /** Settings "Group type": decides the statutory wording. */
  readonly groupType: GroupType;
  /** Settings "Paper font": the one font of every paper. */
  readonly font: string;
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
      `The meeting on ${s.dates(when, DATE)} has no agenda items. Add rows with that Meeting date on the Agenda tab, or select the meeting and choose Committee > Papers > Build agenda for selected meeting.`,
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
export const EXCLUSION_RESOLUTION = wordingFor('Council committee').exclusionResolution;

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

/** Paper statuses as the public read them: internal ones ("Awaited", "Circulate by email") are not shown. */
export function publicPaperStatus(status: string): string {
  if (status === 'To follow' || status === 'Awaited') return 'To follow';
  if (status === 'Received') return 'Attached';
  if (status === 'No paper') return 'No paper';
  return '';
}

/** "Date of next meeting: Thursday 14 January 2021" when the next meeting is known. */
function itemTitle(i: NumberedItem, s: PaperSettings, next: Meeting | null): string {
  let title = i.keyDecisionRef ? `${i.title} (key decision ${i.keyDecisionRef})` : i.title;
  if (next && /^date of (the )?next meeting$/i.test(i.title.trim()))
    title = `${i.title}: ${s.dates(next.date, LONG_DATE)}${next.start !== null ? ` at ${clockText(next.start)}` : ''}${next.status === 'Provisional' ? ' (provisional)' : ''}`;
  return title;
}

function itemRow(
  i: NumberedItem,
  s: PaperSettings,
  next: Meeting | null,
  version: Version,
): string[] {
  const cite = i.exempt ? exemptCitation(s.groupType, i.exemptParagraph) : '';
  return [
    String(i.no),
    itemTitle(i, s, next) + (cite ? ` (${cite})` : ''),
    i.purpose,
    i.leadOfficer,
    version === 'public' ? publicPaperStatus(i.paperStatus) : i.paperStatus,
  ];
}

/** The meeting after this one (not cancelled), for "Date of next meeting". */
export function nextMeeting(meetings: readonly Meeting[], when: Day): Meeting | null {
  return (
    meetings
      .filter(m => m.date > when && m.status !== 'Cancelled')
      .sort((a, b) => a.date.localeCompare(b.date))[0] ?? null
  );
}

/**
 * The agenda paper. The public version leaves out every exempt item and its details and shows
 * no internal paper status; neither version prints a member's email or phone: the clerk's
 * contact block is the only contact. A council's agenda moves the exclusion resolution before
 * the exempt part and cites each item's Schedule 12A paragraph.
 */
export function agendaPaper(
  meeting: Meeting,
  items: readonly NumberedItem[],
  members: readonly Member[],
  s: PaperSettings,
  version: Version,
  next: Meeting | null = null,
): Paper {
  const when = meetingDate(meeting);
  const words = wordingFor(s.groupType);
  const open = items.filter(i => !i.exempt);
  const exempt = items.filter(i => i.exempt);
  const blocks: Block[] = [];
  blocks.push({kind: 'title', text: s.group});
  const details: string[][] = [
    [
      'Version',
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
  blocks.push({kind: 'table', rows: details, header: false, widths: [1, 4]});
  blocks.push(
    para(
      version === 'public'
        ? words.publicNote
        : 'Members are asked to declare any interest in an item at the start of the meeting. Papers marked "To follow" will be sent when they are available.',
      {italic: true},
    ),
  );
  blocks.push(h1('AGENDA'));

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
    rows.push(itemRow(i, s, next, version));
  }
  if (exempt.length) {
    emphasis.push(rows.length);
    rows.push(['', words.exemptHeading, '', '', '']);
    if (words.exclusionResolution) rows.push(['', words.exclusionResolution, 'To decide', '', '']);
    if (version === 'full') for (const i of exempt) rows.push(itemRow(i, s, next, version));
    else {
      const paras = [...new Set(exempt.map(i => i.exemptParagraph).filter(Boolean))].sort();
      const cited =
        words.isCouncil && paras.length
          ? ` (paragraph${paras.length === 1 ? '' : 's'} ${paras.join(', ')} of Schedule 12A)`
          : '';
      rows.push([
        '',
        `${exempt.length} ${words.isCouncil ? 'exempt' : 'confidential'} item${exempt.length === 1 ? '' : 's'}${cited}: details are not published.`,
        '',
        '',
        '',
      ]);
    }
  }
  blocks.push({kind: 'table', rows, header: true, emphasis, widths: [5, 44, 12, 20, 12]});

  blocks.push(h2('Membership'));
  blocks.push({
    kind: 'table',
    rows: [
      ['Name', 'Role', 'Organisation'],
      ...membership(members).map(m => [m.name, m.role || 'Member', m.organisation]),
    ],
    header: true,
    widths: [3, 2, 4],
  });
  blocks.push(h2('Contact'));
  blocks.push(para(contactLine(s)));

  return {
    kind: 'Agenda',
    name: paperName(s.group, 'Agenda', s.dates(when, DATE), version),
    blocks,
    fields: agendaFields(meeting, items, members, s, version, next),
  };
}

/** The clerk's contact block: the one place contact details appear. */
export function contactLine(s: PaperSettings): string {
  const contact = [s.clerkName, s.clerkEmail, s.clerkPhone].filter(Boolean).join(', ');
  return `Clerk to the ${s.group}: ${contact || "see the group's web page"}.`;
}

/** The values an officer's agenda template can use. */
export function agendaFields(
  meeting: Meeting,
  items: readonly NumberedItem[],
  members: readonly Member[],
  s: PaperSettings,
  version: Version,
  next: Meeting | null = null,
): Record<string, FieldValue> {
  const shown = version === 'public' ? items.filter(i => !i.exempt) : items;
  const words = wordingFor(s.groupType);
  return {
    group_name: s.group,
    group_type: s.groupType,
    is_council: words.isCouncil,
    public_note: words.publicNote,
    exempt_heading: words.exemptHeading,
    exclusion_resolution: words.exclusionResolution,
    meeting_date: dateOfIso(meeting.date),
    start_time: clockText(meeting.start),
    end_time: clockText(meeting.end),
    venue: meeting.venue,
    version: version === 'public' ? 'Public version' : 'Full version',
    is_public: version === 'public',
    has_exempt: items.some(i => i.exempt),
    next_meeting_date: next ? dateOfIso(next.date) : '',
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
      paper_status: version === 'public' ? publicPaperStatus(i.paperStatus) : i.paperStatus,
      exempt_paragraph: i.exempt ? (i.exemptParagraph ?? '') : '',
    })),
    members: membership(members).map((m): Record<string, string> => ({
      name: m.name,
      role: m.role,
      organisation: m.organisation,
    })),
  };
}
