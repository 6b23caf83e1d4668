// One list+watch cache per resource on client-node's ListWatch (which relists after 410 Gone
// and resumes a watch that ends). Around it: objects are sanitized before anything keeps them,
// errors (refused, reset, 401, 403) restart the informer with back-off, and a cluster-wide
// 403 falls back to the context's namespace.
import { ADD, DELETE, ERROR, ListWatch, UPDATE, Watch, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { Backoff, type BackoffOptions } from './backoff';
import { slim } from './convert';
import { apiRequest, CREDENTIALS_FAILED, CredentialError, statusMessage } from './http';
import { classify, HttpStatusError, resourcePath, type Failure, type ResourceDef } from './resources';

/** `listed`: the cache holds a full list; `synced`: and the watch stream is open. */
export type WatchHealth = { state: 'syncing' } | { state: 'listed' } | { state: 'synced' } | ({ state: 'failed' } & Failure);

export interface WatchHandlers {
  upsert(obj: KubernetesObject): void;
  remove(obj: KubernetesObject): void;
  health(h: WatchHealth): void;
}

export interface WatchOptions {
  /** Watch one namespace only (namespaced kinds). */
  namespace?: string;
  /** Namespace to fall back to when listing across all namespaces is forbidden. */
  fallbackNamespace?: string;
  timeoutMs: number;
  backoff: BackoffOptions;
}

/** client-node's Watch, slimming every object (see slim()) and telling when a watch stream opened. */
class SanitizingWatch extends Watch {
  constructor(kc: KubeConfig, private readonly kind: string, private readonly opened: () => void) {
    super(kc);
  }

  override async watch(path: string, query: Record<string, string | number | boolean | undefined>, cb: (t: string, o: unknown, w: unknown) => void, done: (e: unknown) => void): Promise<AbortController> {
    let failed = false;
    try {
      const ctl = await super.watch(path, query, (t, o, w) => cb(t, t === 'ERROR' ? o : slim(this.kind, o), w), (e) => {
        if (e) failed = true;
        done(e);
      });
      if (!failed) this.opened();
      return ctl;
    } catch {
      // Thrown before the request (credentials could not be had): ListWatch would let this
      // escape as an unhandled rejection. Report it as the watch's end instead.
      done(new CredentialError(CREDENTIALS_FAILED));
      return new AbortController();
    }
  }
}

export class ResourceWatch {
  private lw: ListWatch<KubernetesObject> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly backoff: Backoff;
  private namespace: string | undefined;

  constructor(private readonly kc: KubeConfig, readonly def: ResourceDef, private readonly handlers: WatchHandlers, private readonly opts: WatchOptions) {
    this.backoff = new Backoff(opts.backoff);
    this.namespace = opts.namespace;
  }

  start(): void {
    this.stopped = false;
    this.handlers.health({ state: 'syncing' });
    this.lw = this.makeListWatch();
    this.lw.start().catch((e: unknown) => this.failed(e));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    void this.lw?.stop();
  }

  private makeListWatch(): ListWatch<KubernetesObject> {
    const path = resourcePath(this.def, this.namespace);
    const watch = new SanitizingWatch(this.kc, this.def.kind, () => this.healthy());
    const lw = new ListWatch<KubernetesObject>(path, watch, () => this.list(path), false, undefined, this.def.fieldSelector);
    lw.on(ADD, (o) => this.handlers.upsert(o));
    lw.on(UPDATE, (o) => this.handlers.upsert(o));
    lw.on(DELETE, (o) => this.handlers.remove(o));
    lw.on(ERROR, (e) => this.failed(e));
    return lw;
  }

  private async list(path: string) {
    const res = await apiRequest(this.kc, path, { query: { fieldSelector: this.def.fieldSelector }, timeoutMs: this.opts.timeoutMs });
    if (res.status !== 200) throw new HttpStatusError(res.status, statusMessage(res));
    const body = res.body as { metadata?: { resourceVersion?: string }; items?: KubernetesObject[] };
    const items = (body.items ?? []).map((o) => slim(this.def.kind, o));
    this.handlers.health({ state: 'listed' });
    return { metadata: { resourceVersion: body.metadata?.resourceVersion }, items } as never;
  }

  private healthy(): void {
    this.backoff.reset();
    this.handlers.health({ state: 'synced' });
  }

  private failed(e: unknown): void {
    if (this.stopped) return;
    const f = classify(e);
    if (f.kind === 'forbidden' && !this.namespace && this.def.namespaced && this.opts.fallbackNamespace) {
      this.namespace = this.opts.fallbackNamespace;
      void this.lw?.stop();
      this.start();
      return;
    }
    this.handlers.health({ state: 'failed', ...f });
    clearTimeout(this.timer); // one pending restart at most
    this.timer = setTimeout(() => {
      if (!this.stopped) this.lw?.start().catch((e: unknown) => this.failed(e));
    }, this.backoff.next());
    this.timer.unref?.();
  }
}
