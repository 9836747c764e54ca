/**
 * TODAY()/NOW() follow the emulated clock (`--today`), and the saved xlsx shows charts as pictures.
 * Sources: Sheets TODAY "returns the current date as a date value" and NOW "the current date and
 * time" (support.google.com/docs/answer/3092984, /3092981); HyperFormula custom functions and
 * the `context` config option (hyperformula.handsontable.com/guide/custom-functions.html);
 * exceljs "Images" (workbook.addImage / worksheet.addImage), ECMA-376 drawings (xl/media, twoCellAnchor).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {unzipSync} from 'fflate';
import {newContext} from '../../emulator/context';
import {createSpreadsheetApp, loadXlsx, newWorkbookModel, saveXlsx} from '../../emulator/sheets';
import {createCharts} from '../../emulator/services/charts';
import {pixelsOf, readPng} from '../png-pixels';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-clock-'));
});
afterAll(() => fs.rmSync(dir, {recursive: true, force: true}));

function open(model: ReturnType<typeof newWorkbookModel>) {
  const app: any = createSpreadsheetApp(newContext(), model, {});
  return app.getActiveSpreadsheet();
}

describe('TODAY() and NOW() read the emulated clock', () => {
  test('a new workbook computes TODAY() on the --today day, NOW() on that day', () => {
    const model = newWorkbookModel('Clock', {clock: newContext({today: '2031-02-14'}).clock});
    const sh = open(model).getActiveSheet();
    sh.getRange('A1:A3').setFormulas([['=TODAY()'], ['=NOW()'], ['=TODAY()+30']]);
    expect(sh.getRange('A1').getDisplayValue()).toBe('14/02/2031');
    expect(sh.getRange('A2').getDisplayValue()).toMatch(/^14\/02\/2031 /);
    expect(sh.getRange('A3').getDisplayValue()).toBe('16/03/2031');
  });

  test('reopening with another clock computes the new day', async () => {
    const model = newWorkbookModel('Clock', {clock: newContext({today: '2031-02-14'}).clock});
    open(model).getActiveSheet().getRange('A1').setFormula('=TODAY()');
    const file = path.join(dir, 'clock.xlsx');
    await saveXlsx(model, file);
    const back = await loadXlsx(file, {clock: newContext({today: '2032-07-01'}).clock});
    expect(open(back).getActiveSheet().getRange('A1').getDisplayValue()).toBe('01/07/2032');
    expect(open(back).getActiveSheet().getRange('A1').getFormula()).toBe('=TODAY()');
  });

  test('not volatile: an edit elsewhere does not recalculate formulas that use TODAY()', () => {
    const model = newWorkbookModel('Clock', {clock: newContext({today: '2031-02-14'}).clock});
    const sh = open(model).getActiveSheet();
    sh.getRange('A1:A2').setFormulas([['=TODAY()'], ['=A1+1']]);
    const changes = model.hf.setCellContents({sheet: model.sheets[0].hfId, row: 0, col: 3}, 5);
    const recalculated = changes
      .map((c: any) => c.address && `${c.address.col},${c.address.row}`)
      .filter(Boolean);
    expect(recalculated).toEqual(['3,0']);
  });
});

describe('charts in the saved xlsx', () => {
  function countImages(file: string): {media: number; anchors: number} {
    const files = unzipSync(new Uint8Array(fs.readFileSync(file)));
    const media = Object.keys(files).filter(f => /^xl\/media\/.+\.png$/.test(f)).length;
    const anchors = Object.keys(files)
      .filter(f => /^xl\/drawings\/drawing\d+\.xml$/.test(f))
      .reduce(
        (n, f) =>
          n +
          (
            Buffer.from(files[f])
              .toString()
              .match(/<xdr:(twoCell|oneCell)Anchor/g) ?? []
          ).length,
        0,
      );
    return {media, anchors};
  }

  test('each chart is drawn once as a picture; reopening and saving again does not duplicate it', async () => {
    const model = newWorkbookModel('Charts');
    const ss = open(model);
    const sh = ss.getActiveSheet().setName('Cash flow');
    sh.getRange('A1:B4').setValues([
      ['Period', 'Net'],
      ['Q1', -1000],
      ['Q2', 400],
      ['Q3', 900],
    ]);
    sh.insertChart(
      sh
        .newChart()
        .setChartType('COLUMN')
        .addRange(sh.getRange('A1:B4'))
        .setPosition(2, 4, 0, 0)
        .setOption('title', 'Net cash flow')
        .build(),
    );
    const file = path.join(dir, 'charts.xlsx');
    await saveXlsx(model, file);
    expect(countImages(file)).toEqual({media: 1, anchors: 1});

    const back = await loadXlsx(file);
    expect(back.sheets.find(s => s.name === 'Cash flow')!.charts).toHaveLength(1);
    await saveXlsx(back, file);
    expect(countImages(file)).toEqual({media: 1, anchors: 1});
    const again = await loadXlsx(file);
    expect(open(again).getSheetByName('Cash flow').getCharts()).toHaveLength(1);
  });
});

// EmbeddedChart.getAs / getBlob (developers.google.com/apps-script/reference/spreadsheet/embedded-chart#getAs(String)):
// drawn by the renderer the Charts service uses, so the same data and colours make the same picture.
describe('an embedded chart as a picture', () => {
  test('getAs("image/png") draws the ranges in the given colours, as a Charts pie of the same data', () => {
    const model = newWorkbookModel('Charts');
    const sh = open(model).getActiveSheet();
    sh.getRange('A1:B3').setValues([
      ['Status', 'Actions'],
      ['Open', 3],
      ['Closed', 1],
    ]);
    const colours = ['#1f5c99', '#80868b'];
    sh.insertChart(
      sh
        .newChart()
        .asPieChart()
        .addRange(sh.getRange('A1:B3'))
        .setOption('title', 'Actions by status')
        .setOption('colors', colours)
        .setPosition(1, 4, 0, 0)
        .build(),
    );
    const blob = sh.getCharts()[0].getBlob();
    expect(blob.getContentType()).toBe('image/png');
    const embedded = Uint8Array.from(blob.getBytes(), (b: number) => b & 0xff);
    const png = readPng(embedded);
    expect([png.width, png.height]).toEqual([560, 300]);
    expect(pixelsOf(png, '#1f5c99') / pixelsOf(png, '#80868b')).toBeGreaterThan(2.5);
    const Charts: any = createCharts(newContext());
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, 'Status')
      .addColumn(Charts.ColumnType.NUMBER, 'Actions')
      .addRow(['Open', 3])
      .addRow(['Closed', 1]);
    const paper = Charts.newPieChart()
      .setDataTable(table)
      .setTitle('Actions by status')
      .setColors(colours)
      .build()
      .getBlob()
      .getBytes();
    expect(
      Buffer.from(Uint8Array.from(paper, (b: number) => b & 0xff)).equals(Buffer.from(embedded)),
    ).toBe(true);
    expect(() => sh.getCharts()[0].getAs('image/gif')).toThrow(
      "not yet emulated: EmbeddedChart.getAs('image/gif')",
    );
  });
});
