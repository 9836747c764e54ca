// Papers budgets (issue 6): filled in below.
export async function benchPapers(): Promise<Record<string, string>> {
  return {};
}
