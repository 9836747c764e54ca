/**
 * Puts each embedded chart of the model into an exceljs workbook as a picture at the chart's
 * anchor, so a person opening the emulator's saved xlsx sees the charts (exceljs cannot write
 * real charts, and drops them on read: exceljs issues #141, #1173). The Sheets emulator keeps
 * the chart specifications themselves separately, so the program still reads real charts back.
 * For saveXlsx: call `addChartImages(wb, model)` before writing.
 */
import type ExcelJS from 'exceljs';
import {getComputed, type WorkbookModel} from '../sheets';
import {chartDataFromRanges, renderChartPng} from './render';

export function addChartImages(wb: ExcelJS.Workbook, model: WorkbookModel): number {
  let n = 0;
  for (const sheet of model.sheets) {
    if (!sheet.charts.length) continue;
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    for (const spec of sheet.charts) {
      const data = chartDataFromRanges(spec, a1 => getComputed(model, a1).values);
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
