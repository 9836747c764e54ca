/**
 * A small, strict XML reader for the parts of a .docx, with just the DOM calls docx-read.ts
 * makes (firstChild, nextSibling, nodeType, localName, getAttribute(NS), textContent,
 * getElementsByTagNameNS). It accepts only plainly well-formed XML: elements, attributes,
 * text with the five named entities and character references, CDATA, comments and the XML
 * declaration. Anything else (a DOCTYPE, a processing instruction, an unbound prefix, a
 * carriage return, a mismatched tag...) gives null, and the caller parses with @xmldom/xmldom,
 * so every file that reader would reject, or read differently, still goes through it. It
 * exists for speed: xmldom took most of the time of reading our own papers' .docx.
 */

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

interface Attr {
  readonly qname: string;
  readonly local: string;
  readonly ns: string | null;
  readonly value: string;
}

export class LiteText {
  readonly nodeType = 3;
  nextSibling: LiteNode | null = null;
  constructor(readonly data: string) {}
}

export type LiteNode = LiteElement | LiteText;

export class LiteElement {
  readonly nodeType = 1;
  firstChild: LiteNode | null = null;
  nextSibling: LiteNode | null = null;
  /** @internal the last child, for appending. */
  last: LiteNode | null = null;
  constructor(
    readonly localName: string,
    readonly namespaceURI: string | null,
    readonly attrs: Attr[],
  ) {}

  getAttribute(qname: string): string | null {
    for (const a of this.attrs) if (a.qname === qname) return a.value;
    return null;
  }

  getAttributeNS(ns: string | null, local: string): string | null {
    for (const a of this.attrs) if (a.local === local && a.ns === (ns || null)) return a.value;
    return null;
  }

  get textContent(): string {
    let s = '';
    for (let n = this.firstChild; n; n = n.nextSibling) s += n.nodeType === 3 ? n.data : n.textContent;
    return s;
  }

  getElementsByTagNameNS(ns: string, local: string): LiteElement[] {
    const out: LiteElement[] = [];
    const walk = (e: LiteElement) => {
      for (let n = e.firstChild; n; n = n.nextSibling) {
        if (n.nodeType !== 1) continue;
        if ((ns === '*' || n.namespaceURI === ns) && (local === '*' || n.localName === local)) out.push(n);
        walk(n);
      }
    };
    walk(this);
    return out;
  }
}

const NAME = /[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?/y;
const SPACE = /[ \t\n]*/y;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with entities replaced, or null for an unknown entity or a control character reference. */
function unescape(s: string, inAttr: boolean): string | null {
  if (!s.includes('&')) return s;
  let out = '';
  let i = 0;
  for (;;) {
    const amp = s.indexOf('&', i);
    if (amp < 0) return out + s.slice(i);
    const semi = s.indexOf(';', amp);
    if (semi < 0) return null;
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined = NAMED[ref];
    if (ch === undefined) {
      const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(ref);
      if (!m) return null;
      const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
      // Only plain characters: a reference to a control character, a surrogate or a
      // non-character is left to xmldom (attribute values keep such references as they are).
      const plain = (code >= 0x20 && code < 0xd800) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff) || (!inAttr && code === 0x0a);
      if (!plain) return null;
      ch = String.fromCodePoint(code);
    }
    out += s.slice(i, amp) + ch;
    i = semi + 1;
  }
}

function append(parent: LiteElement, node: LiteNode): void {
  if (parent.last) parent.last.nextSibling = node;
  else parent.firstChild = node;
  parent.last = node;
}

/** The document element of well-formed XML in the accepted subset, else null. */
export function parseLite(text: string): LiteElement | null {
  // Carriage returns (which XML turns into line feeds) and characters XML does not allow.
  if (/[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/.test(text)) return null;
  let i = 0;
  const n = text.length;
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0 || !/^<\?xml\s+version\s*=\s*(["'])1\.0\1(\s+encoding\s*=\s*(["'])[Uu][Tt][Ff]-8\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(text.slice(0, end))) return null;
    i = end + 2;
  }
  const stack: LiteElement[] = [];
  const names: string[] = [];
  const scopes: Map<string, string>[] = [new Map([['xml', XML_NS]])];
  let root: LiteElement | null = null;
  const lookup = (prefix: string): string | null | undefined => {
    for (let k = scopes.length - 1; k >= 0; k--) if (scopes[k].has(prefix)) return scopes[k].get(prefix)!;
    return prefix === '' ? null : undefined;
  };
  while (i < n) {
    const lt = text.indexOf('<', i);
    const stop = lt < 0 ? n : lt;
    if (stop > i) {
      const raw = text.slice(i, stop);
      if (!stack.length) {
        if (!/^[ \t\n]*$/.test(raw)) return null;
      } else {
        if (raw.includes(']]>')) return null;
        const t = unescape(raw, false);
        if (t === null) return null;
        append(stack[stack.length - 1], new LiteText(t));
      }
    }
    if (lt < 0) break;
    i = lt;
    const c = text.charCodeAt(i + 1);
    if (c === 0x21 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0 || text.slice(i + 4, end).includes('--') || text[end - 1] === '-') return null;
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', i) && stack.length) {
        const end = text.indexOf(']]>', i + 9);
        if (end < 0) return null;
        append(stack[stack.length - 1], new LiteText(text.slice(i + 9, end)));
        i = end + 3;
      } else return null;
      continue;
    }
    if (c === 0x3f /* ? */) return null;
    if (c === 0x2f /* / */) {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(text);
      if (!m || !names.length || m[0] !== names[names.length - 1]) return null;
      i = NAME.lastIndex;
      SPACE.lastIndex = i;
      SPACE.exec(text);
      i = SPACE.lastIndex;
      if (text[i] !== '>') return null;
      i++;
      stack.pop();
      names.pop();
      scopes.pop();
      continue;
    }
    // A start tag.
    if (root && !stack.length) return null;
    NAME.lastIndex = i + 1;
    const m = NAME.exec(text);
    if (!m) return null;
    const qname = m[0];
    i = NAME.lastIndex;
    const raw: { qname: string; value: string }[] = [];
    let selfClosing = false;
    for (;;) {
      SPACE.lastIndex = i;
      SPACE.exec(text);
      const spaced = SPACE.lastIndex > i;
      i = SPACE.lastIndex;
      if (text[i] === '>') {
        i++;
        break;
      }
      if (text[i] === '/' && text[i + 1] === '>') {
        i += 2;
        selfClosing = true;
        break;
      }
      if (!spaced) return null;
      NAME.lastIndex = i;
      const a = NAME.exec(text);
      if (!a) return null;
      i = NAME.lastIndex;
      SPACE.lastIndex = i;
      SPACE.exec(text);
      i = SPACE.lastIndex;
      if (text[i] !== '=') return null;
      SPACE.lastIndex = i + 1;
      SPACE.exec(text);
      i = SPACE.lastIndex;
      const q = text[i];
      if (q !== '"' && q !== "'") return null;
      const end = text.indexOf(q, i + 1);
      if (end < 0) return null;
      const rawValue = text.slice(i + 1, end);
      if (/[<\t\n]/.test(rawValue)) return null;
      const value = unescape(rawValue, true);
      if (value === null) return null;
      if (raw.some((r) => r.qname === a[0])) return null;
      raw.push({ qname: a[0], value });
      i = end + 1;
    }
    // Namespace declarations first, then names resolved against them.
    const scope = new Map<string, string>();
    for (const r of raw) {
      if (r.qname === 'xmlns') scope.set('', r.value);
      else if (r.qname.startsWith('xmlns:')) {
        const p = r.qname.slice(6);
        if (p === 'xml' || p === 'xmlns' || !r.value) return null;
        scope.set(p, r.value);
      }
    }
    scopes.push(scope);
    const attrs: Attr[] = [];
    for (const r of raw) {
      const colon = r.qname.indexOf(':');
      const prefix = colon < 0 ? '' : r.qname.slice(0, colon);
      if (r.qname === 'xmlns' || prefix === 'xmlns') {
        attrs.push({ qname: r.qname, local: colon < 0 ? 'xmlns' : r.qname.slice(colon + 1), ns: XMLNS_NS, value: r.value });
        continue;
      }
      const ns = prefix ? lookup(prefix) : null;
      if (ns === undefined) return null;
      if (ns !== null && attrs.some((x) => x.ns === ns && x.local === r.qname.slice(colon + 1))) return null;
      attrs.push({ qname: r.qname, local: colon < 0 ? r.qname : r.qname.slice(colon + 1), ns, value: r.value });
    }
    const colon = qname.indexOf(':');
    const ns = lookup(colon < 0 ? '' : qname.slice(0, colon));
    if (ns === undefined) return null;
    const el = new LiteElement(colon < 0 ? qname : qname.slice(colon + 1), ns || null, attrs);
    if (stack.length) append(stack[stack.length - 1], el);
    else root = el;
    if (selfClosing) scopes.pop();
    else {
      stack.push(el);
      names.push(qname);
    }
  }
  return root && !stack.length ? root : null;
}
