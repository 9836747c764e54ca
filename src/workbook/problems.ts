/**
 * The Problems list: every value the program cannot accept, across the registers, with a link
 * to its cell. Rebuilt whole by Committee > Check workbook problems (and at the end of set-up):
 * one getValues per tab, one setValues for the list. onEdit only marks cells (it would have to
 * read this tab on every edit to keep it current).
 */
import {ColumnSpec, SCHEMA, TAB, TabSpec, useListValues} from './schema';
import {Cell, isDate} from './table';
import {checkValue, shown} from './validate';
import {
  Problem,
  REGISTERS,
  Register,
  RegisterName,
  linkProblems,
  headerPositions,
  isRecordRow,
  registerFromGrid,
  rowProblems,
} from './registers';
import {isProgramBuilt, type Layout} from './setup';
import {a1} from './formulas';
import {settingProblem, settingsFromGrid} from './settings';
import {isoOfSerial, showSerial, todaySerial} from './dates';
import {deputyFindings} from '../domain/deputies';
import {listsFromGrid, listsInUseProblems} from './lists';

export type {Problem};

/**
 * Problems in one tab's grid (header row first): for a register, the reader's problems (the
 * same parser and row rules as the edit check); for other tabs, their row rules. Pure.
 */
export function problemsInGrid(spec: TabSpec, grid: Cell[][], today: number): Problem[] {
  if (spec.settingRows) {
    const headers = (grid[0] ?? []).map(h => String(h).trim());
    return settingsProblems(grid, headerPositions(headers));
  }
  if ((REGISTERS as string[]).includes(spec.name))
    return registerFromGrid(spec.name as RegisterName, grid, today).problems;
  const headers = (grid[0] ?? []).map(h => String(h).trim());
  const index = headerPositions(headers);
  const out: Problem[] = [];
  for (let r = 1; r < grid.length; r++) {
    if (!isRecordRow(spec, index, grid[r])) continue;
    for (const c of spec.columns) {
      const i = index.get(c.header);
      if (i === undefined || c.formula) continue;
      const verdict = checkValue(c, grid[r][i]);
      if (!verdict.ok)
        out.push({
          tab: spec.name,
          row: r + 1,
          col: i + 1,
          header: c.header,
          value: grid[r][i],
          problem: verdict.problem,
          kind: 'value',
        });
    }
  }
  return out
    .concat(rowProblems(spec, grid, index, today))
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

function settingsProblems(
  grid: readonly (readonly Cell[])[],
  index: ReadonlyMap<string, number>,
): Problem[] {
  const nameCol = index.get('Setting');
  const valueCol = index.get('Value');
  if (nameCol === undefined || valueCol === undefined) return [];
  const out: Problem[] = [];
  for (let r = 1; r < grid.length; r++) {
    const name = String(grid[r][nameCol] ?? '').trim();
    const problem = settingProblem(name, grid[r][valueCol] ?? '');
    if (problem)
      out.push({
        tab: TAB.settings,
        row: r + 1,
        col: valueCol + 1,
        header: name,
        value: grid[r][valueCol] ?? '',
        problem,
        kind: 'value',
      });
  }
  return out;
}

/** A value as the officer sees it in the cell: dates dd/mm/yyyy, times hh:mm, text as typed. */
export function displayValue(col: ColumnSpec | undefined, v: Cell): string {
  if (v === '' || v === null || v === undefined) return '';
  if (col?.type === 'time' && (typeof v === 'number' || isDate(v))) {
    const m =
      typeof v === 'number'
        ? Math.round((v - Math.floor(v)) * 1440)
        : v.getHours() * 60 + v.getMinutes();
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  }
  if (isDate(v)) return shown(v);
  return String(v);
}

/** Problems rows for the tab: Tab, Cell, Row, Column, Value, Problem, Go to cell (a link to the cell). */
export function problemRows(
  problems: readonly Problem[],
  gids: ReadonlyMap<string, number>,
): Cell[][] {
  return problems.map(p => {
    const cell = a1(p.row, p.col);
    const gid = gids.get(p.tab);
    const value = displayValue(
      SCHEMA.find(t => t.name === p.tab)?.columns.find(c => c.header === p.header),
      p.value,
    );
    const link =
      gid === undefined ? '' : `=HYPERLINK("#gid=${gid}&range=${cell}","${p.tab}!${cell}")`;
    return [p.tab, cell, p.row, p.header, value, p.problem, link];
  });
}

/** The clerk named in Settings ('' when the setting cannot be read: Problems lists that anyway). */
function clerkOf(grid: Cell[][]): string {
  try {
    return settingsFromGrid(grid).text('Clerk name');
  } catch {
    return '';
  }
}

/** Substitutes who may not stand in, and extra nominees of one body (the same rules as compliance). */
export function deputyProblems(
  members: Register<typeof TAB.members>,
  attendance: Register<typeof TAB.attendance>,
  today: number,
): Problem[] {
  return deputyFindings(members.records, attendance.records, isoOfSerial(today)).map(f => {
    const reg = f.tab === TAB.members ? members : attendance;
    const i = reg.index.get(f.header) ?? 0;
    return {
      tab: f.tab,
      row: f.row,
      col: i + 1,
      header: f.header,
      value: reg.grid[f.row - 1]?.[i] ?? '',
      problem: `${f.finding} ${f.whatToDo}`,
      kind: 'link',
    };
  });
}

/** Rebuilds the Problems tab; returns how many problems were found. */
export function rebuildProblems(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  now: Date = new Date(),
  layout?: Layout, // set-up's sheets, when it has just found them
): number {
  const today = todaySerial(now);
  const sheetOf = (tab: string) => layout?.sheets.get(tab) ?? ss.getSheetByName(tab);
  // Every tab's cells first: the Lists tab's values (read here once) decide what the readers accept.
  const grids: [TabSpec, Cell[][]][] = [];
  const gids = new Map<string, number>();
  for (const spec of SCHEMA) {
    if (isProgramBuilt(spec)) continue;
    const sheet = sheetOf(spec.name);
    if (!sheet) continue;
    gids.set(spec.name, sheet.getSheetId());
    grids.push([spec, sheet.getDataRange().getValues() as Cell[][]]);
  }
  const listsGrid = grids.find(([spec]) => spec.name === TAB.lists)?.[1] ?? [];
  useListValues(listsFromGrid(listsGrid)); // no Lists tab: the program's own lists
  const problems: Problem[] = [];
  const read = new Map<string, Register<RegisterName>>();
  let clerk = '';
  for (const [spec, grid] of grids) {
    if (spec.settingRows) clerk = clerkOf(grid);
    if ((REGISTERS as string[]).includes(spec.name)) {
      const reg = registerFromGrid(spec.name as RegisterName, grid, today);
      read.set(spec.name, reg);
      problems.push(...reg.problems);
    } else problems.push(...problemsInGrid(spec, grid, today));
  }
  // Names and dates the registers take from each other (the same check as Check compliance).
  const got = <K extends RegisterName>(tab: K) => read.get(tab) as Register<K> | undefined;
  const members = got(TAB.members);
  const meetings = got(TAB.meetings);
  const attendance = got(TAB.attendance);
  if (members && meetings && attendance)
    problems.push(
      ...linkProblems({members, meetings, attendance, actions: got(TAB.actions)}, [clerk]),
    );
  if (members && attendance) problems.push(...deputyProblems(members, attendance, today));
  if (members) problems.push(...listsInUseProblems(listsGrid, members.grid));
  const target = sheetOf(TAB.problems);
  if (!target) return problems.length;
  const rows = problemRows(problems, gids);
  if (!rows.length)
    rows.push(['(none)', '', '', '', '', `No problems found on ${showSerial(today)}.`, '']);
  const width = 7;
  const lastRow = target.getLastRow();
  if (lastRow > 1)
    target.getRange(2, 1, lastRow - 1, Math.max(target.getLastColumn(), width)).clearContent();
  // The text columns are plain text ('@'), so "B5" and "12/03/2026" stay as written.
  target.getRange(2, 1, rows.length, width).setValues(rows);
  return problems.length;
}
