/**
 * Helpers for the workbook end-to-end tests: run `clerk` in-process (main from emulator/cli)
 * and read the saved .xlsx back through the emulator (values, notes, backgrounds, formats,
 * validation rules, conditional formats, protections).
 */
import {mkdtempSync, copyFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {execFileSync} from 'node:child_process';
import {main} from '../emulator/cli';
import {BufferIo} from '../emulator/services/io';
import {loadXlsx, getComputed} from '../emulator/sheets';
import type {WorkbookModel, SheetModel, CellMeta} from '../emulator/sheets';

export const TODAY = '2026-11-23';
export const FLAG = '#f4cccc';

export async function clerk(...argv: string[]): Promise<BufferIo> {
  const io = new BufferIo();
  const code = await main([...argv, '--today', TODAY], io);
  if (code !== 0) throw new Error(`clerk ${argv.join(' ')} → ${code}\n${io.stderr.join('\n')}`);
  return io;
}

/** Runs clerk with --stats and returns the program's service calls. */
export async function withStats(
  ...argv: string[]
): Promise<{calls: Record<string, number>; total: number}> {
  const io = await clerk(...argv, '--stats');
  const line = io.stderr.filter(l => l.startsWith('{"calls"')).pop();
  if (!line) throw new Error(`no stats in ${io.stderr.join('\n')}`);
  return JSON.parse(line);
}

export const model = (book: string): Promise<WorkbookModel> => loadXlsx(book);

export function sheetOf(m: WorkbookModel, name: string): SheetModel {
  const s = m.sheets.find(x => x.name === name);
  if (!s) throw new Error(`no ${name} tab`);
  return s;
}

function rc(a1: string): [number, number] {
  const x = a1.match(/^([A-Z]+)(\d+)$/);
  if (!x) throw new Error(a1);
  const col = x[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(x[2]) - 1, col - 1];
}

export function meta(m: WorkbookModel, tab: string, a1: string): CellMeta {
  const [r, c] = rc(a1);
  return sheetOf(m, tab).meta[r]?.[c] ?? {};
}

export const value = (m: WorkbookModel, ref: string): unknown => getComputed(m, ref).values[0][0];
export const display = (m: WorkbookModel, ref: string): string => getComputed(m, ref).display[0][0];
export const values = (m: WorkbookModel, ref: string): unknown[][] => getComputed(m, ref).values;

/** A temporary folder with the demo workbook made once (`clerk new BOOK --demo`). */
export async function demoBook(
  prefix: string,
): Promise<{dir: string; demo: string; copy: (name: string) => string}> {
  const root = path.join(__dirname, '..');
  if (!existsSync(path.join(root, 'dist', 'Code.js')))
    execFileSync('node', ['scripts/build.mjs'], {cwd: root});
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const demo = path.join(dir, 'demo.xlsx');
  await clerk('new', demo, '--demo');
  return {
    dir,
    demo,
    copy: (name: string) => {
      const book = path.join(dir, `${name}.xlsx`);
      copyFileSync(demo, book);
      return book;
    },
  };
}

/** Everything set-up could change, as plain data (cell contents as formulas or values). */
export function snapshot(m: WorkbookModel): unknown {
  return m.sheets.map(s => ({
    name: s.name,
    frozenRows: s.frozenRows,
    maxRows: s.maxRows,
    maxCols: s.maxCols,
    widths: s.columnWidths,
    meta: JSON.stringify(s.meta),
    cf: JSON.stringify(s.conditionalFormats),
    protections: s.protections.map(({id: _id, ...p}) => p),
    contents: JSON.stringify(m.hf.getSheetSerialized(s.hfId)),
  }));
}
