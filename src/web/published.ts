/**
 * What is published: one script property per meeting ("published:2026-11-26") naming the PDFs
 * the public may read. The public page reads them all with one getProperties call, so its cost
 * does not grow with the number of meetings; only "Publish papers" writes them, after checking
 * each PDF comes from a public version with nothing confidential in it.
 */
import {Day} from '../domain/records';

export type PublicKind = 'agenda' | 'minutes';

export interface PublishedFile {
  /** Drive id of the PDF shared with anyone who has the link. */
  readonly id: string;
  readonly name: string;
  /** The Doc it was made from, and that Doc's modifiedTime then (to tell "edited since"). */
  readonly source: string;
  readonly sourceModified: string;
  readonly on: Day;
}

export type MeetingPublication = Partial<Record<PublicKind, PublishedFile>>;

const PREFIX = 'published:';

/** Every meeting's publication, from the script properties (pure: pass getProperties()). */
export function publicationsOf(props: Record<string, string>): Map<Day, MeetingPublication> {
  const out = new Map<Day, MeetingPublication>();
  for (const [k, v] of Object.entries(props)) {
    if (!k.startsWith(PREFIX)) continue;
    const day = k.slice(PREFIX.length);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    try {
      const parsed = JSON.parse(v) as MeetingPublication;
      const clean: MeetingPublication = {};
      for (const kind of ['agenda', 'minutes'] as const) {
        const f = parsed[kind];
        if (f && typeof f.id === 'string' && /^[\w-]+$/.test(f.id)) clean[kind] = f;
      }
      out.set(day, clean);
    } catch (_e) {
      // A damaged entry publishes nothing: the page says "papers not yet published".
    }
  }
  return out;
}

export function readPublications(): Map<Day, MeetingPublication> {
  return publicationsOf(PropertiesService.getScriptProperties().getProperties());
}

export function writePublication(day: Day, pub: MeetingPublication): void {
  PropertiesService.getScriptProperties().setProperty(PREFIX + day, JSON.stringify(pub));
}

/** The address Drive gives a file shared by link. */
export function fileViewUrl(id: string): string {
  return `https://drive.google.com/file/d/${id}/view`;
}
