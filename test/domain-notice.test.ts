/**
 * Notice deadlines: the domain functions, and the Meetings tab's live formulas (from the
 * schema's templates) computed by HyperFormula, agree for every weekday and holiday pattern from
 * 2019 to 2026 (distinctCases); the notice rule itself is checked on every day.
 * WORKDAY semantics: https://support.google.com/docs/answer/3093059 (start date excluded;
 * negative days count back; holidays a range of dates). Clear days: Local Government Act 1972
 * s.100B and s.100K (a clear day excludes the day of publication and of the meeting).
 */
import {HyperFormula} from 'hyperformula';
import {tabSpec, TAB} from '../src/workbook/schema';
import {formulaFor} from '../src/workbook/formulas';
import {
  bankHolidaysForYears,
  clearWorkingDaysBetween,
  dayNumber,
  isoOfDay,
  isWorkingDay,
  Region,
} from '../src/domain/calendar';
import {
  agendaAgreedBy,
  deadlines,
  keyDecisionNoticeShort,
  nonWorkingReason,
  papersDespatchBy,
  reportDeadline,
  type NoticeBasis,
} from '../src/domain/notice';
import {NOTICE_NAMES} from '../src/workbook/schema';

const EPOCH = dayNumber('1899-12-30'); // Sheets' serial 0
const serial = (iso: string) => dayNumber(iso) - EPOCH;
const isoOfSerial = (n: number) => isoOfDay(n + EPOCH);

describe('domain deadlines', () => {
  const hols = new Set(bankHolidaysForYears('England and Wales', 2026, 2026).map(h => h.date));
  test('Thursday meeting, no holidays near: papers on the Wednesday of the week before', () => {
    expect(papersDespatchBy('2026-11-26', 5, hols)).toBe('2026-11-18');
    expect(clearWorkingDaysBetween('2026-11-18', '2026-11-26', hols)).toBe(5);
  });
  test('Easter pushes despatch back over Good Friday and Easter Monday', () => {
    // Thursday 9 April 2026: Mon 6 (Easter Monday) and Fri 3 (Good Friday) do not count.
    expect(papersDespatchBy('2026-04-09', 5, hols)).toBe('2026-03-30');
    expect(clearWorkingDaysBetween('2026-03-30', '2026-04-09', hols)).toBe(5);
  });
  test('agenda agreed 14 calendar days before; report deadline 3 working days before despatch', () => {
    expect(agendaAgreedBy('2026-11-26', 14)).toBe('2026-11-12');
    expect(reportDeadline('2026-11-18', 3, hols)).toBe('2026-11-13');
    expect(
      deadlines(
        '2026-11-26',
        {agendaAgreedDays: 14, papersNoticeDays: 5, reportDeadlineWorkingDays: 3},
        hols,
      ),
    ).toEqual({
      agendaAgreedBy: '2026-11-12',
      papersDespatchBy: '2026-11-18',
      reportDeadline: '2026-11-13',
    });
  });
  test('calendar days ("at least 7 days in advance"): the meeting date less 7, or the working day before', () => {
    expect(papersDespatchBy('2026-11-26', 7, hols, 'Calendar days')).toBe('2026-11-19'); // Thu → Thu
    // Monday 30 Nov less 7 is Monday 23rd; Tuesday 1 Dec less 7 is Tuesday 24th.
    expect(papersDespatchBy('2026-11-30', 7, hols, 'Calendar days')).toBe('2026-11-23');
    // Wednesday 2 September less 2 is Monday 31 August, the Summer bank holiday: Friday 28th.
    expect(papersDespatchBy('2026-09-02', 2, hols, 'Calendar days')).toBe('2026-08-28');
    // Sunday 10 May less 7 is Sunday 3 May: Friday 1 May (Monday 4th is a bank holiday anyway).
    expect(papersDespatchBy('2026-05-10', 7, hols, 'Calendar days')).toBe('2026-05-01');
    expect(
      deadlines(
        '2026-11-26',
        {
          agendaAgreedDays: 14,
          papersNoticeDays: 7,
          basis: 'Calendar days',
          reportDeadlineWorkingDays: 3,
        },
        hols,
      ),
    ).toEqual({
      agendaAgreedBy: '2026-11-12',
      papersDespatchBy: '2026-11-19',
      reportDeadline: '2026-11-16',
    });
  });
  test('key decision notice: 28 clear days', () => {
    expect(keyDecisionNoticeShort('2026-12-24', '2026-11-26', 28)).toBe(true); // 28 days apart: 27 clear
    expect(keyDecisionNoticeShort('2026-12-24', '2026-12-01', 28)).toBe(true);
    expect(keyDecisionNoticeShort('2026-12-24', '2026-11-25', 28)).toBe(false); // 29 apart: 28 clear
  });
  test('a meeting on a weekend or a bank holiday is named as such', () => {
    const map = new Map(
      bankHolidaysForYears('England and Wales', 2026, 2026).map(h => [h.date, h.name]),
    );
    expect(nonWorkingReason('2026-11-28', map)).toBe('falls on a weekend');
    expect(nonWorkingReason('2026-08-31', map)).toBe('falls on a holiday (Summer bank holiday)');
    expect(nonWorkingReason('2026-11-26', map)).toBe('');
  });
});

interface Rules {
  agenda: number;
  days: number;
  report: number;
  basis: NoticeBasis;
}

/** Builds a Meetings sheet with the schema's formulas for each date, and computes it. */
function sheetDeadlines(region: Region, dates: string[], closures: string[], settings: Rules) {
  const holidayDates = [...bankHolidaysForYears(region, 2018, 2027).map(h => h.date), ...closures];
  const spec = tabSpec(TAB.meetings);
  const headers = spec.columns.map(c => c.header);
  const index = new Map(headers.map((h, i) => [h, i]));
  // One build of the whole workbook: HyperFormula computes each formula once.
  const hf = HyperFormula.buildFromSheets(
    {
      'Holiday list': [['Date'], ...holidayDates.map(d => [serial(d)])],
      // Settings values are text as typed ("14"), as the Settings tab holds them.
      Settings: [
        ['Setting', 'Value'],
        ['Agenda agreed days', String(settings.agenda)],
        ['Papers notice days', String(settings.days)],
        ['Report deadline working days', String(settings.report)],
        // As an officer may type it: the formulas and the settings reader both ignore case.
        ['Notice basis', settings.basis === 'Calendar days' ? 'calendar days' : settings.basis],
      ],
      Meetings: [
        headers as (string | number)[],
        ...dates.map((d, r) =>
          headers.map(h =>
            h === 'Meeting date' ? serial(d) : formulaFor(spec, h, r + 2, index) || '',
          ),
        ),
      ],
    },
    {licenseKey: 'gpl-v3', dateFormats: ['YYYY-MM-DD']},
    [
      {
        name: NOTICE_NAMES.holidays,
        expression: `='Holiday list'!$A$2:$A$${holidayDates.length + 1}`,
      },
      {name: NOTICE_NAMES.agendaDays, expression: '=Settings!$B$2'},
      {name: NOTICE_NAMES.papersDays, expression: '=Settings!$B$3'},
      {name: NOTICE_NAMES.reportDays, expression: '=Settings!$B$4'},
      {name: NOTICE_NAMES.basis, expression: '=Settings!$B$5'},
    ],
  );
  const values = hf.getSheetValues(hf.getSheetId('Meetings')!);
  const col = (h: string) => index.get(h)!;
  return dates.map((_d, r) => ({
    agendaAgreedBy: isoOfSerial(values[r + 1][col('Agenda agreed by')] as number),
    papersDespatchBy: isoOfSerial(values[r + 1][col('Papers despatch by')] as number),
    reportDeadline: isoOfSerial(values[r + 1][col('Report deadline')] as number),
  }));
}

function everyDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) out.push(isoOfDay(d));
  return out;
}

type Deadlines = ReturnType<typeof deadlines>;

/**
 * One date of each distinct case, for the sheet: a date's deadlines depend only on its weekday and
 * on which days are holidays between it and its earliest holiday-dependent deadline (despatch,
 * report; agenda agreed is calendar days), so with a week's margin past the furthest any date
 * reaches, one date stands for every date of the same weekday and holiday pattern (for instance
 * every Tuesday with no holiday in the weeks before it); computing three thousand rows a case in
 * HyperFormula only repeated them. Every day around each year end and leap day is kept as well.
 */
function distinctCases(dates: string[], expected: Deadlines[], hols: Set<string>): string[] {
  const days = dates.map(dayNumber);
  const holidays = new Set([...hols].map(dayNumber));
  const reach = (n: number, e: Deadlines) =>
    n - Math.min(dayNumber(e.papersDespatchBy), dayNumber(e.reportDeadline));
  const back = Math.max(...days.map((n, i) => reach(n, expected[i]))) + 7;
  const seen = new Set<string>();
  return dates.filter((d, i) => {
    const n = days[i];
    const pattern = [n % 7];
    for (let k = 0; k <= back; k++) if (holidays.has(n - k)) pattern.push(k);
    const key = pattern.join(',');
    const kept = !seen.has(key) || /-(12-(2[4-9]|3[01])|01-0[1-7]|02-29|03-01)$/.test(d);
    seen.add(key);
    return kept;
  });
}

describe('the sheet formulas agree with the domain for every kind of date 2019–2026', () => {
  const CLEAR = 'Clear working days' as const;
  const CAL = 'Calendar days' as const;
  const cases: [Region, Rules, string[]][] = [
    [
      'England and Wales',
      {agenda: 14, days: 5, report: 3, basis: CLEAR},
      ['2024-12-27', '2024-12-30', '2024-12-31'],
    ],
    ['Scotland', {agenda: 7, days: 3, report: 2, basis: CLEAR}, []],
    ['Northern Ireland', {agenda: 21, days: 10, report: 5, basis: CLEAR}, []],
    [
      'England and Wales',
      {agenda: 14, days: 7, report: 3, basis: CAL},
      ['2024-12-27', '2024-12-30', '2024-12-31'],
    ],
    ['Scotland', {agenda: 10, days: 0, report: 1, basis: CAL}, []],
  ];
  test.each(cases)('%s with %j', (region, settings, closures) => {
    const dates = everyDay('2019-01-01', '2026-12-31');
    const hols = new Set([
      ...bankHolidaysForYears(region, 2018, 2027).map(h => h.date),
      ...closures,
    ]);
    const rules = {
      agendaAgreedDays: settings.agenda,
      papersNoticeDays: settings.days,
      basis: settings.basis,
      reportDeadlineWorkingDays: settings.report,
    };
    const expected = dates.map(d => deadlines(d, rules, hols));
    const sample = distinctCases(dates, expected, hols);
    const sheet = sheetDeadlines(region, sample, closures, settings);
    const domain = new Map(dates.map((d, i) => [d, expected[i]]));
    const mismatches = sample.filter(
      (d, i) => JSON.stringify(sheet[i]) !== JSON.stringify(domain.get(d)),
    );
    expect(mismatches).toEqual([]);
    // And the notice rule itself holds for every date: despatch is a working day, leaving exactly
    // N clear working days, or (calendar days) the latest working day at least N days before.
    for (const [i, d] of dates.entries()) {
      const {papersDespatchBy: p} = expected[i];
      if (!isWorkingDay(p, hols)) throw new Error(`${d}: despatch ${p} is not a working day`);
      if (settings.basis === CLEAR && clearWorkingDaysBetween(p, d, hols) !== settings.days)
        throw new Error(`${d}: ${p} leaves ${clearWorkingDaysBetween(p, d, hols)} clear days`);
      if (settings.basis === CAL) {
        const gap = dayNumber(d) - dayNumber(p);
        let latest = true; // no working day after p is still N days before the meeting
        for (let q = dayNumber(p) + 1; q <= dayNumber(d) - settings.days; q++)
          if (isWorkingDay(isoOfDay(q), hols)) latest = false;
        if (gap < settings.days || !latest)
          throw new Error(`${d}: despatch ${p} is not the latest`);
      }
    }
  });
});
