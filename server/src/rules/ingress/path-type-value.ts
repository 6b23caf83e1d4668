// Mirrors validateHTTPIngressPath's NotSupported error for an unknown pathType.
import { notSupported } from '../../ingress/field-errors';
import { PATH_TYPES } from '../../ingress/schema';
import type { ObjectRule } from '../rule';
import { pathItems, readStr, validatable } from './common';

export const pathTypeValue: ObjectRule = {
  id: 'ingress/path-type-value',
  description: 'pathType must be Exact, Prefix or ImplementationSpecific (case matters).',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    if (!validatable(obj)) return;
    for (const item of pathItems(obj)) {
      const t = readStr(item, 'pathType');
      if (t.state !== 'set' || (PATH_TYPES as readonly string[]).includes(t.value)) continue;
      const suggestion = PATH_TYPES.find((p) => p.toLowerCase() === t.value.toLowerCase());
      report({
        message: notSupported(t.node.path, t.value, PATH_TYPES),
        span: t.node.span,
        field: t.node.path,
        data: suggestion ? { replacement: suggestion } : undefined,
      });
    }
  },
};
