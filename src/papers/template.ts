/**
 * The template language officers use in their own Docs (pure: no Apps Script calls).
 *
 *   {{group_name}}                      a field
 *   {{meeting_date|d MMMM yyyy}}        a date in a Utilities.formatDate pattern
 *   {{annual_value|£}}                  money: £1,234 (pence shown only when there are any)
 *   {{#items}} … {{/items}}             inside ONE table row: the row is repeated per item,
 *                                       and {{title}} etc. inside it are the item's fields
 *   {{#if has_exempt}} … {{/if}}        kept only when the field is true / non-empty;
 *   {{#if not is_public}} … {{/if}}     paragraphs in a false block are removed entirely, so
 *                                       no blank lines remain
 *
 * A template is a list of units (a paragraph's text, or a table's cell texts), as read from
 * the Doc. checkTemplate lists every problem before anything is generated.
 */
import {FieldValue} from './model';
import {DateText} from './dates';

export type Unit =
  | {readonly kind: 'para'; readonly text: string}
  | {readonly kind: 'table'; readonly rows: readonly (readonly string[])[]};

export type Token =
  | {readonly t: 'text'; readonly s: string}
  | {readonly t: 'field'; readonly name: string; readonly format?: string; readonly raw: string}
  | {readonly t: 'if'; readonly name: string; readonly negate: boolean; readonly raw: string}
  | {readonly t: 'endif'; readonly raw: string}
  | {readonly t: 'open'; readonly name: string; readonly raw: string}
  | {readonly t: 'close'; readonly name: string; readonly raw: string};

const TAG = /\{\{\s*([^{}]*?)\s*\}\}/g;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(TAG)) {
    if (m.index! > last) out.push({t: 'text', s: text.slice(last, m.index)});
    last = m.index! + m[0].length;
    const body = m[1];
    const raw = m[0];
    let k: RegExpMatchArray | null;
    if ((k = body.match(/^#if\s+(not\s+)?([A-Za-z_][\w.]*)$/)))
      out.push({t: 'if', name: k[2], negate: !!k[1], raw});
    else if (/^\/if$/.test(body)) out.push({t: 'endif', raw});
    else if ((k = body.match(/^#([A-Za-z_]\w*)$/))) out.push({t: 'open', name: k[1], raw});
    else if ((k = body.match(/^\/([A-Za-z_]\w*)$/))) out.push({t: 'close', name: k[1], raw});
    else {
      const bar = body.indexOf('|');
      const name = (bar < 0 ? body : body.slice(0, bar)).trim();
      const format = bar < 0 ? undefined : body.slice(bar + 1).trim();
      out.push({t: 'field', name, format, raw});
    }
  }
  if (last < text.length) out.push({t: 'text', s: text.slice(last)});
  return out;
}

/** The fields a paper offers: names of scalars, and for each row list the names of its columns. */
export interface FieldSchema {
  readonly scalars: ReadonlySet<string>;
  readonly lists: ReadonlyMap<string, ReadonlySet<string>>;
}

export function schemaOf(fields: Readonly<Record<string, FieldValue>>): FieldSchema {
  const scalars = new Set<string>();
  const lists = new Map<string, Set<string>>();
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) {
      const cols = new Set<string>();
      for (const r of v as readonly Record<string, unknown>[])
        for (const c of Object.keys(r)) cols.add(c);
      lists.set(k, cols);
    } else scalars.add(k);
  }
  return {scalars, lists};
}

/** Where a problem is, in words an officer can find: "paragraph 3", "table 1, row 2". */
function where(u: number, unit: Unit, row?: number): string {
  return unit.kind === 'para'
    ? `paragraph ${u + 1}`
    : `table ${u + 1}${row === undefined ? '' : `, row ${row + 1}`}`;
}

const ROW_SEP = '\u0001';

/**
 * Every unknown placeholder, unknown format, unbalanced or misplaced block. An empty list
 * means the template can be generated.
 */
export function checkTemplate(units: readonly Unit[], schema: FieldSchema): string[] {
  const problems: string[] = [];
  const ifStack: {raw: string; at: string}[] = [];
  const allNames = (n: string) => schema.scalars.has(n) || schema.lists.has(n);
  const checkField = (tok: Extract<Token, {t: 'field'}>, at: string, rowList?: string) => {
    const cols = rowList ? schema.lists.get(rowList) : undefined;
    if (!tok.name) problems.push(`${at}: an empty placeholder ${tok.raw}.`);
    else if (!(cols?.has(tok.name) || schema.scalars.has(tok.name))) {
      const known = [...(cols ?? []), ...schema.scalars].sort().join(', ');
      problems.push(
        `${at}: unknown placeholder ${tok.raw}${rowList ? ` inside {{#${rowList}}}` : ''}. Known names: ${known}.`,
      );
    } else if (tok.format && tok.format !== '£' && !/^[dMyEHhmsa ,./:'-]+$/.test(tok.format)) {
      problems.push(
        `${at}: unknown format "${tok.format}" in ${tok.raw}; use a date pattern such as d MMMM yyyy, or £.`,
      );
    }
  };
  units.forEach((unit, u) => {
    const lines = unit.kind === 'para' ? [[unit.text]] : unit.rows;
    lines.forEach((cells, r) => {
      const at = where(u, unit, unit.kind === 'table' ? r : undefined);
      const tokens = tokenize(cells.join(ROW_SEP));
      let rowList: string | undefined;
      for (const tok of tokens) {
        if (tok.t === 'if') {
          if (!allNames(tok.name))
            problems.push(`${at}: ${tok.raw} tests an unknown name "${tok.name}".`);
          ifStack.push({raw: tok.raw, at});
        } else if (tok.t === 'endif') {
          if (!ifStack.pop()) problems.push(`${at}: {{/if}} without a matching {{#if …}}.`);
        } else if (tok.t === 'open') {
          if (unit.kind !== 'table')
            problems.push(
              `${at}: ${tok.raw} repeats a table row, so it must sit in a table row (with {{/${tok.name}}} in the same row).`,
            );
          else if (!schema.lists.has(tok.name))
            problems.push(
              `${at}: ${tok.raw} names no list. Lists: ${[...schema.lists.keys()].join(', ') || 'none'}.`,
            );
          if (rowList) problems.push(`${at}: ${tok.raw} inside {{#${rowList}}}: one list per row.`);
          rowList = tok.name;
        } else if (tok.t === 'close') {
          if (rowList !== tok.name)
            problems.push(`${at}: ${tok.raw} without a matching {{#${tok.name}}} in the same row.`);
          rowList = undefined;
        } else if (tok.t === 'field') checkField(tok, at, rowList);
      }
      if (rowList)
        problems.push(`${at}: {{#${rowList}}} is not closed with {{/${rowList}}} in the same row.`);
    });
  });
  for (const open of ifStack) problems.push(`${open.at}: ${open.raw} is not closed with {{/if}}.`);
  return problems;
}

export function truthy(v: FieldValue | undefined): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return !(v === null || v === undefined || v === false || v === '' || v === 0);
}

/** £1,234 or £1,234.50; negative as −£1,234. */
export function money(n: number): string {
  const abs = Math.abs(n);
  const pence = Math.round(abs * 100) % 100 !== 0;
  const s = abs.toLocaleString('en-GB', {
    minimumFractionDigits: pence ? 2 : 0,
    maximumFractionDigits: pence ? 2 : 0,
  });
  return `${n < 0 ? '−' : ''}£${s}`;
}

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function formatValue(
  v: FieldValue | undefined,
  format: string | undefined,
  dates: DateText,
): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return String(v.length);
  if (isDateValue(v)) return dates(v, format && format !== '£' ? format : 'd MMMM yyyy');
  if (format === '£')
    return typeof v === 'number'
      ? money(v)
      : Number.isFinite(Number(v)) && String(v).trim() !== ''
        ? money(Number(v))
        : String(v);
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v);
}

/** Fills the fields of one piece of text (no blocks): used per paragraph, cell and repeated row. */
export function fillText(
  text: string,
  fields: Readonly<Record<string, FieldValue>>,
  dates: DateText,
): string {
  return tokenize(text)
    .map(tok =>
      tok.t === 'text'
        ? tok.s
        : tok.t === 'field'
          ? formatValue(fields[tok.name], tok.format, dates)
          : '',
    )
    .join('');
}

/**
 * Renders checked units: paragraphs inside false {{#if}} blocks are dropped (a paragraph that
 * held only markers is dropped too), rows with {{#list}} are repeated per record.
 */
export function renderUnits(
  units: readonly Unit[],
  fields: Readonly<Record<string, FieldValue>>,
  dates: DateText,
): Unit[] {
  const out: Unit[] = [];
  const keep: boolean[] = [];
  const on = () => keep.every(Boolean);
  for (const unit of units) {
    if (unit.kind === 'para') {
      let text = '';
      let sawMarker = false;
      let shown = on();
      for (const tok of tokenize(unit.text)) {
        if (tok.t === 'if') {
          sawMarker = true;
          keep.push(truthy(fields[tok.name]) !== tok.negate);
        } else if (tok.t === 'endif') {
          sawMarker = true;
          keep.pop();
        } else if (on()) {
          text +=
            tok.t === 'text'
              ? tok.s
              : tok.t === 'field'
                ? formatValue(fields[tok.name], tok.format, dates)
                : '';
          shown = true;
        }
      }
      if (sawMarker && !text.trim()) continue; // a marker-only paragraph leaves no blank line
      if (shown) out.push({kind: 'para', text});
      continue;
    }
    if (!on()) continue;
    const rows: string[][] = [];
    for (const row of unit.rows) {
      const open = tokenize(row.join(ROW_SEP)).find(t => t.t === 'open') as
        Extract<Token, {t: 'open'}> | undefined;
      if (!open) {
        rows.push(row.map(c => fillText(c, fields, dates)));
        continue;
      }
      const list = (fields[open.name] ?? []) as readonly Record<string, FieldValue>[];
      for (const rec of list) {
        const scope = {...fields, ...rec};
        rows.push(
          row.map(c => fillText(c.replace(/\{\{\s*[#/][A-Za-z_]\w*\s*\}\}/g, ''), scope, dates)),
        );
      }
    }
    out.push({kind: 'table', rows});
  }
  return out;
}
