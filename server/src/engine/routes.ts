// The one route-table builder. Every face (the conflict rules, `route`/`routes`, Explain route,
// the Routes view, hovers, the proxy) gets its table here, so they all name the same winner:
//   - Ingresses in scope: the workspace's, and the live ones the workspace does not redefine;
//   - precedence: a workspace copy of a live Ingress keeps the live creationTimestamp (it
//     keeps it when applied), the others their own;
//   - the default IngressClass: the one the API server would pick among workspace and live
//     classes (default-class.ts), given to Ingresses that name no class.
// No I/O; no cache keyed by array identity (the project memoizes per change generation).
import { defaultIngressClass } from '../ingress/default-class';
import type { Ingress } from '../ingress/model';
import { buildRouteTable, ingressClassOf, type CreatedAt, type RouteTable } from '../ingress/routing/index';
import { MergedStore, type ObjectStore } from '../ingress/store';

/** Where the objects come from: workspace objects over live (cluster or snapshot) ones. */
export interface RouteSources {
  workspace: ObjectStore;
  cluster?: ObjectStore;
}

/** Live Ingresses the workspace does not redefine (they still route and still conflict). */
export function liveIngresses({ workspace, cluster }: RouteSources): Ingress[] {
  if (!cluster) return [];
  return cluster.list('Ingress').filter((o) => workspace.find('Ingress', o.namespace, o.name).length === 0);
}

/** Every Ingress in scope: the workspace's, then the live ones it does not redefine. */
export function ingressesInScope(sources: RouteSources): Ingress[] {
  return [...sources.workspace.list('Ingress'), ...liveIngresses(sources)];
}

/** The creationTimestamp precedence is decided on: a workspace copy keeps the live one. */
export function precedenceTimestamps(cluster: ObjectStore | undefined): CreatedAt | undefined {
  return cluster && ((ing) => ing.creationTimestamp
    ?? (ing.origin === 'workspace' ? cluster.find('Ingress', ing.namespace, ing.name)[0]?.creationTimestamp : undefined));
}

/** The IngressClass an Ingress without one gets, among workspace and live classes. */
export function defaultClassOf(sources: RouteSources): string | undefined {
  return defaultIngressClass(new MergedStore(sources.workspace, sources.cluster).list('IngressClass'))?.name;
}

export interface TableScope {
  /** The Ingresses to route (default: every Ingress in scope). */
  ingresses?: readonly Ingress[];
  /** Only the Ingresses of this IngressClass (the default class applied). */
  ingressClass?: string;
}

/** The route table of the sources: the only place a table is assembled from objects. */
export function projectRouteTable(sources: RouteSources, scope: TableScope = {}): RouteTable {
  const defaultClass = defaultClassOf(sources);
  let ingresses = scope.ingresses ?? ingressesInScope(sources);
  if (scope.ingressClass !== undefined) ingresses = ingresses.filter((i) => ingressClassOf(i, defaultClass) === scope.ingressClass);
  return buildRouteTable(ingresses, { created: precedenceTimestamps(sources.cluster), defaultClass });
}
