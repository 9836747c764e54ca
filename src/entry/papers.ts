// Entry points for the papers features: top-level functions the menu and triggers call.
import {
  actionLogCommand,
  agendaPackCommand,
  buildAgendaCommand,
  checkTemplatesCommand,
  exportPdfCommand,
  annualReportsCommand,
  minutesCommand,
  parseYears,
  reportCoverCommand,
} from '../papers/commands';
import {PaperError} from '../papers/errors';
import {publishMinutesCommand} from '../papers/publish-minutes';
import {selfAssessmentCommand} from '../papers/self-assessment';
import {forwardPlanCommand} from '../papers/forward-plan';
import {loadJob, removeResumeTriggers} from '../papers/job';
import {runCommand} from '../papers/session';

const active = () => SpreadsheetApp.getActiveSpreadsheet();

/** Committee > Papers > Build agenda for selected meeting: standing items added, items numbered in section order. */
export function buildAgendaForSelectedMeeting(): void {
  runCommand(() => void buildAgendaCommand(active()));
}

/** Committee > Generate agenda pack: full and public agenda Docs for the selected meeting. */
export function generateAgendaPack(): void {
  runCommand(() => void agendaPackCommand(active()));
}

/** Committee > Generate minutes draft: from the agenda and the Attendance tab. */
export function generateMinutesDraft(): void {
  runCommand(() => void minutesCommand(active()));
}

/** Committee > Generate action log: actions arising up to the selected meeting. */
export function generateActionLog(): void {
  runCommand(() => void actionLogCommand(active()));
}

/** Committee > Generate report cover: for the selected Agenda row. */
export function generateReportCover(): void {
  runCommand(() => void reportCoverCommand(active()));
}

/** Committee > Generate forward plan: coming meetings and items to be programmed. */
export function generateForwardPlan(): void {
  runCommand(() => void forwardPlanCommand(active()));
}

/** Committee > Generate risk self-assessment: the Risk triggers tab as a paper, by area. */
export function generateSelfAssessment(): void {
  runCommand(() => void selfAssessmentCommand(active()));
}

/** Committee > Generate annual report: asks for a year (or a range of years). */
export function generateAnnualReport(): void {
  runCommand(() => {
    const ui = SpreadsheetApp.getUi();
    const reply = ui.prompt(
      'Annual report',
      'Which year? (for example 2023, or 2019-2024 for one report per year)',
      ui.ButtonSet.OK_CANCEL,
    );
    if (reply.getSelectedButton() !== ui.Button.OK) return;
    const years = parseYears(reply.getResponseText());
    annualReportsCommand(active(), {kind: 'annual-report', years, next: 0, made: []}, true);
  });
}

/** Committee > Export PDF: a PDF beside each paper of the selected meeting. */
export function exportPdf(): void {
  runCommand(() => void exportPdfCommand(active()));
}

/** Committee > Papers > Publish minutes: approved minutes as a PDF, and a public PDF without the exempt part. */
export function publishMinutes(): void {
  runCommand(() => void publishMinutesCommand(active()));
}

/** Committee > Check templates: unknown placeholders and unbalanced blocks, before anything is generated. */
export function checkTemplates(): void {
  runCommand(() => void checkTemplatesCommand(active()));
}

/** Time-driven trigger: carries on a long run that paused near the 6-minute limit. */
export function resumePaperJob(): void {
  const state = loadJob();
  if (!state) {
    removeResumeTriggers();
    return;
  }
  try {
    annualReportsCommand(active(), state, false);
  } catch (e) {
    // No one is watching a trigger: say what went wrong where the officer will see it.
    active().toast(
      e instanceof PaperError ? e.message : `Annual reports stopped: ${String(e)}`,
      'Annual reports',
      60,
    );
    removeResumeTriggers();
    throw e;
  }
}
