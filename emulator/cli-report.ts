/**
 * What `clerk edit` and `clerk import` tell the person after the script's onEdit has run: each
 * value it refused (changed back, with a note saying why) or flagged (kept, with a note), as
 * Sheets would show them in the cell. Read from the model directly, so nothing is counted as a
 * call the script made.
 */
import {peers} from './services/peers';
import type {Io} from './services/io';

interface Marks {
  note?: string;
  background?: string;
}

interface SheetLike {
  name: string;
  meta: ((Marks | undefined)[] | undefined)[];
}

export interface EditBlock {
  tab: string;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Notes and backgrounds of the edited rows (every column), keyed "row,col" (1-based). */
function marksOfRows(model: {sheets: SheetLike[]}, b: EditBlock): Map<string, Marks> {
  const sheet = model.sheets.find(s => s.name === b.tab);
  const out = new Map<string, Marks>();
  for (let r = b.row; r < b.row + b.numRows; r++)
    sheet?.meta[r - 1]?.forEach((m, c) => {
      if (m && (m.note || m.background))
        out.set(`${r},${c + 1}`, {note: m.note, background: m.background});
    });
  return out;
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

/** Before onEdit: the block as the person entered it, and the rows' notes and colours. */
export function beforeOnEdit(model: any, b: EditBlock) {
  const shown = peers.sheets()!.getComputed(model, blockA1(b)).display;
  return {shown, marks: marksOfRows(model, b)};
}

function blockA1(b: EditBlock): string {
  const tab = `'${b.tab.replace(/'/g, "''")}'`;
  return `${tab}!${columnLetters(b.col)}${b.row}:${columnLetters(b.col + b.numCols - 1)}${b.row + b.numRows - 1}`;
}

/**
 * After onEdit: prints one line per refused or flagged cell (at most `limit`, then how many
 * more). A cell is refused when the script changed what was entered and left a note; flagged
 * when it kept the value and a note appeared or changed.
 */
export function reportOnEdit(
  model: any,
  b: EditBlock,
  before: ReturnType<typeof beforeOnEdit>,
  io: Io,
  limit = 50,
): {refused: number; flagged: number} {
  const after = peers.sheets()!.getComputed(model, blockA1(b)).display;
  const marks = marksOfRows(model, b);
  const lines: string[] = [];
  let refused = 0;
  let flagged = 0;
  for (const [key, m] of marks) {
    if (!m.note) continue;
    const old = before.marks.get(key);
    const [r, c] = key.split(',').map(Number);
    const inBlock = c >= b.col && c < b.col + b.numCols;
    const entered = inBlock ? before.shown[r - b.row][c - b.col] : undefined;
    const now = inBlock ? after[r - b.row][c - b.col] : undefined;
    const where = `${b.tab}!${columnLetters(c)}${r}`;
    if (inBlock && entered !== now && entered !== '') {
      refused++;
      lines.push(
        `refused: ${where} "${entered}"${now ? ` (kept "${now}")` : ''}: ${oneLine(m.note)}`,
      );
    } else if (old?.note !== m.note) {
      flagged++;
      lines.push(`flagged: ${where}${now ? ` "${now}"` : ''}: ${oneLine(m.note)}`);
    }
  }
  for (const l of lines.slice(0, limit)) io.out(l);
  if (lines.length > limit)
    io.out(`… and ${lines.length - limit} more: each is noted on its cell (clerk get --notes)`);
  return {refused, flagged};
}

/** `clerk get --notes`: each cell of the range with a note, a background or a font colour. */
export function notesOf(
  model: any,
  a1: string,
): {cell: string; note?: string; background?: string; color?: string}[] {
  const got = peers.sheets()!.getComputed(model, a1);
  void got; // resolves the range (and says "Range not found" for a bad one) before reading marks
  const bang = a1.lastIndexOf('!');
  const raw = a1.slice(0, bang);
  const tab = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  const sheet = (model.sheets as (SheetLike & {meta: any[][]})[]).find(
    s => s.name.toLowerCase() === tab.toLowerCase(),
  );
  const [start, end = start] = a1
    .slice(bang + 1)
    .replace(/\$/g, '')
    .split(':');
  const parse = (x: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(x)!;
    const col = m[1]
      ? [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)
      : undefined;
    return {col, row: m[2] ? Number(m[2]) : undefined};
  };
  const s = parse(start);
  const e = parse(end);
  const out: {cell: string; note?: string; background?: string; color?: string}[] = [];
  sheet?.meta.forEach((line, r) =>
    line?.forEach((m: any, c: number) => {
      if (!m || !(m.note || m.background || m.font?.color)) return;
      const row = r + 1;
      const col = c + 1;
      if ((s.row && row < s.row) || (e.row && row > e.row)) return;
      if ((s.col && col < s.col) || (e.col && col > e.col)) return;
      const x: {cell: string; note?: string; background?: string; color?: string} = {
        cell: `${columnLetters(col)}${row}`,
      };
      if (m.note) x.note = m.note;
      if (m.background) x.background = m.background;
      if (m.font?.color) x.color = m.font.color;
      out.push(x);
    }),
  );
  return out;
}
