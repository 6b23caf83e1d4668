// Mirrors validateIngressClassSpec: spec.controller is at most 250 bytes and a domain-prefixed
// path such as "acme.io/ingress-controller" (IsDomainPrefixedPath).
import { invalid, tooLong } from '../../ingress/field-errors';
import { goLen, isDomainPrefixedPath } from '../../ingress/k8s-validators';
import { apiServerRule, readStr, spec } from './common';

export const MAX_CONTROLLER_LENGTH = 250;

export const ingressClassControllerInvalid = apiServerRule({
  id: 'ingress/ingressclass-controller-invalid',
  description: 'spec.controller must be a domain-prefixed path (e.g. "acme.io/ingress-controller") of at most 250 bytes.',
  kinds: ['IngressClass'],
}, (obj, report) => {
  const c = readStr(spec(obj), 'controller');
  if (c.state !== 'set' || c.value === '') return;
  const field = 'spec.controller';
  if (goLen(c.value) > MAX_CONTROLLER_LENGTH) report({ message: tooLong(field, MAX_CONTROLLER_LENGTH), span: c.node.span, field });
  for (const e of isDomainPrefixedPath(c.value)) {
    report({ message: invalid(field, e.value, e.detail), span: c.node.span, field });
  }
});
