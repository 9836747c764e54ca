/** A compliance finding: one row of the Compliance tab. */
export type Severity = 'Problem' | 'Warning' | 'Note' | 'Met';

/** Sort order: what needs doing first. */
export const SEVERITY_ORDER: readonly Severity[] = ['Problem', 'Warning', 'Note', 'Met'];

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** Tab and row (or the thing) the finding is about, e.g. "Members row 7 (Ann Other)". */
  readonly where: string;
  readonly finding: string;
  readonly whatToDo: string;
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({f, i}))
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.f.severity) - SEVERITY_ORDER.indexOf(b.f.severity) || a.i - b.i,
    )
    .map(x => x.f);
}
