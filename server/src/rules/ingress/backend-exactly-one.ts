// Mirrors validateIngressBackend: a backend sets exactly one of service and resource.
import { invalid } from '../../ingress/field-errors';
import { apiServerRule, backendSites, isSet } from './common';

export const backendExactlyOne = apiServerRule({
  id: 'ingress/backend-exactly-one',
  description: 'A backend must set exactly one of service and resource.',
}, (obj, report) => {
  for (const site of backendSites(obj)) {
    const svc = isSet(site.map, 'service');
    const res = isSet(site.map, 'resource');
    if (svc !== res) continue;
    const detail = svc ? 'cannot set both resource and service backends' : 'resource or service backend is required';
    report({ message: invalid(site.field, '', detail), span: site.anchor, field: site.field });
  }
});
