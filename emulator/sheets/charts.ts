/**
 * Embedded charts kept as specifications (type, ranges, position, options): enough for a
 * script to build, read back, modify and remove charts, and for the xlsx file to keep them.
 * getAs('image/png') draws one from its ranges' computed values with the renderer the Charts
 * service uses (charts/render.ts), so a colour option means the same in both.
 * Reference: developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 */
import {rectToAbsolute} from './a1';
import type {Book} from './book';
import {readComputed} from './cells';
import {Blob} from '../drive/blob';
import {API_CLASS, unwrap} from './expose';
import type {ChartSpec, JsonValue, SheetModel} from './model';
import type {Range} from './range';

export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;

class ChartOptions {
  readonly [API_CLASS] = 'ChartOptions';
  constructor(private readonly options: Record<string, JsonValue>) {}
  get(option: string): unknown {
    return this.options[option] ?? null;
  }
  getOrDefault(option: string): unknown {
    return this.options[option] ?? null;
  }
}

class ContainerInfo {
  readonly [API_CLASS] = 'ContainerInfo';
  constructor(private readonly p: ChartSpec['position']) {}
  getAnchorRow(): number {
    return this.p.row;
  }
  getAnchorColumn(): number {
    return this.p.col;
  }
  getOffsetX(): number {
    return this.p.offsetX;
  }
  getOffsetY(): number {
    return this.p.offsetY;
  }
}

export class EmbeddedChart {
  readonly [API_CLASS] = 'EmbeddedChart';
  constructor(
    private readonly book: Book,
    private readonly sheet: SheetModel,
    readonly _spec: ChartSpec,
  ) {}
  getChartId(): number | null {
    return this.sheet.charts.includes(this._spec) ? this._spec.chartId : null;
  }
  getId(): string {
    return `u${this._spec.chartId}`;
  }
  getType(): string {
    return this._spec.type;
  }
  getRanges(): unknown[] {
    return this._spec.ranges.map(a1 => this.book.rangeFromA1(a1, this.sheet));
  }
  getOptions(): ChartOptions {
    return new ChartOptions(this._spec.options);
  }
  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this._spec.position);
  }
  getNumHeaders(): number {
    return this._spec.numHeaders ?? -1;
  }
  getTransposeRowsAndColumns(): boolean {
    return this._spec.transposeRowsAndColumns ?? false;
  }
  getBlob(): Blob {
    return this.getAs('image/png');
  }
  /** The chart as a PNG (reference/spreadsheet/embedded-chart#getAs(String)); other types are not emulated. */
  getAs(contentType: string): Blob {
    const type = String(contentType);
    if (type !== 'image/png') {
      if (['image/bmp', 'image/gif', 'image/jpeg', 'application/pdf'].includes(type))
        throw new Error(`not yet emulated: EmbeddedChart.getAs('${type}') (PNG only)`);
      throw new Error(`Exception: Converting from image/png to ${type} is not supported.`);
    }
    // The renderer (pureimage) loads when a chart is first drawn.
    const {chartDataFromRanges, renderChartPng} =
      require('../charts/render') as typeof import('../charts/render');
    const data = chartDataFromRanges(this._spec, a1 => {
      const {sheet, rect} = this.book.resolveA1(a1, this.sheet);
      return readComputed(this.book.model, sheet, rect).values;
    });
    return new Blob(new Uint8Array(renderChartPng(this._spec, data)), 'image/png', null);
  }
  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this.book, this.sheet, structuredClone(this._spec));
  }
}

export class EmbeddedChartBuilder {
  readonly [API_CLASS] = 'EmbeddedChartBuilder';
  constructor(
    private readonly book: Book,
    private readonly sheet: SheetModel,
    private readonly spec: ChartSpec,
  ) {}
  private typed(type: string): this {
    this.spec.type = type;
    return this;
  }
  setChartType(type: string): this {
    return this.typed(String(type));
  }
  getChartType(): string {
    return this.spec.type;
  }
  asAreaChart(): this {
    return this.typed('AREA');
  }
  asBarChart(): this {
    return this.typed('BAR');
  }
  asColumnChart(): this {
    return this.typed('COLUMN');
  }
  asComboChart(): this {
    return this.typed('COMBO');
  }
  asLineChart(): this {
    return this.typed('LINE');
  }
  asPieChart(): this {
    return this.typed('PIE');
  }
  asScatterChart(): this {
    return this.typed('SCATTER');
  }
  asTableChart(): this {
    return this.typed('TABLE');
  }
  addRange(range: unknown): this {
    const r = unwrap(range) as Range;
    this.spec.ranges.push(rectToAbsolute(r._sheet.name, r._rect));
    return this;
  }
  removeRange(range: unknown): this {
    const r = unwrap(range) as Range;
    const a1 = rectToAbsolute(r._sheet.name, r._rect);
    this.spec.ranges = this.spec.ranges.filter(x => x !== a1);
    return this;
  }
  clearRanges(): this {
    this.spec.ranges = [];
    return this;
  }
  getRanges(): unknown[] {
    return this.spec.ranges.map(a1 => this.book.rangeFromA1(a1, this.sheet));
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.spec.position = {row: anchorRowPos, col: anchorColPos, offsetX, offsetY};
    return this;
  }
  getContainer(): ContainerInfo {
    return new ContainerInfo(this.spec.position);
  }
  setOption(option: string, value: unknown): this {
    this.spec.options[String(option)] = structuredClone(value) as JsonValue;
    return this;
  }
  setTitle(title: string): this {
    return this.setOption('title', String(title));
  }
  setLegendPosition(position: unknown): this {
    return this.setOption('legend.position', String(position));
  }
  setXAxisTitle(title: string): this {
    return this.setOption('hAxis.title', String(title));
  }
  setYAxisTitle(title: string): this {
    return this.setOption('vAxis.title', String(title));
  }
  setColors(colors: string[]): this {
    return this.setOption('colors', colors.map(String));
  }
  setStacked(): this {
    return this.setOption('isStacked', true);
  }
  setMergeStrategy(s: unknown): this {
    this.spec.mergeStrategy = String(s);
    return this;
  }
  setHiddenDimensionStrategy(s: unknown): this {
    this.spec.hiddenDimensionStrategy = String(s);
    return this;
  }
  setNumHeaders(n: number): this {
    this.spec.numHeaders = n;
    return this;
  }
  setTransposeRowsAndColumns(t: boolean): this {
    this.spec.transposeRowsAndColumns = !!t;
    return this;
  }
  build(): EmbeddedChart {
    return new EmbeddedChart(this.book, this.sheet, structuredClone(this.spec));
  }
}

export function newChartSpec(book: Book): ChartSpec {
  return {
    chartId: book.model.nextObjectId++,
    type: 'LINE',
    ranges: [],
    position: {row: 1, col: 1, offsetX: 0, offsetY: 0},
    options: {},
  };
}
