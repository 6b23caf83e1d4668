// Mirrors validateIngressBackend: a service backend sets exactly one of port.name and
// port.number (a number of 0 counts as unset, as in Go).
import { invalid, required } from '../../ingress/field-errors';
import { apiServerRule, isSet, serviceSites, strOrEmpty } from './common';
import { asScalar, get } from '../../ingress/source';

export const servicePortExactlyOne = apiServerRule({
  id: 'ingress/service-port-exactly-one',
  description: 'A service backend must set exactly one of port.name and port.number.',
}, (obj, report) => {
  for (const site of serviceSites(obj)) {
    const port = site.port;
    if (!port && isSet(site.service, 'port')) continue; // not a map: schema/wrong-type
    const name = strOrEmpty(port, 'name');
    const number = asScalar(get(port, 'number'))?.value;
    if (name === undefined || (number !== null && number !== undefined && typeof number !== 'number')) continue;
    const hasName = name.length > 0;
    const hasNumber = typeof number === 'number' && number !== 0;
    if (hasName && hasNumber) {
      report({ message: invalid(site.field, '', 'cannot set both port name & port number'), span: site.anchor, field: site.field });
    } else if (!hasName && !hasNumber) {
      report({ message: required(site.field, 'port name or number is required'), span: site.anchor, field: site.field });
    }
  }
});
