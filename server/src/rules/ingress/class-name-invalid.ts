// Mirrors ValidateIngressSpec: spec.ingressClassName, when set (even to ""), must be a valid
// IngressClass name (DNS-1123 subdomain).
import { nameIsDNSSubdomain } from '../../ingress/k8s-validators';
import { apiServerRule, readStr, reportInvalid, spec } from './common';

export const classNameInvalid = apiServerRule({
  id: 'ingress/class-name-invalid',
  description: 'spec.ingressClassName must be a valid IngressClass name (lowercase DNS-1123 subdomain).',
}, (obj, report) => {
  const c = readStr(spec(obj), 'ingressClassName');
  if (c.state === 'set') reportInvalid(report, c.node, c.value, nameIsDNSSubdomain(c.value));
});
