/**
 * RichTextValue and its builder (developers.google.com/apps-script/reference/spreadsheet/rich-text-value,
 * /rich-text-value-builder): a cell's text with links and text styles on parts of it. The
 * emulator keeps the text as the cell's value and the runs beside it (CellMeta.richText).
 */
import {API_CLASS, unwrap} from './expose';
import {TextStyle, type TextStyleSpec} from './text-style';

export interface RichRun {
  start: number;
  end: number;
  link?: string | null;
  style?: TextStyleSpec;
}

export class RichTextValue {
  readonly [API_CLASS] = 'RichTextValue';
  constructor(
    readonly _text: string,
    readonly _runs: RichRun[],
  ) {}
  getText(): string {
    return this._text;
  }
  /** The link of the whole text, or null when parts differ (rich-text-value#getlinkurl). */
  getLinkUrl(startOffset?: number, endOffset?: number): string | null {
    const s = startOffset ?? 0;
    const e = endOffset ?? this._text.length;
    const links = this._runs.filter(r => r.start < e && r.end > s).map(r => r.link ?? null);
    if (!links.length) return null;
    return links.every(l => l === links[0]) ? links[0] : null;
  }
  getTextStyle(startOffset?: number, endOffset?: number): TextStyle {
    const s = startOffset ?? 0;
    const e = endOffset ?? this._text.length;
    const run = this._runs.find(r => r.start <= s && r.end >= e);
    return new TextStyle({...(run?.style ?? {})});
  }
  getStartIndex(): number {
    return 0;
  }
  getEndIndex(): number {
    return this._text.length;
  }
  /** The runs of equal link and style, each as a RichTextValue of its own text. */
  getRuns(): RichTextValue[] {
    return this._runs.map(
      r =>
        new RichTextValue(this._text.slice(r.start, r.end), [
          {...r, start: 0, end: r.end - r.start},
        ]),
    );
  }
  copy(): RichTextValueBuilder {
    return new RichTextValueBuilder(
      this._text,
      this._runs.map(r => ({...r})),
    );
  }
  toString(): string {
    return 'RichTextValue';
  }
}

export class RichTextValueBuilder {
  readonly [API_CLASS] = 'RichTextValueBuilder';
  constructor(
    private text = '',
    private runs: RichRun[] = [],
  ) {}
  setText(text: string): this {
    this.text = String(text);
    this.runs = [{start: 0, end: this.text.length}];
    return this;
  }
  /** setLinkUrl(url) for the whole text, or setLinkUrl(start, end, url) for a part. */
  setLinkUrl(a: unknown, b?: unknown, c?: unknown): this {
    if (typeof a === 'number')
      return this.apply(a, Number(b), {link: c === null ? null : String(c)});
    return this.apply(0, this.text.length, {link: a === null ? null : String(a)});
  }
  setTextStyle(a: unknown, b?: unknown, c?: unknown): this {
    const [start, end, style] =
      typeof a === 'number' ? [a, Number(b), c] : [0, this.text.length, a];
    const spec = (unwrap(style) as TextStyle)?._spec ?? {};
    return this.apply(start, end, {style: spec});
  }
  /** Splits the runs at start and end and sets `part` on those between. */
  private apply(start: number, end: number, part: Partial<RichRun>): this {
    if (!this.runs.length) this.runs = [{start: 0, end: this.text.length}];
    const out: RichRun[] = [];
    for (const r of this.runs) {
      const cuts = [
        r.start,
        Math.max(r.start, Math.min(start, r.end)),
        Math.max(r.start, Math.min(end, r.end)),
        r.end,
      ];
      for (let i = 0; i < 3; i++) {
        if (cuts[i] >= cuts[i + 1]) continue;
        const inside = i === 1;
        out.push({
          ...r,
          start: cuts[i],
          end: cuts[i + 1],
          ...(inside && part.link !== undefined ? {link: part.link} : {}),
          ...(inside && part.style ? {style: {...(r.style ?? {}), ...part.style}} : {}),
        });
      }
    }
    this.runs = out;
    return this;
  }
  build(): RichTextValue {
    return new RichTextValue(
      this.text,
      this.runs.length ? this.runs : [{start: 0, end: this.text.length}],
    );
  }
}
