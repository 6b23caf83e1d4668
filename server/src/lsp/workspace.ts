// The language server's incremental copy of `analyze()`: files parsed chunk by chunk, an
// object index with reverse references, object-rule findings cached per chunk, and the
// workspace rules re-run over the index. `setText` records what changed; `check` re-runs
// the object rules only on new objects and on the objects that depend on a change.
import type { Finding, Severity } from '../ingress/findings';
import { compareFindings } from '../ingress/findings';
import type { KObject } from '../ingress/model';
import { MergedStore } from '../ingress/store';
import { checkObjects, checkWorkspace, type SeverityOverrides } from '../rules/engine';
import type { Rule, RuleContext } from '../rules/rule';
import type { ClusterView } from './cluster-source';
import { FileModel, type DocEntry } from './file-model';
import { keysOf, ObjectIndex } from './object-index';

export interface WorkspaceOptions {
  defaultNamespace: string;
  overrides: SeverityOverrides;
  now: () => Date;
  /** The rules to run (all registered rules when absent). */
  rules?: readonly Rule[];
}

export class Workspace {
  readonly files = new Map<string, FileModel>();
  readonly index = new ObjectIndex();
  private readonly entryOf = new WeakMap<KObject, DocEntry>();
  private readonly dirty = new Set<DocEntry>();
  private readonly touched = new Set<string>();
  private wsFindings = new Map<string, Finding[]>();
  private wsSignature = new Map<string, string>();
  private cluster: ClusterView = {};

  constructor(private opts: WorkspaceOptions) {}

  /** Adds or replaces a file's text. Cheap: parses only chunks whose text changed. */
  setText(uri: string, text: string, open = false): void {
    let file = this.files.get(uri);
    if (!file) this.files.set(uri, (file = new FileModel(uri, open)));
    file.open = open || file.open;
    const { added, removed } = file.update(text, this.opts.defaultNamespace);
    const keys = new Set<string>();
    for (const e of removed) {
      this.dirty.delete(e);
      for (const o of e.objects) { this.index.remove(o); keysOf(o).forEach((k) => keys.add(k)); }
    }
    for (const e of added) {
      this.dirty.add(e);
      for (const o of e.objects) { this.index.add(o); this.entryOf.set(o, e); keysOf(o).forEach((k) => keys.add(k)); }
    }
    this.markDependents(keys);
    this.touched.add(uri);
  }

  remove(uri: string): void {
    if (!this.files.has(uri)) return;
    this.setText(uri, '');
    this.files.delete(uri);
  }

  /** Re-checks the objects that read any of these keys (all objects when keys is undefined). */
  markDependents(keys?: Iterable<string>): void {
    if (!keys) {
      for (const f of this.files.values()) for (const e of f.entries) this.dirty.add(e);
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
  }

  get context(): RuleContext {
    return {
      store: new MergedStore(this.index, this.cluster.objects),
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
      e.setFindings(checkObjects(e.objects, ctx, { overrides, rules: this.opts.rules }));
      this.touched.add(e.uri);
    }
    this.dirty.clear();
    this.checkWorkspaceRules(ctx);
    const out = [...this.touched];
    this.touched.clear();
    return out;
  }

  private checkWorkspaceRules(ctx: RuleContext): void {
    const local = this.index.all();
    const live = (this.cluster.objects?.list('Ingress') ?? []).filter((o) => this.index.find('Ingress', o.namespace, o.name).length === 0);
    const byUri = new Map<string, Finding[]>();
    for (const f of checkWorkspace([...local, ...live], ctx, { overrides: this.opts.overrides, rules: this.opts.rules })) {
      const list = byUri.get(f.uri);
      if (list) list.push(f);
      else byUri.set(f.uri, [f]);
    }
    const signature = new Map<string, string>();
    for (const [uri, list] of byUri) signature.set(uri, JSON.stringify(list));
    for (const uri of new Set([...signature.keys(), ...this.wsSignature.keys()])) {
      if (signature.get(uri) !== this.wsSignature.get(uri)) this.touched.add(uri);
    }
    this.wsFindings = byUri;
    this.wsSignature = signature;
  }

  /** Every finding of a file, sorted; none for a file without Kubernetes objects. */
  findings(uri: string): Finding[] {
    const file = this.files.get(uri);
    if (!file || !file.k8s) return [];
    const syntaxOverride = this.opts.overrides['schema/yaml-syntax'];
    const syntax = syntaxOverride === 'off' ? [] : file.documents.flatMap((d) => d.syntax)
      .map((f) => (syntaxOverride ? { ...f, severity: syntaxOverride as Severity } : f));
    const own = file.entries.flatMap((e) => (e.findings.length ? e.absoluteFindings() : []));
    return [...syntax, ...own.filter((f) => f.uri === uri), ...(this.wsFindings.get(uri) ?? [])].sort(compareFindings);
  }

  file(uri: string): FileModel | undefined {
    return this.files.get(uri);
  }
}
