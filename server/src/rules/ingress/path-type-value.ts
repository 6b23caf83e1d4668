// Mirrors validateHTTPIngressPath's NotSupported error for an unknown pathType.
import { notSupported } from '../../ingress/field-errors';
import { PATH_TYPES } from '../../ingress/schema';
import { closest } from '../../ingress/spelling';
import { apiServerRule, pathItems, readStr } from './common';

export const pathTypeValue = apiServerRule({
  id: 'ingress/path-type-value',
  description: 'pathType must be Exact, Prefix or ImplementationSpecific (case matters).',
}, (obj, report) => {
  for (const item of pathItems(obj)) {
    const t = readStr(item, 'pathType');
    if (t.state !== 'set' || (PATH_TYPES as readonly string[]).includes(t.value)) continue;
    const suggestion = closest(t.value, PATH_TYPES);
    report({
      message: notSupported(t.node.path, t.value, PATH_TYPES),
      span: t.node.span,
      field: t.node.path,
      data: suggestion ? { replacement: suggestion } : undefined,
    });
  }
});
