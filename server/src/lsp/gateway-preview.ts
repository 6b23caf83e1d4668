// `ingressLab/convertToGateway`: the Ingresses of a document (or the workspace) converted to
// Gateway API HTTPRoutes with the project's Services and IngressClasses, the per-Ingress report
// of what has no equivalent, and the route-by-route equivalence check, as `ingress-lab convert
// --check` computes them (server/src/gateway/conversion.ts, equivalence.ts); and both as
// diagnostics on the converted YAML (gateway/difference-findings.ts), ranges in `yaml`.
import type { Diagnostic } from 'vscode-languageserver';
import { convertTable, DEFAULT_GATEWAY } from '../gateway/conversion';
import { CONVERTED_ROUTES_URI, yamlDocs } from '../gateway/convert/emit';
import { gatewayTableOfObjects } from '../gateway/table';
import { differenceFindings, noteFindings } from '../gateway/difference-findings';
import { checkEquivalence, differenceRow, type EquivalenceResult } from '../gateway/equivalence';
import type { GatewayTable } from '../gateway/table';
import { LineIndex } from '../ingress/lines';
import type { ConversionNote } from '../gateway/convert/types';
import { withOverride, type SeverityOverrides } from '../rules/engine';
import type { ConvertToGatewayResult, GatewayDifference } from '../protocol';
import type { Project as Workspace } from '../engine/index';
import { toDiagnostic } from './convert';

export const EMPTY_CONVERSION: ConvertToGatewayResult = { yaml: '', profile: '', notes: [], checked: 0, differences: [], diagnostics: [] };

/** The findings on the converted routes as diagnostics in `yaml` (severity overrides applied; related locations in the source files). */
function previewDiagnostics(ws: Workspace, yaml: string, table: GatewayTable, check: EquivalenceResult, notes: readonly ConversionNote[], profileId: string): Diagnostic[] {
  const routes = table.routes.map((r) => r.route).filter((r) => r.uri === CONVERTED_ROUTES_URI);
  const lines = new LineIndex(yaml);
  const overrides: SeverityOverrides = ws.options.overrides;
  return [...differenceFindings(check.differences, routes, profileId), ...noteFindings(notes, routes)]
    .flatMap((f) => { const g = withOverride(f, overrides); return g ? [toDiagnostic(g, lines, ws.linesOf)] : []; });
}

export function convertToGateway(ws: Workspace, uri?: string): ConvertToGatewayResult {
  const only = uri ? ws.index.list('Ingress').filter((i) => i.uri === uri) : undefined;
  const table = only ? ws.routeTable({ ingresses: only }) : ws.routeTable();
  if (!table.ingresses.length) return EMPTY_CONVERSION;
  const services = ws.store.list('Service');
  const profile = ws.profile(undefined, table);
  const result = convertTable(table, services, profile, { name: DEFAULT_GATEWAY });
  const gateway = gatewayTableOfObjects(result.objects);
  const check = checkEquivalence(table, profile, gateway, services);
  const differences = check.differences.map((d): GatewayDifference => {
    const [request, ingress, gateway, why] = differenceRow(d) as [string, string, string, string];
    return { request, ingress, gateway, why };
  });
  const yaml = yamlDocs(result.routes);
  const diagnostics = previewDiagnostics(ws, yaml, gateway, check, result.notes, profile.id);
  return { yaml, profile: `${profile.id} (${profile.reason})`, notes: result.notes, checked: check.checked, differences, diagnostics };
}
