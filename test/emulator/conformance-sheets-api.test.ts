/**
 * SpreadsheetApp methods public projects call (issue #12), run as a script in its own realm.
 * References: developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app (create,
 * openById, setActiveSpreadsheet, newTextStyle, newColor, enums), /spreadsheet (addMenu,
 * getRangeList, appendRow on the active sheet, copy), /sheet (insertColumns, copyTo,
 * createTextFinder, setRowHeight, hideRows), /range (moveTo, deleteCells, insertCells,
 * copyValuesToRange, copyFormatToRange, getMergedRanges, getFontFamilies, setTextStyle,
 * trimWhitespace), /range-list, /text-finder, /named-range.
 */
import path from 'node:path';
import {loadXlsx, saveXlsx} from '../../emulator/sheets';
import {scriptRealm, type Realm} from './conformance-harness';

let realm: Realm;
beforeAll(async () => {
  realm = await scriptRealm();
});
afterAll(() => realm.ws.discard());

/** A fresh sheet per test: `s` is it, `ss` the spreadsheet. */
let n = 0;
function onSheet<T>(body: string): T {
  n += 1;
  return realm.gas<T>(
    `var ss = SpreadsheetApp.getActiveSpreadsheet(); var s = ss.insertSheet('T${n}');\n${body}`,
  );
}
const json = (body: string) => JSON.parse(onSheet<string>(body));

test('plural font getters and setters, TextStyle and Color', () => {
  expect(
    json(`
      var r = s.getRange('A1:B1');
      r.setFontFamilies([['Roboto', 'Georgia']]).setFontSizes([[12, 14]]).setFontStyles([['italic', 'normal']]);
      r.setHorizontalAlignments([['center', 'right']]).setVerticalAlignments([['top', 'middle']]);
      var style = SpreadsheetApp.newTextStyle().setBold(true).setFontSize(18).setForegroundColor('aliceblue').build();
      s.getRange('C1').setTextStyle(style);
      var got = s.getRange('C1').getTextStyle();
      return JSON.stringify([r.getFontFamilies(), r.getFontSizes(), r.getFontStyles(), r.getHorizontalAlignments(),
        r.getVerticalAlignments(), s.getRange('D1').getFontFamily(), s.getRange('D1').getFontSize(),
        [got.isBold(), got.getFontSize(), got.getForegroundColor(), s.getRange('C1').getFontWeight()],
        SpreadsheetApp.newColor().setRgbColor('#FF8800').build().asRgbColor().asHexString()]);`),
  ).toEqual([
    [['Roboto', 'Georgia']],
    [[12, 14]],
    [['italic', 'normal']],
    [['center', 'right']],
    [['top', 'middle']],
    'Arial',
    10,
    [true, 18, '#f0f8ff', 'bold'],
    '#ff8800',
  ]);
});

test('CSS colour names are accepted (aliceblue)', () => {
  expect(
    onSheet(
      "return s.getRange('A1').setBackground('AliceBlue').setFontColor('rebeccapurple').getBackground() + s.getRange('A1').getFontColor();",
    ),
  ).toBe('#f0f8ff#663399');
});

test('getRangeList applies a change to every range', () => {
  expect(
    onSheet(`var rl = s.getRangeList(['A1', 'C3:D4']);
      rl.setBackground('yellow').setValue(7);
      return rl.getRanges().map(function (r) { return r.getA1Notation() + '=' + r.getValues().join(';') + r.getBackground(); }).join(' ');`),
  ).toBe('A1=7#ffff00 C3:D4=7,7;7,7#ffff00');
});

test('moveTo cuts and pastes contents and formats; references to the moved cells follow them', () => {
  expect(
    json(`s.getRange('A1:A2').setValues([[1], [2]]).setFontFamily('Roboto');
      s.getRange('B1').setFormula('=A1*2');
      s.getRange('C1').setFormula('=A2+1');
      s.getRange('A1:B2').moveTo(s.getRange('D5'));
      return JSON.stringify([s.getRange('A1:B2').getValues(), s.getRange('D5:E6').getValues(),
        s.getRange('E5').getFormula(), s.getRange('D5').getFontFamily(), s.getRange('A1').getFontFamily(),
        s.getRange('C1').getFormula(), s.getRange('C1').getValue()]);`),
  ).toEqual([
    [
      ['', ''],
      ['', ''],
    ],
    [
      [1, 2],
      [2, ''],
    ],
    '=D5*2',
    'Roboto',
    'Arial',
    '=D6+1',
    3,
  ]);
});

// A range moved onto itself is left as it is; HyperFormula's move of a block onto itself broke
// its engine, and the next move threw "Unknown node".
test('moveTo onto itself changes nothing, and the next move works', () => {
  expect(
    json(`s.getRange('A1:C1').setValues([[60, 5, '']]).setFontWeight('bold');
      s.getRange('B2').setFormula('=SUM(A1:C1)');
      s.getRange('A1:C1').moveTo(s.getRange('A1'));
      var same = [s.getRange('A1:C1').getValues(), s.getRange('A1').getFontWeight(), s.getRange('B2').getFormula()];
      s.getRange('A1:C1').moveTo(s.getRange('A4'));
      return JSON.stringify([same, s.getRange('A4:C4').getValues(), s.getRange('B2').getFormula(), s.getRange('B2').getValue()]);`),
  ).toEqual([[[[60, 5, '']], 'bold', '=SUM(A1:C1)'], [[60, 5, '']], '=SUM(A4:C4)', 65]);
});

// Moves onto cells they overlap, replacing a formula that read the moved cells: HyperFormula
// threw "Vertex for address missing in AddressMapping" and left its engine half changed.
test('moveTo a block that overlaps where it lands, over a formula reading it', () => {
  expect(
    json(`s.getRange('A1:C1').setValues([[1, 64, '=A1*2']]);
      s.getRange('A3:A5').setValues([[1], [64], ['=A3*2']]);
      s.getRange('E1').setFormula('=SUM(A1:B1)');
      s.getRange('A1:B1').moveTo(s.getRange('B1'));
      s.getRange('A3:A4').moveTo(s.getRange('A4'));
      return JSON.stringify([s.getRange('A1:C1').getValues(), s.getRange('A3:A5').getValues(),
        s.getRange('C1').getFormula(), s.getRange('E1').getFormula(), s.getRange('E1').getValue()]);`),
  ).toEqual([[['', 1, 64]], [[''], [1], [64]], '', '=SUM(B1:C1)', 65]);
});

// HyperFormula refuses to move the cells an array formula fills, or onto them (hyperformula#888);
// the emulator says so, naming the method, before it changes anything.
test('moving the cells an array formula fills is refused by name, with nothing changed', () => {
  const [name, errors, values, weight, rows] = json(
    `s.getRange('D1:D3').setValues([[1], [2], [3]]);
      s.getRange('A1').setFormula('=ARRAYFORMULA(D1:D3*2)');
      s.getRange('B2').setValue('kept').setFontWeight('bold');
      var rows = s.getMaxRows();
      var errors = [];
      try { s.getRange('A2:B2').moveTo(s.getRange('F1')); } catch (e) { errors.push(e.message); }
      try { s.getRange('B2').moveTo(s.getRange('A3')); } catch (e) { errors.push(e.message); }
      try { s.getRange('A1').insertCells(SpreadsheetApp.Dimension.ROWS); } catch (e) { errors.push(e.message); }
      return JSON.stringify([s.getName(), errors, s.getRange('A1:B4').getValues(), s.getRange('B2').getFontWeight(),
        s.getMaxRows() - rows]);`,
  ) as [string, string[], unknown[][], string, number];
  const refused = (method: string, what: string) =>
    `not yet emulated: Range.${method} where an array formula fills the cells moved or the cells they would move to (${what.replace(/(\w+\d+(:\w+\d+)?)/g, `${name}!$1`)})`;
  expect(errors).toEqual([
    refused('moveTo', 'A2:B2 to F1:G1'),
    refused('moveTo', 'B2 to A3'),
    refused('insertCells', 'A1:A3 to A2:A4'),
  ]);
  expect(values).toEqual([
    [2, ''],
    [4, 'kept'],
    [6, ''],
    ['', ''],
  ]);
  expect(weight).toBe('bold');
  expect(rows).toBe(0);
});

test('deleteCells and insertCells shift the cells beside them', () => {
  expect(
    json(`s.getRange('A1:B3').setValues([[1, 'a'], [2, 'b'], [3, 'c']]);
      s.getRange('A1').deleteCells(SpreadsheetApp.Dimension.ROWS);
      var up = s.getRange('A1:A3').getValues();
      s.getRange('A1').deleteCells(SpreadsheetApp.Dimension.COLUMNS);
      var left = s.getRange('A1:B1').getValues();
      s.getRange('A2:B2').insertCells(SpreadsheetApp.Dimension.ROWS);
      return JSON.stringify([up, left, s.getRange('A1:B4').getValues()]);`),
  ).toEqual([
    [[2], [3], ['']],
    [['a', '']],
    [
      ['a', ''],
      ['', ''],
      [3, 'b'],
      ['', 'c'],
    ],
  ]);
});

test('copyValuesToRange and copyFormatToRange (by sheet or by sheet id)', () => {
  expect(
    json(`s.getRange('A1:A2').setValues([['=1+1'], ['x']]).setNumberFormat('0.00');
      s.getRange('A1').setFormula('=1+1');
      s.getRange('A1:A2').copyValuesToRange(s, 3, 3, 1, 2);
      s.getRange('A1:A2').copyFormatToRange(s.getSheetId(), 4, 4, 1, 2);
      return JSON.stringify([s.getRange('C1:C2').getValues(), s.getRange('C1').getFormula(), s.getRange('D1:D2').getNumberFormats()]);`),
  ).toEqual([[[2], ['x']], '', [['0.00'], ['0.00']]]);
});

test('merges: getMergedRanges finds the merged blocks a range touches', () => {
  expect(
    onSheet(`s.getRange('B2:C3').merge(); s.getRange('E1:F1').merge();
      return s.getRange('A1:D4').getMergedRanges().map(function (r) { return r.getA1Notation(); }).join(',') + ' ' + s.getRange('B2').isPartOfMerge();`),
  ).toBe('B2:C3 true');
});

test('TextFinder finds and replaces, in a sheet or the whole spreadsheet', () => {
  expect(
    json(`s.getRange('A1:A4').setValues([['Apple pie'], ['apple'], ['Pear'], ['=UPPER("apple")']]);
      var f = s.createTextFinder('apple');
      var all = f.findAll().map(function (r) { return r.getA1Notation(); });
      var exact = s.createTextFinder('apple').matchCase(true).matchEntireCell(true).findAll().length;
      var first = s.createTextFinder('apple').findNext().getA1Notation();
      var replaced = s.getRange('A1:A3').createTextFinder('p(ie|ear)').useRegularExpression(true).replaceAllWith('X');
      return JSON.stringify([all, exact, first, replaced, s.getRange('A1:A3').getValues()]);`),
  ).toEqual([['A1', 'A2', 'A4'], 1, 'A1', 2, [['Apple X'], ['apple'], ['X']]]);
});

test('insertColumns, setRowHeight, hideRows, copyTo and the active sheet methods of Spreadsheet', () => {
  expect(
    json(`s.getRange('A1').setValue('first');
      s.insertColumns(1, 2);
      s.setRowHeight(2, 40); s.hideRows(3, 2);
      ss.setActiveSheet(s);
      ss.appendRow(['appended']);
      var copy = s.copyTo(ss);
      return JSON.stringify([s.getRange('C1').getValue(), s.getMaxColumns(), s.getRowHeight(2), s.getRowHeight(9),
        s.isRowHiddenByUser(4), s.isRowHiddenByUser(5), ss.getLastRow(), copy.getName(), copy.getRange('C1').getValue()]);`),
  ).toEqual(['first', 28, 40, 21, true, false, 2, `Copy of T${n}`, 'first']);
});

test('trimWhitespace trims text cells and leaves formulas', () => {
  expect(
    json(`s.getRange('A1:A2').setValues([['  two   words '], ['=" x "']]);
      s.getRange('A1:A2').trimWhitespace();
      return JSON.stringify([s.getRange('A1').getValue(), s.getRange('A2').getFormula()]);`),
  ).toEqual(['two words', '=" x "']);
});

test('Spreadsheet.addMenu adds a menu through the Ui; null entries are separators', () => {
  realm.gas(
    "SpreadsheetApp.getActiveSpreadsheet().addMenu('Tools', [{name: 'Go', functionName: 'go'}, null, {name: 'Stop', functionName: 'stop'}]);",
  );
  expect(realm.io.stdout.join('\n')).toContain('Tools\n  Go  [go]\n  ────────\n  Stop  [stop]');
});

test('SpreadsheetApp.create, openById, open and setActiveSpreadsheet', () => {
  expect(
    json(`var made = SpreadsheetApp.create('Budget', 50, 5);
      var again = SpreadsheetApp.openById(made.getId());
      SpreadsheetApp.setActiveSpreadsheet(made);
      var active = SpreadsheetApp.getActiveSpreadsheet().getName();
      SpreadsheetApp.getActiveSheet().getRange('A1').setValue(3);
      SpreadsheetApp.setActiveSpreadsheet(ss);
      return JSON.stringify([again.getName(), made.getSheets()[0].getMaxRows(), made.getSheets()[0].getMaxColumns(),
        active, again.getRange('A1').getValue(), SpreadsheetApp.getActiveSpreadsheet().getId() === ss.getId(),
        [SpreadsheetApp.Direction.UP, SpreadsheetApp.AutoFillSeries.DEFAULT_SERIES].join()]);`),
  ).toEqual(['Budget', 50, 5, 'Budget', 3, true, 'UP,DEFAULT_SERIES']);
});

test('a range name ending in digits (sampleNamedRange1) works in formulas and is saved', async () => {
  expect(
    onSheet(`s.getRange('A1:A3').setValues([[1], [2], [3]]);
      ss.setNamedRange('sampleNamedRange1', s.getRange('A1:A3'));
      s.getRange('B1').setFormula('=SUM(sampleNamedRange1)');
      return [ss.getRangeByName('sampleNamedRange1').getA1Notation(), s.getRange('B1').getValue(),
        s.getRange('B1').getFormula()].join(' ');`),
  ).toBe('A1:A3 6 =SUM(sampleNamedRange1)');
  const file = path.join(realm.dir, 'names.xlsx');
  await saveXlsx(realm.ws.model, file);
  const back = await loadXlsx(file);
  expect(back.hf.getNamedExpressionFormula('sampleNamedRange1')).toMatch(
    /^='?T\d+'?!\$A\$1:\$A\$3$/,
  );
});

test('copyTo: a larger destination gets whole repeats, a smaller one the whole source; transposed; argument checks', () => {
  expect(
    json(`s.getRange('A1:B2').setValues([['V1', 'V2'], ['V3', 'V4']]).setBackground('#ff0000').setFontSize(14);
      var src = s.getRange('A1:B2');
      src.copyTo(s.getRange('J1:L4'));
      src.copyTo(s.getRange('G1'));
      src.copyTo(s.getRange('D17:E18'), SpreadsheetApp.CopyPasteType.PASTE_NORMAL, true);
      s.getRange('N1:O2').setBackground('#cccccc');
      src.copyTo(s.getRange('N1:O2'), {contentsOnly: true});
      var errors = [];
      [[], ['not a range'], [s.getRange('Q1'), SpreadsheetApp.CopyPasteType.PASTE_NORMAL, 'not a boolean']].forEach(function (a) {
        try { src.copyTo.apply(src, a); errors.push('none'); } catch (e) { errors.push(/don't match the method signature/.test(e.message)); }
      });
      return JSON.stringify([s.getRange('J1:L4').getValues(), s.getRange('L1').getBackground(), s.getRange('K4').getFontSize(),
        s.getRange('G1:H2').getValues(), s.getRange('D17:E18').getValues(), s.getRange('N1:O2').getValues(),
        s.getRange('N1').getBackground(), errors]);`),
  ).toEqual([
    [
      ['V1', 'V2', ''],
      ['V3', 'V4', ''],
      ['V1', 'V2', ''],
      ['V3', 'V4', ''],
    ],
    '#ffffff',
    14,
    [
      ['V1', 'V2'],
      ['V3', 'V4'],
    ],
    [
      ['V1', 'V3'],
      ['V2', 'V4'],
    ],
    [
      ['V1', 'V2'],
      ['V3', 'V4'],
    ],
    '#cccccc',
    [true, true, true],
  ]);
});

test('getNextDataCell moves as Ctrl+arrow does', () => {
  expect(
    json(`s.getRange('B2').setValue('x'); s.getRange('B5').setValue('y');
      s.getRange('D2:D4').setValues([['a'], ['b'], ['c']]);
      var D = SpreadsheetApp.Direction;
      var at = function (a1, d) { return s.getRange(a1).getNextDataCell(d).getA1Notation(); };
      return JSON.stringify([at('B1', D.DOWN), at('B2', D.DOWN), at('D2', D.DOWN), at('B5', D.DOWN), at('B4', D.UP),
        at('B2', D.UP), at('A1', D.UP), at('D2', D.NEXT), at('B2', D.NEXT), at('D3', D.PREVIOUS)]);`),
  ).toEqual(['B2', 'B5', 'D4', 'B1000', 'B2', 'B1', 'A1', 'Z2', 'D2', 'A3']);
});

test('autoFill continues numbers, months and formulas; refuses a destination that does not extend the source', () => {
  expect(
    json(`s.getRange('A1:A4').setValues([[1], [2], [3], [4]]);
      s.getRange('A1:A4').autoFill(s.getRange('A1:A8'), SpreadsheetApp.AutoFillSeries.DEFAULT_SERIES);
      s.getRange('E1:H1').setValues([[10, 8, 6, 4]]);
      s.getRange('E1:H1').autoFill(s.getRange('B1:H1'), SpreadsheetApp.AutoFillSeries.DEFAULT_SERIES);
      s.getRange('J1:J2').setValues([['Jan'], ['Feb']]);
      s.getRange('K1').setFormula('=A1*2');
      s.getRange('J1:K2').offset(0, 1, 1, 1).autoFill(s.getRange('K1:K3'), SpreadsheetApp.AutoFillSeries.DEFAULT_SERIES);
      s.getRange('I1:I6').setValues([[1], [2], [3], [4], [5], [6]]);
      s.getRange('J1:J2').autoFillToNeighbor(SpreadsheetApp.AutoFillSeries.DEFAULT_SERIES);
      var errors = [];
      [s.getRange('M1:M5'), s.getRange('A1:B10')].forEach(function (d) {
        try { s.getRange('A1:A4').autoFill(d, SpreadsheetApp.AutoFillSeries.DEFAULT_SERIES); } catch (e) { errors.push(e.message); }
      });
      return JSON.stringify([s.getRange('A1:A8').getValues().join(), s.getRange('B1:H1').getValues()[0],
        s.getRange('J1:J6').getValues().join(), s.getRange('K3').getFormula(), errors]);`),
  ).toEqual([
    '1,2,3,4,5,6,7,8',
    [16, 14, 12, 10, 8, 6, 4],
    'Jan,Feb,Mar,Apr,May,Jun',
    '=A3*2',
    [
      'The destination range must contain the source range.',
      'AutoFill destination range must extend the source range in only one direction.',
    ],
  ]);
});

test('a spreadsheet made with SpreadsheetApp.create is a file of the Drive (moved, trashed by id)', () => {
  expect(
    json(`var made = SpreadsheetApp.create('Scratch sheet');
      var file = DriveApp.getFileById(made.getId());
      var folder = DriveApp.createFolder('Tests');
      file.moveTo(folder);
      var again = DriveApp.getFileById(made.getId());
      again.setTrashed(true);
      return JSON.stringify([file.getName(), file.getMimeType(), again.getParents().next().getName(), again.isTrashed(),
        Drive.Files.get(made.getId()).mimeType]);`),
  ).toEqual([
    'Scratch sheet',
    'application/vnd.google-apps.spreadsheet',
    'Tests',
    true,
    'application/vnd.google-apps.spreadsheet',
  ]);
});

test('notes: a whole number is written as Java writes a double; protections by range name; warning-only has no editors', () => {
  expect(
    json(`var r = s.getRange('C2:D2');
      r.setNote(5);
      var one = r.getNote();
      r.setNotes([[1, 'x']]);
      var p1 = s.protect().setDescription('sample1').setWarningOnly(true).setUnprotectedRanges([s.getRange('A1:B1')]);
      var warning = [p1.getEditors().length, p1.getUnprotectedRanges()[0].getA1Notation(), String(p1.getProtectionType())];
      p1.remove();
      ss.setNamedRange('protectMe1', s.getRange('C3:F7'));
      var p3 = s.getRange('A1:D5').protect();
      p3.setRangeName('protectMe1');
      var p4 = s.getRange('A1:D5').protect();
      p4.setNamedRange(ss.getNamedRanges().filter(function (n) { return n.getName() === 'protectMe1'; })[0]);
      return JSON.stringify([one, r.getNotes(), warning, p3.getRangeName(), p3.getRange().getA1Notation(), p4.getRangeName()]);`),
  ).toEqual(['5.0', [['1.0', 'x']], [0, 'A1:B1', 'SHEET'], 'protectMe1', 'C3:F7', 'protectMe1']);
});

test('RichTextValue: a link on the whole text or on part of it; removeDuplicates', () => {
  expect(
    json(`var link = SpreadsheetApp.newRichTextValue().setText('Agenda pack').setLinkUrl('https://example.org/agenda').build();
      s.getRange('A1').setRichTextValue(link);
      var part = SpreadsheetApp.newRichTextValue().setText('See the minutes')
        .setLinkUrl(8, 15, 'https://example.org/minutes')
        .setTextStyle(0, 3, SpreadsheetApp.newTextStyle().setBold(true).build()).build();
      s.getRange('A2').setRichTextValue(part);
      s.getRange('A3').setValue(42);
      var a1 = s.getRange('A1').getRichTextValue(), a2 = s.getRange('A2').getRichTextValue();
      s.getRange('C1:D5').setValues([['a', 1], ['b', 2], ['A', 1], ['c', 3], ['b', 2]]);
      var kept = s.getRange('C1:D5').removeDuplicates();
      return JSON.stringify([a1.getText(), a1.getLinkUrl(), s.getRange('A1').getValue(), a2.getLinkUrl(), a2.getLinkUrl(8, 15),
        a2.getTextStyle(0, 3).isBold(), a2.getRuns().map(function (r) { return r.getText(); }), s.getRange('A3').getRichTextValue(),
        kept.getA1Notation(), s.getRange('C1:D5').getValues()]);`),
  ).toEqual([
    'Agenda pack',
    'https://example.org/agenda',
    'Agenda pack',
    null,
    'https://example.org/minutes',
    true,
    ['See', ' the ', 'minutes'],
    null,
    'C1:D3',
    [
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['', ''],
      ['', ''],
    ],
  ]);
});

test('getDataRegion finds the block of data around a cell (Ctrl+A)', () => {
  expect(
    json(`s.getRange('B2:D4').setValues([['a', 'b', 'c'], [1, '', 3], [4, 5, 6]]);
      s.getRange('F9').setValue('apart');
      return JSON.stringify([s.getRange('C3').getDataRegion().getA1Notation(),
        s.getRange('B3').getDataRegion(SpreadsheetApp.Dimension.ROWS).getA1Notation(),
        s.getRange('C2').getDataRegion(SpreadsheetApp.Dimension.COLUMNS).getA1Notation(),
        s.getRange('F9').getDataRegion().getA1Notation()]);`),
  ).toEqual(['B2:D4', 'B2:B4', 'B2:D2', 'F9']);
});

test('text direction and rotation stick; a rotation outside -90..90 is refused', () => {
  expect(
    json(`var r = s.getRange('A1:B1');
      r.setTextDirection(SpreadsheetApp.TextDirection.RIGHT_TO_LEFT).setTextRotation(45);
      s.getRange('B1').setVerticalText(true);
      var e; try { r.setTextRotation(120); e = 'none'; } catch (x) { e = x.message; }
      return JSON.stringify([r.getTextDirections(), r.getTextRotation().getDegrees(),
        s.getRange('B1').getTextRotation().isVertical(), s.getRange('C1').getTextDirection(), e]);`),
  ).toEqual([[['RIGHT_TO_LEFT', 'RIGHT_TO_LEFT']], 45, true, null, 'Invalid argument: degrees']);
});
