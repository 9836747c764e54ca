/**
 * Housekeeping the terms of reference ask for: a yearly review of the terms themselves,
 * documents reviewed when due, volunteer agreements signed, and complaints kept before the
 * group while open. Pure: compliance, the clerk's digest and Build agenda ask these.
 */
import {addDays} from './calendar';
import {Finding} from './findings';
import {isServing, VOTING_ROLES} from './membership';
import type {Complaint, Day, GroupDocument, Member} from './records';

/** Days after which the terms of reference are due for review again. */
export const TERMS_REVIEW_DAYS = 365;
/** A document's review is "coming up" within this many days. */
export const DOCUMENT_NOTICE_DAYS = 30;

/** The yearly review of the terms of reference (Settings "Terms of reference reviewed on"). */
export function termsReviewFinding(reviewedOn: Day | null, today: Day): Finding | null {
  const rule = 'Terms of reference reviewed yearly';
  const whatToDo =
    'Put the terms of reference on the next agenda; once reviewed, type the date in Settings "Terms of reference reviewed on".';
  if (!reviewedOn)
    return {
      rule,
      severity: 'Note',
      where: 'Settings, Terms of reference reviewed on',
      finding: 'No date is recorded for the last review of the terms of reference.',
      whatToDo,
    };
  const due = addDays(reviewedOn, TERMS_REVIEW_DAYS);
  if (due > today) return null;
  return {
    rule,
    severity: 'Warning',
    where: 'Settings, Terms of reference reviewed on',
    finding: `The terms of reference were last reviewed on ${reviewedOn}; a review was due by ${due}.`,
    whatToDo,
  };
}

/** Documents whose review is past due (Warning) or coming up (Note). */
export function documentFindings(docs: readonly GroupDocument[], today: Day): Finding[] {
  const soon = addDays(today, DOCUMENT_NOTICE_DAYS);
  const out: Finding[] = [];
  for (const d of docs) {
    if (!d.reviewDue || d.reviewDue > soon) continue;
    const name = `${d.title}${d.version ? ` (version ${d.version})` : ''}`;
    const past = d.reviewDue < today;
    out.push({
      rule: past
        ? 'Document review overdue'
        : `Document review due within ${DOCUMENT_NOTICE_DAYS} days`,
      severity: past ? 'Warning' : 'Note',
      where: `Documents row ${d.row} (${d.title})`,
      finding: `${name} is due for review ${past ? 'since' : 'on'} ${d.reviewDue}.`,
      whatToDo:
        'Review it (put it on an agenda if the group agrees it), then record the new Version, Date and next Review due.',
    });
  }
  return out;
}

/** Serving members (and deputies) with no "Agreement signed on", where the group requires agreements. */
export function agreementFindings(
  members: readonly Member[],
  required: boolean,
  today: Day,
): Finding[] {
  if (!required) return [];
  return members
    .filter(
      m =>
        isServing(m, today) &&
        (VOTING_ROLES.includes(m.role) || m.role === 'Deputy') &&
        !m.agreementSignedOn,
    )
    .map(m => ({
      rule: 'Volunteer agreement signed',
      severity: 'Warning' as const,
      where: `Members row ${m.row} (${m.name})`,
      finding: `${m.name} has no date in "Agreement signed on", and the group requires a signed volunteer agreement.`,
      whatToDo: `Ask ${m.name} to sign the volunteer agreement, then type the date in "Agreement signed on" (or set Settings "Volunteer agreements" to No if the group does not use them).`,
    }));
}

/** Complaints not closed (an empty Status counts as open). */
export const openComplaints = (complaints: readonly Complaint[]): Complaint[] =>
  complaints.filter(c => c.status !== 'Closed' && (c.summary || c.from));

/**
 * The standing agenda item open complaints add, or null when none is open. Names only the
 * organisations (never a person): the agenda may be public.
 */
export function complaintsAgendaItem(
  complaints: readonly Complaint[],
): {readonly title: string; readonly notes: string} | null {
  const open = openComplaints(complaints);
  if (!open.length) return null;
  const from = [...new Set(open.map(c => c.from.trim()).filter(Boolean))];
  return {
    title: 'Complaints',
    notes: `${open.length} open complaint${open.length === 1 ? '' : 's'}${from.length ? ` (from ${from.join(', ')})` : ''}: see the Complaints tab.`,
  };
}

/**
 * The standing items for an agenda with "Complaints" added while any complaint is open (before
 * the two items that close the public part, as standingPlan orders them); unchanged otherwise.
 */
export function withComplaintsItem(
  standing: readonly string[],
  complaints: readonly Complaint[],
): string[] {
  const item = complaintsAgendaItem(complaints);
  const titles = [...standing];
  if (!item || titles.some(t => t.trim().toLowerCase() === item.title.toLowerCase())) return titles;
  titles.splice(titles.length >= 3 ? titles.length - 2 : titles.length, 0, item.title);
  return titles;
}
