/**
 * A printable copy of the Dashboard tab: its display text, bold rows and column widths, with
 * each embedded chart drawn as a PNG (renderChartPng) where the chart is anchored. LibreOffice
 * turns it into a PDF and pdftoppm into a PNG, which is how the Dashboard is looked at offline
 * (docs/dashboard.png) — exceljs cannot write real charts, so the saved workbook alone has none.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {getComputed, type WorkbookModel} from '../emulator/sheets';
import {chartDataFromRanges, renderChartPng} from '../emulator/charts/render';
import {runSoffice} from '../emulator/drive/soffice';

/** Writes the printable xlsx of a sheet (default Dashboard) and returns the number of charts drawn. */
export async function writePrintXlsx(
  model: WorkbookModel,
  out: string,
  tab = 'Dashboard',
): Promise<number> {
  const sheet = model.sheets.find(s => s.name === tab);
  if (!sheet) throw new Error(`No "${tab}" tab: run Committee > Refresh dashboard first.`);
  const used = model.hf.getSheetDimensions(sheet.hfId);
  const rows = Math.max(used.height, 1);
  const cols = Math.max(used.width, 1);
  const {display} = getComputed(
    model,
    `'${tab}'!A1:${String.fromCharCode(64 + Math.min(cols, 26))}${rows}`,
  );
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(tab, {
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      paperSize: 9,
    },
  });
  display.forEach((line, r) => {
    line.forEach((text, c) => {
      if (text === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = text;
      const bold = sheet.meta[r]?.[c]?.font?.weight === 'bold';
      cell.font = {name: 'Liberation Sans', bold, size: r === 0 && bold ? 14 : 10};
    });
  });
  for (let c = 0; c < cols; c++)
    ws.getColumn(c + 1).width = Math.round((sheet.columnWidths[c] ?? 100) / 7);
  let drawn = 0;
  for (const spec of sheet.charts) {
    const data = chartDataFromRanges(spec, a1 => getComputed(model, a1).values);
    const png = renderChartPng(spec, data);
    const id = wb.addImage({buffer: png as unknown as ExcelJS.Buffer, extension: 'png'});
    const width = Number(spec.options.width) || 560;
    const height = Number(spec.options.height) || 300;
    ws.addImage(id, {
      tl: {col: spec.position.col - 1, row: spec.position.row - 1},
      ext: {width, height},
    });
    drawn++;
  }
  await wb.xlsx.writeFile(out);
  return drawn;
}

/** Whether LibreOffice and pdftoppm are installed. */
export function canRender(): boolean {
  return (
    spawnSync('soffice', ['--version'], {encoding: 'utf8'}).status === 0 &&
    spawnSync('pdftoppm', ['-v'], {encoding: 'utf8'}).status === 0
  );
}

/** xlsx → PDF (LibreOffice) → PNG of the first page (pdftoppm). Returns the PNG path. */
export function renderXlsxToPng(xlsx: string, png: string, dpi = 70): string {
  const dir = path.dirname(png);
  mkdirSync(dir, {recursive: true});
  const pdf = path.join(dir, path.basename(xlsx).replace(/\.xlsx$/, '.pdf'));
  const lo = runSoffice(['--convert-to', 'pdf', '--outdir', dir, xlsx], [pdf], dir);
  if (lo.status !== 0 || !existsSync(pdf))
    throw new Error(`LibreOffice could not convert ${xlsx}: ${lo.stderr || lo.stdout}`);
  const base = png.replace(/\.png$/, '');
  const pp = spawnSync(
    'pdftoppm',
    ['-png', '-r', String(dpi), '-singlefile', '-f', '1', '-l', '1', pdf, base],
    {encoding: 'utf8', timeout: 60000},
  );
  if (pp.status !== 0) throw new Error(`pdftoppm failed: ${pp.stderr}`);
  return png;
}
