// Where a routed request goes: the UpstreamResolver turns a Service backend into a
// connection to a local URL the user mapped it to, or to one of its ready pods through a
// port-forward. A resolver says why when it cannot (503: nothing to send to; 502: the
// backend cannot be proxied). No sockets are opened here.
import type { Duplex } from 'node:stream';

/** The Service port a backend names: `ns/name:port` where port is the number or the name as written. */
export interface ServiceTarget {
  namespace: string;
  service: string;
  /** The port as the backend writes it: a number or a port name. */
  port: number | string;
}

export function targetKey(t: ServiceTarget): string {
  return `${t.namespace}/${t.service}:${t.port}`;
}

export interface Upstream {
  /** What the log line and the X-Ingress-Lab-Upstream header show: "http://127.0.0.1:3000", "pod shop/web-1:8080". */
  label: string;
  /** Host header-free TCP address for node:http (local URLs, kept alive by the proxy's agent). */
  address?: { host: string; port: number };
  /** A fresh duplex stream to the upstream (port-forward). */
  connect?: () => Promise<Duplex>;
}

export type Resolution =
  | { ok: true; upstream: Upstream }
  | { ok: false; status: 502 | 503; reason: string };

export interface UpstreamResolver {
  /** An upstream for the target; `avoid` lists upstream labels that just failed for this request. */
  resolve(target: ServiceTarget, avoid?: ReadonlySet<string>): Resolution | Promise<Resolution>;
  /** Called when a connection to an upstream failed, so the resolver can pick another next time. */
  failed?(target: ServiceTarget, upstream: Upstream): void;
}

/** Tries each resolver in turn; the first that answers ok wins, else the first refusal's status with every reason. Synchronous while the resolvers are. */
export function chainResolvers(...resolvers: UpstreamResolver[]): UpstreamResolver {
  const from = (i: number, target: ServiceTarget, avoid: ReadonlySet<string> | undefined, refusals: Resolution[]): Resolution | Promise<Resolution> => {
    for (; i < resolvers.length; i++) {
      const res = resolvers[i]!.resolve(target, avoid);
      if (res instanceof Promise) {
        const next = i + 1;
        return res.then((r) => (r.ok ? r : from(next, target, avoid, [...refusals, r])));
      }
      if (res.ok) return res;
      refusals.push(res);
    }
    return refused(target, refusals);
  };
  return {
    resolve: (target, avoid) => from(0, target, avoid, []),
    failed(target, upstream) {
      for (const r of resolvers) r.failed?.(target, upstream);
    },
  };
}

function refused(target: ServiceTarget, refusals: Resolution[]): Resolution {
  const [first] = refusals;
  if (first && !first.ok) return { ...first, reason: refusals.map((r) => (r.ok ? '' : r.reason)).join('; ') };
  return { ok: false, status: 503, reason: `no upstream for Service ${targetKey(target)}: map it to a local URL (--map) or connect a cluster (--cluster)` };
}
