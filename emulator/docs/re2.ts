/**
 * Search patterns for Body.findText / replaceText. Google passes them to RE2
 * (developers.google.com/apps-script/reference/document/body#replaceText(String,String):
 * "This methods uses Google's RE2 regular expression library, which limits the supported syntax";
 * "The provided regular expression pattern is independently matched against each text block";
 * findText: "A subset of the JavaScript regular expression features are not fully supported, such as
 * capture groups and mode modifiers"). RE2 has no lookaround and no backreferences
 * (github.com/google/re2/wiki/Syntax), so those are refused here instead of silently working.
 * Matching is case-sensitive unless the pattern starts with (?i).
 */

const UNSUPPORTED: Array<[RegExp, string]> = [
  [/\(\?<=/, 'lookbehind (?<=...)'],
  [/\(\?<!/, 'negative lookbehind (?<!...)'],
  [/\(\?=/, 'lookahead (?=...)'],
  [/\(\?!/, 'negative lookahead (?!...)'],
  [/\\[1-9]/, 'backreference \\1...\\9'],
];

const POSIX: Record<string, string> = {
  alpha: 'A-Za-z', digit: '0-9', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: '\\w',
};

const cache = new Map<string, RegExp>();

/** Compiles an Apps Script (RE2) search pattern to a global JavaScript RegExp, or throws naming what is unsupported. */
export function compileSearchPattern(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  if (typeof pattern !== 'string') throw new Error('Exception: Invalid argument: searchPattern');
  // Strip escaped backslashes before looking for unsupported constructs so "\\\\1" (a literal backslash then 1) passes.
  const probe = pattern.replace(/\\\\/g, '');
  for (const [re, what] of UNSUPPORTED) {
    if (re.test(probe)) {
      throw new Error(`Exception: Invalid regular expression "${pattern}": ${what} is not supported (Apps Script uses RE2).`);
    }
  }
  let flags = 'g';
  let body = pattern;
  const lead = /^\(\?([imsU]+)\)/.exec(body);
  if (lead) {
    if (lead[1].includes('i')) flags += 'i';
    if (lead[1].includes('m')) flags += 'm';
    if (lead[1].includes('s')) flags += 's';
    body = body.slice(lead[0].length);
  }
  body = body
    .replace(/\(\?P</g, '(?<')
    .replace(/\[:(\w+):\]/g, (m, name: string) => POSIX[name] ?? m)
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$');
  let re: RegExp;
  try {
    re = new RegExp(body, flags);
  } catch (e) {
    throw new Error(`Exception: Invalid regular expression "${pattern}": ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
  }
  cache.set(pattern, re);
  return re;
}

/** Non-empty matches of the pattern in one text block: [start, endExclusive]. */
export function matchesIn(text: string, pattern: string): Array<[number, number]> {
  const re = compileSearchPattern(pattern);
  re.lastIndex = 0;
  const out: Array<[number, number]> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}
