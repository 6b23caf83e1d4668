// Mirrors validateIngressTLS: a non-empty spec.tls[].secretName must be a valid Secret name (DNS-1123 subdomain).
import { nameIsDNSSubdomain } from '../../ingress/k8s-validators';
import { get } from '../../ingress/source';
import { apiServerRule, readStr, reportInvalid, spec } from './common';

export const tlsSecretNameInvalid = apiServerRule({
  id: 'ingress/tls-secret-name-invalid',
  description: 'A TLS secretName must be a valid Secret name (lowercase DNS-1123 subdomain).',
}, (obj, report) => {
  const tls = get(spec(obj), 'tls');
  if (tls?.kind !== 'seq') return;
  for (const entry of tls.items) {
    const name = readStr(entry, 'secretName');
    if (name.state === 'set' && name.value !== '') reportInvalid(report, name.node, name.value, nameIsDNSSubdomain(name.value));
  }
});
