// Mirrors ValidateObjectMetaAccessor: an Ingress's metadata.namespace, when written, must be a
// DNS-1123 label (ValidateNamespaceName).
import { nameIsDNSLabel } from '../../ingress/k8s-validators';
import { apiServerRule, childMap, readStr, reportInvalid } from './common';

export const metadataNamespaceInvalid = apiServerRule({
  id: 'ingress/metadata-namespace-invalid',
  description: 'metadata.namespace must be a lowercase DNS-1123 label.',
}, (obj, report) => {
  const ns = readStr(childMap(obj.root, 'metadata'), 'namespace');
  if (ns.state === 'set' && ns.value !== '') reportInvalid(report, ns.node, ns.value, nameIsDNSLabel(ns.value));
});
