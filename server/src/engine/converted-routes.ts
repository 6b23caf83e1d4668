// The Gateway API objects of the workspace as the project holds them, and the proof of the
// converted ones: HTTPRoutes that carry the converter's `ingress-lab.github.io/converted-from`
// annotation (written by `convert --out` next to their Ingresses) are routed against the
// Ingresses they name (with the canary Ingresses on the same hosts, which the converter merges
// in), request by request, as `convert --check` does; each difference is a gateway/route-differs
// finding on the match that answers it. A route whose Gateway is not in the workspace is
// attached to the Gateway the converter writes for those Ingresses (`--with-gateway`), so its
// HTTP and HTTPS listeners are told apart as they will be. No I/O.
import { convertedGateway } from '../gateway/conversion';
import { convertedFrom, differenceFindings } from '../gateway/difference-findings';
import { checkEquivalence } from '../gateway/equivalence';
import type { Gateway, GatewayObject, HTTPRoute } from '../gateway/model';
import { buildGatewayTable } from '../gateway/table';
import type { Finding } from '../ingress/findings';
import type { Ingress, Service } from '../ingress/model';
import type { RouteTable } from '../ingress/routing/index';
import { isCanary } from '../ingress/routing/profiles/nginx-annotations';
import type { ControllerProfile } from '../ingress/routing/profiles/types';
import { ingressRef } from '../ingress/routing/order';
import { hostsOf } from './object-index';
import type { DocEntry } from './file-model';
import type { Project } from './project';

export const isRoute = (o: GatewayObject): o is HTTPRoute => o.kind === 'HTTPRoute';
export const isGateway = (o: GatewayObject): o is Gateway => o.kind === 'Gateway';

/** The named Ingresses and the canaries on their hosts. */
function sourceIngresses(all: readonly Ingress[], refs: Set<string>): Ingress[] {
  const named = all.filter((i) => refs.has(ingressRef(i)));
  const hosts = new Set(named.flatMap(hostsOf));
  return [...named, ...all.filter((i) => !named.includes(i) && isCanary(i) && hostsOf(i).some((h) => hosts.has(h)))];
}

/** The Gateways the routes name that the workspace lacks, as the converter writes them for these Ingresses. */
function assumedGateways(routes: readonly HTTPRoute[], gateways: readonly Gateway[], table: RouteTable, services: readonly Service[], profile: ControllerProfile): Gateway[] {
  const missing = new Map<string, { name: string; namespace: string }>();
  for (const r of routes) {
    for (const p of r.parentRefs) {
      const namespace = p.namespace ?? r.namespace;
      if (p.kind === 'Gateway' && !gateways.some((g) => g.name === p.name && g.namespace === namespace)) missing.set(`${namespace}/${p.name}`, { name: p.name, namespace });
    }
  }
  return [...missing.values()].flatMap((gw) => convertedGateway(table, services, profile, gw));
}

/**
 * The Ingresses whose converted routes must be proved again after a chunk was added or removed:
 * an Ingress's own ref, a converted route's source; everything for a Service, an IngressClass or
 * a Gateway (ports, the default class, listeners bear on every route).
 */
export function dirtyConversions(dirty: Set<string> | 'all', e: DocEntry): Set<string> | 'all' {
  if (dirty === 'all') return dirty;
  if (e.gatewayObjects.some(isGateway) || e.objects.some((o) => o.kind === 'Service' || o.kind === 'IngressClass')) return 'all';
  // An Ingress's ref, and its hosts as they were and are (HOST_KEY): the routes on them route its requests.
  for (const o of e.objects) if (o.kind === 'Ingress') [ingressRef(o), ...hostsOf(o).map((h) => HOST_KEY + h)].forEach((k) => dirty.add(k));
  for (const o of e.gatewayObjects) { const from = convertedFrom(o); if (from) dirty.add(from); }
  return dirty;
}

/** Marks a host in a set of dirty refs (a ref never starts with a space). */
const HOST_KEY = ' host ';

/** The dirty refs and every converted-from ref whose Ingress shares a host with a dirty one (they route the same requests); undefined: all. */
function scopeOf(dirty: Set<string>, refs: Set<string>, all: readonly Ingress[]): Set<string> | undefined {
  const byRef = new Map(all.map((i) => [ingressRef(i), i]));
  const hosts = new Set([...dirty].flatMap((k) => (k.startsWith(HOST_KEY) ? [k.slice(HOST_KEY.length)] : byRef.get(k) ? hostsOf(byRef.get(k)!) : [])));
  // Rules without host and wildcards route requests of other hosts too: prove everything.
  if ([...hosts].some((h) => h === '' || h.startsWith('*.')) || all.some((i) => refs.has(ingressRef(i)) && hostsOf(i).some((h) => h === '' || h.startsWith('*.')))) return undefined;
  return new Set([...refs].filter((r) => dirty.has(r) || (byRef.get(r) && hostsOf(byRef.get(r)!).some((h) => hosts.has(h)))));
}

/**
 * gateway/route-differs findings on the workspace's converted HTTPRoutes: those of the Ingresses
 * in scope (every one when dirty is 'all': scope undefined), proved together.
 */
export function convertedRouteFindings(project: Project, objects: readonly GatewayObject[], dirty: Set<string> | 'all' = 'all'): { scope?: Set<string>; findings: Finding[] } {
  const converted = objects.filter(isRoute).filter((r) => convertedFrom(r) !== undefined);
  if (!converted.length) return { findings: [] }; // no converted route: nothing to prove, any old finding goes
  const all = project.index.list('Ingress');
  const scope = dirty === 'all' ? undefined : scopeOf(dirty, new Set(converted.map((r) => convertedFrom(r)!)), all);
  const routes = scope ? converted.filter((r) => scope.has(convertedFrom(r)!)) : converted;
  const ingresses = sourceIngresses(all, new Set(routes.map((r) => convertedFrom(r)!)));
  if (!routes.length || !ingresses.length) return { scope, findings: [] };
  const table = project.routeTable({ ingresses });
  const profile = project.profile(undefined, table);
  const services = project.store.list('Service');
  const gateways = objects.filter(isGateway);
  const gw = buildGatewayTable(routes, [...gateways, ...assumedGateways(routes, gateways, table, services, profile)]);
  return { scope, findings: differenceFindings(checkEquivalence(table, profile, gw, services).differences, routes, profile.id) };
}
