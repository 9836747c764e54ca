/**
 * The registers as records: the one set of types every check, paper, reminder and Dashboard
 * feed reads (src/workbook/registers.ts fills them, one getValues per tab).
 *
 * One convention throughout: a calendar day is an ISO `Day` ("2026-11-26"), compared as text
 * and free of time zones; a time of day is a `Clock` (minutes after midnight). A value the
 * reader could not read is null (or '' for text and lists) and is reported as a problem; a
 * confidential flag it could not read is true (fail closed).
 */

/** A calendar day, "YYYY-MM-DD". */
export type Day = string;
/** Minutes after midnight, 0–1439. */
export type Clock = number;

interface Sourced {
  /** 1-based sheet row. */
  readonly row: number;
}

export interface Member extends Sourced {
  readonly name: string;
  readonly organisation: string;
  readonly role: string;
  readonly nominatedBy: string;
  readonly deputyFor: string;
  readonly providerSize: string;
  readonly clientGroups: readonly string[];
  readonly serviceTypes: readonly string[];
  readonly email: string;
  readonly phone: string;
  readonly termStart: Day | null;
  readonly termEnd: Day | null;
  readonly status: string;
  readonly interests: string;
  readonly notes: string;
  /** "Interests reviewed on": when the member last confirmed their declarations. */
  readonly interestsReviewedOn?: Day | null;
  /** "Agreement signed on": the volunteer agreement (where Settings require one). */
  readonly agreementSignedOn?: Day | null;
}

/** A Meetings row; rows without a readable Meeting date are not meetings (they are problems). */
export interface Meeting extends Sourced {
  readonly date: Day;
  readonly start: Clock | null;
  readonly end: Clock | null;
  readonly venue: string;
  readonly type: string;
  readonly status: string;
  readonly agendaAgreedBy: Day | null;
  readonly reportDeadline: Day | null;
  readonly despatchBy: Day | null;
  readonly agendaPublishedOn: Day | null;
  readonly minutesApprovedOn: Day | null;
  readonly agendaLink: string;
  readonly minutesLink: string;
  readonly notes: string;
  /** Who chaired ("Chair" column); '' means the chair named in Settings. */
  readonly chair?: string;
}

export interface AgendaItem extends Sourced {
  /** null: still to be programmed. */
  readonly meeting: Day | null;
  readonly itemNo: number | null;
  readonly section: string;
  readonly title: string;
  readonly purpose: string;
  readonly leadOfficer: string;
  readonly keyDecisionRef: string;
  readonly paperStatus: string;
  /** True also when the cell could not be read: an unreadable flag never publishes an item. */
  readonly confidential: boolean;
  readonly standing: boolean;
  readonly paperLink: string;
  readonly notes: string;
  /** Schedule 12A paragraph ("1" to "7") of an exempt item; '' when none. */
  readonly exemptParagraph?: string;
  /** "To full Council": marked * on the forward plan. */
  readonly toCouncil?: boolean;
  /** "First published": the day the item first appeared in a published forward plan. */
  readonly firstPublished?: Day | null;
}

/** An Attendance row; rows without a readable Meeting date are problems, not records. */
export interface AttendanceRecord extends Sourced {
  readonly meeting: Day;
  readonly member: string;
  readonly attendance: string;
  readonly substitute: string;
  readonly declarations: string;
}

export interface ActionItem extends Sourced {
  readonly meeting: Day | null;
  readonly minute: string;
  readonly title: string;
  /** "Action to be taken by", split at "; ". */
  readonly owners: readonly string[];
  readonly action: string;
  readonly comments: string;
  /** "Open" when the cell is empty. */
  readonly status: string;
  readonly reviewDate: Day | null;
  readonly dateClosed: Day | null;
  readonly lastUpdated: Day | null;
}

export interface Contract extends Sourced {
  readonly reference: string;
  readonly provider: string;
  readonly title: string;
  readonly lot: string;
  readonly fundingType: string;
  readonly annualValue: number | null;
  readonly startDate: Day | null;
  readonly endDate: Day | null;
  readonly extensionOptions: string;
  readonly extendedTo: Day | null;
  readonly noticeDays: number | null;
  readonly commissioner: string;
  readonly laContribution: number | null;
  readonly partnerContribution: number | null;
  readonly status: string;
  readonly notes: string;
}

export interface Lot extends Sourced {
  readonly lot: string;
  readonly title: string;
  readonly annualScopedSpend: number | null;
  readonly ourAnnualContribution: number | null;
  /** A fraction: 5% is 0.05. */
  readonly uplift: number | null;
  readonly totalAnnualLotBudget: number | null;
  readonly termYears: number | null;
  readonly totalContractTerm: number | null;
  readonly contractedAnnualValue: number | null;
}

/** A plan period of the Cash flow tab (never a row of the summary block beside it). */
export interface CashFlowPeriod extends Sourced {
  readonly period: string;
  readonly hoursPerWeek: number | null;
  readonly weeksInPeriod: number | null;
  readonly savingPerHour: number | null;
  readonly expenditure: number | null;
  readonly costAvoidance: number | null;
  readonly net: number | null;
  readonly cumulative: number | null;
}

/** A day the office is closed (Holidays tab). */
export interface Closure extends Sourced {
  readonly date: Day;
  readonly name: string;
}

/** A Mailing list row: someone outside the membership who receives the public papers. */
export interface MailingEntry extends Sourced {
  readonly name: string;
  readonly organisation: string;
  readonly email: string;
  /** False only when the cell says No (empty means subscribed: they were added to receive). */
  readonly subscribed: boolean;
  readonly source: string;
}

/** A Sent row: one message Send papers sent. */
export interface SentMessage extends Sourced {
  readonly sentOn: Day | null;
  readonly meeting: Day;
  readonly to: string;
  /** "Full" or "Public". */
  readonly version: string;
  readonly messageId: string;
}

/** A Decisions row: one resolution of a meeting and what became of it. */
export interface Decision extends Sourced {
  readonly meeting: Day;
  readonly minute: string;
  readonly item: string;
  readonly decision: string;
  /** "Resolved", "Noted", "Recommended to Council", or '' when not set. */
  readonly type: string;
  readonly keyDecisionRef: string;
  readonly implementationStatus: string;
  readonly link: string;
}

/** A Risk triggers row: one trigger of the yearly self-assessment. */
export interface RiskTrigger extends Sourced {
  readonly area: string;
  readonly trigger: string;
  readonly source: string;
  /** "Red", "Amber", "Green", or '' when not rated (or unreadable). */
  readonly rag: string;
  readonly evidence: string;
  readonly assessedOn: Day | null;
  readonly assessedBy: string;
  readonly supportSought: string;
}

/** A Documents row: terms of reference, agreements and other papers the group keeps under review. */
export interface GroupDocument extends Sourced {
  readonly title: string;
  readonly version: string;
  readonly date: Day | null;
  readonly link: string;
  readonly reviewDue: Day | null;
}

/** A Complaints row: one complaint shared with the group. */
export interface Complaint extends Sourced {
  readonly receivedOn: Day | null;
  readonly from: string;
  readonly summary: string;
  /** "Open", "Closed", or '' (read as open). */
  readonly status: string;
  readonly discussedAt: Day | null;
  readonly outcome: string;
  readonly closedOn: Day | null;
}

/** A contract ends on its Extended to date when it has one, else its End date. */
export const contractEnd = (c: Contract): Day | null => c.extendedTo ?? c.endDate;
