/**
 * Bar charts as PNG images, drawn in plain JavaScript. Why not a Sheets chart
 * (EmbeddedChart.getAs('image/png')) or the Charts service? Both need a chart object that
 * only Google's servers can draw, so the offline emulator could not make the same image, and
 * an embedded chart would also have to be inserted into and removed from the workbook.
 * Pixels in JavaScript work identically in Apps Script and offline, and the PNG travels inside
 * the paper's .docx (docx.ts), so the chart costs no service call at all. Labels and figures
 * are printed beside the image as text (a caption and the table that follows), which also
 * keeps the paper readable to screen readers.
 *
 * The PNG uses stored (uncompressed) deflate blocks: no zlib needed, and a 480×240 RGB chart
 * is ~350 KB raw, within Docs' image limits.
 */
import {crc32} from './zip';

export const CHART_W = 480;
export const CHART_H = 240;

const PALETTE: readonly (readonly [number, number, number])[] = [
  [31, 92, 153],
  [220, 120, 30],
  [60, 140, 70],
  [170, 50, 60],
  [110, 80, 160],
];

/** RGB pixels of a bar chart: positive bars above a zero line, negative below. */
export function chartPixels(values: readonly number[], w = CHART_W, h = CHART_H): Uint8Array {
  const px = new Uint8Array(w * h * 3).fill(255);
  const set = (x: number, y: number, c: readonly number[]) => {
    if (x < 0 || y < 0 || x >= w || y >= h) return;
    const i = (y * w + x) * 3;
    px[i] = c[0];
    px[i + 1] = c[1];
    px[i + 2] = c[2];
  };
  const rect = (x0: number, y0: number, x1: number, y1: number, c: readonly number[]) => {
    for (let y = Math.min(y0, y1); y <= Math.max(y0, y1); y++)
      for (let x = x0; x <= x1; x++) set(x, y, c);
  };
  const margin = 16;
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const top = margin;
  const bottom = h - margin;
  const yOf = (v: number) => Math.round(bottom - ((v - min) / span) * (bottom - top));
  const zero = yOf(0);
  // Gridlines at quarters, then the axes.
  for (let q = 0; q <= 4; q++)
    rect(
      margin,
      top + Math.round(((bottom - top) * q) / 4),
      w - margin,
      top + Math.round(((bottom - top) * q) / 4),
      [225, 225, 225],
    );
  rect(margin, top, margin, bottom, [90, 90, 90]);
  rect(margin, zero, w - margin, zero, [90, 90, 90]);
  const n = values.length || 1;
  const slot = (w - 2 * margin - 4) / n;
  const bar = Math.max(1, Math.floor(slot * 0.7));
  values.forEach((v, k) => {
    const x0 = Math.round(margin + 4 + k * slot + (slot - bar) / 2);
    const colour = v < 0 ? PALETTE[3] : PALETTE[k % 3 === 2 ? 2 : k % 3];
    if (v !== 0) rect(x0, yOf(v), x0 + bar - 1, zero, colour);
  });
  return px;
}

/** A PNG file (RGB, 8 bits) from pixels, as unsigned byte values 0–255. */
export function encodePng(px: Uint8Array, w: number, h: number): Uint8Array {
  const rowLen = w * 3 + 1;
  const raw = new Uint8Array(rowLen * h);
  for (let y = 0; y < h; y++) raw.set(px.subarray(y * w * 3, (y + 1) * w * 3), y * rowLen + 1); // filter 0
  // zlib stream of stored blocks.
  const blocks = Math.ceil(raw.length / 65535) || 1;
  const z = new Uint8Array(2 + raw.length + blocks * 5 + 4);
  let o = 0;
  z[o++] = 0x78;
  z[o++] = 0x01;
  for (let b = 0; b < blocks; b++) {
    const start = b * 65535;
    const len = Math.min(65535, raw.length - start);
    z[o++] = b === blocks - 1 ? 1 : 0;
    z[o++] = len & 0xff;
    z[o++] = len >>> 8;
    z[o++] = ~len & 0xff;
    z[o++] = (~len >>> 8) & 0xff;
    z.set(raw.subarray(start, start + len), o);
    o += len;
  }
  let a = 1;
  let bsum = 0;
  for (let i = 0; i < raw.length; i++) {
    a = (a + raw[i]) % 65521;
    bsum = (bsum + a) % 65521;
  }
  const adler = ((bsum << 16) | a) >>> 0;
  z[o++] = adler >>> 24;
  z[o++] = (adler >>> 16) & 0xff;
  z[o++] = (adler >>> 8) & 0xff;
  z[o++] = adler & 0xff;

  const chunks: Uint8Array[] = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  const chunk = (type: string, data: Uint8Array) => {
    const c = new Uint8Array(12 + data.length);
    const dv = new DataView(c.buffer);
    dv.setUint32(0, data.length);
    for (let i = 0; i < 4; i++) c[4 + i] = type.charCodeAt(i);
    c.set(data, 8);
    dv.setUint32(8 + data.length, crc32(c, 4, 8 + data.length));
    chunks.push(c);
  };
  const ihdr = new Uint8Array(13);
  const dv = new DataView(ihdr.buffer);
  dv.setUint32(0, w);
  dv.setUint32(4, h);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  chunk('IHDR', ihdr);
  chunk('IDAT', z);
  chunk('IEND', new Uint8Array(0));
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** The chart as PNG bytes. */
export function chartPng(values: readonly number[]): Uint8Array {
  return encodePng(chartPixels(values), CHART_W, CHART_H);
}
