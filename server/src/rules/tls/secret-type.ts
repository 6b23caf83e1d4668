// The TLS Secret exists but is not of type kubernetes.io/tls.
import type { Ingress } from '../../ingress/model';
import type { ObjectRule } from '../rule';
import { foundIn } from '../ref/lookup';
import { tlsRefs } from './secret-ref';

export const secretType: ObjectRule<'Ingress'> = {
  id: 'tls/secret-type',
  description: 'The TLS Secret must be of type kubernetes.io/tls.',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, ctx, report) {
    for (const { secret, secretName } of tlsRefs(obj as Ingress, ctx)) {
      if (!secret || secret.type === 'kubernetes.io/tls') continue;
      report({
        message: `Secret ${secret.namespace}/${secret.name} (${foundIn(secret, ctx)}) has type "${secret.type}", not "kubernetes.io/tls"`,
        span: secretName.node.span,
        field: secretName.node.path,
      });
    }
  },
};
