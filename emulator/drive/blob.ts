/**
 * Blob as Apps Script has it (developers.google.com/apps-script/reference/base/blob): bytes, a
 * content type and a name. getAs converts through a converter the host registers (PDF via
 * LibreOffice); a Blob never changes its bytes in place.
 */
import {answerMissing} from '../services/not-emulated';

export type BlobConverter = (blob: Blob, contentType: string) => Blob;

let converter: BlobConverter | null = null;

/** The Drive side registers how Google-type blobs become other types (e.g. .docx -> PDF). */
export function setBlobConverter(fn: BlobConverter | null): void {
  converter = fn;
}

const GOOGLE_PREFIX = 'application/vnd.google-apps.';

export class Blob {
  private data: Uint8Array = new Uint8Array(0);
  /** Bytes still to be made (a PDF conversion batched with others, see pdf.ts). */
  private later: (() => Uint8Array) | null = null;
  private contentType: string | null;
  private name: string | null;

  constructor(
    data: Uint8Array | string | number[] = new Uint8Array(0),
    contentType?: string | null,
    name?: string | null,
  ) {
    this.bytes = toBytes(data);
    this.contentType = contentType ?? null;
    this.name = name ?? null;
  }

  /** A Blob whose bytes are made when first read (emulator-internal: Apps Script has no such call). */
  static deferred(make: () => Uint8Array, contentType: string, name: string): Blob {
    const b = new Blob(new Uint8Array(0), contentType, name);
    b.later = make;
    return b;
  }

  private get bytes(): Uint8Array {
    if (this.later) {
      const make = this.later;
      this.data = make();
      this.later = null;
    }
    return this.data;
  }
  private set bytes(value: Uint8Array) {
    this.later = null;
    this.data = value;
  }

  getBytes(): number[] {
    // Apps Script returns Byte[] (signed bytes, -128..127). Read through a signed view into a
    // sized array: Array.from with a mapping function took several times as long on a pack's PDFs.
    const bytes = this.bytes;
    const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    const out = new Array<number>(signed.length);
    for (let i = 0; i < signed.length; i++) out[i] = signed[i];
    return out;
  }
  /** The raw bytes, for the emulator's own use (not an Apps Script method). */
  rawBytes(): Uint8Array {
    return this.bytes;
  }
  setBytes(data: Uint8Array | number[]): Blob {
    this.bytes = toBytes(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    const enc = (charset ?? 'utf-8').toLowerCase();
    return Buffer.from(this.bytes).toString(
      enc === 'iso-8859-1' || enc === 'latin1' ? 'latin1' : 'utf8',
    );
  }
  setDataFromString(text: string, _charset?: string): Blob {
    this.bytes = toBytes(text);
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return this;
  }
  setContentTypeFromExtension(): Blob {
    const ext = (this.name ?? '').split('.').pop()?.toLowerCase() ?? '';
    const known = EXTENSION_TYPES[ext];
    if (!known)
      throw new Error(
        `Exception: Could not determine the content type of "${this.name}" from its extension.`,
      );
    this.contentType = known;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): Blob {
    this.name = name;
    return this;
  }
  isGoogleType(): boolean {
    return (this.contentType ?? '').startsWith(GOOGLE_PREFIX);
  }
  getBlob(): Blob {
    return this;
  }
  copyBlob(): Blob {
    return new Blob(new Uint8Array(this.bytes), this.contentType, this.name);
  }
  /** Converts to another type; Google renames "x.docx" to "x.pdf" when converting. */
  getAs(contentType: string): Blob {
    if (contentType === this.contentType) return this.copyBlob();
    if (!converter) {
      throw new Error(
        `Exception: Converting from ${this.contentType} to ${contentType} is not supported.`,
      );
    }
    return converter(this, contentType);
  }
  getAllBlobs(): Blob[] {
    return [this];
  }
}

export const EXTENSION_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  zip: 'application/zip',
};

/** File extension for a MIME type (used for file names on disk). */
export function extensionFor(mimeType: string): string {
  for (const [ext, type] of Object.entries(EXTENSION_TYPES)) if (type === mimeType) return ext;
  return '';
}

/** Bytes as 0–255 from numbers such as Apps Script's signed Byte[]. */
function unsigned(data: ArrayLike<number>): Uint8Array {
  if (!Array.isArray(data)) return Uint8Array.from(data, b => b & 0xff);
  // Each number stored modulo 256 (ECMAScript ToUint8), as `b & 0xff` would. A plain loop: a
  // mapping function is a call a byte, and `new Uint8Array(array)` iterates a script's array.
  const out = new Uint8Array(data.length);
  for (let i = 0; i < out.length; i++) out[i] = data[i];
  return out;
}

function toBytes(data: Uint8Array | string | number[]): Uint8Array {
  if (typeof data === 'string') return new Uint8Array(Buffer.from(data, 'utf8'));
  if (data instanceof Uint8Array) return data;
  return unsigned(data);
}

export function isBlobLike(
  x: unknown,
): x is {getBytes(): number[]; getContentType(): string | null; getName(): string | null} {
  return (
    !!x &&
    typeof (x as Blob).getBytes === 'function' &&
    typeof (x as Blob).getContentType === 'function'
  );
}

/** Bytes of any Blob-like object (ours, or a BlobSource such as a File or Document via getBlob()). */
export function bytesOf(x: unknown): Uint8Array {
  const b =
    x && typeof (x as Blob).getBlob === 'function' && !(x instanceof Blob)
      ? (x as Blob).getBlob()
      : x;
  if (b instanceof Blob) return b.rawBytes();
  if (isBlobLike(b)) return unsigned(b.getBytes());
  throw new Error('Exception: Invalid argument: blob');
}

export function asBlob(x: unknown): Blob {
  const b =
    x && typeof (x as Blob).getBlob === 'function' && !(x instanceof Blob)
      ? (x as Blob).getBlob()
      : x;
  if (b instanceof Blob) return b;
  if (isBlobLike(b)) return new Blob(bytesOf(b), b.getContentType(), b.getName());
  throw new Error('Exception: Invalid argument: blob');
}

answerMissing(Blob.prototype, 'Base', 'Blob');
