// Mirrors ValidateAnnotations: keys and values together may not exceed 256 KiB.
// `metadata.annotations: Too long: may not be more than 262144 bytes` (the newest apimachinery).
import { tooLong } from '../../ingress/field-errors';
import { goLen, TOTAL_ANNOTATION_SIZE_LIMIT } from '../../ingress/k8s-validators';
import { entry } from '../../ingress/source';
import { apiServerRule, childMap } from './common';

export const annotationsTooLong = apiServerRule({
  id: 'ingress/annotations-too-long',
  description: 'All annotation keys and values together must fit in 256 KiB.',
  kinds: ['Ingress', 'IngressClass'],
}, (obj, report) => {
  const meta = childMap(obj.root, 'metadata');
  const annotations = childMap(meta, 'annotations');
  if (!annotations) return;
  let total = 0;
  for (const e of annotations.entries) {
    total += goLen(e.key);
    if (e.value.kind === 'scalar' && typeof e.value.value === 'string') total += goLen(e.value.value);
  }
  if (total <= TOTAL_ANNOTATION_SIZE_LIMIT) return;
  report({
    message: tooLong('metadata.annotations', TOTAL_ANNOTATION_SIZE_LIMIT),
    span: entry(meta, 'annotations')!.keySpan,
    field: 'metadata.annotations',
    data: { bytes: total },
  });
});
