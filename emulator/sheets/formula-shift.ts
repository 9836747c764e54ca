/**
 * Moves the relative A1 references of a formula by (rows, cols), as Sheets does when a rule's
 * custom formula written for the top-left cell is applied to another cell of the range.
 * References with '$' stay; text in double quotes and sheet names in single quotes are left alone.
 */
import { columnToLetters, lettersToColumn } from './a1';

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (!dRow && !dCol) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = formula.indexOf(ch, i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/.exec(formula.slice(i));
    const prev = i > 0 ? formula[i - 1] : '';
    if (m && !/[A-Za-z0-9_.]/.test(prev)) {
      const col = m[1] ? m[2] : columnToLetters(Math.max(1, lettersToColumn(m[2]) + dCol));
      const row = m[3] ? m[4] : String(Math.max(1, Number(m[4]) + dRow));
      out += `${m[1]}${col}${m[3]}${row}`;
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/**
 * Sheets accepts open-ended ranges in formulas ('A2:A', 'Actions'!G2:G: from row 2 to the last
 * row); HyperFormula does not. They go to the engine closed at the sheet's last row, which
 * grows with inserted rows, and come back open-ended in getFormula().
 */
const OPEN_RANGE = /((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+):(\$?)([A-Za-z]{1,3})(\d*)(?![\w(!$:])/g;

function unquote(prefix: string | undefined): string | undefined {
  if (!prefix) return undefined;
  const name = prefix.slice(0, -1);
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Applies `fn` to the parts of a formula outside double-quoted strings. */
function outsideStrings(formula: string, fn: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 ? part : fn(part)))
    .join('');
}

export function closeOpenRanges(formula: string, lastRowOf: (sheetName: string | undefined) => number | undefined): string {
  if (!formula.includes(':')) return formula;
  return outsideStrings(formula, (part) =>
    part.replace(OPEN_RANGE, (m, prefix: string | undefined, start: string, dollar: string, col: string, row: string) => {
      if (row) return m;
      const last = lastRowOf(unquote(prefix));
      return last ? `${prefix ?? ''}${start}:${dollar}${col}${last}` : m;
    }),
  );
}

export function reopenRanges(formula: string, lastRowOf: (sheetName: string | undefined) => number | undefined): string {
  if (!formula.includes(':')) return formula;
  return outsideStrings(formula, (part) =>
    part.replace(OPEN_RANGE, (m, prefix: string | undefined, start: string, dollar: string, col: string, row: string) => {
      if (!row || dollar) return m;
      const last = lastRowOf(unquote(prefix));
      const startRow = Number(/\d+$/.exec(start)![0]);
      return last && Number(row) === last && startRow > 1 && startRow < last ? `${prefix ?? ''}${start}:${col}` : m;
    }),
  );
}
