/**
 * The Lists tab: descriptive lists officers extend (Client groups, Service types). Read once per
 * run that checks or counts those values (one getValues), filled by set-up from the program's own
 * lists when empty, and checked against the rows that use them.
 */
import {EXTENDABLE_LISTS, ListName, TAB, useListValues} from './schema';
import {Cell, headerPositions} from './table';
import {readTab} from './span';
import type {Problem} from './registers';
import type {Layout} from './setup';
import {sameName} from '../domain/membership';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NAMES = Object.keys(EXTENDABLE_LISTS) as ListName[];

/** The lists a Lists grid holds (header row first): each column's non-empty values, once each. Pure. */
export function listsFromGrid(
  grid: readonly (readonly Cell[])[],
): Partial<Record<ListName, string[]>> {
  const index = headerPositions((grid[0] ?? []).map(h => String(h).trim()));
  const out: Partial<Record<ListName, string[]>> = {};
  for (const name of NAMES) {
    const i = index.get(name);
    if (i === undefined) continue;
    const values: string[] = [];
    for (const line of grid.slice(1)) {
      const v = String(line[i] ?? '').trim();
      if (v && !values.some(x => sameName(x, v))) values.push(v);
    }
    out[name] = values;
  }
  return out;
}

/** Reads the Lists tab and installs its values for this run (a missing tab keeps the program's lists). */
export function useLists(ss: Spreadsheet | null | undefined): void {
  useListValues(ss ? listsFromGrid(listsGrid(ss)) : {});
}

/**
 * The Lists tab's cells: by its span (two calls) when every list's header is within it, else
 * read whole (a tab narrower than A:Z, or a header moved past Z); none when there is no tab (an
 * older workbook: the program's own lists apply).
 */
function listsGrid(ss: Spreadsheet): Cell[][] {
  return readTab(ss, TAB.lists, NAMES, true)?.grid ?? [];
}

/** Whether a column's allowed values come from the Lists tab. */
export const isListColumn = (header: string): boolean => (NAMES as string[]).includes(header);

/**
 * Fills the Lists tab from the program's lists when it holds nothing below its headers (a new
 * workbook, or a tab set-up has just made). Two reads, at most one write; returns rows written.
 */
export function prefillLists(
  ss: Spreadsheet,
  layout?: Layout, // set-up's sheets and header rows, when it has just read them
): number {
  const sheet = layout?.sheets.get(TAB.lists) ?? ss.getSheetByName(TAB.lists);
  if (!sheet || sheet.getLastRow() > 1) return 0;
  const known = layout?.headers.get(TAB.lists);
  const headers = known
    ? rowOf(known)
    : sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const height = Math.max(...NAMES.map(n => EXTENDABLE_LISTS[n].length));
  const rows = Array.from({length: height}, (_x, r) =>
    headers.map(h => (isListColumn(h) ? (EXTENDABLE_LISTS[h as ListName][r] ?? '') : '')),
  );
  sheet.getRange(2, 1, rows.length, headers.length).setValues(rows);
  return rows.length;
}

/** A header row from header → 1-based column (blank where no header is known). Pure. */
function rowOf(cols: ReadonlyMap<string, number>): string[] {
  const row: string[] = Array(Math.max(0, ...cols.values())).fill('');
  for (const [h, c] of cols) row[c - 1] = h;
  return row;
}

/**
 * Values on the Members tab that the Lists tab no longer has: one problem per value on the list's
 * header cell, naming the Members rows that use it (each of those cells is flagged as well).
 * Read from the grids, since the reader drops a cell it cannot accept. Pure.
 */
export function listsInUseProblems(
  listsGrid: readonly (readonly Cell[])[],
  membersGrid: readonly (readonly Cell[])[],
): Problem[] {
  const lists = listsFromGrid(listsGrid);
  const index = headerPositions((listsGrid[0] ?? []).map(h => String(h).trim()));
  const members = headerPositions((membersGrid[0] ?? []).map(h => String(h).trim()));
  const out: Problem[] = [];
  for (const name of NAMES) {
    const values = lists[name];
    const i = members.get(name);
    if (!values?.length || i === undefined) continue;
    const used = new Map<string, number[]>();
    membersGrid.forEach((line, r) => {
      if (r === 0) return;
      for (const v of String(line[i] ?? '').split(/\s*[;,]\s*/)) {
        const item = v.trim();
        if (item && !values.some(x => sameName(x, item)))
          used.set(item, [...(used.get(item) ?? []), r + 1]);
      }
    });
    for (const [v, rows] of used)
      out.push({
        tab: TAB.lists,
        row: 1,
        col: (index.get(name) ?? 0) + 1,
        header: name,
        value: name,
        problem: `"${v}" is used on the ${TAB.members} tab (row${rows.length === 1 ? '' : 's'} ${rows.join(', ')}) but is not in the ${name} list. Add it back to the list, or change those rows.`,
        kind: 'link',
      });
  }
  return out;
}
