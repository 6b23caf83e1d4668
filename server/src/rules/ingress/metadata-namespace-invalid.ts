// Mirrors ValidateObjectMetaAccessor: an Ingress's metadata.namespace, when written, must be a
// DNS-1123 label (ValidateNamespaceName).
import { nameIsDNSLabel } from '../../ingress/k8s-validators';
import type { ObjectRule } from '../rule';
import { childMap, readStr, reportInvalid, validatable } from './common';

export const metadataNamespaceInvalid: ObjectRule = {
  id: 'ingress/metadata-namespace-invalid',
  description: 'metadata.namespace must be a lowercase DNS-1123 label.',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    if (!validatable(obj)) return;
    const ns = readStr(childMap(obj.root, 'metadata'), 'namespace');
    if (ns.state === 'set' && ns.value !== '') reportInvalid(report, ns.node, ns.value, nameIsDNSLabel(ns.value));
  },
};
