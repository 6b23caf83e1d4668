// Mirrors validateIngressTLS: each spec.tls[].hosts[] entry must be a DNS-1123 subdomain or a wildcard one.
import { apiServerRule, reportInvalid, spec } from './common';
import { hostErrors } from './host-invalid';
import { get } from '../../ingress/source';

export const tlsHostInvalid = apiServerRule({
  id: 'ingress/tls-host-invalid',
  description: 'A TLS host must be a lowercase DNS name, optionally with a single leftmost "*." wildcard label.',
}, (obj, report) => {
  const tls = get(spec(obj), 'tls');
  if (tls?.kind !== 'seq') return;
  for (const entry of tls.items) {
    const hosts = get(entry, 'hosts');
    if (hosts?.kind !== 'seq') continue;
    for (const h of hosts.items) {
      if (h.kind === 'scalar' && typeof h.value === 'string') reportInvalid(report, h, h.value, hostErrors(h.value));
    }
  }
});
