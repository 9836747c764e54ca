/**
 * The action log (committee-practice "Action log"): actions arising up to the meeting, grouped
 * by the meeting they arose at, oldest first. An action closed since the last meeting is shown
 * once, as Closed, then leaves the log.
 */
import {ActionRecord, Meeting, dayKey} from './data';
import {DATE, SHORT_DATE} from './dates';
import {PaperSettings, paperName} from './agenda';
import {Block, Paper, h2, para} from './model';

export const ACTION_COLUMNS = [
  'Minute no.',
  'Report title',
  'Action to be taken by',
  'Action',
  'Comments',
  'Status',
  'Review date',
];

/** The actions the log for the meeting on `target` shows, in order. */
export function actionsForLog(
  actions: readonly ActionRecord[],
  meetings: readonly Meeting[],
  target: Date,
): ActionRecord[] {
  const t = dayKey(target);
  const previous = meetings
    .filter(m => m.date && dayKey(m.date) < t && m.status !== 'Cancelled')
    .map(m => dayKey(m.date as Date))
    .reduce((a, b) => Math.max(a, b), -Infinity);
  return actions
    .filter(a => !a.date || dayKey(a.date) < t)
    .filter(
      a =>
        a.status !== 'Closed' ||
        (a.closed !== null && dayKey(a.closed) > previous && dayKey(a.closed) <= t),
    )
    .sort(
      (a, b) =>
        (a.date ? dayKey(a.date) : Infinity) - (b.date ? dayKey(b.date) : Infinity) ||
        a.row - b.row,
    );
}

export function actionLogPaper(
  actions: readonly ActionRecord[],
  meetings: readonly Meeting[],
  target: Date,
  today: Date,
  s: PaperSettings,
): Paper {
  const shown = actionsForLog(actions, meetings, target);
  const blocks: Block[] = [
    {kind: 'title', text: s.group},
    {kind: 'subtitle', text: 'Action log'},
    para(
      `This log captures the actions arising up to the meeting on ${s.dates(target, DATE)} and updates members on progress.`,
    ),
    para(`Updated as at ${s.dates(today, DATE)}.`, {italic: true}),
  ];
  if (!shown.length)
    blocks.push(para('There are no open actions, and none was closed since the last meeting.'));
  let group: number | null | undefined;
  let rows: string[][] = [];
  const flush = () => {
    // The same widths in every meeting's table, so the log reads as one list.
    if (rows.length)
      blocks.push({
        kind: 'table',
        rows: [ACTION_COLUMNS, ...rows],
        header: true,
        widths: [8, 12, 14, 26, 18, 10, 12],
      });
    rows = [];
  };
  for (const a of shown) {
    const g = a.date ? dayKey(a.date) : null;
    if (g !== group) {
      flush();
      group = g;
      blocks.push(
        h2(a.date ? `Meeting of ${s.dates(a.date, DATE)}` : 'Actions not linked to a meeting'),
      );
    }
    const review = a.review
      ? s.dates(a.review, SHORT_DATE)
      : a.status === 'Ongoing' || a.status === 'On hold'
        ? 'Not set'
        : '';
    const comments =
      a.status === 'Closed' && a.closed
        ? [a.comments, `Closed on ${s.dates(a.closed, SHORT_DATE)}.`].filter(Boolean).join(' ')
        : a.comments;
    rows.push([a.minute, a.report, a.by, a.action, comments, a.status || 'Open', review]);
  }
  flush();
  return {
    kind: 'Action log',
    name: paperName(s.group, 'Action log', s.dates(target, DATE)),
    blocks,
    fields: {
      group_name: s.group,
      meeting_date: target,
      updated: today,
      actions: shown.map(a => ({
        meeting_date: a.date,
        minute_no: a.minute,
        report_title: a.report,
        by: a.by,
        action: a.action,
        comments: a.comments,
        status: a.status,
        review_date: a.review,
      })),
    },
  };
}
