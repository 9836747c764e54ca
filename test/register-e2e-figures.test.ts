/**
 * The figures agree (issue 10, item 6): the Dashboard (live formulas computed by the emulator's
 * HyperFormula), Check membership and Check compliance count the same serving members, small
 * and large providers, lapsed terms, open, overdue and due-soon actions, on the demo and on
 * rosters that break each rule. A serving member is a Chair, Vice-chair or Member whose Status
 * is not Left and whose term (when given) covers today (README "The Dashboard"). Sheets' COUNTIFS
 * matches criteria ignoring case (support.google.com/docs/answer/3256550), as the reader does.
 */
import {openWorkbook, DEMO_TODAY, type Clerk} from './driver';

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
}

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
  return {
    serving: row('Serving members')[1] as number,
    small: row('Small providers')[1] as number,
    large: row('Large providers')[1] as number,
    lapsed: row('Term ended, still Active')[1] as number,
    ending: row('Terms ending soon')[1] as number,
    open: actions[1] as number,
    overdue: actions[2] as number,
    dueSoon: actions[3] as number,
  };
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
  };
}

test('the demo: the Dashboard and the checks give the same counts', () => {
  const d = dashboard();
  expect(checks()).toEqual(d);
  expect(d.serving).toBeGreaterThan(0);
  expect(d.open).toBeGreaterThan(0);
});

test('rosters that break the rules: officers, deputies, leavers, lapsed and future terms', () => {
  const before = dashboard();
  c.load({
    Members: [
      // Not members of the committee: an officer, a deputy and an observer.
      {Name: 'Olly Officer', Role: 'Lead officer', 'Provider size': 'Small', Status: 'Active'},
      {Name: 'Dee Deputy', Role: 'Deputy', 'Provider size': 'Large', Status: 'Active'},
      {Name: 'Obi Observer', Role: 'Observer', Status: 'Active'},
      // A member who left, one whose term has ended but is still Active, one not started yet.
      {Name: 'Len Left', Role: 'Member', 'Provider size': 'Small', Status: 'Left'},
      {
        Name: 'Tia Lapsed',
        Role: 'Member',
        'Provider size': 'Large',
        'Term end': '2026-01-31',
        Status: 'Active',
      },
      {
        Name: 'Fen Future',
        Role: 'Member',
        'Provider size': 'Small',
        'Term start': '2027-04-01',
        Status: 'Active',
      },
      // A deputy whose term ends within the warning period (60 days): counted as ending, not as serving.
      {Name: 'Eli Ending', Role: 'Deputy', 'Term end': '2026-12-15', Status: 'Active'},
      // Counted: a new small-provider member written by a script as "member" / "active".
      {Name: 'Nia New', Role: 'member', 'Provider size': 'small', Status: 'active'},
    ],
  });
  const after = dashboard();
  expect(checks()).toEqual(after);
  expect(after.serving).toBe(before.serving + 1);
  expect(after.small).toBe(before.small + 1);
  expect(after.large).toBe(before.large);
  expect(after.lapsed).toBe(before.lapsed + 1);
  expect(after.ending).toBe(before.ending + 1);
});
