// One manifest file kept parsed document by document. An edit re-parses only the documents
// whose text changed; the others are reused and only their chunk's offset moves: spans are
// relative to the chunk (ChunkSpan) and resolved when read, so nothing has to be shifted or
// synced. This is what keeps a keystroke in a file of 10,000 documents in the milliseconds.
import { YAML_ALIAS_RULE_ID } from '../ingress/aliases';
import { parseDocuments, type ManifestDocument } from '../ingress/documents';
import type { Finding } from '../ingress/findings';
import { LineIndex, type Position } from '../ingress/lines';
import { objectsFromRoot, type KObject } from '../ingress/model';
import { asMap, get, type SNode, type Span } from '../ingress/source';
import { addGatewayFindings } from '../rules/gateway/index';
import type { GatewayObject } from '../gateway/model';

export interface DocChunk {
  start: number;
  text: string;
}

const SEPARATOR_END = new Set([undefined, ' ', '\t', '\r', '\n']);

/** YAML directives (`%YAML`) apply to the documents after them: such a file is never split. */
function hasDirectives(text: string): boolean {
  return text.startsWith('%') || text.includes('\n%');
}

/** Splits a file at `---` lines. A file with directives (`%YAML`) stays one chunk. */
export function splitChunks(text: string): DocChunk[] {
  if (hasDirectives(text)) return [{ start: 0, text }];
  const starts = [0];
  let from = 0;
  for (;;) {
    const i = text.indexOf('\n---', from);
    if (i < 0) break;
    if (SEPARATOR_END.has(text[i + 4])) starts.push(i + 1);
    from = i + 4;
  }
  const out: DocChunk[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    const end = k + 1 < starts.length ? starts[k + 1]! : text.length;
    if (end > start || k === 0) out.push({ start, text: text.slice(start, end) });
  }
  return out;
}

/** Where a chunk is now: spans inside it are stored relative to it and resolved against this when read. */
export interface Anchor {
  readonly uri: string;
  /** Offset of the chunk in its file's current text. */
  readonly base: number;
}

/**
 * A span that cannot go stale: offsets relative to its chunk, made absolute when read. When
 * text is inserted above a chunk, the chunk's base moves and every span in it (the tree's, the
 * cached findings', the related locations pointing into it) reads the new offsets at once.
 */
export class ChunkSpan implements Span {
  constructor(readonly anchor: Anchor, private readonly from: number, private readonly to: number) {}

  get start(): number {
    return this.anchor.base + this.from;
  }

  get end(): number {
    return this.anchor.base + this.to;
  }

  toJSON(): Span {
    return { start: this.start, end: this.end };
  }
}

/** A span made relative to the chunk holding it (when it is not one already): see ChunkSpan. */
export function anchorSpan(span: Span, at: Anchor): Span {
  return span instanceof ChunkSpan ? span : new ChunkSpan(at, span.start - at.base, span.end - at.base);
}

/** The parse of one chunk: its documents, objects, and the findings of the object rules. */
export class DocEntry implements Anchor {
  readonly docs: ManifestDocument[];
  readonly objects: KObject[];
  /** True when some document is a Kubernetes object (has apiVersion or kind). */
  readonly k8s: boolean;
  /** Object-rule findings (spans anchored: current whenever read). */
  findings: Finding[] = [];
  /** Workspace-rule findings on this entry's objects (spans anchored). */
  wsFindings: Finding[] = [];
  /** The HTTPRoutes and Gateways of the chunk (their spans anchored like the tree's). */
  readonly gatewayObjects: GatewayObject[];
  /** gateway/route-differs findings on this entry's converted HTTPRoutes (engine/converted-routes.ts). */
  gwFindings: Finding[] = [];
  /** Bumped whenever the entry's findings change (diagnostics are cached per version). */
  version = 0;
  readonly hasSyntax: boolean;

  constructor(readonly uri: string, readonly text: string, public base: number, public firstIndex: number, defaultNamespace: string) {
    // The tree's spans are made chunk-relative as they are built (anchorDocuments then leaves them be).
    this.docs = parseDocuments(uri, text, firstIndex, true, (start, end) => new ChunkSpan(this, start, end));
    this.gatewayObjects = addGatewayFindings(uri, this.docs, defaultNamespace);
    anchorDocuments(this.docs, this);
    this.objects = this.docs.flatMap((d) => {
      const root = asMap(d.root);
      return root ? objectsFromRoot(root, uri, d.index, d.span, { defaultNamespace }) : [];
    });
    // A manifest names its kind or apiVersion; a document whose aliases were refused could not be
    // read far enough to tell, so it counts too (its schema/yaml-alias finding must be seen).
    this.k8s = this.docs.some((d) => get(d.root, 'kind') !== undefined || get(d.root, 'apiVersion') !== undefined
      || d.syntax.some((f) => f.ruleId === YAML_ALIAS_RULE_ID));
    this.hasSyntax = this.docs.some((d) => d.syntax.length > 0);
  }

  /**
   * Moves the entry to a new offset and document index: every span in it follows (spans read
   * the base), and the few document and object indexes are shifted here. Plain number fields
   * keep documents and objects in V8's fast mode (a getter defined per object turned each into a
   * dictionary of some 600 bytes, slower to read in every rule).
   */
  moveTo(base: number, firstIndex: number): void {
    this.base = base;
    const shift = firstIndex - this.firstIndex;
    if (shift === 0) return;
    this.firstIndex = firstIndex;
    for (const d of this.docs) d.index += shift;
    for (const o of this.objects) o.docIndex += shift;
  }

  /** True when the chunk has something to report (syntax errors, object or workspace findings). */
  get hasFindings(): boolean {
    return this.hasSyntax || this.findings.length > 0 || this.wsFindings.length > 0 || this.gwFindings.length > 0;
  }

  get end(): number {
    return this.base + this.text.length;
  }

  /** Object- and workspace-rule findings (their spans, anchored, read where they are now). */
  currentFindings(): Finding[] {
    return this.wsFindings.length || this.gwFindings.length ? [...this.findings, ...this.wsFindings, ...this.gwFindings] : this.findings;
  }

  /** Syntax findings (anchored spans). */
  syntaxFindings(): Finding[] {
    return this.hasSyntax ? this.docs.flatMap((d) => d.syntax) : [];
  }

  /** Stores object-rule findings (spans already anchored). */
  setFindings(findings: Finding[]): void {
    // Lists of different lengths differ, two empty ones do not: only same-length lists are compared in full.
    const n = findings.length;
    if (n !== this.findings.length || (n > 0 && JSON.stringify(findings) !== JSON.stringify(this.findings))) this.version++;
    this.findings = findings;
  }
}

/** Replaces every span of the parsed chunk by a ChunkSpan (the parse's spans are relative to the chunk text). */
function anchorDocuments(docs: ManifestDocument[], at: DocEntry): void {
  const anchored = new Map<Span, Span>();
  const a = (s: Span): Span => {
    if (s instanceof ChunkSpan) return s;
    let x = anchored.get(s);
    if (!x) anchored.set(s, (x = new ChunkSpan(at, s.start, s.end)));
    return x;
  };
  const walk = (n: SNode): void => {
    n.span = a(n.span);
    if (n.kind === 'map') for (const e of n.entries) { e.keySpan = a(e.keySpan); walk(e.value); }
    else if (n.kind === 'seq') n.items.forEach(walk);
  };
  for (const d of docs) {
    d.span = a(d.span);
    for (const f of d.syntax) f.span = a(f.span);
    if (d.root) walk(d.root);
  }
}

export interface FileUpdate {
  added: DocEntry[];
  removed: DocEntry[];
}

/** Offset ↔ position conversion: a LineIndex, or the editor's TextDocument for open files. */
export interface Lines {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

/** A file's text and its chunk entries, updated incrementally. */
export class FileModel {
  entries: DocEntry[] = [];
  text = '';
  private lineIndex: Lines | undefined;
  private directives = false;

  constructor(readonly uri: string, public open = false) {}

  /** Replaces the whole text: re-splits it and re-parses the chunks whose text changed. */
  update(text: string, defaultNamespace: string, lines?: Lines): FileUpdate {
    this.text = text;
    this.lineIndex = lines;
    this.directives = hasDirectives(text);
    const pool = new Map<string, DocEntry[]>();
    for (const e of this.entries) {
      const list = pool.get(e.text);
      if (list) list.push(e);
      else pool.set(e.text, [e]);
    }
    const added: DocEntry[] = [];
    const next: DocEntry[] = [];
    let index = 0;
    for (const chunk of splitChunks(text)) {
      let e = pool.get(chunk.text)?.shift();
      if (e) e.moveTo(chunk.start, index);
      else {
        e = new DocEntry(this.uri, chunk.text, chunk.start, index, defaultNamespace);
        added.push(e);
      }
      index += e.docs.length;
      next.push(e);
    }
    this.entries = next;
    return { added, removed: [...pool.values()].flat() };
  }

  /**
   * Applies one edit (old offsets start..end replaced by newText; `text` is the result).
   * Re-splits only the chunks around the edit; the chunks after it just move.
   */
  applyEdit(start: number, end: number, newText: string, text: string, defaultNamespace: string, lines?: Lines): FileUpdate {
    if (this.directives || hasDirectives(newText) || this.entries.length === 0) return this.update(text, defaultNamespace, lines);
    const i = Math.max(0, this.indexAt(start) - 1);
    const j = Math.min(this.entries.length - 1, this.indexAt(end) + 1);
    const regionStart = this.entries[i]!.base;
    const regionEnd = this.entries[j]!.end;
    const regionText = this.text.slice(regionStart, start) + newText + this.text.slice(end, regionEnd);
    const delta = newText.length - (end - start);
    this.text = text;
    this.lineIndex = lines;
    const old = this.entries.slice(i, j + 1);
    const oldEndIndex = this.entries[j]!.firstIndex + this.entries[j]!.docs.length;
    const pool = new Map<string, DocEntry[]>();
    for (const e of old) pool.set(e.text, [...(pool.get(e.text) ?? []), e]);
    const added: DocEntry[] = [];
    const replaced: DocEntry[] = [];
    let index = this.entries[i]!.firstIndex;
    for (const chunk of splitChunks(regionText)) {
      if (chunk.text === '') continue;
      let e = pool.get(chunk.text)?.shift();
      if (e) e.moveTo(regionStart + chunk.start, index);
      else added.push((e = new DocEntry(this.uri, chunk.text, regionStart + chunk.start, index, defaultNamespace)));
      index += e.docs.length;
      replaced.push(e);
    }
    const docDelta = index - oldEndIndex;
    for (let k = j + 1; k < this.entries.length; k++) {
      const e = this.entries[k]!;
      e.moveTo(e.base + delta, e.firstIndex + docDelta);
    }
    this.entries.splice(i, j - i + 1, ...replaced);
    return { added, removed: [...pool.values()].flat() };
  }

  get lines(): Lines {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  /** Every object of the file. */
  get objects(): KObject[] {
    return this.entries.flatMap((e) => e.objects);
  }

  get documents(): ManifestDocument[] {
    return this.entries.flatMap((e) => e.docs);
  }

  /** Does some document look like a Kubernetes object (apiVersion or kind, the other one may be misspelt or missing)? */
  get k8s(): boolean {
    return this.entries.some((e) => e.k8s);
  }

  /** The entry whose chunk holds offset. */
  entryAt(offset: number): DocEntry | undefined {
    return this.entries[this.indexAt(offset)];
  }

  private indexAt(offset: number): number {
    let lo = 0;
    let hi = this.entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.entries[mid]!.base <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
