// More than one IngressClass is marked default: the API server's DefaultIngressClass admission
// plugin gives an Ingress that names no class the newest of them (older releases refused the
// Ingress), which is rarely what the author meant. Works on workspace classes alone and with a cluster.
import type { ObjectRule } from '../rule';
import { ingressAnchor, namesNoClass } from './default-class';
import { foundIn } from './lookup';
import { defaultIngressClasses } from '../../ingress/default-class';

export const severalDefaultClasses: ObjectRule<'Ingress'> = {
  id: 'ref/several-default-classes',
  description: 'At most one IngressClass may be marked default when an Ingress names no class.',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, ctx, report) {
    const ing = obj;
    if (!namesNoClass(ing)) return;
    const defaults = defaultIngressClasses(ctx.store.list('IngressClass'));
    if (defaults.length < 2) return;
    report({
      message: `${defaults.length} IngressClasses are marked default (${defaults.map((c) => `${c.name}, ${foundIn(c, ctx)}`).join('; ')}): the API server gives an Ingress that names no class the newest, ${defaults[0]!.name}; set spec.ingressClassName`,
      ...ingressAnchor(ing),
      related: defaults.filter((c) => c.origin === 'workspace').map((c) => ({ uri: c.uri, span: c.span, message: `default IngressClass ${c.name}` })),
    });
  },
};
