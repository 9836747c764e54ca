/**
 * HtmlService enough for dialogs and sidebars (developers.google.com/apps-script/reference/html/html-service,
 * .../html/html-output, .../html/html-template; scriptlets: developers.google.com/apps-script/guides/html/templates):
 * <? code ?> runs, <?= expr ?> prints escaped, <?!= expr ?> prints raw. Template variables are the
 * properties set on the template object; the script's globals are reachable too (pass them in).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {ServiceContext} from '../context';
import {Blob} from '../drive/blob';
import {answerMissing} from '../services/not-emulated';

export interface HtmlServiceOptions {
  /** Project HTML files by name ("Sidebar" or "Sidebar.html") for createHtmlOutputFromFile / createTemplateFromFile. */
  files?: Record<string, string>;
  /** The script's global scope, so scriptlets can call server functions such as include(). */
  globals?: Record<string, unknown>;
}

function escapeHtml(v: unknown): string {
  return String(v ?? '').replace(
    /[&<>"']/g,
    c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]!,
  );
}

export class HtmlOutput {
  readonly _cls = 'HtmlOutput';
  private title = '';
  private width = 600;
  private height = 400;
  constructor(
    private readonly ctx: ServiceContext,
    private content = '',
  ) {}
  private count(m: string) {
    this.ctx.stats.count(`HtmlOutput.${m}`);
  }
  getContent(): string {
    this.count('getContent');
    return this.content;
  }
  setContent(content: string): this {
    this.count('setContent');
    this.content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this.count('append');
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this.count('appendUntrusted');
    this.content += escapeHtml(addedContent);
    return this;
  }
  clear(): this {
    this.count('clear');
    this.content = '';
    return this;
  }
  getTitle(): string {
    this.count('getTitle');
    return this.title;
  }
  setTitle(title: string): this {
    this.count('setTitle');
    this.title = String(title);
    return this;
  }
  getWidth(): number {
    this.count('getWidth');
    return this.width;
  }
  setWidth(width: number): this {
    this.count('setWidth');
    this.width = Number(width);
    return this;
  }
  getHeight(): number {
    this.count('getHeight');
    return this.height;
  }
  setHeight(height: number): this {
    this.count('setHeight');
    this.height = Number(height);
    return this;
  }
  setSandboxMode(_m: unknown): this {
    return this;
  }
  setXFrameOptionsMode(_m: unknown): this {
    return this;
  }
  private favicon: string | null = null;
  private metaTags: {name: string; content: string}[] = [];
  setFaviconUrl(iconUrl: string): this {
    this.favicon = String(iconUrl);
    return this;
  }
  getFaviconUrl(): string | null {
    return this.favicon;
  }
  /** Meta tags for a web app page (reference/html/html-output#addmetatagname,-content); getMetaTags gives them back. */
  addMetaTag(name: string, content: string): this {
    if (typeof name !== 'string' || typeof content !== 'string')
      throw new Error(
        `The parameters (${[name, content].map(v => (typeof v === 'string' ? 'String' : String(v))).join(',')}) don't match the method signature for HtmlOutput.addMetaTag.`,
      );
    this.metaTags.push({name, content});
    return this;
  }
  getMetaTags(): {getName(): string; getContent(): string}[] {
    return this.metaTags.map(t => ({
      getName: () => t.name,
      getContent: () => t.content,
      toString: () => 'HtmlOutputMetaTag',
    }));
  }
  getBlob(): Blob {
    return new Blob(this.content, 'text/html', `${this.title || 'output'}.html`);
  }
  getAs(contentType: string): Blob {
    return this.getBlob().getAs(contentType);
  }
  asTemplate(): HtmlTemplate {
    return new HtmlTemplate(this.ctx, this.content, {});
  }
}

/** Turns scriptlet HTML into the body of a function that builds the output. */
export function compileTemplate(source: string): string {
  let code = 'var __out = [];\n';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) {
    if (m.index > last) code += `__out.push(${JSON.stringify(source.slice(last, m.index))});\n`;
    const body = m[2].trim().replace(/;\s*$/, '');
    if (m[1] === '=') code += `__out.push(__escape(${body}));\n`;
    else if (m[1] === '!=') code += `__out.push(String((${body}) ?? ''));\n`;
    else code += `${m[2]}\n`;
    last = re.lastIndex;
  }
  if (last < source.length) code += `__out.push(${JSON.stringify(source.slice(last))});\n`;
  return `${code}return __out.join('');`;
}

answerMissing(HtmlOutput.prototype, 'HTML');

export class HtmlTemplate {
  [key: string]: unknown;
  constructor(ctx: ServiceContext, source: string, globals: Record<string, unknown>) {
    Object.defineProperty(this, '_ctx', {value: ctx, enumerable: false});
    Object.defineProperty(this, '_source', {value: source, enumerable: false});
    Object.defineProperty(this, '_globals', {value: globals, enumerable: false});
  }
  getRawContent(): string {
    return this._source as string;
  }
  getCode(): string {
    return compileTemplate(this._source as string);
  }
  getCodeWithComments(): string {
    return this.getCode();
  }
  /** Runs the scriptlets with this template's properties as variables (sloppy mode, as Apps Script). */
  evaluate(): HtmlOutput {
    const ctx = this._ctx as ServiceContext;
    ctx.stats.count('HtmlTemplate.evaluate');
    const vars: Record<string, unknown> = {};
    for (const k of Object.keys(this)) vars[k] = this[k];
    let fn: (g: unknown, v: unknown, e: unknown) => string;
    try {
      fn = new Function(
        '__globals',
        '__vars',
        '__escape',
        `with (__globals) { with (__vars) { ${this.getCode()} } }`,
      ) as typeof fn;
    } catch (e) {
      throw new Error(`SyntaxError in HTML template scriptlets: ${(e as Error).message}`);
    }
    return new HtmlOutput(ctx, fn(this._globals ?? {}, vars, escapeHtml));
  }
}

function htmlServiceObject(ctx: ServiceContext, outDir: string, opts: HtmlServiceOptions = {}) {
  const file = (name: string): string => {
    const files = opts.files ?? {};
    const hit = files[name] ?? files[`${name}.html`];
    if (hit === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
    return hit;
  };
  const count = (m: string) => ctx.stats.count(`HtmlService.${m}`);
  return {
    outDir,
    createHtmlOutput(html?: unknown): HtmlOutput {
      count('createHtmlOutput');
      if (html instanceof Blob) return new HtmlOutput(ctx, html.getDataAsString());
      if (html && typeof (html as HtmlTemplate).evaluate === 'function')
        return (html as HtmlTemplate).evaluate();
      return new HtmlOutput(ctx, html === undefined ? '' : String(html));
    },
    createHtmlOutputFromFile(filename: string): HtmlOutput {
      count('createHtmlOutputFromFile');
      return new HtmlOutput(ctx, file(filename));
    },
    createTemplate(html: unknown): HtmlTemplate {
      count('createTemplate');
      return new HtmlTemplate(
        ctx,
        html instanceof Blob ? html.getDataAsString() : String(html),
        opts.globals ?? {},
      );
    },
    createTemplateFromFile(filename: string): HtmlTemplate {
      count('createTemplateFromFile');
      return new HtmlTemplate(ctx, file(filename), opts.globals ?? {});
    },
    getUserAgent(): string {
      return 'Mozilla/5.0 (gas-workspace-emulator)';
    },
    SandboxMode: {EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE'},
    XFrameOptionsMode: {ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT'},
  };
}

/**
 * Writes an HtmlOutput shown by Ui.showModalDialog / showSidebar / showModelessDialog to a file
 * the user can open; returns its path. `kind` is e.g. "dialog" or "sidebar".
 */
export function writeHtmlOutput(
  outDir: string,
  kind: string,
  output: HtmlOutput,
  when: Date = new Date(),
): string {
  fs.mkdirSync(outDir, {recursive: true});
  const content = (output as unknown as {content: string}).content;
  const title = (output as unknown as {title: string}).title;
  const slug =
    (title || kind)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 50) || kind;
  const stamp = when.toISOString().replace(/[-:]/g, '').replace('.', '');
  const file = path.join(outDir, `${stamp}-${kind}-${slug}.html`);
  const page = /<html[\s>]/i.test(content)
    ? content
    : `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title || kind)}</title></head>\n<body>\n${content}\n</body></html>\n`;
  fs.writeFileSync(file, page);
  return file;
}

/** HtmlService; methods it lacks say "not yet emulated: HtmlService.method". */
export function createHtmlService(
  ...args: Parameters<typeof htmlServiceObject>
): ReturnType<typeof htmlServiceObject> {
  return answerMissing(htmlServiceObject(...args), 'HTML', 'HtmlService');
}
