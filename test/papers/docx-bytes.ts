/**
 * A paper's .docx as bytes, for tests that read or upload one outside a Workspace: the program
 * makes it with Utilities.zip and the Charts service (src/papers/docx.ts), so this gives the
 * test process the emulator's Utilities and Charts as globals, as Apps Script has them.
 */
import {newContext} from '../../emulator/context';
import {createCharts} from '../../emulator/services/charts';
import {createUtilities} from '../../emulator/services/utilities';
import {paperDocxBlob} from '../../src/papers/docx';
import type {Paper} from '../../src/papers/model';

export function paperDocx(paper: Paper): Uint8Array {
  const g = globalThis as Record<string, unknown>;
  const ctx = newContext();
  g.Utilities ??= createUtilities(ctx);
  g.Charts ??= createCharts(ctx);
  return Uint8Array.from(paperDocxBlob(paper).getBytes(), b => b & 0xff);
}
