/**
 * The annual report (committee-practice "Papers and publication"): meetings held, attendance by
 * member, topics, actions opened and closed, contracts and money overseen, with two charts
 * (actions by status; cumulative cash flow). A public paper: no exempt item, no contact details.
 */
import {ACTION_STATUSES} from '../workbook/schema';
import {
  ActionRecord,
  AttendanceRecord,
  AgendaItem,
  CashFlowRecord,
  ContractRecord,
  Meeting,
  dayKey,
} from './data';
import {DATE} from './dates';
import {PaperSettings, paperName} from './agenda';
import {Block, Paper, h2, para, table} from './model';
import {money} from './template';

export interface YearData {
  readonly meetings: readonly Meeting[];
  readonly items: readonly AgendaItem[];
  readonly attendance: readonly AttendanceRecord[];
  readonly actions: readonly ActionRecord[];
  readonly contracts: readonly ContractRecord[];
  readonly cashFlow: readonly CashFlowRecord[];
}

export function annualReportPaper(year: number, d: YearData, today: Date, s: PaperSettings): Paper {
  const yearOf = (x: Date | null) => (x ? Number(s.dates(x, 'yyyy')) : NaN);
  const held = d.meetings
    .filter(
      m =>
        m.date &&
        yearOf(m.date) === year &&
        m.status !== 'Cancelled' &&
        (m.status === 'Held' || dayKey(m.date) < dayKey(today)),
    )
    .sort((a, b) => (a.date as Date).getTime() - (b.date as Date).getTime());
  const heldKeys = new Set(held.map(m => dayKey(m.date as Date)));
  const blocks: Block[] = [
    {kind: 'title', text: s.group},
    {kind: 'subtitle', text: `Annual report ${year}`},
  ];

  blocks.push(h2('Meetings held'));
  blocks.push(
    para(`The ${s.group} met ${held.length} time${held.length === 1 ? '' : 's'} in ${year}.`),
  );
  if (held.length)
    blocks.push(
      table([
        ['Date', 'Type', 'Venue'],
        ...held.map(m => [s.dates(m.date as Date, DATE), m.type || 'Ordinary', m.venue]),
      ]),
    );

  blocks.push(h2('Attendance'));
  const att = d.attendance.filter(a => a.date && heldKeys.has(dayKey(a.date)));
  const byMember = new Map<string, Record<string, number>>();
  for (const a of att) {
    const r = byMember.get(a.member) ?? {};
    r[a.attendance || 'Present'] = (r[a.attendance || 'Present'] ?? 0) + 1;
    byMember.set(a.member, r);
  }
  if (byMember.size) {
    const rows = [...byMember.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([name, r]) => {
        const recorded = Object.values(r).reduce((x, y) => x + y, 0);
        const attended = (r['Present'] ?? 0) + (r['Substitute attended'] ?? 0);
        return [
          name,
          String(r['Present'] ?? 0),
          String(r['Substitute attended'] ?? 0),
          String(r['Apologies'] ?? 0),
          String(r['Absent'] ?? 0),
          `${Math.round((100 * attended) / recorded)}%`,
        ];
      });
    blocks.push(
      table([
        ['Member', 'Present', 'Substitute attended', 'Apologies', 'Absent', 'Represented'],
        ...rows,
      ]),
    );
  } else blocks.push(para('No attendance was recorded.', {italic: true}));

  blocks.push(h2('Topics'));
  const topics = d.items.filter(
    i =>
      i.date &&
      heldKeys.has(dayKey(i.date)) &&
      !i.standing &&
      !i.confidential &&
      i.section !== 'Exempt items',
  );
  blocks.push(
    topics.length
      ? table([
          ['Meeting', 'Item', 'Purpose'],
          ...topics.map(i => [s.dates(i.date as Date, DATE), i.title, i.purpose]),
        ])
      : para('No items were recorded.', {italic: true}),
  );

  blocks.push(h2('Actions'));
  const opened = d.actions.filter(a => yearOf(a.date) === year);
  const closed = d.actions.filter(a => a.status === 'Closed' && yearOf(a.closed) === year);
  blocks.push(
    para(
      `${opened.length} action${opened.length === 1 ? ' was' : 's were'} agreed in ${year} and ${closed.length} ${closed.length === 1 ? 'was' : 'were'} completed.`,
    ),
  );
  const counts = ACTION_STATUSES.map(st => opened.filter(a => (a.status || 'Open') === st).length);
  if (opened.length) {
    blocks.push({
      kind: 'chart',
      title: `Actions agreed in ${year} by status`,
      labels: [...ACTION_STATUSES],
      values: counts,
      caption: ACTION_STATUSES.map((st, k) => `${st}: ${counts[k]}`).join('; '),
    });
    blocks.push(
      table([['Status', 'Actions'], ...ACTION_STATUSES.map((st, k) => [st, String(counts[k])])]),
    );
  }

  blocks.push(h2('Contracts and money overseen'));
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year, 11, 31, 23);
  const live = d.contracts.filter(
    c => (!c.start || c.start.getTime() <= end) && (!c.end || c.end.getTime() >= start),
  );
  const total = live.reduce((n, c) => n + c.annualValue, 0);
  blocks.push(
    para(
      `${live.length} contract${live.length === 1 ? '' : 's'} and grants with a combined annual value of ${money(total)} were overseen.`,
    ),
  );
  if (live.length) {
    const types = [...new Set(live.map(c => c.funding || 'Other'))].sort();
    blocks.push(
      table([
        ['Funding type', 'Number', 'Annual value'],
        ...types.map(t => {
          const cs = live.filter(c => (c.funding || 'Other') === t);
          return [t, String(cs.length), money(cs.reduce((n, c) => n + c.annualValue, 0))];
        }),
      ]),
    );
  }
  if (d.cashFlow.length) {
    blocks.push(h2('Invest-to-save cash flow'));
    blocks.push({
      kind: 'chart',
      title: 'Cumulative cash flow by period',
      labels: d.cashFlow.map(c => c.period),
      values: d.cashFlow.map(c => c.cumulative),
      caption: `From ${money(d.cashFlow[0].cumulative)} in ${d.cashFlow[0].period} to ${money(d.cashFlow[d.cashFlow.length - 1].cumulative)} in ${d.cashFlow[d.cashFlow.length - 1].period}.`,
    });
    blocks.push(
      table([
        ['Period', 'Net cash flow', 'Cumulative'],
        ...d.cashFlow.map(c => [c.period, money(c.net), money(c.cumulative)]),
      ]),
    );
  }
  return {
    kind: 'Annual report',
    name: paperName(s.group, 'Annual report', String(year)),
    blocks,
    fields: {
      group_name: s.group,
      year,
      meetings_held: held.length,
      actions_opened: opened.length,
      actions_closed: closed.length,
      contracts_value: total,
    },
  };
}
