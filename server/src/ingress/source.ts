// A source-mapped JSON tree built from one YAML document. Every node keeps its byte span and
// its Kubernetes field path ("spec.rules[0].http.paths[0].path"), so rules can point at the
// exact key or value and name the field the way the API server does. No I/O.
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Alias, type Node as YamlNode, type Document } from 'yaml';
import { anchorSpan, type AliasBudget } from './aliases';
import { internChildPath, internIndexPath } from './intern';

export interface Span {
  start: number;
  end: number;
}

export type SNode = SMap | SSeq | SScalar;

interface SBase {
  /** Span of the value (for a map or sequence: the whole block). */
  span: Span;
  /** Kubernetes-style field path of this node, e.g. `spec.tls[0].hosts[1]`. */
  path: string;
}

export type ScalarValue = string | number | boolean | null;

export interface SScalar extends SBase {
  kind: 'scalar';
  value: ScalarValue;
  /** The text as written (for plain scalars), e.g. `on` for a value read as `true`. */
  source: string;
  /** True when written in quotes or as a block scalar: always a string. */
  quoted: boolean;
}

export interface SEntry {
  key: string;
  keySpan: Span;
  /** Null when the key has no value at all (`key:` at the end of a half-typed line). */
  value: SNode;
}

export interface SMap extends SBase {
  kind: 'map';
  entries: SEntry[];
}

export interface SSeq extends SBase {
  kind: 'seq';
  items: SNode[];
}

export const EMPTY_SPAN: Span = { start: 0, end: 0 };

/** `parent.key`, the path of a field (one shared copy of each: intern.ts). */
export function childPath(parent: string, key: string): string {
  return internChildPath(parent, key);
}

/** `parent[index]`, the path of a list item (one shared copy of each). */
export function indexPath(parent: string, index: number): string {
  return internIndexPath(parent, index);
}

/** Span covering from..to, used for a key and its value together. */
export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

function spanOf(node: YamlNode | null | undefined, fallback: Span): Span {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : fallback;
}

function scalarNode(value: ScalarValue, span: Span, path: string, source: string, quoted: boolean): SScalar {
  return { kind: 'scalar', value, span, path, source, quoted };
}

/** How fromYaml meets aliases: expanded within go-yaml's budget, or (after an AliasError) left as nulls. */
export interface YamlTreeContext {
  doc: Document;
  /** The text the document was parsed from (to find an anchor's `&name`). */
  text: string;
  /** Undefined: aliases are not expanded; each becomes a null at the alias. */
  budget?: AliasBudget;
  /** Each alias's anchored node, found in one pass when the first alias is met. */
  targets?: Map<Alias, YamlNode>;
}

/** Converts a parsed YAML node into an SNode tree; throws AliasError past the alias budget. */
export function fromYaml(node: unknown, path: string, ctx: YamlTreeContext, fallback: Span): SNode {
  ctx.budget?.count();
  if (isAlias(node)) return fromAlias(node, path, ctx, fallback);
  const span = spanOf(node as YamlNode, fallback);
  if (isMap(node)) {
    const entries: SEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      ctx.budget?.count();
      const keyNode = pair.key as YamlNode | null;
      // A list or mapping used as a key is named by its JSON (never "[object Object]").
      const key = isScalar(keyNode) ? String(keyNode.value) : keyNode ? JSON.stringify(keyNode.toJSON?.()) ?? '' : '';
      const keySpan = spanOf(keyNode, span);
      const valueFallback = { start: keySpan.end, end: keySpan.end };
      const value = pair.value == null
        ? scalarNode(null, valueFallback, childPath(path, key), '', false)
        : fromYaml(pair.value, childPath(path, key), ctx, valueFallback);
      entries.push({ key, keySpan, value });
    }
    return { kind: 'map', entries, span, path };
  }
  if (isSeq(node)) {
    const items = node.items.map((item, i) => fromYaml(item, indexPath(path, i), ctx, span));
    return { kind: 'seq', items, span, path };
  }
  if (isScalar(node)) {
    const v = node.value;
    const value: ScalarValue = v === null || v === undefined ? null
      : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v
      : typeof v === 'bigint' ? Number(v) : String(v);
    const quoted = node.type !== undefined && node.type !== 'PLAIN';
    return scalarNode(value, span, path, node.source ?? String(v ?? ''), quoted);
  }
  return scalarNode(null, span, path, '', false);
}

/** An alias: its anchor's tree under the alias's path (counted against the budget), or a null. */
function fromAlias(node: Alias, path: string, ctx: YamlTreeContext, fallback: Span): SNode {
  const aliasSpan = spanOf(node, fallback);
  const target = ctx.budget ? (ctx.targets ??= aliasTargets(ctx.doc)).get(node) : undefined;
  if (!ctx.budget || !target) return scalarNode(null, aliasSpan, path, '', false);
  ctx.budget.enter(target, node.source, anchorSpan(ctx.text, node.source, target.range?.[0] ?? aliasSpan.start), aliasSpan);
  try {
    return fromYaml(target, path, ctx, aliasSpan);
  } finally {
    ctx.budget.leave(target);
  }
}

/**
 * Alias → the node of the last anchor of its name before it (an anchor counts from where it is
 * written, so `&x [*x]` refers to itself). One pass: yaml's Alias.resolve walks the whole
 * document for every alias, quadratic in a file of many aliases.
 */
function aliasTargets(doc: Document): Map<Alias, YamlNode> {
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<Alias, YamlNode>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    },
  });
  return targets;
}

/** Builds an SNode tree from plain JSON (objects read from a cluster or a snapshot file). */
export function fromJson(value: unknown, path = '', span: Span = EMPTY_SPAN): SNode {
  if (Array.isArray(value)) {
    return { kind: 'seq', span, path, items: value.map((v, i) => fromJson(v, indexPath(path, i), span)) };
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([key, v]) => ({
      key, keySpan: span, value: fromJson(v, childPath(path, key), span),
    }));
    return { kind: 'map', span, path, entries };
  }
  const v = value === undefined ? null : (value as ScalarValue);
  return scalarNode(v, span, path, v === null ? '' : String(v), typeof v === 'string');
}

/** Plain JSON value of a node (what the API server would receive). */
export function toJson(node: SNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toJson);
  const out: Record<string, unknown> = {};
  for (const e of node.entries) if (!(e.key in out)) out[e.key] = toJson(e.value);
  return out;
}

export function asMap(node: SNode | undefined): SMap | undefined {
  return node?.kind === 'map' ? node : undefined;
}

export function asSeq(node: SNode | undefined): SSeq | undefined {
  return node?.kind === 'seq' ? node : undefined;
}

export function asScalar(node: SNode | undefined): SScalar | undefined {
  return node?.kind === 'scalar' ? node : undefined;
}

/** The entry for key (the first one when the key is duplicated). */
export function entry(map: SNode | undefined, key: string): SEntry | undefined {
  return map?.kind === 'map' ? map.entries.find((e) => e.key === key) : undefined;
}

export function get(map: SNode | undefined, key: string): SNode | undefined {
  return entry(map, key)?.value;
}

/** Walks a dotted key list: getIn(root, 'spec', 'defaultBackend'). */
export function getIn(node: SNode | undefined, ...keys: string[]): SNode | undefined {
  let cur = node;
  for (const k of keys) cur = get(cur, k);
  return cur;
}

/** A string scalar's value; numbers and booleans are not strings (see schema/type). */
export function str(node: SNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** The span to underline for a field: its value, or its key when the value is empty. */
export function fieldSpan(map: SNode | undefined, key: string): Span | undefined {
  const e = entry(map, key);
  if (!e) return undefined;
  return e.value.span.end > e.value.span.start ? e.value.span : e.keySpan;
}

export function contains(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
