// Mirrors validateIngressClassSpec: `spec.controller: Required value`.
import { required } from '../../ingress/field-errors';
import { anchorFor, apiServerRule, readStr, spec } from './common';

export const ingressClassControllerRequired = apiServerRule({
  id: 'ingress/ingressclass-controller-required',
  description: 'An IngressClass must name its controller in spec.controller.',
  kinds: ['IngressClass'],
}, (obj, report) => {
  const s = spec(obj);
  const c = readStr(s, 'controller');
  if (c.state === 'bad' || (c.state === 'set' && c.value !== '')) return;
  const span = c.state === 'set' ? c.node.span : s ? anchorFor(s, 'controller') : anchorFor(obj.root, 'spec');
  report({ message: required('spec.controller'), span, field: 'spec.controller' });
});
