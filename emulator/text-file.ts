/**
 * Reading a text file someone else's program wrote (a CSV from Excel, LibreOffice, a bank):
 * UTF-8 with or without a byte-order mark, UTF-16 (little or big endian, with a mark, or
 * without one when every other byte is zero), or Windows-1252, what Excel on Windows saves as
 * "CSV". Bytes that fit none of them are refused rather than turned into "�".
 */
import {ClerkInputError} from './errors';

export interface DecodedText {
  text: string;
  /** The encoding found: 'UTF-8', 'UTF-16LE', 'UTF-16BE' or 'Windows-1252'. */
  encoding: string;
}

/** Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 text. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, {fatal: true, ignoreBOM: false}).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a mark: ASCII-heavy text has a zero in every other byte. */
function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = bytes.length / 2;
  if (oddZero > half * 0.6 && evenZero === 0) return 'utf-16le';
  if (evenZero > half * 0.6 && oddZero === 0) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const refuse = (why: string) =>
    new ClerkInputError(
      `${file}: ${why}. Save it again as "CSV UTF-8" (Excel: File > Save As > CSV UTF-8) and import that.`,
    );
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const text = strict('utf-8', b);
    if (text === null) throw refuse('it starts as UTF-8 but has bytes that are not UTF-8');
    return {text, encoding: 'UTF-8'};
  }
  const bom16 =
    b[0] === 0xff && b[1] === 0xfe
      ? 'utf-16le'
      : b[0] === 0xfe && b[1] === 0xff
        ? 'utf-16be'
        : null;
  const label = bom16 ?? utf16Guess(b);
  if (label) {
    const text = strict(label, b);
    if (text === null) throw refuse(`it is not valid ${label.toUpperCase()} text`);
    return {text, encoding: label.toUpperCase()};
  }
  if (b.includes(0))
    throw refuse('it holds zero bytes, so it is not a text file in an encoding clerk knows');
  const utf8 = strict('utf-8', b);
  if (utf8 !== null) return {text: utf8, encoding: 'UTF-8'};
  if (b.some(x => CP1252_UNDEFINED.has(x)))
    throw refuse('it is neither UTF-8, UTF-16 nor Windows-1252 text');
  const text = strict('windows-1252', b);
  if (text === null) throw refuse('it is neither UTF-8, UTF-16 nor Windows-1252 text');
  return {text, encoding: 'Windows-1252'};
}
