// Mirrors validateHTTPIngressPath: for Exact and Prefix the path must start with '/' (an empty
// or missing path too); for ImplementationSpecific only a non-empty path is checked. Nothing is
// checked when pathType is missing or unsupported (the API server reports that instead).
import { invalid } from '../../ingress/field-errors';
import { childPath } from '../../ingress/source';
import type { ObjectRule } from '../rule';
import { anchorFor, pathItems, readStr, validatable } from './common';

export const pathAbsolute: ObjectRule = {
  id: 'ingress/path-absolute',
  description: 'A path must be an absolute path (start with "/").',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    if (!validatable(obj)) return;
    for (const item of pathItems(obj)) {
      const type = readStr(item, 'pathType');
      const path = readStr(item, 'path');
      if (type.state !== 'set' || path.state === 'bad') continue;
      const value = path.state === 'set' ? path.value : '';
      const strict = type.value === 'Exact' || type.value === 'Prefix';
      if (!strict && (type.value !== 'ImplementationSpecific' || value === '')) continue;
      if (value.startsWith('/')) continue;
      const field = childPath(item.path, 'path');
      report({
        message: invalid(field, value, 'must be an absolute path'),
        span: path.state === 'set' ? path.node.span : anchorFor(item, 'path'),
        field,
        data: { fix: { insert: '/', at: path.state === 'set' ? path.node.span.start : undefined } },
      });
    }
  },
};
