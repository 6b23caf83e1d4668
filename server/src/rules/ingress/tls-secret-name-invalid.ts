// Mirrors validateIngressTLS: a non-empty spec.tls[].secretName must be a valid Secret name (DNS-1123 subdomain).
import { nameIsDNSSubdomain } from '../../ingress/k8s-validators';
import { get } from '../../ingress/source';
import type { ObjectRule } from '../rule';
import { readStr, reportInvalid, spec, validatable } from './common';

export const tlsSecretNameInvalid: ObjectRule = {
  id: 'ingress/tls-secret-name-invalid',
  description: 'A TLS secretName must be a valid Secret name (lowercase DNS-1123 subdomain).',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    if (!validatable(obj)) return;
    const tls = get(spec(obj), 'tls');
    if (tls?.kind !== 'seq') return;
    for (const entry of tls.items) {
      const name = readStr(entry, 'secretName');
      if (name.state === 'set' && name.value !== '') reportInvalid(report, name.node, name.value, nameIsDNSSubdomain(name.value));
    }
  },
};
