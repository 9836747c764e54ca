/**
 * A workbook opened from its kept parts and changed in a few cells is saved by patching those
 * cells into its file (emulator/sheets/xlsx-patch.ts). The patched file must be the workbook a
 * full save writes (every cell, format, note, view and the hidden sheet, read by exceljs), its
 * formula results those a full recompute gives, and its kept parts what parsing it gives, its
 * tabs' XML the same cells, rows and dimension. What the patch does not handle (a note, a new
 * look, a new tab, a cell emptied) is saved in full.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {newContext} from '../../emulator/context';
import {
  createSpreadsheetApp,
  getComputed,
  loadXlsx,
  newWorkbookModel,
  saveXlsx,
} from '../../emulator/sheets';
import {patchedSaves} from '../../emulator/sheets/xlsx-patch';
import {inflated, zipEntries} from '../../emulator/sheets/xlsx-zip';
import {modelDump} from './model-dump';
import {xlsxFingerprint} from './xlsx-fingerprint';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-patch-'));
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

function open(model: ReturnType<typeof newWorkbookModel>) {
  const app: any = createSpreadsheetApp(newContext({today: '2026-06-01'}), model, {});
  return app.getActiveSpreadsheet();
}

/** A register, formatted down to row 20, and a summary of it in formulas on another tab. */
async function start(name: string) {
  const model = newWorkbookModel(name);
  const ss = open(model);
  const data = ss.getActiveSheet().setName('Data');
  data
    .getRange('A1:D1')
    .setValues([['Item', 'Status', 'Due', 'Amount']])
    .setFontWeight('bold');
  data.getRange('A2:D4').setValues([
    ['Report', 'Open', new Date(2026, 2, 12), 10],
    ['Room & tea', 'Closed', new Date(2026, 5, 1), 2.5],
    ['Papers', 'Open', new Date(2026, 6, 1), 7],
  ]);
  data.getRange('A2:B20').setWrap(true);
  data.getRange('C2:C20').setNumberFormat('dd/mm/yyyy');
  data.getRange('D2:D20').setNumberFormat('£#,##0.00');
  data.getRange('E2').setBackground('#f4cccc');
  data.getRange('E3').setValue('old');
  data.getRange('B25').setValue('last');
  data.setFrozenRows(1);
  const sum = ss.insertSheet('Summary');
  sum.getRange('A1:A6').setValues([['Open'], ['Total'], ['Late?'], ['Words'], ['Ratio'], ['All']]);
  sum
    .getRange('B1:B6')
    .setFormulas([
      ['=COUNTIF(Data!B2:B,"Open")'],
      ['=SUM(Data!D2:D20)'],
      ['=AND(Data!B2="Open",Data!C2<DATE(2026,6,1))'],
      ['=IF(B1>1,"several","one")&" open"'],
      ['=B2/B1'],
      ['=ARRAYFORMULA(SUM(Data!D2:D4*2))'],
    ]);
  sum.getRange('B2').setNumberFormat('£#,##0.00');
  ss.insertSheet('Empty');
  sum.activate();
  const file = path.join(dir, `${name}.xlsx`);
  const snap = path.join(dir, `${name}.parts`);
  await saveXlsx(model, file, {snapshot: snap});
  return {file, snap};
}

/**
 * Each tab's XML with its style and shared-string indices replaced by what they stand for:
 * equal for two files whose tabs exceljs would write alike (cells, rows, spans, dimension).
 */
function tabsXml(file: string): Record<string, string[]> {
  const entries = zipEntries(new Uint8Array(fs.readFileSync(file)))!;
  const text = (name: string) => Buffer.from(inflated(entries.get(name)!)).toString('utf8');
  const styles = text('xl/styles.xml');
  const items = (list: string, item: string) =>
    [
      ...(new RegExp(`<${list}\\b[^>]*>(.*?)</${list}>`, 's').exec(styles)?.[1] ?? '').matchAll(
        new RegExp(`<${item}\\b[^>]*?(?:/>|>.*?</${item}>)`, 'gs'),
      ),
    ].map(m => m[0]);
  const numFmts = new Map(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map(m => [m[1], m[2]]),
  );
  const fonts = items('fonts', 'font');
  const fills = items('fills', 'fill');
  const xfs = items('cellXfs', 'xf').map(xf =>
    xf
      .replace(/numFmtId="(\d+)"/, (m, id: string) => numFmts.get(id) ?? m)
      .replace(/fontId="(\d+)"/, (_m, id: string) => fonts[Number(id)])
      .replace(/fillId="(\d+)"/, (_m, id: string) => fills[Number(id)]),
  );
  const strings = [...text('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)].map(m => m[1]);
  const out: Record<string, string[]> = {};
  for (const name of entries.keys())
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name))
      out[name] = text(name)
        .replace(
          /(<c r="[A-Z]+\d+") s="(\d+)"/g,
          (_m, c: string, i: string) => `${c} s="${xfs[Number(i)]}"`,
        )
        .replace(/ t="s"><v>(\d+)<\/v>/g, (_m, i: string) => ` t="s"><v>${strings[Number(i)]}</v>`)
        .split(/(?=<row )/); // a row a line, for a readable difference
  return out;
}

/** Saves `model` both ways: patched where it can be, and in full; both must hold the same. */
async function saveBothWays(model: any, file: string, snap: string) {
  const before = patchedSaves.n;
  await saveXlsx(model, file, {snapshot: snap});
  const patched = patchedSaves.n - before;
  const full = file.replace(/\.xlsx$/, '-full.xlsx');
  await saveXlsx(model, full);
  expect(await xlsxFingerprint(file)).toEqual(await xlsxFingerprint(full));
  expect(tabsXml(file)).toEqual(tabsXml(full));
  // What the next open takes from the kept parts is what parsing the file gives.
  expect(modelDump(await loadXlsx(file, {snapshot: snap}))).toEqual(
    modelDump(await loadXlsx(file)),
  );
  return patched;
}

test('values typed and formulas recomputed are patched into the file, as a full save writes them', async () => {
  const {file, snap} = await start('typed');
  const model = await loadXlsx(file, {snapshot: snap});
  const ss = open(model);
  const data = ss.getSheetByName('Data');
  data.getRange('B2').setValue('Closed'); // text, a cell the formulas read
  data.getRange('D3').setValue(12.75); // a number they add up
  data.getRange('C4').setValue(new Date(2026, 0, 2)); // a date
  data.getRange('A5:D5').setValues([['Tea & <cake>', 'Open', new Date(2026, 1, 3), 4]]);
  data.getRange('E3').setValue(true); // text to a boolean
  data.getRange('A3').setValue('  padded  ');
  data.activate(); // the edit's tab is the one the file opens on
  expect(await saveBothWays(model, file, snap)).toBe(1);

  // Each formula's saved result is what computing the whole workbook afresh gives.
  const fresh = await loadXlsx(file); // a full parse: the engine computes every formula
  const tabs = (await xlsxFingerprint(file)).tabs as Record<
    string,
    {cells: Record<string, {value: unknown}>}
  >;
  const results = Object.entries(tabs.Summary.cells)
    .filter(([, c]) => c.value && typeof c.value === 'object' && 'formula' in c.value)
    // (exceljs reads a cached FALSE as no result.)
    .map(([a1, c]) => [a1, (c.value as {result: unknown}).result ?? false]);
  expect(results.map(([a1]) => a1)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6']);
  for (const [a1, result] of results)
    expect([a1, getComputed(fresh, `Summary!${a1}`).values[0][0]]).toEqual([a1, result]);
  expect(results.map(([, r]) => r)).toEqual([2, 33.75, false, 'several open', 16.875, 59.5]);
  const reopened = await loadXlsx(file, {snapshot: snap});
  const back = open(reopened);
  expect(back.getActiveSheet().getName()).toBe('Data');
  expect(back.getSheetByName('Data').getRange('A5').getValue()).toBe('Tea & <cake>');
  expect(back.getSheetByName('Data').getRange('C4').getDisplayValue()).toBe('02/01/2026');

  // The next save patches the patched file again.
  const again = back.getSheetByName('Data');
  again.getRange('D2').setValue(0);
  again.getRange('E3').setValue('new');
  expect(await saveBothWays(reopened, file, snap)).toBe(1);
  expect(getComputed(await loadXlsx(file), 'Summary!B2').values[0][0]).toBe(23.75);
});

test('a note, a new look, a new tab or an emptied cell is saved in full, and the file is the same', async () => {
  const changes: [string, (ss: any) => void][] = [
    ['note', ss => ss.getSheetByName('Data').getRange('B3').setNote('why')],
    ['look', ss => ss.getSheetByName('Data').getRange('B3').setBackground('#00ff00')],
    ['tab', ss => ss.insertSheet('More').getRange('A1').setValue(1)],
    ['cleared', ss => ss.getSheetByName('Data').getRange('E3').clear()],
  ];
  for (const [name, change] of changes) {
    const {file, snap} = await start(name);
    const model = await loadXlsx(file, {snapshot: snap});
    change(open(model));
    expect([name, await saveBothWays(model, file, snap)]).toEqual([name, 0]);
  }
});

test('cells the file lacks are added in their rows, as a full save writes them', async () => {
  const {file, snap} = await start('added');
  let model = await loadXlsx(file, {snapshot: snap});
  const steps: [string, (ss: any) => void][] = [
    // Beside the row's cells, past the old dimension's last column; text needing escapes.
    ['in a row', ss => ss.getSheetByName('Summary').getRange('D2').setValue('Tea & <cake> "x"')],
    // Between two of the row's cells, the dimension's first column still A.
    ['between cells', ss => ss.getSheetByName('Summary').getRange('C2').setValue(' padded ')],
    ['a formula', ss => ss.getSheetByName('Summary').getRange('C1').setFormula('=B1*2')],
    // Rows 20 and 25 are in the file, 21 to 24 are not.
    ['a row between', ss => ss.getSheetByName('Data').getRange('A22').setValue(3)],
    [
      'a date',
      ss =>
        ss
          .getSheetByName('Data')
          .getRange('C23')
          .setValue(new Date(2026, 8, 30))
          .setNumberFormat('dd/mm/yyyy'),
    ],
    ['after the last row', ss => ss.getSheetByName('Data').getRange('H30').setValue('far')],
    [
      'several at once',
      ss => {
        const data = ss.getSheetByName('Data');
        data.getRange('A21:B21').setValues([['first', true]]);
        data.getRange('G2').setFormula('=D2*2');
        data.getRange('A40').setValue('<end>');
        data.getRange('A25').setValue('before'); // before the row's first cell, B25
        ss.getSheetByName('Summary')
          .getRange('C3:E3')
          .setValues([[1, null, 'two']]);
        ss.getSheetByName('Summary').getRange('A8').setValue(1.5);
      },
    ],
    // A date where no cell of the tab has its format (dd/mm/yyyy, as Data's column C).
    [
      'a look from another tab',
      ss =>
        ss
          .getSheetByName('Summary')
          .getRange('B8')
          .setValue(new Date(2026, 9, 1)),
    ],
    [
      'an empty tab',
      ss =>
        ss
          .getSheetByName('Empty')
          .getRange('B3:C3')
          .setValues([['x', 2]]),
    ],
    // The hidden sheet's JSON (the spreadsheet's name is in no other part) fills a second row.
    ['the hidden sheet grows', ss => ss.rename('Minutes '.repeat(4000))],
  ];
  for (const [name, change] of steps) {
    change(open(model));
    expect([name, await saveBothWays(model, file, snap)]).toEqual([name, 1]);
    model = await loadXlsx(file, {snapshot: snap});
  }
  const ss = open(model);
  expect(ss.getSheetByName('Summary').getRange('A1:D2').getDisplayValues()).toEqual([
    ['Open', '2', '4', ''],
    ['Total', '£19.50', ' padded ', 'Tea & <cake> "x"'],
  ]);
  expect(ss.getSheetByName('Data').getRange('C23').getDisplayValue()).toBe('30/09/2026');
  expect(ss.getSheetByName('Data').getRange('G2').getValue()).toBe(20);
  expect(ss.getName()).toBe('Minutes '.repeat(4000));
  const xml = tabsXml(file)['xl/worksheets/sheet1.xml'].join('');
  expect(/<dimension ref="([^"]*)"/.exec(xml)?.[1]).toBe('A1:H40');
  expect(
    tabsXml(file)['xl/worksheets/sheet4.xml'].filter(row => row.startsWith('<row ')).length,
  ).toBe(2);
});
