/**
 * The action log (committee-practice "Action log"): actions arising up to the meeting, grouped
 * by the meeting they arose at, oldest first. An action closed since the last meeting is shown
 * once, as Closed, then leaves the log.
 */
import {ActionItem, Day, Meeting} from '../domain/records';
import {dateOfIso} from '../domain/calendar';
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
  actions: readonly ActionItem[],
  meetings: readonly Meeting[],
  target: Day,
): ActionItem[] {
  // The last meeting of the committee itself: a workshop, an unused reserve date or a cancelled
  // meeting never saw the log, so actions closed since the one before still have to be shown.
  const previous = meetings
    .filter(
      m =>
        m.date < target &&
        m.status !== 'Cancelled' &&
        m.type !== 'Workshop' &&
        (m.type !== 'Reserve' || m.status === 'Held'),
    )
    .map(m => m.date)
    .reduce((a, b) => (a > b ? a : b), '');
  const sortKey = (a: ActionItem) => a.meeting ?? '9999';
  return actions
    .filter(a => !a.meeting || a.meeting < target)
    .filter(
      a =>
        a.status !== 'Closed' ||
        (a.dateClosed !== null && a.dateClosed > previous && a.dateClosed <= target),
    )
    .sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.row - b.row);
}

export function actionLogPaper(
  actions: readonly ActionItem[],
  meetings: readonly Meeting[],
  target: Day,
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
  let group: Day | null | undefined;
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
    const g = a.meeting;
    if (g !== group) {
      flush();
      group = g;
      blocks.push(
        h2(
          a.meeting ? `Meeting of ${s.dates(a.meeting, DATE)}` : 'Actions not linked to a meeting',
        ),
      );
    }
    const by = a.owners.join('; ');
    const review = a.reviewDate
      ? s.dates(a.reviewDate, SHORT_DATE)
      : a.status === 'Ongoing' || a.status === 'On hold'
        ? 'Not set'
        : '';
    const comments =
      a.status === 'Closed' && a.dateClosed
        ? [a.comments, `Closed on ${s.dates(a.dateClosed, SHORT_DATE)}.`].filter(Boolean).join(' ')
        : a.comments;
    rows.push([a.minute, a.title, by, a.action, comments, a.status, review]);
  }
  flush();
  return {
    kind: 'Action log',
    name: paperName(s.group, 'Action log', s.dates(target, DATE)),
    blocks,
    fields: {
      group_name: s.group,
      meeting_date: dateOfIso(target),
      updated: today,
      actions: shown.map(a => ({
        meeting_date: a.meeting ? dateOfIso(a.meeting) : '',
        minute_no: a.minute,
        report_title: a.title,
        by: a.owners.join('; '),
        action: a.action,
        comments: a.comments,
        status: a.status,
        review_date: a.reviewDate ? dateOfIso(a.reviewDate) : '',
      })),
    },
  };
}
