/// <reference types="google-apps-script" />
/**
 * Pure parts of set-up, the Problems list and onEdit: where headers go on repair, the
 * conditional-format formulas, problems found in a grid, reading the edited range.
 */
import {planHeaders, numberFormatOf, looseHeader} from '../src/workbook/setup';
import {ruleSpecs} from '../src/workbook/conditional';
import {problemsInGrid, problemRows} from '../src/workbook/problems';
import {parseA1, fromEvent} from '../src/workbook/onedit';
import {tabSpec, ColumnSpec} from '../src/workbook/schema';
import {serialOf} from '../src/workbook/dates';
import {keepAsText, forColumn} from '../src/workbook/table';

const holidays = tabSpec('Holidays');
const members = tabSpec('Members');

describe('planHeaders (repair)', () => {
  test('a complete tab is left as it is', () => {
    expect(planHeaders(holidays, ['Date', 'Name'])).toEqual({
      headers: ['Date', 'Name'],
      renamed: [],
      added: [],
    });
  });
  test("a renamed header is put back; a missing one goes at the end; officers' columns stay where they are", () => {
    const plan = planHeaders(holidays, ['My column', 'DATE ']);
    expect(plan.headers).toEqual(['My column', 'Date', 'Name']);
    expect(plan.renamed).toEqual(['Holidays: "DATE" → "Date"']);
    expect(plan.added).toEqual(['Holidays: Name']);
  });
  test('a cleared header just after its schema neighbour is put back in place', () => {
    const headers = members.columns.map(c => c.header);
    headers[11] = ''; // Term end
    const plan = planHeaders(members, headers);
    expect(plan.headers[11]).toBe('Term end');
    expect(plan.added).toEqual([]);
  });
  test('looseHeader ignores case, spaces and punctuation', () => {
    expect(looseHeader('E-mail')).toBe(looseHeader('email'));
    expect(looseHeader('Uplift %')).toBe('uplift%');
  });
  test('number formats by type', () => {
    const f = (type: ColumnSpec['type']) => numberFormatOf({header: 'x', type});
    expect([f('date'), f('time'), f('money'), f('percent'), f('text'), f('link')]).toEqual([
      'dd/mm/yyyy',
      'HH:mm',
      '£#,##0.00',
      '0%',
      '@',
      null,
    ]);
  });
});

describe('conditional formats', () => {
  test('Actions rules follow the columns wherever they are', () => {
    const index = new Map([
      ['Status', 0],
      ['Review date', 27],
    ]);
    const rules = ruleSpecs(tabSpec('Actions'), index, {
      dueSoonDays: 10,
      termWarningDays: 60,
      contractWarningDays: 180,
    });
    expect(rules.map(r => r.formula)).toEqual([
      '=AND(N("Committee Clerk")=0,$A2="Closed")',
      '=AND(N("Committee Clerk")=0,$A2<>"Closed",ISNUMBER($AB2),$AB2<TODAY())',
      '=AND(N("Committee Clerk")=0,$A2<>"Closed",ISNUMBER($AB2),$AB2>=TODAY(),$AB2<=TODAY()+10)',
    ]);
  });
  test('no rules where the columns are missing', () => {
    expect(ruleSpecs(tabSpec('Contracts'), new Map())).toEqual([]);
  });
});

describe('problems in a grid', () => {
  test('type problems, required columns, row rules and duplicate meeting dates, with links', () => {
    const spec = tabSpec('Meetings');
    const headers = spec.columns.map(c => c.header);
    const row = (date: unknown, start: unknown, end: unknown) =>
      headers.map(h =>
        h === 'Meeting date' ? date : h === 'Start time' ? start : h === 'End time' ? end : '',
      );
    const d = new Date(2026, 11, 10);
    const grid = [
      headers,
      row(d, 10 / 24, 12 / 24),
      row(new Date(2026, 11, 10), 10 / 24, 9 / 24),
      row('next Tuesday', '', ''),
      row('', 'noon', ''),
    ];
    const found = problemsInGrid(spec, grid as never, serialOf(2026, 11, 23)!);
    // In sheet order: by row, then by column.
    expect(found.map(p => `${p.row}:${p.header}`)).toEqual([
      '2:Meeting date',
      '3:Meeting date',
      '3:End time',
      '4:Meeting date',
      '5:Meeting date',
      '5:Start time',
    ]);
    const rows = problemRows(
      found.filter(p => p.header === 'End time'),
      new Map([['Meetings', 77]]),
    );
    expect(rows[0]).toEqual([
      'Meetings',
      'C3',
      3,
      'End time',
      '09:00',
      'End time must be after Start time (10:00).',
      '=HYPERLINK("#gid=77&range=C3","Meetings!C3")',
    ]);
  });
  test('Settings values are checked by type', () => {
    const grid = [
      ['Setting', 'Value', 'Notes'],
      ['Papers notice days', 'five', ''],
      ['Reminders', 'Yes', ''],
    ];
    const found = problemsInGrid(tabSpec('Settings'), grid, 0);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      row: 2,
      col: 2,
      problem: expect.stringContaining('"Papers notice days" should be a number'),
    });
  });
  test('a missing required header is a problem', () => {
    const found = problemsInGrid(holidays, [['Name']], 0);
    expect(found[0].problem).toContain('The "Date" column is missing');
  });
});

describe('onEdit helpers', () => {
  test('parseA1', () => {
    expect(parseA1('G7')).toEqual({row: 7, col: 7, numRows: 1, numCols: 1});
    expect(parseA1('A22:J521')).toEqual({row: 22, col: 1, numRows: 500, numCols: 10});
    expect(() => parseA1('Actions')).toThrow('Cannot read the edited range');
  });
  test('fromEvent: event text to a cell value by column type', () => {
    const date = tabSpec('Actions').columns.find(c => c.header === 'Review date');
    expect(fromEvent(date, '46402')).toBe(46402);
    expect(fromEvent(date, 'next Tuesday')).toBe('next Tuesday');
    expect(fromEvent(undefined, undefined)).toBe('');
  });
  test('text written with setValues stays text', () => {
    expect(keepAsText('01632 960000')).toBe("'01632 960000");
    expect(keepAsText('Closed')).toBe('Closed');
    expect(forColumn(tabSpec('Members').columns[9], '01632 960000')).toBe('01632 960000'); // Phone: a plain-text column
  });
});
