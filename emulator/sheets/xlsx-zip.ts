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
 * does it all.
 */
export function zipParts(parts: Record<string, Uint8Array>): Buffer {
  if (typeof zlib.crc32 !== 'function') return Buffer.from(zipSync(parts, {level: 1}));
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failed = err;
    else chunks.push(chunk);
  });
  for (const [filename, bytes] of Object.entries(parts)) {
    const file: ZipInputFile = {
      filename,
      size: bytes.length,
      crc: zlib.crc32(bytes),
      compression: 8,
    };
    zip.add(file);
    file.ondata!(null, zlib.deflateRawSync(bytes, {level: 1}), true);
  }
  zip.end();
  if (failed) throw failed;
  return Buffer.concat(chunks);
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
