// Which rule set routes a request: the workspace's Ingresses (with their controller profile) or
// the Gateway API set (the Ingresses converted, plus the workspace's own HTTPRoutes). One
// listener serves both, chosen per request by the X-Ingress-Lab-As header, which the proxy
// strips before forwarding; without it, the set the proxy was started with (`serve --as`).
// A header rather than a second listener: the same port, Host and SNI name reach both sets, so
// "Try both" and `curl -H 'X-Ingress-Lab-As: gateway-api'` repeat a request exactly, HTTPS
// included, and no second pair of ports has to be found, shown and kept open. No I/O.
import type { IncomingHttpHeaders } from 'node:http';
import { hostnameMatches } from '../gateway/hostnames';
import type { GatewayTable } from '../gateway/table';

export const AS_HEADER = 'x-ingress-lab-as';
export const ROUTE_SETS = ['ingress', 'gateway-api'] as const;
export type RouteSetId = (typeof ROUTE_SETS)[number];

export type SetChoice = { ok: true; set: RouteSetId } | { ok: false; reason: string };

/** The set a request asks for (case-insensitive), else `fallback`; an unknown or repeated value is refused with the reason. */
export function chooseSet(headers: IncomingHttpHeaders, fallback: RouteSetId): SetChoice {
  const raw = headers[AS_HEADER];
  if (raw === undefined) return { ok: true, set: fallback };
  const v = (Array.isArray(raw) ? raw.join(', ') : raw).trim().toLowerCase();
  if ((ROUTE_SETS as readonly string[]).includes(v)) return { ok: true, set: v as RouteSetId };
  return { ok: false, reason: `${AS_HEADER}: "${v.slice(0, 40)}" names no rule set: use ingress or gateway-api` };
}

/**
 * Does an HTTPS listener of the Gateway API set serve this (lower-case) host by name? A route on
 * a listener without hostnames would take any SNI name: the local CA signs only names written down.
 */
export function gatewayServesTls(table: GatewayTable, host: string): boolean {
  return table.routes.some((r) => r.attachments.some((a) => a.scheme === 'https' && (a.hostnames ?? []).some((h) => hostnameMatches(h, host))));
}
