/**
 * R1C1 formulas (Range.setFormulaR1C1 / getFormulaR1C1): R[-1]C[2] is relative to the cell,
 * R2C3 absolute, R or C alone the cell's own row or column
 * (developers.google.com/apps-script/reference/spreadsheet/range#setformular1c1formula).
 * Conversion is textual and skips string literals.
 */
import {columnToLetters, lettersToColumn} from './a1';

/** Applies `fn` to the parts of a formula outside "string literals". */
function outsideStrings(formula: string, fn: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 ? part : fn(part)))
    .join('');
}

const R1C1_REF = /(?<![\w$.])R(\[-?\d+\]|\d+)?C(\[-?\d+\]|\d+)?(?![\w(])/gi;

/** An R1C1 formula as A1 text for the cell at (row, col), 1-based. */
export function r1c1ToA1(formula: string, row: number, col: number): string {
  return outsideStrings(formula, code =>
    code.replace(R1C1_REF, (_m, r: string | undefined, c: string | undefined) => {
      const part = (spec: string | undefined, own: number, letters: boolean) => {
        const show = (n: number) => (letters ? columnToLetters(n) : String(n));
        if (spec === undefined) return show(own);
        if (spec.startsWith('[')) return show(own + Number(spec.slice(1, -1)));
        return `$${show(Number(spec))}`;
      };
      return part(c, col, true) + part(r, row, false);
    }),
  );
}

const A1_REF =
  /(?<![\w$.!'])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])|(?<=!)(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(])/g;

/** An A1 formula as R1C1 text seen from the cell at (row, col), 1-based. */
export function a1ToR1C1(formula: string, row: number, col: number): string {
  return outsideStrings(formula, code =>
    code.replace(A1_REF, (...m: (string | undefined)[]) => {
      const [cAbs, letters, rAbs, digits] = m[2] !== undefined ? m.slice(1, 5) : m.slice(5, 9);
      const c = lettersToColumn(letters!);
      const r = Number(digits);
      // Sheets writes relative offsets in brackets, [0] included (R[0]C[-1]; gas-fakes test/testsheets.js, live).
      const rel = (n: number) => `[${n}]`;
      const rPart = rAbs ? `R${r}` : `R${rel(r - row)}`;
      const cPart = cAbs ? `C${c}` : `C${rel(c - col)}`;
      return rPart + cPart;
    }),
  );
}
