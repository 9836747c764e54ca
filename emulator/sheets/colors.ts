/** Sheets stores colours as lower-case '#rrggbb' and returns them so from getBackground(). */
const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  grey: '#808080',
  gray: '#808080',
  lightgrey: '#d3d3d3',
  lightgray: '#d3d3d3',
  purple: '#800080',
  pink: '#ffc0cb',
  cyan: '#00ffff',
  magenta: '#ff00ff',
};

export function normaliseColor(c: string | null | undefined): string | undefined {
  if (c === null || c === undefined || c === '') return undefined;
  const s = String(c).trim().toLowerCase();
  if (NAMED[s]) return NAMED[s];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  throw new Error(`Invalid argument: color "${c}". Use a colour such as "#ff0000" or "red".`);
}
