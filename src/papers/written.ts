/**
 * When the program last wrote each paper (Drive's modifiedTime right after the write), kept in
 * the document properties, so a later run can tell a Doc someone has edited since (its
 * modifiedTime is later) from one only the program has touched. One read and one write a run.
 */
import {Existing, Made} from './output';

const PREFIX = 'committeeClerk.written.';

type Props = GoogleAppsScript.Properties.Properties;

/** The times recorded, and the property store to record new ones in (one service call fewer). */
export function writtenTimes(
  props: Props = PropertiesService.getDocumentProperties(),
): Record<string, string> {
  const all = props.getProperties();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all))
    if (k.startsWith(PREFIX)) out[k.slice(PREFIX.length)] = v;
  return out;
}

export function recordWritten(made: readonly Made[], props?: Props): void {
  const values: Record<string, string> = {};
  for (const m of made) if (m.modified) values[PREFIX + m.id] = m.modified;
  if (Object.keys(values).length)
    (props ?? PropertiesService.getDocumentProperties()).setProperties(values);
}

/** Changed by someone after the program wrote it (a Doc with no record is not known to be edited). */
export function editedSince(
  existing: Existing,
  written: Readonly<Record<string, string>>,
): boolean {
  const at = written[existing.id];
  return !!at && !!existing.modified && existing.modified > at;
}
