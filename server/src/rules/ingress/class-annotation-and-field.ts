// Mirrors ValidateIngressCreate: the kubernetes.io/ingress.class annotation and
// spec.ingressClassName must agree when both are set.
// `annotations.kubernetes.io/ingress.class: Invalid value: "a": must match `ingressClassName` when both are specified`.
import { invalid } from '../../ingress/field-errors';
import { CLASS_ANNOTATION } from '../../ingress/model';
import { apiServerRule, childMap, readStr, spec } from './common';

export const classAnnotationAndField = apiServerRule({
  id: 'ingress/class-annotation-and-field',
  description: 'The kubernetes.io/ingress.class annotation must match spec.ingressClassName when both are set.',
}, (obj, report) => {
  const annotation = readStr(childMap(childMap(obj.root, 'metadata'), 'annotations'), CLASS_ANNOTATION);
  const field = readStr(spec(obj), 'ingressClassName');
  if (annotation.state !== 'set' || field.state !== 'set' || annotation.value === field.value) return;
  const path = `annotations.${CLASS_ANNOTATION}`;
  report({
    message: invalid(path, annotation.value, 'must match `ingressClassName` when both are specified'),
    span: annotation.node.span,
    field: path,
    related: [{ uri: obj.uri, span: field.node.span, message: `spec.ingressClassName is "${field.value}"` }],
    data: { ingressClassName: field.value },
  });
});
