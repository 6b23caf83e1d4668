// Once per Ingress: the ingress-nginx annotations Ingress Lab does not model. Routes, Try, the
// proxy and the Gateway API conversion do not apply them, so say so rather than stay silent.
import { NGINX_PREFIX } from '../../ingress/nginx-annotations';
import { MODELLED } from '../../ingress/routing/profiles/nginx-annotations';
import type { ObjectRule } from '../rule';
import { KNOWN_NGINX, nginxEntries } from './common';

export const notModelled: ObjectRule = {
  id: 'annotation/not-modelled',
  description: 'ingress-nginx annotations that Ingress Lab does not model (routes, Try, the proxy and the Gateway API conversion ignore them), listed once per Ingress.',
  severity: 'info',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    const { annotations, entries } = nginxEntries(obj);
    const names = entries.map((e) => e.key.slice(NGINX_PREFIX.length)).filter((n) => KNOWN_NGINX.has(n) && !MODELLED.has(n));
    if (!annotations || !names.length) return;
    report({
      message: `not modelled by Ingress Lab (routes, Try, the proxy and the Gateway API conversion ignore ${names.length === 1 ? 'it' : 'them'}): ${names.join(', ')}`,
      span: annotations.keySpan,
      field: 'metadata.annotations',
      data: { annotations: names },
    });
  },
};
