// Mirrors validateIngressRules: a rule host must be a DNS-1123 subdomain, or a wildcard
// (`*.` followed by one) when it contains '*'. IP addresses: see ingress/host-ip-address.
import { isDNS1123Subdomain, isWildcardDNS1123Subdomain } from '../../ingress/k8s-validators';
import { apiServerRule, ingressRules, readStr, reportInvalid } from './common';

/** The API server's details for a host (rule or TLS), wildcard or not. */
export function hostErrors(host: string): string[] {
  return host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
}

export const hostInvalid = apiServerRule({
  id: 'ingress/host-invalid',
  description: 'A rule host must be a lowercase DNS name, optionally with a single leftmost "*." wildcard label; no port.',
}, (obj, report) => {
  for (const rule of ingressRules(obj)) {
    const h = readStr(rule, 'host');
    if (h.state !== 'set' || h.value === '') continue;
    reportInvalid(report, h.node, h.value, hostErrors(h.value));
  }
});
