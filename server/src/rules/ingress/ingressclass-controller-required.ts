// Mirrors validateIngressClassSpec: `spec.controller: Required value`.
import { required } from '../../ingress/field-errors';
import type { ObjectRule } from '../rule';
import { anchorFor, readStr, spec, validatable } from './common';

export const ingressClassControllerRequired: ObjectRule = {
  id: 'ingress/ingressclass-controller-required',
  description: 'An IngressClass must name its controller in spec.controller.',
  severity: 'error',
  scope: 'object',
  kinds: ['IngressClass'],
  check(obj, _ctx, report) {
    if (!validatable(obj)) return;
    const s = spec(obj);
    const c = readStr(s, 'controller');
    if (c.state === 'bad' || (c.state === 'set' && c.value !== '')) return;
    const span = c.state === 'set' ? c.node.span : s ? anchorFor(s, 'controller') : anchorFor(obj.root, 'spec');
    report({ message: required('spec.controller'), span, field: 'spec.controller' });
  },
};
