/// <reference types="google-apps-script" />
import {
  checkValue,
  parseDate,
  parseNumber,
  rowRules,
  refusesInvalid,
  missingRequired,
  duplicateRows,
} from '../src/workbook/validate';
import {tabSpec, ColumnSpec} from '../src/workbook/schema';
import {serialOf, showSerial, serialOfDate} from '../src/workbook/dates';

const col = (tab: string, header: string): ColumnSpec => {
  const c = tabSpec(tab).columns.find(x => x.header === header);
  if (!c) throw new Error(header);
  return c;
};

describe('typed values as people type them', () => {
  test('dates: UK order, ISO and month names are dates', () => {
    expect(checkValue(col('Actions', 'Review date'), '12/03/2026')).toEqual({
      ok: true,
      value: new Date(2026, 2, 12),
      changed: true,
    });
    expect(checkValue(col('Actions', 'Review date'), '2026-03-12')).toMatchObject({
      ok: true,
      value: new Date(2026, 2, 12),
    });
    expect(checkValue(col('Actions', 'Review date'), 'Thu 12 March 2026')).toMatchObject({
      ok: true,
      value: new Date(2026, 2, 12),
    });
    expect(showSerial(serialOf(2026, 3, 12)!)).toBe('12/03/2026');
    const d = new Date(2026, 2, 12);
    expect(checkValue(col('Actions', 'Review date'), d)).toEqual({
      ok: true,
      value: d,
      changed: false,
    });
    expect(serialOfDate(d)).toBe(serialOf(2026, 3, 12));
  });
  test('"next Tuesday" and 31/02/2021 are not dates', () => {
    expect(checkValue(col('Actions', 'Review date'), 'next Tuesday')).toEqual({
      ok: false,
      problem: '"next Tuesday" is not a date. Type the date as dd/mm/yyyy, for example 12/03/2026.',
    });
    expect(parseDate('31/02/2021')).toEqual({
      problem:
        '"31/02/2021" is not a date: February 2021 has no day 31. Type the date as dd/mm/yyyy, for example 12/03/2026.',
    });
    expect(parseDate('12/13/2026')).toMatchObject({
      problem: expect.stringContaining('no month 13'),
    });
    expect(checkValue(col('Actions', 'Review date'), 2026)).toMatchObject({ok: false});
  });
  test('money', () => {
    expect(checkValue(col('Contracts', 'Annual value'), '£1,234.50')).toEqual({
      ok: true,
      value: 1234.5,
      changed: true,
    });
    expect(checkValue(col('Contracts', 'Annual value'), 1234.5)).toEqual({
      ok: true,
      value: 1234.5,
      changed: false,
    });
    const amb = checkValue(col('Contracts', 'Annual value'), '1.234,50');
    expect(amb).toMatchObject({
      ok: false,
      problem: expect.stringContaining('"1.234,50" is ambiguous'),
    });
    expect(checkValue(col('Contracts', 'Annual value'), -50)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('cannot be negative'),
    });
    expect(checkValue(col('Contracts', 'Annual value'), '-£50')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('cannot be negative'),
    });
    expect(checkValue(col('Contracts', 'Annual value'), '1,23,4')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('is not an amount of money'),
    });
    expect(parseNumber('(1,000)', true)).toEqual({value: -1000});
  });
  test('percent', () => {
    expect(checkValue(col('Lots', 'Uplift %'), '5%')).toEqual({
      ok: true,
      value: 0.05,
      changed: true,
    });
    expect(checkValue(col('Lots', 'Uplift %'), 0.05)).toMatchObject({ok: true, value: 0.05});
    expect(checkValue(col('Lots', 'Uplift %'), 5)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('500%'),
    });
  });
  test('lists: case is normalised, unknown values named with the allowed ones', () => {
    expect(checkValue(col('Actions', 'Status'), 'closed')).toEqual({
      ok: true,
      value: 'Closed',
      changed: true,
    });
    expect(checkValue(col('Actions', 'Status'), ' On Hold ')).toEqual({
      ok: true,
      value: 'On hold',
      changed: true,
    });
    expect(checkValue(col('Actions', 'Status'), 'Finished')).toEqual({
      ok: false,
      problem:
        '"Finished" is not a Status the program knows. Use one of: Open, Ongoing, On hold, Closed.',
    });
    expect(checkValue(col('Members', 'Client groups'), 'older people, carers;Carers')).toEqual({
      ok: true,
      value: 'Older people; Carers',
      changed: true,
    });
    expect(checkValue(col('Members', 'Client groups'), 'Carers; Pets')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('"Pets" is not one of the Client groups'),
    });
    expect(checkValue(col('Agenda', 'Confidential'), 'y')).toEqual({
      ok: true,
      value: 'Yes',
      changed: true,
    });
    expect(checkValue(col('Agenda', 'Confidential'), true)).toEqual({
      ok: true,
      value: 'Yes',
      changed: true,
    });
    expect(checkValue(col('Agenda', 'Confidential'), 'maybe')).toMatchObject({ok: false});
  });
  test('email, time, text', () => {
    expect(checkValue(col('Members', 'Email'), 'ann.hale@example.org')).toMatchObject({
      ok: true,
      changed: false,
    });
    expect(checkValue(col('Members', 'Email'), 'ann.hale@example')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('not an email address'),
    });
    expect(checkValue(col('Members', 'Email'), 'ann hale@example.org')).toMatchObject({ok: false});
    expect(checkValue(col('Meetings', 'Start time'), '2pm')).toEqual({
      ok: true,
      value: 14 / 24,
      changed: true,
    });
    expect(checkValue(col('Meetings', 'Start time'), 'lunchtime')).toMatchObject({ok: false});
    expect(checkValue(col('Members', 'Name'), '  Ann  ')).toEqual({
      ok: true,
      value: 'Ann',
      changed: true,
    });
    expect(checkValue(col('Members', 'Name'), '')).toEqual({ok: true, value: '', changed: false});
  });
});

describe('row rules', () => {
  const today = serialOf(2026, 11, 23)!;
  test('Closed needs a Date closed (filled with today); Last updated is stamped', () => {
    const f = rowRules(
      tabSpec('Actions'),
      {Status: 'Closed', 'Date closed': '', 'Review date': '', 'Last updated': ''},
      new Set(['Status']),
      today,
    );
    expect(f).toEqual([
      {header: 'Date closed', fill: new Date(2026, 10, 23)},
      {header: 'Last updated', fill: new Date(2026, 10, 23)},
    ]);
    expect(
      rowRules(
        tabSpec('Actions'),
        {Status: 'Open', 'Last updated': new Date(2026, 10, 23)},
        new Set(['Status']),
        today,
      ),
    ).toEqual([]);
  });
  test('Ongoing needs a review date', () => {
    const f = rowRules(
      tabSpec('Actions'),
      {Status: 'Ongoing', 'Review date': ''},
      new Set(['Status']),
      today,
    );
    expect(f[0]).toMatchObject({
      header: 'Review date',
      problem: expect.stringContaining('Ongoing needs a Review date'),
    });
  });
  test('ends after starts', () => {
    expect(
      rowRules(
        tabSpec('Members'),
        {'Term start': serialOf(2026, 1, 1)!, 'Term end': new Date(2025, 0, 1)},
        new Set(),
        today,
      )[0],
    ).toEqual({header: 'Term end', problem: 'Term end must be after Term start (01/01/2026).'});
    expect(
      rowRules(
        tabSpec('Contracts'),
        {'Start date': serialOf(2026, 1, 1)!, 'End date': serialOf(2027, 1, 1)!},
        new Set(),
        today,
      ),
    ).toEqual([]);
    expect(
      rowRules(tabSpec('Meetings'), {'Start time': 0.5, 'End time': 0.25}, new Set(), today)[0],
    ).toMatchObject({
      header: 'End time',
      problem: expect.stringContaining('after Start time (12:00)'),
    });
  });
  test('required and duplicates', () => {
    expect(
      missingRequired(tabSpec('Actions'), {Action: 'Write to chair', 'Action to be taken by': ''}),
    ).toHaveLength(1);
    expect(
      missingRequired(tabSpec('Actions'), {Action: '', 'Action to be taken by': ''}),
    ).toHaveLength(0);
    // One meeting per date (schema `unique`): a Date and its serial are the same day.
    const spec = tabSpec('Meetings');
    const index = new Map([['Meeting date', 0]]);
    const day = new Date(2026, 0, 5);
    const rows = [day, 46027, serialOfDate(day), ''].map((v, k) => [k + 2, [v]] as const);
    expect(duplicateRows(spec, index, rows).map(d => d.row)).toEqual([2, 3, 4]);
    expect(duplicateRows(spec, index, rows)[0]).toEqual({
      row: 2,
      header: 'Meeting date',
      problem:
        'More than one meeting is on 05/01/2026. Change one of the dates, or delete the duplicate row.',
    });
  });
  test('refuse or flag', () => {
    expect(refusesInvalid(tabSpec('Actions'), col('Actions', 'Status'))).toBe(true);
    expect(refusesInvalid(tabSpec('Meetings'), col('Meetings', 'Meeting date'))).toBe(true); // the deadline formulas read it
    expect(refusesInvalid(tabSpec('Actions'), col('Actions', 'Review date'))).toBe(false);
    expect(refusesInvalid(tabSpec('Members'), col('Members', 'Email'))).toBe(false);
  });
});
