/**
 * The meetings as an iCalendar feed (RFC 5545, www.rfc-editor.org/rfc/rfc5545). Pure: the
 * caller passes the meetings and the moment of the feed, so the same workbook always gives
 * the same events. Only what the public page shows goes in: date, time, venue, status.
 *
 * Rules followed: CRLF line ends (3.1); lines folded at 75 octets, never inside a UTF-8
 * character (3.1); TEXT escaped (3.3.11); one UID per meeting, stable across feeds (3.8.4.7);
 * DTSTART with TZID and the VTIMEZONE it names (3.2.19, 3.6.5); STATUS TENTATIVE, CONFIRMED or
 * CANCELLED (3.8.1.11).
 */
import {Day, Meeting} from '../domain/records';

export interface FeedSettings {
  readonly group: string;
  /** Settings "Time zone"; only Europe/London carries a VTIMEZONE, others are floating local times. */
  readonly timeZone: string;
  /** Makes UIDs unique to this workbook (the spreadsheet id). */
  readonly uidDomain: string;
}

/** Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March to the last Sunday of October. */
const LONDON = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11). */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

function octets(ch: string): number {
  const c = ch.codePointAt(0) as number;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** Folds a content line so no physical line passes 75 octets (continuations start with a space). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let size = 0;
  for (const ch of Array.from(line)) {
    const n = octets(ch);
    // The first line holds 75 octets; each continuation holds 74 after its leading space.
    if (size + n > (out.length ? 74 : 75)) {
      out.push(cur);
      cur = '';
      size = 0;
    }
    cur += ch;
    size += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

const compact = (d: Day) => d.replace(/-/g, '');
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}${String(m % 60).padStart(2, '0')}00`;

/** DTSTART/DTEND of a meeting: local time with TZID, or an all-day event when no start time is set. */
function times(m: Meeting, tz: string): string[] {
  if (m.start === null) {
    const next = new Date(Date.UTC(+m.date.slice(0, 4), +m.date.slice(5, 7) - 1, +m.date.slice(8)));
    next.setUTCDate(next.getUTCDate() + 1);
    return [
      `DTSTART;VALUE=DATE:${compact(m.date)}`,
      `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replace(/-/g, '')}`,
    ];
  }
  const zone = tz === 'Europe/London' ? ';TZID=Europe/London' : '';
  // A meeting without an end time is shown as two hours long (a committee's usual slot).
  const end = m.end !== null && m.end > m.start ? m.end : Math.min(m.start + 120, 23 * 60 + 59);
  return [
    `DTSTART${zone}:${compact(m.date)}T${hhmm(m.start)}`,
    `DTEND${zone}:${compact(m.date)}T${hhmm(end)}`,
  ];
}

function status(m: Meeting): string {
  if (m.status === 'Cancelled') return 'CANCELLED';
  if (m.status === 'Provisional' || !m.status) return 'TENTATIVE';
  return 'CONFIRMED';
}

/** The whole feed; `stamp` is when it was made (DTSTAMP, UTC). */
export function meetingsFeed(meetings: readonly Meeting[], s: FeedSettings, stamp: Date): string {
  const dtstamp = stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Committee Clerk//Meetings feed//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(s.group)}`,
    ...(s.timeZone === 'Europe/London' ? ['X-WR-TIMEZONE:Europe/London', ...LONDON] : []),
  ];
  const sorted = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
  for (const m of sorted) {
    const kind = m.type && m.type !== 'Ordinary' ? ` (${m.type.toLowerCase()})` : '';
    lines.push(
      'BEGIN:VEVENT',
      // One meeting per date (the schema's unique rule), so the date names the meeting for good.
      `UID:meeting-${compact(m.date)}@${s.uidDomain}`,
      `DTSTAMP:${dtstamp}`,
      ...times(m, s.timeZone),
      `SUMMARY:${escapeText(`${s.group} meeting${kind}${m.status === 'Cancelled' ? ' – cancelled' : ''}`)}`,
      ...(m.venue ? [`LOCATION:${escapeText(m.venue)}`] : []),
      `STATUS:${status(m)}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
