// Mirrors ValidateIngressSpec: with no rules, a defaultBackend is required.
// `spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified`.
import { invalidRaw } from '../../ingress/field-errors';
import { get } from '../../ingress/source';
import type { ObjectRule } from '../rule';
import { anchorFor, isSet, spec, validatable } from './common';

export const rulesOrDefaultBackend: ObjectRule = {
  id: 'ingress/rules-or-default-backend',
  description: 'An Ingress needs rules or a defaultBackend.',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    if (!validatable(obj)) return;
    const s = spec(obj);
    const written = get(obj.root, 'spec');
    if (!s && written && !(written.kind === 'scalar' && written.value === null)) return; // schema/wrong-type
    const rules = get(s, 'rules');
    if (isSet(s, 'defaultBackend')) return;
    if (rules && rules.kind === 'seq' && rules.items.length > 0) return;
    if (rules && rules.kind !== 'seq' && !(rules.kind === 'scalar' && rules.value === null)) return;
    const goValue = rules?.kind === 'seq' ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)';
    report({
      message: invalidRaw('spec', goValue, 'either `defaultBackend` or `rules` must be specified'),
      span: anchorFor(obj.root, 'spec'),
      field: 'spec',
    });
  },
};
