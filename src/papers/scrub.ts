/**
 * Public papers never carry a member's email address or phone number, whatever field it was
 * typed into (a phone in Lead officer, an email in a title): every text of the paper is
 * scrubbed by value against the Members register. Phones are compared by their digits (spaces,
 * dashes and brackets ignored; +44 read as 0), emails ignoring case. Pure.
 */
import {Member} from '../domain/records';
import {Block, FieldValue, Paper} from './model';

export const WITHHELD = '[contact details withheld]';

/** Digits of a phone number, +44 / 0044 read as a leading 0. */
export function phoneDigits(text: string): string {
  const d = text.replace(/\D/g, '');
  return d.replace(/^(00)?44/, '0');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A function that replaces every member email and phone in a text. */
export function contactScrubber(members: readonly Member[]): (text: string) => string {
  const emails = members.map(m => m.email.trim()).filter(e => e.includes('@'));
  const phones = new Set(members.map(m => phoneDigits(m.phone)).filter(d => d.length >= 7));
  const emailRe = emails.length ? new RegExp(emails.map(escape).join('|'), 'gi') : null;
  // A run of digits with the separators people type in phone numbers.
  const phoneRe = /\+?\(?\d[\d\s().-]{5,}\d/g;
  return text => {
    let out = emailRe ? text.replace(emailRe, WITHHELD) : text;
    if (phones.size)
      out = out.replace(phoneRe, run => (phones.has(phoneDigits(run)) ? WITHHELD : run));
    return out;
  };
}

function scrubBlock(b: Block, s: (t: string) => string): Block {
  switch (b.kind) {
    case 'table':
      return {...b, rows: b.rows.map(r => r.map(s))};
    case 'chart':
      return {...b, title: s(b.title), labels: b.labels.map(s), caption: s(b.caption)};
    case 'pageBreak':
      return b;
    default:
      return {...b, text: s(b.text)};
  }
}

function scrubField(v: FieldValue, s: (t: string) => string): FieldValue {
  if (typeof v === 'string') return s(v);
  if (Array.isArray(v))
    return v.map(rec => {
      const out: Record<string, string | number | boolean | Date | null> = {};
      for (const [k, x] of Object.entries(rec) as [string, (typeof out)[string]][])
        out[k] = typeof x === 'string' ? s(x) : x;
      return out;
    });
  return v;
}

/** The paper with every member email and phone replaced, in its blocks, name and fields. */
export function scrubContacts(paper: Paper, members: readonly Member[]): Paper {
  const s = contactScrubber(members);
  return {
    ...paper,
    name: s(paper.name),
    blocks: paper.blocks.map(b => scrubBlock(b, s)),
    fields: paper.fields
      ? Object.fromEntries(Object.entries(paper.fields).map(([k, v]) => [k, scrubField(v, s)]))
      : undefined,
  };
}
