/**
 * The Committee menu, grouped the way a clerk's week runs: the registers, the meeting's papers,
 * the rules, the money. addItem names must be string literals of top-level functions (the
 * bundle check verifies them). Built in onOpen, so it needs no authorisation and shows even on
 * a blank spreadsheet.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const papers = ui
    .createMenu('Papers')
    .addItem('Open papers sidebar', 'openPapersSidebar')
    .addItem('Build agenda for selected meeting', 'buildAgendaForSelectedMeeting')
    .addItem('Generate agenda pack', 'generateAgendaPack')
    .addItem('Generate minutes draft', 'generateMinutesDraft')
    .addItem('Generate action log', 'generateActionLog')
    .addItem('Generate report cover', 'generateReportCover')
    .addItem('Generate forward plan', 'generateForwardPlan')
    .addItem('Generate annual report', 'generateAnnualReport')
    .addItem('Generate risk self-assessment', 'generateSelfAssessment')
    .addSeparator()
    .addItem('Export PDF', 'exportPdf')
    .addItem('Publish papers', 'publishPapers')
    .addItem('Publish minutes', 'publishMinutes')
    .addItem('Send papers', 'sendPapers')
    .addItem('Check templates', 'checkTemplates')
    .addItem('Choose from Drive', 'chooseFromDrive');
  const rules = ui
    .createMenu('Rules and reminders')
    .addItem('Check compliance', 'checkCompliance')
    .addItem('Check membership', 'checkMembership')
    .addItem('Forward plan', 'showForwardPlan')
    .addItem('Refresh holidays and deadlines', 'refreshHolidays')
    .addSeparator()
    .addItem('Preview reminders', 'previewReminders')
    .addItem('Switch reminders on', 'switchRemindersOn')
    .addItem('Switch reminders off', 'switchRemindersOff')
    .addSeparator()
    .addItem('Switch change log on', 'switchChangeLogOn')
    .addItem('Switch change log off', 'switchChangeLogOff');
  const money = ui
    .createMenu('Money and dashboard')
    .addItem('Refresh dashboard', 'refreshDashboard')
    .addItem('Set up money tabs', 'setUpMoneyTabs');
  ui.createMenu('Committee')
    .addItem('Set up or repair workbook', 'setUpWorkbook')
    .addItem('Check workbook problems', 'checkWorkbookProblems')
    .addSeparator()
    .addSubMenu(papers)
    .addSubMenu(rules)
    .addSubMenu(money)
    .addToUi();
}
