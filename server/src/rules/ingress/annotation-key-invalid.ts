// Mirrors ValidateAnnotations: keys (compared in lower case) must be qualified names.
// `metadata.annotations: Invalid value: "bad key": name part must consist of ...`.
import { invalid } from '../../ingress/field-errors';
import { isQualifiedName } from '../../ingress/k8s-validators';
import { apiServerRule, childMap } from './common';

export const annotationKeyInvalid = apiServerRule({
  id: 'ingress/annotation-key-invalid',
  description: 'Annotation keys must be [prefix/]name qualified names (the prefix a DNS subdomain).',
  kinds: ['Ingress', 'IngressClass'],
}, (obj, report) => {
  const annotations = childMap(childMap(obj.root, 'metadata'), 'annotations');
  for (const e of annotations?.entries ?? []) {
    for (const d of isQualifiedName(e.key.toLowerCase())) {
      report({ message: invalid('metadata.annotations', e.key, d), span: e.keySpan, field: 'metadata.annotations' });
    }
  }
});
