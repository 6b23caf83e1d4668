// The schema as data: navigable by field path, listing the fields allowed at a path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedFields, INGRESS_CLASS_V1, INGRESS_V1, objectSchema, parseFieldPath, schemaAt } from '../../src/ingress/schema';

test('field paths split into names and indexes', () => {
  assert.deepEqual(parseFieldPath('spec.rules[0].http.paths[12].backend'), ['spec', 'rules', 0, 'http', 'paths', 12, 'backend']);
  assert.deepEqual(parseFieldPath(''), []);
});

test('allowedFields lists what may be written under a path', () => {
  assert.deepEqual(allowedFields(INGRESS_V1, 'spec').map((f) => f.name).sort(), ['defaultBackend', 'ingressClassName', 'rules', 'tls']);
  assert.deepEqual(allowedFields(INGRESS_V1, 'spec.rules[3]').map((f) => f.name), ['host', 'http']);
  assert.deepEqual(allowedFields(INGRESS_V1, 'spec.rules[0].http.paths[0].backend.service.port').map((f) => f.name), ['name', 'number']);
  assert.deepEqual(allowedFields(INGRESS_CLASS_V1, 'spec.parameters').map((f) => f.name), ['apiGroup', 'kind', 'name', 'scope', 'namespace']);
  assert.deepEqual(allowedFields(INGRESS_V1, 'spec.nope'), []);
});

test('schemaAt gives type, enum and documentation for hover', () => {
  const pathType = schemaAt(INGRESS_V1, 'spec.rules[0].http.paths[0].pathType')!;
  assert.equal(pathType.type, 'string');
  assert.deepEqual(pathType.enum, ['Exact', 'ImplementationSpecific', 'Prefix']);
  assert.match(pathType.doc, /ImplementationSpecific/);
  assert.equal(schemaAt(INGRESS_V1, 'metadata.labels.app')?.type, 'string');
  assert.equal(schemaAt(INGRESS_V1, 'metadata.annotations.kubernetes.io/ingress.class')?.type, 'string');
  assert.equal(schemaAt(INGRESS_V1, 'spec.toString'), undefined);
  assert.equal(schemaAt(INGRESS_V1, 'spec.rules.http'), undefined, 'a list needs an index');
  assert.equal(objectSchema('networking.k8s.io/v1', 'Ingress'), INGRESS_V1);
  assert.equal(objectSchema('extensions/v1beta1', 'Ingress'), undefined);
});

test('every field carries documentation', () => {
  const missing: string[] = [];
  const visit = (s: typeof INGRESS_V1, path: string) => {
    for (const [name, f] of Object.entries(s.fields ?? {})) {
      if (!f.doc) missing.push(`${path}.${name}`);
      const inner = f.items ?? f;
      if (inner.type === 'object') visit(inner, `${path}.${name}`);
    }
  };
  visit(INGRESS_V1, 'Ingress');
  visit(INGRESS_CLASS_V1, 'IngressClass');
  assert.deepEqual(missing, []);
});
