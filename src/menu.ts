/**
 * The Committee menu. addItem names must be string literals of top-level functions (the
 * bundle check verifies them). Each feature area keeps its items in its own block.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu('Committee');
  // -- workbook
  menu.addItem('Set up or repair workbook', 'setUpWorkbook');
  menu.addItem('Check workbook problems', 'checkWorkbookProblems');
  // -- governance
  menu.addItem('Check compliance', 'checkCompliance');
  menu.addItem('Check membership', 'checkMembership');
  menu.addItem('Forward plan', 'showForwardPlan');
  menu.addItem('Refresh holidays and deadlines', 'refreshHolidays');
  menu.addItem('Preview reminders', 'previewReminders');
  menu.addItem('Switch reminders on', 'switchRemindersOn');
  menu.addItem('Switch reminders off', 'switchRemindersOff');
  // -- papers
  menu.addItem('Build agenda for selected meeting', 'buildAgendaForSelectedMeeting');
  menu.addItem('Generate agenda pack', 'generateAgendaPack');
  menu.addItem('Generate minutes draft', 'generateMinutesDraft');
  menu.addItem('Generate action log', 'generateActionLog');
  menu.addItem('Generate report cover', 'generateReportCover');
  menu.addItem('Generate forward plan', 'generateForwardPlan');
  menu.addItem('Generate annual report', 'generateAnnualReport');
  menu.addItem('Export PDF', 'exportPdf');
  menu.addItem('Check templates', 'checkTemplates');
  // -- money and dashboard
  menu.addItem('Refresh dashboard', 'refreshDashboard');
  menu.addItem('Set up money tabs', 'setUpMoneyTabs');
  menu.addToUi();
}
