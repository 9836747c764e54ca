/**
 * The annual report (committee-practice "Papers and publication"): meetings held, attendance by
 * member, topics, actions opened and closed, contracts and money overseen, with two charts
 * (actions by status; cumulative cash flow). A public paper: no exempt item, no contact details.
 */
import {ACTION_STATUSES} from '../workbook/schema';
import {BELOW_BREAK_EVEN, BREAK_EVEN_REACHED, actionStatusColours} from '../workbook/chart-colours';
import {
  ActionItem,
  AgendaItem,
  AttendanceRecord,
  CashFlowPeriod,
  Contract,
  Day,
  Decision,
  Meeting,
  Member,
  contractEnd,
} from '../domain/records';
import {isoOfDate} from '../domain/calendar';
import {MembershipRules, evaluateMembership} from '../domain/membership';
import {WatchRules, actionFlags, endingInWindow, isOpen} from '../domain/watch';
import {DATE} from './dates';
import {PaperSettings, membership, paperName} from './agenda';
import {Block, Paper, h2, para, table} from './model';
import {money} from './template';

export interface YearData {
  readonly meetings: readonly Meeting[];
  readonly items: readonly AgendaItem[];
  readonly attendance: readonly AttendanceRecord[];
  readonly actions: readonly ActionItem[];
  readonly contracts: readonly Contract[];
  readonly cashFlow: readonly CashFlowPeriod[];
  /** Members, for the attendance of those who served during the year (absent: everyone recorded). */
  readonly members?: readonly Member[];
  /** The Settings rules (governance/config.ts): with them the report gives the position today. */
  readonly rules?: PositionRules;
  /** The Decisions tab: when it holds the year's decisions, the report lists them. */
  readonly decisions?: readonly Decision[];
}

export interface PositionRules {
  readonly membership: MembershipRules;
  readonly watch: WatchRules;
}

/** The committee's position on a day, counted as Check membership and Check compliance count. */
export interface Position {
  readonly serving: number;
  readonly small: number;
  readonly large: number;
  readonly clientGroups: {readonly covered: number; readonly required: number};
  readonly serviceTypes: {readonly covered: number; readonly required: number};
  readonly openActions: number;
  readonly overdueActions: number;
  readonly dueSoonActions: number;
  readonly contractsEnding: number;
}

/**
 * The position on `today` through the checks' own domain functions: evaluateMembership (serving
 * members, providers, coverage), actionFlags (overdue, due soon) and endingInWindow (contracts).
 * Attendance is not needed for these figures. Pure.
 */
export function positionOn(
  today: Day,
  members: readonly Member[],
  actions: readonly ActionItem[],
  contracts: readonly Contract[],
  rules: PositionRules,
): Position {
  const results = evaluateMembership(members, [], rules.membership, today);
  const who = (rule: RegExp) => results.find(r => rule.test(r.rule))?.counts.length ?? 0;
  const covered = (label: string) => {
    const rs = results.filter(r => r.rule.startsWith(`${label} covered: `));
    return {covered: rs.filter(r => r.met).length, required: rs.length};
  };
  const flags = actions.map(a => actionFlags(a, today, rules.watch));
  return {
    serving: who(/^Membership between /),
    small: who(/ from small providers$/),
    large: who(/ from large providers$/),
    clientGroups: covered('Client group'),
    serviceTypes: covered('Service type'),
    openActions: actions.filter(isOpen).length,
    overdueActions: flags.filter(f => f.includes('Overdue')).length,
    dueSoonActions: flags.filter(f => f.includes('Due soon')).length,
    contractsEnding: contracts.filter(
      c => endingInWindow(c, today, rules.watch.contractWarningDays) !== null,
    ).length,
  };
}

/** Served during the year: a member role, and a term (when known) that overlaps the year. */
export function servedIn(year: number, m: Member): boolean {
  return (
    (!m.termStart || m.termStart <= `${year}-12-31`) && (!m.termEnd || m.termEnd >= `${year}-01-01`)
  );
}

const yearOf = (x: Day | null) => (x ? Number(x.slice(0, 4)) : NaN);

/** Meetings of the year that took place (Held, or past and not Cancelled), in date order. */
export function meetingsHeld(year: number, meetings: readonly Meeting[], today: Day): Meeting[] {
  return meetings
    .filter(
      m =>
        yearOf(m.date) === year &&
        m.status !== 'Cancelled' &&
        (m.status === 'Held' || m.date < today),
    )
    .sort((a, b) => a.date.localeCompare(b.date));
}

export function annualReportPaper(year: number, d: YearData, today: Date, s: PaperSettings): Paper {
  const held = meetingsHeld(year, d.meetings, isoOfDate(today));
  const heldKeys = new Set(held.map(m => m.date));
  const blocks: Block[] = [
    {kind: 'title', text: s.group},
    {kind: 'subtitle', text: `Annual report ${year}`},
  ];

  const publicItems = (x: AgendaItem) =>
    !x.standing && !x.confidential && x.section !== 'Exempt items';
  const decisions = d.items.filter(
    i =>
      i.meeting !== null &&
      heldKeys.has(i.meeting) &&
      publicItems(i) &&
      (i.purpose === 'To decide' || i.purpose === 'To approve'),
  );
  const registered = publicDecisions(year, d.decisions ?? [], d.items);
  const decided = registered.length || decisions.length;
  const closedCount = d.actions.filter(
    a => a.status === 'Closed' && yearOf(a.dateClosed) === year,
  ).length;
  blocks.push(h2("Chair's foreword"));
  blocks.push(
    para("[The chair's foreword: the year in a few sentences, thanks, and what comes next.]", {
      italic: true,
    }),
  );
  blocks.push(h2("The year's work"));
  blocks.push(
    para(
      `In ${year} the ${s.group} met ${held.length} time${held.length === 1 ? '' : 's'}, took ${decided} decision${decided === 1 ? '' : 's'} in public and completed ${closedCount} action${closedCount === 1 ? '' : 's'}.`,
    ),
  );
  blocks.push(h2('Meetings held'));
  blocks.push(
    para(`The ${s.group} met ${held.length} time${held.length === 1 ? '' : 's'} in ${year}.`),
  );
  if (held.length)
    blocks.push(
      table([
        ['Date', 'Type', 'Venue'],
        ...held.map(m => [s.dates(m.date, DATE), m.type || 'Ordinary', m.venue]),
      ]),
    );

  blocks.push(h2('Attendance'));
  // Those who served during the year: officers in attendance and past members are not listed.
  const served = d.members
    ? new Set(
        membership(d.members.map(m => ({...m, status: ''})))
          .filter(m => servedIn(year, m))
          .map(m => m.name),
      )
    : null;
  const att = d.attendance.filter(
    a => heldKeys.has(a.meeting) && (!served || served.has(a.member)),
  );
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

  blocks.push(h2('Decisions taken'));
  blocks.push(
    registered.length
      ? table([
          ['Meeting', 'Minute', 'Decision', 'Type', 'Key decision', 'Implementation'],
          ...registered.map(x => [
            s.dates(x.meeting, DATE),
            x.minute,
            x.item ? `${x.item}: ${x.decision}` : x.decision,
            x.type,
            x.keyDecisionRef || 'No',
            x.implementationStatus,
          ]),
        ])
      : decisions.length
        ? table([
            ['Meeting', 'Decision', 'Key decision'],
            ...decisions.map(i => [
              s.dates(i.meeting as Day, DATE),
              `${i.title} (${i.purpose.replace(/^To /, '').toLowerCase()})`,
              i.keyDecisionRef || 'No',
            ]),
          ])
        : para('No decisions were taken in public.', {italic: true}),
  );

  blocks.push(h2('Topics'));
  const topics = d.items.filter(
    i =>
      i.meeting !== null &&
      heldKeys.has(i.meeting) &&
      !i.standing &&
      !i.confidential &&
      i.section !== 'Exempt items',
  );
  blocks.push(
    topics.length
      ? table([
          ['Meeting', 'Item', 'Purpose'],
          ...topics.map(i => [s.dates(i.meeting as Day, DATE), i.title, i.purpose]),
        ])
      : para('No items were recorded.', {italic: true}),
  );

  blocks.push(h2('Actions'));
  const opened = d.actions.filter(a => yearOf(a.meeting) === year);
  const closed = d.actions.filter(a => a.status === 'Closed' && yearOf(a.dateClosed) === year);
  blocks.push(
    para(
      `${opened.length} action${opened.length === 1 ? ' was' : 's were'} agreed in ${year} and ${closed.length} ${closed.length === 1 ? 'was' : 'were'} completed.`,
    ),
  );
  const counts = ACTION_STATUSES.map(st => opened.filter(a => a.status === st).length);
  if (opened.length) {
    // A pie, as the Dashboard's "Actions by status", in the same status colours.
    blocks.push({
      kind: 'chart',
      type: 'pie',
      title: `Actions agreed in ${year} by status`,
      labels: [...ACTION_STATUSES],
      series: [{name: 'Actions', values: counts}],
      colours: actionStatusColours(),
      caption: ACTION_STATUSES.map((st, k) => `${st}: ${counts[k]}`).join('; '),
    });
    blocks.push(
      table([['Status', 'Actions'], ...ACTION_STATUSES.map((st, k) => [st, String(counts[k])])]),
    );
  }

  blocks.push(h2('Contracts and money overseen'));
  // Live in the year: started by its end, and not ended (Extended to counts as the end) before it began.
  const live = d.contracts.filter(c => {
    const end = contractEnd(c);
    return (!c.startDate || c.startDate <= `${year}-12-31`) && (!end || end >= `${year}-01-01`);
  });
  const total = live.reduce((n, c) => n + (c.annualValue ?? 0), 0);
  blocks.push(
    para(
      `${live.length} contract${live.length === 1 ? '' : 's'} and grants with a combined annual value of ${money(total)} were overseen.`,
    ),
  );
  if (live.length) {
    const types = [...new Set(live.map(c => c.fundingType || 'Other'))].sort();
    blocks.push(
      table([
        ['Funding type', 'Number', 'Annual value'],
        ...types.map(t => {
          const cs = live.filter(c => (c.fundingType || 'Other') === t);
          return [t, String(cs.length), money(cs.reduce((n, c) => n + (c.annualValue ?? 0), 0))];
        }),
      ]),
    );
  }
  // Plan periods with a worked-out cumulative figure (the reader never returns summary rows).
  const plan = d.cashFlow.filter(c => c.period && c.cumulative !== null);
  if (plan.length) {
    const first = plan[0];
    const last = plan[plan.length - 1];
    blocks.push(h2('Invest-to-save cash flow'));
    // Below zero red and from break-even green, as the Cash flow tab shows them: two stacked
    // series, each period in one of them (a Charts series has one colour).
    const cumulative = plan.map(c => c.cumulative ?? 0);
    blocks.push({
      kind: 'chart',
      type: 'column',
      title: 'Cumulative cash flow by period',
      xAxisTitle: 'Period',
      yAxisTitle: 'Cumulative cash flow (£)',
      labels: plan.map(c => c.period),
      series: [
        {name: 'Below break-even', values: cumulative.map(v => (v < 0 ? v : null))},
        {name: 'Break-even reached', values: cumulative.map(v => (v >= 0 ? v : null))},
      ],
      colours: [BELOW_BREAK_EVEN, BREAK_EVEN_REACHED],
      stacked: true,
      caption: `From ${money(first.cumulative ?? 0)} in ${first.period} to ${money(last.cumulative ?? 0)} in ${last.period}.`,
    });
    blocks.push(
      table([
        ['Period', 'Net cash flow', 'Cumulative'],
        ...plan.map(c => [c.period, money(c.net ?? 0), money(c.cumulative ?? 0)]),
      ]),
    );
  }
  if (d.rules) {
    const on = isoOfDate(today);
    const p = positionOn(on, d.members ?? [], d.actions, d.contracts, d.rules);
    const w = d.rules.watch;
    blocks.push(h2(`Position on ${s.dates(on, DATE)}`));
    blocks.push(
      para(
        'Counted on the day this report was made, as Check membership and Check compliance count.',
      ),
    );
    blocks.push(
      table([
        ['Figure', 'Number'],
        ['Serving members (chair, vice-chair and members)', String(p.serving)],
        ['Serving members from small providers', String(p.small)],
        ['Serving members from large providers', String(p.large)],
        [
          'Required client groups covered',
          `${p.clientGroups.covered} of ${p.clientGroups.required}`,
        ],
        [
          'Required service types covered',
          `${p.serviceTypes.covered} of ${p.serviceTypes.required}`,
        ],
        ['Actions open', String(p.openActions)],
        ['Actions overdue', String(p.overdueActions)],
        [`Actions due within ${w.dueSoonDays} days`, String(p.dueSoonActions)],
        [
          `Contracts ending within ${w.contractWarningDays} days (or their notice period, if longer)`,
          String(p.contractsEnding),
        ],
      ]),
    );
  }
  blocks.push(h2(`Plan for ${year + 1}`));
  const nextYear = d.meetings
    .filter(m => yearOf(m.date) === year + 1 && m.status !== 'Cancelled')
    .sort((a, b) => a.date.localeCompare(b.date));
  const planned = (m: Meeting) =>
    d.items
      .filter(i => i.meeting === m.date && publicItems(i))
      .map(i => i.title)
      .join('; ');
  const toProgramme = d.items.filter(i => i.meeting === null && publicItems(i));
  blocks.push(
    nextYear.length || toProgramme.length
      ? table([
          ['Meeting', 'Items planned'],
          ...nextYear.map(m => [
            `${s.dates(m.date, DATE)}${m.status === 'Provisional' ? ' (provisional)' : ''}`,
            planned(m) || 'To be agreed',
          ]),
          ...(toProgramme.length
            ? [['To be programmed', toProgramme.map(i => i.title).join('; ')]]
            : []),
        ])
      : para(`No meetings are planned for ${year + 1} yet.`, {italic: true}),
  );
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
      decisions_taken: decided,
    },
  };
}

/**
 * The year's decisions from the Decisions tab in meeting and minute order, leaving out any whose
 * item is confidential on that meeting's agenda (the Decisions tab itself is not public).
 */
export function publicDecisions(
  year: number,
  decisions: readonly Decision[],
  items: readonly AgendaItem[],
): Decision[] {
  const secret = new Set(
    items
      .filter(i => i.meeting && (i.confidential || i.section === 'Exempt items'))
      .map(i => `${i.meeting}|${i.title.trim().toLowerCase()}`),
  );
  return decisions
    .filter(
      x =>
        x.meeting.startsWith(`${year}-`) &&
        x.decision &&
        !secret.has(`${x.meeting}|${x.item.trim().toLowerCase()}`),
    )
    .sort(
      (a, b) =>
        a.meeting.localeCompare(b.meeting) ||
        (parseInt(a.minute, 10) || 0) - (parseInt(b.minute, 10) || 0),
    );
}
