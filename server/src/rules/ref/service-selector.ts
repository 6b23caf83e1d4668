// Cluster only: the backend Service's selector matches no pod in its namespace, so it can
// never get endpoints (usually a label typo between the Service and the Deployment).
import type { Service } from '../../ingress/model';
import type { ClusterObjectRule, RuleContext } from '../rule';
import { foundIn, resolvedBackends } from './lookup';

export function selectorText(sel: Record<string, string>): string {
  return Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(',');
}

/** True when the cluster can see pods and none matches the Service's (non-empty) selector. */
export function selectsNoPod(svc: Service, ctx: RuleContext): boolean {
  if (!ctx.cluster || !svc.selector || Object.keys(svc.selector).length === 0) return false;
  return ctx.cluster.podsMatching(svc.namespace, svc.selector) === 0;
}

export const serviceSelector: ClusterObjectRule<'Ingress'> = {
  id: 'ref/service-selector',
  description: 'The backend Service\'s selector should match at least one pod in the cluster.',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  needsCluster: true,
  check(obj, ctx, report) {
    const ing = obj;
    for (const { service, svc } of resolvedBackends(ing, ctx)) {
      if (!svc || !selectsNoPod(svc, ctx)) continue;
      report({
        message: `Service ${svc.namespace}/${svc.name} (${foundIn(svc, ctx)}) selects no pod: no pod in namespace "${svc.namespace}" of ${ctx.cluster.source} has labels ${selectorText(svc.selector!)}`,
        span: service.name.node.span,
        field: service.name.node.path,
      });
    }
  },
};
