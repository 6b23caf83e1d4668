// The Gateway API set the proxy serves (`serve --as gateway-api`, `X-Ingress-Lab-As:
// gateway-api`, the editor's "Try both"): the workspace's Ingresses converted with their
// controller profile, exactly as `ingress-lab convert` writes them (read back from that YAML,
// attached to the Gateway `ingress-lab` it writes with --with-gateway), plus the workspace's
// own HTTPRoutes and Gateways, which are inputs in their own right. A workspace object with
// the kind, namespace and name of a converted one replaces it: a route the user already
// converted and edited is served as edited, not twice. No I/O.
import type { Service } from '../ingress/model';
import { ingressRef } from '../ingress/routing/order';
import type { RouteTable } from '../ingress/routing/table';
import type { ControllerProfile } from '../ingress/routing/profiles/types';
import { convertTable, DEFAULT_GATEWAY } from './conversion';
import type { GatewayObject } from './model';

function key(o: GatewayObject): string {
  return `${o.kind} ${ingressRef(o)}`;
}

/** The converted objects, then the workspace's, a workspace object replacing a converted one of the same kind and name. */
export function servedGatewayObjects(table: RouteTable, services: readonly Service[], profile: ControllerProfile, workspace: readonly GatewayObject[]): GatewayObject[] {
  const converted = table.ingresses.length ? convertTable(table, services, profile, { name: DEFAULT_GATEWAY }).objects : [];
  const own = new Set(workspace.map(key));
  return [...converted.filter((o) => !own.has(key(o))), ...workspace];
}
