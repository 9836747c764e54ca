/**
 * Scale: "Check compliance" on ten years of data (40 meetings, 2,000 actions, 200 members,
 * 300 contracts) makes the same service calls as on a small workbook (one read per tab, one
 * write per result tab), and the daily reminder run for 500 open actions. Modelled Apps Script
 * time comes from the emulator's published per-call latencies (emulator/stats.ts); no wall-clock
 * time is asserted.
 *
 * `npm test` runs a tenth of the rows (enough to show the calls do not grow); GOVERNANCE_BENCH=1
 * runs the sizes and prints the figures.
 */
import {openWorkbook, type RowData} from './driver';

const TODAY = '2026-11-23';

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

function dataset(n: {
  meetings: number;
  actions: number;
  members: number;
  contracts: number;
  owners: number;
}) {
  const members: RowData[] = [];
  for (let i = 0; i < n.members; i++) {
    members.push({
      Name: `Member ${i}`,
      Organisation: `Org ${i}`,
      Role: i === 0 ? 'Chair' : 'Member',
      'Provider size': i % 2 ? 'Small' : 'Large',
      'Client groups': 'Older people; Learning disability',
      'Service types': 'Homecare; Nursing care',
      Email: `member${i}@example.org`,
      'Term start': '2020-01-01',
      'Term end': iso(2026, 12, 1 + (i % 28)),
      Status: 'Active',
    });
  }
  const meetings: RowData[] = [];
  // Quarterly Thursdays-ish from 2017 to 2026 (first Thursday of Mar/Jun/Sep/Dec).
  for (let k = 0; k < n.meetings; k++) {
    const y = 2017 + Math.floor(k / 4);
    const m = [3, 6, 9, 12][k % 4];
    const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
    meetings.push({
      'Meeting date': iso(y, m, 1 + ((4 - first + 7) % 7)),
      'Start time': '10:00',
      'End time': '12:00',
      Type: 'Ordinary',
      Status: y < 2026 || m < 12 ? 'Held' : 'Confirmed',
    });
  }
  const actions: RowData[] = [];
  for (let i = 0; i < n.actions; i++) {
    actions.push({
      'Meeting date': meetings[i % meetings.length]['Meeting date'] as string,
      'Minute no.': String(i),
      'Action to be taken by': `Member ${i % n.owners}`,
      Action: `Action number ${i}`,
      Status: i % 4 === 0 ? 'Closed' : 'Open',
      'Review date': iso(2026, 11, 10 + (i % 20)),
      'Last updated': '2026-11-01',
    });
  }
  const contracts: RowData[] = [];
  for (let i = 0; i < n.contracts; i++) {
    contracts.push({
      Reference: `C-${i}`,
      Provider: `Provider ${i}`,
      'Contract/grant': `Service ${i}`,
      'Annual value': 1000 * i,
      'Start date': '2022-04-01',
      'End date': iso(2027, 1 + (i % 12), 1),
      'Extension options': '5+2',
      'Notice period (days)': 90,
      Status: 'Active',
    });
  }
  return {Members: members, Meetings: meetings, Actions: actions, Contracts: contracts};
}

const FULL = process.env.GOVERNANCE_BENCH === '1';
const BIG = FULL
  ? {meetings: 40, actions: 2000, members: 200, contracts: 300, owners: 200}
  : {meetings: 40, actions: 200, members: 30, contracts: 30, owners: 30};
// 3 of 4 actions are open: 667 gives the 500 open actions.
const SMALL = {meetings: 4, actions: 20, members: 10, contracts: 5, owners: 8};
const REMIND = FULL
  ? {meetings: 40, actions: 667, members: 200, contracts: 300, owners: 100}
  : SMALL;

const SETTINGS = {
  'Clerk email': 'clerk@example.org',
  'Clerk name': 'Kim Clerk',
  'Maximum members': 250,
};

describe('scale', () => {
  let small: Awaited<ReturnType<typeof openWorkbook>>;
  test('Check compliance: calls do not grow with rows; ten years under 30 s modelled', async () => {
    small = await openWorkbook({today: TODAY});
    small.load(dataset(SMALL), {...SETTINGS, Reminders: 'Yes'});
    const big = await openWorkbook({today: TODAY});
    big.load(dataset(BIG), SETTINGS);

    const s = small.run('checkCompliance').stats;
    const bigRun = big.run('checkCompliance');
    const b = {...bigRun.stats, stdout: bigRun.out};
    if (FULL)
      console.log(
        `Check compliance, 10 years: ${b.total} calls, ${b.modelledMs} ms modelled; small workbook: ${s.total} calls, ${s.modelledMs} ms`,
      );
    // The same calls, except that a long Compliance tab is grown once (insertRowsAfter).
    const {['Sheet.insertRowsAfter']: grew = 0, ...bigCalls} = b.calls;
    expect(grew).toBeLessThanOrEqual(1);
    expect(bigCalls).toEqual(s.calls);
    expect(b.stdout).toMatch(/\d+ problem\(s\)/);
    // Still one read per tab (13 with the Lists, Documents, Complaints and Risk triggers tabs).
    expect(b.calls['Range.getValues']).toBeLessThanOrEqual(13);
    expect(b.modelledMs).toBeLessThan(30000);
  });

  test('daily reminders for open actions: one email per owner, under 60 s modelled', async () => {
    // npm test reuses the small workbook; the bench loads the 500 open actions.
    let book = small;
    if (FULL) {
      book = await openWorkbook({today: TODAY});
      book.load(dataset(REMIND), {...SETTINGS, Reminders: 'Yes'});
    }
    const st = book.run('sendDailyReminders').stats;
    if (FULL)
      console.log(
        `Daily reminders, 500 open actions: ${st.calls['MailApp.sendEmail']} emails, ${st.total} calls, ${st.modelledMs} ms modelled`,
      );
    // Every fourth action is closed, and with a number of owners divisible by 4 that closes all the
    // actions of a quarter of the owners: the other three quarters get a digest, and the clerk one.
    expect(st.calls['MailApp.sendEmail']).toBe((REMIND.owners * 3) / 4 + 1);
    expect(st.modelledMs).toBeLessThan(60000);
  });
});
