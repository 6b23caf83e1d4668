// The proxy's rules from plain objects (what `ingressLab/routeTable` sends with `withObjects`):
// the same model, the same route table and matcher as `ingress-lab serve` builds from files,
// for a proxy that runs in another process than the language server. No I/O.
import { defaultIngressClass } from '../ingress/default-class';
import { objectsFromRoot, type Ingress, type KObject } from '../ingress/model';
import { buildRouteTable, type RouteTable } from '../ingress/routing/index';
import { EMPTY_SPAN, fromJson, toJson, type SMap } from '../ingress/source';
import { ClusterObjects, type ObjectStore } from '../ingress/store';
import type { RouteObject } from '../protocol';

export interface ObjectRoutes {
  table: RouteTable;
  /** The Services (and IngressClasses) sent: for translating port names. */
  store: ObjectStore;
}

/** An object as `routeTable` sends it: plain JSON with the namespace it was read in filled in. */
export function routeObjectOf(o: KObject): RouteObject {
  const json = toJson(o.root) as { metadata?: Record<string, unknown> };
  return { uri: o.uri, json: { ...json, metadata: { ...json.metadata, namespace: o.namespace } } };
}

export function routesFromObjects(objects: readonly RouteObject[]): ObjectRoutes {
  const store = new ClusterObjects();
  const ingresses: Ingress[] = [];
  for (const o of objects) {
    if (!o.json || typeof o.json !== 'object' || Array.isArray(o.json)) continue;
    const root = fromJson(o.json) as SMap;
    for (const k of objectsFromRoot(root, o.uri, 0, EMPTY_SPAN, { defaultNamespace: 'default', origin: 'workspace' })) {
      if (k.kind === 'Ingress') ingresses.push(k);
      else if (k.kind !== 'Secret') store.upsert(k);
    }
  }
  const defaultClass = defaultIngressClass(store.list('IngressClass'))?.name;
  return { table: buildRouteTable(ingresses, { defaultClass }), store };
}
