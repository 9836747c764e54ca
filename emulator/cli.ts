export async function main(_argv: string[]): Promise<number> {
  console.error('clerk: not built yet');
  return 1;
}
