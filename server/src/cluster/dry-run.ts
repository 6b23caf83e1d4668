// Optional server-side dry run: each workspace Ingress/IngressClass is sent to the API server
// with dryRun=All (create; replace when it already exists). A refusal's Status causes
// (field, reason, message) become findings at that field; a refusal without causes (e.g.
// an admission webhook's denial) becomes one finding on the object's name.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Finding } from '../ingress/findings';
import { objectLabel, type KObject } from '../ingress/model';
import { asMap, asSeq, get, toJson, type SNode } from '../ingress/source';
import { apiRequest, statusMessage, type ApiResponse } from './http';
import { RESOURCES, resourcePath } from './resources';

import { dryRunServer } from '../rules/ingress/dry-run-server';

export const DRY_RUN_RULE_ID = dryRunServer.id;

interface StatusBody {
  kind?: string;
  message?: string;
  reason?: string;
  details?: { causes?: { field?: string; message?: string; reason?: string }[] };
}

/** The node a field path such as `spec.rules[0].http.paths[1].path` names, or its nearest existing ancestor. */
export function nodeAtField(root: SNode, field: string): SNode {
  let cur = root;
  for (const m of field.matchAll(/([^.[\]]+)|\[([^[\]]*)\]/g)) {
    const key = m[1] ?? m[2]!;
    const seq = asSeq(cur);
    const next = seq && /^\d+$/.test(key) ? seq.items[Number(key)] : asMap(cur) ? get(cur, key) : undefined;
    if (!next) break;
    cur = next;
  }
  return cur;
}

/** Findings for a refused dry run of obj. */
export function statusToFindings(obj: KObject, res: ApiResponse): Finding[] {
  const body = (typeof res.body === 'object' ? res.body : {}) as StatusBody;
  const base = { ruleId: DRY_RUN_RULE_ID, severity: 'error' as const, uri: obj.uri, object: objectLabel(obj) };
  const causes = (body.details?.causes ?? []).filter((c) => c.field);
  if (causes.length === 0) {
    const anchor = nodeAtField(obj.root, 'metadata.name');
    return [{ ...base, message: `the API server refused the dry run: ${statusMessage(res)}`, span: anchor.span, field: 'metadata.name' }];
  }
  return causes.map((c) => {
    const node = nodeAtField(obj.root, c.field!);
    return { ...base, message: `${c.field}: ${c.message ?? c.reason ?? 'invalid'}`, span: node.span, field: c.field, data: { reason: c.reason } };
  });
}

/** Dry-runs each Ingress and IngressClass; network failures are returned as one-line notes. */
export async function dryRunObjects(kc: KubeConfig, objects: readonly KObject[], timeoutMs = 15_000): Promise<{ findings: Finding[]; notes: string[] }> {
  const findings: Finding[] = [];
  const notes: string[] = [];
  for (const obj of objects) {
    const def = RESOURCES.find((r) => r.kind === obj.kind);
    if (!def || (obj.kind !== 'Ingress' && obj.kind !== 'IngressClass')) continue;
    const body = toJson(obj.root) as { metadata?: Record<string, unknown> };
    if (def.namespaced) body.metadata = { ...body.metadata, namespace: obj.namespace };
    const collection = resourcePath(def, def.namespaced ? obj.namespace : undefined);
    try {
      let res = await apiRequest(kc, collection, { method: 'POST', query: { dryRun: 'All', fieldManager: 'ingress-lab' }, body, timeoutMs });
      if (res.status === 409) {
        res = await apiRequest(kc, `${collection}/${encodeURIComponent(obj.name)}`, { method: 'PUT', query: { dryRun: 'All', fieldManager: 'ingress-lab' }, body, timeoutMs });
      }
      if (res.status >= 400) findings.push(...statusToFindings(obj, res));
    } catch (e) {
      notes.push(`dry run of ${objectLabel(obj)} failed: ${(e as Error).message}`);
    }
  }
  return { findings, notes };
}
