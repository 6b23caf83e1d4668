// Mirrors validateIngressRules: `spec.rules[0].host: Invalid value: "1.2.3.4": must be a DNS name, not an IP address`.
import { isIPAddress } from '../../ingress/k8s-validators';
import { apiServerRule, ingressRules, readStr, reportInvalid } from './common';

export const hostIpAddress = apiServerRule({
  id: 'ingress/host-ip-address',
  description: 'A rule host must be a DNS name, not an IP address (omit host to match any address).',
}, (obj, report) => {
  for (const rule of ingressRules(obj)) {
    const h = readStr(rule, 'host');
    if (h.state === 'set' && h.value !== '' && isIPAddress(h.value)) {
      reportInvalid(report, h.node, h.value, ['must be a DNS name, not an IP address']);
    }
  }
});
