/**
 * Draws a chart as a PNG: the Sheets emulator's embedded charts (type, ranges, options) for the
 * saved xlsx and the rendered Dashboard, and the Charts service's charts (services/charts.ts,
 * Chart.getAs('image/png')) for papers. One renderer, so one option means the same on both:
 * `title`, `hAxis.title`, `vAxis.title`, `colors` (one per series; one per slice of a pie, as in
 * Google Charts), `isStacked`, `legend.position` (right by default, as Google's; 'none' hides
 * it), `vAxis.viewWindow` (min/max), `reverseCategories`, `backgroundColor`, `width`, `height`,
 * and the colour and size of text styles (`titleTextStyle`, `legend.textStyle`, `hAxis.textStyle`,
 * `hAxis.titleTextStyle` and the vAxis ones; one font whatever `fontName` says).
 * Column, bar (horizontal), line and pie charts; pies print each slice's percentage on it (Google's
 * default pieSliceText). Text uses a TrueType font found on the machine (DejaVu or Liberation
 * Sans); without one the chart is drawn without text.
 *
 * Pixels by pureimage (MIT, canvas-like API in plain JavaScript); PNG encoded here with zlib.
 */
import {existsSync} from 'node:fs';
import {deflateSync} from 'node:zlib';
import * as PImage from 'pureimage';

export interface ChartSpecLike {
  type: string;
  ranges?: string[];
  options: Record<string, unknown>;
}

/** One series over category labels (what an embedded chart's ranges give). */
export interface ChartData {
  labels: string[];
  values: number[];
}

/** Several named series over category labels (a Charts DataTable); null is a gap. */
export interface ChartTable {
  labels: string[];
  series: {name: string; values: (number | null)[]}[];
}

const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];
const FONT = 'ChartSans';
let fontState: 'unknown' | 'loaded' | 'none' = 'unknown';

function loadFont(): boolean {
  if (fontState === 'unknown') {
    const file = FONT_FILES.find(f => existsSync(f));
    if (file) {
      PImage.registerFont(file, FONT).loadSync();
      fontState = 'loaded';
    } else fontState = 'none';
  }
  return fontState === 'loaded';
}

/** Google Charts' default series colours, in order. */
export const PALETTE = [
  '#3366cc',
  '#dc3912',
  '#ff9900',
  '#109618',
  '#990099',
  '#0099c6',
  '#dd4477',
];

/**
 * The labels and values of a chart from its ranges, given the computed cells of each range.
 * Two ranges: first = labels, second = values; one range of two columns: labels then values.
 * The first row is the header. Rows without a label or a numeric value are left out. Pure.
 */
export function chartDataFromRanges(
  spec: ChartSpecLike,
  read: (a1: string) => unknown[][],
): ChartData {
  const ranges = spec.ranges ?? [];
  let labels: unknown[] = [];
  let values: unknown[] = [];
  if (ranges.length >= 2) {
    labels = read(ranges[0]).map(r => r[0]);
    values = read(ranges[1]).map(r => r[0]);
  } else if (ranges.length === 1) {
    const g = read(ranges[0]);
    labels = g.map(r => r[0]);
    values = g.map(r => r[1]);
  }
  const out: ChartData = {labels: [], values: []};
  for (let i = 1; i < Math.min(labels.length, values.length); i++) {
    const l = labels[i];
    const v = values[i];
    if (l === '' || l === null || l === undefined || typeof v !== 'number' || !Number.isFinite(v))
      continue;
    out.labels.push(String(l));
    out.values.push(v);
  }
  return out;
}

/** "1.2m", "35k", "-3,000" style labels for axes. */
export function shortMoney(v: number): string {
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  if (a >= 1e6) return `${sign}${(a / 1e6).toFixed(a >= 1e7 ? 0 : 1)}m`;
  if (a >= 1e4) return `${sign}${Math.round(a / 1e3)}k`;
  return `${sign}${(Math.round(a * 100) / 100).toLocaleString('en-GB')}`;
}

function niceStep(span: number): number {
  const raw = span / 4 || 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** An option set flat ('hAxis.title', as the builders keep them) or nested ({hAxis: {title}}). */
export function optionOf(options: Record<string, unknown>, key: string): unknown {
  if (options[key] !== undefined) return options[key];
  let v: unknown = options;
  for (const part of key.split('.')) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

function asTable(data: ChartData | ChartTable): ChartTable {
  return 'series' in data ? data : {labels: data.labels, series: [{name: '', values: data.values}]};
}

type Align = 'left' | 'center' | 'right';
type Img = ReturnType<typeof PImage.make>;
type Ctx = ReturnType<Img['getContext']>;

/** What every part of a drawing needs: the context, text writing, colours and options. */
interface Pen {
  img: Img;
  ctx: Ctx;
  text: boolean;
  opt: (key: string) => unknown;
  colour: (i: number) => string;
  write: (s: string, x: number, y: number, size: number, colour?: string, align?: Align) => void;
  /** Size and colour of a text from its style option (a Charts TextStyle: color, fontSize in pixels). */
  styled: (key: string, size: number, colour: string) => [number, string];
  /** Text turned a quarter left (a vertical axis title), centred on (x, y). */
  writeUp: (s: string, x: number, y: number, size: number, colour?: string) => void;
}

/**
 * Charts drawn lately, by what they were drawn from: a workbook's charts are drawn again at
 * every save (xlsx-images.ts) though their data rarely changed, and the drawing is a pure
 * function of the type, options and data (the font found once per process).
 */
const drawn = new Map<string, Buffer>();
const DRAWN_KEPT = 32;

/** A key naming exactly what a chart is drawn from, or null when it cannot (then it is drawn). */
function drawingKey(spec: ChartSpecLike, data: ChartData | ChartTable): string | null {
  try {
    return JSON.stringify([spec.type, spec.options, data], function (this: unknown, k, v) {
      const raw = (this as Record<string, unknown>)[k];
      if (typeof raw === 'number') return Number.isFinite(raw) ? raw : `\u0000${raw}`;
      if (raw === undefined) return '\u0000undefined';
      if (typeof raw === 'string') {
        if (raw.includes('\u0000')) throw new Error('not keyed');
        return raw;
      }
      if (raw === null || typeof raw === 'boolean') return raw;
      if (typeof raw === 'object') {
        const proto = Object.getPrototypeOf(raw) as object | null;
        if (Array.isArray(raw) || proto === null || Object.getPrototypeOf(proto) === null) return v;
      }
      throw new Error('not keyed'); // a Date, a function...: drawn each time
    });
  } catch {
    return null;
  }
}

/** PNG bytes of the chart. Width and height from the options (default 560 × 300). */
export function renderChartPng(spec: ChartSpecLike, data: ChartData | ChartTable): Buffer {
  const key = drawingKey(spec, data);
  const hit = key === null ? undefined : drawn.get(key);
  if (hit) return Buffer.from(hit);
  const png = drawChartPng(spec, data);
  if (key !== null) {
    if (drawn.size >= DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
    drawn.set(key, Buffer.from(png));
  }
  return png;
}

function drawChartPng(spec: ChartSpecLike, data: ChartData | ChartTable): Buffer {
  const options = spec.options;
  const opt = (key: string) => optionOf(options, key);
  const w = Math.round(Number(opt('width')) || 560);
  const h = Math.round(Number(opt('height')) || 300);
  const img = PImage.make(w, h);
  const ctx = img.getContext('2d');
  const text = loadFont();
  ctx.fillStyle = String(opt('backgroundColor') ?? '#ffffff');
  ctx.fillRect(0, 0, w, h);
  const colours = Array.isArray(opt('colors')) ? (opt('colors') as unknown[]).map(String) : [];
  const pen: Pen = {
    img,
    ctx,
    text,
    opt,
    colour: i => colours[i] ?? PALETTE[i % PALETTE.length],
    write(s, x, y, size, colour = '#202124', align = 'left') {
      if (!text || !s) return;
      ctx.font = `${size}pt ${FONT}`;
      ctx.fillStyle = colour;
      const width = ctx.measureText(s).width;
      ctx.fillText(s, align === 'center' ? x - width / 2 : align === 'right' ? x - width : x, y);
    },
    styled(key, size, colour) {
      const st = opt(key) as {color?: unknown; fontSize?: unknown} | undefined;
      const px = Number(st?.fontSize);
      return [px > 0 ? px * 0.75 : size, typeof st?.color === 'string' ? st.color : colour];
    },
    writeUp(s, x, y, size, colour = '#202124') {
      if (!text || !s) return;
      // pureimage does not rotate text: draw it flat on a scratch image, copy it turned.
      ctx.font = `${size}pt ${FONT}`;
      const tw = Math.ceil(ctx.measureText(s).width) + 2;
      const th = Math.ceil(size * 1.8);
      const scratch = PImage.make(tw, th);
      const sc = scratch.getContext('2d');
      sc.fillStyle = '#ffffff';
      sc.fillRect(0, 0, tw, th);
      sc.font = `${size}pt ${FONT}`;
      sc.fillStyle = colour;
      sc.fillText(s, 0, Math.round(size * 1.35));
      for (let sy = 0; sy < th; sy++)
        for (let sx = 0; sx < tw; sx++) {
          const p = scratch.getPixelRGBA(sx, sy);
          // Background left white; the glyphs' pixels (anti-aliased edges included) copied.
          if (p >>> 8 === 0xffffff) continue;
          const dx = Math.round(x - th / 2 + sy);
          const dy = Math.round(y + tw / 2 - sx);
          if (dx >= 0 && dy >= 0 && dx < w && dy < h) img.setPixelRGBA(dx, dy, p);
        }
    },
  };
  const title = String(opt('title') ?? '');
  pen.write(title, w / 2, 22, ...pen.styled('titleTextStyle', 11, '#202124'), 'center');
  const table = asTable(data);
  if (opt('reverseCategories') === true) {
    table.labels = [...table.labels].reverse();
    table.series = table.series.map(s => ({...s, values: [...s.values].reverse()}));
  }
  const top = title ? 36 : 14;
  if (!table.labels.length || !table.series.length) {
    pen.write('No data yet', w / 2, h / 2, 10, '#80868b', 'center');
    return encodePng(img.data, w, h);
  }
  const type = spec.type.toUpperCase();
  const legendOpt = opt('legend');
  const legend = String(
    opt('legend.position') ?? (typeof legendOpt === 'string' ? legendOpt : 'right'),
  ).toLowerCase();
  if (type === 'PIE') drawPie(pen, table, w, h, top, legend);
  else drawAxes(pen, table, w, h, top, type, legend);
  return encodePng(img.data, w, h);
}

/** The legend's entries (colour square and name); returns the room it took on the right. */
function drawLegend(
  pen: Pen,
  names: string[],
  w: number,
  h: number,
  top: number,
  where: string,
): {right: number; top: number; bottom: number} {
  const shown = names.map((n, i) => ({n, i})).filter(e => e.n);
  if (where === 'none' || !shown.length) return {right: 0, top: 0, bottom: 0};
  if (where === 'top' || where === 'bottom') {
    let x = 64;
    const y = where === 'top' ? top + 6 : h - 8;
    for (const {n, i} of shown) {
      pen.ctx.fillStyle = pen.colour(i);
      pen.ctx.fillRect(x, y - 9, 10, 10);
      pen.write(n, x + 14, y, ...pen.styled('legend.textStyle', 8, '#202124'));
      x += 24 + n.length * 7;
    }
    return where === 'top' ? {right: 0, top: 18, bottom: 0} : {right: 0, top: 0, bottom: 16};
  }
  const room = Math.min(180, Math.round(w * 0.32));
  const x = w - room + 8;
  shown.forEach(({n, i}, k) => {
    const y = top + 14 + k * 18;
    if (y > h - 4) return;
    pen.ctx.fillStyle = pen.colour(i);
    pen.ctx.fillRect(x, y - 9, 10, 10);
    const [size, colour] = pen.styled('legend.textStyle', 8, '#202124');
    pen.write(n.length > 24 ? `${n.slice(0, 23)}…` : n, x + 14, y, size, colour);
  });
  return {right: room, top: 0, bottom: 0};
}

/** Column, bar and line charts: gridlines with values, category labels, axis titles, series. */
function drawAxes(
  pen: Pen,
  d: ChartTable,
  w: number,
  h: number,
  top0: number,
  type: string,
  legendAt: string,
): void {
  const {ctx, opt} = pen;
  const horizontal = type === 'BAR';
  const line = type === 'LINE' || type === 'AREA';
  const stacked = opt('isStacked') === true || opt('isStacked') === 'true';
  const room = drawLegend(
    pen,
    d.series.map(s => s.name),
    w,
    h,
    top0,
    legendAt,
  );
  const xTitle = String(opt('hAxis.title') ?? '');
  const yTitle = String(opt('vAxis.title') ?? '');
  const top = top0 + room.top;
  const left = (horizontal ? 96 : 64) + (yTitle ? 18 : 0);
  const right = w - 16 - room.right;
  const bottom = h - 30 - (xTitle ? 18 : 0) - room.bottom;
  // The value range: stacked sums or single values, always including zero.
  let min = 0;
  let max = 0;
  d.labels.forEach((_l, i) => {
    let pos = 0;
    let neg = 0;
    for (const s of d.series) {
      const v = s.values[i];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      if (stacked && v >= 0) pos += v;
      else if (stacked) neg += v;
      else {
        pos = Math.max(pos, v);
        neg = Math.min(neg, v);
      }
    }
    max = Math.max(max, pos);
    min = Math.min(min, neg);
  });
  const view = (k: string) => {
    const v = Number(opt(`vAxis.viewWindow.${k}`));
    return Number.isFinite(v) && opt(`vAxis.viewWindow.${k}`) !== undefined ? v : null;
  };
  const step = niceStep((view('max') ?? max) - (view('min') ?? min));
  const lo = view('min') ?? Math.floor(min / step) * step;
  const hi = view('max') ?? (Math.ceil(max / step) * step || step);
  // Value → pixel along the value axis (up for columns and lines, right for bars).
  const at = (v: number) =>
    horizontal
      ? left + ((v - lo) / (hi - lo)) * (right - left)
      : bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  ctx.fillStyle = '#e0e0e0';
  for (let v = lo; v <= hi + step / 2; v += step) {
    const p = Math.round(at(v));
    if (horizontal) {
      ctx.fillStyle = '#e0e0e0';
      ctx.fillRect(p, top, 1, bottom - top);
      pen.write(
        shortMoney(v),
        p,
        bottom + 14,
        ...pen.styled('hAxis.textStyle', 8, '#5f6368'),
        'center',
      );
    } else {
      ctx.fillStyle = '#e0e0e0';
      ctx.fillRect(left, p, right - left, 1);
      pen.write(
        shortMoney(v),
        left - 6,
        p + 4,
        ...pen.styled('vAxis.textStyle', 8, '#5f6368'),
        'right',
      );
    }
  }
  ctx.fillStyle = '#5f6368';
  if (horizontal) ctx.fillRect(Math.round(at(0)), top, 1, bottom - top);
  else ctx.fillRect(left, Math.round(at(0)), right - left, 1);
  const n = d.labels.length;
  const slot = ((horizontal ? bottom - top : right - left) as number) / n;
  const groups = stacked || line ? 1 : d.series.length;
  const bar = Math.max(2, Math.floor((slot * 0.65) / groups));
  const every = Math.ceil(
    n / Math.max(1, Math.floor(horizontal ? (bottom - top) / 14 : (right - left) / 48)),
  );
  const centre = (i: number) => (horizontal ? top : left) + slot * i + slot / 2;
  const box = (a: number, b: number, c0: number, thick: number) => {
    const lo2 = Math.round(Math.min(a, b));
    const len = Math.max(1, Math.round(Math.abs(a - b)));
    if (horizontal) ctx.fillRect(lo2, Math.round(c0 - thick / 2), len, thick);
    else ctx.fillRect(Math.round(c0 - thick / 2), lo2, thick, len);
  };
  if (line) {
    d.series.forEach((s, k) => {
      ctx.strokeStyle = pen.colour(k);
      ctx.fillStyle = pen.colour(k);
      ctx.lineWidth = 2;
      let prev: [number, number] | null = null;
      s.values.forEach((v, i) => {
        if (v === null || v === undefined || !Number.isFinite(v)) {
          prev = null;
          return;
        }
        const pt: [number, number] = horizontal ? [at(v), centre(i)] : [centre(i), at(v)];
        ctx.fillRect(Math.round(pt[0]) - 3, Math.round(pt[1]) - 3, 6, 6);
        if (prev) {
          ctx.beginPath();
          ctx.moveTo(prev[0], prev[1]);
          ctx.lineTo(pt[0], pt[1]);
          ctx.stroke();
        }
        prev = pt;
      });
    });
  } else {
    d.labels.forEach((_l, i) => {
      let pos = 0;
      let neg = 0;
      d.series.forEach((s, k) => {
        const v = s.values[i];
        if (v === null || v === undefined || !Number.isFinite(v) || v === 0) return;
        ctx.fillStyle = pen.colour(k);
        if (stacked) {
          const base = v >= 0 ? pos : neg;
          box(at(base), at(base + v), centre(i), bar);
          if (v >= 0) pos += v;
          else neg += v;
        } else {
          const c0 = centre(i) - (bar * groups) / 2 + bar * k + bar / 2;
          box(at(0), at(v), c0, bar);
        }
      });
    });
  }
  d.labels.forEach((l, i) => {
    if (i % every !== 0) return;
    if (horizontal) {
      const [size, colour] = pen.styled('vAxis.textStyle', 8, '#3c4043');
      pen.write(l.slice(0, 14), left - 6, centre(i) + 4, size, colour, 'right');
    } else {
      const [size, colour] = pen.styled('hAxis.textStyle', 8, '#3c4043');
      pen.write(l.slice(0, 12), centre(i), bottom + 16, size, colour, 'center');
    }
  });
  // hAxis is the horizontal axis whatever the chart (values on a bar chart, as in Google Charts).
  const hTitle = pen.styled('hAxis.titleTextStyle', 9, '#3c4043');
  pen.write(xTitle, (left + right) / 2, bottom + 34, ...hTitle, 'center');
  pen.writeUp(yTitle, 12, (top + bottom) / 2, ...pen.styled('vAxis.titleTextStyle', 9, '#3c4043'));
}

function drawPie(
  pen: Pen,
  d: ChartTable,
  w: number,
  h: number,
  top: number,
  legendAt: string,
): void {
  const {ctx} = pen;
  const values = d.series[0].values.map(v => (v !== null && Number.isFinite(v) ? v : 0));
  const total = values.filter(v => v > 0).reduce((s, v) => s + v, 0);
  const legend = drawLegend(pen, d.labels, w, h, top, legendAt);
  const r = Math.min((h - top - legend.top - legend.bottom - 16) / 2, (w - legend.right) / 2 - 24);
  const cx = legend.right ? Math.max(24 + r, (w - legend.right) / 2) : w / 2;
  const cy = top + legend.top + 8 + r;
  let a = -Math.PI / 2;
  const labels: [string, number, number][] = [];
  values.forEach((v, i) => {
    if (v <= 0 || total <= 0) return;
    const b = a + (v / total) * Math.PI * 2;
    ctx.fillStyle = pen.colour(i);
    ctx.beginPath();
    ctx.moveTo(cx, cy);
    // The slice's edge as short straight steps (pureimage's arc() fills slices unreliably).
    const steps = Math.max(2, Math.ceil(((b - a) * r) / 3));
    for (let k = 0; k <= steps; k++) {
      const t = a + ((b - a) * k) / steps;
      ctx.lineTo(cx + r * Math.cos(t), cy + r * Math.sin(t));
    }
    ctx.closePath();
    ctx.fill();
    if (v / total >= 0.05) {
      const mid = (a + b) / 2;
      labels.push([
        `${Math.round((v / total) * 1000) / 10}%`,
        cx + r * 0.62 * Math.cos(mid),
        cy + r * 0.62 * Math.sin(mid) + 4,
      ]);
    }
    a = b;
  });
  for (const [s, x, y] of labels) pen.write(s, x, y, 8, '#ffffff', 'center');
  if (total <= 0) pen.write('Nothing to show yet', cx, cy, 9, '#80868b', 'center');
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA pixels → PNG (8-bit RGBA, filter 0 on every row). */
export function encodePng(rgba: Uint8Array, w: number, h: number): Buffer {
  const raw = Buffer.alloc((w * 4 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * w * 4, w * 4).copy(raw, y * (w * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
