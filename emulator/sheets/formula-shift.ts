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
