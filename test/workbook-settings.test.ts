/// <reference types="google-apps-script" />
import {settingsFromGrid, makeSettings, parseClock} from '../src/workbook/settings';
import {formulaFor, columnLetter, resolveTemplate} from '../src/workbook/formulas';
import {WorkbookError} from '../src/workbook/table';
import {TabSpec} from '../src/workbook/schema';

const grid = [
  ['Setting', 'Value', 'Notes'],
  ['Papers notice days', 'five', ''],
  ['Agenda agreed days', 14, ''],
  ['Default start time', '9.30am', ''],
  ['Meeting window end', '', ''],
  ['Reminders', 'yes', ''],
  ['Bank holiday region', 'scotland', ''],
  ['Required client groups', 'Older people; carers', ''],
  ['Papers folder id', 'https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOp', ''],
  ['Clerk email', 'clerk at example.org', ''],
  ['Minimum members', '', ''],
];

describe('settings', () => {
  const s = settingsFromGrid(grid);
  test('nonsense number names the setting', () => {
    expect(() => s.number('Papers notice days')).toThrow(WorkbookError);
    expect(() => s.number('Papers notice days')).toThrow(
      '"Papers notice days" should be a number of 0 or more; it is "five"',
    );
  });
  test('empty number is refused, not defaulted', () => {
    expect(() => s.number('Minimum members')).toThrow('"Minimum members" is empty');
  });
  test('typed values', () => {
    expect(s.number('Agenda agreed days')).toBe(14);
    expect(s.time('Default start time')).toBe(9 * 60 + 30);
    expect(s.time('Meeting window end')).toBeNull();
    expect(s.bool('Reminders')).toBe(true);
    expect(s.text('Bank holiday region')).toBe('Scotland');
    expect(s.list('Required client groups')).toEqual(['Older people', 'Carers']);
    expect(s.id('Papers folder id')).toBe('1AbCdEfGhIjKlMnOp');
    expect(() => s.email('Clerk email')).toThrow('"Clerk email" should be an email address');
  });
  test('a missing row falls back to the default; an unknown name is reported', () => {
    expect(s.number('Key decision notice days')).toBe(28);
    // @ts-expect-error: setting names are a typed list, so a typo does not compile
    expect(() => s.text('No such thing')).toThrow('no setting called "No such thing"');
  });
  test('a time cell (Date) and a day fraction', () => {
    const t = makeSettings(
      new Map<string, any>([
        ['Meeting window start', new Date(1899, 11, 30, 10, 15)],
        ['Meeting window end', 0.5],
      ]),
    );
    expect(t.time('Meeting window start')).toBe(615);
    expect(t.time('Meeting window end')).toBe(720);
  });
  test('parseClock', () => {
    expect(parseClock('14:00')).toBe(840);
    expect(parseClock('2pm')).toBe(840);
    expect(parseClock('12am')).toBe(0);
    expect(parseClock('25:00')).toBeNull();
    expect(parseClock('10')).toBeNull();
    expect(parseClock('soon')).toBeNull();
  });
  test('missing Value header', () => {
    expect(() => settingsFromGrid([['Setting', 'Val']])).toThrow(
      'needs "Setting" and "Value" headers',
    );
  });
});

describe('formulaFor', () => {
  const spec: TabSpec = {
    name: 'Lots',
    columns: [
      {header: 'Spend', type: 'money'},
      {header: 'Uplift', type: 'percent'},
      {header: 'Total', type: 'money', formula: '=IF({Spend}="","",{Spend}*(1+{Uplift}))'},
      {header: 'Row', type: 'number', formula: '=ROW()-{row}+1'},
    ],
  };
  test('resolves headers wherever the columns are', () => {
    const idx = new Map([
      ['Uplift', 0],
      ['Total', 1],
      ['Spend', 27],
      ['Row', 3],
    ]);
    expect(formulaFor(spec, 'Total', 7, idx)).toBe('=IF(AB7="","",AB7*(1+A7))');
    expect(formulaFor(spec, 'Row', 12, idx)).toBe('=ROW()-12+1');
    expect(formulaFor(spec, 'Spend', 12, idx)).toBe('');
  });
  test('a missing column is named', () => {
    expect(() => formulaFor(spec, 'Total', 2, new Map([['Spend', 0]]))).toThrow(
      'refers to a "Uplift" column',
    );
    expect(() => resolveTemplate('{Nope}', 2, new Map())).toThrow(WorkbookError);
  });
  test('column letters', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
