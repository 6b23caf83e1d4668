// spec.tls[].secretName names a Secret defined neither in the workspace nor in the cluster:
// the controller falls back to its default (usually self-signed) certificate.
import type { ObjectRule } from '../rule';
import { lookedIn } from '../ref/lookup';
import { tlsRefs } from './secret-ref';

export const secretExists: ObjectRule<'Ingress'> = {
  id: 'tls/secret-exists',
  description: 'The TLS Secret must exist in the Ingress\'s namespace (workspace or cluster).',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, ctx, report) {
    const ing = obj;
    for (const ref of tlsRefs(ing, ctx)) {
      if (ref.secret) continue;
      report({
        message: `Secret "${ref.secretName.value}" not found in namespace "${ing.namespace}" (${lookedIn(ctx, 'Secret')})`,
        span: ref.secretName.node.span,
        field: ref.secretName.node.path,
      });
    }
  },
};
