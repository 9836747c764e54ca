import type {PaperSettings} from '../src/papers/agenda';
// Shared by the papers tests: a date formatter for the patterns papers use (London time), and
// fictional records.
import type {DateText} from '../src/papers/dates';
import type {AgendaItem, Day, Meeting, Member} from '../src/domain/records';
import {MONTH_NAMES} from '../src/domain/calendar';

/** Enough of SimpleDateFormat for the tests (dates built with `day()` are local London midnights). */
export const testDates: DateText = (when, pattern) => {
  const d = typeof when === 'string' ? londonMidnight(when) : when;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    weekday: 'long',
  }).formatToParts(d);
  const get = (t: string) => parts.find(p => p.type === t)!.value;
  const y = get('year');
  const m = Number(get('month'));
  const dd = Number(get('day'));
  return pattern.replace(
    /EEEE|MMMM|yyyy|MM|dd|d|HH|mm/g,
    tok =>
      ({
        EEEE: get('weekday'),
        MMMM: MONTH_NAMES[m - 1],
        yyyy: y,
        MM: String(m).padStart(2, '0'),
        dd: String(dd).padStart(2, '0'),
        d: String(dd),
        HH: get('hour'),
        mm: get('minute'),
      })[tok] as string,
  );
};

/** A register day, as the reader gives it. */
export const day = (iso: string): Day => iso;

/** London midnight of a day (BST-aware), as Sheets returns a date cell. */
export function londonMidnight(iso: string): Date {
  const probe = new Date(`${iso}T12:00:00Z`);
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(probe),
  );
  return new Date(Date.parse(`${iso}T00:00:00Z`) - (hour - 12) * 3600e3);
}

export function meeting(over: Partial<Meeting> = {}): Meeting {
  return {
    row: 2,
    date: '2020-10-08',
    start: 600,
    end: 720,
    venue: 'Council Chamber, County Hall',
    type: 'Ordinary',
    status: 'Confirmed',
    agendaAgreedBy: null,
    reportDeadline: null,
    despatchBy: null,
    agendaPublishedOn: null,
    minutesApprovedOn: null,
    agendaLink: '',
    minutesLink: '',
    notes: '',
    ...over,
  };
}

let nextRow = 2;
export function item(over: Partial<AgendaItem>): AgendaItem {
  return {
    row: nextRow++,
    meeting: '2020-10-08',
    itemNo: null,
    section: 'Decisions',
    title: 'Untitled',
    purpose: 'To note',
    leadOfficer: '',
    keyDecisionRef: '',
    paperStatus: 'Received',
    confidential: false,
    standing: false,
    paperLink: '',
    notes: '',
    ...over,
  };
}

export function member(over: Partial<Member>): Member {
  return {
    row: nextRow++,
    name: 'A Member',
    organisation: 'Example Care Ltd',
    role: 'Member',
    nominatedBy: '',
    deputyFor: '',
    providerSize: '',
    clientGroups: [],
    serviceTypes: [],
    email: 'member@example.org',
    phone: '01632 960000',
    termStart: null,
    termEnd: null,
    status: 'Active',
    interests: '',
    notes: '',
    ...over,
  };
}

export const SETTINGS: PaperSettings = {
  group: 'Adults Committee',
  clerkName: 'Sam Clerk',
  clerkEmail: 'clerk@example.org',
  clerkPhone: '01632 960123',
  dates: testDates,
  groupType: 'Council committee',
  font: 'Arial',
};
