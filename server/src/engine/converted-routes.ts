// The Gateway API objects of the workspace as the project holds them, and the proof of the
// converted ones: HTTPRoutes that carry the converter's `ingress-lab.github.io/converted-from`
// annotation (written by `convert --out` next to their Ingresses) are routed against the
// Ingresses they name (with the canary Ingresses on the same hosts, which the converter merges
// in), request by request, as `convert --check` does; each difference is a gateway/route-differs
// finding on the match that answers it. A route whose Gateway is not in the workspace is
// attached to the Gateway the converter writes for those Ingresses (`--with-gateway`), so its
// HTTP and HTTPS listeners are told apart as they will be. No I/O.
import { convertTable } from '../gateway/conversion';
import { convertedObjects } from '../gateway/convert/emit';
import { convertedFrom, differenceFindings } from '../gateway/difference-findings';
import { checkEquivalence } from '../gateway/equivalence';
import type { Gateway, GatewayObject, HTTPRoute } from '../gateway/model';
import { buildGatewayTable } from '../gateway/table';
import type { Finding } from '../ingress/findings';
import type { Ingress, Service } from '../ingress/model';
import type { RouteTable } from '../ingress/routing/index';
import { isCanary } from '../ingress/routing/profiles/nginx-annotations';
import type { ControllerProfile, ProfileSetting } from '../ingress/routing/profiles/types';
import { hostsOf } from './object-index';
import type { Project } from './project';

export const isRoute = (o: GatewayObject): o is HTTPRoute => o.kind === 'HTTPRoute';
export const isGateway = (o: GatewayObject): o is Gateway => o.kind === 'Gateway';

/** The named Ingresses and the canaries on their hosts. */
function sourceIngresses(all: readonly Ingress[], refs: Set<string>): Ingress[] {
  const named = all.filter((i) => refs.has(`${i.namespace}/${i.name}`));
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
  return [...missing.values()].flatMap((gw) => convertedObjects(convertTable(table, services, profile, gw)).filter(isGateway));
}

/** gateway/route-differs findings on the workspace's converted HTTPRoutes (none when there are none). */
export function convertedRouteFindings(project: Project, objects: readonly GatewayObject[], setting: ProfileSetting): Finding[] {
  const routes = objects.filter(isRoute).filter((r) => convertedFrom(r) !== undefined);
  if (!routes.length) return [];
  const ingresses = sourceIngresses(project.index.list('Ingress'), new Set(routes.map((r) => convertedFrom(r)!)));
  if (!ingresses.length) return [];
  const table = project.routeTable({ ingresses });
  const profile = project.profile(setting, table);
  const services = project.store.list('Service');
  const gateways = objects.filter(isGateway);
  const gw = buildGatewayTable(routes, [...gateways, ...assumedGateways(routes, gateways, table, services, profile)]);
  return differenceFindings(checkEquivalence(table, profile, gw, services).differences, routes, profile.id);
}
