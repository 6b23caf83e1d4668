// One manifest file kept parsed document by document. An edit re-parses only the documents
// whose text changed; the others are reused and, when they moved, their spans are shifted in
// place. This is what keeps a keystroke in a file of 10,000 documents in the milliseconds.
import { parseDocuments, type ManifestDocument } from '../ingress/documents';
import type { Finding } from '../ingress/findings';
import { LineIndex } from '../ingress/lines';
import { objectsFromRoot, type KObject } from '../ingress/model';
import { asMap, get, type SNode, type Span } from '../ingress/source';

export interface DocChunk {
  start: number;
  text: string;
}

const SEPARATOR_END = new Set([undefined, ' ', '\t', '\r', '\n']);

/** Splits a file at `---` lines. A file with directives (`%YAML`) stays one chunk. */
export function splitChunks(text: string): DocChunk[] {
  if (text.startsWith('%') || text.includes('\n%')) return [{ start: 0, text }];
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
  /** True until the object rules have run on this entry's objects. */
  dirty = true;
  private readonly spans: Span[];

  constructor(readonly uri: string, readonly text: string, public base: number, firstIndex: number, defaultNamespace: string) {
    this.docs = parseDocuments(uri, text, firstIndex);
    this.objects = this.docs.flatMap((d) => {
      const root = asMap(d.root);
      return root ? objectsFromRoot(root, uri, d.index, d.span, { defaultNamespace }) : [];
    });
    this.k8s = this.docs.some((d) => get(d.root, 'kind') !== undefined && get(d.root, 'apiVersion') !== undefined);
    this.spans = collectSpans(this.docs, this.objects);
    for (const s of this.spans) { s.start += base; s.end += base; }
  }

  /** Moves the entry to a new offset and document index (spans shift in place). */
  moveTo(base: number, firstIndex: number): void {
    const delta = base - this.base;
    if (delta !== 0) for (const s of this.spans) { s.start += delta; s.end += delta; }
    this.base = base;
    const shift = firstIndex - (this.docs[0]?.index ?? firstIndex);
    if (shift === 0) return;
    for (const d of this.docs) d.index += shift;
    for (const o of this.objects) o.docIndex += shift;
  }

  /** Findings with absolute spans. */
  absoluteFindings(): Finding[] {
    return this.findings.map((f) => ({ ...f, span: { start: f.span.start + this.base, end: f.span.end + this.base } }));
  }

  /** Stores findings given in absolute spans. */
  setFindings(findings: Finding[]): void {
    this.findings = findings.map((f) => ({ ...f, span: { start: f.span.start - this.base, end: f.span.end - this.base } }));
    this.dirty = false;
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

/** A file's text and its chunk entries, updated incrementally. */
export class FileModel {
  entries: DocEntry[] = [];
  text = '';
  private lineIndex: LineIndex | undefined;

  constructor(readonly uri: string, public open = false) {}

  update(text: string, defaultNamespace: string): FileUpdate {
    this.text = text;
    this.lineIndex = undefined;
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

  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  get objects(): KObject[] {
    return this.entries.flatMap((e) => e.objects);
  }

  get documents(): ManifestDocument[] {
    return this.entries.flatMap((e) => e.docs);
  }

  get k8s(): boolean {
    return this.entries.some((e) => e.k8s);
  }

  /** The entry whose chunk holds offset. */
  entryAt(offset: number): DocEntry | undefined {
    let lo = 0;
    let hi = this.entries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.entries[mid]!.base <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.entries[lo];
  }
}
