/**
 * "Build agenda for selected meeting": adds the standing items (Settings "Standing items") that
 * the meeting does not have yet and numbers every item of the meeting consecutively in section
 * order. Re-running keeps what officers typed: existing rows are never rewritten except their
 * Item no., which follows their order.
 */
import {SECTIONS} from '../workbook/schema';
import {AgendaItem, Day, Member} from '../domain/records';
import {matchInterests} from '../domain/interests';
import {PaperError} from './errors';

export interface StandingPlan {
  readonly title: string;
  readonly section: string;
  readonly purpose: string;
  readonly paperStatus: string;
  /** Sorts before (0) or after (2) the meeting's other items in its section. */
  readonly rank: 0 | 2;
}

/** The standing items in the order of the setting: the last two close the public part when there are four or more. */
export function standingPlan(titles: readonly string[]): StandingPlan[] {
  const closing = titles.length >= 4 ? 2 : 0;
  return titles.map((title, k) => {
    const closes = k >= titles.length - closing;
    const noPaper = /apolog|date of next/i.test(title);
    return {
      title,
      section: closes ? 'Information and monitoring' : 'Constitutional matters',
      purpose: /minutes/i.test(title) ? 'To approve' : 'To note',
      paperStatus: noPaper ? 'No paper' : 'Awaited',
      rank: closes ? 2 : 0,
    };
  });
}

export interface AgendaPlan {
  /** Standing items to add, with their item numbers. */
  readonly add: (StandingPlan & {readonly no: number})[];
  /** Item no. for each existing row of the meeting (sheet row → number). */
  readonly numbers: ReadonlyMap<number, number>;
}

/** Pure: what to add and how to number, for the meeting's existing items. */
export function planAgenda(
  existing: readonly AgendaItem[],
  standingTitles: readonly string[],
): AgendaPlan {
  for (const i of existing) {
    if (!i.section)
      throw new PaperError(
        `Agenda row ${i.row} ("${i.title || 'no title'}") has no Section. Choose one of: ${SECTIONS.join(', ')}, then build the agenda again.`,
      );
    if (!(SECTIONS as readonly string[]).includes(i.section))
      throw new PaperError(
        `Agenda row ${i.row} ("${i.title}") has the Section "${i.section}", which is not one of: ${SECTIONS.join(', ')}.`,
      );
  }
  const plans = standingPlan(standingTitles);
  const have = new Set(existing.map(i => i.title.trim().toLowerCase()));
  const add = plans.filter(p => !have.has(p.title.trim().toLowerCase()));
  const rankOf = (title: string, standing: boolean): number => {
    if (!standing) return 1;
    return plans.find(p => p.title.toLowerCase() === title.trim().toLowerCase())?.rank ?? 1;
  };
  const standingIndex = (title: string) =>
    plans.findIndex(p => p.title.toLowerCase() === title.trim().toLowerCase());
  type Entry = {
    exempt: boolean;
    section: number;
    rank: number;
    order: number;
    sub: number;
    row?: number;
    plan?: StandingPlan;
  };
  const entries: Entry[] = [
    ...existing.map(i => ({
      exempt: i.confidential || i.section === 'Exempt items',
      section: SECTIONS.indexOf(i.section as never),
      rank: rankOf(i.title, i.standing || standingIndex(i.title) >= 0),
      order:
        i.standing || standingIndex(i.title) >= 0 ? standingIndex(i.title) : (i.itemNo ?? Infinity),
      sub: i.row,
      row: i.row,
    })),
    ...add.map(p => ({
      exempt: false,
      section: SECTIONS.indexOf(p.section as never),
      rank: p.rank,
      order: standingIndex(p.title),
      sub: Infinity,
      plan: p,
    })),
  ];
  entries.sort(
    (a, b) =>
      Number(a.exempt) - Number(b.exempt) ||
      a.section - b.section ||
      a.rank - b.rank ||
      a.order - b.order ||
      a.sub - b.sub,
  );
  const numbers = new Map<number, number>();
  const added: (StandingPlan & {no: number})[] = [];
  entries.forEach((e, k) => {
    if (e.row !== undefined) numbers.set(e.row, k + 1);
    else if (e.plan) added.push({...e.plan, no: k + 1});
  });
  return {add: added, numbers};
}

/**
 * Per item, the serving members whose registered interests match it (domain/interests.ts), for
 * the clerk to raise with them before the meeting: '' when none does.
 */
export function interestsNote(
  items: readonly AgendaItem[],
  numbers: ReadonlyMap<number, number>,
  members: readonly Member[],
  on: Day,
): string {
  const byItem = new Map<AgendaItem, string[]>();
  for (const m of matchInterests(items, members, on))
    byItem.set(m.item, [...(byItem.get(m.item) ?? []), `${m.member} ("${m.term}")`]);
  const lines = [...byItem.entries()]
    .sort((a, b) => (numbers.get(a[0].row) ?? 0) - (numbers.get(b[0].row) ?? 0))
    .map(([i, who]) => `Item ${numbers.get(i.row) ?? '?'} (${i.title}): ${who.join(', ')}`);
  return lines.length
    ? `Registered interests that may be relevant (Members "Interests declared"; to confirm with each member):\n${lines.join('\n')}`
    : '';
}
