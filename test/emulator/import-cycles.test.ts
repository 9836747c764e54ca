/**
 * The emulator is a package others lift out (issue 13): its modules must not import each other
 * in a circle, which makes load order matter (a class undefined at the moment another module's
 * top level uses it) and the parts impossible to take separately. Type-only imports are erased
 * by the compiler and dynamic import() runs later, so neither counts.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', 'emulator');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(f => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return f === 'node_modules' ? [] : sources(p);
    return /\.ts$/.test(f) && !/\.d\.ts$/.test(f) ? [p] : [];
  });
}

/** The emulator modules a file imports for their values (static import/export … from). */
export function valueImports(file: string, text: string): string[] {
  const out: string[] = [];
  const re = /^[ \t]*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]*)['"]/gm;
  for (const m of text.matchAll(re)) {
    if (m[2] || (m[1] === 'export' && !m[3])) continue;
    const target = path.resolve(path.dirname(file), m[4]);
    const found = [`${target}.ts`, path.join(target, 'index.ts')].find(f => existsSync(f));
    if (found) out.push(found);
  }
  return out;
}

/** Groups of modules that import each other in a circle (Tarjan's strongly connected components). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || graph.get(v)?.includes(v)) cycles.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

test('no two emulator modules import each other, directly or round a longer circle', () => {
  const graph = new Map<string, string[]>();
  for (const f of sources(ROOT)) graph.set(f, valueImports(f, readFileSync(f, 'utf8')));
  expect(graph.size).toBeGreaterThan(50);
  const named = importCycles(graph).map(c => c.map(f => path.relative(ROOT, f)).join(' -> '));
  expect(named).toEqual([]);
});

test('the scan finds a circle, and ignores type-only and dynamic imports', () => {
  const a = path.join(ROOT, 'sheets', 'range.ts');
  const b = path.join(ROOT, 'sheets', 'text-finder.ts');
  expect(valueImports(b, "import {Range} from './range';")).toEqual([a]);
  expect(valueImports(b, "import type {Range} from './range';")).toEqual([]);
  expect(valueImports(b, "export type {Range} from './range';")).toEqual([]);
  expect(valueImports(b, "const m = await import('./range');")).toEqual([]);
  expect(valueImports(b, "export {\n  Range,\n} from './range';")).toEqual([a]);
  expect(
    importCycles(
      new Map([
        [a, [b]],
        [b, [a]],
      ]),
    ),
  ).toEqual([[a, b].sort()]);
});
