// The server's state between messages: the workspace model, settings, the cluster source, and
// the debounced diagnostics publisher. Handlers read it through the small accessors below.
import type { Connection } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import {
  ClusterStatusNotification, DEFAULT_SETTINGS, RoutesChangedNotification,
  type InitializationOptions, type IngressLabSettings,
} from '../protocol';
import { noCluster, type ClusterSource } from './cluster-source';
import { DryRunner, DRY_RUN_RULE_ID } from './dry-run';
import { fetchOpenApiDocs, type OpenApiDocs } from './openapi-docs';
import { fileDiagnostics } from './publish';
import type { Disposable, Runtime } from './runtime';
import { snapshotSource } from './snapshot-source';
import { Workspace } from './workspace';

/** Delay between the last edit and the check: keeps fast typing from queueing checks. */
export const DEBOUNCE_MS = 10;

export class Session {
  settings: IngressLabSettings = DEFAULT_SETTINGS;
  readonly workspace: Workspace;
  cluster: ClusterSource = noCluster();
  init: InitializationOptions = {};
  folders: string[] = [];
  private timer: Disposable | undefined;
  private readonly published = new Set<string>();
  private ready: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void)[] = [];
  private clusterGeneration = 0;
  /** The connected cluster's OpenAPI field docs: fetched once per connection. */
  private openApiDocs: Promise<OpenApiDocs | undefined> | undefined;
  /** Files to publish again though the local check did not touch them (dry-run results). */
  private readonly extra = new Set<string>();
  readonly dryRun = new DryRunner({
    api: () => (this.settings.cluster.dryRun && this.cluster.status().state === 'connected' ? this.cluster.api : undefined),
    ingresses: () => this.workspace.index.list('Ingress'),
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
    this.workspace = new Workspace(this.workspaceOptions());
  }

  private workspaceOptions() {
    return { defaultNamespace: this.settings.defaultNamespace, overrides: this.settings.rules, now: () => this.runtime.now() };
  }

  /** Takes settings without side effects beyond the workspace (at initialize: nothing is indexed or connected yet). */
  useSettings(settings: IngressLabSettings): void {
    this.settings = settings;
    this.workspace.configure(this.workspaceOptions());
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
    if (this.workspace.file(uri)?.open) return;
    const text = await this.runtime.readFile(uri);
    if (text === undefined) this.workspace.remove(uri);
    else this.workspace.setText(uri, text);
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
      this.workspace.setCluster(this.cluster.current(), keys);
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

  schedule(delay: number): void {
    this.timer?.dispose();
    this.timer = this.runtime.setTimeout(() => {
      this.timer = undefined;
      void this.ready.then(() => this.publish());
    }, delay);
  }

  private publish(): void {
    let uris: string[];
    try {
      uris = this.workspace.check();
    } catch (e) {
      this.runtime.log(`check failed: ${(e as Error)?.stack ?? e}`);
      return;
    }
    const checked = new Set(uris);
    const extra = [...this.extra].filter((u) => !checked.has(u));
    this.extra.clear();
    const routes: string[] = [];
    for (const uri of [...uris, ...extra]) {
      const file = this.workspace.file(uri);
      // Routes first: a clean Ingress file that is not open gets no diagnostics, but its routes changed.
      if (checked.has(uri) && (!file || file.entries.some((e) => e.objects.some((o) => o.kind === 'Ingress')))) routes.push(uri);
      const diagnostics = file ? [...fileDiagnostics(this.workspace, file), ...this.dryRun.diagnostics(file, this.workspace.linesOf)] : [];
      if (diagnostics.length === 0 && !this.published.has(uri) && !file?.open) continue;
      if (diagnostics.length) this.published.add(uri);
      else this.published.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    this.dryRun.schedule();
    if (routes.length) void this.connection.sendNotification(RoutesChangedNotification, { uris: routes });
  }
}
