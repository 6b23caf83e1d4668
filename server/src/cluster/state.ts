// ClusterState: the live cluster as the rules see it. Probes the API server, runs one
// informer per resource, keeps Ingresses/Services/Secrets/IngressClasses as model objects
// (a ClusterObjects store) and Pods/EndpointSlices as facts, and reports one status.
import type { KubernetesObject } from '@kubernetes/client-node';
import { objectKey, type KnownKind } from '../ingress/model';
import { ClusterObjects } from '../ingress/store';
import { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { clusterUri, toKObject } from './convert';
import { FactsIndex } from './facts';
import { apiRequest, statusMessage } from './http';
import { ResourceWatch, type WatchHealth } from './informer';
import type { LoadedKubeconfig } from './kubeconfig';
import { classify, HttpStatusError, RESOURCES, type WatchedKind } from './resources';
import { describeStatus, type ClusterStatus } from './status';

export interface ClusterStateOptions {
  /** Watch only this namespace (namespaced kinds); default: all namespaces. */
  namespace?: string;
  /** Time-out of one request (probe, list). */
  timeoutMs?: number;
  backoff?: BackoffOptions;
  /** Keep probing with back-off while the API server cannot be reached (long-running hosts). */
  retry?: boolean;
}

/**
 * The object whose checks a change affects: itself, the Service of an EndpointSlice, or
 * unknown (a Pod may match any selector; an IngressClass, e.g. a new default, any Ingress).
 */
function changedKey(kind: WatchedKind, o: KubernetesObject): string | undefined {
  const ns = o.metadata?.namespace ?? '';
  if (kind === 'Pod' || kind === 'IngressClass') return undefined;
  if (kind === 'EndpointSlice') {
    const svc = o.metadata?.labels?.['kubernetes.io/service-name'];
    return svc ? objectKey('Service', ns, svc) : undefined;
  }
  return objectKey(kind, ns, o.metadata?.name ?? '');
}

export class ClusterState {
  readonly objects = new ClusterObjects();
  readonly facts: FactsIndex;
  private readonly health = new Map<WatchedKind, WatchHealth>();
  private readonly watches: ResourceWatch[] = [];
  private readonly statusListeners = new Set<(s: ClusterStatus) => void>();
  private readonly changeListeners = new Set<(keys: string[] | undefined) => void>();
  /** Keys (`Kind/ns/name`) changed since the last notification; undefined: anything may have. */
  private pending: Set<string> | undefined | null = null;
  private version = '';
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly probeBackoff: Backoff;
  private current: ClusterStatus;

  constructor(readonly config: LoadedKubeconfig, private readonly opts: ClusterStateOptions = {}) {
    this.facts = new FactsIndex(`cluster context ${config.context}`);
    this.current = { state: 'connecting', context: config.context, server: config.server };
    this.probeBackoff = new Backoff(opts.backoff ?? DEFAULT_BACKOFF);
  }

  get status(): ClusterStatus {
    return this.current;
  }

  /** Called when the status line changes (not on every event). */
  onStatus(listener: (s: ClusterStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /**
   * Called (coalesced per tick) after cluster objects changed, with the keys (`Kind/ns/name`,
   * as objectKey) of the objects whose checks may change; undefined when any may (a Pod or an
   * IngressClass changed).
   */
  onChange(listener: (keys: string[] | undefined) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Probes /version; when it answers, starts the informers and waits for their first list. */
  async start(): Promise<ClusterStatus> {
    this.stopped = false;
    const probe = await this.probe();
    if (this.stopped) return this.current;
    if (probe) {
      this.setStatus(probe);
      if (this.opts.retry) {
        this.retryTimer = setTimeout(() => void this.start(), this.probeBackoff.next());
        this.retryTimer.unref?.();
      }
      return probe;
    }
    this.probeBackoff.reset();
    // Wait for every watch to open (or fail); a watch whose headers never come (a buffering
    // proxy) must not hang the caller: after the time-out a full list is enough.
    const firstRound = Promise.all(RESOURCES.map((def) => this.startWatch(def)));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.opts.timeoutMs ?? 15_000);
      timer.unref?.();
    });
    await Promise.race([firstRound, deadline]);
    clearTimeout(timer);
    this.recompute(true);
    return this.current;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    for (const w of this.watches.splice(0)) w.stop();
  }

  private async probe(): Promise<ClusterStatus | undefined> {
    const { context, server } = this.config;
    try {
      const res = await apiRequest(this.config.kc, '/version', { timeoutMs: this.opts.timeoutMs });
      if (res.status === 401) return { state: 'unauthorized', context, server, message: statusMessage(res) };
      // RBAC may hide /version (it is public by default): the informers then tell what works.
      if (res.status === 403) this.version = 'unknown version';
      else if (res.status !== 200) throw new HttpStatusError(res.status, statusMessage(res));
      else this.version = String((res.body as { gitVersion?: string }).gitVersion ?? 'unknown version');
      return undefined;
    } catch (e) {
      const f = classify(e);
      return { state: f.kind === 'unauthorized' ? 'unauthorized' : 'unreachable', context, server, message: f.message };
    }
  }

  /** Starts one informer; resolves at its first verdict (synced or failed). */
  private startWatch(def: (typeof RESOURCES)[number]): Promise<void> {
    return new Promise((resolve) => {
      const w = new ResourceWatch(this.config.kc, def, {
        upsert: (o) => this.upsert(def.kind, o),
        remove: (o) => this.remove(def.kind, o),
        health: (h) => {
          this.health.set(def.kind, h);
          this.recompute();
          if (h.state === 'synced' || h.state === 'failed') resolve();
        },
      }, {
        namespace: this.opts.namespace,
        fallbackNamespace: this.config.namespace,
        timeoutMs: this.opts.timeoutMs ?? 15_000,
        backoff: this.opts.backoff ?? DEFAULT_BACKOFF,
      });
      this.watches.push(w);
      w.start();
    });
  }

  private upsert(kind: WatchedKind, o: KubernetesObject): void {
    if (kind === 'Pod') this.facts.upsertPod(o);
    else if (kind === 'EndpointSlice') this.facts.upsertEndpointSlice(o);
    else {
      const m = o.metadata ?? {};
      const obj = toKObject(o, kind, clusterUri(this.config.context, kind, m.namespace, m.name ?? ''));
      if (obj) this.objects.upsert(obj);
    }
    this.changed(kind, o);
  }

  private remove(kind: WatchedKind, o: KubernetesObject): void {
    const ns = o.metadata?.namespace ?? '';
    const name = o.metadata?.name ?? '';
    if (kind === 'Pod') this.facts.deletePod(ns, name);
    else if (kind === 'EndpointSlice') this.facts.deleteEndpointSlice(ns, name);
    else this.objects.delete(kind as KnownKind, kind === 'IngressClass' ? '' : ns, name);
    this.changed(kind, o);
  }

  private changed(kind: WatchedKind, o: KubernetesObject): void {
    const first = this.pending === null;
    const key = changedKey(kind, o);
    if (this.pending !== undefined) {
      if (key === undefined) this.pending = undefined;
      else (this.pending ??= new Set()).add(key);
    }
    if (!first) return;
    queueMicrotask(() => {
      const keys = this.pending ? [...this.pending] : undefined;
      this.pending = null;
      for (const l of this.changeListeners) l(keys);
    });
  }

  /** Derives the one status line from every informer's health (listed counts once `final`). */
  private recompute(final = false): void {
    const { context, server } = this.config;
    const pending = (h: WatchHealth) => h.state === 'syncing' || (h.state === 'listed' && !final);
    const settled = this.health.size === RESOURCES.length && ![...this.health.values()].some(pending);
    if (this.current.state === 'connecting' && !settled) return;
    const failures = [...this.health.values()].filter((h): h is Extract<WatchHealth, { state: 'failed' }> => h.state === 'failed');
    const unauthorized = failures.find((f) => f.kind === 'unauthorized');
    const unreachable = failures.find((f) => f.kind === 'unreachable' || f.kind === 'other');
    this.facts.unavailable.clear();
    const forbidden: string[] = [];
    for (const [kind, h] of this.health) {
      if (h.state === 'failed' && h.kind === 'forbidden') {
        this.facts.unavailable.add(kind);
        forbidden.push(RESOURCES.find((r) => r.kind === kind)!.plural);
      }
    }
    if (unauthorized) this.setStatus({ state: 'unauthorized', context, server, message: unauthorized.message });
    else if (unreachable) this.setStatus({ state: 'unreachable', context, server, message: unreachable.message });
    else this.setStatus({ state: 'connected', context, server, version: this.version, forbidden: forbidden.sort() });
  }

  private setStatus(s: ClusterStatus): void {
    if (describeStatus(s) === describeStatus(this.current)) return;
    this.current = s;
    for (const l of this.statusListeners) l(s);
  }
}
