/**
 * Moves the relative A1 references of a formula by (rows, cols), as Sheets does when a rule's
 * custom formula written for the top-left cell is applied to another cell of the range.
 * References with '$' stay; text in double quotes and sheet names in single quotes are left alone.
 */
import {columnToLetters, lettersToColumn, quoteSheetName} from './a1';

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
const OPEN_RANGE =
  /((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+):(\$?)([A-Za-z]{1,3})(\d*)(?![\w(!$:])/g;

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

export function closeOpenRanges(
  formula: string,
  lastRowOf: (sheetName: string | undefined) => number | undefined,
): string {
  if (!formula.includes(':')) return formula;
  return outsideStrings(formula, part =>
    part.replace(
      OPEN_RANGE,
      (m, prefix: string | undefined, start: string, dollar: string, col: string, row: string) => {
        if (row) return m;
        const last = lastRowOf(unquote(prefix));
        return last ? `${prefix ?? ''}${start}:${dollar}${col}${last}` : m;
      },
    ),
  );
}

/** A whole-column reference ('Tab'!$G:$G), with no row on either side. */
const WHOLE_COLUMNS =
  /((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(?<![\w$:.])(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\w(!$:])/g;

/** Whether a name's text is one whole-column reference ('Actions'!$G:$G), as OOXML can hold it. */
export function isWholeColumns(text: string): boolean {
  return new RegExp(`^${WHOLE_COLUMNS.source}$`).test(text.replace(/^=/, ''));
}

/**
 * A named range as the engine takes it: open-ended ranges and whole columns closed at the
 * sheet's last row. HyperFormula's whole-column named expressions go wrong once a sheet grows
 * (every array formula over them gives #N/A: hyperformula 3.x), where Sheets' whole columns
 * simply count the new rows; closed ranges are re-closed when rows are added.
 */
export function nameToEngine(
  formula: string,
  lastRowOf: (sheetName: string | undefined) => number | undefined,
): string {
  const closed = closeOpenRanges(formula, lastRowOf);
  if (!closed.includes(':')) return closed;
  return outsideStrings(closed, part =>
    part.replace(
      WHOLE_COLUMNS,
      (m, prefix: string | undefined, d1: string, c1: string, d2: string, c2: string) => {
        const last = lastRowOf(unquote(prefix));
        return last ? `${prefix ?? ''}${d1}${c1}${d1}1:${d2}${c2}${d2}${last}` : m;
      },
    ),
  );
}

/**
 * Sheets evaluates SUMPRODUCT's arguments as arrays ('=SUMPRODUCT((A2:A9="x")*B2:B9)' needs no
 * ARRAYFORMULA); HyperFormula does only inside ARRAYFORMULA, and gives #VALUE! otherwise. So
 * each SUMPRODUCT call goes to the engine wrapped in ARRAYFORMULA, unless the formula already
 * has one. The formula as written is kept for getFormula and the saved file.
 */
export function sumproductAsArrays(formula: string): string {
  if (!/SUMPRODUCT\s*\(/i.test(formula) || /ARRAYFORMULA\s*\(/i.test(formula)) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const m = /^SUMPRODUCT\s*\(/i.exec(formula.slice(i));
    if (m && !/[\w.$]/.test(formula[i - 1] ?? '')) {
      const close = matchingParen(formula, i + m[0].length - 1);
      if (close < 0) return formula;
      out += `ARRAYFORMULA(${formula.slice(i, close + 1)})`;
      i = close + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The index of the parenthesis closing the one at `open` (strings skipped), or -1. */
function matchingParen(formula: string, open: number): number {
  let depth = 0;
  for (let i = open; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

export function reopenRanges(
  formula: string,
  lastRowOf: (sheetName: string | undefined) => number | undefined,
): string {
  if (!formula.includes(':')) return formula;
  return outsideStrings(formula, part =>
    part.replace(
      OPEN_RANGE,
      (m, prefix: string | undefined, start: string, dollar: string, col: string, row: string) => {
        if (!row || dollar) return m;
        const last = lastRowOf(unquote(prefix));
        const startRow = Number(/\d+$/.exec(start)![0]);
        return last && Number(row) === last && startRow > 1 && startRow < last
          ? `${prefix ?? ''}${start}:${col}`
          : m;
      },
    ),
  );
}

// ------------------------------------------------------------ structural changes

/**
 * One reference in a formula: an optional sheet prefix, then a cell ('B2'), a range ('B2:C9'),
 * an open-ended range ('B2:B'), whole columns ('B:D') or whole rows ('5:7'). Double-quoted
 * text is matched first (group 1) so that it is skipped, and so is a quoted sheet name
 * (part of the prefix), so 'Q1 data'!A1 is one reference, not Q1.
 */
const END = String.raw`\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+`;
const REFERENCE = new RegExp(
  String.raw`("(?:[^"]|"")*")|(?<![\w.$])((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}(?=:)|\$?\d+(?=:))(?::(${END}))?(?![\w(!.])`,
  'g',
);

interface RefEnd {
  colAbs: boolean;
  col?: number;
  rowAbs: boolean;
  row?: number;
}

function parseRefEnd(s: string): RefEnd {
  const m = /^(\$?)([A-Za-z]{1,3})?(\$?)(\d+)?$/.exec(s)!;
  return {
    colAbs: !!m[1] && !!m[2],
    col: m[2] ? lettersToColumn(m[2]) : undefined,
    rowAbs: m[4] !== undefined && (m[2] ? !!m[3] : !!m[1]),
    row: m[4] !== undefined ? Number(m[4]) : undefined,
  };
}

function formatRefEnd(e: RefEnd): string {
  const col = e.col !== undefined ? `${e.colAbs ? '$' : ''}${columnToLetters(e.col)}` : '';
  const row = e.row !== undefined ? `${e.rowAbs ? '$' : ''}${e.row}` : '';
  return col + row;
}

/** The sheet a reference's prefix names ("'Cash flow'!" → Cash flow), or undefined without one. */
function prefixSheet(prefix: string | undefined): string | undefined {
  return unquote(prefix);
}

/** Calls `fn` on each reference outside quoted text; `fn` returns the replacement, or null to give up on the whole formula. */
function mapReferences(
  formula: string,
  fn: (
    sheet: string | undefined,
    prefix: string,
    start: string,
    end: string | undefined,
  ) => string | null,
): string | undefined {
  let failed = false;
  const out = formula.replace(
    REFERENCE,
    (
      m,
      str: string | undefined,
      prefix: string | undefined,
      start: string,
      end: string | undefined,
    ) => {
      if (str !== undefined || failed) return m;
      const r = fn(prefixSheet(prefix), prefix ?? '', start, end);
      if (r === null) {
        failed = true;
        return m;
      }
      return r;
    },
  );
  return failed ? undefined : out;
}

/**
 * A formula as written, after rows (axis 'row') or columns were inserted (count > 0) or
 * deleted (count < 0) at 1-based index `at` on sheet `target`: references to that sheet move
 * as Sheets moves them (absolute ones too); a range grows when rows are inserted inside it and
 * shrinks when some of its rows are deleted. `ownSheet` is the sheet holding the formula
 * (unprefixed references point there). Undefined when a referenced cell was deleted (Sheets
 * then shows #REF!; the caller falls back to the engine's text).
 */
export function shiftForStructure(
  formula: string,
  ownSheet: string,
  target: string,
  axis: 'row' | 'col',
  at: number,
  count: number,
): string | undefined {
  const t = target.toLowerCase();
  const key = axis === 'row' ? 'row' : 'col';
  const moveStart = (v: number) =>
    count > 0 ? (v >= at ? v + count : v) : v < at ? v : v >= at - count ? v + count : at;
  const moveEnd = (v: number) =>
    count > 0 ? (v >= at ? v + count : v) : v < at ? v : v >= at - count ? v + count : at - 1;
  return mapReferences(formula, (sheet, prefix, start, end) => {
    if ((sheet ?? ownSheet).toLowerCase() !== t)
      return prefix + start + (end !== undefined ? `:${end}` : '');
    const a = parseRefEnd(start);
    if (end === undefined) {
      const v = a[key];
      if (v === undefined) return prefix + start;
      if (count < 0 && v >= at && v < at - count) return null;
      a[key] = moveStart(v);
      return prefix + formatRefEnd(a);
    }
    const b = parseRefEnd(end);
    const v1 = a[key];
    const v2 = b[key];
    if (v1 !== undefined) a[key] = moveStart(v1);
    if (v2 !== undefined) b[key] = moveEnd(v2);
    if (v1 !== undefined && v2 !== undefined && b[key]! < a[key]!) return null;
    return `${prefix}${formatRefEnd(a)}:${formatRefEnd(b)}`;
  });
}

/** The formula with references to sheet `from` renamed to `to` (HyperFormula does the same to its copy). */
export function renameSheetInFormula(formula: string, from: string, to: string): string {
  const f = from.toLowerCase();
  return mapReferences(
    formula,
    (sheet, prefix, start, end) =>
      (sheet !== undefined && sheet.toLowerCase() === f ? `${quoteSheetName(to)}!` : prefix) +
      start +
      (end !== undefined ? `:${end}` : ''),
  )!;
}

/** Whether the formula refers to sheet `name` by a prefix. */
export function mentionsSheet(formula: string, name: string): boolean {
  const n = name.toLowerCase();
  let found = false;
  mapReferences(formula, (sheet, prefix, start, end) => {
    if (sheet !== undefined && sheet.toLowerCase() === n) found = true;
    return prefix + start + (end !== undefined ? `:${end}` : '');
  });
  return found;
}

/** Whether the formula has an open-ended range ('A2:A') on sheet `name` (`ownSheet` for unprefixed ones). */
export function hasOpenRangeOn(
  formula: string,
  ownSheet: string,
  name: string,
  wholeColumns = false,
): boolean {
  if (!formula.includes(':')) return false;
  const n = name.toLowerCase();
  let found = false;
  mapReferences(formula, (sheet, prefix, start, end) => {
    if (end !== undefined && (sheet ?? ownSheet).toLowerCase() === n) {
      const a = parseRefEnd(start);
      const b = parseRefEnd(end);
      if (a.col !== undefined && b.row === undefined && (a.row !== undefined || wholeColumns))
        found = true;
    }
    return prefix + start + (end !== undefined ? `:${end}` : '');
  });
  return found;
}
