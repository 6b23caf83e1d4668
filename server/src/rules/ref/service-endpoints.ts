// Cluster only: the backend Service exists but no ready endpoint stands behind it, so the
// controller answers 503. Informational: pods may simply be starting.
import type { ClusterObjectRule } from '../rule';
import { backendPort } from './backend-port';
import { resolvedBackends, portLabel } from './lookup';
import { selectsNoPod } from './service-selector';

export const serviceEndpoints: ClusterObjectRule<'Ingress'> = {
  id: 'ref/service-endpoints',
  description: 'The backend Service should have ready endpoints in the cluster.',
  severity: 'info',
  scope: 'object',
  kinds: ['Ingress'],
  needsCluster: true,
  check(obj, ctx, report) {
    const ing = obj;
    const facts = ctx.cluster;
    if (facts.unavailable.has('EndpointSlice')) return;
    for (const { service, svc } of resolvedBackends(ing, ctx)) {
      if (!svc || svc.type === 'ExternalName' || !backendPort(svc, service) || selectsNoPod(svc, ctx)) continue;
      const ep = facts.endpoints(ing.namespace, svc.name);
      // A workspace Service with no slice at all is most likely not applied yet: nothing to say.
      if (!ep || ep.ready > 0 || (svc.origin === 'workspace' && ep.total === 0)) continue;
      const detail = ep.total > 0 ? `${ep.total} endpoint(s), none ready,` : 'no endpoints';
      report({
        message: `no ready pods behind ${svc.name}:${portLabel(service)} (${detail} in ${facts.source})`,
        span: service.name.node.span,
        field: service.name.node.path,
      });
    }
  },
};
