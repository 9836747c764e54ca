/**
 * The forward agenda plan (committee-practice "Forward agenda plan"): per committee date its
 * items, lead officers, key decision references, report deadline and despatch date; provisional
 * dates marked; items "to be programmed" last. It is a public paper: exempt items show no title.
 */
import {AgendaItem, Meeting} from '../domain/records';
import {isoOfDate} from '../domain/calendar';
import {DATE, LONG_DATE} from './dates';
import {PaperSettings, paperName} from './agenda';
import {Block, Paper, h2, para, table} from './model';

const HEAD = ['Item', 'Lead officer', 'Key decision ref'];
const row = (i: AgendaItem) =>
  i.confidential || i.section === 'Exempt items'
    ? ['Exempt item (details withheld)', '', '']
    : [i.title, i.leadOfficer, i.keyDecisionRef];

export function forwardPlanPaper(
  meetings: readonly Meeting[],
  items: readonly AgendaItem[],
  today: Date,
  s: PaperSettings,
): Paper {
  const from = isoOfDate(today);
  const coming = meetings
    .filter(m => m.date >= from && m.status !== 'Cancelled')
    .sort((a, b) => a.date.localeCompare(b.date));
  const blocks: Block[] = [
    {kind: 'title', text: s.group},
    {kind: 'subtitle', text: 'Forward agenda plan'},
    para(`As at ${s.dates(today, DATE)}.`, {italic: true}),
  ];
  if (!coming.length) blocks.push(para('No meetings are planned yet.'));
  for (const m of coming) {
    const when = m.date;
    blocks.push(
      h2(
        `${s.dates(when, LONG_DATE)}${m.status === 'Provisional' ? ' (provisional)' : ''}${m.type === 'Reserve' ? ' (reserve date)' : ''}`,
      ),
    );
    const deadlines = [
      m.reportDeadline ? `reports by ${s.dates(m.reportDeadline, DATE)}` : '',
      m.despatchBy ? `agenda despatched by ${s.dates(m.despatchBy, DATE)}` : '',
    ].filter(Boolean);
    if (deadlines.length) blocks.push(para(`Deadlines: ${deadlines.join('; ')}.`));
    const its = items.filter(i => i.meeting === when && !i.standing);
    blocks.push(
      its.length
        ? table([HEAD, ...its.map(row)])
        : para('No items planned yet beyond the standing items.', {italic: true}),
    );
  }
  const later = items.filter(i => !i.meeting);
  blocks.push(h2('To be programmed'));
  blocks.push(later.length ? table([HEAD, ...later.map(row)]) : para('None.', {italic: true}));
  return {
    kind: 'Forward plan',
    name: paperName(s.group, 'Forward plan', s.dates(today, DATE)),
    blocks,
    fields: {group_name: s.group, as_at: today},
  };
}
