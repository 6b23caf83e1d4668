// Mirrors validateIngressBackend: a port name must be an IANA service name (IsValidPortName).
import { isValidPortName } from '../../ingress/k8s-validators';
import { asScalar, get } from '../../ingress/source';
import { apiServerRule, readStr, reportInvalid, serviceSites } from './common';

export const portNameInvalid = apiServerRule({
  id: 'ingress/port-name-invalid',
  description: 'A service port name must be a lowercase IANA service name: at most 15 of a-z, 0-9 and "-", with a letter.',
}, (obj, report) => {
  for (const { port } of serviceSites(obj)) {
    if (!port) continue;
    const name = readStr(port, 'name');
    const number = asScalar(get(port, 'number'))?.value;
    if (name.state !== 'set' || name.value === '' || (typeof number === 'number' && number !== 0)) continue;
    reportInvalid(report, name.node, name.value, isValidPortName(name.value));
  }
});
