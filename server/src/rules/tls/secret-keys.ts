// The TLS Secret lacks tls.crt or tls.key (key names only: values are never read or shown).
import type { Ingress } from '../../ingress/model';
import type { ObjectRule } from '../rule';
import { foundIn } from '../ref/lookup';
import { tlsRefs } from './secret-ref';

const REQUIRED = ['tls.crt', 'tls.key'];

export const secretKeys: ObjectRule<'Ingress'> = {
  id: 'tls/secret-keys',
  description: 'The TLS Secret must hold tls.crt and tls.key.',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, ctx, report) {
    for (const { secret, secretName } of tlsRefs(obj as Ingress, ctx)) {
      const missing = secret ? REQUIRED.filter((k) => !secret.keys.includes(k)) : [];
      if (!secret || missing.length === 0) continue;
      report({
        message: `Secret ${secret.namespace}/${secret.name} (${foundIn(secret, ctx)}) has no ${missing.join(' and no ')}`,
        span: secretName.node.span,
        field: secretName.node.path,
      });
    }
  },
};
