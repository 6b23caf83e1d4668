// A backend names a Service that is defined neither in the workspace nor (when connected) in
// the cluster. The API server accepts it; the controller answers 503 for every request.
import type { ObjectRule } from '../rule';
import { lookedIn, resolvedBackends } from './lookup';

export const backendService: ObjectRule<'Ingress'> = {
  id: 'ref/backend-service',
  description: 'The backend Service must exist in the Ingress\'s namespace (workspace or cluster).',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, ctx, report) {
    const ing = obj;
    for (const { service, svc } of resolvedBackends(ing, ctx)) {
      if (svc) continue;
      report({
        message: `Service "${service.name.value}" not found in namespace "${ing.namespace}" (${lookedIn(ctx, 'Service')})`,
        span: service.name.node.span,
        field: service.name.node.path,
      });
    }
  },
};
