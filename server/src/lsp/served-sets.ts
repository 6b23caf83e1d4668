// `ingressLab/routeTable` with `withTable`: besides the Ingresses, what the editor's proxy
// needs to serve either rule set as `ingress-lab serve` does: the controller profile the
// project's setting picks and the Gateway API set (the Ingresses converted plus the workspace's own
// HTTPRoutes and Gateways, server/src/gateway/served.ts).
import type { Project as Workspace } from '../engine/index';
import type { RouteTableResult } from '../protocol';
import { servedSetsData } from '../proxy/objects-table';

export function withServedSets(result: RouteTableResult, ws: Workspace): RouteTableResult {
  if (!result.table) return result;
  const { profile, gatewayObjects } = ws.servedSets();
  return { ...result, table: { ...result.table, ...servedSetsData(profile, gatewayObjects) } };
}
