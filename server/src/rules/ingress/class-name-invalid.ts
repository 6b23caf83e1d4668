// Mirrors ValidateIngressSpec: spec.ingressClassName, when set (even to ""), must be a valid
// IngressClass name (DNS-1123 subdomain).
import { nameIsDNSSubdomain } from '../../ingress/k8s-validators';
import type { ObjectRule } from '../rule';
import { readStr, reportInvalid, spec, validatable } from './common';

export const classNameInvalid: ObjectRule = {
  id: 'ingress/class-name-invalid',
  description: 'spec.ingressClassName must be a valid IngressClass name (lowercase DNS-1123 subdomain).',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    if (!validatable(obj)) return;
    const c = readStr(spec(obj), 'ingressClassName');
    if (c.state === 'set') reportInvalid(report, c.node, c.value, nameIsDNSSubdomain(c.value));
  },
};
