// Entry points for the governance features: top-level functions the menu and triggers call.
import {TAB} from '../workbook/schema';
import {SettingsRead, readSettings} from '../workbook/settings';
import {runComplianceCheck, runMembershipCheck, buildForwardPlan} from '../governance/checks';
import {gather, todayIso} from '../governance/gather';
import {logEdit, switchOffChangeLog, switchOnChangeLog, trimLog} from '../governance/change-log';
import {
  planFromSheet,
  readSentToday,
  sendReminders,
  installReminderTrigger,
  removeReminderTriggers,
} from '../governance/reminders-run';

const ui = () => SpreadsheetApp.getUi();

/** Runs a menu action: rule or settings problems reach the officer as a plain alert, not a stack trace. */
function asOfficer(title: string, work: () => string, lock = true): void {
  const l = lock ? LockService.getDocumentLock() : null;
  if (l && !l.tryLock(30000)) {
    ui().alert(
      title,
      'Someone else is running a Committee action on this workbook. Try again in a minute.',
      ui().ButtonSet.OK,
    );
    return;
  }
  try {
    ui().alert(title, work(), ui().ButtonSet.OK);
  } catch (e) {
    ui().alert(
      title,
      `Could not finish: ${e instanceof Error ? e.message : String(e)}`,
      ui().ButtonSet.OK,
    );
  } finally {
    if (l) l.releaseLock();
  }
}

/** Menu: Check compliance — every governance rule, findings to the Compliance tab. */
export function checkCompliance(): void {
  asOfficer('Check compliance', () => {
    const s = runComplianceCheck(SpreadsheetApp.getActiveSpreadsheet());
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName(TAB.compliance)?.activate();
    return `${s.problems} problem(s), ${s.warnings} warning(s), ${s.notes} note(s); ${s.met} rule(s) met. The findings are on the Compliance tab (sort or filter it as you like).`;
  });
}

/** Menu: Check membership — each membership rule met or not, and who counts. */
export function checkMembership(): void {
  asOfficer('Check membership', () => {
    const results = runMembershipCheck(SpreadsheetApp.getActiveSpreadsheet());
    const notMet = results.filter(r => !r.met);
    return notMet.length
      ? `${notMet.length} of ${results.length} rules not met:\n${notMet.map(r => `- ${r.rule}: ${r.details}`).join('\n')}\nDetails on the Membership check tab.`
      : `All ${results.length} membership rules are met. Details on the Membership check tab.`;
  });
}

/** Menu: Forward plan — future meetings with their items, deadlines and notice flags. */
export function showForwardPlan(): void {
  asOfficer('Forward plan', () => {
    const plan = buildForwardPlan(SpreadsheetApp.getActiveSpreadsheet());
    const flagged = plan.filter(p => p.flag).length;
    return `The Forward plan tab lists ${plan.length} row(s)${flagged ? `; ${flagged} flagged` : ''}.`;
  });
}

/**
 * Menu: Refresh holidays and deadlines — rebuilds the holiday list the deadline formulas read,
 * and points their names again, even when the list looks current (the checks leave it then).
 */
export function refreshHolidays(): void {
  asOfficer('Holidays and deadlines', () => {
    const d = gather(SpreadsheetApp.getActiveSpreadsheet(), [], undefined, true);
    const bad = d.problems.length
      ? ` ${d.problems.length} row(s) could not be read: ${d.problems.map(p => `${p.where} (${p.finding})`).join('; ')}`
      : '';
    return `The holiday list now holds ${d.holidays.size} days (${d.config.region} bank holidays and the Holidays tab); the Meetings deadlines use them.${bad}`;
  });
}

/** Menu: Preview reminders — what today's run would send, without sending. */
export function previewReminders(): void {
  asOfficer('Preview reminders', () => {
    const today = todayIso();
    const {sent} = readSentToday(PropertiesService.getScriptProperties(), today);
    const plan = planFromSheet(SpreadsheetApp.getActiveSpreadsheet(), today, sent);
    // Who is left out and why, in every preview: a flagged or missing address is never mailed.
    const skipped = plan.skipped.length ? `\n\nNot sent to: ${plan.skipped.join('; ')}.` : '';
    if (!plan.digests.length) return `Nothing to send today.${skipped}`;
    const shown = plan.digests
      .slice(0, 10)
      .map(g => `To: ${g.name} <${g.to}>\nSubject: ${g.subject}\n${g.body}`);
    const more =
      plan.digests.length > 10 ? `\n\n...and ${plan.digests.length - 10} more digest(s).` : '';
    return `${plan.digests.length} email(s) would be sent. Nothing has been sent.${skipped}\n\n${shown.join('\n\n----\n\n')}${more}`;
  });
}

/** Menu: Switch reminders on — a daily trigger, and the Reminders setting to Yes. */
export function switchRemindersOn(): void {
  asOfficer('Reminders', () => {
    const settings = readSettings(SpreadsheetApp.getActiveSpreadsheet());
    settings.email('Clerk email'); // a bad clerk address stops here, by name
    installReminderTrigger();
    setRemindersSetting(settings, 'Yes');
    return 'Reminders are on: every morning around 7am owners get their overdue and due-soon actions, and the clerk gets the deadlines digest.';
  });
}

/** Menu: Switch reminders off. */
export function switchRemindersOff(): void {
  asOfficer('Reminders', () => {
    const n = removeReminderTriggers();
    setRemindersSetting(readSettings(SpreadsheetApp.getActiveSpreadsheet()), 'No');
    return n ? 'Reminders are off.' : 'Reminders were already off.';
  });
}

/** Time-driven trigger: the daily reminder run. Does nothing when the Reminders setting is No. */
export function sendDailyReminders(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!readSettings(ss).bool('Reminders')) {
    console.log('Reminders are switched off in Settings; nothing sent.');
    return;
  }
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(60000)) {
    console.warn('Another run holds the lock; reminders will go with the next run.');
    return;
  }
  try {
    const r = sendReminders(ss, todayIso());
    console.log(
      `Reminders: ${r.sent.length} sent, ${r.notSent.length} not sent (quota), ${r.skipped.length} owner(s) without email; quota left ${r.quotaLeft}.`,
    );
  } finally {
    lock.releaseLock();
  }
}

/** Writes Yes/No into the Value cell of the Reminders setting, as read (found by name; one write). */
function setRemindersSetting(settings: SettingsRead, value: 'Yes' | 'No'): void {
  const {grid} = settings;
  const headers = grid[0].map(h => String(h).trim());
  const r = grid.findIndex(
    (line, i) => i > 0 && String(line[headers.indexOf('Setting')]).trim() === 'Reminders',
  );
  if (r > 0 && headers.indexOf('Value') >= 0)
    settings.cells(r + 1, headers.indexOf('Value') + 1, 1, 1).setValue(value);
}

/** Menu: Switch change log on — an installable edit trigger records each register edit and who made it. */
export function switchChangeLogOn(): void {
  asOfficer('Change log', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    if (!ss.getSheetByName(TAB.changeLog))
      return 'There is no Change log tab yet. Run Committee > Set up or repair workbook, then switch the change log on again.';
    switchOnChangeLog(ss);
    return 'The change log is on: every edit to a register is recorded on the Change log tab (when, who, tab, cell, row, old and new value). The tab is protected; older rows move to the Change log archive tab.';
  });
}

/** Menu: Switch change log off — edits are no longer recorded; the log stays. */
export function switchChangeLogOff(): void {
  asOfficer('Change log', () =>
    switchOffChangeLog(SpreadsheetApp.getActiveSpreadsheet())
      ? 'The change log is off. What it recorded stays on the Change log tab.'
      : 'The change log was already off.',
  );
}

/**
 * Installable edit trigger (installed by Switch change log on): records the edit. It runs as
 * the installer with authorisation, so the event names the editor; a failure is logged, never
 * shown to the person typing.
 */
export function recordChange(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  try {
    logEdit(e.source ?? SpreadsheetApp.getActiveSpreadsheet(), e, new Date());
  } catch (err) {
    console.warn(`Change log: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Daily time-driven trigger (installed with the change log): past the limit, the oldest rows of
 * the Change log move to the archive, so no single edit pays for counting the log.
 */
export function trimChangeLog(): void {
  try {
    trimLog(SpreadsheetApp.getActiveSpreadsheet());
  } catch (err) {
    console.warn(`Change log: ${err instanceof Error ? err.message : String(err)}`);
  }
}
