/**
 * The Drive query language (q) of DriveApp.searchFiles and Drive.Files.list, in the forms
 * scripts use (developers.google.com/drive/api/guides/search-files). A module of its own so
 * that DriveApp and the advanced service share it without importing each other.
 */
import {apiError} from './api-error';
import type {DriveEntry} from './store';

type Pred = (e: DriveEntry) => boolean;

/** The q forms scripts use: name/mimeType =, !=, contains; 'ID' in parents; trashed = bool; and/or/not; parentheses. */
export function parseQuery(q: string, rootId = ''): Pred {
  const tokens: string[] = [];
  const re = /\s*('(?:\\.|[^'\\])*'|\(|\)|!=|=|<=|>=|<|>|[A-Za-z_]+)/y;
  let pos = 0;
  while (pos < q.length) {
    re.lastIndex = pos;
    const m = re.exec(q);
    if (!m) {
      if (/^\s*$/.test(q.slice(pos))) break;
      throw apiError('list', `Invalid Value (q: cannot read "${q.slice(pos).trim()}")`);
    }
    tokens.push(m[1]);
    pos = re.lastIndex;
  }
  let i = 0;
  const peek = () => tokens[i];
  const str = (t: string | undefined): string => {
    if (!t || !t.startsWith("'"))
      throw apiError('list', `Invalid Value (q: expected a quoted value near "${t ?? 'the end'}")`);
    return t.slice(1, -1).replace(/\\(.)/g, '$1');
  };
  const term = (): Pred => {
    const t = tokens[i++];
    if (t === undefined) throw apiError('list', 'Invalid Value (q ends too early)');
    if (t.toLowerCase() === 'not') {
      const inner = term();
      return e => !inner(e);
    }
    if (t === '(') {
      const inner = or();
      if (tokens[i++] !== ')') throw apiError('list', 'Invalid Value (q: missing ")")');
      return inner;
    }
    if (t.startsWith("'")) {
      const value = str(t);
      const op = tokens[i++];
      const field = tokens[i++];
      if (op !== 'in' || !field)
        throw apiError('list', `Invalid Value (q: expected "in parents" after ${t})`);
      const folder = value === 'root' ? rootId : value;
      if (field === 'parents') return e => e.parents.includes(folder);
      throw apiError('list', `Invalid Value (q: "in ${field}" is not supported by the emulator)`);
    }
    const field = t;
    const op = tokens[i++];
    const raw = tokens[i++];
    switch (field) {
      case 'name':
      case 'title':
      case 'mimeType':
      case 'fullText': {
        const key = field === 'mimeType' ? 'mimeType' : 'name';
        const v = str(raw);
        if (op === '=') return e => e[key] === v;
        if (op === '!=') return e => e[key] !== v;
        if (op === 'contains') return e => e[key].toLowerCase().includes(v.toLowerCase());
        break;
      }
      case 'trashed': {
        const v = raw === 'true';
        if (raw !== 'true' && raw !== 'false')
          throw apiError('list', 'Invalid Value (q: trashed must be true or false)');
        if (op === '=') return e => e.trashed === v;
        if (op === '!=') return e => e.trashed !== v;
        break;
      }
      case 'modifiedTime':
      case 'createdTime':
      case 'modifiedDate':
      case 'createdDate': {
        const v = str(raw);
        const key = field.startsWith('modified') ? 'modifiedTime' : 'createdTime';
        const cmp: Record<string, (a: string) => boolean> = {
          '=': a => a === v,
          '!=': a => a !== v,
          '<': a => a < v,
          '<=': a => a <= v,
          '>': a => a > v,
          '>=': a => a >= v,
        };
        if (cmp[op]) return e => cmp[op](e[key]);
        break;
      }
      default:
        break;
    }
    throw apiError(
      'list',
      `Invalid Value (q: "${field} ${op ?? ''}" is not a supported query term)`,
    );
  };
  const and = (): Pred => {
    let left = term();
    while (peek()?.toLowerCase() === 'and') {
      i++;
      const l = left;
      const r = term();
      left = e => l(e) && r(e);
    }
    return left;
  };
  const or = (): Pred => {
    let left = and();
    while (peek()?.toLowerCase() === 'or') {
      i++;
      const l = left;
      const r = and();
      left = e => l(e) || r(e);
    }
    return left;
  };
  if (tokens.length === 0) return () => true;
  const p = or();
  if (i < tokens.length) throw apiError('list', `Invalid Value (q: unexpected "${tokens[i]}")`);
  return p;
}
