/**
 * The working-day calendar: UK bank holidays by region, worked out from the rules (Easter,
 * fixed and floating days, substitute days) plus the one-off changes proclaimed since 1995.
 * Pure functions on ISO dates ('YYYY-MM-DD'), so no time zone can shift a day.
 *
 * Sources: Banking and Financial Dealings Act 1971, Schedule 1 (as amended, incl. the
 * St Andrew's Day Bank Holiday (Scotland) Act 2007, s.1: "30th November, if it is not a
 * Saturday or Sunday or, if it is, the first Monday following"); gov.uk/bank-holidays.
 */

export const REGIONS = ['England and Wales', 'Scotland', 'Northern Ireland'] as const;
export type Region = (typeof REGIONS)[number];

export const FIRST_YEAR = 1995;
export const LAST_YEAR = 2100;

export interface Holiday {
  readonly date: string;
  readonly name: string;
}

// ---- ISO date arithmetic (day numbers since 1970-01-01, UTC, never local time) ----

const MS_PER_DAY = 86400000;

export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`"${iso}" is not a date written YYYY-MM-DD.`);
  return Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_PER_DAY);
}

export function isoOfDay(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function iso(year: number, month: number, day: number): string {
  return isoOfDay(Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY));
}

export function addDays(date: string, n: number): string {
  return isoOfDay(dayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/**
 * The calendar date of a sheet Date value. Sheets hands a script a Date at midnight in the
 * spreadsheet's zone; reading its local fields (the script runs in the same zone) gives the
 * day the officer typed.
 */
export function isoOfDate(d: Date): string {
  return iso(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Local midnight of an ISO date: how a date goes back into a cell. */
export function dateOfIso(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d);
}

// ---- rules ----

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The nth Monday of a month (n = 1 first; n = -1 last). */
function monday(year: number, month: number, n: number): string {
  if (n > 0) {
    const first = iso(year, month, 1);
    return addDays(first, ((8 - weekday(first)) % 7) + 7 * (n - 1));
  }
  const last = addDays(iso(year, month + 1, 1), -1);
  return addDays(last, -((weekday(last) + 6) % 7));
}

/**
 * Fixed-date holidays that move to the next free weekday when they fall at a weekend. A run
 * (Christmas and Boxing Day; 1 and 2 January) is resolved together: weekday holidays keep
 * their day and each weekend one takes the next weekday not already taken, so Christmas on a
 * Sunday gives Boxing Day on Monday and the substitute on Tuesday, as gov.uk lists them.
 */
function withSubstitutes(days: readonly Holiday[]): Holiday[] {
  const taken = new Set(days.filter(h => !isWeekend(h.date)).map(h => h.date));
  return days.map(h => {
    if (!isWeekend(h.date)) return h;
    let d = h.date;
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    return {date: d, name: `${h.name} (substitute day)`};
  });
}

/** One-off days added by proclamation, and regular ones moved for a year. */
interface OneOff {
  readonly regions: readonly Region[];
  readonly add?: Holiday;
  /** The regular holiday (by name) moved to another date that year. */
  readonly move?: {readonly name: string; readonly to: string};
}

const ALL: readonly Region[] = REGIONS;

const ONE_OFFS: Readonly<Record<number, readonly OneOff[]>> = {
  1995: [{regions: ALL, move: {name: 'Early May bank holiday', to: '1995-05-08'}}], // VE Day 50th anniversary
  1999: [{regions: ALL, add: {date: '1999-12-31', name: 'Millennium celebrations'}}],
  2002: [
    {regions: ALL, move: {name: 'Spring bank holiday', to: '2002-06-04'}},
    {regions: ALL, add: {date: '2002-06-03', name: 'Golden Jubilee bank holiday'}},
  ],
  2011: [{regions: ALL, add: {date: '2011-04-29', name: 'Royal wedding'}}],
  2012: [
    {regions: ALL, move: {name: 'Spring bank holiday', to: '2012-06-04'}},
    {regions: ALL, add: {date: '2012-06-05', name: 'Queen’s Diamond Jubilee'}},
  ],
  2020: [{regions: ALL, move: {name: 'Early May bank holiday (VE day)', to: '2020-05-08'}}],
  2022: [
    {regions: ALL, move: {name: 'Spring bank holiday', to: '2022-06-02'}},
    {regions: ALL, add: {date: '2022-06-03', name: 'Platinum Jubilee bank holiday'}},
    {
      regions: ALL,
      add: {date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II'},
    },
  ],
  2023: [
    {
      regions: ALL,
      add: {date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III'},
    },
  ],
  2026: [{regions: ['Scotland'], add: {date: '2026-06-15', name: 'World Cup bank holiday'}}],
};

/** The bank holidays of one region and year, in date order. */
export function bankHolidays(region: Region, year: number): Holiday[] {
  if (!REGIONS.includes(region))
    throw new Error(`"${region}" is not a bank holiday region (use ${REGIONS.join(', ')}).`);
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new Error(`Bank holidays are known for ${FIRST_YEAR} to ${LAST_YEAR}, not ${year}.`);
  }
  const easter = easterSunday(year);
  const list: Holiday[] = [];
  if (region === 'Scotland') {
    list.push(
      ...withSubstitutes([
        {date: iso(year, 1, 1), name: 'New Year’s Day'},
        {date: iso(year, 1, 2), name: '2nd January'},
      ]),
    );
  } else {
    list.push(...withSubstitutes([{date: iso(year, 1, 1), name: 'New Year’s Day'}]));
  }
  if (region === 'Northern Ireland')
    list.push(...withSubstitutes([{date: iso(year, 3, 17), name: 'St Patrick’s Day'}]));
  list.push({date: addDays(easter, -2), name: 'Good Friday'});
  if (region !== 'Scotland') list.push({date: addDays(easter, 1), name: 'Easter Monday'});
  list.push({
    date: monday(year, 5, 1),
    name: year === 2020 ? 'Early May bank holiday (VE day)' : 'Early May bank holiday',
  });
  list.push({date: monday(year, 5, -1), name: 'Spring bank holiday'});
  if (region === 'Northern Ireland')
    list.push(
      ...withSubstitutes([{date: iso(year, 7, 12), name: 'Battle of the Boyne (Orangemen’s Day)'}]),
    );
  list.push({
    date: region === 'Scotland' ? monday(year, 8, 1) : monday(year, 8, -1),
    name: 'Summer bank holiday',
  });
  if (region === 'Scotland' && year >= 2007)
    list.push(...withSubstitutes([{date: iso(year, 11, 30), name: 'St Andrew’s Day'}]));
  list.push(
    ...withSubstitutes([
      {date: iso(year, 12, 25), name: 'Christmas Day'},
      {date: iso(year, 12, 26), name: 'Boxing Day'},
    ]),
  );

  for (const change of ONE_OFFS[year] ?? []) {
    if (!change.regions.includes(region)) continue;
    if (change.add) list.push(change.add);
    if (change.move) {
      const h = list.find(x => x.name === change.move!.name);
      if (h) list[list.indexOf(h)] = {date: change.move.to, name: h.name};
    }
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Bank holidays for a span of years (clamped to the years the calendar knows). */
export function bankHolidaysForYears(region: Region, fromYear: number, toYear: number): Holiday[] {
  const out: Holiday[] = [];
  for (let y = Math.max(FIRST_YEAR, fromYear); y <= Math.min(LAST_YEAR, toYear); y++)
    out.push(...bankHolidays(region, y));
  return out;
}

// ---- working days ----

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(date) && !holidays.has(date);
}

/**
 * What Sheets' WORKDAY(start, n, holidays) returns: the nth working day after start (before
 * it when n is negative); start itself never counts. WORKDAY(d, 0) is d.
 */
export function workday(start: string, n: number, holidays: ReadonlySet<string>): string {
  let d = dayNumber(start);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    d += step;
    if (isWorkingDay(isoOfDay(d), holidays)) left--;
  }
  return isoOfDay(d);
}

/** Working days strictly between two dates (neither end counts): the "clear" days. */
export function clearWorkingDaysBetween(
  from: string,
  to: string,
  holidays: ReadonlySet<string>,
): number {
  let n = 0;
  for (let d = dayNumber(from) + 1; d < dayNumber(to); d++)
    if (isWorkingDay(isoOfDay(d), holidays)) n++;
  return n;
}

/** Calendar days strictly between two dates. */
export function clearDaysBetween(from: string, to: string): number {
  return Math.max(0, dayNumber(to) - dayNumber(from) - 1);
}

/** English day and month names, for dates worked out without a service call. */
export const DAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
