/**
 * Members' standing interests (Members "Interests declared", reviewed yearly: "Interests
 * reviewed on"). The rule is meant to be explained to a member in one sentence: each term of
 * the register, written "; "-separated (a provider, "Lot 2", a home, a scheme), and the member's
 * own organisation, is looked for as whole words, ignoring case, in an agenda item's title and
 * notes. "Lot 2" matches "Homecare lot 2" but not "Lot 21"; "Dee Homecare" matches "Dee Homecare:
 * contract performance". Pure: no Apps Script.
 */
import {dayNumber} from './calendar';
import type {Finding} from './findings';
import type {AgendaItem, Day, Member} from './records';
import {servingOn} from './quorum';

/** One member's registered interest that may be relevant to one item. */
export interface InterestMatch<T extends AgendaItem = AgendaItem> {
  readonly member: string;
  /** The term of the register (or the organisation) that was found in the item. */
  readonly term: string;
  /** The whole "Interests declared" text, as registered. */
  readonly interest: string;
  readonly item: T;
}

/** Terms shorter than this would match too much ("a", "Lot"). */
const SHORTEST = 3;

/** The terms of a register entry: split at ";", trimmed, short ones dropped. */
export function interestTerms(interests: string): string[] {
  return interests
    .split(';')
    .map(t => t.replace(/\s+/g, ' ').trim())
    .filter(t => t.length >= SHORTEST);
}

const normal = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

/** Whether the term appears in the text as whole words (case, spacing and punctuation ignored). */
export function mentions(text: string, term: string): boolean {
  const t = normal(term);
  return t.trim().length > 0 && normal(text).includes(t);
}

/**
 * Serving members' registered interests that match the items: one match per member and item,
 * the register's own terms before the organisation. Members with nothing registered are left
 * out (their organisation alone is not a declaration).
 */
export function matchInterests<T extends AgendaItem>(
  items: readonly T[],
  members: readonly Member[],
  on: Day,
): InterestMatch<T>[] {
  const out: InterestMatch<T>[] = [];
  for (const m of members) {
    if (!m.interests.trim() || m.status === 'Left' || !servingOn(m, on)) continue;
    const terms = [...interestTerms(m.interests), ...interestTerms(m.organisation)];
    for (const item of items) {
      const text = `${item.title} ${item.notes}`;
      const term = terms.find(t => mentions(text, t));
      if (term) out.push({member: m.name, term, interest: m.interests.trim(), item});
    }
  }
  return out;
}

/**
 * The yearly review of the register: each serving member whose "Interests reviewed on" is more
 * than a year old is warned, and one with no date yet reminded (a date the reader could not
 * read is its own problem, naming the cell, and counts as not reviewed here).
 */
export function interestReviewFindings(members: readonly Member[], today: Day): Finding[] {
  const rule = 'Declarations of interest reviewed yearly';
  const out: Finding[] = [];
  let current = 0;
  for (const m of members) {
    if (m.status === 'Left' || !m.name || !servingOn(m, today)) continue;
    const on = m.interestsReviewedOn ?? null;
    if (on && dayNumber(today) - dayNumber(on) <= 365) {
      current++;
      continue;
    }
    out.push({
      rule,
      // Overdue is a warning; a register never dated yet (a new or older workbook) is a reminder.
      severity: on ? 'Warning' : 'Note',
      where: `Members row ${m.row} (${m.name})`,
      finding: on
        ? `${m.name} last reviewed their declarations of interest on ${on}, more than a year ago.`
        : `${m.name} has no date in "Interests reviewed on": their declarations of interest have not been reviewed this year.`,
      whatToDo: `Ask ${m.name} to confirm or update "Interests declared" (terms separated by "; "), then type the date in "Interests reviewed on".`,
    });
  }
  if (!out.length && current)
    out.push({
      rule,
      severity: 'Met',
      where: 'Members',
      finding: `All ${current} serving members reviewed their declarations within the last year.`,
      whatToDo: '',
    });
  return out;
}
