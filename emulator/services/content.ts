/**
 * ContentService (developers.google.com/apps-script/reference/content/content-service): text
 * a web app returns from doGet, with a MIME type and an optional download file name. Only a
 * web app uses it, so `clerk serve` installs it.
 */
import type {ServiceContext} from '../context';
import {gasEnum, tracked} from './base';

const NAMES = ['ATOM', 'CSV', 'ICAL', 'JAVASCRIPT', 'JSON', 'RSS', 'TEXT', 'VCARD', 'XML'] as const;
type Name = (typeof NAMES)[number];

/** The Content-Type each MimeType is served with (reference/content/mime-type). */
export const CONTENT_TYPES: Record<Name, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'text/xml',
};

export const MimeType = gasEnum(NAMES);

export class TextOutput {
  readonly _cls = 'TextOutput';
  private mime: Name = 'TEXT';
  private fileName: string | null = null;
  constructor(private content = '') {}
  getContent(): string {
    return this.content;
  }
  setContent(content: unknown): this {
    this.content = String(content ?? '');
    return this;
  }
  append(addedContent: unknown): this {
    this.content += String(addedContent ?? '');
    return this;
  }
  clear(): this {
    this.content = '';
    return this;
  }
  getMimeType(): unknown {
    return MimeType[this.mime];
  }
  setMimeType(mimeType: unknown): this {
    const n = String(mimeType) as Name;
    if (!NAMES.includes(n))
      throw new Error(
        `The parameters (${typeof mimeType}) don't match the method signature for ContentService.TextOutput.setMimeType.`,
      );
    this.mime = n;
    return this;
  }
  downloadAsFile(filename: unknown): this {
    this.fileName = String(filename);
    return this;
  }
  getFileName(): string | null {
    return this.fileName;
  }
  /** What an HTTP response carries (not an Apps Script method). */
  _contentType(): string {
    return `${CONTENT_TYPES[this.mime]}; charset=utf-8`;
  }
}

export function createContentService(ctx: ServiceContext) {
  return tracked(ctx, 'ContentService', {
    MimeType,
    createTextOutput(content?: unknown) {
      return tracked(
        ctx,
        'TextOutput',
        new TextOutput(content === undefined ? '' : String(content)),
      );
    },
  });
}
