/**
 * The bank-holiday calendar against the lists gov.uk publishes (https://www.gov.uk/bank-holidays,
 * and its feed https://www.gov.uk/bank-holidays.json), written out by hand for 2018–2027 so the
 * test does not share the code's rules. Scotland 2026 includes the World Cup bank holiday of
 * 15 June 2026 (gov.uk feed). Sheets' WORKDAY semantics: support.google.com/docs/answer/3093059
 * ("Calculates the end date after a specified number of working days", holidays excluded).
 */
import {
  bankHolidays,
  bankHolidaysForYears,
  clearWorkingDaysBetween,
  easterSunday,
  Region,
  workday,
  weekday,
  isoOfDate,
  dateOfIso,
  FIRST_YEAR,
  LAST_YEAR,
  REGIONS,
} from '../src/domain/calendar';

const EW: Record<number, string[]> = {
  2018: ['01-01', '03-30', '04-02', '05-07', '05-28', '08-27', '12-25', '12-26'],
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

const SCOT: Record<number, string[]> = {
  2018: ['01-01', '01-02', '03-30', '05-07', '05-28', '08-06', '11-30', '12-25', '12-26'],
  2019: ['01-01', '01-02', '04-19', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
  2020: ['01-01', '01-02', '04-10', '05-08', '05-25', '08-03', '11-30', '12-25', '12-28'],
  2021: ['01-01', '01-04', '04-02', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
  2022: [
    '01-03',
    '01-04',
    '04-15',
    '05-02',
    '06-02',
    '06-03',
    '08-01',
    '09-19',
    '11-30',
    '12-26',
    '12-27',
  ],
  2023: ['01-02', '01-03', '04-07', '05-01', '05-08', '05-29', '08-07', '11-30', '12-25', '12-26'],
  2024: ['01-01', '01-02', '03-29', '05-06', '05-27', '08-05', '12-02', '12-25', '12-26'],
  2025: ['01-01', '01-02', '04-18', '05-05', '05-26', '08-04', '12-01', '12-25', '12-26'],
  2026: ['01-01', '01-02', '04-03', '05-04', '05-25', '06-15', '08-03', '11-30', '12-25', '12-28'],
  2027: ['01-01', '01-04', '03-26', '05-03', '05-31', '08-02', '11-30', '12-27', '12-28'],
};

/** Northern Ireland: England and Wales plus St Patrick's Day and the Battle of the Boyne. */
const NI_EXTRA: Record<number, string[]> = {
  2018: ['03-19', '07-12'],
  2019: ['03-18', '07-12'],
  2020: ['03-17', '07-13'],
  2021: ['03-17', '07-12'],
  2022: ['03-17', '07-12'],
  2023: ['03-17', '07-12'],
  2024: ['03-18', '07-12'],
  2025: ['03-17', '07-14'],
  2026: ['03-17', '07-13'],
  2027: ['03-17', '07-12'],
};

const dates = (region: Region, year: number) => bankHolidays(region, year).map(h => h.date);
const full = (year: number, mmdd: string[]) => mmdd.map(d => `${year}-${d}`).sort();

describe('bank holidays match gov.uk, 2018–2027', () => {
  for (let y = 2018; y <= 2027; y++) {
    test(`England and Wales ${y}`, () =>
      expect(dates('England and Wales', y)).toEqual(full(y, EW[y])));
    test(`Scotland ${y}`, () => expect(dates('Scotland', y)).toEqual(full(y, SCOT[y])));
    test(`Northern Ireland ${y}`, () =>
      expect(dates('Northern Ireland', y)).toEqual(full(y, [...EW[y], ...NI_EXTRA[y]])));
  }
});

describe('one-off changes and rules outside the test decade', () => {
  test('1995 early May moved to VE day, 8 May', () => {
    expect(dates('England and Wales', 1995)).toContain('1995-05-08');
    expect(dates('England and Wales', 1995)).not.toContain('1995-05-01');
  });
  test('millennium, jubilees and the royal wedding', () => {
    expect(dates('Scotland', 1999)).toContain('1999-12-31');
    expect(dates('England and Wales', 2002)).toEqual(
      expect.arrayContaining(['2002-06-03', '2002-06-04']),
    );
    expect(dates('England and Wales', 2002)).not.toContain('2002-05-27');
    expect(dates('Northern Ireland', 2011)).toContain('2011-04-29');
    expect(dates('England and Wales', 2012)).toEqual(
      expect.arrayContaining(['2012-06-04', '2012-06-05']),
    );
    expect(dates('England and Wales', 2012)).not.toContain('2012-05-28');
  });
  test('names say which day is a substitute', () => {
    const h = bankHolidays('England and Wales', 2021).filter(x => x.date >= '2021-12-01');
    expect(h).toEqual([
      {date: '2021-12-27', name: 'Christmas Day (substitute day)'},
      {date: '2021-12-28', name: 'Boxing Day (substitute day)'},
    ]);
  });
  test("St Andrew's Day only from 2007", () => {
    expect(dates('Scotland', 2006).some(d => d.startsWith('2006-11'))).toBe(false);
    expect(dates('Scotland', 2007)).toContain('2007-11-30');
  });
  test('every year 1995–2100 in every region: 8 to 12 days, all on weekdays, no duplicates', () => {
    for (const region of REGIONS) {
      const all = bankHolidaysForYears(region, FIRST_YEAR, LAST_YEAR);
      for (const h of all) expect([0, 6]).not.toContain(weekday(h.date));
      expect(new Set(all.map(h => h.date)).size).toBe(all.length);
      for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
        const n = bankHolidays(region, y).length;
        expect(n).toBeGreaterThanOrEqual(8);
        expect(n).toBeLessThanOrEqual(12);
      }
    }
  });
  test('Easter: known dates', () => {
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2008)).toBe('2008-03-23');
    expect(easterSunday(2100)).toBe('2100-03-28');
  });
  test('years outside 1995–2100 and unknown regions are refused by name', () => {
    expect(() => bankHolidays('England and Wales', 1994)).toThrow('1995 to 2100, not 1994');
    expect(() => bankHolidays('Wales' as Region, 2024)).toThrow(
      '"Wales" is not a bank holiday region',
    );
  });
});

describe('working days', () => {
  const hols = new Set(dates('England and Wales', 2026));
  test('WORKDAY backwards skips weekends and holidays', () => {
    // Tuesday 7 April 2026: Easter Monday 6th and Good Friday 3rd are holidays.
    expect(workday('2026-04-07', -1, hols)).toBe('2026-04-02');
    expect(workday('2026-04-07', 0, hols)).toBe('2026-04-07');
    expect(workday('2026-04-02', 1, hols)).toBe('2026-04-07');
  });
  test('from a weekend start', () => {
    expect(workday('2026-11-21', -1, hols)).toBe('2026-11-20');
    expect(workday('2026-11-21', 1, hols)).toBe('2026-11-23');
  });
  test('clear working days exclude both ends', () => {
    expect(clearWorkingDaysBetween('2026-11-18', '2026-11-26', hols)).toBe(5);
    expect(clearWorkingDaysBetween('2026-12-17', '2026-12-31', hols)).toBe(7);
  });
  test('Date round trip keeps the calendar day', () => {
    expect(isoOfDate(dateOfIso('2026-03-29'))).toBe('2026-03-29');
    expect(isoOfDate(dateOfIso('2026-10-25'))).toBe('2026-10-25');
  });
});
