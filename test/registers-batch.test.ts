/**
 * The one register reader (src/workbook/registers.ts readRegister, readOptional) and the
 * Settings reader (src/workbook/settings.ts readSettings) read a tab by its span
 * (src/workbook/span.ts): the same records, problems and messages as reading the tab whole
 * (getSheetByName, getDataRange, getValues), in two service calls a tab instead of three, the
 * Sheet fetched only when a caller asks for it. Apps Script: Spreadsheet.getRange takes A1
 * notation with a sheet name
 * (developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getrangea1notation),
 * quoted when it has spaces or apostrophes, an apostrophe doubled; a range on a missing sheet
 * or past the sheet's last column is "Range not found". A RangeList is "a collection of one or
 * more Range instances in the same sheet" (/reference/spreadsheet/range-list), so several tabs
 * cannot be read with one getRangeList.
 */
import {scriptRealm, type Realm} from './emulator/conformance-harness';
import {readOptional, readRegister, registerFromGrid} from '../src/workbook/registers';
import {readSettings} from '../src/workbook/settings';
import {quotedTab, trimGrid} from '../src/workbook/span';
import {tabSpec, TAB} from '../src/workbook/schema';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Cell = string | number | boolean | Date;

let realm: Realm;
let ss: Ss;
beforeAll(async () => {
  realm = await scriptRealm({today: '2026-11-23'});
  ss = realm.gas<Ss>('return SpreadsheetApp.getActiveSpreadsheet();');
});

const headers = (tab: string) => tabSpec(tab).columns.map(c => c.header);

/** A tab of `head` (the schema's headers unless given) and rows by header, made afresh. */
function makeTab(tab: string, rows: Record<string, Cell>[], head = headers(tab), cols?: number) {
  const old = ss.getSheetByName(tab);
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(tab);
  if (cols !== undefined && cols < sheet.getMaxColumns())
    sheet.deleteColumns(cols + 1, sheet.getMaxColumns() - cols);
  if (cols !== undefined && cols > sheet.getMaxColumns())
    sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
  const grid = [head, ...rows.map(r => head.map(h => r[h] ?? ''))];
  sheet.getRange(1, 1, grid.length, head.length).setValues(grid);
  return sheet;
}

/** The calls `f` makes, by method. */
function counted<T>(f: () => T): {value: T; calls: Record<string, number>; total: number} {
  const stats = realm.ws.ctx.stats;
  stats.reset();
  const value = f();
  return {value, calls: stats.byMethod(), total: stats.total};
}

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

const MEMBERS: Record<string, Cell>[] = [
  {Name: 'Ann Able', Role: 'Chair', Email: 'ann@example.org', Status: 'Active'},
  {Name: 'Bob Bad', Role: 'Member', Email: 'bob at example.org', 'Term start': 'soon'},
  {Name: 'Cy Deputy', Role: 'Deputy', Email: 'cy@example.org', 'Term end': new Date(2027, 2, 31)},
];
const MAILING: Record<string, Cell>[] = [
  {Name: 'Ada Reader', Email: 'ada@example.org', Subscribed: 'Yes'},
  {Name: 'Cal Gone', Email: 'cal@example.org', Subscribed: 'No'},
  {Name: 'Dee Typo', Email: 'dee at example.org', Subscribed: 'maybe'},
];
const SENT: Record<string, Cell>[] = [
  {
    'Sent on': new Date(2026, 10, 20),
    'Meeting date': new Date(2026, 11, 10),
    To: 'ann@example.org',
    Version: 'Full',
    'Message id': 'x-1',
  },
];

/**
 * What a reader gives that the commands use: records, problems, and where each of the schema's
 * headers is (the officer's own columns past Z are not read by the span).
 */
const view = (r: {
  tab: string;
  records: unknown;
  problems: unknown;
  index: ReadonlyMap<string, number>;
}) => ({
  records: r.records,
  problems: r.problems,
  index: headers(r.tab).map(h => [h, r.index.get(h)]),
});

/** The register read whole, as the three-call reader did: what the span read must equal. */
const whole = <K extends Parameters<typeof registerFromGrid>[0]>(tab: K) =>
  registerFromGrid(tab, ss.getSheetByName(tab)!.getDataRange().getValues() as Cell[][]);

test('three tabs, each by its span: the records and problems of the whole tab, 2 calls a tab (was 3)', () => {
  makeTab(TAB.members, MEMBERS);
  makeTab(TAB.mailingList, MAILING);
  makeTab(TAB.sent, SENT);
  const read = counted(
    () =>
      [
        readRegister(ss, TAB.members),
        readRegister(ss, TAB.mailingList),
        readRegister(ss, TAB.sent),
      ] as const,
  );
  expect(read.total).toBe(6);
  expect(read.calls).toEqual({'Spreadsheet.getRange': 3, 'Range.getValues': 3});
  for (const reg of read.value) expect(view(reg)).toEqual(view(whole(reg.tab)));
  const [members, mailing, sent] = read.value;
  // The values the plan needs are there: a flagged email, an unreadable consent (No).
  expect(members.problems.map(p => `${p.row}:${p.header}`)).toEqual(['3:Email', '3:Term start']);
  expect(mailing.records.map(e => e.subscribed)).toEqual([true, false, false]);
  expect(sent.records[0]).toMatchObject({meeting: '2026-12-10', to: 'ann@example.org'});
  // The grid is the one getDataRange reads: no empty rows or columns after the data.
  expect(sent.grid).toEqual(whole(TAB.sent).grid);
});

test('the sheet is fetched only when asked, once; a write back goes through the span', () => {
  makeTab(TAB.sent, SENT);
  const sent = readRegister(ss, TAB.sent);
  const first = counted(() => sent.sheet());
  expect(first.calls).toEqual({'Range.getSheet': 1});
  expect(first.value.getName()).toBe(TAB.sent);
  expect(counted(() => sent.sheet()).total).toBe(0);
  const write = counted(() => sent.cells(3, 2, 1, 2).setValues([['x', 'y']]));
  expect(write.calls).toEqual({'Range.offset': 1, 'Range.setValues': 1});
  expect(ss.getSheetByName(TAB.sent)!.getRange('B3:C3').getValues()).toEqual([['x', 'y']]);
  // A sheet in hand (the selected row's tab) is read whole, and given back without a call.
  const sheet = ss.getSheetByName(TAB.sent)!;
  const held = counted(() => readRegister(ss, TAB.sent, sheet));
  expect(held.calls).toEqual({'Sheet.getDataRange': 1, 'Range.getValues': 1});
  expect(counted(() => held.value.sheet()).total).toBe(0);
  expect(view(held.value)).toEqual(view(whole(TAB.sent)));
});

test('a missing tab: the message says so, after the span is refused', () => {
  const sheet = ss.getSheetByName(TAB.sent);
  if (sheet) ss.deleteSheet(sheet);
  const missing = counted(() => errorOf(() => readRegister(ss, TAB.sent)));
  expect(missing.value).toBe(
    'The "Sent" tab is missing. Run Committee > Set up or repair workbook to add it.',
  );
  expect(missing.calls).toEqual({'Spreadsheet.getRange': 1, 'Spreadsheet.getSheetByName': 1});
  // An optional tab that is missing is no register, at one more call (getSheetByName).
  const optional = counted(() => readOptional(ss, TAB.sent));
  expect(optional.value).toBeNull();
  expect(optional.calls).toEqual({'Spreadsheet.getRange': 1, 'Spreadsheet.getSheetByName': 1});
});

test('a missing required header: the message names it, for a register that may be absent too', () => {
  makeTab(
    TAB.sent,
    SENT,
    headers(TAB.sent).filter(h => h !== 'To'),
  );
  const message =
    'The "Sent" tab has no "To" column. Put the header back in row 1 or run Committee > Set up or repair workbook.';
  expect(errorOf(() => readRegister(ss, TAB.sent))).toBe(message);
  expect(errorOf(() => readOptional(ss, TAB.sent))).toBe(message);
});

test("a tab with the officer's own columns past Z: the same records, by the span", () => {
  const own = Array.from({length: 6}, (_, k) => `Own ${k + 1}`);
  const head = [
    ...headers(TAB.mailingList),
    ...Array(25 - headers(TAB.mailingList).length).fill(''),
    ...own,
  ];
  const rows = MAILING.map((r, k) => ({...r, 'Own 3': `note ${k}`}));
  // A value past Z further down than the register's rows.
  const sheet = makeTab(TAB.mailingList, rows, head, 40);
  sheet.getRange('AD9').setValue('kept');
  const read = counted(() => readRegister(ss, TAB.mailingList));
  expect(read.total).toBe(2);
  expect(view(read.value)).toEqual(view(whole(TAB.mailingList)));
  expect(read.value.records).toHaveLength(3);
});

test('a schema header past Z, or a tab narrower than A:Z: read whole, the same records', () => {
  // Email moved to column AC: the span has no Email, so the tab is read whole.
  const head = headers(TAB.members).filter(h => h !== 'Email');
  const wide = [...head, ...Array(28 - head.length).fill(''), 'Email'];
  makeTab(TAB.members, MEMBERS, wide, 30);
  const read = counted(() => readRegister(ss, TAB.members));
  expect(read.value.index.get('Email')).toBe(28);
  expect(view(read.value)).toEqual(view(whole(TAB.members)));
  expect(read.calls).toEqual({
    'Spreadsheet.getRange': 1,
    'Range.getValues': 2,
    'Spreadsheet.getSheetByName': 1,
    'Sheet.getDataRange': 1,
  });
  // Twelve columns only: Apps Script refuses 'Mailing list'!A1:Z ("Range not found").
  makeTab(TAB.mailingList, MAILING, headers(TAB.mailingList), 12);
  expect(errorOf(() => ss.getRange(`${quotedTab(TAB.mailingList)}!A1:Z`))).toMatch(
    /Range not found/,
  );
  const narrow = counted(() => readRegister(ss, TAB.mailingList));
  expect(view(narrow.value)).toEqual(view(whole(TAB.mailingList)));
  expect(narrow.total).toBe(4);
});

test('Settings by the span: 2 calls (was 3), the same values; missing headers or tab: the same messages', () => {
  makeTab(
    TAB.settings,
    [{Setting: 'Group name', Value: 'Adults Committee'}],
    ['Setting', 'Value'],
    26,
  );
  const read = counted(() => readSettings(ss));
  expect(read.calls).toEqual({'Spreadsheet.getRange': 1, 'Range.getValues': 1});
  expect(read.value.text('Group name')).toBe('Adults Committee');
  expect(read.value.cell('Group name')).toBe('B2');
  const write = counted(() => read.value.cells(2, 2, 1, 1).setValue('Carers Board'));
  expect(write.total).toBe(2);
  expect(readSettings(ss).text('Group name')).toBe('Carers Board');
  makeTab(TAB.settings, [{Setting: 'Group name'}], ['Setting', 'Values']);
  expect(errorOf(() => readSettings(ss))).toBe(
    'The Settings tab needs "Setting" and "Value" headers in row 1. Run Committee > Set up or repair workbook.',
  );
  ss.deleteSheet(ss.getSheetByName(TAB.settings)!);
  expect(errorOf(() => readSettings(ss))).toBe(
    'The "Settings" tab is missing. Run Committee > Set up or repair workbook to add it.',
  );
});

test('sheet names are quoted for A1 notation, an apostrophe doubled', () => {
  expect(quotedTab('Mailing list')).toBe("'Mailing list'");
  expect(quotedTab("Members' notes")).toBe("'Members'' notes'");
  const sheet = ss.insertSheet("Members' notes");
  sheet.getRange('B2').setValue('here');
  expect(ss.getRange(`${quotedTab("Members' notes")}!B2`).getValue()).toBe('here');
});

test('trimGrid keeps what getDataRange would read', () => {
  expect(
    trimGrid([
      ['a', '', ''],
      ['', 'b', ''],
      ['', '', ''],
      ['', '', ''],
    ]),
  ).toEqual([
    ['a', ''],
    ['', 'b'],
  ]);
  expect(
    trimGrid([
      ['', ''],
      ['', ''],
    ]),
  ).toEqual([['']]);
  expect(trimGrid([[0, false, '']])).toEqual([[0, false]]);
});

test('a RangeList holds ranges of one sheet: naming another tab is refused, not read across tabs', () => {
  // developers.google.com/apps-script/reference/spreadsheet/range-list: "A collection of one or
  // more Range instances in the same sheet".
  makeTab(TAB.members, MEMBERS);
  makeTab(TAB.sent, SENT);
  expect(
    errorOf(() =>
      ss.getRangeList([`${quotedTab(TAB.members)}!A1:Z`, `${quotedTab(TAB.sent)}!A1:Z`]),
    ),
  ).toBe('A RangeList holds ranges of one sheet; these are on "Members", "Sent".');
  const same = ss.getSheetByName(TAB.sent)!.getRangeList(['A1:B2', 'D1']);
  expect(same.getRanges().map(r => r.getA1Notation())).toEqual(['A1:B2', 'D1']);
});
