// The clerk command line in-process for the benchmarks, on the fixed day the demo data assumes.
import {main} from '../emulator/cli';
import {BufferIo} from '../emulator/services/io';

export const TODAY = '2026-11-23';

export interface RunStats {
  total: number;
  modelledMs: number;
}

export async function clerk(argv: string[]): Promise<BufferIo> {
  const io = new BufferIo();
  if ((await main([...argv, '--today', TODAY], io)) !== 0)
    throw new Error(`clerk ${argv.join(' ')}: ${io.stderr.join(' ')}`);
  return io;
}

/** The `--stats` line a run printed. */
export const stats = (io: BufferIo): RunStats =>
  JSON.parse(io.stderr.filter(l => l.startsWith('{')).pop() ?? '{}') as RunStats;
