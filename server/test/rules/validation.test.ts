// Behaviour of the validation rules beyond single fixture files: half-typed and broken
// documents, the annotation size limit, the quick-fix data of removed versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { analyze } from '../../src/rules/analyze';

const run = (text: string) => analyze([{ uri: 'file:///w/x.yaml', text }]).findings;
// The API server's own checks only: workspace references (ref/, tls/) are tested elsewhere.
const API_FAMILIES = /^(schema|ingress|deprecated)\//;
const ids = (text: string) => run(text).filter((f) => API_FAMILIES.test(f.ruleId)).map((f) => `${f.ruleId} ${f.field ?? ''}`);

test('a half-typed document still yields the findings that can be found', () => {
  const text = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - host: 10.0.0.1
      http:
        paths:
          - path: api
            pathType: Prefix
            backend:
              service:
                name:
                port:
`;
  assert.deepEqual(ids(text), [
    'ingress/host-ip-address spec.rules[0].host',
    'ingress/path-absolute spec.rules[0].http.paths[0].path',
    'ingress/service-port-exactly-one spec.rules[0].http.paths[0].backend',
    'ingress/service-name-invalid spec.rules[0].http.paths[0].backend.service.name',
  ]);
});

test('a document that fails to parse does not hide the findings of the others', () => {
  const text = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: broken
spec: [
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ok
spec:
  rules:
    - http:
        paths:
          - path: /x
            backend: { service: { name: web, port: { number: 80 } } }
`;
  const found = ids(text);
  assert.ok(found.some((f) => f.startsWith('schema/yaml-syntax')), found.join('\n'));
  assert.ok(found.includes('ingress/path-type-required spec.rules[0].http.paths[0].pathType'), found.join('\n'));
});

test('annotations over 256 KiB in total are refused', () => {
  const doc = (size: number) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    big: "${'x'.repeat(size)}"
spec:
  defaultBackend: { service: { name: web, port: { number: 80 } } }
`;
  const over = run(doc(256 * 1024 - 2)).filter((f) => f.ruleId === 'ingress/annotations-too-long');
  assert.deepEqual(over.map((f) => f.message), ['metadata.annotations: Too long: may not be more than 262144 bytes']);
  assert.deepEqual(run(doc(256 * 1024 - 3)).filter((f) => f.ruleId === 'ingress/annotations-too-long'), []);
});

test('a removed apiVersion carries a whole-document edit to networking.k8s.io/v1', () => {
  const text = `apiVersion: v1
kind: Service
metadata: { name: web }
---
apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: old # comment kept
spec:
  backend:
    serviceName: web
    servicePort: 80
`;
  const [f] = run(text).filter((x) => x.ruleId === 'deprecated/api-version-removed');
  assert.ok(f);
  assert.equal(f.message, 'Ingress networking.k8s.io/v1beta1 was removed in Kubernetes 1.22; use networking.k8s.io/v1');
  const edit = f.data!.edit as { span: { start: number; end: number }; newText: string };
  const fixed = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
  assert.match(fixed, /name: old # comment kept/);
  const after = run(fixed);
  assert.deepEqual(after.filter((x) => x.severity === 'error').map((x) => x.ruleId), []);
  assert.deepEqual(parse(fixed.split('---\n')[1]!).spec, { defaultBackend: { service: { name: 'web', port: { number: 80 } } } });
});

test('removed versions are judged by deprecated/ only, not by the v1 rules', () => {
  const text = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: old
spec:
  rules:
    - http:
        paths:
          - path: /
            backend: { serviceName: web, servicePort: 80 }
`;
  assert.deepEqual(ids(text), ['deprecated/api-version-removed apiVersion']);
});

test('objects inside a kind: List are named by their own field paths', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: networking.k8s.io/v1
    kind: Ingress
    metadata: { name: a }
    spec:
      rules:
        - host: Foo.com
          http:
            paths:
              - { path: x, pathType: Prefix, backend: { service: { name: web, port: { number: 80 } } } }
`;
  assert.deepEqual(ids(text), ['ingress/host-invalid spec.rules[0].host', 'ingress/path-absolute spec.rules[0].http.paths[0].path']);
});

test('a spec of the wrong type is left to schema/wrong-type', () => {
  const text = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: a }\nspec: [1]\n';
  assert.deepEqual(ids(text), ['schema/wrong-type spec']);
});
