// spec.ingressClassName names an IngressClass defined neither in the workspace nor in the
// cluster: no controller claims the Ingress.
import type { ObjectRule } from '../rule';
import { lookedIn } from './lookup';

export const ingressClass: ObjectRule<'Ingress'> = {
  id: 'ref/ingress-class',
  description: 'spec.ingressClassName must name an existing IngressClass (workspace or cluster).',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, ctx, report) {
    const name = obj.ingressClassName;
    if (!name || !name.value || ctx.store.find('IngressClass', '', name.value).length > 0) return;
    report({
      message: `IngressClass "${name.value}" not found (${lookedIn(ctx, 'IngressClass')})`,
      span: name.node.span,
      field: name.node.path,
    });
  },
};
