// Mirrors validateHTTPIngressPath: `<path>.pathType: Required value: pathType must be specified`.
import { required } from '../../ingress/field-errors';
import { childPath } from '../../ingress/source';
import { anchorFor, apiServerRule, pathItems, readStr } from './common';

export const pathTypeRequired = apiServerRule({
  id: 'ingress/path-type-required',
  description: 'Every path needs a pathType (Exact, Prefix or ImplementationSpecific).',
}, (obj, report) => {
  for (const item of pathItems(obj)) {
    if (readStr(item, 'pathType').state !== 'unset') continue;
    const field = childPath(item.path, 'pathType');
    report({ message: required(field, 'pathType must be specified'), span: anchorFor(item, 'pathType'), field });
  }
});
