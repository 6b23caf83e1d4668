// Family gateway/: Gateway API objects (HTTPRoute, Gateway) against the v1.2 CRD's rules, and
// the runner that turns their reports into findings (the engine's object rules see Kubernetes
// kinds only; Gateway API objects are read by gateway/model.ts).
import type { Finding } from '../../ingress/findings';
import type { ManifestDocument } from '../../ingress/documents';
import { extractGatewayObjects, type GatewayObject } from '../../gateway/model';
import type { GatewayObjectRule, Rule } from '../rule';
import type { SeverityOverrides } from '../engine';
import { listenerRules } from './gateway';
import { filterCombination, pathValue, redirectStatus, routeLimits } from './httproute';
import { notConverted } from './not-converted';
import { routeDiffers } from './route-differs';

export const GATEWAY_RULES: readonly Rule[] = [pathValue, filterCombination, redirectStatus, routeLimits, listenerRules, routeDiffers, notConverted];

export function checkGatewayObjects(objects: readonly GatewayObject[], overrides: SeverityOverrides = {}): Finding[] {
  const out: Finding[] = [];
  for (const rule of GATEWAY_RULES.filter((r): r is GatewayObjectRule => r.scope === 'gateway' && overrides[r.id] !== 'off')) {
    for (const obj of objects) {
      rule.check(obj, (r) => out.push({
        ruleId: rule.id, severity: (overrides[rule.id] as Finding['severity'] | undefined) ?? r.severity ?? rule.severity,
        message: r.message, uri: obj.uri, span: r.span, field: r.field, object: `${obj.kind} ${obj.namespace}/${obj.name}`,
      }));
    }
  }
  return out;
}

/**
 * Adds the gateway/ findings of each document to its parse findings: like syntax, they depend on
 * the document alone, so the project model reports (and re-anchors) them with the document.
 * Returns the Gateway API objects read (the project keeps them: route table, equivalence).
 */
export function addGatewayFindings(uri: string, docs: ManifestDocument[], defaultNamespace: string): GatewayObject[] {
  const out: GatewayObject[] = [];
  for (const d of docs) {
    const objects = extractGatewayObjects({ uri, documents: [d] }, { defaultNamespace });
    if (objects.length) d.syntax.push(...checkGatewayObjects(objects));
    out.push(...objects);
  }
  return out;
}
