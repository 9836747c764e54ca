/**
 * The actions and contracts watch: which actions are overdue, due soon or gone quiet, and
 * which contracts are ending within their notice period or the warning period.
 */
import {addDays, dayNumber} from './calendar';
import {Finding} from './findings';
import type {ActionItem, Contract, Day} from './records';

export type {ActionItem, Contract};

export interface WatchRules {
  readonly dueSoonDays: number;
  readonly staleDays: number;
  readonly contractWarningDays: number;
}

export type ActionFlag = 'Overdue' | 'Due soon' | 'No update' | 'No review date';

export const isOpen = (a: ActionItem): boolean => a.status !== 'Closed';

export function actionFlags(a: ActionItem, today: string, rules: WatchRules): ActionFlag[] {
  if (!isOpen(a)) return [];
  const flags: ActionFlag[] = [];
  if (a.reviewDate) {
    if (a.reviewDate < today) flags.push('Overdue');
    else if (a.reviewDate <= addDays(today, rules.dueSoonDays)) flags.push('Due soon');
  } else if (a.status === 'Ongoing' || a.status === 'On hold') {
    flags.push('No review date');
  }
  const touched = a.lastUpdated ?? a.meeting;
  if (touched && dayNumber(today) - dayNumber(touched) > rules.staleDays) flags.push('No update');
  return flags;
}

export function describeAction(a: ActionItem): string {
  const short = a.action.length > 80 ? `${a.action.slice(0, 77)}...` : a.action;
  return `${a.minute ? `Minute ${a.minute}: ` : ''}${short}`;
}

export function actionFindings(
  actions: readonly ActionItem[],
  today: string,
  rules: WatchRules,
): Finding[] {
  const out: Finding[] = [];
  for (const a of actions) {
    const where = `Actions row ${a.row}${a.owners.length ? ` (${a.owners.join('; ')})` : ''}`;
    for (const f of actionFlags(a, today, rules)) {
      if (f === 'Overdue')
        out.push({
          rule: 'Action overdue',
          severity: 'Problem',
          where,
          finding: `${describeAction(a)}: review date ${a.reviewDate} has passed.`,
          whatToDo: 'Chase the owner; update the status, or set a new review date.',
        });
      if (f === 'Due soon')
        out.push({
          rule: `Action due within ${rules.dueSoonDays} days`,
          severity: 'Note',
          where,
          finding: `${describeAction(a)}: due ${a.reviewDate}.`,
          whatToDo: 'Remind the owner.',
        });
      if (f === 'No review date')
        out.push({
          rule: 'Ongoing action needs a review date',
          severity: 'Warning',
          where,
          finding: `${describeAction(a)} is ${a.status} with no review date.`,
          whatToDo: 'Agree a review date with the owner.',
        });
      if (f === 'No update')
        out.push({
          rule: `No update for ${rules.staleDays} days`,
          severity: 'Warning',
          where,
          finding: `${describeAction(a)}: last updated ${a.lastUpdated ?? `never (raised ${a.meeting})`}.`,
          whatToDo: 'Ask the owner for progress and record it in Comments.',
        });
    }
  }
  return out;
}

// ---- contracts ----

export interface Extension {
  /** Months of the initial term, when written ("5+2" → 60). */
  readonly initialMonths: number | null;
  /** Months of extension available in all. */
  readonly extensionMonths: number;
}

/**
 * Reads extension options as officers write them: "5+2" (years), "3+1+1", "2 x 12 months",
 * "24 months", "1 year", "none". Returns null when the text cannot be read.
 */
export function parseExtensionOptions(text: string): Extension | null {
  const t = text.trim().toLowerCase();
  if (!t || t === 'none' || t === 'no' || t === 'n/a' || t === '0')
    return {initialMonths: null, extensionMonths: 0};
  let m = /^(\d+(?:\.\d+)?)((?:\s*\+\s*\d+(?:\.\d+)?)+)\s*(?:years?|yrs?)?$/.exec(t);
  if (m) {
    const ext = m[2]
      .split('+')
      .map(x => x.trim())
      .filter(Boolean)
      .reduce((s, x) => s + Number(x), 0);
    return {initialMonths: Math.round(Number(m[1]) * 12), extensionMonths: Math.round(ext * 12)};
  }
  m = /^(\d+)\s*[x×]\s*(\d+)\s*(months?|years?)$/.exec(t);
  if (m)
    return {
      initialMonths: null,
      extensionMonths: Number(m[1]) * Number(m[2]) * (m[3].startsWith('year') ? 12 : 1),
    };
  m = /^(\d+)\s*(months?|years?)$/.exec(t);
  if (m)
    return {
      initialMonths: null,
      extensionMonths: Number(m[1]) * (m[2].startsWith('year') ? 12 : 1),
    };
  return null;
}

function addMonths(date: string, months: number): string {
  const [y, mo, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, mo - 1 + months, 1));
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), Math.min(d, last)))
    .toISOString()
    .slice(0, 10);
}

/**
 * The latest end date extension options allow: "5+2" counts from the Start date (the day before
 * 7 years on), "2 x 12 months" from the End date; null when nothing can be worked out.
 */
export function latestEnd(ext: Extension, start: Day | null, end: Day | null): Day | null {
  if (ext.initialMonths !== null && start)
    return addDays(addMonths(start, ext.initialMonths + ext.extensionMonths), -1);
  return end ? addMonths(end, ext.extensionMonths) : null;
}

/** What is wrong with a contract's extension: options that cannot be read, or an Extended to beyond them. */
export function extensionProblem(
  options: string,
  start: Day | null,
  end: Day | null,
  extendedTo: Day | null,
): {readonly about: 'options' | 'extendedTo'; readonly problem: string} | null {
  if (!options.trim()) return null;
  const ext = parseExtensionOptions(options);
  if (!ext)
    return {
      about: 'options',
      problem: `The extension options "${options}" cannot be read. Write them like "5+2" (years), "2 x 12 months" or "none".`,
    };
  if (!extendedTo) return null;
  const latest = latestEnd(ext, start, end);
  if (latest && extendedTo > latest)
    return {
      about: 'extendedTo',
      problem: `Extended to ${extendedTo} is beyond what the extension options "${options}" allow (at the latest ${latest}). Correct Extended to, or the Extension options if the contract was varied.`,
    };
  return null;
}

export interface ContractWatch {
  readonly contract: Contract;
  readonly currentEnd: string;
  readonly daysLeft: number;
  /** The window that flagged it: the notice period or the warning period, whichever is longer. */
  readonly windowDays: number;
  /** Latest end date the extension options allow, when later than the current end. */
  readonly extensionUntil: string | null;
  readonly unreadableOptions: boolean;
}

/**
 * The one definition of a contract "ending in the window" (Compliance, the annual report, the
 * Dashboard's formula in workbook/dashboard.ts and the Contracts tab's amber format): Status not
 * Ended; its end is Extended to when that is a date, else End date (no readable end: not
 * counted); the end is from today to today + the window, where the window is "Contract warning
 * days" or the contract's notice period, whichever is longer (an unreadable notice period: 0).
 */
export function endingInWindow(
  c: Contract,
  today: Day,
  contractWarningDays: number,
): {readonly currentEnd: Day; readonly daysLeft: number; readonly windowDays: number} | null {
  if (c.status === 'Ended') return null;
  const currentEnd = c.extendedTo ?? c.endDate;
  if (!currentEnd || currentEnd < today) return null;
  const windowDays = Math.max(contractWarningDays, c.noticeDays ?? 0);
  const daysLeft = dayNumber(currentEnd) - dayNumber(today);
  return daysLeft > windowDays ? null : {currentEnd, daysLeft, windowDays};
}

export function watchContract(c: Contract, today: string, rules: WatchRules): ContractWatch | null {
  const ending = endingInWindow(c, today, rules.contractWarningDays);
  if (!ending) return null;
  const {currentEnd, daysLeft, windowDays} = ending;
  const ext = parseExtensionOptions(c.extensionOptions);
  const latest = ext ? latestEnd(ext, c.startDate, c.endDate) : null;
  const extensionUntil = latest && latest > currentEnd ? latest : null;
  return {
    contract: c,
    currentEnd,
    daysLeft,
    windowDays,
    extensionUntil,
    unreadableOptions: ext === null,
  };
}

export function contractFindings(
  contracts: readonly Contract[],
  today: string,
  rules: WatchRules,
): Finding[] {
  const out: Finding[] = [];
  for (const c of contracts) {
    const w = watchContract(c, today, rules);
    const where = `Contracts row ${c.row} (${c.reference})`;
    if (!w) continue;
    const inNotice = c.noticeDays !== null && w.daysLeft <= c.noticeDays;
    out.push({
      rule: inNotice
        ? 'Contract inside its notice period'
        : `Contract ending within ${rules.contractWarningDays} days`,
      severity: inNotice ? 'Problem' : 'Warning',
      where,
      finding:
        `${c.title || c.reference}${c.provider ? ` (${c.provider})` : ''} ends on ${w.currentEnd}, in ${w.daysLeft} days.` +
        (w.extensionUntil
          ? ` Extension options left: up to ${w.extensionUntil}.`
          : w.unreadableOptions
            ? ` Extension options "${c.extensionOptions}" could not be read.`
            : ' No extension options left.'),
      whatToDo: w.extensionUntil
        ? 'Decide whether to extend (record it in Extended to) or recommission.'
        : 'Plan recommissioning or an exit.',
    });
  }
  return out;
}
