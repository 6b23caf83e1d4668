// Mirrors ValidateIngressSpec: with no rules, a defaultBackend is required.
// `spec: Invalid value: null: either `defaultBackend` or `rules` must be specified` (`[]` when
// rules is written as an empty list: the newest API server prints the Go slice as JSON).
import { goJson, invalidRaw } from '../../ingress/field-errors';
import { get } from '../../ingress/source';
import { anchorFor, apiServerRule, isSet, spec } from './common';

export const rulesOrDefaultBackend = apiServerRule({
  id: 'ingress/rules-or-default-backend',
  description: 'An Ingress needs rules or a defaultBackend.',
}, (obj, report) => {
  const s = spec(obj);
  const written = get(obj.root, 'spec');
  if (!s && written && !(written.kind === 'scalar' && written.value === null)) return; // schema/wrong-type
  const rules = get(s, 'rules');
  if (isSet(s, 'defaultBackend')) return;
  if (rules && rules.kind === 'seq' && rules.items.length > 0) return;
  if (rules && rules.kind !== 'seq' && !(rules.kind === 'scalar' && rules.value === null)) return;
  const goValue = goJson(rules?.kind === 'seq' ? [] : undefined);
  report({
    message: invalidRaw('spec', goValue, 'either `defaultBackend` or `rules` must be specified'),
    span: anchorFor(obj.root, 'spec'),
    field: 'spec',
  });
});
