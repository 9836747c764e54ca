/**
 * Which decisions the public page may show (pure). A decision is withheld when it belongs to
 * an exempt item (the Agenda row of that meeting and title is marked Confidential, sits under
 * "Exempt items" or has an exempt paragraph), when its text names any confidential item, or
 * when it carries anything that looks like an email address or a phone number. What cannot be
 * matched to an agenda row is shown only if none of that applies.
 */
import {AgendaItem, Day, Decision} from '../domain/records';

export interface PublicDecision {
  readonly minute: string;
  readonly item: string;
  readonly decision: string;
  readonly type: string;
}

const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export function isExempt(i: AgendaItem): boolean {
  return i.confidential || i.section === 'Exempt items' || Boolean(i.exemptParagraph);
}

/** An email address, or a run of ten or more digits (spaces, dots, brackets and dashes between). */
const CONTACT = /[^\s@<>]+@[^\s@<>]+\.[A-Za-z]{2,}|(?:\d[\s().-]*){10,}/;

export function publicDecisions(
  decisions: readonly Decision[],
  items: readonly AgendaItem[],
): Map<Day, PublicDecision[]> {
  const exempt = new Set<string>();
  const secretTitles: string[] = [];
  for (const i of items) {
    if (!isExempt(i)) continue;
    if (i.meeting) exempt.add(`${i.meeting}|${key(i.title)}`);
    if (i.title.trim().length >= 4) secretTitles.push(key(i.title));
  }
  const out = new Map<Day, PublicDecision[]>();
  for (const d of decisions) {
    if (!d.meeting || !d.decision.trim()) continue;
    if (exempt.has(`${d.meeting}|${key(d.item)}`)) continue;
    const text = `${d.item}\n${d.decision}`;
    if (secretTitles.some(t => key(text).includes(t)) || CONTACT.test(text)) continue;
    const list = out.get(d.meeting) ?? [];
    list.push({minute: d.minute, item: d.item, decision: d.decision, type: d.type});
    out.set(d.meeting, list);
  }
  for (const list of out.values())
    list.sort((a, b) => a.minute.localeCompare(b.minute, 'en', {numeric: true}));
  return out;
}
