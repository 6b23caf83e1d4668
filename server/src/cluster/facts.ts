// Live facts rules ask about (ready endpoints, pods a selector matches) kept as small
// summaries of EndpointSlices and Pods. Fed by the informers or by a snapshot file. No I/O.
import type { ClusterFacts } from '../rules/rule';
import type { KnownKind } from '../ingress/model';

type Json = Record<string, unknown>;
type Unavailable = KnownKind | 'Pod' | 'EndpointSlice';

interface Meta { namespace: string; name: string; labels: Record<string, string> }

export function metaOf(o: unknown): Meta {
  const m = ((o as Json)?.metadata ?? {}) as Json;
  return {
    namespace: typeof m.namespace === 'string' ? m.namespace : 'default',
    name: typeof m.name === 'string' ? m.name : '',
    labels: (m.labels && typeof m.labels === 'object' ? m.labels : {}) as Record<string, string>,
  };
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** A ready endpoint that is a pod, with the slice's ports (already resolved to container ports). */
export interface PodTarget {
  pod: string;
  /** Port for the Service port's name (`''` for an unnamed port). */
  port: number;
}

interface SliceSummary {
  ready: number;
  total: number;
  /** Names of the ready endpoints that are pods. */
  readyPods: string[];
  /** Slice port name → port number. */
  ports: Map<string, number>;
  /** Every endpoint: its pod's name (its address when it is no pod) and readiness. */
  endpoints: { name: string; ready: boolean }[];
}

function sliceSummary(slice: unknown): SliceSummary {
  const eps = Array.isArray((slice as Json).endpoints) ? ((slice as Json).endpoints as Json[]) : [];
  // EndpointConditions.ready: "nil should be interpreted as true".
  const readyEps = eps.filter((e) => (e.conditions as Json | undefined)?.ready !== false);
  const readyPods = readyEps.map((e) => e.targetRef as Json | undefined).filter((r) => r?.kind === 'Pod' && typeof r.name === 'string').map((r) => r!.name as string);
  const ports = new Map<string, number>();
  for (const p of (Array.isArray((slice as Json).ports) ? (slice as Json).ports : []) as Json[]) {
    if (typeof p.port === 'number') ports.set(typeof p.name === 'string' ? p.name : '', p.port);
  }
  const endpoints = eps.map((e) => ({ name: endpointName(e), ready: (e.conditions as Json | undefined)?.ready !== false }));
  return { ready: readyEps.length, total: eps.length, readyPods, ports, endpoints };
}

function endpointName(e: Json): string {
  const ref = e.targetRef as Json | undefined;
  if (ref?.kind === 'Pod' && typeof ref.name === 'string') return ref.name;
  return Array.isArray(e.addresses) && typeof e.addresses[0] === 'string' ? e.addresses[0] : '?';
}

function podIsLive(pod: unknown): boolean {
  const phase = ((pod as Json).status as Json | undefined)?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

export class FactsIndex implements ClusterFacts {
  readonly unavailable = new Set<Unavailable>();
  private readonly slices = new Map<string, Map<string, SliceSummary>>();
  private readonly pods = new Map<string, Map<string, Record<string, string>>>();

  constructor(public source: string) {}

  upsertEndpointSlice(slice: unknown): void {
    const m = metaOf(slice);
    const svc = m.labels[SERVICE_NAME_LABEL];
    this.deleteEndpointSlice(m.namespace, m.name);
    if (!svc) return;
    const key = `${m.namespace}/${svc}`;
    const byName = this.slices.get(key) ?? new Map();
    byName.set(m.name, sliceSummary(slice));
    this.slices.set(key, byName);
  }

  deleteEndpointSlice(namespace: string, name: string): void {
    for (const [key, byName] of this.slices) {
      if (!key.startsWith(`${namespace}/`) || !byName.delete(name)) continue;
      if (byName.size === 0) this.slices.delete(key);
    }
  }

  upsertPod(pod: unknown): void {
    const m = metaOf(pod);
    const ns = this.pods.get(m.namespace) ?? new Map();
    if (podIsLive(pod)) ns.set(m.name, { ...m.labels });
    else ns.delete(m.name);
    this.pods.set(m.namespace, ns);
  }

  deletePod(namespace: string, name: string): void {
    this.pods.get(namespace)?.delete(name);
  }

  /** Forget every EndpointSlice or Pod (before a relist replaces them). */
  clear(kind: 'EndpointSlice' | 'Pod'): void {
    (kind === 'Pod' ? this.pods : this.slices).clear();
  }

  endpoints(namespace: string, service: string): { ready: number; total: number } | undefined {
    if (this.unavailable.has('EndpointSlice')) return undefined;
    let ready = 0;
    let total = 0;
    for (const s of this.slices.get(`${namespace}/${service}`)?.values() ?? []) {
      ready += s.ready;
      total += s.total;
    }
    return { ready, total };
  }

  /** The endpoints behind a Service (pods by name, readiness), sorted by name. */
  podsOf(namespace: string, service: string): { name: string; ready: boolean }[] | undefined {
    if (this.unavailable.has('EndpointSlice')) return undefined;
    const all = [...this.slices.get(`${namespace}/${service}`)?.values() ?? []].flatMap((s) => s.endpoints);
    return all.sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Ready pods behind a Service port, with the container port to reach on each (what a
   * port-forward needs). `portName` is the Service port's name, `''` when it has none.
   */
  podTargets(namespace: string, service: string, portName: string): PodTarget[] {
    const out: PodTarget[] = [];
    for (const s of this.slices.get(`${namespace}/${service}`)?.values() ?? []) {
      const port = s.ports.get(portName);
      if (port !== undefined) for (const pod of s.readyPods) out.push({ pod, port });
    }
    return out;
  }

  podsMatching(namespace: string, selector: Record<string, string>): number | undefined {
    if (this.unavailable.has('Pod')) return undefined;
    let n = 0;
    for (const labels of this.pods.get(namespace)?.values() ?? []) {
      if (Object.entries(selector).every(([k, v]) => labels[k] === v)) n++;
    }
    return n;
  }
}
