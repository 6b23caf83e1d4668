// What the result panel shows for one try: the proxy's answer (or why there is none), the
// matcher's trace, and for the proxy's own 502/503 the one thing to do next. Pure: no 'vscode'.
import type { ExplainRouteResult } from '../../server/src/protocol';
import { targetKey } from '../../server/src/proxy/upstream';
import { MAP_SETTING } from './proxyMap';
import type { TryResponse } from './tryRequest';

export interface TryResult {
  url: string;
  /** Where the request was sent: the proxy's listening address. */
  via: string;
  response?: TryResponse;
  /** The request failed before any answer (connection, TLS). */
  error?: string;
  /** The lens's own rule does not get its request: said before anything else. */
  lensNote?: string;
  /** What to do about a 503/502 the proxy answered itself. */
  guidance?: string;
  /** The setting the guidance asks to change (the panel offers a button that opens it). */
  guidanceSetting?: string;
  explain: ExplainRouteResult;
  /** Who answered: a pod through the language server's port-forward, or a mapped URL. */
  answeredBy?: { what: string; via?: string };
  /** When the request was sent (ISO 8601). */
  at?: string;
  /** The same request from a terminal, against the same proxy listener. */
  curl?: string;
}

/** "shop/web:80": the key ingressLab.proxy.map uses for the route's backend, when it names a Service. */
export function mapKeyOf(explain: ExplainRouteResult): string | undefined {
  const r = explain.route;
  if (!r?.service || r.service.port === undefined) return undefined;
  return targetKey({ namespace: r.namespace, service: r.service.name, port: r.service.port });
}

export interface AdviceContext {
  clusterEnabled: boolean;
  /** Why the user's mapping for the route's Service port was refused (ingressLab.proxy.map). */
  refusedMapping?: string;
  /** The workspace's Service has no such port. */
  portMissing?: boolean;
}

/** The guidance and the setting it asks to change, if any. */
export function adviceFor(explain: ExplainRouteResult, res: TryResponse | undefined, ctx: AdviceContext): { text?: string; setting?: string } {
  const r = explain.route;
  if (res?.status === 503 && res.reason && r?.service) {
    const svc = `Service ${r.namespace}/${r.service.name}`;
    if (ctx.portMissing) return { text: `${svc} has no port ${r.service.port}: fix the backend's port (or the Service). A mapping would only hide the mistake.` };
    if (ctx.refusedMapping) return { text: `Your mapping was refused, so the proxy has none for ${svc}: ${ctx.refusedMapping}.`, setting: MAP_SETTING };
  }
  const text = guidanceFor(explain, res, ctx.clusterEnabled);
  // A button to the setting only where the advice names it (a missing Service port is fixed in the YAML).
  if (!text) return { text };
  return { text, setting: text.includes(MAP_SETTING) ? MAP_SETTING : undefined };
}

/** What to do about the proxy's own 503/502/404, in the words of what went wrong. */
export function guidanceFor(explain: ExplainRouteResult, res: TryResponse | undefined, clusterEnabled: boolean): string | undefined {
  if (!res?.reason) return undefined;
  const key = mapKeyOf(explain);
  const reason = res.reason;
  if (res.status === 404) return 'No rule routes this request: the trace below shows each decision of the matcher.';
  if (!key) return undefined;
  const r = explain.route!;
  const svc = `Service ${r.namespace}/${r.service!.name}`;
  if (res.status === 503 && / has no port \S+ in the cluster/.test(reason)) {
    return `${svc} in the cluster has no port ${r.service!.port}: fix the backend's port (or the Service). A mapping would only hide the mistake.`;
  }
  if (res.status === 503 && / has no ready pods/.test(reason)) {
    return `${svc} has no ready pods in the cluster (kubectl get pods -n ${r.namespace}). To try it against a process of your own, map ${key} in ${MAP_SETTING}.`;
  }
  if (res.status === 503) {
    const cluster = clusterEnabled ? ', or connect the cluster (the status bar says why it is not)' : `, or turn on ingressLab.cluster.enabled to reach ${svc}'s pods`;
    return `Map ${key} to a local URL in ${MAP_SETTING}, e.g. "${key}": "http://127.0.0.1:3000"${cluster}, then try again.`;
  }
  const pod = /\b(pod \S+:\d+) (refused|failed)/.exec(reason);
  if (res.status === 502 && pod) {
    return `${pod[1]} did not answer (${pod[2] === 'refused' ? 'it refused the connection' : 'the connection failed'}): is the container listening on that port? The Service's targetPort decides which container port is used.`;
  }
  if (res.status === 502 && /ECONNREFUSED|refused/i.test(reason)) {
    return `Nothing answers at ${res.upstream ?? 'the mapped URL'}: start your service there, or change "${key}" in ${MAP_SETTING}.`;
  }
  return undefined;
}
