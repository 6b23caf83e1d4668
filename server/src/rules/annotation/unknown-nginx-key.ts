// An nginx.ingress.kubernetes.io/* key ingress-nginx does not know (a typo, most often):
// the controller ignores it silently. The closest documented name is offered as replacement.
import { NGINX_PREFIX } from '../../ingress/nginx-annotations';
import { NGINX_ANNOTATION_NAMES } from '../../ingress/nginx-annotation-names';
import { closest } from '../../ingress/spelling';
import type { ObjectRule } from '../rule';
import { KNOWN_NGINX, nginxEntries } from './common';

export const unknownNginxKey: ObjectRule = {
  id: 'annotation/unknown-nginx-key',
  description: 'An nginx.ingress.kubernetes.io/* annotation that ingress-nginx does not document: it is ignored (a typo?).',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    for (const e of nginxEntries(obj).entries) {
      const name = e.key.slice(NGINX_PREFIX.length);
      if (KNOWN_NGINX.has(name)) continue;
      const guess = closest(name, NGINX_ANNOTATION_NAMES);
      report({
        message: `unknown ingress-nginx annotation "${e.key}": the controller ignores it${guess ? `; did you mean "${NGINX_PREFIX}${guess}"?` : ''}`,
        span: e.keySpan,
        field: `metadata.annotations.${e.key}`,
        data: guess ? { replacement: NGINX_PREFIX + guess } : undefined,
      });
    }
  },
};
