/**
 * Puts each embedded chart of the model into an exceljs workbook as a picture at the chart's
 * anchor, so a person opening the emulator's saved xlsx sees the charts (exceljs cannot write
 * real charts, and drops them on read: exceljs issues #141, #1173). The Sheets emulator keeps
 * the chart specifications themselves separately, so the program still reads real charts back.
 * For saveXlsx: call `addChartImages(wb, model)` before writing.
 */
import type ExcelJS from 'exceljs';
import {Book} from '../sheets/book';
import {readComputed} from '../sheets/cells';
import type {WorkbookModel} from '../sheets/model';

export function addChartImages(wb: ExcelJS.Workbook, model: WorkbookModel): number {
  let n = 0;
  for (const sheet of model.sheets) {
    if (!sheet.charts.length) continue;
    // The renderer (pureimage) loads when a workbook with charts is first saved.
    const {chartDataFromRanges, renderChartPng} = require('./render') as typeof import('./render');
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    for (const spec of sheet.charts) {
      const data = chartDataFromRanges(spec, a1 => valuesOf(model, a1));
      const id = wb.addImage({
        buffer: renderChartPng(spec, data) as unknown as ExcelJS.Buffer,
        extension: 'png',
      });
      ws.addImage(id, {
        tl: {col: spec.position.col - 1, row: spec.position.row - 1},
        ext: {width: Number(spec.options.width) || 560, height: Number(spec.options.height) || 300},
      });
      n++;
    }
  }
  return n;
}

/** A range's computed values, as sheets/index getComputed gives them (imported directly: sheets/index imports xlsx, which imports this). */
function valuesOf(model: WorkbookModel, a1: string): unknown[][] {
  const {sheet, rect} = new Book({} as Book['ctx'], model, {}).resolveA1(a1);
  return readComputed(model, sheet, rect).values;
}
