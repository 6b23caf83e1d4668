// The source-mapped tree of the plainest manifests, read line by line from the text without the
// yaml package's Lexer and Parser: one document (after an optional `---` line) of block maps and
// block sequences whose values are single-line plain or quoted scalars, `[a, b]` lists of them,
// `[]` and `{}`, with whole-line comments at column 0 (Helm writes `# Source: …` atop every document). No
// comments after content, tabs, CRs, anchors, tags, block scalars, multi-line or escaped
// scalars, explicit keys: anything else gives up (undefined) and the caller takes the CST way
// (cst-compose.ts), which in turn falls back to the Composer. Spans, paths and typing are the
// Composer's for the same text (range ends, the null of a key without value, the newline counted
// into a node's range); the CST test and the fuzzing harness compare the ways. No I/O.
import { exact, type SimpleDocument, type SpanFactory } from './cst-compose';
import { internScalar } from './intern';
import { bail, NotSimple, type PlainTyping } from './scalar-typing';
import { childPath, indexPath, type SEntry, type SNode, type SScalar, type SSeq, type SMap } from './source';

/** Characters left to the other ways wherever they are: tabs, CRs, control characters, other line breaks, a BOM. */
const REFUSED = /[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/;
const HASH = 0x23;

/**
 * A `#` after something else on its line (a comment after content, or a `#` inside a scalar):
 * left to the other ways. Linear: each `#` looks back only over the spaces before it.
 */
function hashAfterContent(text: string): boolean {
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    let c = at - 1;
    while (c >= 0 && text.charCodeAt(c) === SPACE) c--;
    if (c >= 0 && text[c] !== '\n') return true;
  }
  return false;
}
/** First characters of a plain scalar that YAML reads as something else. */
const INDICATOR = /[-?:,[\]{}#&*!|>'"%@`]/;
/** Flow indicators inside a plain scalar: valid in block context, left to the other ways all the same. */
const FLOW_CHARS = /[[\]{}]/;
const SPACE = 0x20;

/** The lines of a text that hold content (not blank, not a whole-line comment): where each one's content starts, its column, where it ends (before `\n`). */
class Lines {
  readonly content: number[] = [];
  readonly indent: number[] = [];
  readonly end: number[] = [];
  /** An indented comment line, or one right after a key or `-` with no value (the Composer puts that null after it). */
  readonly commentAfterOpenLine: boolean = false;

  constructor(readonly text: string) {
    let open = false;
    for (let start = 0; start < text.length;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      let c = start;
      while (c < end && text.charCodeAt(c) === SPACE) c++;
      if (c < end && text.charCodeAt(c) === HASH) {
        // Only at column 0: an indented comment may extend a collection's range in the Composer.
        if (open || c > start) this.commentAfterOpenLine = true;
      } else if (c < end) { // blank and whole-line comment lines hold no content
        this.content.push(c);
        this.indent.push(c - start);
        this.end.push(end);
        const line = text.slice(c, this.trimmedEnd(this.content.length - 1));
        open = line.endsWith(':') || line === '-' || line.endsWith(' -');
      }
      start = end + 1;
    }
  }

  get count(): number {
    return this.content.length;
  }

  /** Where a node that ends on line k ends its range: after the line break, or at the end of the text. */
  after(k: number): number {
    const e = this.end[k]!;
    return e < this.text.length ? e + 1 : e;
  }

  /** The line's end without its trailing spaces. */
  trimmedEnd(k: number): number {
    let e = this.end[k]!;
    while (this.text.charCodeAt(e - 1) === SPACE) e--;
    return e;
  }

  /** `- ` or a lone `-`: a block sequence item. */
  isItem(k: number, at = this.content[k]!): boolean {
    const t = this.text;
    return t.charCodeAt(at) === 0x2d && (at + 1 === this.end[k] || t.charCodeAt(at + 1) === SPACE);
  }
}

class LineBuilder {
  /** The next line to read. */
  k = 0;
  /** The Composer's range end (range[2]) of the node built last. */
  end = 0;
  private readonly text: string;

  constructor(private readonly lines: Lines, private readonly typed: PlainTyping, private readonly span: SpanFactory) {
    this.text = lines.text;
  }

  /** The block node on line k (a sequence when it starts with `- `, else a map), at the line's column. */
  block(path: string): SNode {
    const { lines, k } = this;
    return lines.isItem(k) ? this.blockSeq(lines.indent[k]!, path) : this.blockMap(lines.indent[k]!, lines.content[k]!, path);
  }

  /** Entries at column col, the first one's key at offset p (inside a `- ` line for a list item's map). */
  blockMap(col: number, p: number, path: string): SMap {
    const { lines } = this;
    const start = p;
    const entries: SEntry[] = [];
    for (;;) {
      entries.push(this.entry(col, p, path));
      if (this.k >= lines.count || lines.indent[this.k]! < col) break;
      if (lines.indent[this.k]! > col || lines.isItem(this.k)) bail();
      p = lines.content[this.k]!;
    }
    return { kind: 'map', entries: exact(entries), span: this.span(start, this.end), path };
  }

  blockSeq(col: number, path: string): SSeq {
    const { lines } = this;
    const start = lines.content[this.k]!;
    const items: SNode[] = [];
    for (;;) {
      items.push(this.item(col, indexPath(path, items.length)));
      if (this.k >= lines.count || lines.indent[this.k]! < col) break;
      if (lines.indent[this.k]! > col) bail();
      if (!lines.isItem(this.k)) break;
    }
    return { kind: 'seq', items: exact(items), span: this.span(start, this.end), path };
  }

  /** One `- ` item of a sequence at column col. */
  private item(col: number, path: string): SNode {
    const { lines, text } = this;
    const k = this.k;
    let q = lines.content[k]! + 1;
    while (text.charCodeAt(q) === SPACE) q++;
    if (q >= lines.end[k]!) return this.emptyValue(col, lines.end[k]!, path, false);
    if (lines.isItem(k, q)) bail();
    if (this.colonAfterKey(q, lines.end[k]!) >= 0) return this.blockMap(col + (q - lines.content[k]!), q, path);
    return this.inlineValue(col, q, path);
  }

  /** `key: value` (or `key:` and a block below) on line k, the key at offset p. */
  private entry(col: number, p: number, path: string): SEntry {
    const { lines, text } = this;
    const k = this.k;
    const colon = this.colonAfterKey(p, lines.end[k]!);
    if (colon < 0) bail();
    const { key, keyEnd } = this.key(p, colon);
    let q = colon + 1;
    while (text.charCodeAt(q) === SPACE) q++;
    const field = childPath(path, key);
    const value = q >= lines.end[k]! ? this.emptyValue(col, lines.end[k]!, field, true) : this.inlineValue(col, q, field);
    return { key, keySpan: this.span(p, keyEnd), value };
  }

  /**
   * Nothing after `key:` or `-` on the current line: the block on the lines below (more indented,
   * or a sequence at the same column under a key), else the Composer's null right after the
   * indicator and its spaces.
   */
  private emptyValue(col: number, at: number, path: string, underKey: boolean): SNode {
    const { lines } = this;
    this.k++;
    const next = this.k < lines.count ? lines.indent[this.k]! : -1;
    if (next > col || (underKey && next === col && lines.isItem(this.k))) return this.block(path);
    this.end = at;
    return this.scalar(this.typed(''), at, at, path, '', false);
  }

  /** A value that starts at offset q and ends its line; the line after must not continue it. */
  private inlineValue(col: number, q: number, path: string): SNode {
    const { lines } = this;
    const k = this.k;
    const node = this.flowOrScalar(q, lines.trimmedEnd(k), path, false);
    this.end = lines.after(k);
    this.k++;
    if (this.k < lines.count && lines.indent[this.k]! > col) bail();
    return node;
  }

  /** A scalar or flow collection filling q..e exactly (e: the end without trailing spaces). */
  private flowOrScalar(q: number, e: number, path: string, inFlow: boolean): SNode {
    const c = this.text[q]!;
    if (c === '"' || c === "'") {
      const close = this.closingQuote(q, e);
      if (close !== e - 1) bail();
      return this.quoted(q, e, path);
    }
    if (!inFlow && c === '[') return this.flowSeq(q, e, path);
    if (!inFlow && c === '{' && e === q + 2 && this.text[q + 1] === '}') {
      return { kind: 'map', entries: [], span: this.span(q, e), path };
    }
    const source = this.text.slice(q, e);
    if (INDICATOR.test(c) || FLOW_CHARS.test(source) || source.includes(': ') || source.endsWith(':') || (inFlow && source.includes(':'))) bail();
    const s = internScalar(source);
    return this.scalar(this.typed(s), q, e, path, s, false);
  }

  /** `[a, "b", c]` on one line: scalars only. */
  private flowSeq(q: number, e: number, path: string): SSeq {
    const { text } = this;
    if (text[e - 1] !== ']') bail();
    const items: SNode[] = [];
    let p = q + 1;
    while (text.charCodeAt(p) === SPACE) p++;
    while (p < e - 1) {
      const quote = text[p] === '"' || text[p] === "'";
      const stop = text.indexOf(',', quote ? this.closingQuote(p, e - 1) : p);
      let itemEnd = stop < 0 ? e - 1 : stop;
      while (text.charCodeAt(itemEnd - 1) === SPACE) itemEnd--;
      if (itemEnd <= p) bail();
      items.push(this.flowOrScalar(p, itemEnd, indexPath(path, items.length), true));
      if (stop < 0) break;
      p = stop + 1;
      while (text.charCodeAt(p) === SPACE) p++;
      if (p >= e - 1) bail();
    }
    return { kind: 'seq', items: exact(items), span: this.span(q, e), path };
  }

  /** The offset of the quote closing the scalar opened at q (before limit); bails when there is none. */
  private closingQuote(q: number, limit: number): number {
    const { text } = this;
    const quote = text[q]!;
    for (let i = q + 1; i < limit; i++) {
      const ch = text[i];
      if (quote === '"' && ch === '\\') bail();
      if (ch !== quote) continue;
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
    return bail();
  }

  /** A quoted scalar at q..e (quotes included): its text, `''` read as `'` in single quotes. */
  private quoted(q: number, e: number, path: string): SScalar {
    const inner = this.text.slice(q + 1, e - 1);
    const value = internScalar(this.text[q] === "'" ? inner.replaceAll("''", "'") : inner);
    return this.scalar(value, q, e, path, value, true);
  }

  /** The key starting at p and ending before the colon: its text as the Composer names it, and its end. */
  private key(p: number, colon: number): { key: string; keyEnd: number } {
    const { text } = this;
    const c = text[p]!;
    if (c === '"' || c === "'") {
      const close = this.closingQuote(p, colon);
      return { key: this.quoted(p, close + 1, '').source, keyEnd: close + 1 };
    }
    let keyEnd = colon;
    while (text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
    const source = text.slice(p, keyEnd);
    if (INDICATOR.test(c) || FLOW_CHARS.test(source) || source === '<<') bail();
    return { key: String(this.typed(internScalar(source))), keyEnd };
  }

  /** The colon of `key: ` or `key:` at the line's end, after a key starting at p; -1 when the text there is no key. */
  colonAfterKey(p: number, lineEnd: number): number {
    const { text } = this;
    let from = p;
    if (text[p] === '"' || text[p] === "'") {
      from = this.closingQuote(p, lineEnd) + 1;
      while (text.charCodeAt(from) === SPACE) from++;
      return text[from] === ':' && (from + 1 === lineEnd || text.charCodeAt(from + 1) === SPACE) ? from : -1;
    }
    for (let c = text.indexOf(':', from); c >= 0 && c < lineEnd; c = text.indexOf(':', c + 1)) {
      if (c + 1 === lineEnd || text.charCodeAt(c + 1) === SPACE) return c;
    }
    return -1;
  }

  private scalar(value: SScalar['value'], start: number, end: number, path: string, source: string, quoted: boolean): SScalar {
    return { kind: 'scalar', value, span: this.span(start, end), path, source, quoted };
  }
}

/** Markers that end or start a document, or a directive: more than one document is not this builder's. */
function isMarker(text: string, at: number): boolean {
  return text.startsWith('---', at) || text.startsWith('...', at) || text[at] === '%';
}

/**
 * The one document of text (a chunk of a manifest file), when it is of the plainest shape;
 * undefined otherwise. A leading `---` line is the document's start, as in the Composer.
 */
export function lineDocument(text: string, typed: PlainTyping, span: SpanFactory): SimpleDocument | undefined {
  if (REFUSED.test(text) || hashAfterContent(text)) return undefined;
  const lines = new Lines(text);
  if (lines.commentAfterOpenLine) return undefined;
  const b = new LineBuilder(lines, typed, span);
  let start = lines.content[0];
  if (start === undefined) return undefined;
  if (lines.indent[0] === 0 && text.startsWith('---', start)) {
    if (lines.trimmedEnd(0) !== start + 3) return undefined;
    b.k = 1;
  }
  for (let k = b.k; k < lines.count; k++) if (lines.indent[k] === 0 && isMarker(text, lines.content[k]!)) return undefined;
  if (b.k >= lines.count || lines.indent[b.k] !== 0) return undefined;
  if (b.k === 0) start = lines.content[0]!;
  try {
    const root = b.block('');
    if (b.k < lines.count) return undefined;
    return { span: span(start, b.end), root };
  } catch (e) {
    if (e instanceof NotSimple) return undefined;
    throw e;
  }
}
