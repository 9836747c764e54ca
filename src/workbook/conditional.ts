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

/** The rules of a tab as plain data: custom formulas for row 2, whole rows coloured. Pure. */
export function ruleSpecs(
  spec: TabSpec,
  index: ReadonlyMap<string, number>,
  w: Warnings = DEFAULT_WARNINGS,
): RuleSpec[] {
  const col = (h: string): string | null => {
    const i = index.get(h);
    return i === undefined ? null : `$${columnLetter(i + 1)}2`;
  };
  const f = (cond: string) => `=AND(${MARKER},${cond})`;
  const out: RuleSpec[] = [];
  if (spec.name === 'Actions') {
    const st = col('Status');
    const rd = col('Review date');
    if (st) out.push({formula: f(`${st}="Closed"`), background: GREY, fontColor: GREY_TEXT});
    if (st && rd) {
      out.push({formula: f(`${st}<>"Closed",ISNUMBER(${rd}),${rd}<TODAY()`), background: RED});
      out.push({
        formula: f(
          `${st}<>"Closed",ISNUMBER(${rd}),${rd}>=TODAY(),${rd}<=TODAY()+${w.dueSoonDays}`,
        ),
        background: AMBER,
      });
    }
  } else if (spec.name === 'Members') {
    const end = col('Term end');
    if (end) {
      out.push({
        formula: f(`ISNUMBER(${end}),${end}<TODAY()`),
        background: GREY,
        fontColor: GREY_TEXT,
      });
      out.push({
        formula: f(`ISNUMBER(${end}),${end}>=TODAY(),${end}<=TODAY()+${w.termWarningDays}`),
        background: AMBER,
      });
    }
  } else if (spec.name === 'Contracts') {
    const endCol = col('End date');
    const ext = col('Extended to');
    const notice = col('Notice period (days)');
    if (endCol) {
      const end = ext ? `IF(ISNUMBER(${ext}),${ext},${endCol})` : endCol;
      const within = notice
        ? `MAX(N(${notice}),${w.contractWarningDays})`
        : String(w.contractWarningDays);
      out.push({
        formula: f(`ISNUMBER(${endCol}),${end}<TODAY()`),
        background: GREY,
        fontColor: GREY_TEXT,
      });
      out.push({
        formula: f(`ISNUMBER(${endCol}),${end}>=TODAY(),${end}-TODAY()<=${within}`),
        background: AMBER,
      });
    }
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
