/**
 * Sheets accepts range names that end in digits ("sampleNamedRange1"); HyperFormula refuses any
 * name shaped like letters-then-digits, reading it as a cell reference. Such names reach the
 * engine under an alias ("_N_sampleNamedRange1"): the engine's named-expression methods are
 * wrapped once per workbook so everything else (spreadsheet.ts, the xlsx) uses the real name,
 * and formulas are given the alias on their way in (toEngine).
 */
import type {HyperFormula} from 'hyperformula';

const PREFIX = '_N_';
const CELL_LIKE = /^[A-Za-z]+[0-9]+$/;
const ALIASED = Symbol('aliased names');

type Named = HyperFormula & {[ALIASED]?: Set<string>};

function needsAlias(name: string): boolean {
  return CELL_LIKE.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name);
}

export function engineName(name: string): string {
  return needsAlias(name) ? PREFIX + name : name;
}

/** Wraps the engine's named-expression methods so callers use Sheets' names. Idempotent. */
export function aliasNamedExpressions(hf: HyperFormula): void {
  const h = hf as Named;
  if (h[ALIASED]) return;
  const names = new Set<string>();
  h[ALIASED] = names;
  const wrap = <K extends keyof HyperFormula>(key: K, track?: 'add' | 'remove') => {
    const orig = (hf[key] as (...a: unknown[]) => unknown).bind(hf);
    (hf as unknown as Record<string, unknown>)[key] = (name: string, ...rest: unknown[]) => {
      const alias = engineName(String(name));
      const [expression, ...more] = rest;
      const out = orig(
        alias,
        ...(typeof expression === 'string' ? [withAliases(h, expression), ...more] : rest),
      );
      if (alias !== name && track === 'add') names.add(String(name));
      if (alias !== name && track === 'remove') names.delete(String(name));
      return out;
    };
  };
  wrap('addNamedExpression', 'add');
  wrap('changeNamedExpression');
  wrap('removeNamedExpression', 'remove');
  wrap('getNamedExpressionFormula');
  wrap('getNamedExpressionValue');
  wrap('isItPossibleToAddNamedExpression');
  wrap('isItPossibleToChangeNamedExpression');
  wrap('isItPossibleToRemoveNamedExpression');
}

/** A formula with aliased names replaced by their engine names (outside string literals). */
export function withAliases(hf: HyperFormula, formula: string): string {
  const names = (hf as Named)[ALIASED];
  if (!names || names.size === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(/(?<![\w.!$'])([A-Za-z_][\w.]*)(?![\w(!])/g, m =>
            [...names].some(n => n.toLowerCase() === m.toLowerCase()) ? PREFIX + m : m,
          ),
    )
    .join('');
}
