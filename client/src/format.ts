// Words and icons the client shows, from the server's data. Pure: no 'vscode' import, so node:test
// covers it (client/test/unit).
import type { ClusterConnectionState, ClusterStatusParams, ExplainRouteParams, ExplainRouteResult } from '../../server/src/protocol';

interface Look { icon: string; label: string; warn: boolean }

const looks: Record<ClusterConnectionState, Look> = {
  disabled: { icon: 'circle-slash', label: 'no cluster', warn: false },
  connecting: { icon: 'sync~spin', label: 'connecting', warn: false },
  connected: { icon: 'cloud', label: 'connected', warn: false },
  unreachable: { icon: 'debug-disconnect', label: 'unreachable', warn: true },
  unauthorized: { icon: 'lock', label: 'unauthorized', warn: true },
  forbidden: { icon: 'lock', label: 'forbidden', warn: true },
};

export function clusterLook(state: ClusterConnectionState): Look {
  return looks[state] ?? { icon: 'question', label: String(state), warn: true };
}

/** The status bar text for a status: `$(cloud) Ingress: kind-dev` when connected, else the state. */
export function statusText(status: ClusterStatusParams): string {
  const look = clusterLook(status.state);
  const what = status.state === 'connected' && status.source ? status.source : look.label;
  return `$(${look.icon}) Ingress: ${what}`;
}

/** The status bar tooltip (markdown): the state, the server's one-sentence reason, the source. */
export function statusTooltip(status: ClusterStatusParams): string {
  const source = status.source ? `\n\nSource: ${status.source}` : '';
  return `**Ingress Lab cluster: ${status.state}**\n\n${status.message}${source}`;
}

/**
 * One sentence a user can read: where the URL goes (Service, port, the path and Ingress that won),
 * the defaultBackend that takes it, or that nothing does. The trace is one click away.
 */
export function describeDecision(req: ExplainRouteParams, res: ExplainRouteResult): string {
  const url = requestUrl(req);
  const r = res.route;
  if (r?.service) {
    const port = r.service.port !== undefined ? `:${r.service.port}` : '';
    return `${url} goes to Service ${r.service.name}${port} via ${r.pathType || '(no pathType)'} ${r.path} of Ingress ${r.namespace}/${r.ingress}.`;
  }
  const decided = res.decision.replace(/^\d{3}\s*(→\s*)?/, '').replace(/^service /, 'Service ');
  if (!decided || /^404\b/.test(res.decision)) return `${url} gets 404 Not Found: ${req.gatewayApi ? 'no HTTPRoute match takes it' : 'no Ingress rule or defaultBackend takes it'}.`;
  return `${url} goes to ${decided}.`;
}

/** The URL a request stands for: `https://shop.example.com/cart`. */
export function requestUrl(req: ExplainRouteParams): string {
  return `${req.https ? 'https' : 'http'}://${req.host}${req.path}`;
}

/** The request a URL typed by the user stands for, or undefined when it is not a full URL. */
export function requestFromUrl(input: string): ExplainRouteParams | undefined {
  if (!URL.canParse(input)) return undefined;
  const url = new URL(input);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return { host: url.hostname, path: url.pathname || '/', https: url.protocol === 'https:' };
}
