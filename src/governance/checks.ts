/**
 * Check compliance, Check membership and the Forward plan: run the rules on the gathered data
 * and write each result tab whole with one setValues.
 */
import {TAB} from '../workbook/schema';
import {Cell} from '../workbook/table';
import {dateOfIso} from '../domain/calendar';
import {Finding, sortFindings} from '../domain/findings';
import {evaluateMembership, RuleResult} from '../domain/membership';
import {actionFindings, contractFindings} from '../domain/watch';
import {quorumFindings} from '../domain/quorum';
import {agreementFindings, documentFindings, termsReviewFinding} from '../domain/housekeeping';
import {interestReviewFindings} from '../domain/interests';
import {NOT_APPLICABLE, keyDecisionRefFindings} from '../domain/agenda-plan';
import {forwardPlan, meetingFindings, PlanRow} from '../domain/meeting-rules';
import {gather, GovernanceData, todayIso} from './gather';
import {writeReportTab} from './report-tab';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function allFindings(d: GovernanceData): Finding[] {
  const member = evaluateMembership(d.members, d.attendance, d.config.membership, d.today);
  const membershipFindings: Finding[] = member.flatMap(r =>
    r.met
      ? [
          {
            rule: r.rule,
            severity: 'Met' as const,
            where: 'Members',
            finding: r.details,
            whatToDo: '',
          },
        ]
      : r.findings,
  );
  return sortFindings([
    ...d.problems,
    ...meetingFindings(d.meetings, d.agenda, d.meetingRules, d.holidays, d.today),
    ...membershipFindings,
    ...quorumFindings(d.meetings, d.members, d.attendance, d.config.quorum, d.config.chair),
    ...interestReviewFindings(d.members, d.today),
    ...keyDecisionRefFindings(d.meetings, d.agenda, d.today),
    ...actionFindings(d.actions, d.today, d.config.watch),
    ...contractFindings(d.contracts, d.today, d.config.watch),
    ...[termsReviewFinding(d.config.termsReviewedOn, d.today)].filter(f => f !== null),
    ...documentFindings(d.documents, d.today),
    ...agreementFindings(d.members, d.config.volunteerAgreements, d.today),
  ]);
}

export interface CheckSummary {
  readonly problems: number;
  readonly warnings: number;
  readonly notes: number;
  readonly met: number;
}

export function runComplianceCheck(ss: Spreadsheet, today = todayIso()): CheckSummary {
  const d = gather(
    ss,
    ['meetings', 'agenda', 'members', 'attendance', 'actions', 'contracts', 'housekeeping'],
    today,
  );
  const findings = allFindings(d);
  writeReportTab(
    ss,
    TAB.compliance,
    findings.map(f => [f.rule, f.severity, f.where, f.finding, f.whatToDo]),
  );
  return {
    problems: findings.filter(f => f.severity === 'Problem').length,
    warnings: findings.filter(f => f.severity === 'Warning').length,
    notes: findings.filter(f => f.severity === 'Note').length,
    met: findings.filter(f => f.severity === 'Met').length,
  };
}

/** The membership rules, each met or not with who counts: also for the Dashboard's section. */
export function membershipReport(ss: Spreadsheet, today = todayIso()): RuleResult[] {
  const d = gather(ss, ['members', 'attendance'], today);
  return evaluateMembership(d.members, d.attendance, d.config.membership, d.today);
}

export function runMembershipCheck(ss: Spreadsheet, today = todayIso()): RuleResult[] {
  const results = membershipReport(ss, today);
  const rows: Cell[][] = [];
  for (const r of results) {
    rows.push([r.rule, r.met ? 'Met' : 'Not met', r.counts.join(', '), r.details]);
    for (const f of r.findings)
      if (f.where !== 'Members')
        rows.push([`  ${f.rule}`, f.severity, f.where, `${f.finding} ${f.whatToDo}`.trim()]);
  }
  writeReportTab(ss, TAB.membershipCheck, rows);
  return results;
}

export function buildForwardPlan(ss: Spreadsheet, today = todayIso()): PlanRow[] {
  const d = gather(ss, ['meetings', 'agenda'], today);
  const plan = forwardPlan(d.meetings, d.agenda, d.meetingRules, d.holidays, d.today);
  const sheet = writeReportTab(
    ss,
    TAB.forwardPlan,
    plan.map(p => [
      p.meeting,
      p.meetingStatus,
      p.item,
      p.leadOfficer,
      // Council layout: "Not applicable" for an item that is not a key decision (markers: an item row).
      p.markers === undefined ? p.keyDecisionRef : p.keyDecisionRef || NOT_APPLICABLE,
      p.reportDeadline ? dateOfIso(p.reportDeadline) : '',
      p.despatch ? dateOfIso(p.despatch) : '',
      p.flag,
      p.markers ?? '',
      p.firstPublished ? dateOfIso(p.firstPublished) : '',
    ]),
  );
  if (plan.length) sheet.getRange(2, 6, plan.length, 2).setNumberFormat('ddd d mmm yyyy');
  if (plan.length) sheet.getRange(2, 10, plan.length, 1).setNumberFormat('dd/mm/yyyy');
  return plan;
}
