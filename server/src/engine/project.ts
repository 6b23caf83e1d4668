// The headless project model every face asks (the CLI's check/route/routes/serve, the language
// server's handlers, the proxy's table): the incremental workspace (files parsed chunk by chunk,
// an object index with reverse references, findings cached per chunk), the cluster view (live
// or snapshot objects and facts, layered under the workspace's), the one route table and the
// rule registry with severity overrides. Built by createProject() with all I/O left to the
// caller (files arrive as text, the cluster as a ClusterView), in the style of
// vscode-json-languageservice. An edit re-runs the object rules only on new objects and on the
// objects that depend on a change, and the workspace rules (conflicts) only on the Ingresses
// that share a host with a changed Ingress. Gateway API objects are kept per chunk (their table:
// gatewayTable()); HTTPRoutes converted from Ingresses are proved against them again
// (gateway/route-differs, converted-routes.ts) only for the Ingresses on the hosts a change touched.
import { compareFindings, type Finding } from '../ingress/findings';
import type { KObject } from '../ingress/model';
import { buildRouteTree, lookup, type LookupOptions, type RouteResult, type RouteTable, type RouteTree } from '../ingress/routing/index';
import { selectProfile } from '../ingress/routing/profiles/select';
import type { ControllerProfile, ProfileSetting } from '../ingress/routing/profiles/types';
import { MergedStore, type ObjectStore } from '../ingress/store';
import { brokenSpans, outsideBroken } from '../ingress/yaml-errors';
import { checkObjects, checkWorkspace, withOverride, type SeverityOverrides } from '../rules/engine';
import type { ClusterFacts, Rule, RuleContext } from '../rules/rule';
import { yamlAlias } from '../rules/schema/yaml-alias';
import { routeDiffers } from '../rules/gateway/route-differs';
import type { Span } from '../ingress/source';
import { anchorSpan, FileModel, type DocEntry, type FileUpdate, type Lines } from './file-model';
import { hostsOf, keysOf, ObjectIndex, wildcardOf } from './object-index';
import { projectRouteTable, type TableScope } from './routes';
import { convertedFrom } from '../gateway/difference-findings';
import { convertedRouteFindings, dirtyConversions } from './converted-routes';
import type { GatewayObject } from '../gateway/model';
import { servedGatewayObjects } from '../gateway/served';
import { gatewayTableOfObjects, type GatewayTable } from '../gateway/table';

export interface ProjectOptions {
  defaultNamespace: string;
  overrides: SeverityOverrides;
  now: () => Date;
  /** The rules to run (all registered rules when absent). */
  rules?: readonly Rule[];
  /** The controller profile the checks that route requests use (gateway/route-differs; default auto). */
  profile?: ProfileSetting;
}

/** What the project knows of a cluster: its objects (under the workspace's) and live facts. */
export interface ClusterView {
  objects?: ObjectStore;
  facts?: ClusterFacts;
}

/** Finds the line index of a file the project holds (for related locations); undefined when unknown. */
export type LinesOf = (uri: string) => Lines | undefined;

export class Project {
  readonly files = new Map<string, FileModel>();
  readonly index = new ObjectIndex();
  private readonly entryOf = new WeakMap<KObject, DocEntry>();
  private readonly dirty = new Set<DocEntry>();
  private readonly touched = new Set<string>();
  /** Hosts whose Ingresses the workspace rules must look at again; 'all' after settings/cluster changes. */
  private pendingHosts: Set<string> | 'all' = 'all';
  private clusterView: ClusterView = {};
  /** The full route table, dropped whenever an Ingress, an IngressClass or the cluster changes. */
  private table: RouteTable | undefined;
  /** Chunks holding HTTPRoutes or Gateways, and their route table (dropped when one of them changes). */
  private readonly gatewayEntries = new Set<DocEntry>();
  private gwTable: GatewayTable | undefined;
  /** Chunks holding gateway/route-differs findings; the Ingresses ("ns/name") whose converted routes must be proved again, and their hosts (converted-routes.ts HOST_KEY). */
  private readonly gwHolders = new Set<DocEntry>();
  private convertedDirty: Set<string> | 'all' = 'all';

  constructor(private opts: ProjectOptions) {}

  get options(): Readonly<ProjectOptions> {
    return this.opts;
  }

  /** Offset ↔ position conversion of any file the project holds. */
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
    /** What a removed or added object affects: its dependents, the Ingresses on its hosts, the route table. */
    const affects = (o: KObject) => {
      keysOf(o).forEach((k) => keys.add(k));
      hostsOf(o).forEach((h) => hosts?.add(h));
      if (o.kind === 'Ingress' || o.kind === 'IngressClass') this.table = undefined;
      // The default class decides which Ingresses share a controller, on every host.
      if (o.kind === 'IngressClass') this.pendingHosts = 'all';
    };
    for (const e of [...removed, ...added]) {
      if (e.gatewayObjects.length) this.gwTable = undefined;
      this.convertedDirty = dirtyConversions(this.convertedDirty, e);
    }
    for (const e of removed) {
      this.gatewayEntries.delete(e);
      this.gwHolders.delete(e);
      this.dirty.delete(e);
      for (const o of e.objects) { this.index.remove(o); affects(o); }
    }
    for (const e of added) {
      if (e.gatewayObjects.length) this.gatewayEntries.add(e);
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

  /** New cluster objects or facts; keys (`Kind/ns/name`) when known, else everything is re-checked. */
  setCluster(view: ClusterView, keys?: string[]): void {
    this.clusterView = view;
    this.table = undefined;
    this.convertedDirty = 'all';
    this.markDependents(keys);
    if (keys && this.pendingHosts !== 'all') this.pendingHosts = 'all';
  }

  get cluster(): ClusterView {
    return this.clusterView;
  }

  /** New settings: a namespace change re-reads every object, an override change re-checks all. */
  configure(opts: ProjectOptions): void {
    const reparse = opts.defaultNamespace !== this.opts.defaultNamespace;
    this.opts = opts;
    this.convertedDirty = 'all';
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

  /** Workspace objects layered over cluster objects: the workspace copy is what is about to be applied. */
  get store(): ObjectStore {
    return new MergedStore(this.index, this.clusterView.objects);
  }

  /** The route table of every Ingress in scope (workspace and live), built once per change. */
  routeTable(scope?: TableScope): RouteTable {
    if (scope) return projectRouteTable({ workspace: this.index, cluster: this.clusterView.objects }, scope);
    this.table ??= projectRouteTable({ workspace: this.index, cluster: this.clusterView.objects });
    return this.table;
  }

  /** Where a request goes, with the trace: the one matcher on the one table. */
  route(host: string, path: string, opts?: LookupOptions & TableScope): RouteResult {
    const table = opts?.ingressClass !== undefined ? this.routeTable({ ingressClass: opts.ingressClass }) : this.routeTable();
    return lookup(table, host, path, opts);
  }

  routeTree(scope?: TableScope): RouteTree {
    return buildRouteTree(this.routeTable(scope));
  }

  /**
   * The controller profile for one of the project's tables: as set (the project's own setting
   * unless a face, such as `route --profile`, names one), or (auto) picked from its Ingresses and
   * the IngressClasses.
   */
  profile(setting: ProfileSetting = this.opts.profile ?? 'auto', table: RouteTable = this.routeTable()): ControllerProfile {
    return selectProfile(setting, table.ingresses, this.store.list('IngressClass'));
  }

  /**
   * What the proxy serves beside a route table (`serve`, the editor's proxy through the server):
   * the controller profile and the Gateway API set (the table's Ingresses converted, plus the
   * workspace's own HTTPRoutes and Gateways, server/src/gateway/served.ts).
   */
  servedSets(setting?: ProfileSetting, table: RouteTable = this.routeTable()): { profile: ControllerProfile; gatewayObjects: GatewayObject[] } {
    const profile = this.profile(setting, table);
    return { profile, gatewayObjects: servedGatewayObjects(table, this.store.list('Service'), profile, this.gatewayObjects()) };
  }

  /** The rule context, its route table being the project's (or one over `ingresses`, built by the same builder). */
  context(ingresses?: readonly KObject[]): RuleContext {
    let table: RouteTable | undefined;
    const only = ingresses?.filter((o) => o.kind === 'Ingress');
    return {
      store: this.store,
      cluster: this.clusterView.facts,
      defaultNamespace: this.opts.defaultNamespace,
      now: this.opts.now(),
      sourceText: (uri) => this.files.get(uri)?.text,
      routes: () => (table ??= only ? this.routeTable({ ingresses: only }) : this.routeTable()),
    };
  }

  /** Runs what is pending; returns the URIs whose findings may have changed. */
  check(): string[] {
    const ctx = this.context();
    const { overrides, rules } = this.opts;
    for (const e of this.dirty) {
      e.setFindings(checkObjects(e.objects, ctx, { overrides, rules }).map((f) => this.anchored(f, e)));
      this.touched.add(e.uri);
    }
    this.dirty.clear();
    this.checkWorkspaceRules();
    this.checkConvertedRoutes();
    const out = [...this.touched];
    this.touched.clear();
    return out;
  }

  /**
   * What the workspace rules look at again. `changed`: the Ingresses on the pending hosts (and
   * the host-less ones, which serve every host); their findings are replaced. `scope`: every
   * Ingress, workspace or live, on any host of those: the table their findings are computed on,
   * so a changed Ingress's other hosts are judged with everything routed there too.
   */
  private pendingGroup(pending: Set<string> | 'all'): { changed: Set<KObject>; scope: KObject[] } {
    if (pending === 'all') {
      const all = [...this.index.list('Ingress'), ...this.liveIngresses(undefined)];
      return { changed: new Set(all), scope: all };
    }
    const changed = new Set<KObject>(this.index.ingressesFor([...pending, '']));
    // A rule without host serves every host: when one comes or goes, any TLS host may become served or unused.
    if (pending.has('')) for (const o of this.index.list('Ingress')) if (o.tls.length > 0) changed.add(o);
    const hosts = new Set([...pending, '']);
    for (const o of changed) for (const h of hostsOf(o)) hosts.add(h);
    return { changed, scope: [...this.index.ingressesFor(hosts), ...this.liveIngresses(hosts)] };
  }

  /** Live Ingresses the workspace does not redefine, on one of these hosts (or a wildcard relation of one) when given. */
  private liveIngresses(hosts: Set<string> | undefined): KObject[] {
    const related = hosts && new Set([...hosts].flatMap((h) => [h, wildcardOf(h) ?? h]));
    return (this.clusterView.objects?.list('Ingress') ?? []).filter((o) => this.index.find('Ingress', o.namespace, o.name).length === 0
      && (!related || hostsOf(o).some((h) => h === '' || related.has(h) || related.has(wildcardOf(h) ?? h))));
  }

  private checkWorkspaceRules(): void {
    const pending = this.pendingHosts;
    this.pendingHosts = new Set();
    if (pending !== 'all' && pending.size === 0) return;
    const { changed, scope } = this.pendingGroup(pending);
    const before = new Map<DocEntry, string>();
    const clear = (e: DocEntry | undefined) => {
      if (!e || before.has(e)) return;
      before.set(e, JSON.stringify(e.wsFindings));
      e.wsFindings = [];
    };
    if (pending === 'all') for (const f of this.files.values()) f.entries.forEach(clear);
    for (const o of changed) clear(this.entryOf.get(o));
    const ctx = this.context(pending === 'all' ? undefined : scope);
    for (const f of checkWorkspace(scope, ctx, { overrides: this.opts.overrides, rules: this.opts.rules })) {
      const e = this.files.get(f.uri)?.entryAt(f.span.start);
      // Findings of Ingresses outside `changed` are unchanged: theirs stay as they were.
      if (!e || !before.has(e)) continue;
      e.wsFindings.push(this.anchored(f, e));
    }
    for (const [e, old] of before) {
      if (JSON.stringify(e.wsFindings) === old) continue;
      e.version++;
      this.touched.add(e.uri);
    }
  }

  /** The workspace's HTTPRoutes and Gateways, gathered from the chunks that read them (Gateway API objects are not in the object index). */
  gatewayObjects(): GatewayObject[] {
    if (!this.gatewayEntries.size) return [];
    // In file and document order, as read (never parsed again).
    return [...this.files.values()].flatMap((f) => f.entries.flatMap((e) => e.gatewayObjects));
  }

  /** The Gateway API route table of the workspace's HTTPRoutes and Gateways, built once per change. */
  gatewayTable(): GatewayTable {
    this.gwTable ??= gatewayTableOfObjects(this.gatewayObjects());
    return this.gwTable;
  }

  /** gateway/route-differs on the converted HTTPRoutes, after any change (cheap when there are none). */
  private checkConvertedRoutes(): void {
    const dirty = this.convertedDirty;
    if (dirty !== 'all' && dirty.size === 0) return;
    this.convertedDirty = new Set();
    const objects = this.gatewayObjects();
    const off = this.opts.overrides[routeDiffers.id] === 'off';
    const { scope, findings: found } = objects.length && !off ? convertedRouteFindings(this, objects, dirty) : { scope: undefined, findings: [] };
    // The chunks whose routes were proved again (all of them when scope is undefined) drop their old findings.
    const redo = [...this.gwHolders].filter((e) => !scope || e.gatewayObjects.some((o) => scope.has(convertedFrom(o) ?? '')));
    const before = new Map(redo.map((e) => [e, JSON.stringify(e.gwFindings)] as const));
    for (const e of redo) { e.gwFindings = []; this.gwHolders.delete(e); }
    for (const f of found) {
      const e = this.files.get(f.uri)?.entryAt(f.span.start);
      const g = e && withOverride(f, this.opts.overrides);
      if (!e || !g) continue;
      e.gwFindings.push(this.anchored(g, e));
      this.gwHolders.add(e);
    }
    for (const e of new Set([...before.keys(), ...this.gwHolders])) {
      if (JSON.stringify(e.gwFindings) === (before.get(e) ?? '[]')) continue;
      e.version++;
      this.touched.add(e.uri);
    }
  }

  /** A finding whose spans stay current: anchored to its chunk, its related locations to theirs. */
  private anchored(f: Finding, at: DocEntry): Finding {
    const out = { ...f, span: anchorSpan(f.span, at) };
    if (f.related) out.related = f.related.map((r) => ({ ...r, span: this.anchorIn(r.uri, r.span) }));
    return out;
  }

  private anchorIn(uri: string, span: Span): Span {
    const e = this.files.get(uri)?.entryAt(span.start);
    return e ? anchorSpan(span, e) : span;
  }

  /**
   * Every finding of a file, in order, the same in every face. A file with no document that
   * looks like a Kubernetes object (apiVersion or kind) is no manifest: only aliases the API
   * server refuses (a hostile file anywhere in the folder) are reported there.
   */
  findings(uri: string): Finding[] {
    const file = this.files.get(uri);
    if (!file) return [];
    const all = file.entries.flatMap((e) => (e.hasFindings ? this.entryFindings(e) : []));
    return file.k8s ? all : all.filter((f) => f.ruleId === yamlAlias.id);
  }

  /** Every finding of every file, sorted (what `check` prints). */
  allFindings(): Finding[] {
    return [...this.files.keys()].flatMap((u) => this.findings(u)).sort(compareFindings);
  }

  /** The findings of one chunk (syntax, object and workspace rules), sorted, spans current. */
  entryFindings(e: DocEntry): Finding[] {
    const out: Finding[] = [];
    for (const f of e.syntaxFindings()) {
      const g = withOverride(f, this.opts.overrides);
      if (g) out.push(g);
    }
    // Rule findings inside a document with a YAML error describe the misread tree (ingress/yaml-errors.ts).
    const outside = outsideBroken(e.hasSyntax ? brokenSpans(e.docs) : []);
    if (e.findings.length || e.wsFindings.length || e.gwFindings.length) for (const f of e.currentFindings()) if (f.uri === e.uri && outside(f)) out.push(f);
    return out.sort(compareFindings);
  }

  /** Every object the workspace files hold. */
  workspaceObjects(): KObject[] {
    return [...this.files.values()].flatMap((f) => f.objects);
  }

  file(uri: string): FileModel | undefined {
    return this.files.get(uri);
  }
}

export function createProject(opts: Partial<ProjectOptions> = {}): Project {
  return new Project({ defaultNamespace: opts.defaultNamespace ?? 'default', overrides: opts.overrides ?? {}, now: opts.now ?? (() => new Date()), rules: opts.rules, profile: opts.profile });
}
