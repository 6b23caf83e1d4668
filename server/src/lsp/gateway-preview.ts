// `ingressLab/convertToGateway`: the Ingresses of a document (or the workspace) converted to
// Gateway API HTTPRoutes with the project's Services and IngressClasses, the per-Ingress report
// of what has no equivalent, and the route-by-route equivalence check, as `ingress-lab convert
// --check` computes them (server/src/gateway/conversion.ts, equivalence.ts).
import { convertTable } from '../gateway/conversion';
import { convertedTable, yamlDocs } from '../gateway/convert/emit';
import { checkEquivalence, differenceRow } from '../gateway/equivalence';
import type { ProfileSetting } from '../ingress/routing/profiles/types';
import type { ConvertToGatewayResult, GatewayDifference } from '../protocol';
import type { Project as Workspace } from '../engine/index';

/** The Gateway the previewed routes attach to (the CLI's default). */
const PREVIEW_GATEWAY = 'ingress-lab';

export const EMPTY_CONVERSION: ConvertToGatewayResult = { yaml: '', profile: '', notes: [], checked: 0, differences: [] };

export function convertToGateway(ws: Workspace, setting: ProfileSetting, uri?: string): ConvertToGatewayResult {
  const only = uri ? ws.index.list('Ingress').filter((i) => i.uri === uri) : undefined;
  const table = only ? ws.routeTable({ ingresses: only }) : ws.routeTable();
  if (!table.ingresses.length) return EMPTY_CONVERSION;
  const services = ws.store.list('Service');
  const profile = ws.profile(setting, table);
  const result = convertTable(table, services, profile, { name: PREVIEW_GATEWAY });
  const check = checkEquivalence(table, profile, convertedTable(result), services);
  const differences = check.differences.map((d): GatewayDifference => {
    const [request, ingress, gateway, why] = differenceRow(d) as [string, string, string, string];
    return { request, ingress, gateway, why };
  });
  return { yaml: yamlDocs(result.routes), profile: `${profile.id} (${profile.reason})`, notes: result.notes, checked: check.checked, differences };
}
