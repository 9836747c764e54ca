/**
 * The public papers page: the group's meetings, upcoming first then past, each with its
 * published public agenda pack and approved public minutes. Pure HTML built from records, so
 * it works without JavaScript, prints cleanly and can be tested as text. Nothing reaches it
 * but dates, times, venues, statuses and links to published PDFs: no member appears at all.
 */
import {Day, Meeting} from '../domain/records';
import {LONG_DATE, clockText, dayText} from '../papers/dates';
import {MeetingPublication, fileViewUrl} from './published';
import {PublicDecision} from './decisions';

export interface PageSettings {
  readonly group: string;
  /** A CSS font-family list (Settings "Font" when present, else the papers' Arial). */
  readonly font: string;
  readonly clerkName: string;
  readonly clerkEmail: string;
  /** The web app's own address ('' when not deployed: links are then relative). */
  readonly selfUrl: string;
}

/** "Thursday 26 November 2026", worked out without a service call (one per meeting would add up). */
export function longDate(day: Day): string {
  return dayText(day, LONG_DATE) ?? day;
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c] as string,
  );
}

/** A CSS font-family value made safe: letters, digits, spaces, commas, hyphens and quotes only. */
export function safeFont(font: string): string {
  const clean = font.replace(/[^A-Za-z0-9 ,\-'"]/g, '').trim();
  return clean ? `${clean}, Arial, sans-serif` : 'Arial, sans-serif';
}

function papersCell(m: Meeting, pub: MeetingPublication | undefined): string {
  const links: string[] = [];
  if (pub?.agenda)
    links.push(
      `<a href="${escapeHtml(fileViewUrl(pub.agenda.id))}" target="_top">Agenda pack (PDF)</a>`,
    );
  // Minutes only once approved: a draft is never public, even if a PDF was made.
  if (pub?.minutes && m.minutesApprovedOn)
    links.push(
      `<a href="${escapeHtml(fileViewUrl(pub.minutes.id))}" target="_top">Minutes (PDF)</a>`,
    );
  if (links.length) return `<ul class="papers">${links.map(l => `<li>${l}</li>`).join('')}</ul>`;
  return m.status === 'Cancelled' ? 'No papers: meeting cancelled' : 'Papers not yet published';
}

function meetingTable(
  caption: string,
  meetings: readonly Meeting[],
  pubs: ReadonlyMap<Day, MeetingPublication>,
  decided: ReadonlySet<Day> = new Set(),
): string {
  if (!meetings.length) return `<p>No ${caption.toLowerCase()}.</p>`;
  const rows = meetings.map(m => {
    const start = clockText(m.start);
    const end = clockText(m.end);
    const time = start && end ? `${start} to ${end}` : start || 'To be confirmed';
    const status = m.status || 'Provisional';
    return `<tr${m.status === 'Cancelled' ? ' class="cancelled"' : ''}><th scope="row">${escapeHtml(longDate(m.date))}</th><td>${escapeHtml(time)}</td><td>${escapeHtml(m.venue || 'To be confirmed')}</td><td>${escapeHtml(
      status,
    )}</td><td>${papersCell(m, pubs.get(m.date))}${decided.has(m.date) ? `<p class="decided"><a href="#decisions-${m.date}" aria-label="Decisions of ${escapeHtml(longDate(m.date))}">Decisions</a></p>` : ''}</td></tr>`;
  });
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">Date</th><th scope="col">Time</th><th scope="col">Venue</th><th scope="col">Status</th><th scope="col">Papers</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const STYLE = `
body{margin:0 auto;max-width:60rem;padding:1rem;line-height:1.5;color:#1b1b1b;background:#fff}
h1{font-size:1.8rem;margin:.5rem 0}
h2{font-size:1.35rem;margin-top:2rem}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:bold;padding:.4rem 0}
th,td{border:1px solid #b1b4b6;padding:.4rem .6rem;text-align:left;vertical-align:top}
thead th{background:#f3f2f1}
tr.cancelled td,tr.cancelled th{color:#505a5f;text-decoration:line-through}
tr.cancelled td:last-child{text-decoration:none}
ul.papers{margin:0;padding-left:1.1rem}
p.decided{margin:.2rem 0 0}
h3{font-size:1.1rem;margin:1.2rem 0 .3rem}
ul.decisions li{margin-bottom:.3rem}
a{color:#1d70b8}
a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
footer{margin-top:2rem;border-top:1px solid #b1b4b6;padding-top:.5rem;font-size:.9rem}
@media print{body{max-width:none;padding:0;font-size:11pt}a{color:#000}a[href]::after{content:" (" attr(href) ")";font-size:9pt}nav,.feed{display:none}th,td{border-color:#000}tr{page-break-inside:avoid}}
`;

/** Each past meeting's public decisions, latest meeting first, under a heading of its date. */
function decisionsSection(
  past: readonly Meeting[],
  decisions: ReadonlyMap<Day, readonly PublicDecision[]>,
): string {
  const parts = past
    .filter(m => decisions.get(m.date)?.length)
    .map(m => {
      const items = (decisions.get(m.date) ?? []).map(d => {
        const head = [d.minute ? `Minute ${d.minute}` : '', d.item].filter(Boolean).join(': ');
        return `<li>${head ? `<strong>${escapeHtml(head)}.</strong> ` : ''}${escapeHtml(d.decision)}${d.type ? ` <span class="type">(${escapeHtml(d.type)})</span>` : ''}</li>`;
      });
      return `<h3 id="decisions-${m.date}">${escapeHtml(longDate(m.date))}</h3><ul class="decisions">${items.join('')}</ul>`;
    });
  if (!parts.length) return '';
  return `<h2 id="decisions">Decisions of past meetings</h2>\n<p>Decisions on exempt (confidential) items are not shown here.</p>\n${parts.join('\n')}`;
}

/** The whole page. `today` splits upcoming from past (a meeting today is upcoming). */
export function publicPage(
  meetings: readonly Meeting[],
  pubs: ReadonlyMap<Day, MeetingPublication>,
  today: Day,
  s: PageSettings,
  decisions: ReadonlyMap<Day, readonly PublicDecision[]> = new Map(),
): string {
  const upcoming = meetings
    .filter(m => m.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date));
  const past = meetings.filter(m => m.date < today).sort((a, b) => b.date.localeCompare(a.date));
  const feed = `${s.selfUrl}?format=ics`;
  const contact = [
    s.clerkName ? escapeHtml(s.clerkName) : '',
    s.clerkEmail
      ? `<a href="mailto:${escapeHtml(s.clerkEmail)}">${escapeHtml(s.clerkEmail)}</a>`
      : '',
  ]
    .filter(Boolean)
    .join(', ');
  const group = escapeHtml(s.group);
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${group}: meetings and papers</title>
<style>body{font-family:${escapeHtml(safeFont(s.font))}}${STYLE}</style>
</head>
<body>
<header><h1>${group}</h1><p>Meetings, agendas and minutes. Agenda packs are published before each meeting; minutes once the group has approved them.</p></header>
<main>
<h2 id="upcoming">Upcoming meetings</h2>
${meetingTable(`Upcoming meetings of the ${s.group}`, upcoming, pubs)}
<h2 id="past">Past meetings</h2>
${meetingTable(`Past meetings of the ${s.group}`, past, pubs, new Set(decisions.keys()))}
${decisionsSection(past, decisions)}
<p class="feed"><a href="${escapeHtml(feed)}" target="_top">Add these meetings to your calendar</a> (iCalendar feed; cancelled meetings show as cancelled).</p>
</main>
<footer><p>${contact ? `Clerk to the ${group}: ${contact}.` : `Clerk to the ${group}.`}</p></footer>
</body>
</html>
`;
}
