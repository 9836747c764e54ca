/**
 * The council's agenda plan (committee-practice "Forward agenda plan"; issue 16 item 6): which
 * items a published plan shows, their markers (* to full Council, + confidential), and the key
 * decisions it must not show without a reference. The 28 clear days' notice of a key decision
 * counts from the day the item first appeared in a published plan (Agenda "First published",
 * written when the plan is generated), not from today. Pure: no Apps Script.
 */
import type {Finding} from './findings';
import type {AgendaItem, Day, Meeting} from './records';

/** What the plan prints where an item has no key decision reference. */
export const NOT_APPLICABLE = 'Not applicable';

export const isExempt = (i: AgendaItem): boolean => i.confidential || i.section === 'Exempt items';

export const isKeyDecision = (i: AgendaItem): boolean =>
  !!i.keyDecisionRef || i.section === 'Key decisions';

/** "*" for an item going on to full Council, "+" for a confidential one (both: "*+"). */
export function markers(i: AgendaItem): string {
  return `${i.toCouncil ? '*' : ''}${isExempt(i) ? '+' : ''}`;
}

/** Meetings the plan shows: from today on, not cancelled, in date order (reserve dates too). */
export function plannedMeetings(meetings: readonly Meeting[], today: Day): Meeting[] {
  return meetings
    .filter(m => m.date >= today && m.status !== 'Cancelled')
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The items a plan published today shows: those of the planned meetings, and those to be programmed. */
export function plannedItems(
  meetings: readonly Meeting[],
  items: readonly AgendaItem[],
  today: Day,
): AgendaItem[] {
  const dates = new Set(plannedMeetings(meetings, today).map(m => m.date));
  return items.filter(i => i.title && (i.meeting === null || dates.has(i.meeting)));
}

/** The day the notice of an item counts from: its first publication, else today (not yet published). */
export function noticeFrom(i: AgendaItem, today: Day): Day {
  return i.firstPublished && i.firstPublished <= today ? i.firstPublished : today;
}

/** A key decision still to come that has no reference: the plan cannot give notice of it. */
export function keyDecisionRefFindings(
  meetings: readonly Meeting[],
  items: readonly AgendaItem[],
  today: Day,
): Finding[] {
  return plannedItems(meetings, items, today)
    .filter(i => i.section === 'Key decisions' && !i.keyDecisionRef)
    .map(i => ({
      rule: 'Key decisions have a reference',
      severity: 'Warning' as const,
      where: `Agenda row ${i.row} (${i.title})`,
      finding: `A key decision ${i.meeting ? `for the meeting of ${i.meeting}` : 'to be programmed'} has no "Key decision ref", so the forward plan cannot give notice of it.`,
      whatToDo:
        'Type its reference in "Key decision ref" (from the key decision notice), or move it out of the Key decisions section if it is not one.',
    }));
}
