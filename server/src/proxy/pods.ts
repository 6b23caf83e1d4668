// Upstreams that are ready pods of a Service, reached through the API server's
// port-forward. Round-robin over the ready pods the cluster facts list; a pod whose
// connection failed is skipped for a while (others first), so the next request goes to
// another pod.
import type { Duplex } from 'node:stream';
import type { PodPort } from '../cluster/port-forward';
import type { PodTarget } from '../cluster/facts';
import { targetKey, type Resolution, type ServiceTarget, type UpstreamResolver, type Upstream } from './upstream';

export interface PodSource {
  podTargets(namespace: string, service: string, portName: string): PodTarget[];
}

export interface PodConnector {
  connect(target: PodPort): Promise<Duplex>;
}

/** The Service port's name for a backend port ('' for an unnamed port), undefined when the Service has no such port. */
export type PortNameOf = (target: ServiceTarget) => string | undefined;

export interface PodResolverOptions {
  /** How long a failed pod is passed over while others are ready (ms). */
  cooldownMs?: number;
  now?: () => number;
}

export class PodResolver implements UpstreamResolver {
  private readonly next = new Map<string, number>();
  private readonly failedAt = new Map<string, number>();
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(private readonly facts: PodSource, private readonly forwarder: PodConnector, private readonly portNameOf: PortNameOf, opts: PodResolverOptions = {}) {
    this.cooldownMs = opts.cooldownMs ?? 30_000;
    this.now = opts.now ?? Date.now;
  }

  resolve(target: ServiceTarget, avoid: ReadonlySet<string> = new Set()): Resolution {
    const key = targetKey(target);
    const portName = this.portNameOf(target);
    if (portName === undefined) return { ok: false, status: 503, reason: `Service ${target.namespace}/${target.service} has no port ${target.port} in the cluster` };
    const pods = this.facts.podTargets(target.namespace, target.service, portName)
      .map((p) => this.upstream(target.namespace, p))
      .filter((u) => !avoid.has(u.label));
    if (pods.length === 0) return { ok: false, status: 503, reason: `Service ${key} has no ready pods${avoid.size ? ' left to try' : ''}` };
    const healthy = pods.filter((u) => !this.coolingDown(u.label));
    const pool = healthy.length ? healthy : pods;
    const i = (this.next.get(key) ?? 0) % pool.length;
    this.next.set(key, i + 1);
    return { ok: true, upstream: pool[i]! };
  }

  failed(_target: ServiceTarget, upstream: Upstream): void {
    if (upstream.label.startsWith('pod ')) this.failedAt.set(upstream.label, this.now());
  }

  private coolingDown(label: string): boolean {
    const at = this.failedAt.get(label);
    return at !== undefined && this.now() - at < this.cooldownMs;
  }

  private upstream(namespace: string, p: PodTarget): Upstream {
    const target = { namespace, pod: p.pod, port: p.port };
    return { label: `pod ${namespace}/${p.pod}:${p.port}`, connect: () => this.forwarder.connect(target) };
  }
}
