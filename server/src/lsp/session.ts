// The server's state between messages: the project model (server/src/engine), settings, the cluster source, and
// the debounced diagnostics publisher. Handlers read it through the small accessors below.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import {
  ClusterStatusNotification, DEFAULT_SETTINGS, RoutesChangedNotification,
  type InitializationOptions, type IngressLabSettings,
} from '../protocol';
import { noCluster, type ClusterSource } from './cluster-source';
import { DryRunner, DRY_RUN_RULE_ID } from './dry-run';
import { fetchOpenApiDocs, type OpenApiDocs } from './openapi-docs';
import { concatDiagnostics } from './diagnostics-json';
import { fileDiagnostics, relatedUris } from './publish';
import type { Disposable, Runtime } from './runtime';
import { snapshotSource } from './snapshot-source';
import { createProject, type Project } from '../engine/index';
import type { FileModel } from '../engine/file-model';
import { unknownRuleIds } from '../rules/index';

/** Delay between the last edit and the check: keeps fast typing from queueing checks. */
export const DEBOUNCE_MS = 10;

export class Session {
  settings: IngressLabSettings = DEFAULT_SETTINGS;
  readonly project: Project;
  cluster: ClusterSource = noCluster();
  init: InitializationOptions = {};
  folders: string[] = [];
  private timer: Disposable | undefined;
  /** What was last sent per file (non-empty lists), and the file's text then. */
  private readonly published = new Map<string, Diagnostic[]>();
  private readonly sentText = new Map<string, string>();
  /** target uri → the files whose diagnostics have related locations in it. */
  private readonly pointedFrom = new Map<string, Set<string>>();
  private ready: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void)[] = [];
  private clusterGeneration = 0;
  /** uri → the number of its latest disk read (reload): only the latest read's text is taken. */
  private readonly reads = new Map<string, number>();
  /** When the last check ended (ms since the epoch) and how long it took (ms): see schedule. */
  private lastPublish = 0;
  private lastCost = 0;
  /** The unknown rule ids last reported (see reportUnknownRules). */
  private unknownReported = '';
  /** The connected cluster's OpenAPI field docs: fetched once per connection. */
  private openApiDocs: Promise<OpenApiDocs | undefined> | undefined;
  /** Files to publish again though the local check did not touch them (dry-run results). */
  private readonly extra = new Set<string>();
  readonly dryRun = new DryRunner({
    api: () => (this.settings.cluster.dryRun && this.cluster.status().state === 'connected' ? this.cluster.api : undefined),
    ingresses: () => this.project.index.list('Ingress'),
    severity: () => this.settings.rules[DRY_RUN_RULE_ID],
    setTimeout: (cb, ms) => this.runtime.setTimeout(cb, ms),
    republish: (uris) => {
      uris.forEach((u) => this.extra.add(u));
      this.schedule(0);
    },
    log: (message) => this.runtime.log(message),
    report: (message) => {
      this.runtime.log(message);
      void this.connection.window.showWarningMessage(`Ingress Lab: ${message}`);
    },
  });

  constructor(readonly connection: Connection, readonly runtime: Runtime) {
    this.project = createProject(this.projectOptions());
  }

  private projectOptions() {
    return { defaultNamespace: this.settings.defaultNamespace, overrides: this.settings.rules, now: () => this.runtime.now(), profile: this.settings.controllerProfile };
  }

  /** Takes settings without side effects beyond the project and one warning (at initialize: nothing is indexed or connected yet). */
  useSettings(settings: IngressLabSettings): void {
    this.settings = settings;
    this.project.configure(this.projectOptions());
    this.reportUnknownRules();
  }

  /** Rule ids in `ingressLab.rules` that no rule has: said once (a log line and one message) until the set changes. */
  private reportUnknownRules(): void {
    const unknown = unknownRuleIds(this.settings.rules);
    const key = unknown.join(' ');
    if (key === this.unknownReported) return;
    this.unknownReported = key;
    if (!unknown.length) return;
    const message = `ingressLab.rules names ${unknown.length === 1 ? 'a rule that does not exist' : 'rules that do not exist'}: ${unknown.join(', ')} (ignored; see the rule ids in docs/rules.md)`;
    this.runtime.log(message);
    void this.connection.window.showWarningMessage(`Ingress Lab: ${message}`);
  }

  /** New settings; true when their cluster part changed and the cluster was started again. */
  applySettings(settings: IngressLabSettings): boolean {
    const clusterChanged = JSON.stringify(settings.cluster) !== JSON.stringify(this.settings.cluster);
    this.useSettings(settings);
    if (clusterChanged) void this.startCluster();
    this.schedule(0);
    return clusterChanged;
  }

  /** Reads every YAML file of the workspace folders; checks wait until it is done. */
  indexWorkspace(): Promise<void> {
    this.ready = (async () => {
      for (const folder of this.folders) {
        for (const uri of await this.runtime.findYamlFiles(folder)) {
          // One file that fails to load must never keep the files after it unread.
          await this.reload(uri).catch((e: unknown) => this.runtime.log(`${uri} could not be read: ${(e as Error)?.stack ?? e}`));
        }
      }
    })().catch((e: unknown) => this.runtime.log(`indexing failed: ${(e as Error)?.stack ?? e}`));
    this.schedule(0);
    return this.ready;
  }

  inWorkspace(uri: string): boolean {
    const path = URI.parse(uri).path;
    return this.folders.some((f) => path.startsWith(URI.parse(f).path.replace(/\/?$/, '/')));
  }

  /** Re-reads a file from disk unless an editor has it open (the editor's text wins). */
  async reload(uri: string): Promise<void> {
    if (this.project.file(uri)?.open) return;
    const read = (this.reads.get(uri) ?? 0) + 1;
    this.reads.set(uri, read);
    const text = await this.runtime.readFile(uri);
    // Opened, deleted or read again while this read was under way: its text is stale.
    if (this.reads.get(uri) !== read || this.project.file(uri)?.open) return;
    this.reads.delete(uri);
    if (text === undefined) this.project.remove(uri);
    else this.project.setText(uri, text);
    this.schedule(DEBOUNCE_MS);
  }

  /** A file deleted on disk: dropped unless an editor has it open; a read of it under way is let go. */
  deleted(uri: string): void {
    if (this.project.file(uri)?.open) return;
    this.reads.delete(uri);
    this.project.remove(uri);
    this.schedule(DEBOUNCE_MS);
  }

  async startCluster(): Promise<void> {
    const generation = ++this.clusterGeneration;
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
    this.cluster.dispose();
    const cluster = await this.createCluster();
    // A later start (settings changed while this one connected) wins: this one's source is let go.
    if (generation !== this.clusterGeneration) return cluster.dispose();
    this.cluster = cluster;
    this.openApiDocs = undefined;
    const update = (keys?: string[]) => {
      this.project.setCluster(this.cluster.current(), keys);
      this.schedule(DEBOUNCE_MS);
    };
    this.unsubscribe = [
      this.cluster.onDidChange(update),
      this.cluster.onDidChangeStatus((s) => {
        void this.connection.sendNotification(ClusterStatusNotification, s);
        if (s.state === 'connected') {
          this.dryRun.resend();
          this.openApiDocs = undefined;
        }
        this.dryRun.schedule();
      }),
    ];
    update();
    void this.connection.sendNotification(ClusterStatusNotification, this.cluster.status());
  }

  private async createCluster(): Promise<ClusterSource> {
    const snapshot = this.init.clusterSnapshot;
    if (snapshot) {
      const uri = snapshot.includes(':') && !snapshot.startsWith('/') ? snapshot : URI.file(snapshot).toString();
      const text = await this.runtime.readFile(uri);
      if (text === undefined) return noCluster(`Cluster snapshot ${snapshot} could not be read.`, 'unreachable');
      return snapshotSource(uri, URI.parse(uri).path.split('/').pop() ?? snapshot, text);
    }
    if (!this.settings.cluster.enabled) return noCluster();
    return this.runtime.cluster(this.settings.cluster.context);
  }

  /** The cluster's OpenAPI docs if they arrive within ms (a hover never waits longer); else undefined. */
  openApi(ms: number): Promise<OpenApiDocs | undefined> {
    const api = this.cluster.api;
    if (!api || this.cluster.status().state !== 'connected') return Promise.resolve(undefined);
    this.openApiDocs ??= fetchOpenApiDocs((p) => api.get(p)).catch((e: unknown) => {
      this.runtime.log(`reading the cluster's OpenAPI failed: ${(e as Error)?.message ?? e}`);
      return undefined;
    });
    return new Promise((resolve) => {
      const timer = this.runtime.setTimeout(() => resolve(undefined), ms);
      void this.openApiDocs!.then((docs) => { timer.dispose(); resolve(docs); });
    });
  }

  /**
   * Checks and publishes after delay, coalescing the changes that arrive meanwhile. A change
   * arriving while the server is idle is checked at once: a single keystroke does not wait for
   * the debounce, fast typing still does. Idle: no check pending, and the last one ended longer
   * ago than it took (at most DEBOUNCE_MS); a change arriving sooner most likely queued up
   * behind a slow check, with others like it, and waits for them. (Measuring from the end
   * alone made every edit of a client that answers in under 10 ms wait the whole debounce.)
   */
  schedule(delay: number): void {
    const idle = !this.timer && this.runtime.now().getTime() - this.lastPublish >= Math.min(DEBOUNCE_MS, this.lastCost);
    this.timer?.dispose();
    this.timer = this.runtime.setTimeout(() => {
      this.timer = undefined;
      void this.ready.then(() => this.publish());
    }, idle ? 0 : delay);
  }

  private publish(): void {
    const started = this.runtime.now().getTime();
    let uris: string[];
    try {
      uris = this.project.check();
    } catch (e) {
      this.runtime.log(`check failed: ${(e as Error)?.stack ?? e}`);
      return;
    }
    const checked = new Set(uris);
    // Files whose diagnostics point into a changed file: their related locations may have moved.
    const pointing = uris.flatMap((u) => [...(this.pointedFrom.get(u) ?? [])]).filter((u) => !checked.has(u));
    const extra = [...new Set([...this.extra, ...pointing])].filter((u) => !checked.has(u));
    this.extra.clear();
    const routes: string[] = [];
    for (const uri of [...uris, ...extra]) {
      const file = this.project.file(uri);
      // Routes first: a clean Ingress (or HTTPRoute) file that is not open gets no diagnostics, but its routes changed.
      if (checked.has(uri) && (!file || file.entries.some((e) => e.gatewayObjects.length > 0 || e.objects.some((o) => o.kind === 'Ingress')))) routes.push(uri);
      const diagnostics = file ? concatDiagnostics(fileDiagnostics(this.project, file), this.dryRun.diagnostics(file, this.project.linesOf)) : [];
      if (diagnostics.length === 0 && !this.published.has(uri) && !file?.open) continue;
      if (checked.has(uri) ? this.unchanged(uri, file, diagnostics) : sameList(this.published.get(uri), diagnostics)) continue;
      this.track(uri, diagnostics);
      if (file) this.sentText.set(uri, file.text);
      else this.sentText.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    this.dryRun.schedule();
    if (routes.length) void this.connection.sendNotification(RoutesChangedNotification, { uris: routes });
    this.lastPublish = this.runtime.now().getTime();
    this.lastCost = this.lastPublish - started;
  }

  /**
   * A file checked again (it references an object that changed) whose text and diagnostics are
   * the ones last sent: not sent again. The per-chunk cache hands back the same Diagnostic
   * objects while a chunk's findings and line stay put, so identities mostly decide; diagnostics
   * with related locations are made afresh (their targets may have moved) and compared as JSON.
   * A file whose text changed is always sent: an editor may be waiting for it.
   */
  private unchanged(uri: string, file: FileModel | undefined, diagnostics: Diagnostic[]): boolean {
    if (!file || this.sentText.get(uri) !== file.text) return false;
    return sameList(this.published.get(uri) ?? [], diagnostics);
  }

  /** Remembers what was sent for uri and which files its related locations point into. */
  private track(uri: string, diagnostics: Diagnostic[]): void {
    for (const set of this.pointedFrom.values()) set.delete(uri);
    if (diagnostics.length === 0) {
      this.published.delete(uri);
      return;
    }
    this.published.set(uri, diagnostics);
    for (const target of relatedUris(diagnostics)) {
      if (target === uri) continue;
      let set = this.pointedFrom.get(target);
      if (!set) this.pointedFrom.set(target, (set = new Set()));
      set.add(uri);
    }
  }
}

/**
 * The same diagnostics as were sent: the per-chunk cache hands back the same objects while a
 * chunk's findings stay put, so identities mostly decide; otherwise compared as JSON.
 */
function sameList(sent: readonly Diagnostic[] | undefined, diagnostics: readonly Diagnostic[]): boolean {
  if (!sent || sent.length !== diagnostics.length) return false;
  return sent.every((d, i) => d === diagnostics[i]) || JSON.stringify(sent) === JSON.stringify(diagnostics);
}
