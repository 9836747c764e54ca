/**
 * Run by scripts/api-coverage.mjs (bundled with '@emulator' pointing at an emulator folder):
 * opens a scratch Workspace, makes one object of each Apps Script class in the script's realm,
 * and prints which methods of the types each object has. A method counts when it is a
 * function that is not the emulator's "not yet emulated" stub.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore resolved by the bundler's alias
import {Workspace} from '@emulator/workspace';

/** An expression (in the script realm, after SETUP) giving an object of each class. */
const MAKE: Record<string, string> = {
  'Spreadsheet.SpreadsheetApp': 'SpreadsheetApp',
  'Spreadsheet.Spreadsheet': 'ss',
  'Spreadsheet.Sheet': 'sh',
  'Spreadsheet.Range': 'sh.getRange("A1:B2")',
  'Spreadsheet.RangeList': 'sh.getRangeList(["A1", "B2"])',
  'Spreadsheet.NamedRange':
    '(ss.setNamedRange("probe", sh.getRange("A1")), ss.getNamedRanges()[0])',
  'Spreadsheet.Protection': 'sh.getRange("A1").protect()',
  'Spreadsheet.DataValidationBuilder': 'SpreadsheetApp.newDataValidation()',
  'Spreadsheet.DataValidation': 'SpreadsheetApp.newDataValidation().requireCheckbox().build()',
  'Spreadsheet.ConditionalFormatRuleBuilder': 'SpreadsheetApp.newConditionalFormatRule()',
  'Spreadsheet.ConditionalFormatRule':
    'SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground("red").setRanges([sh.getRange("A1")]).build()',
  'Spreadsheet.BooleanCondition':
    'SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBackground("red").setRanges([sh.getRange("A1")]).build().getBooleanCondition()',
  'Spreadsheet.EmbeddedChartBuilder': 'sh.newChart()',
  'Spreadsheet.EmbeddedChart':
    'sh.insertChart(sh.newChart().addRange(sh.getRange("A1:B2")).setPosition(1, 1, 0, 0).build()) || sh.getCharts()[0]',
  'Spreadsheet.Selection': 'ss.getSelection()',
  'Spreadsheet.TextFinder': 'sh.createTextFinder("x")',
  'Spreadsheet.TextStyleBuilder': 'SpreadsheetApp.newTextStyle()',
  'Spreadsheet.TextStyle': 'SpreadsheetApp.newTextStyle().build()',
  'Spreadsheet.ColorBuilder': 'SpreadsheetApp.newColor()',
  'Spreadsheet.RichTextValueBuilder': 'SpreadsheetApp.newRichTextValue()',
  'Spreadsheet.RichTextValue': 'sh.getRange("A1").getRichTextValue()',
  'Spreadsheet.Filter': 'sh.getRange("A1:B2").createFilter()',
  'Spreadsheet.ContainerInfo':
    '(sh.newChart().addRange(sh.getRange("A1:B2")).setPosition(1, 1, 0, 0).build()).getContainerInfo()',
  'Document.DocumentApp': 'DocumentApp',
  'Document.Document': 'doc',
  'Document.Body': 'doc.getBody()',
  'Document.Paragraph': 'doc.getBody().appendParagraph("p")',
  'Document.Text': 'doc.getBody().appendParagraph("t").editAsText()',
  'Document.ListItem': 'doc.getBody().appendListItem("i")',
  'Document.Table': 'doc.getBody().appendTable([["a"]])',
  'Document.TableRow': 'doc.getBody().appendTable([["a"]]).getRow(0)',
  'Document.TableCell': 'doc.getBody().appendTable([["a"]]).getCell(0, 0)',
  'Document.HeaderSection': 'doc.addHeader()',
  'Document.FooterSection': 'doc.addFooter()',
  'Document.PageBreak': 'doc.getBody().appendPageBreak()',
  'Document.HorizontalRule': 'doc.getBody().appendHorizontalRule()',
  'Document.RangeElement': 'doc.getBody().findText("p")',
  'Document.Range': 'doc.newRange().addElement(doc.getBody()).build()',
  'Document.RangeBuilder': 'doc.newRange()',
  'Document.Tab': 'doc.getTabs()[0]',
  'Document.DocumentTab': 'doc.getTabs()[0].asDocumentTab()',
  'Drive.DriveApp': 'DriveApp',
  'Drive.Folder': 'DriveApp.getRootFolder()',
  'Drive.File': 'DriveApp.createFile("probe.txt", "x")',
  'Drive.FileIterator': 'DriveApp.getFiles()',
  'Drive.FolderIterator': 'DriveApp.getFolders()',
  'Drive.User': 'DriveApp.createFile("probe2.txt", "x").getOwner()',
  'Utilities.Utilities': 'Utilities',
  'Charts.Charts': 'Charts',
  'Charts.DataTableBuilder': 'Charts.newDataTable()',
  'Charts.ColumnChartBuilder': 'Charts.newColumnChart()',
  'Charts.BarChartBuilder': 'Charts.newBarChart()',
  'Charts.LineChartBuilder': 'Charts.newLineChart()',
  'Charts.PieChartBuilder': 'Charts.newPieChart()',
  'Charts.TextStyleBuilder': 'Charts.newTextStyle()',
  'Charts.TextStyle': 'Charts.newTextStyle().build()',
  'Charts.Chart':
    'Charts.newPieChart().setDataTable(Charts.newDataTable().addColumn(Charts.ColumnType.STRING, "a").addColumn(Charts.ColumnType.NUMBER, "b").addRow(["x", 1])).build()',
  'Charts.ChartOptions':
    'Charts.newPieChart().setDataTable(Charts.newDataTable().addColumn(Charts.ColumnType.STRING, "a").addColumn(Charts.ColumnType.NUMBER, "b").addRow(["x", 1])).build().getOptions()',
  'Gmail.GmailApp': 'GmailApp',
  'Gmail.GmailDraft': 'GmailApp.createDraft("a@example.org", "s", "b")',
  'Gmail.GmailMessage': 'GmailApp.createDraft("a@example.org", "s", "b").getMessage()',
  'Mail.MailApp': 'MailApp',
  'HTML.HtmlService': 'HtmlService',
  'HTML.HtmlOutput': 'HtmlService.createHtmlOutput("<b>x</b>")',
  'HTML.HtmlTemplate': 'HtmlService.createTemplate("x")',
  'Base.Blob': 'Utilities.newBlob("x")',
  'Base.Browser': 'Browser',
  'Base.Logger': 'Logger',
  'Base.Menu': 'SpreadsheetApp.getUi().createMenu("m")',
  'Base.Session': 'Session',
  'Base.Ui': 'SpreadsheetApp.getUi()',
  'Base.User': 'Session.getActiveUser()',
  'Lock.LockService': 'LockService',
  'Lock.Lock': 'LockService.getScriptLock()',
  'Properties.PropertiesService': 'PropertiesService',
  'Properties.Properties': 'PropertiesService.getScriptProperties()',
  'Cache.CacheService': 'CacheService',
  'Cache.Cache': 'CacheService.getScriptCache()',
  'Script.ScriptApp': 'ScriptApp',
  'Script.TriggerBuilder': 'ScriptApp.newTrigger("f")',
  'Script.ClockTriggerBuilder': 'ScriptApp.newTrigger("f").timeBased()',
  'Script.AuthorizationInfo': 'ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL)',
};

const SETUP =
  'var ss = SpreadsheetApp.getActiveSpreadsheet(); var sh = ss.getSheets()[0]; var doc = DocumentApp.create("probe");';

async function main(): Promise<void> {
  const types = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Record<
    string,
    Record<string, string[]>
  >;
  const dir = mkdtempSync(path.join(tmpdir(), 'api-probe-'));
  const code = path.join(dir, 'Code.js');
  writeFileSync(code, '');
  const quiet = {out: () => undefined, err: () => undefined};
  const ws = await Workspace.open(path.join(dir, 'Probe.xlsx'), {
    create: true,
    io: quiet,
    today: '2026-03-10',
    scopes: [
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/documents',
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://mail.google.com/',
      'https://www.googleapis.com/auth/script.scriptapp',
    ],
  });
  const rt = ws.loadScript([code]);
  vm.runInContext(SETUP, rt.context);
  const out: Record<
    string,
    {ns: string; cls: string; probed: boolean; implemented: string[]; missing: string[]}
  > = {};
  for (const [ns, classes] of Object.entries(types)) {
    for (const [cls, methods] of Object.entries(classes)) {
      if (ns === 'Base' && /^Date/.test(cls)) continue;
      if (/^(ScriptProperties|UserProperties)$/.test(cls)) continue;
      const key = `${ns}.${cls}`;
      let obj: unknown = null;
      if (MAKE[key]) {
        try {
          obj = vm.runInContext(MAKE[key], rt.context);
        } catch {
          obj = null;
        }
      }
      const implemented: string[] = [];
      const missing: string[] = [];
      for (const m of methods) {
        let f: unknown;
        try {
          f = obj ? (obj as Record<string, unknown>)[m] : undefined;
        } catch {
          f = undefined;
        }
        const stub = typeof f === 'function' && (f as {notEmulated?: boolean}).notEmulated;
        (typeof f === 'function' && !stub ? implemented : missing).push(m);
      }
      out[key] = {ns, cls, probed: !!obj, implemented, missing};
    }
  }
  ws.discard();
  rmSync(dir, {recursive: true, force: true});
  process.stdout.write(JSON.stringify(out));
}

main().catch(e => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
