/**
 * Utilities (developers.google.com/apps-script/reference/utilities/utilities): dates in a
 * time zone with Java patterns, printf-like formatString, base64, digests as signed byte
 * arrays, blobs, UUIDs, CSV, and sleep (which advances the emulated clock instead of waiting).
 */
import {createHash, createHmac, randomUUID} from 'node:crypto';
import type {ServiceContext} from '../context';
import {asBlob, Blob, EXTENSION_TYPES} from '../drive/blob';
import {gunzipSync, gzipSync, unzipSync, zipSync} from 'fflate';
import {parseDate} from './parse-date';
import {gasEnum, tracked} from './base';
import {parseCsv} from './csv';
import {formatDate} from './format-date';

export const DigestAlgorithm = gasEnum(['MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512']);
export const MacAlgorithm = gasEnum([
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
]);
export const Charset = gasEnum(['US_ASCII', 'UTF_8']);

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const NODE_HMAC: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Apps Script's Byte[]: signed, -128..127. */
export function signedBytes(buf: Uint8Array): number[] {
  return Array.from(buf, b => (b > 127 ? b - 256 : b));
}

/** A string (in the given charset) or a Byte[] as Node bytes. */
function bytesOf(data: unknown, charset?: unknown, what = 'value'): Buffer {
  if (typeof data === 'string')
    return Buffer.from(data, String(charset) === 'US_ASCII' ? 'latin1' : 'utf8');
  if (Array.isArray(data)) return Buffer.from(data.map(b => Number(b) & 0xff));
  if (data instanceof Uint8Array) return Buffer.from(data);
  if (data && typeof (data as Blob).getBytes === 'function')
    return Buffer.from((data as Blob).getBytes().map(b => b & 0xff));
  throw new Error(`Invalid argument: ${what}`);
}

function isDate(d: unknown): d is Date {
  return (
    d instanceof Date ||
    (!!d &&
      typeof (d as Date).getTime === 'function' &&
      Object.prototype.toString.call(d) === '[object Date]')
  );
}

/** How Apps Script names an argument's type in its "parameters don't match" errors. */
export function javaType(v: unknown): string {
  if (v === null) return 'null';
  if (isDate(v)) return 'Date';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (Array.isArray(v)) return 'Object[]';
  if (typeof v === 'object') return 'Object';
  return typeof v;
}

/** printf-style formatting as Utilities.formatString documents it (%s, %d, %i, %f, %.2f, %x, %o, %e, %%, width and flags). */
export function formatString(template: string, ...args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifxXoeE%])/g,
    (_m, flags: string, width?: string, prec?: string, conv?: string) => {
      if (conv === '%') return '%';
      const arg = args[next++];
      let s: string;
      switch (conv) {
        case 's':
          s = arg === undefined ? 'undefined' : String(arg);
          if (prec) s = s.slice(0, Number(prec));
          break;
        case 'd':
        case 'i':
          s = String(Math.trunc(Number(arg)));
          break;
        case 'f':
          s = Number(arg).toFixed(prec === undefined ? 6 : Number(prec));
          break;
        case 'e':
        case 'E':
          s = Number(arg).toExponential(prec === undefined ? 6 : Number(prec));
          if (conv === 'E') s = s.toUpperCase();
          break;
        case 'x':
          s = Math.trunc(Number(arg)).toString(16);
          break;
        case 'X':
          s = Math.trunc(Number(arg)).toString(16).toUpperCase();
          break;
        case 'o':
          s = Math.trunc(Number(arg)).toString(8);
          break;
        default:
          s = String(arg);
      }
      if (flags.includes('+') && /^[dife]$/i.test(conv!) && !s.startsWith('-')) s = `+${s}`;
      const w = width ? Number(width) : 0;
      if (s.length < w) {
        if (flags.includes('-')) s = s.padEnd(w);
        else if (flags.includes('0') && conv !== 's') {
          const sign = /^[+-]/.test(s) ? s[0] : '';
          s = sign + s.slice(sign.length).padStart(w - sign.length, '0');
        } else s = s.padStart(w);
      }
      return s;
    },
  );
}

const NO_CHARSET = Symbol('no charset');

function isMember(en: Record<string, unknown>, v: unknown): boolean {
  return Object.values(en).includes(v);
}

/** Byte[] as Apps Script converts it: every member a number, or "Cannot convert". */
function isByteArray(v: unknown): v is unknown[] {
  if (!Array.isArray(v)) return false;
  for (const b of v)
    if (typeof b !== 'number' && Number.isNaN(Number(b)))
      throw new Error(`Cannot convert ${JSON.stringify(b)} to byte.`);
  return true;
}

/**
 * The overloads of computeDigest / computeHmac*: all values strings (with an optional
 * Charset) or all Byte[] (without one).
 */
function signatureFits(values: unknown[], charset: unknown): boolean {
  if (values.every(v => typeof v === 'string'))
    return charset === NO_CHARSET || isMember(Charset, charset);
  if (charset !== NO_CHARSET) return false;
  return values.every(v => isByteArray(v));
}

function signatureMismatch(args: unknown[], method: string): Error {
  return new Error(
    `The parameters (${args.map(javaType).join(',')}) don't match the method signature for ${method}.`,
  );
}

/** Text in a charset as Java encodes it: US-ASCII (the default) turns each non-ASCII character into '?'. */
function digestBytes(v: unknown, charset: unknown): Buffer {
  if (typeof v !== 'string') return bytesOf(v);
  if (String(charset) === 'UTF_8') return Buffer.from(v, 'utf8');
  return Buffer.from(Array.from(v, ch => (ch.codePointAt(0)! < 128 ? ch : '?')).join(''), 'latin1');
}

function typeFromName(name: string): string | null {
  return EXTENSION_TYPES[name.split('.').pop()?.toLowerCase() ?? ''] ?? null;
}

const MAX_SLEEP_MS = 300000;

export function createUtilities(ctx: ServiceContext) {
  const advance = (ms: number) => (ctx.clock as {advance?: (ms: number) => void}).advance?.(ms);
  return tracked(ctx, 'Utilities', {
    DigestAlgorithm,
    MacAlgorithm,
    Charset,

    formatDate(date: Date, timeZone: string, format: string): string {
      // A text cell passed as the date is the classic mistake: Google refuses the call by its signature.
      if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
        throw new Error(
          `The parameters (${[date, timeZone, format].map(javaType).join(',')}) don't match the method signature for Utilities.formatDate.`,
        );
      }
      return formatDate(date, timeZone, format);
    },
    formatString,
    /** Pauses the script: here the emulated clock moves on and nothing waits. Max 5 minutes, as documented. */
    sleep(milliseconds: number): void {
      if (typeof milliseconds !== 'number' || milliseconds < 0 || milliseconds > MAX_SLEEP_MS) {
        throw new Error('Invalid argument: milliseconds');
      }
      advance(milliseconds);
    },
    base64Encode: (data: string | number[], charset?: unknown) =>
      bytesOf(data, charset, 'data').toString('base64'),
    base64EncodeWebSafe: (data: string | number[], charset?: unknown) =>
      bytesOf(data, charset, 'data').toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode(encoded: string, _charset?: unknown): number[] {
      if (typeof encoded !== 'string' || !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(encoded))
        throw new Error('Invalid argument: encoded');
      return signedBytes(Buffer.from(encoded, 'base64'));
    },
    base64DecodeWebSafe(encoded: string, _charset?: unknown): number[] {
      if (typeof encoded !== 'string' || !/^[A-Za-z0-9_\-\s]*={0,2}\s*$/.test(encoded))
        throw new Error('Invalid argument: encoded');
      return signedBytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
    },
    /** Strings default to US-ASCII: each non-ASCII character becomes '?' (live Apps Script, gas-fakes test/testutilities.js "utilities digest"). */
    computeDigest(...args: unknown[]): number[] {
      const [algorithm, value, charset] = args;
      const alg = NODE_DIGEST[String(algorithm)];
      const ok =
        (args.length === 2 || args.length === 3) &&
        isMember(DigestAlgorithm, algorithm) &&
        alg !== undefined &&
        signatureFits([value], args.length === 3 ? charset : NO_CHARSET);
      if (!ok) throw signatureMismatch(args, 'Utilities.computeDigest');
      return signedBytes(createHash(alg).update(digestBytes(value, charset)).digest());
    },
    computeHmacSignature(...args: unknown[]): number[] {
      const [algorithm, value, key, charset] = args;
      const alg = NODE_HMAC[String(algorithm)];
      const ok =
        (args.length === 3 || args.length === 4) &&
        isMember(MacAlgorithm, algorithm) &&
        alg !== undefined &&
        signatureFits([value, key], args.length === 4 ? charset : NO_CHARSET);
      if (!ok) throw signatureMismatch(args, 'Utilities.computeHmacSignature');
      return signedBytes(
        createHmac(alg, digestBytes(key, charset)).update(digestBytes(value, charset)).digest(),
      );
    },
    computeHmacSha256Signature(...args: unknown[]): number[] {
      const [value, key, charset] = args;
      const ok =
        (args.length === 2 || args.length === 3) &&
        signatureFits([value, key], args.length === 3 ? charset : NO_CHARSET);
      if (!ok) throw signatureMismatch(args, 'Utilities.computeHmacSha256Signature');
      return signedBytes(
        createHmac('sha256', digestBytes(key, charset))
          .update(digestBytes(value, charset))
          .digest(),
      );
    },
    zip(blobs: unknown, name?: string): Blob {
      if (!Array.isArray(blobs)) throw signatureMismatch([blobs, name], 'Utilities.zip');
      const files: Record<string, Uint8Array> = {};
      blobs.forEach((b, i) => {
        const blob = asBlob(b);
        files[blob.getName() ?? `file${i}`] = blob.rawBytes();
      });
      return new Blob(zipSync(files), 'application/zip', name ?? 'archive.zip');
    },
    unzip(blob: unknown): Blob[] {
      const files = unzipSync(asBlob(blob).rawBytes());
      return Object.entries(files)
        .filter(([n]) => !n.endsWith('/'))
        .map(([n, bytes]) => new Blob(bytes, typeFromName(n), n));
    },
    /** gzip names the result "archive.gz" unless named; ungzip drops ".gz" and has no content type (gas-fakes test/testutilities.js "utilities gzipping"). */
    gzip(blob: unknown, name?: string): Blob {
      return new Blob(
        gzipSync(asBlob(blob).rawBytes()),
        'application/x-gzip',
        name ?? 'archive.gz',
      );
    },
    ungzip(blob: unknown): Blob {
      const b = asBlob(blob);
      let bytes: Uint8Array;
      try {
        bytes = gunzipSync(b.rawBytes());
      } catch {
        throw new Error('Invalid argument: blob');
      }
      return new Blob(bytes, null, (b.getName() ?? 'archive').replace(/\.gz$/i, ''));
    },
    /** Java SimpleDateFormat parsing in a time zone (reference/utilities/utilities#parseDate). */
    parseDate(date: string, timeZone: string, format: string): Date {
      if (typeof date !== 'string' || typeof timeZone !== 'string' || typeof format !== 'string')
        throw signatureMismatch([date, timeZone, format], 'Utilities.parseDate');
      return new Date(parseDate(date, timeZone, format));
    },
    newBlob(data: string | number[], contentType?: string, name?: string): Blob {
      if (data === undefined || data === null) throw new Error('Invalid argument: data');
      // Text gets text/plain when no type is given (reference/utilities/utilities#newBlob(String)).
      return new Blob(
        data, // Blob takes each number modulo 256, as Apps Script's signed bytes need
        contentType ?? (typeof data === 'string' ? 'text/plain' : null),
        name ?? null,
      );
    },
    getUuid: () => randomUUID(),
    parseCsv(csv: string, delimiter?: string): string[][] {
      if (typeof csv !== 'string') throw new Error('Invalid argument: csv');
      return parseCsv(csv, delimiter ?? ',');
    },
    jsonStringify: (obj: unknown) => JSON.stringify(obj),
    jsonParse: (json: string) => JSON.parse(json),
  });
}
