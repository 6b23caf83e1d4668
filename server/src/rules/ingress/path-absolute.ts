// Mirrors validateHTTPIngressPath: for Exact and Prefix the path must start with '/' (an empty
// or missing path too); for ImplementationSpecific only a non-empty path is checked. Nothing is
// checked when pathType is missing or unsupported (the API server reports that instead).
import { invalid } from '../../ingress/field-errors';
import { childPath } from '../../ingress/source';
import { anchorFor, apiServerRule, pathItems, readStr } from './common';

export const pathAbsolute = apiServerRule({
  id: 'ingress/path-absolute',
  description: 'A path must be an absolute path (start with "/").',
}, (obj, report) => {
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
      data: path.state === 'set' ? { fix: { insert: '/', at: path.node.span.start } } : undefined,
    });
  }
});
