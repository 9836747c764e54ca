/**
 * Range.autoFill: a source block extended over a destination in one direction, as dragging the
 * fill handle does (developers.google.com/apps-script/reference/spreadsheet/range#autofilldestination,-series).
 * Numbers (and dates) continue their linear trend; month and weekday names continue their
 * cycle; text ending in a number counts on; formulas move their relative references; anything
 * else repeats. ALTERNATE_SERIES repeats the source as it is.
 */
import type {GridRect} from './a1';
import {formulaTextsOf, readValues, writeValues} from './cells';
import {shiftFormula} from './formula-shift';
import {getMeta, metaFor, type SheetModel, type WorkbookModel} from './model';
import {DAYS, MONTHS} from '../services/format-date';

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Where a name sits in a cycle (full or three-letter, any case), with how to write the next one. */
function cyclePos(v: unknown): {list: string[]; i: number; form: (s: string) => string} | null {
  if (typeof v !== 'string') return null;
  for (const list of [MONTHS, DAYS]) {
    const i = list.findIndex(
      n => n.toLowerCase() === v.toLowerCase() || n.slice(0, 3).toLowerCase() === v.toLowerCase(),
    );
    if (i < 0) continue;
    const short = v.length === 3;
    const caps =
      v === v.toUpperCase()
        ? (s: string) => s.toUpperCase()
        : v === v.toLowerCase()
          ? (s: string) => s.toLowerCase()
          : (s: string) => s;
    return {list, i, form: s => caps(short ? s.slice(0, 3) : s)};
  }
  return null;
}

/** The value at step k (0 = first source cell) of a series seen in `seq`. */
function seriesAt(seq: unknown[], k: number, alternate: boolean): unknown {
  const n = seq.length;
  const repeat = () => seq[((k % n) + n) % n];
  if (alternate) return repeat();
  if (seq.every(v => typeof v === 'number') && n > 1) {
    // Least-squares line through the source, as Sheets extends a numeric series.
    const xs = seq.map((_, i) => i);
    const mx = (n - 1) / 2;
    const my = (seq as number[]).reduce((a, b) => a + b, 0) / n;
    const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    const sxy = xs.reduce((a, x, i) => a + (x - mx) * ((seq[i] as number) - my), 0);
    const slope = sxy / sxx;
    return my + slope * (k - mx);
  }
  if (seq.every(isDate) && n > 1) {
    const t = (seq as Date[]).map(d => d.getTime());
    const step = (t[n - 1] - t[0]) / (n - 1);
    return new Date(t[0] + step * k);
  }
  const cycles = seq.map(cyclePos);
  if (cycles.every(c => c !== null)) {
    const first = cycles[0]!;
    const step = n > 1 ? cycles[1]!.i - first.i : 1;
    const len = first.list.length;
    return first.form(first.list[(((first.i + step * k) % len) + len) % len]);
  }
  if (n === 1 && typeof seq[0] === 'string') {
    const m = /^(.*?)(\d+)$/.exec(seq[0]);
    if (m) return `${m[1]}${Number(m[2]) + k}`;
  }
  return repeat();
}

export function autoFill(
  model: WorkbookModel,
  sheet: SheetModel,
  src: GridRect,
  dest: GridRect,
  alternate: boolean,
): void {
  const contains =
    dest.row <= src.row &&
    dest.col <= src.col &&
    dest.row + dest.numRows >= src.row + src.numRows &&
    dest.col + dest.numCols >= src.col + src.numCols;
  if (!contains) throw new Error('The destination range must contain the source range.');
  const vertical = dest.numCols === src.numCols && dest.col === src.col;
  const horizontal = dest.numRows === src.numRows && dest.row === src.row;
  if (!vertical && !horizontal)
    throw new Error(
      'AutoFill destination range must extend the source range in only one direction.',
    );
  const values = readValues(model, sheet, src);
  const texts = formulaTextsOf(sheet, src);
  const out = readValues(model, sheet, dest) as unknown[][];
  const lines = vertical ? src.numCols : src.numRows;
  const len = vertical ? src.numRows : src.numCols;
  const destLen = vertical ? dest.numRows : dest.numCols;
  const offset = vertical ? src.row - dest.row : src.col - dest.col;
  for (let line = 0; line < lines; line++) {
    const seq = Array.from({length: len}, (_, i) => (vertical ? values[i][line] : values[line][i]));
    const formulas = Array.from({length: len}, (_, i) =>
      vertical ? texts[i][line] : texts[line][i],
    );
    for (let p = 0; p < destLen; p++) {
      const k = p - offset;
      if (k >= 0 && k < len) {
        // The source stays as it is (its formulas as formulas).
        if (formulas[k] !== undefined) {
          if (vertical) out[p][line] = formulas[k];
          else out[line][p] = formulas[k];
        }
        continue;
      }
      const from = ((k % len) + len) % len;
      const f = formulas[from];
      const v =
        f !== undefined
          ? shiftFormula(f, vertical ? k - from : 0, vertical ? 0 : k - from)
          : seriesAt(seq, k, alternate);
      if (vertical) out[p][line] = v;
      else out[line][p] = v;
      // The filled cell takes the format of the source cell it continues.
      const sr = vertical ? src.row - 1 + from : src.row - 1 + line;
      const sc = vertical ? src.col - 1 + line : src.col - 1 + from;
      const m = getMeta(sheet, sr, sc);
      const tr = vertical ? dest.row - 1 + p : dest.row - 1 + line;
      const tc = vertical ? dest.col - 1 + line : dest.col - 1 + p;
      if (m) {
        const {note: _note, ...format} = structuredClone(m);
        Object.assign(metaFor(sheet, tr, tc), format);
      }
    }
  }
  writeValues(
    model,
    sheet,
    dest,
    out.map(row =>
      row.map(v => (typeof v === 'string' && v !== '' && !v.startsWith('=') ? `'${v}` : v)),
    ),
  );
}
