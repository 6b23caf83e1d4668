// An Ingress or IngressClass whose apiVersion no Kubernetes release serves (a typo such as
// networking.k8s.io/v1beta, or a guess such as v1). kubectl stops with
// `no matches for kind "Ingress" in version "v1"`. Removed versions are deprecated/api-version-removed's.
import { isRemovedApiVersion, NETWORKING_V1 } from '../../ingress/migrate';
import { entry } from '../../ingress/source';
import type { ObjectRule } from '../rule';

export const apiVersionUnknown: ObjectRule = {
  id: 'schema/api-version-unknown',
  description: 'Ingress and IngressClass are served as networking.k8s.io/v1 only.',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress', 'IngressClass'],
  check(obj, _ctx, report) {
    const v = obj.apiVersion;
    if (v === '' || v === NETWORKING_V1 || isRemovedApiVersion(v, obj.kind)) return;
    const e = entry(obj.root, 'apiVersion')!;
    report({
      message: `no matches for kind "${obj.kind}" in version "${v}"; use ${NETWORKING_V1}`,
      span: e.value.span,
      field: 'apiVersion',
      data: { replacement: NETWORKING_V1 },
    });
  },
};
