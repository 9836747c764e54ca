/**
 * Functions newer than the OOXML standard ("future functions") are stored in .xlsx files with a
 * prefix: `_xlfn.MINIFS(…)`, and `_xlfn._xlws.FILTER(…)` for the two whose names clash with
 * older add-ins. Excel shows them without it; LibreOffice shows #NAME? for a formula saved
 * without it. The list is Microsoft's [MS-XLSX] 2.2.2 "Formulas" future-function table plus the
 * dynamic-array functions of Excel 365.
 */
const XLFN = new Set(
  `ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV
  BITAND BITLSHIFT BITOR BITRSHIFT BITXOR CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT
  CHISQ.INV CHISQ.INV.RT CHISQ.TEST COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH
  COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL ERF.PRECISE ERFC.PRECISE EXPON.DIST F.DIST
  F.DIST.RT F.INV F.INV.RT F.TEST FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS
  FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT
  GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HYPGEOM.DIST IFNA IFS IMCOSH IMCOT IMCSC
  IMCSCH IMSEC IMSECH IMSINH IMTAN ISFORMULA ISOWEEKNUM LOGNORM.DIST LOGNORM.INV MAXIFS MINIFS
  MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE
  PDURATION PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC PERMUTATIONA PHI
  POISSON.DIST QUARTILE.EXC QUARTILE.INC QUERYSTRING RANK.AVG RANK.EQ RRI SEC SECH SHEET SHEETS
  SKEW.P STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TEXTJOIN
  UNICHAR UNICODE VAR.P VAR.S WEBSERVICE WEIBULL.DIST XOR Z.TEST
  ANCHORARRAY LAMBDA LET RANDARRAY SEQUENCE SINGLE SORTBY UNIQUE XLOOKUP XMATCH TEXTBEFORE
  TEXTAFTER TEXTSPLIT VSTACK HSTACK TOCOL TOROW WRAPROWS WRAPCOLS TAKE DROP CHOOSECOLS
  CHOOSEROWS EXPAND ARRAYTOTEXT VALUETOTEXT BYROW BYCOL MAP REDUCE SCAN MAKEARRAY ISOMITTED`.split(
    /\s+/,
  ),
);
/** Worksheet functions whose names clash with older add-in functions: `_xlfn._xlws.`. */
const XLWS = new Set(['FILTER', 'SORT']);

/** Applies `f` to the parts of a formula outside string literals and quoted sheet names. */
function outsideQuotes(formula: string, f: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 ? part : f(part)))
    .join('');
}

/** A formula as OOXML stores it (no leading "="): future functions prefixed. */
export function toOoxmlFunctions(formula: string): string {
  return outsideQuotes(formula, part =>
    part.replace(/(^|[^A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)(?=\s*\()/g, (m, before, name) => {
      const upper = String(name).toUpperCase();
      if (XLWS.has(upper)) return `${before}_xlfn._xlws.${name}`;
      return XLFN.has(upper) ? `${before}_xlfn.${name}` : m;
    }),
  );
}

/** A formula read from .xlsx as Sheets writes it: without the storage prefixes. */
export function fromOoxmlFunctions(formula: string): string {
  if (!/_xl(fn|ws|pm)\./i.test(formula)) return formula;
  return outsideQuotes(formula, part => part.replace(/_xl(fn|ws|pm)\./gi, ''));
}

/**
 * A formula wholly wrapped in ARRAYFORMULA(…), as its inner text; null otherwise. Sheets saves
 * such a cell to .xlsx as an OOXML array formula (`<f t="array">`) without the wrapper, which
 * Excel and LibreOffice do not know as a function.
 */
export function arrayFormulaInner(formula: string): string | null {
  const m = /^=?\s*ARRAYFORMULA\s*\(/i.exec(formula);
  if (!m) return null;
  let depth = 1;
  let quote: string | null = null;
  for (let i = m[0].length; i < formula.length; i++) {
    const ch = formula[i];
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0)
      return formula.slice(i + 1).trim() ? null : formula.slice(m[0].length, i);
  }
  return null;
}
