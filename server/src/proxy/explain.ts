// What the proxy says about a routing decision: the rule it used (for the
// X-Ingress-Lab-Route header and the log) and, when it cannot serve, the reason in a
// short plain-text body and the X-Ingress-Lab-Reason header.
import type { ServerResponse } from 'node:http';
import type { RouteResult } from '../ingress/routing/index';
import { ingressRef } from '../ingress/routing/index';
import { headerText } from './headers';

export const ROUTE_HEADER = 'x-ingress-lab-route';
export const REASON_HEADER = 'x-ingress-lab-reason';
export const UPSTREAM_HEADER = 'x-ingress-lab-upstream';
/** The request-target and Host the upstream was sent (after a rewrite-target or URLRewrite): what "Try both" compares. */
export const UPSTREAM_PATH_HEADER = 'x-ingress-lab-upstream-path';
export const UPSTREAM_HOST_HEADER = 'x-ingress-lab-upstream-host';

/** "Ingress shop/shop spec.rules[0].http.paths[1] (Prefix /api)", "Ingress a/b spec.defaultBackend", or undefined (404). */
export function ruleLabel(r: RouteResult): string | undefined {
  const m = r.match;
  if (!m) return undefined;
  if (m.entry) return `Ingress ${ingressRef(m.ingress)} ${m.entry.node.path} (${m.entry.pathType ?? 'no pathType'} ${m.entry.path || '(empty)'})`;
  return `Ingress ${ingressRef(m.ingress)} ${m.ingress.defaultBackend?.node.path ?? 'spec.defaultBackend'} (defaultBackend)`;
}

/** Why nothing routes the request: the matcher's host, path and defaultBackend decisions. */
export function notRoutedReason(r: RouteResult): string {
  return r.trace.filter((s) => s.step !== 'result' && s.step !== 'request').map((s) => s.message).join('; ');
}

export interface Refusal {
  status: 400 | 404 | 431 | 502 | 503 | 504;
  reason: string;
  rule?: string;
}

const TITLES = { 400: 'Bad Request', 404: 'Not Found', 431: 'Request Header Fields Too Large', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' } as const;

function refusalBody(r: Refusal, host: string, path: string): string {
  return [
    `${r.status} ${TITLES[r.status]} (Ingress Lab proxy)`,
    `request: ${host || '(no host)'}${path}`,
    `rule: ${r.rule ?? 'none'}`,
    `reason: ${r.reason}`,
    '',
  ].join('\n');
}

/** The headers of a refusal answer: its body's type and length, the reason and the rule. */
function refusalHeaders(r: Refusal, body: string): Record<string, string | number> {
  return {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    [REASON_HEADER]: headerText(r.reason),
    ...(r.rule ? { [ROUTE_HEADER]: headerText(r.rule) } : {}),
  };
}

export function sendRefusal(res: ServerResponse, r: Refusal, host: string, path: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = refusalBody(r, host, path);
  res.writeHead(r.status, refusalHeaders(r, body));
  res.end(body);
}

/** A whole response as raw HTTP/1.1, closing the connection (an upgrade the proxy answers itself). */
export function rawResponse(status: number, title: string, headers: Record<string, string | number>, body: string): string {
  const lines = Object.entries({ ...headers, connection: 'close' }).map(([k, v]) => `${k}: ${v}`);
  return `${[`HTTP/1.1 ${status} ${title}`, ...lines].join('\r\n')}\r\n\r\n${body}`;
}

/** The same refusal as raw HTTP/1.1 on a socket (a WebSocket upgrade that cannot be served). */
export function rawRefusal(r: Refusal, host: string, path: string): string {
  const body = refusalBody(r, host, path);
  return rawResponse(r.status, TITLES[r.status], refusalHeaders(r, body), body);
}
