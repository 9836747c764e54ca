/**
 * Decisions from minutes: the resolutions of approved minutes, read from the Doc's text, become
 * rows of the Decisions tab. The minutes draft (src/papers/minutes.ts) heads each minute "233.
 * Title" and writes each resolution as a paragraph starting "RESOLVED:" (or "RECOMMENDED:" for a
 * recommendation to full Council); that is the whole grammar. Pure: no Apps Script.
 */
import type {Day, Decision} from './records';

export type DecisionType = 'Resolved' | 'Noted' | 'Recommended to Council';

/** One resolution found in the minutes. */
export interface MinutedDecision {
  readonly minute: string;
  readonly item: string;
  readonly decision: string;
  readonly type: DecisionType;
}

/** A resolution the program could not take into the Decisions tab, and why. */
export interface ResolutionProblem {
  /** "Minute 233 (Carers strategy)" or "Before the first numbered minute". */
  readonly where: string;
  readonly problem: string;
}

const HEADING = /^(\d{1,5})\.\s+(\S.*)$/;
const RESOLUTION = /^(RESOLVED|RECOMMENDED)\b[\s:,-]*(.*)$/;
/** A continuation of a multi-part resolution: "(b) …". */
const PART = /^\([a-z0-9]{1,4}\)\s/i;
const EXCLUSION = /public be excluded|exclu(de|sion of) the (press and )?public/i;
/** Minutes of procedure: their record is not a decision of the group. */
const PROCEDURAL = /^(apologies|declarations? of interest|date of (the )?next meeting|minutes\b)/i;

/** Noted, Recommended to Council, or Resolved: from the resolution's own words. */
export function decisionTypeOf(keyword: string, text: string): DecisionType {
  if (keyword === 'RECOMMENDED' || /recommend(ed|s)? to (full )?council/i.test(text))
    return 'Recommended to Council';
  if (/^that (the|this) .{0,80}\bbe noted\.?$/i.test(text.trim())) return 'Noted';
  return 'Resolved';
}

/**
 * The resolutions of a minutes Doc's text (paragraphs one a line), each under its numbered
 * minute heading. A resolution still holding the draft's "[…]" placeholder, or standing before
 * any numbered minute, is a problem rather than a decision; procedural minutes are skipped.
 */
export function resolutionsInMinutes(text: string): {
  decisions: MinutedDecision[];
  problems: ResolutionProblem[];
} {
  const decisions: MinutedDecision[] = [];
  const problems: ResolutionProblem[] = [];
  let minute = '';
  let item = '';
  let open: {keyword: string; parts: string[]} | null = null;
  const close = () => {
    if (!open) return;
    const text = open.parts.join(' ').trim();
    const where = minute ? `Minute ${minute} (${item})` : 'Before the first numbered minute';
    if (EXCLUSION.test(text)) {
      // Excluding the public is a resolution of procedure, not a decision to register.
    } else if (!minute) {
      problems.push({
        where,
        problem: `"${clip(text)}" is not under a numbered minute heading ("233. Title"), so it has no minute number.`,
      });
    } else if (!text || /\[[^\]]*\]/.test(text)) {
      problems.push({
        where,
        problem: `The resolution still reads "${clip(`${open.keyword}: ${text}`)}": write the resolution the meeting made in place of the words in brackets.`,
      });
    } else if (!PROCEDURAL.test(item)) {
      decisions.push({minute, item, decision: text, type: decisionTypeOf(open.keyword, text)});
    }
    open = null;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const h = line.match(HEADING);
    const r = line.match(RESOLUTION);
    if (h && !r) {
      close();
      minute = h[1];
      item = h[2].trim();
    } else if (r) {
      close();
      open = {keyword: r[1], parts: [r[2]]};
    } else if (open && PART.test(line)) {
      open.parts.push(line);
    } else {
      close();
    }
  }
  close();
  return {decisions, problems};
}

const clip = (s: string) => (s.length > 90 ? `${s.slice(0, 87)}...` : s);

/**
 * The decisions to add for a meeting: a minute already on the Decisions tab for that meeting is
 * left exactly as the clerk has it (republishing never duplicates nor overwrites).
 */
export function decisionsToAdd(
  meeting: Day,
  found: readonly MinutedDecision[],
  existing: readonly Decision[],
): MinutedDecision[] {
  const have = new Set(
    existing.filter(d => d.meeting === meeting).map(d => d.minute.trim().replace(/\.$/, '')),
  );
  return found.filter(d => !have.has(d.minute));
}
