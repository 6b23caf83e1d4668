// The source-mapped tree of a YAML document built straight from the yaml package's CST, for the
// documents manifests are made of: block and flow maps and sequences of plain, quoted and block
// scalars, without anchors, aliases, tags, explicit keys, tabs or anything the composer would
// report. Anything else gives up (undefined) and the caller composes the document with the yaml
// package's own Composer. Offsets, spans and scalar typing follow that Composer step by step
// (compose/resolve-block-map.js, resolve-block-seq.js, resolve-flow-collection.js,
// resolve-props.js, compose-doc.js), so either way gives the same tree; the fuzzing harness
// checks that it does. Skipping the Document and its nodes is what makes the parse cheaper than
// parseAllDocuments. No I/O.
import { CST } from 'yaml';
import { bail, plainTyping, type ComposeOptions, type PlainTyping } from './scalar-typing';
import { internScalar } from './intern';
import { childPath, indexPath, type SMap, type SNode, type SSeq, type Span } from './source';

type Token = CST.Token;
type SourceToken = CST.SourceToken;
type Item = CST.CollectionItem;


/** resolveProps for the tokens the subset allows: where they end, the indicator, a comma, a newline. */
function props(tokens: readonly SourceToken[], indicator: string, offset: number, startOnNewline: boolean, flow: boolean) {
  let hasSpace = startOnNewline;
  let hasNewline = false;
  let found = false;
  let comma = false;
  let comment = false;
  for (const t of tokens) {
    if (t.type === 'space') {
      if (t.source.includes('\t')) bail();
      hasSpace = true;
    } else if (t.type === 'newline') {
      hasSpace = true;
      hasNewline = true;
    } else if (t.type === 'comment') {
      if (!hasSpace) bail();
      comment = true;
    } else if (t.type === indicator && !found) {
      found = true;
      hasSpace = false;
    } else if (t.type === 'comma' && flow && !comma) {
      comma = true;
      hasSpace = false;
    } else {
      bail();
    }
  }
  const last = tokens[tokens.length - 1];
  return { end: last ? last.offset + last.source.length : offset, found, comma, hasNewline, comment };
}

type Props = ReturnType<typeof props>;

/** resolveEnd with strict off: spaces, comments and newlines after a node. */
function endOffset(tokens: readonly SourceToken[] | undefined, offset: number): number {
  for (const t of tokens ?? []) {
    if (t.type !== 'space' && t.type !== 'comment' && t.type !== 'newline') bail();
    offset += t.source.length;
  }
  return offset;
}

/** emptyScalarPosition: right after the last token that is not space, comment or newline, and the spaces after it. */
function emptyPosition(offset: number, before: readonly SourceToken[] | undefined): number {
  if (!before) return offset;
  for (let i = before.length - 1; i >= 0; --i) {
    const t = before[i]!;
    if (t.type === 'space' || t.type === 'comment' || t.type === 'newline') {
      offset -= t.source.length;
      continue;
    }
    for (let j = i + 1; before[j]?.type === 'space'; j++) offset += before[j]!.source.length;
    break;
  }
  return offset;
}

/**
 * The array with no spare capacity: an array grown by push keeps room for 17 items, and these
 * live as long as the tree (most maps and lists of a manifest hold one to five).
 */
export function exact<T>(a: T[]): T[] {
  return a.slice();
}

const SCALAR_TYPES = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar']);

/** Makes the span objects of a tree (a caller may want its own Span class, e.g. chunk-relative spans). */
export type SpanFactory = (start: number, end: number) => Span;

export const plainSpan: SpanFactory = (start, end) => ({ start, end });

/** One pass over a document's CST; `end` is the Composer's range[2] of the node built last. */
class Builder {
  end = 0;

  constructor(private readonly typed: PlainTyping, readonly span: SpanFactory) {}

  node(token: Token, path: string): SNode {
    switch (token.type) {
      case 'scalar': case 'single-quoted-scalar': case 'double-quoted-scalar': case 'block-scalar':
        return this.scalar(token, path);
      case 'block-map': return this.blockMap(token, path);
      case 'block-seq': return this.blockSeq(token, path);
      case 'flow-collection': return token.start.source === '{' ? this.flowMap(token, path) : this.flowSeq(token, path);
      default: return bail();
    }
  }

  scalar(token: CST.FlowScalar | CST.BlockScalar, path: string): SNode {
    const r = CST.resolveAsScalar(token, false, () => bail());
    if (!r) return bail();
    this.end = r.range[2];
    const source = internScalar(r.value);
    return { kind: 'scalar', value: r.type === 'PLAIN' ? this.typed(source) : source, span: this.span(r.range[0], r.range[1]), path, source, quoted: r.type !== 'PLAIN' };
  }

  /** composeEmptyNode: a null where a value is missing (its end after a comment in p). */
  empty(offset: number, before: readonly SourceToken[] | undefined, p: Props, path: string): SNode {
    const node = this.scalar({ type: 'scalar', offset: emptyPosition(offset, before), indent: -1, source: '' }, path);
    if (p.comment) this.end = p.end;
    return node;
  }

  key(token: Token | null | undefined, path: string): { key: string; keySpan: Span } {
    if (!token || !SCALAR_TYPES.has(token.type)) return bail();
    const s = token as CST.FlowScalar;
    if (s.source.includes('\n') || s.end?.some((t) => t.type === 'newline') || (s.type === 'scalar' && s.source === '<<')) bail();
    const node = this.scalar(s, path);
    return { key: String(node.kind === 'scalar' ? node.value : ''), keySpan: node.span };
  }

  blockMap(bm: CST.BlockMap, path: string): SMap {
    let offset = bm.offset;
    let commentEnd: number | undefined;
    const entries: SMap['entries'] = [];
    for (const item of bm.items as Item[]) {
      const keyProps = props(item.start, 'explicit-key-ind', offset, true, false);
      if (keyProps.found || ('explicitKey' in item && item.explicitKey)) bail();
      if (!item.sep) {
        if (item.key || item.value) bail();
        commentEnd = keyProps.end;
        continue;
      }
      if (!item.key || !('indent' in item.key) || item.key.indent !== bm.indent) bail();
      const { key, keySpan } = this.key(item.key, path);
      const valueProps = props(item.sep, 'map-value-ind', this.end, false, false);
      if (!valueProps.found || (item.value?.type === 'block-map' && !valueProps.hasNewline)) bail();
      const field = childPath(path, key);
      const value = item.value ? this.node(item.value, field) : this.empty(valueProps.end, item.sep, valueProps, field);
      offset = this.end;
      entries.push({ key, keySpan, value });
    }
    if (commentEnd !== undefined && commentEnd < offset) bail();
    this.end = commentEnd ?? offset;
    return { kind: 'map', entries: exact(entries), span: this.span(bm.offset, offset), path };
  }

  blockSeq(bs: CST.BlockSequence, path: string): SSeq {
    let offset = bs.offset;
    let commentEnd: number | undefined;
    const items: SNode[] = [];
    for (const item of bs.items) {
      const p = props(item.start, 'seq-item-ind', offset, true, false);
      if (!p.found) {
        if (item.value) bail();
        commentEnd = p.end;
        continue;
      }
      const at = indexPath(path, items.length);
      items.push(item.value ? this.node(item.value, at) : this.empty(p.end, item.start, p, at));
      offset = this.end;
    }
    this.end = commentEnd ?? offset;
    return { kind: 'seq', items: exact(items), span: this.span(bs.offset, offset), path };
  }

  /** The items of a flow collection, their start props checked (commas between); returns the span. */
  flowItems(fc: CST.FlowCollection, each: (item: Item) => void): Span {
    let offset = fc.offset + fc.start.source.length;
    fc.items.forEach((item, i) => {
      const p = props(item.start, 'explicit-key-ind', offset, false, true);
      if (p.found) bail();
      if (!item.sep && !item.value) {
        if (i === 0 ? p.comma : i < fc.items.length - 1) bail();
        offset = p.end;
        return;
      }
      if ((i === 0) === p.comma) bail();
      each(item);
      offset = this.end;
    });
    const [close, ...rest] = fc.end;
    if (close?.source !== (fc.start.source === '{' ? '}' : ']')) bail();
    this.end = rest.length > 0 ? endOffset(rest, close.offset + 1) : close.offset + 1;
    return this.span(fc.offset, close.offset + 1);
  }

  flowSeq(fc: CST.FlowCollection, path: string): SSeq {
    const items: SNode[] = [];
    const span = this.flowItems(fc, (item) => {
      if (item.sep || !item.value || item.value.type === 'block-map' || item.value.type === 'block-seq') bail();
      items.push(this.node(item.value, indexPath(path, items.length)));
    });
    return { kind: 'seq', items: exact(items), span, path };
  }

  flowMap(fc: CST.FlowCollection, path: string): SMap {
    const entries: SMap['entries'] = [];
    const span = this.flowItems(fc, (item) => {
      const { key, keySpan } = this.key(item.key, path);
      const valueProps = props(item.sep ?? [], 'map-value-ind', this.end, false, true);
      if (!valueProps.found || item.value?.type === 'block-map' || item.value?.type === 'block-seq') bail();
      const field = childPath(path, key);
      entries.push({ key, keySpan, value: item.value ? this.node(item.value, field) : this.empty(valueProps.end, item.sep, valueProps, field) });
    });
    return { kind: 'map', entries: exact(entries), span, path };
  }
}

export interface SimpleDocument {
  span: Span;
  root: SNode;
}

/** Parse options shared with the Composer this builder stands in for. */
export function simpleComposer(options: ComposeOptions) {
  const typed = plainTyping(options);
  /** composeDoc for a document in the subset; undefined when it is not (compose it the usual way). */
  return (doc: CST.Document, span: SpanFactory = plainSpan): SimpleDocument | undefined => {
    try {
      const b = new Builder(typed, span);
      const p = props(doc.start, 'doc-start', doc.offset, true, false);
      if (p.found && (doc.value?.type === 'block-map' || doc.value?.type === 'block-seq') && !p.hasNewline) bail();
      const root = doc.value ? b.node(doc.value, '') : b.empty(p.end, doc.start, p, '');
      endOffset(doc.end, b.end);
      return { span: span(doc.offset, b.end), root };
    } catch {
      // NotSimple, or a stack overflow in a deep document: the Composer reports what it finds.
      return undefined;
    }
  };
}
