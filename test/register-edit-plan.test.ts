/**
 * onEdit as a pure plan (src/workbook/edit-plan.ts): every rule of the edit check, from the edit,
 * header, row and today to the writes and notes, without the emulator.
 */
import {planCellEdit, needsRow, CellEdit, EditPlan} from '../src/workbook/edit-plan';
import {tabSpec} from '../src/workbook/schema';
import {serialOf} from '../src/workbook/dates';
import {mergeNote, FLAG_PREFIX, REFUSED_PREFIX} from '../src/workbook/marks';
import {rectOfEvent, typedText} from '../src/workbook/onedit';

type Cell = string | number | boolean | Date;
const NOW = new Date(2026, 10, 23, 9, 30);
const CTX = {now: NOW, today: serialOf(2026, 11, 23)!, user: 'clerk@example.org'};
const TODAY = new Date(2026, 10, 23);

/** An edit of `header` on row 5 of `tab`, the row holding `row` (by header) before the edit. */
function edit(
  tab: string,
  header: string,
  typed: Cell,
  row: Record<string, Cell> = {},
  extra: Partial<CellEdit> = {},
): EditPlan {
  const spec = tabSpec(tab);
  const headers = spec.columns.map(c => c.header);
  const rowValues = headers.map(h => row[h] ?? '');
  return planCellEdit(
    {
      spec,
      row: 5,
      col: headers.indexOf(header) + 1,
      header,
      typed,
      typedText: String(typed),
      old: row[header] ?? '',
      formula: '',
      headers,
      rowValues,
      ...extra,
    },
    CTX,
  );
}
const at = (tab: string, header: string) =>
  tabSpec(tab)
    .columns.map(c => c.header)
    .indexOf(header);
const writes = (tab: string, p: EditPlan) =>
  Object.fromEntries([...p.writes].map(([c, v]) => [tabSpec(tab).columns[c].header, v]));
const marks = (tab: string, p: EditPlan) =>
  Object.fromEntries(
    [...p.marks].map(([c, m]) => [
      tabSpec(tab).columns[c].header,
      m === null ? 'cleared' : `${m.flag ? 'flag' : 'note'}: ${m.note.split('\n')[0]}`,
    ]),
  );

const ACTION = {
  'Action to be taken by': 'Cat Cole',
  Action: 'Write to the chair',
  Status: 'Open',
  'Last updated': new Date(2026, 9, 1),
};

test('a valid edit of a tab without row rules writes nothing and marks nothing', () => {
  const p = edit('Meetings', 'Notes', 'Room booked', {'Meeting date': new Date(2026, 11, 10)});
  expect(p.writes.size + p.marks.size).toBe(0);
  expect(needsRow(tabSpec('Meetings'), 'Notes', 'Room booked')).toBe(false);
});

test('an Actions edit stamps Last updated with today', () => {
  const p = edit('Actions', 'Comments', 'Chased by email', ACTION);
  expect(writes('Actions', p)).toEqual({'Last updated': TODAY});
  expect(p.marks.size).toBe(0);
});

test('Status Closed: the list value normalised, Date closed filled, Last updated stamped', () => {
  const p = edit('Actions', 'Status', 'closed', ACTION);
  expect(writes('Actions', p)).toEqual({
    Status: 'Closed',
    'Date closed': TODAY,
    'Last updated': TODAY,
  });
});

test('Ongoing without a Review date flags the Review date; giving one clears it', () => {
  const p = edit('Actions', 'Status', 'Ongoing', ACTION);
  expect(marks('Actions', p)).toEqual({
    'Review date': `flag: ${FLAG_PREFIX}An action that is Ongoing needs a Review date: type the date it will next be looked at (dd/mm/yyyy).`,
  });
  const fixed = edit('Actions', 'Review date', '15/01/2027', {...ACTION, Status: 'Ongoing'});
  expect(marks('Actions', fixed)).toEqual({'Review date': 'cleared'});
  expect(writes('Actions', fixed)['Review date']).toEqual(new Date(2027, 0, 15));
});

test('a refused value is put back, the note records what was typed, and nothing is stamped', () => {
  const p = edit('Actions', 'Status', 'Finished', ACTION);
  expect(writes('Actions', p)).toEqual({Status: 'Open'});
  expect(marks('Actions', p)).toEqual({
    Status: `note: ${REFUSED_PREFIX}"Finished" was typed here on 23/11/2026 09:30 by clerk@example.org and not accepted, because the program's formulas read this cell.`,
  });
});

test('a value flagged and kept: a date that is not one', () => {
  const p = edit('Actions', 'Review date', 'next Tuesday', ACTION);
  expect(marks('Actions', p)).toEqual({
    'Review date': `flag: ${FLAG_PREFIX}"next Tuesday" is not a date. Type the date as dd/mm/yyyy, for example 12/03/2026.`,
  });
  expect(writes('Actions', p)).toEqual({'Last updated': TODAY});
});

test('flagged or refused on a stamped tab: the row is not read, the stamp comes from the headers alone', () => {
  expect(needsRow(tabSpec('Actions'), 'Review date', 'next Tuesday')).toBe(false);
  expect(needsRow(tabSpec('Actions'), 'Status', 'Finished')).toBe(false);
  expect(needsRow(tabSpec('Actions'), 'Review date', '01/12/2026')).toBe(true);
  expect(needsRow(tabSpec('Actions'), 'Comments', 'Chased')).toBe(true);
  const flagged = edit('Actions', 'Review date', 'next Tuesday', ACTION, {rowValues: null});
  expect(writes('Actions', flagged)).toEqual({'Last updated': TODAY});
  expect(marks('Actions', flagged)['Review date']).toMatch(/^flag: Problem: "next Tuesday"/);
  const refused = edit('Actions', 'Status', 'Finished', ACTION, {rowValues: null});
  expect(writes('Actions', refused)).toEqual({Status: 'Open'});
});

test('spaces typed into a required column are flagged, as a paste is', () => {
  const p = edit('Actions', 'Action', '   ', ACTION);
  expect(writes('Actions', p)).toMatchObject({Action: ''});
  expect(marks('Actions', p)).toEqual({
    Action: `flag: ${FLAG_PREFIX}Action is required: this row has other entries but no Action.`,
  });
});

test('ends after starts: Term end, End date, Extended to, End time', () => {
  expect(
    marks(
      'Members',
      edit('Members', 'Term end', '01/01/2025', {Name: 'Ann', 'Term start': new Date(2026, 0, 1)}),
    ),
  ).toEqual({'Term end': `flag: ${FLAG_PREFIX}Term end must be after Term start (01/01/2026).`});
  expect(
    marks(
      'Meetings',
      edit('Meetings', 'End time', '09:00', {
        'Meeting date': new Date(2026, 11, 10),
        'Start time': 10 / 24,
      }),
    ),
  ).toEqual({'End time': `flag: ${FLAG_PREFIX}End time must be after Start time (10:00).`});
});

test('one meeting per date: the key column read down the tab', () => {
  const d = new Date(2026, 11, 10);
  const keyRows = [[d], [new Date(2027, 0, 14)], [''], ['']].map(r => {
    const line: Cell[] = [];
    line[at('Meetings', 'Meeting date')] = r[0];
    return line;
  });
  const p = edit('Meetings', 'Meeting date', '10/12/2026', {Venue: 'Room 1'}, {keyRows});
  expect(marks('Meetings', p)).toEqual({
    'Meeting date': `flag: ${FLAG_PREFIX}More than one meeting is on 10/12/2026. Change one of the dates, or delete the duplicate row.`,
  });
});

test('typing over a formula puts the formula back and keeps what was typed in the note', () => {
  const p = edit('Meetings', 'Report deadline', '01/12/2026', {
    'Meeting date': new Date(2026, 11, 10),
  });
  expect(String(writes('Meetings', p)['Report deadline'])).toMatch(/^=IF\(ISNUMBER\(/);
  expect(marks('Meetings', p)['Report deadline']).toContain('"01/12/2026" was typed here');
});

test('notes record exactly what was typed: a date as the cell showed it, a percentage as typed', () => {
  expect(typedText(tabSpec('Actions').columns[at('Actions', 'Review date')], '46388')).toBe(
    '01/01/2027',
  );
  expect(typedText(tabSpec('Lots').columns[at('Lots', 'Uplift %')], '0.5')).toBe('50%');
  expect(typedText(tabSpec('Lots').columns[at('Lots', 'Uplift %')], '-0.035')).toBe('-3.5%');
  // A time as Sheets sends it, a fraction of the day: 09:30 and 14:00; anything else as typed.
  const end = tabSpec('Meetings').columns[at('Meetings', 'End time')];
  expect(typedText(end, '0.3958333333333333')).toBe('09:30');
  expect(typedText(end, '0.5833333333333334')).toBe('14:00');
  expect(typedText(end, 'half two')).toBe('half two');
});

test("an officer's own note survives a flag and is all that is left when the value is fixed", () => {
  const flagged = mergeNote('Checked with finance', `${FLAG_PREFIX}Not a date.`);
  expect(flagged).toBe(`${FLAG_PREFIX}Not a date.\n---\nYour note: Checked with finance`);
  expect(mergeNote(flagged, `${FLAG_PREFIX}Still not a date.`)).toBe(
    `${FLAG_PREFIX}Still not a date.\n---\nYour note: Checked with finance`,
  );
  expect(mergeNote(flagged, null)).toBe('Checked with finance');
  expect(mergeNote('Checked with finance', null)).toBe('Checked with finance');
  expect(mergeNote(`${FLAG_PREFIX}Not a date.`, null)).toBe('');
});

test('a negative or ambiguous amount in a column a formula reads is refused, as the README says', () => {
  // Contracts Annual value feeds the Lots tab's Contracted annual value (a SUMIF on another tab).
  for (const typed of [-500, '1.234,50']) {
    const p = edit('Contracts', 'Annual value', typed, {Reference: 'C-1', 'Annual value': 12000});
    expect(writes('Contracts', p)).toEqual({'Annual value': 12000});
    expect(marks('Contracts', p)['Annual value']).toMatch(/^note: Refused: /);
  }
});

test('Extended to beyond the extension options, and options that cannot be read, are flagged', () => {
  const row = {
    Reference: 'C-1',
    'Start date': new Date(2020, 3, 1),
    'End date': new Date(2025, 2, 31),
    'Extension options': '5+2',
  };
  expect(marks('Contracts', edit('Contracts', 'Extended to', '31/03/2028', row))).toEqual({
    'Extended to': `flag: ${FLAG_PREFIX}Extended to 2028-03-31 is beyond what the extension options "5+2" allow (at the latest 2027-03-31). Correct Extended to, or the Extension options if the contract was varied.`,
  });
  expect(edit('Contracts', 'Extended to', '31/03/2027', row).marks.size).toBe(0);
  expect(marks('Contracts', edit('Contracts', 'Extension options', 'two more years', row))).toEqual(
    {
      'Extension options': `flag: ${FLAG_PREFIX}The extension options "two more years" cannot be read. Write them like "5+2" (years), "2 x 12 months" or "none".`,
    },
  );
});

test('the edited cell comes from the event object when Apps Script gives rowStart..columnEnd', () => {
  const e = {range: {rowStart: 5, columnStart: 3, rowEnd: 7, columnEnd: 4}} as never;
  expect(rectOfEvent(e)).toEqual({row: 5, col: 3, numRows: 3, numCols: 2});
  expect(rectOfEvent({range: {}} as never)).toBeNull();
});
