// Mirrors validateIngressClassParametersReference: kind and name required, apiGroup a DNS-1123
// subdomain, scope Cluster (the default) or Namespace; Namespace scope needs a valid namespace,
// Cluster scope forbids one.
import { forbidden, notSupported, required } from '../../ingress/field-errors';
import { nameIsDNSLabel } from '../../ingress/k8s-validators';
import { PARAMETER_SCOPES } from '../../ingress/schema';
import { childPath } from '../../ingress/source';
import { anchorFor, apiServerRule, childMap, readStr, reportInvalid, spec } from './common';
import { checkTypedReference } from './resource-backend-invalid';

export const ingressClassParametersInvalid = apiServerRule({
  id: 'ingress/ingressclass-parameters-invalid',
  description: 'spec.parameters needs kind and name, and scope Cluster (no namespace) or Namespace (with a namespace).',
  kinds: ['IngressClass'],
}, (obj, report) => {
  const params = childMap(spec(obj), 'parameters');
  if (!params) return;
  checkTypedReference(params, report);
  const scope = readStr(params, 'scope');
  const ns = readStr(params, 'namespace');
  if (scope.state === 'bad' || ns.state === 'bad') return;
  const value = scope.state === 'set' ? scope.value : 'Cluster';
  const nsField = childPath(params.path, 'namespace');
  if (scope.state === 'set' && !(PARAMETER_SCOPES as readonly string[]).includes(value)) {
    report({ message: notSupported(scope.node.path, value, PARAMETER_SCOPES), span: scope.node.span, field: scope.node.path });
  } else if (value === 'Namespace') {
    if (ns.state === 'unset') {
      report({ message: required(nsField, "`parameters.scope` is set to 'Namespace'"), span: anchorFor(params, 'namespace'), field: nsField });
    } else {
      reportInvalid(report, ns.node, ns.value, nameIsDNSLabel(ns.value));
    }
  } else if (ns.state === 'set') {
    report({ message: forbidden(nsField, "`parameters.scope` is set to 'Cluster'"), span: ns.node.span, field: nsField });
  }
});
