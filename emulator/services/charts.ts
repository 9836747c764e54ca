/**
 * The Charts service (developers.google.com/apps-script/reference/charts/charts): data tables,
 * builders for column, bar, line and pie charts, text styles and the service's enums. A built
 * Chart draws through the emulator's one chart renderer (charts/render.ts, also used for the
 * Sheets' embedded charts), so Chart.getAs('image/png') gives a real picture with the title,
 * axis titles, category labels, values, legend and the colours the script set.
 *
 * Not emulated (each fails naming the method): area, scatter and table charts, data views and
 * data source URLs (they need Google's servers), log scales, 3D pies, curve and point styles,
 * reversed bar direction, and getAs to anything but PNG.
 */
import type {ServiceContext} from '../context';
import {Blob} from '../drive/blob';
import type {ChartTable} from '../charts/render';
import {gasEnum, type EnumValue} from './base';
import {missingMethod, printedName} from './not-emulated';
import {javaType} from './utilities';

export const ChartType = gasEnum([
  'TIMELINE',
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TREEMAP',
  'WATERFALL',
]);
export const ColumnType = gasEnum(['DATE', 'NUMBER', 'STRING']);
export const Position = gasEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE']);
export const CurveStyle = gasEnum(['NORMAL', 'SMOOTH']);
export const PointStyle = gasEnum(['NONE', 'TINY', 'MEDIUM', 'LARGE', 'HUGE']);
export const ChartHiddenDimensionStrategy = gasEnum([
  'IGNORE_BOTH',
  'IGNORE_ROWS',
  'IGNORE_COLUMNS',
  'SHOW_BOTH',
]);
export const ChartMergeStrategy = gasEnum(['MERGE_COLUMNS', 'MERGE_ROWS']);

const CLS = Symbol('chartsClass');
const TARGET = Symbol('chartsTarget');

/** Apps Script's refusal of a call whose arguments fit no overload. */
function mismatch(args: unknown[], method: string): Error {
  return new Error(
    `The parameters (${args.map(javaType).join(',')}) don't match the method signature for Charts.${method}.`,
  );
}

const isEnumOf = (en: Readonly<Record<string, EnumValue>>, v: unknown) =>
  Object.values(en).includes(v as EnumValue);

/** A String parameter: numbers and booleans convert (as Apps Script converts them), objects do not. */
function str(args: unknown[], i: number, method: string): string {
  const v = args[i];
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw mismatch(args, method);
}

function num(args: unknown[], i: number, method: string): number {
  const v = args[i];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  throw mismatch(args, method);
}

class TextStyle {
  readonly [CLS] = 'TextStyle';
  constructor(readonly _style: {color: string; fontName: string; fontSize: number}) {}
  getColor(): string {
    return this._style.color;
  }
  getFontName(): string {
    return this._style.fontName;
  }
  getFontSize(): number {
    return this._style.fontSize;
  }
}

class TextStyleBuilder {
  readonly [CLS] = 'TextStyleBuilder';
  private style = {color: '#000000', fontName: 'Arial', fontSize: 12};
  setColor(...a: unknown[]): this {
    this.style.color = str(a, 0, 'TextStyleBuilder.setColor');
    return this;
  }
  setFontName(...a: unknown[]): this {
    this.style.fontName = str(a, 0, 'TextStyleBuilder.setFontName');
    return this;
  }
  setFontSize(...a: unknown[]): this {
    this.style.fontSize = num(a, 0, 'TextStyleBuilder.setFontSize');
    return this;
  }
  build(): TextStyle {
    return new TextStyle({...this.style});
  }
}

type Cell = string | number | Date | null;

export class DataTable {
  readonly [CLS] = 'DataTable';
  constructor(
    readonly _columns: readonly {type: string; label: string}[],
    readonly _rows: readonly Cell[][],
  ) {}
  /** The table as the renderer takes it: first column the categories, the others the series. */
  _asChartTable(): ChartTable {
    const label = (v: Cell) =>
      v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? '' : String(v);
    return {
      labels: this._rows.map(r => label(r[0] ?? null)),
      series: this._columns.slice(1).map((c, k) => ({
        name: c.label,
        values: this._rows.map(r => {
          const v = r[k + 1];
          return typeof v === 'number' ? v : null;
        }),
      })),
    };
  }
}

/** Builds a DataTable (reference/charts/data-table-builder): columns first, then rows. */
export class DataTableBuilder {
  readonly [CLS] = 'DataTableBuilder';
  private columns: {type: string; label: string}[] = [];
  private rows: Cell[][] = [];
  addColumn(...a: unknown[]): this {
    if (a.length !== 2 || !isEnumOf(ColumnType, a[0]) || typeof a[1] !== 'string')
      throw mismatch(a, 'DataTableBuilder.addColumn');
    this.columns.push({type: String(a[0]), label: a[1]});
    return this;
  }
  addRow(...a: unknown[]): this {
    if (a.length !== 1 || !Array.isArray(a[0])) throw mismatch(a, 'DataTableBuilder.addRow');
    this.rows.push([...(a[0] as Cell[])]);
    return this;
  }
  /** "You can set values before the column is added … the value is ignored unless the column is added" (reference). */
  setValue(...a: unknown[]): this {
    const row = num(a, 0, 'DataTableBuilder.setValue');
    const col = num(a, 1, 'DataTableBuilder.setValue');
    while (this.rows.length <= row) this.rows.push([]);
    this.rows[row][col] = (a[2] ?? null) as Cell;
    return this;
  }
  /** "Throws Error if the data table is empty or otherwise malformed" (reference); Google's wording is not documented. */
  build(): DataTable {
    if (!this.columns.length) throw new Error('Exception: The data table has no columns.');
    const rows = this.rows.map((r, i) =>
      this.columns.map((c, k) => {
        const v = r[k] ?? null;
        const fits =
          v === null ||
          (c.type === 'NUMBER' && typeof v === 'number') ||
          (c.type === 'STRING' && typeof v === 'string') ||
          (c.type === 'DATE' && v instanceof Date);
        if (!fits)
          throw new Error(
            `Exception: Row ${i + 1}, column ${k + 1} ("${c.label}") holds ${JSON.stringify(v)}, which is not of the column's type ${c.type}.`,
          );
        return v;
      }),
    );
    return new DataTable(
      this.columns.map(c => ({...c})),
      rows,
    );
  }
}

class ChartOptions {
  readonly [CLS] = 'ChartOptions';
  constructor(private readonly options: Record<string, unknown>) {}
  get(...a: unknown[]): unknown {
    const v = this.options[str(a, 0, 'ChartOptions.get')];
    return v === undefined ? null : structuredClone(v);
  }
}

export class Chart {
  readonly [CLS] = 'Chart';
  constructor(
    readonly _type: string,
    readonly _options: Readonly<Record<string, unknown>>,
    readonly _table: DataTable,
  ) {}
  getBlob(): Blob {
    return this.getAs('image/png');
  }
  /** PNG from the renderer; other image types and PDF are not emulated (reference/charts/chart#getAs). */
  getAs(...a: unknown[]): Blob {
    const type = str(a, 0, 'Chart.getAs');
    if (type === 'image/png') {
      // The renderer (pureimage) loads when a chart is first drawn.
      const png = (require('../charts/render') as typeof import('../charts/render')).renderChartPng(
        {type: this._type, options: {...this._options}},
        this._table._asChartTable(),
      );
      return new Blob(new Uint8Array(png), 'image/png', null);
    }
    if (['image/bmp', 'image/gif', 'image/jpeg', 'application/pdf'].includes(type))
      throw new Error(`not yet emulated: Chart.getAs('${type}') (the emulator draws PNG only)`);
    throw new Error(`Exception: Converting from image/png to ${type} is not supported.`);
  }
  getOptions(): ChartOptions {
    return new ChartOptions({...this._options});
  }
}

/**
 * The builders of column, bar, line and pie charts share their setters (as in the reference);
 * each class offers only the methods its Apps Script class has (the rest are the missing-method
 * stubs of not-emulated.ts). Options are kept under Google Charts' names, as
 * EmbeddedChartBuilder keeps them, so the renderer reads both alike.
 */
abstract class ChartBuilder {
  abstract readonly [CLS]: string;
  private options: Record<string, unknown> = {};
  private table: DataTable | null = null;
  constructor(private readonly type: string) {}
  protected name(method: string): string {
    return `${this[CLS]}.${method}`;
  }
  protected set(key: string, value: unknown): this {
    this.options[key] = value;
    return this;
  }
  protected style(a: unknown[], method: string, key: string): this {
    const s = a[0] instanceof TextStyle ? a[0] : null;
    if (a.length !== 1 || !s) throw mismatch(a, this.name(method));
    return this.set(key, {...s._style});
  }
  build(): Chart {
    if (!this.table)
      throw new Error(
        `Exception: The chart has no data. Give it a data table with setDataTable before ${this.name('build')}.`,
      );
    return new Chart(this.type, structuredClone(this.options), this.table);
  }
  setDataTable(...a: unknown[]): this {
    const t = a[0];
    if (a.length === 1 && t instanceof DataTableBuilder) this.table = t.build();
    else if (a.length === 1 && t instanceof DataTable) this.table = t;
    else if (
      a.length === 1 &&
      t &&
      typeof (t as {getDataTable?: unknown}).getDataTable === 'function'
    ) {
      const got = unwrapCharts((t as {getDataTable: () => unknown}).getDataTable());
      if (!(got instanceof DataTable)) throw mismatch(a, this.name('setDataTable'));
      this.table = got;
    } else throw mismatch(a, this.name('setDataTable'));
    return this;
  }
  setTitle(...a: unknown[]): this {
    return this.set('title', str(a, 0, this.name('setTitle')));
  }
  setTitleTextStyle(...a: unknown[]): this {
    return this.style(a, 'setTitleTextStyle', 'titleTextStyle');
  }
  setColors(...a: unknown[]): this {
    const c = a[0];
    if (a.length !== 1 || !Array.isArray(c) || c.some(x => typeof x !== 'string'))
      throw mismatch(a, this.name('setColors'));
    return this.set('colors', [...c]);
  }
  setBackgroundColor(...a: unknown[]): this {
    return this.set('backgroundColor', str(a, 0, this.name('setBackgroundColor')));
  }
  setDimensions(...a: unknown[]): this {
    const w = num(a, 0, this.name('setDimensions'));
    const h = num(a, 1, this.name('setDimensions'));
    this.set('width', Math.round(w));
    return this.set('height', Math.round(h));
  }
  setLegendPosition(...a: unknown[]): this {
    if (a.length !== 1 || !isEnumOf(Position, a[0]))
      throw mismatch(a, this.name('setLegendPosition'));
    return this.set('legend.position', String(a[0]).toLowerCase());
  }
  setLegendTextStyle(...a: unknown[]): this {
    return this.style(a, 'setLegendTextStyle', 'legend.textStyle');
  }
  setOption(...a: unknown[]): this {
    if (a.length !== 2) throw mismatch(a, this.name('setOption'));
    return this.set(str(a, 0, this.name('setOption')), structuredClone(a[1]));
  }
  reverseCategories(): this {
    return this.set('reverseCategories', true);
  }
}

/** Setters of the charts with axes (column, bar, line). */
abstract class AxisChartBuilder extends ChartBuilder {
  setXAxisTitle(...a: unknown[]): this {
    return this.set('hAxis.title', str(a, 0, this.name('setXAxisTitle')));
  }
  setYAxisTitle(...a: unknown[]): this {
    return this.set('vAxis.title', str(a, 0, this.name('setYAxisTitle')));
  }
  setXAxisTitleTextStyle(...a: unknown[]): this {
    return this.style(a, 'setXAxisTitleTextStyle', 'hAxis.titleTextStyle');
  }
  setYAxisTitleTextStyle(...a: unknown[]): this {
    return this.style(a, 'setYAxisTitleTextStyle', 'vAxis.titleTextStyle');
  }
  setXAxisTextStyle(...a: unknown[]): this {
    return this.style(a, 'setXAxisTextStyle', 'hAxis.textStyle');
  }
  setYAxisTextStyle(...a: unknown[]): this {
    return this.style(a, 'setYAxisTextStyle', 'vAxis.textStyle');
  }
  /** The value axis runs from start to end (vAxis.viewWindow; hAxis on a bar chart). */
  setRange(...a: unknown[]): this {
    const min = num(a, 0, this.name('setRange'));
    const max = num(a, 1, this.name('setRange'));
    return this.set('vAxis.viewWindow', {min, max});
  }
}

class ColumnChartBuilder extends AxisChartBuilder {
  readonly [CLS] = 'ColumnChartBuilder';
  constructor() {
    super('COLUMN');
  }
  setStacked(): this {
    return this.set('isStacked', true);
  }
}

class BarChartBuilder extends AxisChartBuilder {
  readonly [CLS] = 'BarChartBuilder';
  constructor() {
    super('BAR');
  }
  setStacked(): this {
    return this.set('isStacked', true);
  }
}

class LineChartBuilder extends AxisChartBuilder {
  readonly [CLS] = 'LineChartBuilder';
  constructor() {
    super('LINE');
  }
}

class PieChartBuilder extends ChartBuilder {
  readonly [CLS] = 'PieChartBuilder';
  constructor() {
    super('PIE');
  }
}

/** The emulator's own object behind a Charts proxy. */
function unwrapCharts(v: unknown): unknown {
  return v && typeof v === 'object' && (v as Record<symbol, unknown>)[TARGET]
    ? (v as Record<symbol, unknown>)[TARGET]
    : v;
}

/** Hands an object to the script: calls counted as "Class.method", missing methods named. */
function wrap<T extends object>(ctx: ServiceContext, obj: T, cls: string): T {
  const cache = new Map<PropertyKey, unknown>();
  const proxy: T = new Proxy(obj, {
    get(t, prop) {
      if (prop === TARGET) return t;
      const v = Reflect.get(t, prop, t);
      if (typeof prop !== 'string') return v;
      if (prop.startsWith('_')) return undefined;
      if (v === undefined) return missingMethod(cls, prop, 'Charts');
      if (prop === 'toString' && v === Object.prototype.toString) return printedName(cls);
      if (typeof v !== 'function' || prop === 'constructor') return v;
      let m = cache.get(prop);
      if (!m) {
        m = (...args: unknown[]) => {
          ctx.stats.count(`${cls}.${prop}`);
          const out = (v as (...x: unknown[]) => unknown).apply(t, args.map(unwrapCharts));
          if (out === t) return proxy;
          if (out && typeof out === 'object' && CLS in out)
            return wrap(ctx, out, (out as Record<symbol, string>)[CLS]);
          return out;
        };
        cache.set(prop, m);
      }
      return m;
    },
    has(t, prop) {
      return typeof prop === 'string' && prop.startsWith('_') ? false : Reflect.has(t, prop);
    },
  });
  return proxy;
}

/** The global Charts for one run. */
export function createCharts(ctx: ServiceContext) {
  return wrap(
    ctx,
    {
      [CLS]: 'Charts',
      ChartType,
      ColumnType,
      Position,
      CurveStyle,
      PointStyle,
      ChartHiddenDimensionStrategy,
      ChartMergeStrategy,
      newDataTable: () => new DataTableBuilder(),
      newColumnChart: () => new ColumnChartBuilder(),
      newBarChart: () => new BarChartBuilder(),
      newLineChart: () => new LineChartBuilder(),
      newPieChart: () => new PieChartBuilder(),
      newTextStyle: () => new TextStyleBuilder(),
    },
    'Charts',
  );
}
