/**
 * The README's tab and settings tables come from the schema (scripts/readme-tabs-render.ts,
 * written by `node scripts/readme-tabs.mjs`): this fails when a column or setting changes and the
 * README was not made again, and when a column has no note saying what goes in it.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {SCHEMA} from '../src/workbook/schema';
import {renderReadme, tabsWithoutTable, tabTable} from '../scripts/readme-tabs-render';

const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

test('every column of every tab says what goes in it', () => {
  const bare = SCHEMA.flatMap(t =>
    t.columns.filter(c => !c.note?.trim()).map(c => `${t.name}: ${c.header}`),
  );
  expect(bare).toEqual([]);
});

test('every tab has its table in the README', () => {
  expect(tabsWithoutTable(readme)).toEqual([]);
});

test('the README tables are the schema as it is (run node scripts/readme-tabs.mjs)', () => {
  expect(renderReadme(readme)).toBe(readme);
});

test('a table names each column with its type and whether it is required', () => {
  const members = tabTable(SCHEMA.find(t => t.name === 'Members')!);
  expect(members).toContain(
    '| Name | Full name as printed in papers, e.g. "Priya Desai". Attendance and Actions use the same spelling. | text | yes |',
  );
  expect(members).toContain('Other values are refused. | one of a list | yes |');
});
