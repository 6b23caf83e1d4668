// Mirrors validateIngressBackend: `...service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive`.
import { isValidPortNum } from '../../ingress/k8s-validators';
import type { ObjectRule } from '../rule';
import { backendSites, childMap, isSet, readInt, strOrEmpty, reportInvalid, validatable } from './common';

export const portNumberRange: ObjectRule = {
  id: 'ingress/port-number-range',
  description: 'A service port number must be between 1 and 65535.',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    if (!validatable(obj)) return;
    for (const site of backendSites(obj)) {
      const port = childMap(childMap(site.map, 'service'), 'port');
      if (!port || isSet(site.map, 'resource') || strOrEmpty(port, 'name') !== '') continue;
      const n = readInt(port, 'number');
      if (n.state === 'set' && n.value !== 0) reportInvalid(report, n.node, n.value, isValidPortNum(n.value));
    }
  },
};
