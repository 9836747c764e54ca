/**
 * Reads the registers into the domain's plain records, one getValues per tab (readTable).
 * Values that cannot be read (a date column holding text) become findings naming the row,
 * never a crash and never a silent guess.
 */
import {TAB} from '../workbook/schema';
import {readTable, Row, Typed, isDate} from '../workbook/table';
import {isoOfDate} from '../domain/calendar';
import {parseClock} from '../workbook/settings';
import {Finding} from '../domain/findings';
import {Member, AttendanceRecord} from '../domain/membership';
import {ActionItem, ContractItem} from '../domain/watch';
import {MeetingRecord, PlannedItem} from '../domain/meeting-rules';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type Meeting = MeetingRecord;
export type AgendaItem = PlannedItem & {readonly itemNo: number | null};

export interface OfficeClosure {
  readonly date: string;
  readonly name: string;
}

/** Collects unreadable cells as findings while reading. */
export class ReadProblems {
  readonly findings: Finding[] = [];
  constructor(private readonly tab: string) {}

  date(row: Row, header: string): string | null {
    const v = row.values[header];
    if (v === null) return null;
    if (isDate(v)) return isoOfDate(v);
    this.findings.push({
      rule: 'Readable dates',
      severity: 'Problem',
      where: `${this.tab} row ${row.row}, ${header}`,
      finding: `"${String(v)}" is not a date, so this row's rules cannot be checked.`,
      whatToDo: 'Type the date as a date, e.g. 26/11/2026.',
    });
    return null;
  }

  time(row: Row, header: string): number | null {
    const v = row.values[header];
    if (v === null) return null;
    if (isDate(v)) return v.getHours() * 60 + v.getMinutes();
    if (typeof v === 'number' && v >= 0 && v < 1) return Math.round(v * 1440);
    const m = parseClock(String(v));
    if (m !== null) return m;
    this.findings.push({
      rule: 'Readable times',
      severity: 'Problem',
      where: `${this.tab} row ${row.row}, ${header}`,
      finding: `"${String(v)}" is not a time of day.`,
      whatToDo: 'Type the time as e.g. 10:00.',
    });
    return null;
  }

  number(row: Row, header: string): number | null {
    const v = row.values[header];
    if (v === null) return null;
    if (typeof v === 'number') return v;
    this.findings.push({
      rule: 'Readable numbers',
      severity: 'Problem',
      where: `${this.tab} row ${row.row}, ${header}`,
      finding: `"${String(v)}" is not a number.`,
      whatToDo: 'Type a number.',
    });
    return null;
  }
}

export const text = (v: Typed): string =>
  v === null ? '' : Array.isArray(v) ? v.join('; ') : isDate(v) ? isoOfDate(v) : String(v).trim();
const multi = (v: Typed): string[] =>
  Array.isArray(v)
    ? v
    : v === null
      ? []
      : String(v)
          .split(/\s*;\s*/)
          .filter(Boolean);

export function readMembers(ss: Spreadsheet, p: Finding[]): Member[] {
  const r = new ReadProblems(TAB.members);
  const out = readTable(ss, TAB.members).rows.map(row => ({
    row: row.row,
    name: text(row.values['Name']),
    role: text(row.values['Role']),
    nominatedBy: text(row.values['Nominated by']),
    deputyFor: text(row.values['Deputy for']),
    providerSize: text(row.values['Provider size']),
    clientGroups: multi(row.values['Client groups']),
    serviceTypes: multi(row.values['Service types']),
    email: text(row.values['Email']),
    termStart: r.date(row, 'Term start'),
    termEnd: r.date(row, 'Term end'),
    status: text(row.values['Status']),
  }));
  p.push(...r.findings);
  return out;
}

export function readAttendance(ss: Spreadsheet, p: Finding[]): AttendanceRecord[] {
  const r = new ReadProblems(TAB.attendance);
  const out: AttendanceRecord[] = [];
  for (const row of readTable(ss, TAB.attendance).rows) {
    const meeting = r.date(row, 'Meeting date');
    if (!meeting) continue;
    out.push({
      row: row.row,
      meeting,
      member: text(row.values['Member']),
      attendance: text(row.values['Attendance']),
      substitute: text(row.values['Substitute']),
    });
  }
  p.push(...r.findings);
  return out;
}

export function readMeetings(ss: Spreadsheet, p: Finding[]): Meeting[] {
  const r = new ReadProblems(TAB.meetings);
  const out: Meeting[] = [];
  for (const row of readTable(ss, TAB.meetings).rows) {
    const date = r.date(row, 'Meeting date');
    if (!date) continue;
    out.push({
      row: row.row,
      date,
      start: r.time(row, 'Start time'),
      end: r.time(row, 'End time'),
      type: text(row.values['Type']),
      status: text(row.values['Status']),
      agendaPublishedOn: r.date(row, 'Agenda published on'),
    });
  }
  p.push(...r.findings);
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
}

export function readAgenda(ss: Spreadsheet, p: Finding[]): AgendaItem[] {
  const r = new ReadProblems(TAB.agenda);
  const out = readTable(ss, TAB.agenda).rows.map(row => ({
    row: row.row,
    meeting: r.date(row, 'Meeting date'),
    itemNo: r.number(row, 'Item no.'),
    section: text(row.values['Section']),
    title: text(row.values['Title']),
    leadOfficer: text(row.values['Lead officer']),
    keyDecisionRef: text(row.values['Key decision ref']),
    paperStatus: text(row.values['Paper status']),
    confidential: row.values['Confidential'] === true,
  }));
  p.push(...r.findings);
  return out;
}

export function readActions(ss: Spreadsheet, p: Finding[]): ActionItem[] {
  const r = new ReadProblems(TAB.actions);
  const out = readTable(ss, TAB.actions).rows.map(row => ({
    row: row.row,
    meeting: r.date(row, 'Meeting date'),
    minute: text(row.values['Minute no.']),
    title: text(row.values['Report title']),
    owners: text(row.values['Action to be taken by'])
      .split(/\s*;\s*/)
      .filter(Boolean),
    action: text(row.values['Action']),
    status: text(row.values['Status']) || 'Open',
    reviewDate: r.date(row, 'Review date'),
    lastUpdated: r.date(row, 'Last updated'),
  }));
  p.push(...r.findings);
  return out;
}

export function readContracts(ss: Spreadsheet, p: Finding[]): ContractItem[] {
  const r = new ReadProblems(TAB.contracts);
  const out = readTable(ss, TAB.contracts).rows.map(row => ({
    row: row.row,
    reference: text(row.values['Reference']),
    provider: text(row.values['Provider']),
    title: text(row.values['Contract/grant']),
    startDate: r.date(row, 'Start date'),
    endDate: r.date(row, 'End date'),
    extendedTo: r.date(row, 'Extended to'),
    extensionOptions: text(row.values['Extension options']),
    noticeDays: r.number(row, 'Notice period (days)'),
    status: text(row.values['Status']),
  }));
  p.push(...r.findings);
  return out;
}

/** Office closures from the Holidays tab; a row whose Date is not a date is a finding. */
export function readClosures(ss: Spreadsheet, p: Finding[]): OfficeClosure[] {
  const r = new ReadProblems(TAB.holidays);
  const out: OfficeClosure[] = [];
  for (const row of readTable(ss, TAB.holidays).rows) {
    const date = r.date(row, 'Date');
    if (date) out.push({date, name: text(row.values['Name']) || 'Office closed'});
  }
  p.push(
    ...r.findings.map(f => ({
      ...f,
      rule: 'Holidays tab',
      whatToDo:
        'Type a date in the Date column, or delete the row. Until then the day is not treated as a holiday.',
    })),
  );
  return out;
}
