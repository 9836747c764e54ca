/**
 * The agenda reports pack of one meeting, in full and public versions: which parts go in, in
 * which order, and what the public version says instead of an exempt paper. The parts are
 * fetched once and shared by both versions; pdf-lib (pack-pdf.ts) puts each version together.
 */
import {Meeting} from '../domain/records';
import {DATE, LONG_DATE} from './dates';
import {NumberedItem, PaperSettings, paperName, timeLine} from './agenda';
import {PackCover, PackPart, ParsedParts, mergePack} from './pack-pdf';
import {Fetched} from './pack-sources';

/** The pack's two PDFs, by name (the publishing side finds them by these names too). */
export function packNames(group: string, when: string): {full: string; public: string} {
  return {
    full: `${paperName(group, 'Agenda reports pack', when)}.pdf`,
    public: `${paperName(group, 'Agenda reports pack', when, 'public')}.pdf`,
  };
}

/** The PDFs "Publish minutes" makes of approved minutes, by name. */
export function minutesPdfNames(group: string, when: string): {approved: string; public: string} {
  return {
    approved: `${paperName(group, 'Minutes', when)}.pdf`,
    public: `${paperName(group, 'Minutes', when, 'public')}.pdf`,
  };
}

/** One entry of the pack before its PDF is known. */
export interface PackSlot {
  readonly title: string;
  /** The agenda item it belongs to (absent for the agenda itself). */
  readonly item?: NumberedItem;
  /** Which source: a key into the fetched blobs. */
  readonly source: string;
  /** In the public version: another source (e.g. the agenda's public Doc) or a notice. */
  readonly publicSource?: string;
  readonly publicNotice?: string;
  /** Left out of the public version altogether. */
  readonly fullOnly?: boolean;
}

/** Is this standing item the one the previous minutes (or the action log) belong to? */
const isMinutesItem = (i: NumberedItem) => /\bminutes\b/i.test(i.title);
const isActionLogItem = (i: NumberedItem) => /\baction log\b/i.test(i.title);

/**
 * The slots in pack order: the agenda, then each item's paper in agenda order (the previous
 * minutes and the action log at their standing items, or after the items when the agenda has
 * none). An exempt item's paper is replaced in the public version by a notice saying it is withheld.
 */
export function packSlots(
  items: readonly NumberedItem[],
  withheld: (i: NumberedItem) => string,
  previous: {date: string; hasPublic: boolean; link: string} | null,
): PackSlot[] {
  const slots: PackSlot[] = [{title: 'Agenda', source: 'agenda', publicSource: 'agenda-public'}];
  let minutesPlaced = false;
  let logPlaced = false;
  const minutesSlot = (title: string, item?: NumberedItem): PackSlot => ({
    title,
    item,
    source: 'minutes',
    ...(previous?.hasPublic
      ? {publicSource: 'minutes-public'}
      : {
          publicNotice: `The minutes of the meeting on ${previous?.date} are published once the chair has approved them. Ask the clerk for a copy.`,
        }),
  });
  for (const i of items) {
    const title = `${i.no}. ${i.title}`;
    if (i.paperLink) {
      slots.push(
        i.exempt
          ? {title, item: i, source: `item-${i.row}`, publicNotice: withheld(i)}
          : {title, item: i, source: `item-${i.row}`},
      );
    } else if (previous && !minutesPlaced && i.standing && isMinutesItem(i)) {
      slots.push(minutesSlot(title, i));
      minutesPlaced = true;
    } else if (!logPlaced && i.standing && isActionLogItem(i)) {
      slots.push({title, item: i, source: 'action-log'});
      logPlaced = true;
    }
  }
  if (previous && !minutesPlaced)
    slots.push(minutesSlot(`Minutes of the meeting on ${previous.date}`));
  if (!logPlaced) slots.push({title: 'Action log', source: 'action-log'});
  return slots;
}

/** The public title of an exempt item's slot: its number only, never its title. */
export function publicTitle(slot: PackSlot): string {
  return slot.item?.exempt ? `${slot.item.no}. Exempt item (not for publication)` : slot.title;
}

export interface PackVersions {
  readonly full: ReturnType<typeof mergePack>;
  readonly public: ReturnType<typeof mergePack>;
  /** "4. Quarterly quality report: its paper … (the reason)". */
  readonly problems: readonly string[];
}

/** The parts this program made as Docs, whose own page numbers the pack's replace. */
const OWN_DOCS = ['agenda', 'agenda-public', 'action-log', 'minutes', 'minutes-public'];

/** Both versions of the pack from the fetched parts. */
export function buildPacks(
  meeting: Meeting,
  s: PaperSettings,
  slots: readonly PackSlot[],
  fetched: ReadonlyMap<string, Fetched>,
  bytesOf: (f: Fetched & {ok: true}) => Uint8Array,
): PackVersions {
  const problems: string[] = [];
  const bytes = new Map<string, Uint8Array>();
  const part = (title: string, source: string, label: string): PackPart => {
    const f = fetched.get(source);
    if (!f) return {title, notice: `${label} is not available. Ask the clerk for a copy.`};
    if (!f.ok) {
      if (!problems.some(p => p.startsWith(`${label}:`))) problems.push(`${label}: ${f.reason}.`);
      return {
        title,
        notice: 'This paper could not be included in the pack. Ask the clerk for a copy.',
      };
    }
    if (!bytes.has(source)) bytes.set(source, bytesOf(f));
    return {title, pdf: bytes.get(source), ownFooter: OWN_DOCS.includes(source)};
  };
  const when = s.dates(meeting.date, DATE);
  const cover = (version: 'full' | 'public'): PackCover => ({
    group: s.group,
    heading: 'Agenda reports pack',
    version:
      version === 'public'
        ? 'Public version'
        : slots.some(x => x.item?.exempt)
          ? 'Full version: includes exempt information, not for publication'
          : 'Full version',
    details: [
      ['Date', s.dates(meeting.date, LONG_DATE)],
      ['Time', timeLine(meeting) || 'To be confirmed'],
      ['Venue', meeting.venue || 'To be confirmed'],
      ['To', `The members of the ${s.group}`],
    ],
    contact: [
      'Contact',
      [s.clerkName, `Clerk to the ${s.group}`].filter(Boolean).join(', '),
      [s.clerkEmail, s.clerkPhone].filter(Boolean).join(', '),
    ].filter(Boolean),
    footer: `${s.group}, ${when}`,
  });
  const labelOf = (x: PackSlot) => (x.item ? `Item ${x.title}` : x.title);
  const fullParts = slots.map(x => part(x.title, x.source, labelOf(x)));
  const publicParts = slots
    .filter(x => !x.fullOnly)
    .map(x =>
      x.publicNotice
        ? {title: publicTitle(x), notice: x.publicNotice}
        : part(publicTitle(x), x.publicSource ?? x.source, labelOf(x)),
    );
  const sources: ParsedParts = new Map();
  const full = mergePack(cover('full'), fullParts, sources);
  const pub = mergePack(cover('public'), publicParts, sources);
  for (const t of full.unreadable) {
    const slot = slots.find(x => x.title === t);
    problems.push(
      `${slot ? labelOf(slot) : t}: the paper is not a PDF that can be read (it may be damaged or protected by a password). Open it, save it again as a PDF and link that.`,
    );
  }
  return {full, public: pub, problems};
}
