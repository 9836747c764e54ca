/**
 * The figures agree (issue 10, item 6): the Dashboard (live formulas computed by the emulator's
 * HyperFormula), Check membership and Check compliance count the same serving members, small
 * and large providers, lapsed terms, open, overdue and due-soon actions, on the demo and on
 * rosters that break each rule. A serving member is a Chair, Vice-chair or Member whose Status
 * is not Left and whose term (when given) covers today (README "The Dashboard"). Sheets' COUNTIFS
 * matches criteria ignoring case (support.google.com/docs/answer/3256550), as the reader does.
 * Contracts ending in the window (domain/watch.ts endingInWindow: Status not Ended, Extended to
 * counts as the end, "Contract warning days" or the notice period if longer) and coverage are
 * compared too, and the annual report's "Position on" table (made with the menu item, read from
 * the Doc) gives the same figures as the checks.
 */
import {drawEachChartOnce, openWorkbook, DEMO_TODAY, type Clerk} from './driver';

// The annual report is made five times with the same charts; its text is what is compared here.
drawEachChartOnce();

let c: Clerk;

beforeAll(async () => {
  c = await openWorkbook({demo: true, today: DEMO_TODAY});
});

interface Figures {
  serving: number;
  small: number;
  large: number;
  lapsed: number;
  ending: number;
  open: number;
  overdue: number;
  dueSoon: number;
  contracts: number;
  /** Required client groups / service types covered by serving members: "covered of required". */
  clientGroups: string;
  serviceTypes: string;
}

/** The figures the annual report gives as well ("Position on ..."), coverage as "covered of required". */
interface Position {
  serving: number;
  small: number;
  large: number;
  clientGroups: string;
  serviceTypes: string;
  open: number;
  overdue: number;
  dueSoon: number;
  contracts: number;
}

/**
 * The Dashboard as the last refresh showed it: a test that starts from where the one before left
 * the workbook takes its "before" from there instead of refreshing again (each refresh recomputes
 * every Dashboard formula, about a second).
 */
let shown: Figures | undefined;
const lastShown = (): Figures => shown ?? dashboard();

/** The Dashboard's figures, by row label. */
function dashboard(): Figures {
  c.run('refreshDashboard');
  const grid = c.cells('Dashboard!A1:D80');
  const row = (label: string) => {
    const r = grid.find(l => l[0] === label);
    if (!r) throw new Error(`no "${label}" row on the Dashboard`);
    return r;
  };
  const actions = row('All owners');
  const covered = (r: unknown[]) => `${r[1]} of ${/\d+/.exec(String(r[2]))?.[0]}`;
  return (shown = {
    serving: row('Serving members')[1] as number,
    small: row('Small providers')[1] as number,
    large: row('Large providers')[1] as number,
    lapsed: row('Term ended, still Active')[1] as number,
    ending: row('Terms ending soon')[1] as number,
    open: actions[1] as number,
    overdue: actions[2] as number,
    dueSoon: actions[3] as number,
    contracts: row('All')[1] as number,
    clientGroups: covered(row('Client groups covered')),
    serviceTypes: covered(row('Service types covered')),
  });
}

/**
 * The Dashboard's row of what serving members list (the text the coverage figures search), as
 * shown after the last refresh.
 */
function listed(name: 'Client groups' | 'Service types'): string {
  const r = c.cells('Dashboard!A1:D80').find(l => l[0] === `${name} of serving members`);
  if (!r) throw new Error(`no "${name} of serving members" row on the Dashboard`);
  return String(r[1]);
}

/** The same figures from Check membership and Check compliance (the register reader's records). */
function checks(): Figures {
  c.run('checkMembership');
  const rules = c.rows('Membership check', 'D');
  const who = (start: string) => {
    const r = rules.find(x => String(x['Rule']).startsWith(start));
    if (!r) throw new Error(`no rule starting "${start}" on the Membership check tab`);
    return String(r['Who counts']).split(', ').filter(Boolean).length;
  };
  c.run('checkCompliance');
  const findings = c.rows('Compliance', 'E');
  const count = (rule: RegExp) => findings.filter(f => rule.test(String(f['Rule']))).length;
  const open = c.rows('Actions', 'J').filter(a => a['Action'] && a['Status'] !== 'Closed').length;
  return {
    serving: who('Membership between'),
    small: who('At least 2 from small'),
    large: who('At least 2 from large'),
    lapsed: count(/^Term ended$/),
    ending: count(/^Term ending$/),
    open,
    overdue: count(/^Action overdue$/),
    dueSoon: count(/^Action due within/),
    contracts: count(/^Contract (inside its notice period|ending within \d+ days)$/),
    ...coverage(rules),
  };
}

/** Coverage from Check membership's rows: required client groups / service types met, "n of m". */
function coverage(rules: Record<string, unknown>[]): {clientGroups: string; serviceTypes: string} {
  const of = (label: string) => {
    const rs = rules.filter(r => String(r['Rule']).startsWith(`${label} covered: `));
    return `${rs.filter(r => r['Result'] === 'Met').length} of ${rs.length}`;
  };
  return {clientGroups: of('Client group'), serviceTypes: of('Service type')};
}

/**
 * The figures the annual report gives, of the Dashboard the checks were just found to agree with
 * (the registers unchanged since).
 */
function position(figures: Figures): Position {
  const {lapsed: _l, ending: _e, ...rest} = figures;
  return rest;
}

/** The annual report's "Position on" table: made with Generate annual report, read from the Doc. */
function annual(): Position {
  c.run('generateAnnualReport', {answers: [DEMO_TODAY.slice(0, 4)]});
  const body = c.doc(`Annual report – ${DEMO_TODAY.slice(0, 4)}`);
  let grid: string[][] | undefined;
  for (let k = 0; k < body.getNumChildren() && !grid; k++) {
    const el = body.getChild(k);
    if (String(el.getType()) !== 'TABLE') continue;
    const t = el.asTable();
    const rows: string[][] = Array.from({length: t.getNumRows()}, (_, r) =>
      Array.from({length: t.getRow(r).getNumCells()}, (_c, i) => t.getCell(r, i).getText()),
    );
    if (rows[0][0] === 'Figure') grid = rows;
  }
  if (!grid) throw new Error('no "Position on" table in the annual report');
  const cell = (start: string) => {
    const r = grid!.find(x => x[0].startsWith(start));
    if (!r) throw new Error(`no "${start}" row in the annual report's position`);
    return r[1];
  };
  return {
    serving: Number(cell('Serving members (')),
    small: Number(cell('Serving members from small')),
    large: Number(cell('Serving members from large')),
    clientGroups: cell('Required client groups'),
    serviceTypes: cell('Required service types'),
    open: Number(cell('Actions open')),
    overdue: Number(cell('Actions overdue')),
    dueSoon: Number(cell('Actions due within')),
    contracts: Number(cell('Contracts ending within')),
  };
}

test('the demo: the Dashboard and the checks give the same counts', () => {
  const d = dashboard();
  expect(checks()).toEqual(d);
  expect(d.serving).toBeGreaterThan(0);
  expect(d.open).toBeGreaterThan(0);
  expect(d.contracts).toBeGreaterThan(0);
  expect(annual()).toEqual(position(d));
});

test('contracts: extended, ended, past, notice longer than the warning, unreadable dates', () => {
  const before = lastShown();
  const contract = (ref: string, v: Record<string, string | number>) => ({
    Reference: ref,
    Provider: `Provider ${ref}`,
    'Funding type': 'Contract',
    'Annual value': 1000,
    ...v,
  });
  c.load({
    Contracts: [
      // Counted: ends inside the 180-day warning period (today 2026-11-23).
      contract('T-A', {'End date': '2027-03-31'}),
      // Not counted: extended beyond the window (Extended to is the end).
      contract('T-B', {'End date': '2027-01-31', 'Extended to': '2028-03-31'}),
      // Counted: ended long ago but extended into the window.
      contract('T-C', {
        'Start date': '2020-04-01',
        'End date': '2025-03-31',
        'Extended to': '2027-02-28',
      }),
      // Not counted: Status Ended (also written by a script as "ended"); ended before today.
      contract('T-D', {'End date': '2027-02-28', Status: 'Ended'}),
      contract('T-E', {'End date': '2027-02-28', Status: 'ended'}),
      contract('T-F', {'End date': '2026-06-30'}),
      // Counted: the notice period (365 days) is longer than the warning period.
      contract('T-G', {'End date': '2027-10-31', 'Notice period (days)': 365}),
      // Unreadable: an End date that is not a date is not counted; an unreadable Extended to
      // leaves End date as the end; an unreadable notice period counts as none.
      contract('T-H', {'End date': 'soon'}),
      contract('T-I', {'End date': '2027-01-15', 'Extended to': 'next year'}),
      contract('T-J', {'End date': '2027-08-01', 'Notice period (days)': 'ninety'}),
      // Counted: Extended to with no End date.
      contract('T-K', {'Extended to': '2027-04-30'}),
    ],
  });
  const after = dashboard();
  expect(checks()).toEqual(after);
  expect(after.contracts).toBe(before.contracts + 5);
  expect(annual()).toEqual(position(after));
  // The Contracts tab's amber rule (the schema's format, as set-up wrote it) marks the same rows
  // Compliance reports: evaluated row by row with the workbook's formula engine.
  const sheet = c.sheet('Contracts');
  const amber = sheet.conditionalFormats.find(r => r.format.background === '#fce8b2');
  const rule = String(amber?.condition?.values[0]);
  const refs = c.rows('Contracts', 'O').map(r => String(r['Reference']));
  const marked = refs.filter((ref, k) => {
    const f = rule.replace(/\$([A-Z]+)2\b/g, `$$$1${k + 2}`);
    return ref.startsWith('T-') && c.model.hf.calculateFormula(f, sheet.hfId) === true;
  });
  const reported = c
    .rows('Compliance', 'E')
    .map(f => /^Contracts row \d+ \((T-[A-Z])\)$/.exec(String(f['Where']))?.[1])
    .filter(Boolean);
  expect(marked.sort()).toEqual(['T-A', 'T-C', 'T-G', 'T-I', 'T-K']);
  expect(reported.sort()).toEqual(marked);
});

test('rosters that break the rules: officers, deputies, leavers, lapsed and future terms', () => {
  const before = lastShown();
  c.load(
    {
      Members: [
        // Not members of the committee: an officer, a deputy and an observer.
        {Name: 'Olly Officer', Role: 'Lead officer', 'Provider size': 'Small', Status: 'Active'},
        // Children and young people and Day services (required below) are listed only by people
        // who do not count, so neither is covered.
        {
          Name: 'Dee Deputy',
          Role: 'Deputy',
          'Provider size': 'Large',
          'Client groups': 'Children and young people',
          Status: 'Active',
        },
        {
          Name: 'Obi Observer',
          Role: 'Observer',
          'Service types': 'Day services',
          Status: 'Active',
        },
        // A member who left, one whose term has ended but is still Active, one not started yet.
        {
          Name: 'Len Left',
          Role: 'Member',
          'Provider size': 'Small',
          'Client groups': 'Children and young people',
          Status: 'Left',
        },
        {
          Name: 'Tia Lapsed',
          Role: 'Member',
          'Provider size': 'Large',
          'Service types': 'Day services',
          'Term end': '2026-01-31',
          Status: 'Active',
        },
        {
          Name: 'Fen Future',
          Role: 'Member',
          'Provider size': 'Small',
          'Client groups': 'Older people; Children and young people',
          'Service types': 'Day services',
          'Term start': '2027-04-01',
          Status: 'Active',
        },
        // A deputy whose term ends within the warning period (60 days): counted as ending, not as serving.
        {Name: 'Eli Ending', Role: 'Deputy', 'Term end': '2026-12-15', Status: 'Active'},
        // Counted: a new small-provider member written by a script as "member" / "active".
        {Name: 'Nia New', Role: 'member', 'Provider size': 'small', Status: 'active'},
      ],
    },
    {
      'Required client groups': 'Older people; Carers; Children and young people',
      'Required service types': 'Residential care; Day services',
    },
  );
  const after = dashboard();
  expect(checks()).toEqual(after);
  expect(after.serving).toBe(before.serving + 1);
  expect(after.small).toBe(before.small + 1);
  expect(after.large).toBe(before.large);
  expect(after.lapsed).toBe(before.lapsed + 1);
  expect(after.ending).toBe(before.ending + 1);
  // Older people and Carers are covered by the demo's members; Children and young people is not
  // (only a deputy, a leaver and a member whose term has not started list it). Every service type
  // is covered by a demo member.
  expect(after.clientGroups).toBe('2 of 3');
  expect(after.serviceTypes).toBe('2 of 2');
  // The row the figure reads: serving members' cells only (Fen Future's is not there).
  expect(listed('Client groups')).toContain('Older people');
  expect(listed('Client groups')).not.toContain('Children and young people');
  expect(annual()).toEqual(position(after));
});

test('coverage matches whole items, ignoring case: "Respite" is not covered by "Overnight respite"', () => {
  // Two Service types officers added to the Lists tab, one inside the other.
  c.load(
    {
      Lists: [{'Service types': 'Respite'}, {'Service types': 'Overnight respite'}],
      // Written by a script: lower and upper case, a comma for a separator, spaces around it.
      Members: [
        {
          Name: 'Ola Overnight',
          Role: 'Member',
          'Provider size': 'Not a provider',
          'Client groups': 'Carers',
          'Service types': 'Day services , overnight RESPITE',
          'Term start': '2025-04-01',
          'Term end': '2028-03-31',
          Status: 'Active',
        },
      ],
    },
    {'Required service types': 'Residential care;  Respite'},
  );
  const respite = dashboard();
  expect(checks()).toEqual(respite);
  // Respite is required and nobody serving lists it as a whole item. Ola's cell is shown as
  // written, in the row the figure reads.
  expect(respite.serviceTypes).toBe('1 of 2');
  expect(listed('Service types')).toContain('; Day services , overnight RESPITE');
  // Required: Overnight respite, which names Respite only inside it; Ola covers it.
  c.load({}, {'Required service types': 'overnight respite'});
  const overnight = dashboard();
  expect(checks()).toEqual(overnight);
  expect(overnight.serviceTypes).toBe('1 of 1');
  expect(annual()).toEqual(position(overnight));
});

test('a date held as text is counted by neither the Dashboard nor the checks, and is a problem', () => {
  const before = lastShown();
  // "'" keeps the typing as text, as a paste from another program or an import does.
  c.load({
    Actions: [{Action: 'Text-dated action', Status: 'Open', 'Review date': "'12/03/2026"}],
    Members: [
      {
        Name: 'Tex Textdate',
        Role: 'Member',
        'Provider size': 'Not a provider',
        'Client groups': 'Carers',
        'Service types': 'Day services',
        'Term start': '2025-04-01',
        'Term end': "'01/01/2026",
        Status: 'Active',
      },
    ],
    Contracts: [
      {Reference: 'T-TXT', Provider: 'Text Ltd', 'Annual value': 1000, 'End date': "'31/12/2026"},
      // Ended: counted nowhere. (Its cells fill every column the Dashboard reads: the emulator's
      // whole-column ranges end at each column's last value, and COUNTIFS needs them equal.)
      {
        Reference: 'T-OLD',
        Provider: 'Old Ltd',
        'Annual value': 1000,
        'End date': '2024-03-31',
        'Extended to': '2025-03-31',
        'Notice period (days)': 90,
        Status: 'Ended',
      },
    ],
  });
  const after = dashboard();
  expect(checks()).toEqual(after);
  // The action is open (not overdue: its Review date is unreadable); Tex's term end is unreadable,
  // so Tex serves (Active, no readable term end) and has not lapsed; the contract has no end.
  expect(after).toEqual({...before, open: before.open + 1, serving: before.serving + 1});
  expect(annual()).toEqual(position(after));
  const compliance = c.rows('Compliance', 'E').map(f => JSON.stringify(f));
  expect(compliance.filter(f => f.includes('is text, not a date'))).toHaveLength(3);
  c.run('checkWorkbookProblems');
  const problems = c.rows('Problems', 'G').map(p => `${p['Tab']}!${p['Cell']}: ${p['Problem']}`);
  for (const [tab, value] of [
    ['Actions', '12/03/2026'],
    ['Members', '01/01/2026'],
    ['Contracts', '31/12/2026'],
  ])
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`^${tab}!\\w+\\d+: "${value}" is text, not a date`)),
    );
});

test('an item ending in a space counts, for the Dashboard as for the checks (the reader trims items)', () => {
  const member = (name: string, groups: string) => ({
    Name: name,
    Role: 'Member',
    'Provider size': 'Not a provider',
    'Client groups': groups,
    'Term start': '2025-04-01',
    'Term end': '2028-03-31',
    Status: 'Active',
  });
  // No demo member lists Children and young people; Tia does, with a space after it, in the
  // last serving row (nothing follows her cell in the joined list).
  c.load(
    {Members: [member('Tia Trailing', 'Children and young people ')]},
    {'Required client groups': 'Children and young people'},
  );
  const last = dashboard();
  expect(checks()).toEqual(last);
  expect(last.clientGroups).toBe('1 of 1');
  // Another serving member after her: her cell is now followed by his.
  c.load({Members: [member('Lee Later', 'Carers')]});
  const middle = dashboard();
  expect(checks()).toEqual(middle);
  expect(middle.clientGroups).toBe('1 of 1');
  expect(listed('Client groups')).toContain('; Children and young people ; Carers');
});
