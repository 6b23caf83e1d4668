// Mirrors validateHTTPIngressPath in kubernetes pkg/apis/networking/validation:
// every path must start with '/'.
import type { Ingress } from '../../ingress/model';
import type { ObjectRule } from '../rule';

export const pathAbsolute: ObjectRule = {
  id: 'ingress/path-absolute',
  description: 'A path must be an absolute path (start with "/").',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    for (const rule of (obj as Ingress).rules) {
      for (const p of rule.paths) {
        if (!p.path || p.path.value.startsWith('/')) continue;
        report({
          message: `${p.path.node.path}: Invalid value: "${p.path.value}": must be an absolute path`,
          span: p.path.node.span,
          field: p.path.node.path,
          data: { fix: { insert: '/', at: p.path.node.span.start } },
        });
      }
    }
  },
};
