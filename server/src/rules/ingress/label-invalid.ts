// Mirrors ValidateLabels: keys must be qualified names, values valid label values. The API
// server reports both on `metadata.labels` with the bad key or value.
import { isQualifiedName, isValidLabelValue } from '../../ingress/k8s-validators';
import { invalid } from '../../ingress/field-errors';
import { apiServerRule, childMap, reportInvalid } from './common';

export const labelInvalid = apiServerRule({
  id: 'ingress/label-invalid',
  description: 'Label keys must be [prefix/]name qualified names and values at most 63 alphanumeric, "-", "_" or "." characters.',
  kinds: ['Ingress', 'IngressClass'],
}, (obj, report) => {
  const labels = childMap(childMap(obj.root, 'metadata'), 'labels');
  for (const e of labels?.entries ?? []) {
    for (const d of isQualifiedName(e.key)) report({ message: invalid('metadata.labels', e.key, d), span: e.keySpan, field: 'metadata.labels' });
    const v = e.value;
    if (v.kind === 'scalar' && typeof v.value === 'string') reportInvalid(report, v, v.value, isValidLabelValue(v.value), 'metadata.labels');
  }
});
