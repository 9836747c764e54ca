/**
 * A paper as plain data: the layouts (pure functions of the workbook's rows) produce it, docx.ts
 * writes it as a Word file, and Drive converts that into a Google Doc in one upload. Keeping
 * the paper as data lets tests check structure and the public/full split without any Apps
 * Script service, and makes the number of service calls independent of the paper's length.
 */
export type HeadingLevel = 1 | 2 | 3;

export type Block =
  | {readonly kind: 'title'; readonly text: string}
  | {readonly kind: 'subtitle'; readonly text: string}
  | {readonly kind: 'heading'; readonly level: HeadingLevel; readonly text: string}
  | {
      readonly kind: 'paragraph';
      readonly text: string;
      readonly bold?: boolean;
      readonly italic?: boolean;
    }
  /** A table; `header` makes the first row a shaded, bold heading row; `emphasis` rows (e.g. section rows) are bold. */
  | {
      readonly kind: 'table';
      readonly rows: readonly (readonly string[])[];
      readonly header?: boolean;
      readonly emphasis?: readonly number[];
      readonly widths?: readonly number[];
    }
  /** A chart the Charts service draws (chart.ts); `caption` says what it shows in words. */
  | ChartBlock
  | {readonly kind: 'pageBreak'};

/**
 * A chart as data: categories (`labels`), one or more named series of values (null: none), and
 * colours, one per series (one per slice of a pie). The table after it gives the same figures.
 */
export interface ChartBlock {
  readonly kind: 'chart';
  readonly type: 'column' | 'bar' | 'line' | 'pie';
  readonly title: string;
  readonly xAxisTitle?: string;
  readonly yAxisTitle?: string;
  readonly labels: readonly string[];
  readonly series: readonly {readonly name: string; readonly values: readonly (number | null)[]}[];
  readonly colours?: readonly string[];
  /** Series stacked on each other (a column or bar chart). */
  readonly stacked?: boolean;
  readonly caption: string;
}

export type PaperKind =
  | 'Agenda'
  | 'Minutes'
  | 'Action log'
  | 'Report cover'
  | 'Forward plan'
  | 'Annual report'
  | 'Self-assessment';

export interface Paper {
  readonly kind: PaperKind;
  /** The Doc's name, e.g. "Adults Committee – Agenda – 8 October 2020 (public)". */
  readonly name: string;
  readonly blocks: readonly Block[];
  /** The one font of the paper (Settings "Paper font"); Arial when absent. */
  readonly font?: string;
  /** The running header on every page, e.g. "Adults Committee · Agenda · 8 October 2020". */
  readonly running?: string;
  /** Values a template may use ({{placeholders}}), when the officer names a template Doc. */
  readonly fields?: Readonly<Record<string, FieldValue>>;
}

/** A template field: a scalar, or rows for a {{#name}}…{{/name}} repeating table row. */
export type FieldValue =
  | string
  | number
  | boolean
  | Date
  | null
  | readonly Readonly<Record<string, string | number | boolean | Date | null>>[];

/** Every piece of text in a paper, in order: what a reader of the Doc would see. */
export function paperText(paper: Paper): string {
  const out: string[] = [];
  for (const b of paper.blocks) {
    if (b.kind === 'table') out.push(b.rows.map(r => r.join('\t')).join('\n'));
    else if (b.kind === 'chart') out.push(b.title, b.labels.join('\n'), b.caption);
    else if (b.kind !== 'pageBreak') out.push(b.text);
  }
  return out.join('\n');
}

export const h1 = (text: string): Block => ({kind: 'heading', level: 1, text});
export const h2 = (text: string): Block => ({kind: 'heading', level: 2, text});
export const h3 = (text: string): Block => ({kind: 'heading', level: 3, text});
export const para = (text: string, style: {bold?: boolean; italic?: boolean} = {}): Block => ({
  kind: 'paragraph',
  text,
  ...style,
});
export const table = (rows: readonly (readonly string[])[], header = true): Block => ({
  kind: 'table',
  rows,
  header,
});
