/**
 * The Committee menu. addItem names must be string literals of top-level functions (the
 * bundle check verifies them). Each feature area keeps its items in its own block.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createMenu('Committee');
  // -- workbook
  menu.addItem('Set up or repair workbook', 'setUpWorkbook');
  // -- governance
  // -- papers
  menu.addItem('Generate agenda pack', 'generateAgendaPack');
  // -- money and dashboard
  menu.addToUi();
}
