/**
 * The README's tab and settings tables, made from the schema (src/workbook/schema.ts): one table
 * per tab between `<!-- columns: Tab -->` and `<!-- /columns -->`, and the Settings rows between
 * `<!-- settings -->` and `<!-- /settings -->`. The prose around them is the manual's own.
 * scripts/readme-tabs.mjs writes them; test/workbook-readme-tabs.test.ts fails when they differ.
 */
import {ColumnSpec, SCHEMA, SETTINGS, TAB, TabSpec} from '../src/workbook/schema';

const TYPES: Record<ColumnSpec['type'], string> = {
  date: 'date (dd/mm/yyyy)',
  time: 'time (hh:mm)',
  text: 'text',
  number: 'number',
  money: 'money (£)',
  percent: 'percent',
  list: 'one of a list',
  multi: 'several from a list, separated by "; "',
  email: 'email address',
  bool: 'Yes/No',
  link: 'link',
};

/** A table cell: pipes escaped, one line. */
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** What goes in a column: its note, the allowed values, whether a formula fills it, its minimum. */
export function columnText(spec: TabSpec, c: ColumnSpec): string {
  const parts: string[] = [];
  if (c.note) parts.push(/[.!?)]$/.test(c.note) ? c.note : `${c.note}.`);
  if (c.values && !spec.builtByProgram) {
    const refused = c.reject ? ' Other values are refused.' : ' Other values are kept and flagged.';
    // A note that already names every value is not followed by the list again.
    const named = c.values.every(v => (c.note ?? '').includes(v));
    parts.push(named ? refused.trim() : `Allowed: ${c.values.join(', ')}.${refused}`);
  }
  if (c.formula)
    parts.push('**Worked out by a formula** (protected: a warning shows if you type over it).');
  if (c.min !== undefined) parts.push(`${c.min} or more.`);
  return parts.join(' ');
}

const typeText = (c: ColumnSpec) =>
  c.type === 'date' && c.format && /h/.test(c.format) ? 'date and time' : TYPES[c.type];

/** The columns table of one tab. */
export function tabTable(spec: TabSpec): string {
  const lines = ['| Column | What goes in it | Type | Required |', '|---|---|---|---|'];
  for (const c of spec.columns)
    lines.push(
      `| ${cell(c.header)} | ${cell(columnText(spec, c))} | ${cell(typeText(c))} | ${c.required ? 'yes' : ''} |`,
    );
  return lines.join('\n');
}

/** The Settings rows table: name, default (and a group type's own default), what it does. */
export function settingsTable(): string {
  const lines = ['| Setting | Default | What it does |', '|---|---|---|'];
  for (const s of SETTINGS) {
    const byGroup = 'byGroup' in s ? (s.byGroup as Record<string, string>) : {};
    const others = Object.entries(byGroup).map(([g, v]) => `${g}: ${v}`);
    const def =
      (s.default === '' ? '(empty)' : s.default) + (others.length ? ` (${others.join('; ')})` : '');
    const former =
      'formerNames' in s && s.formerNames
        ? ` Was ${(s.formerNames as readonly string[]).map(n => `"${n}"`).join(', ')}: set-up renames that row and keeps its value.`
        : '';
    lines.push(`| ${cell(s.name)} | ${cell(def)} | ${cell(s.note + former)} |`);
  }
  return lines.join('\n');
}

const COLUMNS = /<!-- columns: (.+?) -->\n[\s\S]*?<!-- \/columns -->/g;
const SETTINGS_BLOCK = /<!-- settings -->\n[\s\S]*?<!-- \/settings -->/;

/** The README with every marked table made again from the schema. Unknown tab names throw. */
export function renderReadme(readme: string): string {
  return readme
    .replace(COLUMNS, (_m, name: string) => {
      const spec = SCHEMA.find(t => t.name === name);
      if (!spec) throw new Error(`README: <!-- columns: ${name} --> names no tab of the schema.`);
      return `<!-- columns: ${name} -->\n${tabTable(spec)}\n<!-- /columns -->`;
    })
    .replace(SETTINGS_BLOCK, `<!-- settings -->\n${settingsTable()}\n<!-- /settings -->`);
}

/** Tabs of the schema with no marked table in the README. */
export function tabsWithoutTable(readme: string): string[] {
  const marked = new Set([...readme.matchAll(COLUMNS)].map(m => m[1]));
  // The archive has the Change log's columns, described with it.
  return SCHEMA.map(t => t.name).filter(n => !marked.has(n) && n !== TAB.changeLogArchive);
}
