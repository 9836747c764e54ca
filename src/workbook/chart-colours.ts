/**
 * The colours of charts, meaning what the sheet's formats mean: a closed action is grey, as the
 * Actions tab greys closed rows (conditional.ts); red and amber stay for overdue and due soon, so
 * no action status is drawn in them. Cash flow below zero is red and from break-even on green,
 * as the Cash flow tab marks them (cashflow.ts). The Dashboard's charts and the papers' charts
 * (papers/chart.ts) both take their colours from here.
 */
import {GREY_TEXT} from './conditional';
import {ACTION_STATUSES} from './schema';

export const ACTION_STATUS_COLOURS: Readonly<Record<(typeof ACTION_STATUSES)[number], string>> = {
  Open: '#1f5c99',
  Ongoing: '#2a9d8f',
  'On hold': '#6e50a0',
  Closed: GREY_TEXT,
};

/** An action with its Status empty (the Dashboard's "No status" row after the statuses). */
export const NO_STATUS_COLOUR = '#b0bec5';

/** One colour per status, in the order the Dashboard and the papers list them, then "No status". */
export const actionStatusColours = (): string[] => [
  ...ACTION_STATUSES.map(s => ACTION_STATUS_COLOURS[s]),
  NO_STATUS_COLOUR,
];

/** Cumulative cash flow below zero (the red of the Cash flow tab's negative figures). */
export const BELOW_BREAK_EVEN = '#b3261e';
/** Cumulative cash flow at or above zero: break-even reached. */
export const BREAK_EVEN_REACHED = '#188038';
