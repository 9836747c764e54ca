/**
 * Everything a saved .xlsx says, read with exceljs (not the emulator's own loader) and put in
 * one canonical form: per tab, each cell's value, formula and cached result, number format,
 * font, fill, alignment and note; data validation cell by cell (however the file groups its
 * ranges); merges, views, widths, conditional formats; the defined names; the hidden sheet's
 * JSON. Two files with equal fingerprints hold the same workbook, whatever wrote them.
 */
import ExcelJS from 'exceljs';

type Cells = Record<string, unknown>;

function expand(address: string): string[] {
  const [a, b = a] = address.split(':');
  const parse = (s: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(s)!;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return {r: Number(m[2]), c};
  };
  const p = parse(a);
  const q = parse(b);
  const out: string[] = [];
  for (let r = p.r; r <= q.r; r++)
    for (let c = p.c; c <= q.c; c++) {
      let s = '';
      for (let n = c; n > 0; n = Math.floor((n - 1) / 26))
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      out.push(`${s}${r}`);
    }
  return out;
}

export async function xlsxFingerprint(file: string): Promise<Record<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const tabs: Record<string, unknown> = {};
  let meta: unknown = null;
  for (const ws of wb.worksheets) {
    if (ws.state === 'veryHidden') {
      // The emulator's own JSON, however it is cut into cells.
      let text = '';
      for (let r = 1; r <= ws.rowCount; r++) text += String(ws.getCell(r, 1).value ?? '');
      meta = JSON.parse(text);
      continue;
    }
    const cells: Cells = {};
    ws.eachRow({includeEmpty: true}, row =>
      row.eachCell({includeEmpty: true}, cell => {
        const note = cell.note as unknown;
        const entry = {
          value: cell.value,
          numFmt: cell.numFmt,
          font: cell.font,
          fill: cell.fill,
          alignment: cell.alignment,
          note:
            typeof note === 'string'
              ? note
              : ((note as {texts?: {text: string}[]} | undefined)?.texts ?? [])
                  .map(t => t.text)
                  .join(''),
        };
        cells[cell.address] = JSON.parse(JSON.stringify(entry));
      }),
    );
    const dv: Cells = {};
    const model = (ws as unknown as {dataValidations: {model: Record<string, unknown>}})
      .dataValidations.model;
    for (const [address, v] of Object.entries(model))
      for (const a of expand(address)) dv[a] = JSON.parse(JSON.stringify(v));
    tabs[ws.name] = {
      state: ws.state,
      views: ws.views,
      properties: ws.properties,
      columns: (ws.columns ?? []).map(c => c.width ?? null),
      merges: Object.keys((ws as unknown as {_merges: Record<string, unknown>})._merges).sort(),
      conditionalFormattings: JSON.parse(
        JSON.stringify(
          (ws as unknown as {conditionalFormattings?: unknown[]}).conditionalFormattings ?? [],
        ),
      ),
      cells,
      dv: Object.fromEntries(Object.entries(dv).sort(([a], [b]) => a.localeCompare(b))),
    };
  }
  return {
    tabs,
    names: wb.definedNames.model,
    views: wb.views,
    order: wb.worksheets.map(w => w.name),
    meta,
  };
}
