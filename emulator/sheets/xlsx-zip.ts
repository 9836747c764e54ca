/**
 * exceljs renders each part of the package (sheets, styles, comments, pictures) and hands it
 * to its ZipWriter, which zips with JSZip: UTF-8 encoding, CRC-32 and deflate all in
 * JavaScript, about half the time of saving a workbook. A workbook written with
 * `zip: ZIP_WITH_FFLATE` gives the same parts to fflate instead (the same files in the
 * package, zipped in a tenth of the time, see zipParts). Other exceljs users in the process are unaffected.
 */
import zlib from 'node:zlib';
import {Zip, zipSync, type ZipInputFile} from 'fflate';

interface ZipWriterLike {
  options: {fflate?: boolean};
  parts?: Record<string, Uint8Array>;
  stream: {end(chunk: Buffer): void};
  emit(event: string, arg?: unknown): boolean;
}

/**
 * The parts as a zip: fflate writes the archive, Node's zlib (native code) compresses each part
 * at deflate level 1 and sums its CRC-32; where zlib has no crc32 (Node before 20.15), fflate
 * does it all. A part given as a ZipEntry (from zipEntries) is copied as it is stored.
 */
export function zipParts(parts: Record<string, Uint8Array | ZipEntry>): Buffer {
  if (typeof zlib.crc32 !== 'function')
    return Buffer.from(
      zipSync(
        Object.fromEntries(
          Object.entries(parts).map(([n, p]) => [n, p instanceof Uint8Array ? p : inflated(p)]),
        ),
        {level: 1},
      ),
    );
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else chunks.push(chunk);
  });
  for (const [filename, part] of Object.entries(parts)) {
    // An entry of another zip goes in as it is, still compressed.
    const kept = part instanceof Uint8Array ? null : part;
    const file: ZipInputFile = {
      filename,
      size: kept ? kept.size : (part as Uint8Array).length,
      crc: kept ? kept.crc : zlib.crc32(part as Uint8Array),
      compression: kept ? kept.method : 8,
    };
    zip.add(file);
    file.ondata!(
      null,
      (kept
        ? kept.data
        : zlib.deflateRawSync(part as Uint8Array, {level: 1})) as Uint8Array<ArrayBuffer>,
      true,
    );
  }
  zip.end();
  if (failed) throw failed;
  return Buffer.concat(chunks);
}

/** One file of a zip as it is stored: compressed (method 8, deflate) or not (0). */
export interface ZipEntry {
  method: number;
  crc: number;
  /** Its size uncompressed. */
  size: number;
  data: Uint8Array;
}

/**
 * The files of a zip by name, in order, as stored (nothing is decompressed), from its central
 * directory; null for what this does not read (zip64, encryption, other methods).
 */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--)
    if (b.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const out = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return null;
    const flags = b.readUInt16LE(at + 8);
    const method = b.readUInt16LE(at + 10);
    const crc = b.readUInt32LE(at + 16);
    const stored = b.readUInt32LE(at + 20);
    const size = b.readUInt32LE(at + 24);
    const nameLength = b.readUInt16LE(at + 28);
    const skip = nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 1 || (method !== 0 && method !== 8) || stored === 0xffffffff) return null;
    if (local + 30 > b.length || b.readUInt32LE(local) !== 0x04034b50) return null;
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (start + stored > b.length) return null;
    out.set(name, {method, crc, size, data: b.subarray(start, start + stored)});
    at += 46 + skip;
  }
  return out;
}

/** A stored file's contents. */
export function inflated(e: ZipEntry): Uint8Array {
  return e.method === 0 ? e.data : zlib.inflateRawSync(e.data);
}

/** exceljs's writer options that route its parts to fflate (deflate level 1: a fast save). */
export const ZIP_WITH_FFLATE = {fflate: true};

let patched = false;

/** Teaches exceljs's ZipWriter (lib/utils/zip-stream.js, stable since exceljs 4.0) the fflate route, once. */
export function useFflateZip(): void {
  if (patched) return;
  const {ZipWriter} = require('exceljs/lib/utils/zip-stream') as {
    ZipWriter: {
      prototype: {
        append(this: ZipWriterLike, data: unknown, opts: {name: string; base64?: boolean}): void;
        finalize(this: ZipWriterLike): Promise<void>;
      };
    };
  };
  const proto = ZipWriter.prototype;
  if (typeof proto.append !== 'function' || typeof proto.finalize !== 'function')
    throw new Error('exceljs changed: its ZipWriter has no append/finalize; update xlsx-zip.ts');
  const append = proto.append;
  const finalize = proto.finalize;
  proto.append = function (data, opts) {
    if (!this.options?.fflate) return append.call(this, data, opts);
    const bytes =
      typeof data === 'string'
        ? Buffer.from(data, opts.base64 ? 'base64' : 'utf8')
        : data instanceof Uint8Array
          ? data
          : new Uint8Array(data as ArrayBuffer);
    (this.parts ??= {})[opts.name] = bytes;
  };
  proto.finalize = function () {
    if (!this.options?.fflate) return finalize.call(this);
    try {
      this.stream.end(zipParts(this.parts ?? {}));
      this.emit('finish');
    } catch (e) {
      this.emit('error', e);
    }
    return Promise.resolve();
  };
  patched = true;
}
