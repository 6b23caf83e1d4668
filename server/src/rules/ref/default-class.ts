// Cluster only: the Ingress names no class (neither spec.ingressClassName nor the
// kubernetes.io/ingress.class annotation) and no IngressClass is marked default, so no
// controller will pick it up.
import { IS_DEFAULT_CLASS_ANNOTATION, type Ingress } from '../../ingress/model';
import { defaultIngressClass } from '../../ingress/default-class';
import { get } from '../../ingress/source';
import type { ClusterObjectRule, Report } from '../rule';
import { clusterKnows } from './lookup';

/** Where to point for a finding about the Ingress as a whole: its name, else its kind. */
export function ingressAnchor(ing: Ingress): Pick<Report, 'span' | 'field'> {
  const name = get(get(ing.root, 'metadata'), 'name');
  const node = name ?? get(ing.root, 'kind') ?? ing.root;
  return { span: node.span, field: name ? 'metadata.name' : undefined };
}

export function namesNoClass(ing: Ingress): boolean {
  return !ing.ingressClassName?.value && !ing.classAnnotation;
}

export const defaultClass: ClusterObjectRule<'Ingress'> = {
  id: 'ref/default-ingress-class',
  description: 'An Ingress without a class needs a default IngressClass in the cluster.',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  needsCluster: true,
  check(obj, ctx, report) {
    const ing = obj;
    if (!namesNoClass(ing) || !clusterKnows(ctx, 'IngressClass')) return;
    if (defaultIngressClass(ctx.store.list('IngressClass'))) return;
    report({
      message: `no ingressClassName and no default IngressClass in ${ctx.cluster.source} (annotation ${IS_DEFAULT_CLASS_ANNOTATION}: "true"): no controller will pick this Ingress up`,
      ...ingressAnchor(ing),
    });
  },
};
