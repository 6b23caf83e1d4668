// One manifest file kept parsed document by document. An edit re-parses only the documents
// whose text changed; the others are reused and, when they moved, their spans are shifted in
// place. This is what keeps a keystroke in a file of 10,000 documents in the milliseconds.
import { parseDocuments, type ManifestDocument } from '../ingress/documents';
import type { Finding } from '../ingress/findings';
import type { Diagnostic } from 'vscode-languageserver';
import { LineIndex, type Position } from '../ingress/lines';
import { objectsFromRoot, type KObject } from '../ingress/model';
import { asMap, get, type SNode, type Span } from '../ingress/source';

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

/** The parse of one chunk: its documents, objects, and the findings of the object rules. */
export class DocEntry {
  readonly docs: ManifestDocument[];
  readonly objects: KObject[];
  /** True when some document is a Kubernetes object (has apiVersion and kind). */
  readonly k8s: boolean;
  /** Object-rule findings, spans relative to `base`. */
  findings: Finding[] = [];
  /** Workspace-rule findings on this entry's objects, spans relative to `base`. */
  wsFindings: Finding[] = [];
  /** Bumped whenever the entry's findings change (diagnostics are cached per version). */
  version = 0;
  /** The diagnostics last published for this entry, computed at `line` (its first line then). */
  published?: { version: number; line: number; diagnostics: Diagnostic[] };
  readonly hasSyntax: boolean;
  private readonly spans: Span[];
  /** The offset and document index the spans currently reflect (see sync). */
  private applied: number;
  private appliedIndex: number;

  constructor(readonly uri: string, readonly text: string, public base: number, public firstIndex: number, defaultNamespace: string) {
    this.docs = parseDocuments(uri, text, firstIndex);
    this.objects = this.docs.flatMap((d) => {
      const root = asMap(d.root);
      return root ? objectsFromRoot(root, uri, d.index, d.span, { defaultNamespace }) : [];
    });
    this.k8s = this.docs.some((d) => get(d.root, 'kind') !== undefined && get(d.root, 'apiVersion') !== undefined);
    this.hasSyntax = this.docs.some((d) => d.syntax.length > 0);
    this.spans = collectSpans(this.docs, this.objects);
    for (const s of this.spans) { s.start += base; s.end += base; }
    this.applied = base;
    this.appliedIndex = firstIndex;
  }

  /** Moves the entry to a new offset and document index. Cheap: spans follow at the next sync. */
  moveTo(base: number, firstIndex: number): void {
    this.base = base;
    this.firstIndex = firstIndex;
  }

  /** Brings the tree's spans and indexes up to date with the entry's position (in place). */
  sync(): this {
    const delta = this.base - this.applied;
    if (delta !== 0) for (const s of this.spans) { s.start += delta; s.end += delta; }
    this.applied = this.base;
    const shift = this.firstIndex - this.appliedIndex;
    if (shift !== 0) {
      for (const d of this.docs) d.index += shift;
      for (const o of this.objects) o.docIndex += shift;
      this.appliedIndex = this.firstIndex;
    }
    return this;
  }

  /** True when the chunk has something to report (syntax errors, object or workspace findings). */
  get hasFindings(): boolean {
    return this.hasSyntax || this.findings.length > 0 || this.wsFindings.length > 0;
  }

  get end(): number {
    return this.base + this.text.length;
  }

  /** Object- and workspace-rule findings with absolute spans. */
  absoluteFindings(): Finding[] {
    return [...this.findings, ...this.wsFindings].map((f) => ({ ...f, span: { start: f.span.start + this.base, end: f.span.end + this.base } }));
  }

  /** Syntax findings with absolute spans. */
  syntaxFindings(): Finding[] {
    return this.hasSyntax ? this.sync().docs.flatMap((d) => d.syntax.map((f) => ({ ...f, span: { ...f.span } }))) : [];
  }

  /** Stores object-rule findings given in absolute spans (of a synced entry). */
  setFindings(findings: Finding[]): void {
    const next = findings.map((f) => this.relative(f));
    if (JSON.stringify(next) !== JSON.stringify(this.findings)) this.version++;
    this.findings = next;
  }

  relative(f: Finding): Finding {
    return { ...f, span: { start: f.span.start - this.base, end: f.span.end - this.base } };
  }
}

function collectSpans(docs: ManifestDocument[], objects: KObject[]): Span[] {
  const seen = new Set<Span>();
  const walk = (n: SNode | undefined): void => {
    if (!n) return;
    seen.add(n.span);
    if (n.kind === 'map') for (const e of n.entries) { seen.add(e.keySpan); walk(e.value); }
    else if (n.kind === 'seq') for (const i of n.items) walk(i);
  };
  for (const d of docs) {
    seen.add(d.span);
    for (const f of d.syntax) seen.add(f.span);
    walk(d.root);
  }
  for (const o of objects) seen.add(o.span);
  return [...seen];
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

  /** Every object of the file (entries synced: spans are current). */
  get objects(): KObject[] {
    return this.entries.flatMap((e) => e.sync().objects);
  }

  get documents(): ManifestDocument[] {
    return this.entries.flatMap((e) => e.sync().docs);
  }

  sync(): void {
    for (const e of this.entries) e.sync();
  }

  get k8s(): boolean {
    return this.entries.some((e) => e.k8s);
  }

  /** The entry whose chunk holds offset (synced). */
  entryAt(offset: number): DocEntry | undefined {
    return this.entries[this.indexAt(offset)]?.sync();
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
