/**
 * How the program marks a cell: a flag (value kept; background plus a note saying what is wrong
 * and how to fix it) or a refusal (value put back; the note records what was typed, when, by
 * whom and why). Notes start with a fixed word so the program recognises its own.
 */
import {showSerial, todaySerial} from './dates';

export const FLAG_BACKGROUND = '#f4cccc';
export const FLAG_PREFIX = 'Problem: ';
export const REFUSED_PREFIX = 'Refused: ';

export function flagNote(problem: string): string {
  return `${FLAG_PREFIX}${problem}\nWhat was typed is kept. Fix the cell and this note goes.`;
}

export function isFlagNote(note: unknown): boolean {
  return typeof note === 'string' && note.startsWith(FLAG_PREFIX);
}

function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${showSerial(todaySerial(now))} ${p(now.getHours())}:${p(now.getMinutes())}`;
}

/** The note of a refused value: exactly what was typed, when, by whom, why, and what the cell holds now. */
export function refusedNote(
  typed: string,
  problem: string,
  now: Date,
  user: string,
  restored: string,
): string {
  const who = user ? ` by ${user}` : '';
  return `${REFUSED_PREFIX}"${typed}" was typed here on ${stamp(now)}${who} and not accepted, because the program's formulas read this cell.\nWhy: ${problem}\nThe cell ${restored}.`;
}

export function formulaNote(typed: string, header: string, now: Date, user: string): string {
  const who = user ? ` by ${user}` : '';
  return `${REFUSED_PREFIX}"${typed}" was typed here on ${stamp(now)}${who}. ${header} is worked out by the program, so its formula was put back. Change the cells it is worked out from instead.`;
}

export function keptAsTextNote(formula: string, now: Date): string {
  return `"${formula}" was typed on ${stamp(now)}. Text starting with = is read by Sheets as a formula, so the program kept it as text.`;
}

/** Between the program's note and the officer's own note kept below it. */
export const OFFICER_NOTE = '\n---\nYour note: ';

const isOurs = (note: string) => note.startsWith(FLAG_PREFIX) || note.startsWith(REFUSED_PREFIX);

/** The officer's own part of a cell's note (all of it when the note is not the program's). */
export function officerNote(current: string): string {
  if (!isOurs(current)) return current;
  const at = current.indexOf(OFFICER_NOTE);
  return at < 0 ? '' : current.slice(at + OFFICER_NOTE.length);
}

/**
 * The note a cell gets when the program marks it (`ours`) or clears its mark (null): an
 * officer's own note survives under ours and is all that is left once the value is fixed.
 */
export function mergeNote(current: string, ours: string | null): string {
  const theirs = officerNote(current);
  if (ours === null) return theirs;
  return theirs ? `${ours}${OFFICER_NOTE}${theirs}` : ours;
}
