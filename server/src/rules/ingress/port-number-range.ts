// Mirrors validateIngressBackend: `...service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive`.
import { isValidPortNum } from '../../ingress/k8s-validators';
import { apiServerRule, readInt, reportInvalid, serviceSites, strOrEmpty } from './common';

export const portNumberRange = apiServerRule({
  id: 'ingress/port-number-range',
  description: 'A service port number must be between 1 and 65535.',
}, (obj, report) => {
  for (const { port } of serviceSites(obj)) {
    if (!port || strOrEmpty(port, 'name') !== '') continue;
    const n = readInt(port, 'number');
    if (n.state === 'set' && n.value !== 0) reportInvalid(report, n.node, n.value, isValidPortNum(n.value));
  }
});
