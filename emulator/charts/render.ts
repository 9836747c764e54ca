/**
 * Draws an embedded chart's specification (kept by the Sheets emulator: type, ranges, title) as a
 * PNG, so a person opening the emulator's saved xlsx (exceljs cannot write real charts) or the
 * rendered Dashboard sees the chart. Column, bar and line charts draw one series over category
 * labels; pie charts draw slices with a legend. Text uses a TrueType font found on the machine
 * (DejaVu or Liberation Sans); without one the chart is drawn without text.
 *
 * Pixels by pureimage (MIT, canvas-like API in plain JavaScript); PNG encoded here with zlib.
 */
import {existsSync} from 'node:fs';
import {deflateSync} from 'node:zlib';
import * as PImage from 'pureimage';

export interface ChartSpecLike {
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
}

export interface ChartData {
  labels: string[];
  values: number[];
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

const PALETTE = ['#1f5c99', '#dc781e', '#3c8c46', '#aa323c', '#6e50a0', '#2a9d8f', '#8d6e63'];
const NEGATIVE = '#b3261e';

/**
 * The labels and values of a chart from its ranges, given the computed cells of each range.
 * Two ranges: first = labels, second = values; one range of two columns: labels then values.
 * The first row is the header. Rows without a label or a numeric value are left out. Pure.
 */
export function chartDataFromRanges(
  spec: ChartSpecLike,
  read: (a1: string) => unknown[][],
): ChartData {
  let labels: unknown[] = [];
  let values: unknown[] = [];
  if (spec.ranges.length >= 2) {
    labels = read(spec.ranges[0]).map(r => r[0]);
    values = read(spec.ranges[1]).map(r => r[0]);
  } else if (spec.ranges.length === 1) {
    const g = read(spec.ranges[0]);
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

/** "£1.2m", "£35k", "−£3,000" style labels for axes. */
export function shortMoney(v: number): string {
  const sign = v < 0 ? '-' : '';
  const a = Math.abs(v);
  if (a >= 1e6) return `${sign}${(a / 1e6).toFixed(a >= 1e7 ? 0 : 1)}m`;
  if (a >= 1e4) return `${sign}${Math.round(a / 1e3)}k`;
  return `${sign}${Math.round(a).toLocaleString('en-GB')}`;
}

function niceStep(span: number): number {
  const raw = span / 4 || 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** PNG bytes of the chart. Width and height from the spec's options (default 560 × 300). */
export function renderChartPng(spec: ChartSpecLike, data: ChartData): Buffer {
  const w = Math.round(Number(spec.options.width) || 560);
  const h = Math.round(Number(spec.options.height) || 300);
  const img = PImage.make(w, h);
  const ctx = img.getContext('2d');
  const text = loadFont();
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  const write = (
    s: string,
    x: number,
    y: number,
    size: number,
    colour = '#202124',
    align: 'left' | 'center' | 'right' = 'left',
  ) => {
    if (!text || !s) return;
    ctx.font = `${size}pt ${FONT}`;
    ctx.fillStyle = colour;
    const width = ctx.measureText(s).width;
    const x0 = align === 'center' ? x - width / 2 : align === 'right' ? x - width : x;
    ctx.fillText(s, x0, y);
  };
  const title = String(spec.options.title ?? '');
  write(title, w / 2, 22, 11, '#202124', 'center');
  const top = 36;
  if (!data.values.length) {
    write('No data yet', w / 2, h / 2, 10, '#80868b', 'center');
    return encodePng(img.data, w, h);
  }
  const type = spec.type.toUpperCase();
  if (type === 'PIE') drawPie(ctx, data, w, h, top, write);
  else drawBars(ctx, data, w, h, top, type === 'LINE', write);
  return encodePng(img.data, w, h);
}

type Write = (
  s: string,
  x: number,
  y: number,
  size: number,
  colour?: string,
  align?: 'left' | 'center' | 'right',
) => void;
type Ctx = ReturnType<ReturnType<typeof PImage.make>['getContext']>;

function drawBars(
  ctx: Ctx,
  d: ChartData,
  w: number,
  h: number,
  top: number,
  line: boolean,
  write: Write,
): void {
  const left = 64;
  const right = w - 16;
  const bottom = h - 40;
  const min = Math.min(0, ...d.values);
  const max = Math.max(0, ...d.values);
  const step = niceStep(max - min);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step || step;
  const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  ctx.fillStyle = '#e0e0e0';
  for (let v = lo; v <= hi + step / 2; v += step) {
    ctx.fillRect(left, Math.round(y(v)), right - left, 1);
    write(shortMoney(v), left - 6, Math.round(y(v)) + 4, 8, '#5f6368', 'right');
  }
  ctx.fillStyle = '#5f6368';
  ctx.fillRect(left, Math.round(y(0)), right - left, 1);
  const n = d.values.length;
  const slot = (right - left) / n;
  const bar = Math.max(2, Math.floor(slot * 0.65));
  const every = Math.ceil(n / Math.max(1, Math.floor((right - left) / 48)));
  d.values.forEach((v, i) => {
    const cx = left + slot * i + slot / 2;
    if (line) {
      ctx.fillStyle = v < 0 ? NEGATIVE : PALETTE[0];
      ctx.fillRect(Math.round(cx) - 3, Math.round(y(v)) - 3, 6, 6);
      if (i > 0) {
        ctx.strokeStyle = PALETTE[0];
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(left + slot * (i - 1) + slot / 2, y(d.values[i - 1]));
        ctx.lineTo(cx, y(v));
        ctx.stroke();
      }
    } else {
      ctx.fillStyle = v < 0 ? NEGATIVE : PALETTE[0];
      const y0 = Math.round(Math.min(y(v), y(0)));
      const y1 = Math.round(Math.max(y(v), y(0)));
      ctx.fillRect(Math.round(cx - bar / 2), y0, bar, Math.max(1, y1 - y0));
    }
    if (i % every === 0) write(d.labels[i].slice(0, 12), cx, bottom + 16, 8, '#3c4043', 'center');
  });
}

function drawPie(ctx: Ctx, d: ChartData, w: number, h: number, top: number, write: Write): void {
  const total = d.values.filter(v => v > 0).reduce((s, v) => s + v, 0);
  const r = Math.min((h - top - 16) / 2, w / 4);
  const cx = 24 + r;
  const cy = top + 8 + r;
  let a = -Math.PI / 2;
  d.values.forEach((v, i) => {
    if (v <= 0 || total <= 0) return;
    const b = a + (v / total) * Math.PI * 2;
    ctx.fillStyle = PALETTE[i % PALETTE.length];
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
    a = b;
  });
  if (total <= 0) write('Nothing to show yet', cx, cy, 9, '#80868b', 'center');
  d.labels.forEach((l, i) => {
    const ly = top + 16 + i * 20;
    ctx.fillStyle = PALETTE[i % PALETTE.length];
    ctx.fillRect(cx + r + 32, ly - 10, 12, 12);
    const pct = total > 0 && d.values[i] > 0 ? ` ${Math.round((d.values[i] / total) * 100)}%` : '';
    write(
      `${l}: ${d.values[i].toLocaleString('en-GB')}${pct ? ` (${pct.trim()})` : ''}`,
      cx + r + 50,
      ly,
      9,
    );
  });
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
