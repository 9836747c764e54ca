/**
 * The daily reminder run: plan the digests from the registers, send them with MailApp, and
 * remember in script properties which (person, item) pairs went today, so a second run the
 * same day sends nothing twice. Stops cleanly when the daily mail quota runs out.
 */
import {ReminderPlan, planReminders, UpcomingDeadline, Digest} from '../domain/reminders';
import {documentFindings, termsReviewFinding} from '../domain/housekeeping';
import {deadlines} from '../domain/notice';
import {workday} from '../domain/calendar';
import {watchContract, ContractWatch} from '../domain/watch';
import {isServing} from '../domain/membership';
import {gather} from './gather';
import {TAB} from '../workbook/schema';
import {Problem} from '../workbook/registers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SENT_PREFIX = 'reminders.sent.';
/** Script properties hold at most 9 kB a value; keep chunks well under it. */
const CHUNK_CHARS = 8000;

export function planFromSheet(
  ss: Spreadsheet,
  today: string,
  alreadySent: ReadonlySet<string>,
): ReminderPlan {
  const d = gather(ss, ['meetings', 'members', 'actions', 'contracts', 'housekeeping'], today);
  const hols = new Set(d.holidays.keys());
  const horizon = workday(today, d.config.lookAheadWorkingDays, hols);
  const upcoming: UpcomingDeadline[] = [];
  for (const m of d.meetings) {
    if (m.status === 'Cancelled' || m.date < today) continue;
    const dl = deadlines(m.date, d.config.notice, hols);
    if (dl.reportDeadline >= today && dl.reportDeadline <= horizon)
      upcoming.push({date: dl.reportDeadline, what: 'Report deadline', meeting: m.date});
    if (dl.papersDespatchBy >= today && dl.papersDespatchBy <= horizon)
      upcoming.push({date: dl.papersDespatchBy, what: 'Papers despatch', meeting: m.date});
  }
  upcoming.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const contracts = d.contracts
    .map(c => watchContract(c, today, d.config.watch))
    .filter((w): w is ContractWatch => w !== null);
  return planReminders({
    today,
    groupName: d.config.groupName,
    actions: d.actions,
    members: d.members
      .filter(m => isServing(m, today))
      .map(m => ({
        name: m.name,
        email: m.email,
        emailProblem: emailProblem(d.cellProblems, m.row),
      })),
    clerk: {name: d.config.clerkName, email: d.config.clerkEmail},
    deadlines: upcoming,
    contracts,
    rules: d.config.watch,
    alreadySent,
    // The yearly review of the terms of reference, and documents past their review date.
    housekeeping: [
      termsReviewFinding(d.config.termsReviewedOn, today),
      ...documentFindings(d.documents, today),
    ]
      .filter(f => f?.severity === 'Warning')
      .map(f => `${f!.finding} ${f!.whatToDo}`),
  });
}

/** Why a member's Email cell cannot be mailed: the reader flagged it (the cell reads as empty). */
function emailProblem(problems: readonly Problem[], row: number): string | undefined {
  const p = problems.find(x => x.tab === TAB.members && x.row === row && x.header === 'Email');
  return p && `the Email on ${TAB.members} row ${row} is flagged: ${p.problem.split('. ')[0]}`;
}

/** Today's sent keys from script properties (one getProperties call). */
export function readSentToday(
  props: GoogleAppsScript.Properties.Properties,
  today: string,
): {sent: Set<string>; stale: string[]} {
  const all = props.getProperties();
  const sent = new Set<string>();
  const stale: string[] = [];
  for (const [k, v] of Object.entries(all)) {
    if (!k.startsWith(SENT_PREFIX)) continue;
    if (k.startsWith(`${SENT_PREFIX}${today}.`))
      v.split(',')
        .filter(Boolean)
        .forEach(x => sent.add(x));
    else stale.push(k);
  }
  return {sent, stale};
}

function saveSent(
  props: GoogleAppsScript.Properties.Properties,
  today: string,
  sent: ReadonlySet<string>,
): void {
  const chunks: Record<string, string> = {};
  let n = 0;
  let cur = '';
  for (const k of sent) {
    if (cur.length + k.length + 1 > CHUNK_CHARS) {
      chunks[`${SENT_PREFIX}${today}.${n++}`] = cur;
      cur = '';
    }
    cur = cur ? `${cur},${k}` : k;
  }
  if (cur) chunks[`${SENT_PREFIX}${today}.${n}`] = cur;
  props.setProperties(chunks);
}

export interface RunResult {
  readonly sent: Digest[];
  readonly notSent: Digest[];
  readonly skipped: string[];
  readonly quotaLeft: number;
  readonly stoppedForQuota: boolean;
  readonly stoppedForTime: boolean;
}

/**
 * Apps Script stops a run after 6 minutes (developers.google.com/apps-script/guides/services/quotas);
 * stop sending well before, so the state is saved and the run ends cleanly.
 */
const RUN_BUDGET_MS = 4.5 * 60 * 1000;

/**
 * Sends today's digests. The clerk's digest goes first (it lists what could not be sent).
 * The sent keys are saved after every email, so an interrupted run never repeats one.
 */
export function sendReminders(ss: Spreadsheet, today: string): RunResult {
  const props = PropertiesService.getScriptProperties();
  const {sent, stale} = readSentToday(props, today);
  for (const k of stale) props.deleteProperty(k);
  const plan = planFromSheet(ss, today, sent);
  let ordered = [...plan.digests.filter(g => g.forClerk), ...plan.digests.filter(g => !g.forClerk)];
  const started = Date.now();
  let quota = MailApp.getRemainingDailyQuota();
  if (quota < ordered.length && ordered[0]?.forClerk) {
    // The clerk hears first that the quota will not stretch, and to whom nothing will go.
    const left = ordered.slice(Math.max(quota, 1)).map(g => g.to);
    ordered = [
      {
        ...ordered[0],
        body: `${ordered[0].body}\n\nMail quota: only ${quota} email(s) can be sent today, so these reminders wait for tomorrow: ${left.join(', ')}.`,
      },
      ...ordered.slice(1),
    ];
  }
  const done: Digest[] = [];
  const notSent: Digest[] = [];
  let outOfTime = false;
  for (const g of ordered) {
    outOfTime = outOfTime || Date.now() - started > RUN_BUDGET_MS;
    if (quota < 1 || outOfTime) {
      notSent.push(g);
      continue;
    }
    MailApp.sendEmail({to: g.to, subject: g.subject, body: g.body});
    quota--;
    done.push(g);
    g.keys.forEach(k => sent.add(k));
    saveSent(props, today, sent);
  }
  if (notSent.length) {
    const why = outOfTime ? 'the run reached its time limit' : 'the daily mail quota is used up';
    console.warn(
      `Reminders stopped: ${why}; ${notSent.length} digest(s) not sent (${notSent.map(g => g.to).join(', ')}). Run "Preview reminders" to see them; the next run sends what is still due.`,
    );
  }
  return {
    sent: done,
    notSent,
    skipped: plan.skipped,
    quotaLeft: quota,
    stoppedForQuota: notSent.length > 0 && !outOfTime,
    stoppedForTime: outOfTime,
  };
}

// ---- the daily trigger ----

export const REMINDER_HANDLER = 'sendDailyReminders';

export function reminderTriggers(): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter(t => t.getHandlerFunction() === REMINDER_HANDLER);
}

/** One daily trigger at 7am (replacing any earlier one), so switching on twice never sends twice. */
export function installReminderTrigger(): void {
  for (const t of reminderTriggers()) ScriptApp.deleteTrigger(t);
  ScriptApp.newTrigger('sendDailyReminders').timeBased().everyDays(1).atHour(7).create();
}

export function removeReminderTriggers(): number {
  const ts = reminderTriggers();
  for (const t of ts) ScriptApp.deleteTrigger(t);
  return ts.length;
}
