// The project's route table in a form the language server can send (`ingressLab/routeTable`
// with `withTable`) and the proxy in another process (the extension host) can route with:
// the Ingresses the table holds, each with the creationTimestamp and IngressClass precedence
// was decided on, the default class, and the Services for port names. Nothing is decided on
// this side: tableFromData only rebuilds what routeTableData wrote, with the same matcher.
// With the served sets (servedSetsData) also the controller profile chosen and the Gateway API
// set (server/src/gateway/served.ts) as HTTPRoute and Gateway objects. No I/O. Never a Secret.
import { objectsFromRoot, type Ingress, type KObject, type KObjectBase } from '../ingress/model';
import { extractGatewayObjects, type GatewayObject } from '../gateway/model';
import { gatewayTableOfObjects, type GatewayTable } from '../gateway/table';
import { profileOf } from '../ingress/routing/profiles/select';
import type { ControllerProfile } from '../ingress/routing/profiles/types';
import { buildRouteTable, type RouteTable } from '../ingress/routing/index';
import { EMPTY_SPAN, fromJson, toJson, type SMap } from '../ingress/source';
import { ClusterObjects, type ObjectStore } from '../ingress/store';
import type { RouteObject, RouteTableData } from '../protocol';

export interface ObjectRoutes {
  table: RouteTable;
  /** The Services sent: for translating port names. */
  store: ObjectStore;
  /** The Gateway API set, when the data carried one. */
  gateway?: GatewayTable;
  profile?: ControllerProfile;
}

/** An object as plain JSON with the namespace it was read in filled in. */
export function routeObjectOf(o: KObjectBase): RouteObject {
  const json = toJson(o.root) as { metadata?: Record<string, unknown> };
  return { uri: o.uri, docIndex: o.docIndex, origin: o.origin, json: { ...json, metadata: { ...json.metadata, namespace: o.namespace } } };
}

/** A table (and the Services of a store) as data: see tableFromData. */
export function routeTableData(table: RouteTable, store: ObjectStore): RouteTableData {
  return {
    ingresses: table.ingresses.map((i) => ({ ...routeObjectOf(i), created: table.created(i) ?? null })),
    defaultClass: table.defaultClass ?? null,
    services: store.list('Service').map(routeObjectOf),
  };
}

function read(o: RouteObject): KObject[] {
  if (!o.json || typeof o.json !== 'object' || Array.isArray(o.json)) return [];
  return objectsFromRoot(fromJson(o.json) as SMap, o.uri, o.docIndex ?? 0, EMPTY_SPAN, { defaultNamespace: 'default', origin: o.origin ?? 'workspace' });
}

/** The profile and Gateway API set that go with a table, as data (added to routeTableData's). */
export function servedSetsData(profile: ControllerProfile, gateway: readonly GatewayObject[]): Pick<RouteTableData, 'profile' | 'gateway'> {
  return { profile: { id: profile.id, reason: profile.reason }, gateway: gateway.map(routeObjectOf) };
}

function readGateway(objects: readonly RouteObject[]): GatewayTable {
  const read = objects.flatMap((o) => o.json && typeof o.json === 'object' && !Array.isArray(o.json)
    ? extractGatewayObjects({ uri: o.uri, documents: [{ index: o.docIndex ?? 0, span: EMPTY_SPAN, root: fromJson(o.json), syntax: [] }] }, { defaultNamespace: 'default' })
    : []);
  return gatewayTableOfObjects(read);
}

/** The table routeTableData described, routing exactly as the project's. */
export function tableFromData(data: RouteTableData): ObjectRoutes {
  const created = new Map<Ingress, string | undefined>();
  const ingresses: Ingress[] = [];
  for (const o of data.ingresses) {
    for (const k of read(o)) {
      if (k.kind !== 'Ingress') continue;
      created.set(k, o.created ?? undefined);
      ingresses.push(k);
    }
  }
  const store = new ClusterObjects();
  for (const o of data.services) for (const k of read(o)) if (k.kind === 'Service') store.upsert(k);
  const defaultClass = data.defaultClass ?? undefined;
  const sets = {
    ...(data.gateway ? { gateway: readGateway(data.gateway) } : {}),
    ...(data.profile ? { profile: profileOf(data.profile.id, data.profile.reason) } : {}),
  };
  return { table: buildRouteTable(ingresses, { created: (i) => created.get(i), defaultClass }), store, ...sets };
}
