// Mirrors validateIngressBackend: a backend service name is required and must be a DNS-1035
// label (ValidateServiceName; the RelaxedServiceNameValidation gate is off by default).
import { required } from '../../ingress/field-errors';
import { nameIsDNS1035Label } from '../../ingress/k8s-validators';
import { childPath } from '../../ingress/source';
import { anchorFor, apiServerRule, readStr, reportInvalid, serviceSites } from './common';

export const serviceNameInvalid = apiServerRule({
  id: 'ingress/service-name-invalid',
  description: 'A backend service name is required and must be a DNS-1035 label (lowercase, starts with a letter).',
}, (obj, report) => {
  for (const { service: svc } of serviceSites(obj)) {
    const name = readStr(svc, 'name');
    if (name.state === 'bad') continue;
    if (name.state === 'unset' || name.value === '') {
      const field = childPath(svc.path, 'name');
      report({ message: required(field), span: name.state === 'set' ? name.node.span : anchorFor(svc, 'name'), field });
      continue;
    }
    reportInvalid(report, name.node, name.value, nameIsDNS1035Label(name.value));
  }
});
