/**
 * Conditional formats from the schema's meaning: overdue actions red, due soon amber, closed
 * grey; members' terms ended (grey) or ending soon (amber); contracts ended (grey) or ending
 * within their notice period or the warning period (amber). Columns are found by header.
 * Our rules carry a marker, N("Committee Clerk")=0 (always true), so repair can replace them
 * and leave officers' own rules alone.
 */
import {TabSpec} from './schema';
import {columnLetter} from './formulas';

export const MARKER = 'N("Committee Clerk")=0';
export const RED = '#f4c7c3';
export const AMBER = '#fce8b2';
export const GREY = '#e8e8e8';
export const GREY_TEXT = '#80868b';

/** Days used by the amber rules (from Settings, read at set-up). */
export interface Warnings {
  dueSoonDays: number;
  termWarningDays: number;
  contractWarningDays: number;
}
export const DEFAULT_WARNINGS: Warnings = {
  dueSoonDays: 7,
  termWarningDays: 60,
  contractWarningDays: 180,
};

export interface RuleSpec {
  readonly formula: string;
  readonly background: string;
  readonly fontColor?: string;
}

const COLOURS = {
  red: {background: RED},
  amber: {background: AMBER},
  grey: {background: GREY, fontColor: GREY_TEXT},
} as const;

/** The schema's conditional formats of a tab, resolved to custom formulas for row 2. Pure. */
export function ruleSpecs(
  spec: TabSpec,
  index: ReadonlyMap<string, number>,
  w: Warnings = DEFAULT_WARNINGS,
): RuleSpec[] {
  const out: RuleSpec[] = [];
  for (const rule of spec.formats ?? []) {
    let missing = false;
    const cond = rule.when.replace(/\{([^{}]+)\}/g, (_m, name: string) => {
      if (name in w) return String(w[name as keyof Warnings]);
      const i = index.get(name);
      if (i === undefined) missing = true;
      return i === undefined ? '' : `$${columnLetter(i + 1)}2`;
    });
    if (!missing) out.push({formula: `=AND(${MARKER},${cond})`, ...COLOURS[rule.colour]});
  }
  return out;
}

export function conditionalRules(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  spec: TabSpec,
  index: ReadonlyMap<string, number>,
  maxRows: number,
  width: number,
  w: Warnings = DEFAULT_WARNINGS,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const specs = ruleSpecs(spec, index, w);
  if (!specs.length) return [];
  const range = sheet.getRange(2, 1, Math.max(maxRows - 1, 1), width);
  return specs.map(r => {
    const b = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(r.formula)
      .setBackground(r.background)
      .setRanges([range]);
    if (r.fontColor) b.setFontColor(r.fontColor);
    return b.build();
  });
}

/** Whether a rule is one of ours (carries the marker). */
export function isOurRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const cond = rule.getBooleanCondition();
  if (!cond) return false;
  return cond.getCriteriaValues().some(v => String(v).includes(MARKER));
}
