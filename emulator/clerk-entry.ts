/**
 * The `clerk` command line as built into build/clerk.cjs: a `clerk get` the saved computed
 * values can answer is answered here (fast-get.ts), before the rest of the emulator (xlsx
 * reader, formula engine, Docs, the script) is even loaded; everything else goes to cli.ts.
 */
import {makeClock} from './context';
import {fastGet} from './fast-get';
import {processIo, type Io} from './services/io';
import type {MenuAction} from './cli';

function tryFastGet(argv: readonly string[], io: Io): number | null {
  if (argv[0] !== 'get') return null;
  const positional: string[] = [];
  let json = false;
  let stats = false;
  let today: string | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--stats') stats = true;
    else if (a === '--today' && i + 1 < argv.length) today = argv[++i];
    else if (a.startsWith('--today=')) today = a.slice('--today='.length);
    else if (a.startsWith('-'))
      return null; // --notes, --help, …: the full command
    else positional.push(a);
  }
  if (positional.length !== 2) return null;
  let day: string;
  try {
    day = makeClock(today).today;
  } catch {
    return null; // the full command says what is wrong with --today
  }
  const lines = fastGet(positional[0], positional[1], {json, today: day});
  if (!lines) return null;
  for (const l of lines) io.out(l);
  // Reading runs no script: the same line the full command prints.
  if (stats) io.err(JSON.stringify({calls: {}, total: 0, modelledMs: 0}));
  return 0;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const fast = tryFastGet(argv, io);
  if (fast !== null) return fast;
  return (await import('./cli')).main(argv, io);
}

export async function runMenuActions(
  book: string,
  actions: readonly MenuAction[],
  opts: {today?: string; io?: Io} = {},
): Promise<{ran: string[]; failed: string[]}> {
  return (await import('./cli')).runMenuActions(book, actions, opts);
}
