// The API server's create/update warning for the kubernetes.io/ingress.class annotation:
// `annotation "kubernetes.io/ingress.class" is deprecated, please use 'spec.ingressClassName' instead`.
// The data names the class and where the annotation entry is, for a quick fix that moves it.
import { CLASS_ANNOTATION } from '../../ingress/model';
import { entry, joinSpans } from '../../ingress/source';
import type { ObjectRule } from '../rule';
import { childMap, isSet, readStr, spec, validatable } from '../ingress/common';

export const ingressClassAnnotation: ObjectRule = {
  id: 'deprecated/ingress-class-annotation',
  description: 'The kubernetes.io/ingress.class annotation is deprecated in favour of spec.ingressClassName.',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    if (!validatable(obj)) return;
    const annotations = childMap(childMap(obj.root, 'metadata'), 'annotations');
    const e = entry(annotations, CLASS_ANNOTATION);
    if (!e) return;
    const value = readStr(annotations, CLASS_ANNOTATION);
    report({
      message: `annotation "${CLASS_ANNOTATION}" is deprecated, please use 'spec.ingressClassName' instead`,
      span: e.keySpan,
      field: `metadata.annotations.${CLASS_ANNOTATION}`,
      data: {
        ingressClassName: value.state === 'set' ? value.value : undefined,
        /** Both key and value of the annotation entry: what a quick fix deletes. */
        annotationSpan: joinSpans(e.keySpan, e.value.span),
        /** True when spec.ingressClassName is already written (then the fix only deletes). */
        fieldSet: isSet(spec(obj), 'ingressClassName'),
      },
    });
  },
};
