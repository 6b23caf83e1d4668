// Mirrors validateIngressBackend: a port name must be an IANA service name (IsValidPortName).
import { isValidPortName } from '../../ingress/k8s-validators';
import { asScalar, get } from '../../ingress/source';
import type { ObjectRule } from '../rule';
import { backendSites, childMap, isSet, readStr, reportInvalid, validatable } from './common';

export const portNameInvalid: ObjectRule = {
  id: 'ingress/port-name-invalid',
  description: 'A service port name must be a lowercase IANA service name: at most 15 of a-z, 0-9 and "-", with a letter.',
  severity: 'error',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, _ctx, report) {
    if (!validatable(obj)) return;
    for (const site of backendSites(obj)) {
      const port = childMap(childMap(site.map, 'service'), 'port');
      if (!port || isSet(site.map, 'resource')) continue;
      const name = readStr(port, 'name');
      const number = asScalar(get(port, 'number'))?.value;
      if (name.state !== 'set' || name.value === '' || (typeof number === 'number' && number !== 0)) continue;
      reportInvalid(report, name.node, name.value, isValidPortName(name.value));
    }
  },
};
