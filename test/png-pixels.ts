/**
 * Reads a PNG's size and counts its pixels of given colours, for tests that look at a drawn chart.
 * Handles what decoders in Node give without a library: 8-bit RGB or RGBA, any row filter.
 * Rows are un-filtered in place in the inflated bytes, one tight loop a filter type, because a
 * chart of 600×371 pixels is 0.9 million bytes and this runs for every chart a test draws. The
 * loops name no global (not even Math.abs): in a jest test file's vm context each global
 * lookup goes through the context's property interceptor, 30 times slower than plain Node.
 */
import {inflateSync} from 'node:zlib';

export interface Png {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  rgba: Uint8Array;
}

/** The IDAT chunks' bytes, joined (the zlib stream of the filtered rows). */
function idat(b: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let o = 8; o < b.length;) {
    const len = b.readUInt32BE(o);
    if (b.toString('latin1', o + 4, o + 8) === 'IDAT') parts.push(b.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  return Buffer.concat(parts);
}

/**
 * Un-filters the row of `stride` bytes at `at` in `raw` (its filter byte just before it), given
 * the row above at `up` (-1 for the first row, whose row above counts as zeros); `bpp` is bytes
 * a pixel (PNG spec 9.2: the byte to the left is the same channel of the pixel before).
 */
function unfilterRow(raw: Uint8Array, at: number, up: number, stride: number, bpp: number): void {
  const filter = raw[at - 1];
  const above = (x: number) => (up < 0 ? 0 : raw[up + x]);
  switch (filter) {
    case 0:
      return;
    case 1: // Sub
      for (let x = bpp; x < stride; x++) raw[at + x] = (raw[at + x] + raw[at + x - bpp]) & 0xff;
      return;
    case 2: // Up
      if (up >= 0)
        for (let x = 0; x < stride; x++) raw[at + x] = (raw[at + x] + raw[up + x]) & 0xff;
      return;
    case 3: // Average
      for (let x = 0; x < stride; x++) {
        const left = x >= bpp ? raw[at + x - bpp] : 0;
        raw[at + x] = (raw[at + x] + ((left + above(x)) >> 1)) & 0xff;
      }
      return;
    case 4: // Paeth
      for (let x = 0; x < stride; x++) {
        const a = x >= bpp ? raw[at + x - bpp] : 0;
        const b = above(x);
        const c = x >= bpp ? above(x - bpp) : 0;
        const pa = b > c ? b - c : c - b;
        const pb = a > c ? a - c : c - a;
        const pc = a + b > 2 * c ? a + b - 2 * c : 2 * c - a - b;
        const p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        raw[at + x] = (raw[at + x] + p) & 0xff;
      }
      return;
    default:
      throw new Error(`PNG row filter ${filter} is not one PNG defines`);
  }
}

export function readPng(bytes: Uint8Array): Png {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.toString('latin1', 1, 4) !== 'PNG') throw new Error('not a PNG');
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const colourType = b[25];
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : 0;
  if (b[24] !== 8 || !channels) throw new Error('only 8-bit RGB(A) PNGs are read here');
  if (b[28] !== 0) throw new Error('interlaced PNGs are not read here');
  const raw = inflateSync(idat(b));
  const stride = width * channels;
  if (raw.length < height * (stride + 1)) throw new Error('PNG image data is short');
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1) + 1;
    unfilterRow(raw, at, y ? at - stride - 1 : -1, stride, channels);
  }
  const out = new Uint8Array(width * height * 4);
  for (let y = 0, o = 0; y < height; y++)
    for (let i = y * (stride + 1) + 1, end = i + stride; i < end; i += channels, o += 4) {
      out[o] = raw[i];
      out[o + 1] = raw[i + 1];
      out[o + 2] = raw[i + 2];
      out[o + 3] = channels === 4 ? raw[i + 3] : 255;
    }
  return {width, height, rgba: out};
}

/** How many pixels have exactly this colour ('#rrggbb'). */
export function pixelsOf(png: Png, colour: string): number {
  const [r, g, bl] = [1, 3, 5].map(i => parseInt(colour.slice(i, i + 2), 16));
  const px = png.rgba;
  let n = 0;
  for (let i = 0; i < px.length; i += 4)
    if (px[i] === r && px[i + 1] === g && px[i + 2] === bl) n++;
  return n;
}
