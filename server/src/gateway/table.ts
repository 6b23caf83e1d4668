// The Gateway API route table: every match of every HTTPRoute rule, with the hostnames and
// schemes it is served on after attaching the route to its parent Gateways' listeners
// (hostname intersection, sectionName/port, allowedRoutes.namespaces.from). A route whose
// Gateway is not among the inputs is attached to an assumed listener that accepts every
// host and scheme, and the trace says so. No I/O.
import { ingressRef } from '../ingress/routing/order';
import type { Gateway, GatewayObject, HTTPRoute, HTTPRouteMatch, HTTPRouteRule, Listener, ParentRef } from './model';
import { intersectHostnames } from './hostnames';

export type Scheme = 'http' | 'https';

export interface Attachment {
  /** Effective hostnames (undefined: any host). */
  hostnames: string[] | undefined;
  /** undefined when the listener is unknown (any scheme). */
  scheme: Scheme | undefined;
  /** "Gateway ns/name listener http" or "an assumed listener (Gateway ns/name not among the inputs)". */
  via: string;
}

export interface GatewayEntry {
  route: HTTPRoute;
  ref: string;
  rule: HTTPRouteRule;
  ruleIndex: number;
  match: HTTPRouteMatch;
  matchIndex: number;
}

export interface GatewayTable {
  routes: { route: HTTPRoute; attachments: Attachment[] }[];
  entries: GatewayEntry[];
}

function time(ts: string | undefined): number {
  const t = ts ? Date.parse(ts) : NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** The spec's tie-break across routes: oldest creationTimestamp, then namespace/name. */
export function compareRoutes(a: HTTPRoute, b: HTTPRoute): number {
  const ta = time(a.creationTimestamp);
  const tb = time(b.creationTimestamp);
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ra = ingressRef(a);
  const rb = ingressRef(b);
  return ra < rb ? -1 : ra > rb ? 1 : a.uri.localeCompare(b.uri) || a.docIndex - b.docIndex;
}

function schemeOf(l: Listener): Scheme | undefined {
  return l.protocol === 'HTTP' ? 'http' : l.protocol === 'HTTPS' ? 'https' : undefined;
}

function listenersFor(ref: ParentRef, gw: Gateway, route: HTTPRoute): Listener[] {
  return gw.listeners.filter((l) =>
    (ref.sectionName === undefined || l.name === ref.sectionName)
    && (ref.port === undefined || l.port === ref.port)
    && schemeOf(l) !== undefined
    && (l.allowedFrom !== 'Same' || gw.namespace === route.namespace));
}

function attach(route: HTTPRoute, gateways: readonly Gateway[]): Attachment[] {
  const hostnames = route.hostnames.map((h) => h.value);
  return route.parentRefs.filter((p) => p.kind === 'Gateway').flatMap((ref): Attachment[] => {
    const ns = ref.namespace ?? route.namespace;
    const gw = gateways.find((g) => g.name === ref.name && g.namespace === ns);
    if (!gw) return [{ hostnames: intersectHostnames(undefined, hostnames), scheme: undefined, via: `an assumed listener (Gateway ${ns}/${ref.name} is not among the inputs)` }];
    return listenersFor(ref, gw, route).flatMap((l) => {
      const hs = intersectHostnames(l.hostname, hostnames);
      return hs && hs.length === 0 ? [] : [{ hostnames: hs, scheme: schemeOf(l), via: `Gateway ${ns}/${gw.name} listener ${l.name}` }];
    });
  });
}

export function buildGatewayTable(routes: readonly HTTPRoute[], gateways: readonly Gateway[]): GatewayTable {
  const sorted = [...routes].sort(compareRoutes);
  const entries = sorted.flatMap((route) => route.rules.flatMap((rule, ruleIndex) =>
    rule.matches.map((match, matchIndex) => ({ route, ref: ingressRef(route), rule, ruleIndex, match, matchIndex }))));
  return { routes: sorted.map((route) => ({ route, attachments: attach(route, gateways) })), entries };
}

/** The table of a mixed list of HTTPRoutes and Gateways. */
export function gatewayTableOfObjects(objects: readonly GatewayObject[]): GatewayTable {
  return buildGatewayTable(objects.filter((o): o is HTTPRoute => o.kind === 'HTTPRoute'), objects.filter((o): o is Gateway => o.kind === 'Gateway'));
}
