/**
 * Reads a PNG's size and counts its pixels of given colours, for tests that look at a drawn chart.
 * Handles what decoders in Node give without a library: 8-bit RGB or RGBA, any row filter.
 */
import {inflateSync} from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  rgba: Uint8Array;
}

export function readPng(bytes: Uint8Array): Png {
  const b = Buffer.from(bytes);
  if (b.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const colourType = b[25];
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (b[24] !== 8 || !channels) throw new Error('only 8-bit RGB(A) PNGs are read here');
  const idat: Buffer[] = [];
  for (let o = 8; o < b.length;) {
    const len = b.readUInt32BE(o);
    if (b.toString('latin1', o + 4, o + 8) === 'IDAT') idat.push(b.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? cur[x - channels] : 0;
      const up = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      const p = a + up - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - up);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      cur[x] = (v + [0, a, up, (a + up) >> 1, paeth][f]) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = cur[x * channels];
      out[o + 1] = cur[x * channels + 1];
      out[o + 2] = cur[x * channels + 2];
      out[o + 3] = channels === 4 ? cur[x * channels + 3] : 255;
    }
    prev.set(cur);
  }
  return {width, height, rgba: out};
}

/** How many pixels have exactly this colour ('#rrggbb'). */
export function pixelsOf(png: Png, colour: string): number {
  const [r, g, bl] = [1, 3, 5].map(i => parseInt(colour.slice(i, i + 2), 16));
  let n = 0;
  for (let i = 0; i < png.rgba.length; i += 4)
    if (png.rgba[i] === r && png.rgba[i + 1] === g && png.rgba[i + 2] === bl) n++;
  return n;
}
