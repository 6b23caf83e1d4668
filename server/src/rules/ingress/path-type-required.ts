// Mirrors validateHTTPIngressPath: `<path>.pathType: Required value: pathType must be specified`.
import { required } from '../../ingress/field-errors';
import { childPath } from '../../ingress/source';
import type { ObjectRule } from '../rule';
import { anchorFor, pathItems, readStr, validatable } from './common';

export const pathTypeRequired: ObjectRule = {
  id: 'ingress/path-type-required',
  description: 'Every path needs a pathType (Exact, Prefix or ImplementationSpecific).',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    if (!validatable(obj)) return;
    for (const item of pathItems(obj)) {
      if (readStr(item, 'pathType').state !== 'unset') continue;
      const field = childPath(item.path, 'pathType');
      report({ message: required(field, 'pathType must be specified'), span: anchorFor(item, 'pathType'), field });
    }
  },
};
