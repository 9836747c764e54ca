/**
 * Saving a workbook by changing only what changed. A workbook opened from its kept parts
 * (xlsx-snapshot.ts) knows exactly what its file holds: the parts reading it back gives. When
 * the next save's parts differ from those only in cell values, formula results and looks
 * already in the file (the usual edit: a few cells typed, a few written by onEdit, the formulas
 * that depend on them recomputed), the new file is the old one with those cells' XML replaced
 * in their sheets, cells the file lacks added in their rows as exceljs writes them (and new
 * text added to the shared strings): no exceljs workbook, no rendering of every sheet. Anything
 * else (a note, a look no cell of the tab has, a sheet, a name, validation, a conditional
 * format, a chart, a merge, a cell emptied of everything) gives null, and the caller writes
 * the whole file with exceljs as before. Either way the file reads back as the new parts say
 * (test/emulator/cli-fast-edit.test.ts and sheets-xlsx-patch.test.ts compare with full saves).
 */
import type {RawCellContent} from 'hyperformula';
import type ExcelJS from 'exceljs';
import {columnToLetters, lettersToColumn} from './a1';
import type {CellMeta} from './model';
import type {BookJson, SheetParts, XlsxParts} from './xlsx';
import type {PackedParts, PackedSheet} from './xlsx-snapshot';
import {inflated, zipEntries, zipParts, type ZipEntry} from './xlsx-zip';
import {formatIndexAt} from './kept-looks';

/** What a model opened from kept parts knows of its file. */
export interface PatchBase {
  bytes: Uint8Array;
  packed: PackedParts;
}

/** How many saves were made by patching (for tests). */
export const patchedSaves = {n: 0};

let encodeXml: ((s: string) => string) | null = null;
/** exceljs's own escaping, so that patched cells read back as written ones do. */
function xmlEncode(s: string): string {
  encodeXml ??= (require('exceljs/lib/utils/utils') as {xmlEncode(s: string): string}).xmlEncode;
  return encodeXml(s);
}

function xmlDecode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) =>
    e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'amp' ? '&' : e === 'quot' ? '"' : "'",
  );
}

/** The JSON of the hidden sheet without what only it keeps (so what the rest of the file shows). */
function shownJson(json: BookJson | undefined): string {
  if (!json) return '';
  return JSON.stringify({
    ...json,
    id: '',
    name: '',
    timeZone: '',
    locale: '',
    nextSheetId: 0,
    nextObjectId: 0,
    // The tab it opens on is patched (activeTab, tabSelected).
    active: {},
    sheets: json.sheets.map(s => ({...s, sheetId: 0, maxRows: 0, maxCols: 0, protections: []})),
  });
}

type Grid<T> = (T[] | undefined)[];

function put<T>(grid: Grid<T>, r: number, c: number, v: T): void {
  (grid[r] ??= [])[c] = v;
}

/** Each cell's look as the file says it (the index of its format), by row and column. */
function oldLooks(p: PackedSheet): Grid<number> {
  const out: Grid<number> = [];
  for (const [c, r0, n, i] of p.runs) for (let r = r0; r < r0 + n; r++) put(out, r, c, i);
  return out;
}

interface Change {
  r: number;
  c: number;
  /** The look's JSON (no note): the file's style index for it is looked up among old cells. */
  look: string;
}

const lookOf = (m: CellMeta | undefined): string => {
  if (!m) return '';
  if (m.note === undefined) return JSON.stringify(m);
  const {note: _n, ...rest} = m;
  return Object.keys(rest).length ? JSON.stringify(rest) : '';
};

/** The cells of one sheet whose content or look changed; null when a change is not patchable. */
function sheetChanges(old: PackedSheet, next: SheetParts): Change[] | null {
  // New rows and columns are new cells (patchCells): the file holds nothing else of them.
  if (old.name !== next.name || JSON.stringify(old.widths) !== JSON.stringify(next.widths))
    return null;
  if (!old.results || !next.results) return null;
  const before: Grid<RawCellContent> = [];
  for (const [r, c, v] of old.cells) put(before, r, c, v);
  // Formula results: the file's, and the save's (recomputed where what they read changed).
  const results: Grid<string> = [];
  for (const [r, c, v] of old.results) put(results, r, c, JSON.stringify(v));
  const resultsNow: Grid<string> = [];
  for (const [r, c, v] of next.results) put(resultsNow, r, c, JSON.stringify(v));
  // Cells that look as the file has them (kept-looks.ts): only contents and results to compare.
  if (next.looksOf === old) return contentChanges(old, next, before, results, resultsNow);
  const looks = oldLooks(old);
  const formatJson = old.formats.map(f => JSON.stringify(f));
  const metaJson = new Map<CellMeta, string>();
  const json = (m: CellMeta | undefined) => {
    if (!m) return '';
    let s = metaJson.get(m);
    if (s === undefined) metaJson.set(m, (s = JSON.stringify(m)));
    return s;
  };
  const changes: Change[] = [];
  const rows = Math.max(next.rows.length, next.meta.length, before.length, looks.length);
  for (let r = 0; r < rows; r++) {
    const row = next.rows[r];
    const metaRow = next.meta[r];
    const wasRow = before[r];
    const looksRow = looks[r];
    const resultRow = results[r];
    const resultNowRow = resultsNow[r];
    const width = Math.max(
      row?.length ?? 0,
      metaRow?.length ?? 0,
      wasRow?.length ?? 0,
      looksRow?.length ?? 0,
    );
    for (let c = 0; c < width; c++) {
      const content = row?.[c] ?? null;
      const meta = metaRow?.[c];
      const wasLook = looksRow?.[c];
      if (
        content === (wasRow?.[c] ?? null) &&
        json(meta) === (wasLook === undefined ? '' : formatJson[wasLook]) &&
        resultRow?.[c] === resultNowRow?.[c]
      )
        continue;
      // Notes live in other parts of the file (comments, drawings): not patched.
      if ((wasLook === undefined ? undefined : old.formats[wasLook].note) !== meta?.note)
        return null;
      changes.push({r, c, look: lookOf(meta)});
    }
  }
  return changes;
}

/** sheetChanges of a sheet whose every cell looks as the file has it. */
function contentChanges(
  old: PackedSheet,
  next: SheetParts,
  before: Grid<RawCellContent>,
  results: Grid<string>,
  resultsNow: Grid<string>,
): Change[] {
  const formatAt = formatIndexAt(old);
  const changes: Change[] = [];
  const rows = Math.max(next.rows.length, before.length, results.length, resultsNow.length);
  for (let r = 0; r < rows; r++) {
    const row = next.rows[r];
    const width = Math.max(
      row?.length ?? 0,
      before[r]?.length ?? 0,
      results[r]?.length ?? 0,
      resultsNow[r]?.length ?? 0,
    );
    for (let c = 0; c < width; c++) {
      if ((row?.[c] ?? null) === (before[r]?.[c] ?? null) && results[r]?.[c] === resultsNow[r]?.[c])
        continue;
      const i = formatAt(r, c);
      changes.push({r, c, look: lookOf(i === undefined ? undefined : old.formats[i])});
    }
  }
  return changes;
}

/** The shared strings part: existing texts by index, new ones added at the end. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private count = 0;
  constructor(private readonly xml: string) {
    const re = /<si>(.*?)<\/si>/gs;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const plain = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/.exec(m[1]);
      // Text exceljs reads as written (it turns `_xHHHH_` into a character).
      const text = plain ? xmlDecode(plain[1]) : null;
      if (text !== null && !/_x[0-9A-F]{4}_/.test(text) && !this.index.has(text))
        this.index.set(text, this.count);
      this.count++;
    }
  }
  /** exceljs reads `_xHHHH_` in a shared string as a character: such text is not added here. */
  idOf(text: string): number | null {
    const at = this.index.get(text);
    if (at !== undefined) return at;
    if (/_x[0-9A-F]{4}_/.test(text)) return null;
    this.index.set(text, this.count + this.added.length);
    this.added.push(text);
    return this.count + this.added.length - 1;
  }
  get changed(): boolean {
    return this.added.length > 0;
  }
  toXml(): string | null {
    const end = this.xml.lastIndexOf('</sst>');
    const head = /<sst\b[^>]*>/.exec(this.xml);
    if (end < 0 || !head) return null;
    const total = this.count + this.added.length;
    const open = head[0]
      .replace(/\bcount="\d+"/, m => `count="${Number(/\d+/.exec(m)![0]) + this.added.length}"`)
      .replace(/\buniqueCount="\d+"/, `uniqueCount="${total}"`);
    const items = this.added
      .map(
        t =>
          `<si><t${/^\s|\n|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${xmlEncode(t)}</t></si>`,
      )
      .join('');
    return (
      this.xml.slice(0, head.index) +
      open +
      this.xml.slice(head.index + head[0].length, end) +
      items +
      this.xml.slice(end)
    );
  }
}

type ValueType = 'null' | 'number' | 'string' | 'boolean' | 'error' | 'formula';

function typeOf(v: ExcelJS.CellValue): ValueType | null {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'object' && 'formula' in v) return 'formula';
  if (typeof v === 'object' && 'error' in v) return 'error';
  return null;
}

/** A cell's XML as exceljs's CellXform writes it (lib/xlsx/xform/sheet/cell-xform.js). */
function cellXml(
  ref: string,
  style: number,
  v: ExcelJS.CellValue,
  strings: SharedStrings,
): string | null {
  const s = style ? ` s="${style}"` : '';
  const t = typeOf(v);
  if (t === 'null') return `<c r="${ref}"${s}/>`;
  if (t === 'number') return `<c r="${ref}"${s}><v>${xmlEncode(String(v))}</v></c>`;
  if (t === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? '1' : '0'}</v></c>`;
  if (t === 'error')
    return `<c r="${ref}"${s} t="e"><v>${xmlEncode((v as ExcelJS.CellErrorValue).error)}</v></c>`;
  if (t === 'string') {
    const id = strings.idOf(v as string);
    return id === null ? null : `<c r="${ref}"${s} t="s"><v>${id}</v></c>`;
  }
  if (t !== 'formula') return null;
  const f = v as ExcelJS.CellFormulaValue & {shareType?: string; ref?: string};
  if (f.shareType && f.shareType !== 'array') return null;
  const fAttrs = f.shareType === 'array' ? ` t="array" ref="${xmlEncode(String(f.ref))}"` : '';
  const formula = `<f${fAttrs}>${xmlEncode(f.formula)}</f>`;
  const r = f.result as unknown;
  const rt = typeOf(r as ExcelJS.CellValue);
  if (rt === 'null') return `<c r="${ref}"${s}>${formula}</c>`;
  if (rt === 'string')
    return `<c r="${ref}"${s} t="str">${formula}<v>${xmlEncode(r as string)}</v></c>`;
  if (rt === 'number') return `<c r="${ref}"${s}>${formula}<v>${xmlEncode(String(r))}</v></c>`;
  if (rt === 'boolean') return `<c r="${ref}"${s} t="b">${formula}<v>${r ? 1 : 0}</v></c>`;
  if (rt === 'error')
    return `<c r="${ref}"${s} t="e">${formula}<v>${xmlEncode((r as ExcelJS.CellErrorValue).error)}</v></c>`;
  return null;
}

/** Where each cell element of a sheet's XML is, and its style index. */
function cellsOf(xml: string): Map<string, {start: number; end: number; style: number}> {
  const out = new Map<string, {start: number; end: number; style: number}>();
  const re = /<c r="([A-Z]+\d+)"([^>]*?)(\/>|>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const sm = / s="(\d+)"/.exec(m[2]);
    let end = re.lastIndex;
    if (m[3] === '>') {
      end = xml.indexOf('</c>', end);
      if (end < 0) break;
      end += 4;
      re.lastIndex = end;
    }
    out.set(m[1], {start: m.index, end, style: sm ? Number(sm[1]) : 0});
  }
  return out;
}

/** A row element of a sheet's XML: where it opens and closes, and its spans (first:last column). */
interface RowAt {
  r: number;
  start: number;
  /** Just after its opening tag. */
  body: number;
  /** Where its spans attribute is. */
  spans: number;
  /** At its closing tag. */
  close: number;
  min: number;
  max: number;
}

/** The rows of a sheet's XML in order, or null if they are not as exceljs writes them. */
function rowsOf(xml: string, from: number, to: number): RowAt[] | null {
  const out: RowAt[] = [];
  const re = /<row\b([^>]*?)(\/?)>/g;
  re.lastIndex = from;
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    // exceljs writes a row only with its cells, and always with their spans.
    const a = /^ r="(\d+)" spans="(\d+):(\d+)"/.exec(m[1]);
    const close = xml.indexOf('</row>', re.lastIndex);
    if (!a || m[2] || close < 0 || close > to) return null;
    const r = Number(a[1]);
    if (out.length && out[out.length - 1].r >= r) return null;
    const spans = m.index + '<row'.length + a[0].indexOf('spans');
    out.push({r, start: m.index, body: re.lastIndex, spans, close, min: +a[2], max: +a[3]});
    re.lastIndex = close;
  }
  return out;
}

interface CellEdit {
  /** 1-based row and column. */
  r: number;
  c: number;
  text: string;
}

/**
 * The sheet's XML with each cell's element replaced, or added where the file has none: in its
 * row by column, its row made in order where there is none, the row's spans and the sheet's
 * dimension widened as exceljs writes them (the cells of each row, first:last column; the
 * first row and column to the last). Null where the XML is not in that shape.
 */
function patchCells(xml: string, cells: CellEdit[], at: ReturnType<typeof cellsOf>): string | null {
  // Zero-length edits are insertions: at one place, before a replacement and in `order`.
  const edits: {start: number; end: number; order: number; text: string}[] = [];
  const added = new Map<number, CellEdit[]>();
  for (const cell of cells) {
    const where = at.get(`${columnToLetters(cell.c)}${cell.r}`);
    if (where) edits.push({start: where.start, end: where.end, order: 0, text: cell.text});
    else {
      const list = added.get(cell.r);
      if (list) list.push(cell);
      else added.set(cell.r, [cell]);
    }
  }
  if (added.size) {
    let open = xml.indexOf('<sheetData>');
    let end = xml.indexOf('</sheetData>');
    // A tab with no cells has <sheetData/>: opened before the new rows, closed after them.
    if (open < 0 && end < 0 && (open = end = xml.indexOf('<sheetData/>')) >= 0) {
      edits.push({start: open, end: open, order: -1, text: '<sheetData>'});
      edits.push({start: open, end: open + '<sheetData/>'.length, order: 0, text: '</sheetData>'});
    }
    const dim = /<dimension ref="[A-Z]+\d+:[A-Z]+\d+"\/>/.exec(xml);
    if (open < 0 || end < open || !dim || dim.index > open) return null;
    const rows = rowsOf(xml, open, end);
    if (!rows) return null;
    const byRow = new Map(rows.map(row => [row.r, row]));
    const newRows: RowAt[] = [];
    for (const [r, list] of added) {
      list.sort((a, b) => a.c - b.c);
      const min = list[0].c;
      const max = list[list.length - 1].c;
      const row = byRow.get(r);
      if (!row) {
        const next = rows.find(x => x.r > r);
        const pos = next ? next.start : end;
        const text = list.map(x => x.text).join('');
        edits.push({
          start: pos,
          end: pos,
          order: r,
          text: `<row r="${r}" spans="${min}:${max}" x14ac:dyDescent="0.25">${text}</row>`,
        });
        newRows.push({r, start: pos, body: pos, spans: pos, close: pos, min, max});
        continue;
      }
      // The row's cells in column order: each new one goes before the first after it.
      const re = /<c r="([A-Z]+)\d+"/g;
      re.lastIndex = row.body;
      let i = 0;
      for (let m = re.exec(xml); m && m.index < row.close && i < list.length; m = re.exec(xml)) {
        const c = lettersToColumn(m[1]);
        for (; i < list.length && list[i].c < c; i++)
          edits.push({start: m.index, end: m.index, order: list[i].c, text: list[i].text});
      }
      for (; i < list.length; i++)
        edits.push({start: row.close, end: row.close, order: list[i].c, text: list[i].text});
      if (min < row.min || max > row.max) {
        const was = `spans="${row.min}:${row.max}"`.length;
        row.min = Math.min(min, row.min);
        row.max = Math.max(max, row.max);
        const text = `spans="${row.min}:${row.max}"`;
        edits.push({start: row.spans, end: row.spans + was, order: 0, text});
      }
    }
    const all = [...rows, ...newRows];
    let left = Infinity;
    let right = 0;
    let top = Infinity;
    let bottom = 0;
    for (const row of all) {
      left = Math.min(left, row.min);
      right = Math.max(right, row.max);
      top = Math.min(top, row.r);
      bottom = Math.max(bottom, row.r);
    }
    const ref = `${columnToLetters(left)}${top}:${columnToLetters(right)}${bottom}`;
    edits.push({
      start: dim.index,
      end: dim.index + dim[0].length,
      order: 0,
      text: `<dimension ref="${ref}"/>`,
    });
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += xml.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + xml.slice(pos);
}

/** Each sheet's part in the package, by sheet name (xl/workbook.xml and its relationships). */
function sheetFiles(
  text: (name: string) => string | null,
  has: (name: string) => boolean,
): Map<string, string> | null {
  const wb = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return null;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = / Id="([^"]*)"/.exec(m[1])?.[1];
    const target = / Target="([^"]*)"/.exec(m[1])?.[1];
    if (id && target)
      targets.set(
        id,
        target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`,
      );
  }
  const out = new Map<string, string>();
  for (const m of wb.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = / name="([^"]*)"/.exec(m[1])?.[1];
    const id = / r:id="([^"]*)"/.exec(m[1])?.[1];
    const target = id && targets.get(id);
    if (name === undefined || !target || !has(target)) return null;
    out.set(xmlDecode(name), target);
  }
  return out;
}

/**
 * The new file and the tabs it left as they were, or null when the change is not one this
 * patches. `valueAt(i, r, c)` is what the save writes into that cell of sheet i (0-based);
 * `metaSheet` the hidden sheet's name and its text cut into cells of `size` characters.
 */
export function patchXlsx(
  base: PatchBase,
  next: XlsxParts,
  valueAt: (sheet: number, r: number, c: number) => ExcelJS.CellValue,
  metaSheet: {name: string; chunks: string[]; size: number},
  now: Date,
): {bytes: Buffer; unchanged: Set<string>} | null {
  const old = base.packed;
  if (!next.json || !old.json || old.sheets.length !== next.sheets.length) return null;
  if (shownJson(old.json) !== shownJson(next.json)) return null;
  if (next.json.sheets.some(s => s.charts.length || s.merges.length)) return null;
  const perSheet: Change[][] = [];
  for (let i = 0; i < next.sheets.length; i++) {
    const changes = sheetChanges(old.sheets[i], next.sheets[i]);
    if (!changes) return null;
    perSheet.push(changes);
  }
  const oldText = JSON.stringify(old.json);
  const oldChunks: string[] = [];
  for (let i = 0; i < oldText.length || !oldChunks.length; i += metaSheet.size)
    oldChunks.push(oldText.slice(i, i + metaSheet.size));
  // A longer text fills new rows of the hidden sheet; a shorter one would leave rows to remove.
  if (oldChunks.length > metaSheet.chunks.length) return null;

  const entries = zipEntries(base.bytes);
  if (!entries) return null;
  // Only the parts read or changed are decompressed.
  const texts = new Map<string, string>();
  const textOf = (name: string): string | null => {
    const e = entries.get(name);
    if (!e) return null;
    let t = texts.get(name);
    if (t === undefined) texts.set(name, (t = Buffer.from(inflated(e)).toString('utf8')));
    return t;
  };
  const where = sheetFiles(textOf, name => entries.has(name));
  const sst = textOf('xl/sharedStrings.xml');
  if (!where || sst === null) return null;
  const strings = new SharedStrings(sst);
  // A look's style index: that of a cell of the file with that look, on the same tab if it has
  // one. A save gives all cells of one look one style, whatever their tab (xlsx.ts styleOf).
  const styles = new Map<string, number | undefined>();
  const styleOf = (look: string, tab: number): number | undefined => {
    if (styles.has(look)) return styles.get(look);
    let style: number | undefined;
    for (const p of [old.sheets[tab], ...old.sheets]) {
      const i = p.formats.findIndex(f => lookOf(f) === look);
      const run = i < 0 ? undefined : p.runs.find(x => x[3] === i);
      const file = run && where.get(p.name);
      if (!run || !file) continue;
      const ref = `${columnToLetters(run[0] + 1)}${run[1] + 1}`;
      const cell = new RegExp(`<c r="${ref}"([^>]*?)/?>`).exec(textOf(file)!);
      if (!cell) continue;
      style = Number(/ s="(\d+)"/.exec(cell[1])?.[1] ?? 0);
      break;
    }
    styles.set(look, style);
    return style;
  };
  const changed: Record<string, string> = {};
  /** Patches the cells into a tab's part (`tab` its index; -1 the hidden sheet's, no looks). */
  const patchSheet = (
    name: string,
    cells: {r: number; c: number; value: ExcelJS.CellValue; look: string | null}[],
    tab: number,
  ): boolean => {
    const file = where.get(name);
    if (!file) return false;
    const xml = textOf(file)!;
    const out: CellEdit[] = [];
    for (const c of cells) {
      // A cell left with nothing is not written at all: another shape of file.
      if (c.value === null && c.look === '') return false;
      // No look is exceljs's default style, 0 (what it gives a cell styled {} of any value).
      const style = c.look === null || c.look === '' || tab < 0 ? 0 : styleOf(c.look, tab);
      if (style === undefined) return false;
      const text = cellXml(`${columnToLetters(c.c)}${c.r}`, style, c.value, strings);
      if (text === null) return false;
      out.push({r: c.r, c: c.c, text});
    }
    const patched = patchCells(xml, out, cellsOf(xml));
    if (patched === null) return false;
    changed[file] = patched;
    return true;
  };
  for (let i = 0; i < next.sheets.length; i++) {
    const changes = perSheet[i];
    if (!changes.length) continue;
    const cells = changes.map(ch => ({
      r: ch.r + 1,
      c: ch.c + 1,
      value: valueAt(i, ch.r, ch.c),
      look: ch.look,
    }));
    if (!patchSheet(old.sheets[i].name, cells, i)) return null;
  }
  const metaCells = metaSheet.chunks
    .map((text, r) => ({r: r + 1, c: 1, value: text as ExcelJS.CellValue, look: null}))
    .filter((_c, r) => metaSheet.chunks[r] !== oldChunks[r]);
  if (metaCells.length && !patchSheet(metaSheet.name, metaCells, -1)) return null;

  // The tab the workbook opens on: the active one (the edit's), as writeWithExceljs has it.
  const activeOf = (j: BookJson) =>
    Math.max(
      -1,
      j.sheets.findIndex(s => s.name === j.active.sheetName && !s.hidden),
    );
  const wasActive = activeOf(old.json);
  const nowActive = activeOf(next.json);
  if (wasActive !== nowActive) {
    // As exceljs writes a sheet's view: none for a plain sheet, tabSelected="1" on the selected one.
    const PLAIN = '<sheetViews><sheetView workbookViewId="0" tabSelected="1"/></sheetViews>';
    const select = (i: number, on: boolean): boolean => {
      if (i < 0) return true;
      const file = where.get(next.sheets[i].name);
      if (!file) return false;
      const xml = changed[file] ?? textOf(file)!;
      const view = /<sheetView\b[^>]*>/.exec(xml);
      let patched: string | null = null;
      if (on && !view) {
        const at = xml.indexOf('<sheetFormatPr');
        if (at >= 0 && !xml.includes('<sheetViews'))
          patched = xml.slice(0, at) + PLAIN + xml.slice(at);
      } else if (!on && xml.includes(PLAIN)) patched = xml.replace(PLAIN, '');
      else if (view && view[0].includes(' tabSelected="1"') !== on) {
        const tag = on
          ? view[0].replace(/ workbookViewId="0"/, '$& tabSelected="1"')
          : view[0].replace(/ tabSelected="1"/, '');
        if (tag !== view[0])
          patched = xml.slice(0, view.index) + tag + xml.slice(view.index + view[0].length);
      }
      if (patched === null) return false;
      changed[file] = patched;
      return true;
    };
    const book = textOf('xl/workbook.xml')!;
    const tab = / activeTab="\d+"/.exec(book);
    if (!tab || !select(wasActive, false) || !select(nowActive, true)) return null;
    changed['xl/workbook.xml'] = book.replace(tab[0], ` activeTab="${Math.max(0, nowActive)}"`);
  }

  const out: Record<string, Uint8Array | ZipEntry> = {};
  for (const [name, entry] of entries) {
    if (changed[name] !== undefined) out[name] = Buffer.from(changed[name], 'utf8');
    else if (name === 'xl/sharedStrings.xml' && strings.changed) {
      const xml = strings.toXml();
      if (xml === null) return null;
      out[name] = Buffer.from(xml, 'utf8');
    } else if (name === 'docProps/core.xml') {
      // The time of the save, as exceljs writes it.
      const when = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
      out[name] = Buffer.from(
        textOf(name)!.replace(
          /(<dcterms:modified\b[^>]*>)[^<]*(<\/dcterms:modified>)/,
          (_m, a: string, b: string) => `${a}${when}${b}`,
        ),
        'utf8',
      );
    } else out[name] = entry;
  }
  patchedSaves.n++;
  return {
    bytes: zipParts(out),
    unchanged: new Set(next.sheets.filter((_s, i) => !perSheet[i].length).map(s => s.name)),
  };
}
