/**
 * The forward agenda plan in a council's layout (committee-practice "Forward agenda plan"; issue
 * 16 item 6): one table of committee date, item, lead officer, reference if key decision ("Not
 * applicable" otherwise), deadline for reports and agenda despatch date; * for items going on
 * to full Council and + for confidential ones; reserve dates listed; standing items included;
 * items "to be programmed" last. It is a public paper: exempt items show no title.
 *
 * Generating it publishes it: each item it shows gets today in the Agenda's "First published"
 * unless it has a date already, and the 28 clear days' notice of a key decision counts from that.
 */
import {AgendaItem, Day, Meeting} from '../domain/records';
import {dateOfIso, isoOfDate} from '../domain/calendar';
import {
  NOT_APPLICABLE,
  isExempt,
  markers,
  plannedItems,
  plannedMeetings,
} from '../domain/agenda-plan';
import {ReadBack, readRegister} from '../workbook/registers';
import {TAB} from '../workbook/schema';
import {DATE, LONG_DATE} from './dates';
import {PaperSettings, paperName} from './agenda';
import {Block, Paper, h2, para, table} from './model';
import {writePapers} from './commands';
import {Made} from './output';
import {scrubContacts} from './scrub';
import {openSession, showSummary, withDocumentLock} from './session';

const HEAD = [
  'Committee date',
  'Item',
  'Lead officer',
  'Reference if key decision',
  'Deadline for reports',
  'Agenda despatch date',
];

/** Item, lead officer and reference, as the public may read them. */
function itemCells(i: AgendaItem): string[] {
  const mark = markers(i);
  const title = isExempt(i) ? 'Exempt item (details withheld)' : i.title;
  return [
    mark ? `${title} ${mark}` : title,
    isExempt(i) ? '' : i.leadOfficer,
    i.keyDecisionRef || NOT_APPLICABLE,
  ];
}

/** Items of a meeting in agenda order (Item no., then as typed). */
const inOrder = (items: readonly AgendaItem[]) =>
  [...items].sort((a, b) => (a.itemNo ?? Infinity) - (b.itemNo ?? Infinity) || a.row - b.row);

export function forwardPlanPaper(
  meetings: readonly Meeting[],
  items: readonly AgendaItem[],
  today: Date,
  s: PaperSettings,
): Paper {
  const coming = plannedMeetings(meetings, isoOfDate(today));
  const ordinary = coming.filter(m => m.type !== 'Reserve');
  const reserve = coming.filter(m => m.type === 'Reserve');
  const blocks: Block[] = [
    {kind: 'title', text: s.group},
    {kind: 'subtitle', text: 'Forward agenda plan'},
    para(`As at ${s.dates(today, DATE)}.`, {italic: true}),
    para(
      '* The item goes on to full Council for decision. + The item is likely to be considered in private: its details are withheld.',
    ),
  ];
  if (!ordinary.length) blocks.push(para('No meetings are planned yet.'));
  else {
    const rows: string[][] = [HEAD];
    for (const m of ordinary) {
      const date = `${s.dates(m.date, LONG_DATE)}${m.status === 'Provisional' ? ' (provisional)' : ''}`;
      const deadlines = [
        m.reportDeadline ? s.dates(m.reportDeadline, DATE) : '',
        m.despatchBy ? s.dates(m.despatchBy, DATE) : '',
      ];
      const its = inOrder(items.filter(i => i.meeting === m.date && i.title));
      if (!its.length) rows.push([date, 'No items planned yet', '', '', ...deadlines]);
      its.forEach((i, k) =>
        rows.push([k ? '' : date, ...itemCells(i), ...(k ? ['', ''] : deadlines)]),
      );
    }
    blocks.push({kind: 'table', rows, header: true, widths: [3, 5, 3, 2, 2, 2]});
  }
  blocks.push(h2('Reserve dates'));
  blocks.push(
    reserve.length
      ? para(reserve.map(m => s.dates(m.date, LONG_DATE)).join('; ') + '.')
      : para('None.', {italic: true}),
  );
  const later = items.filter(i => !i.meeting && i.title);
  blocks.push(h2('To be programmed'));
  blocks.push(
    later.length
      ? table([HEAD.slice(1, 4), ...later.map(itemCells)])
      : para('None.', {italic: true}),
  );
  return {
    kind: 'Forward plan',
    name: paperName(s.group, 'Forward plan', s.dates(today, DATE)),
    blocks,
    fields: {group_name: s.group, as_at: today},
  };
}

/**
 * Records the first publication: today in "First published" for each item the plan shows that
 * has no date there yet; one setValues over the rows concerned, other cells rewritten as read.
 * Returns the number of items stamped, or -1 when the Agenda tab has no such column.
 */
export function stampFirstPublished(
  agenda: ReadBack<typeof TAB.agenda>,
  shown: readonly AgendaItem[],
  today: Day,
): number {
  const col = agenda.index.get('First published');
  if (col === undefined) return -1;
  const fresh = new Set(shown.filter(i => !i.firstPublished).map(i => i.row));
  if (!fresh.size) return 0;
  const first = Math.min(...fresh);
  const last = Math.max(...fresh);
  const column = agenda.grid
    .slice(first - 1, last)
    .map((r, k) => [fresh.has(first + k) ? dateOfIso(today) : (r[col] ?? '')]);
  agenda.cells(first, col + 1, column.length, 1).setValues(column);
  return fresh.size;
}

/** "Generate forward plan": the plan as a Doc, and the first publication of each item it shows. */
export function forwardPlanCommand(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Made[] {
  const s = openSession(ss);
  const meetings = readRegister(ss, TAB.meetings).records;
  const agenda = readRegister(ss, TAB.agenda);
  const members = readRegister(ss, TAB.members).records;
  const now = new Date();
  const today = isoOfDate(now);
  const paper = scrubContacts(forwardPlanPaper(meetings, agenda.records, now, s.paper), members);
  let stamped = 0;
  const made = withDocumentLock(() => {
    const out = writePapers(s, 'Forward plans', [paper]);
    stamped = stampFirstPublished(agenda, plannedItems(meetings, agenda.records, today), today);
    return out;
  });
  showSummary('Forward plan', made, [
    stamped < 0
      ? 'The Agenda tab has no "First published" column, so the first publication of each item was not recorded. Run Committee > Set up or repair workbook to add it.'
      : `${stamped} item${stamped === 1 ? '' : 's'} appeared in the plan for the first time: today is in their "First published" cell on the Agenda tab (key decision notice counts from it).`,
  ]);
  return made;
}
