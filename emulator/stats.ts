/**
 * Call statistics: every emulated service call is counted by "Class.method", and a modelled
 * Apps Script time is worked out from published per-call latencies (see LATENCY_MS).
 */

/**
 * Modelled cost of one call in Apps Script, in milliseconds. Sources:
 * - Google, "Best practices" (developers.google.com/apps-script/guides/support/best-practices):
 *   10,000 single-cell setBackgroundColor calls ~70 s => ~7 ms per individual cell call.
 * - Mogsdad's measurement (Stack Overflow, 2013): a single 4,000-cell setValues under 50 ms;
 *   a flush() added ~560 ms => range reads/writes ~50 ms, flush ~500 ms is the worst case, we use 100.
 * - Bruce McPherson, "Measuring sheet operation performance" (ramblings.mcpher.com): range
 *   reads and writes of tens of milliseconds, growing with the sheet.
 * - Docs/Drive/Mail calls go to other Google services: several hundred ms each (DocumentApp.create
 *   and makeCopy are commonly 1-2 s; we use conservative round figures).
 * Anything not listed costs DEFAULT_MS.
 */
export const LATENCY_MS: Record<string, number> = {
  'Range.getValues': 50,
  'Range.getDisplayValues': 50,
  'Range.getFormulas': 50,
  'Range.setValues': 60,
  'Range.setFormulas': 60,
  'Range.getValue': 20,
  'Range.setValue': 25,
  'Range.setFormula': 25,
  'Range.setBackground': 7,
  'Range.setNote': 7,
  'SpreadsheetApp.flush': 100,
  'Spreadsheet.toast': 50,
  'DocumentApp.create': 1000,
  'DocumentApp.openById': 500,
  'Document.saveAndClose': 500,
  'Body.replaceText': 80,
  'Drive.Files.copy': 1200,
  'Drive.Files.create': 800,
  'Drive.Files.update': 500,
  'File.makeCopy': 1200,
  'File.getAs': 1500,
  'Document.getAs': 1500,
  'MailApp.sendEmail': 300,
  'GmailApp.sendEmail': 300,
};
export const DEFAULT_MS = 5;

export class CallStats {
  private readonly counts = new Map<string, number>();

  count(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries(
      [...this.counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    );
  }

  get(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** Modelled Apps Script time in milliseconds. */
  modelledMs(): number {
    let ms = 0;
    for (const [k, v] of this.counts) ms += v * (LATENCY_MS[k] ?? DEFAULT_MS);
    return ms;
  }

  reset(): void {
    this.counts.clear();
  }

  toJSON(): {calls: Record<string, number>; total: number; modelledMs: number} {
    return {calls: this.byMethod(), total: this.total, modelledMs: Math.round(this.modelledMs())};
  }
}
