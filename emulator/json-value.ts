/** A value as `clerk get --json` prints it: dates as YYYY-MM-DD (with the time when there is one). */
import {formatDate} from './services/format-date';

export function jsonValue(v: unknown, timeZone: string): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
    const d = v as Date;
    const time = formatDate(d, timeZone, 'HH:mm:ss');
    return time === '00:00:00'
      ? formatDate(d, timeZone, 'yyyy-MM-dd')
      : formatDate(d, timeZone, "yyyy-MM-dd'T'HH:mm:ss");
  }
  return v;
}
