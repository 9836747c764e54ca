/**
 * A method that Apps Script has (per @types/google-apps-script) and the emulator lacks fails
 * with "not yet emulated: Class.method", never "is not a function"; a name Apps Script does
 * not have stays "is not a function", as in Apps Script (issue #12).
 */
import {scriptRealm, type Realm} from './conformance-harness';

let realm: Realm;
beforeAll(async () => {
  realm = await scriptRealm();
});
afterAll(() => realm.ws.discard());

function error(body: string): string {
  try {
    realm.gas(body);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

test.each([
  [
    'SpreadsheetApp.getActiveSheet().getRange("A1").getDeveloperMetadata()',
    'Range.getDeveloperMetadata',
  ],
  ['SpreadsheetApp.getActiveSheet().insertSlicer()', 'Sheet.insertSlicer'],
  [
    'SpreadsheetApp.getActiveSpreadsheet().getDeveloperMetadata()',
    'Spreadsheet.getDeveloperMetadata',
  ],
  [
    'DocumentApp.create("d").getBody().appendParagraph("p").addPositionedImage(null)',
    'Paragraph.addPositionedImage',
  ],
  ['DriveApp.getStorageLimit()', 'DriveApp.getStorageLimit'],
  ['GmailApp.getInboxThreads()', 'GmailApp.getInboxThreads'],
  [
    'Utilities.parseCsv("a").length; return Utilities.formatString ? Utilities.getUuid().length : 0; ',
    null,
  ],
])('%s', (expr, method) => {
  const got = error(`return ${expr};`);
  expect(got).toBe(method ? `not yet emulated: ${method}` : 'no error');
});

test('a name Apps Script does not have is still "not a function"', () => {
  expect(error('return SpreadsheetApp.getActiveSheet().getRange("A1").noSuchMethod();')).toMatch(
    /noSuchMethod is not a function/,
  );
  expect(error('return DocumentApp.create("d").getBody().noSuchMethod();')).toMatch(
    /noSuchMethod is not a function/,
  );
});

/**
 * Every enum SpreadsheetApp and DocumentApp have in Apps Script exists, even where the emulator
 * has no behaviour behind it (reference/spreadsheet/spreadsheet-app "Properties",
 * reference/document/document-app "Properties"; gas-fakes test/testenums.js lists them).
 */
test('SpreadsheetApp and DocumentApp enums all exist', () => {
  const missing = realm.gas<string>(`
    var sheets = ['AutoFillSeries', 'BandingTheme', 'BooleanCriteria', 'BorderStyle', 'ColorType', 'CopyPasteType',
      'DataExecutionErrorCode', 'DataExecutionState', 'DataSourceParameterType', 'DataSourceRefreshScope', 'DataSourceType',
      'DataValidationCriteria', 'DateTimeGroupingRuleType', 'DeveloperMetadataLocationType', 'DeveloperMetadataVisibility',
      'Dimension', 'Direction', 'FrequencyType', 'GroupControlTogglePosition', 'InterpolationType',
      'PivotTableSummarizeFunction', 'PivotValueDisplayType', 'ProtectionType', 'RecalculationInterval', 'RelativeDate',
      'SheetType', 'SortOrder', 'TextDirection', 'TextToColumnsDelimiter', 'ThemeColorType', 'ValueType', 'WrapStrategy'];
    var docs = ['Attribute', 'ElementType', 'FontFamily', 'GlyphType', 'HorizontalAlignment', 'ParagraphHeading',
      'PositionedLayout', 'TabType', 'TextAlignment', 'VerticalAlignment'];
    var empty = function (app) { return function (n) { var p = app[n]; return !(p && typeof p === 'object' && Object.keys(p).length); }; };
    return sheets.filter(empty(SpreadsheetApp)).concat(docs.filter(empty(DocumentApp))).join(',');`);
  expect(missing).toBe('');
  expect(
    realm.gas(
      'return SpreadsheetApp.SortOrder.ASCENDING + " " + DocumentApp.TabType.DOCUMENT_TAB;',
    ),
  ).toBe('ASCENDING DOCUMENT_TAB');
});
