// Which IngressClass an Ingress without a class gets: the DefaultIngressClass admission plugin's
// choice among the classes marked default (newest creationTimestamp, then name).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultIngressClass, defaultIngressClasses } from '../../src/ingress/default-class';
import { parseManifest } from '../../src/ingress/documents';
import { extractObjects, type IngressClass } from '../../src/ingress/model';

function classes(...specs: [name: string, isDefault: boolean, created?: string][]): IngressClass[] {
  const text = specs.map(([name, isDefault, created]) => `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: ${name}
${created ? `  creationTimestamp: "${created}"\n` : ''}  annotations:
    ingressclass.kubernetes.io/is-default-class: "${isDefault}"
spec:
  controller: acme.io/ingress
`).join('---\n');
  return extractObjects(parseManifest('file:///c.yaml', text), { defaultNamespace: 'default', origin: 'cluster' })
    .filter((o): o is IngressClass => o.kind === 'IngressClass');
}

test('no default class: none', () => {
  assert.equal(defaultIngressClass(classes(['a', false])), undefined);
});

test('several defaults: the newest wins, then the first name', () => {
  const cs = classes(['old', true, '2024-01-01T00:00:00Z'], ['new', true, '2025-06-01T00:00:00Z'], ['plain', false, '2026-01-01T00:00:00Z']);
  assert.equal(defaultIngressClass(cs)?.name, 'new');
  const tie = classes(['b', true, '2025-01-01T00:00:00Z'], ['a', true, '2025-01-01T00:00:00Z']);
  assert.deepEqual(defaultIngressClasses(tie).map((c) => c.name), ['a', 'b']);
});

test('a class not yet created (no creationTimestamp) counts as the newest', () => {
  const cs = classes(['live', true, '2025-01-01T00:00:00Z'], ['draft', true]);
  assert.equal(defaultIngressClass(cs)?.name, 'draft');
});
