// Mirrors ValidateObjectMetaAccessor with NameIsDNSSubdomain (Ingress and IngressClass names):
// generateName must be a valid prefix, and a name is required unless generateName is set.
import { required } from '../../ingress/field-errors';
import { nameIsDNSSubdomain } from '../../ingress/k8s-validators';
import { anchorFor, apiServerRule, childMap, readStr, reportInvalid } from './common';

export const metadataNameInvalid = apiServerRule({
  id: 'ingress/metadata-name-invalid',
  description: 'metadata.name is required (unless generateName is set) and must be a lowercase DNS-1123 subdomain.',
  kinds: ['Ingress', 'IngressClass'],
}, (obj, report) => {
  const meta = childMap(obj.root, 'metadata');
  const gen = readStr(meta, 'generateName');
  const name = readStr(meta, 'name');
  if (gen.state === 'bad' || name.state === 'bad') return;
  const hasGen = gen.state === 'set' && gen.value !== '';
  if (hasGen) reportInvalid(report, gen.node, gen.value, nameIsDNSSubdomain(gen.value, true));
  if (name.state === 'set' && name.value !== '') {
    reportInvalid(report, name.node, name.value, nameIsDNSSubdomain(name.value));
  } else if (!hasGen) {
    const span = name.state === 'set' ? name.node.span : meta ? anchorFor(meta, 'name') : anchorFor(obj.root, 'metadata');
    report({ message: required('metadata.name', 'name or generateName is required'), span, field: 'metadata.name' });
  }
});
