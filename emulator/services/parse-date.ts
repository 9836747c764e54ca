/**
 * Utilities.parseDate: text read with a Java SimpleDateFormat pattern in a time zone
 * (developers.google.com/apps-script/reference/utilities/utilities#parseDate(String,String,String),
 * docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html). Lenient like Java's
 * default: out-of-range fields roll over (month 13 is January of the next year).
 */
import {wallToInstant} from '../sheets/dates';
import {resolveTimeZone} from './format-date';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

type Token = {letter: string; count: number} | {literal: string};

function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const text = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out.push({literal: text === '' ? "'" : text});
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out.push({letter: ch, count: j - i});
      i = j;
    } else {
      out.push({literal: ch});
      i++;
    }
  }
  return out;
}

const NUMERIC = new Set(['y', 'M', 'd', 'H', 'h', 'k', 'K', 'm', 's', 'S', 'D', 'u']);

function unparseable(text: string): Error {
  return new Error(`Unparseable date: "${text}"`);
}

/** The instant (ms) `text` names under `pattern` in `timeZone`. */
export function parseDate(text: string, timeZone: string, pattern: string): number {
  const tokens = tokenize(pattern);
  let pos = 0;
  let y = 1970;
  let mo = 0;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  let ms = 0;
  let pm: boolean | undefined;
  let hour12 = false;
  let offsetMin: number | undefined;
  const fail = () => unparseable(text);
  const skipSpaces = () => {
    while (text[pos] === ' ') pos++;
  };
  tokens.forEach((tok, i) => {
    if ('literal' in tok) {
      if (text.startsWith(tok.literal, pos)) pos += tok.literal.length;
      else if (tok.literal.trim() === '' && /\s/.test(text[pos] ?? '')) skipSpaces();
      else throw fail();
      return;
    }
    const {letter, count} = tok;
    const next = tokens[i + 1];
    const abutting = next && 'letter' in next && NUMERIC.has(next.letter);
    const number = (): number => {
      const m = (abutting ? new RegExp(`^[-+]?\\d{1,${count}}`) : /^[-+]?\d+/).exec(
        text.slice(pos),
      );
      if (!m) throw fail();
      pos += m[0].length;
      return Number(m[0]);
    };
    const word = (list: string[]): number => {
      const rest = text.slice(pos).toLowerCase();
      for (const full of [true, false]) {
        const idx = list.findIndex(w => rest.startsWith(full ? w : w.slice(0, 3)));
        if (idx >= 0) {
          pos += full ? list[idx].length : 3;
          return idx;
        }
      }
      throw fail();
    };
    switch (letter) {
      case 'y':
      case 'Y': {
        const start = pos;
        y = number();
        // Two digits for "yy": within 80 years before and 20 after now, as Java does.
        if (count <= 2 && pos - start === 2) {
          const now = new Date().getUTCFullYear();
          y += Math.floor((now - 80) / 100) * 100;
          if (y < now - 80) y += 100;
        }
        break;
      }
      case 'M':
      case 'L':
        mo = count >= 3 ? word(MONTHS) : number() - 1;
        break;
      case 'd':
        d = number();
        break;
      case 'E':
        word(DAYS);
        break;
      case 'H':
      case 'k':
        h = number() % (letter === 'k' ? 24 : Infinity);
        break;
      case 'h':
      case 'K':
        h = number() % 12;
        hour12 = true;
        break;
      case 'm':
        mi = number();
        break;
      case 's':
        s = number();
        break;
      case 'S':
        ms = number();
        break;
      case 'a': {
        const rest = text.slice(pos, pos + 2).toUpperCase();
        if (rest !== 'AM' && rest !== 'PM') throw fail();
        pm = rest === 'PM';
        pos += 2;
        break;
      }
      case 'z':
      case 'Z':
      case 'X': {
        const rest = text.slice(pos);
        const m = /^(?:GMT|UTC)?([-+])(\d{1,2}):?(\d{2})?/.exec(rest);
        if (m) {
          offsetMin = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
          pos += m[0].length;
        } else if (/^(Z|GMT|UTC)/.test(rest)) {
          offsetMin = 0;
          pos += rest.startsWith('Z') ? 1 : 3;
        } else throw fail();
        break;
      }
      default:
        throw new Error(`Illegal pattern character '${letter}'`);
    }
  });
  if (hour12 && pm) h += 12;
  const wall = Date.UTC(y, mo, d, h, mi, s, ms);
  if (Number.isNaN(wall)) throw fail();
  if (offsetMin !== undefined) return wall - offsetMin * 60_000;
  return wallToInstant(wall, resolveTimeZone(timeZone));
}
