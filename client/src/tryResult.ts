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
  /** What to do about a 503/502 the proxy answered itself. */
  guidance?: string;
  explain: ExplainRouteResult;
}

/** "shop/web:80": the key ingressLab.proxy.map uses for the route's backend, when it names a Service. */
export function mapKeyOf(explain: ExplainRouteResult): string | undefined {
  const r = explain.route;
  if (!r?.service || r.service.port === undefined) return undefined;
  return targetKey({ namespace: r.namespace, service: r.service.name, port: r.service.port });
}

export function guidanceFor(explain: ExplainRouteResult, res: TryResponse | undefined, clusterEnabled: boolean): string | undefined {
  if (!res?.reason) return undefined;
  const key = mapKeyOf(explain);
  if (res.status === 503 && key) {
    const pods = clusterEnabled ? ' The editor\'s proxy does not reach cluster pods yet; `ingress-lab serve --cluster` does.' : '';
    return `Map ${key} to a local URL in ${MAP_SETTING}, e.g. "${key}": "http://127.0.0.1:3000", then try again.${pods}`;
  }
  if (res.status === 502 && key && /ECONNREFUSED|refused/i.test(res.reason)) {
    return `Nothing answers at ${res.upstream ?? 'the mapped URL'}: start your service there, or change "${key}" in ${MAP_SETTING}.`;
  }
  if (res.status === 404) return 'No rule routes this request: the trace below shows each decision of the matcher.';
  return undefined;
}
