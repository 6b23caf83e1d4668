// Mirrors validateIngressTypedLocalObjectReference: a resource backend needs kind and name
// (usable as URL path segments) and an optional apiGroup that is a DNS-1123 subdomain.
import { required } from '../../ingress/field-errors';
import { isDNS1123Subdomain, isPathSegmentName } from '../../ingress/k8s-validators';
import { childPath, type SMap } from '../../ingress/source';
import type { Reporter } from '../rule';
import { anchorFor, apiServerRule, backendSites, childMap, isSet, readStr, reportInvalid } from './common';

/** Checks a typed object reference (resource backend, IngressClass parameters): apiGroup, kind, name. */
export function checkTypedReference(ref: SMap, report: Reporter): void {
  const group = readStr(ref, 'apiGroup');
  if (group.state === 'set') reportInvalid(report, group.node, group.value, isDNS1123Subdomain(group.value));
  for (const key of ['kind', 'name']) {
    const r = readStr(ref, key);
    if (r.state === 'bad') continue;
    if (r.state === 'unset' || r.value === '') {
      const field = childPath(ref.path, key);
      report({ message: required(field, `${key} is required`), span: r.state === 'set' ? r.node.span : anchorFor(ref, key), field });
    } else {
      reportInvalid(report, r.node, r.value, isPathSegmentName(r.value));
    }
  }
}

export const resourceBackendInvalid = apiServerRule({
  id: 'ingress/resource-backend-invalid',
  description: 'A resource backend needs kind and name, and a valid apiGroup when one is given.',
}, (obj, report) => {
  for (const site of backendSites(obj)) {
    const res = childMap(site.map, 'resource');
    if (res && !isSet(site.map, 'service')) checkTypedReference(res, report);
  }
});
