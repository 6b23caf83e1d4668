// The language server's incremental copy of `analyze()`: files parsed chunk by chunk, an
// object index with reverse references, findings cached per chunk. An edit re-runs the object
// rules only on new objects and on the objects that depend on a change, and the workspace
// rules (conflicts) only on the Ingresses that share a host with a changed Ingress.
import type { Finding } from '../ingress/findings';
import { compareFindings } from '../ingress/findings';
import type { KObject } from '../ingress/model';
import { MergedStore, type ObjectStore } from '../ingress/store';
import { checkObjects, checkWorkspace, overrideParseFindings, type SeverityOverrides } from '../rules/engine';
import type { Rule, RuleContext } from '../rules/rule';
import type { ClusterView } from './cluster-source';
import type { LinesOf } from './convert';
import { FileModel, type DocEntry, type FileUpdate, type Lines } from './file-model';
import { hostsOf, keysOf, ObjectIndex } from './object-index';

export interface WorkspaceOptions {
  defaultNamespace: string;
  overrides: SeverityOverrides;
  now: () => Date;
  /** The rules to run (all registered rules when absent). */
  rules?: readonly Rule[];
}

/** The index as a store whose answers have current spans (their chunks synced on the way out). */
class SyncingStore implements ObjectStore {
  constructor(private readonly inner: ObjectStore, private readonly sync: (o: KObject) => void) {}

  find: ObjectStore['find'] = (kind, namespace, name) => {
    const r = this.inner.find(kind, namespace, name);
    r.forEach(this.sync);
    return r;
  };

  list: ObjectStore['list'] = (kind, namespace) => {
    const r = this.inner.list(kind, namespace);
    r.forEach(this.sync);
    return r;
  };
}

export class Workspace {
  readonly files = new Map<string, FileModel>();
  readonly index = new ObjectIndex();
  private readonly entryOf = new WeakMap<KObject, DocEntry>();
  private readonly dirty = new Set<DocEntry>();
  private readonly touched = new Set<string>();
  /** Hosts whose Ingresses the workspace rules must look at again; 'all' after settings/cluster changes. */
  private pendingHosts: Set<string> | 'all' = 'all';
  private cluster: ClusterView = {};

  constructor(private opts: WorkspaceOptions) {}

  /** Offset ↔ position conversion of any file the workspace holds. */
  readonly linesOf: LinesOf = (uri) => this.files.get(uri)?.lines;

  /** Adds or replaces a file's text. Parses only chunks whose text changed. */
  setText(uri: string, text: string, open = false, lines?: Lines): void {
    const file = this.fileFor(uri, open);
    this.afterUpdate(file, file.update(text, this.opts.defaultNamespace, lines));
  }

  /** Applies one editor change (old offsets start..end → newText; text is the result). */
  applyEdit(uri: string, start: number, end: number, newText: string, text: string, lines?: Lines): void {
    const file = this.files.get(uri);
    if (!file) return this.setText(uri, text, true, lines);
    this.afterUpdate(file, file.applyEdit(start, end, newText, text, this.opts.defaultNamespace, lines));
  }

  private fileFor(uri: string, open: boolean): FileModel {
    let file = this.files.get(uri);
    if (!file) this.files.set(uri, (file = new FileModel(uri, open)));
    file.open = open || file.open;
    return file;
  }

  private afterUpdate(file: FileModel, { added, removed }: FileUpdate): void {
    const keys = new Set<string>();
    const hosts = this.pendingHosts === 'all' ? undefined : this.pendingHosts;
    /** What a removed or added object affects: its dependents and the Ingresses on its hosts. */
    const affects = (o: KObject) => {
      keysOf(o).forEach((k) => keys.add(k));
      hostsOf(o).forEach((h) => hosts?.add(h));
    };
    for (const e of removed) {
      this.dirty.delete(e);
      for (const o of e.objects) { this.index.remove(o); affects(o); }
    }
    for (const e of added) {
      this.dirty.add(e);
      for (const o of e.objects) { this.index.add(o); this.entryOf.set(o, e); affects(o); }
    }
    this.markDependents(keys);
    this.touched.add(file.uri);
  }

  remove(uri: string): void {
    if (!this.files.has(uri)) return;
    this.setText(uri, '');
    this.files.delete(uri);
  }

  /** Re-checks the objects that read any of these keys (everything when keys is undefined). */
  markDependents(keys?: Iterable<string>): void {
    if (!keys) {
      for (const f of this.files.values()) for (const e of f.entries) this.dirty.add(e);
      this.pendingHosts = 'all';
      return;
    }
    for (const o of this.index.dependentsOf(keys)) {
      const e = this.entryOf.get(o);
      if (e) this.dirty.add(e);
    }
  }

  setCluster(view: ClusterView, keys?: string[]): void {
    this.cluster = view;
    this.markDependents(keys);
    if (keys && this.pendingHosts !== 'all') this.pendingHosts = 'all';
  }

  /** New settings: a namespace change re-reads every object, an override change re-checks all. */
  configure(opts: WorkspaceOptions): void {
    const reparse = opts.defaultNamespace !== this.opts.defaultNamespace;
    this.opts = opts;
    if (reparse) {
      for (const f of [...this.files.values()]) {
        const text = f.text;
        this.setText(f.uri, '');
        this.setText(f.uri, text);
      }
    }
    this.markDependents();
    for (const f of this.files.values()) for (const e of f.entries) e.version++;
  }

  private readonly syncObject = (o: KObject): void => { this.entryOf.get(o)?.sync(); };

  get context(): RuleContext {
    return {
      // A MergedStore as analyze() gives it: rules that look through it to the cluster (live creationTimestamps) see it here too.
      store: new MergedStore(new SyncingStore(this.index, this.syncObject), this.cluster.objects),
      cluster: this.cluster.facts,
      defaultNamespace: this.opts.defaultNamespace,
      now: this.opts.now(),
    };
  }

  /** Runs what is pending; returns the URIs whose diagnostics may have changed. */
  check(): string[] {
    const ctx = this.context;
    const overrides = this.opts.overrides;
    for (const e of this.dirty) {
      e.sync().setFindings(checkObjects(e.objects, ctx, { overrides, rules: this.opts.rules }));
      this.touched.add(e.uri);
    }
    this.dirty.clear();
    this.checkWorkspaceRules(ctx);
    const out = [...this.touched];
    this.touched.clear();
    return out;
  }

  private checkWorkspaceRules(ctx: RuleContext): void {
    const pending = this.pendingHosts;
    this.pendingHosts = new Set();
    if (pending !== 'all' && pending.size === 0) return;
    const group = pending === 'all' ? this.index.list('Ingress') : [...this.index.ingressesFor(pending)];
    group.forEach(this.syncObject);
    const live = (this.cluster.objects?.list('Ingress') ?? []).filter((o) => this.index.find('Ingress', o.namespace, o.name).length === 0
      && (pending === 'all' || hostsOf(o).some((h) => pending.has(h))));
    const before = new Map<DocEntry, string>();
    const clear = (e: DocEntry | undefined) => {
      if (!e || before.has(e)) return;
      before.set(e, JSON.stringify(e.wsFindings));
      e.wsFindings = [];
    };
    if (pending === 'all') for (const f of this.files.values()) f.entries.forEach(clear);
    for (const o of group) clear(this.entryOf.get(o));
    for (const f of checkWorkspace([...group, ...live], ctx, { overrides: this.opts.overrides, rules: this.opts.rules })) {
      const e = this.files.get(f.uri)?.entryAt(f.span.start);
      if (!e) continue;
      clear(e);
      e.wsFindings.push(e.relative(f));
    }
    for (const [e, old] of before) {
      if (JSON.stringify(e.wsFindings) === old) continue;
      e.version++;
      this.touched.add(e.uri);
    }
  }

  /** Every finding of a file, in order; none for a file without Kubernetes objects. */
  findings(uri: string): Finding[] {
    const file = this.files.get(uri);
    if (!file || !file.k8s) return [];
    return file.entries.flatMap((e) => (e.hasFindings ? this.entryFindings(e) : []));
  }

  /** The findings of one chunk (syntax, object and workspace rules), sorted, absolute spans. */
  entryFindings(e: DocEntry): Finding[] {
    const out: Finding[] = e.hasSyntax ? overrideParseFindings(e.syntaxFindings(), this.opts.overrides) : [];
    if (e.findings.length || e.wsFindings.length) for (const f of e.absoluteFindings()) if (f.uri === e.uri) out.push(f);
    return out.sort(compareFindings);
  }

  file(uri: string): FileModel | undefined {
    return this.files.get(uri);
  }

  /** Brings every chunk's spans up to date (before cross-file features read spans). */
  syncAll(): void {
    for (const f of this.files.values()) f.sync();
  }
}
