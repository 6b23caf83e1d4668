// Rewriting removed Ingress/IngressClass versions to networking.k8s.io/v1, comments kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { isRemovedApiVersion, rewriteToNetworkingV1 } from '../../src/ingress/migrate';

const OLD = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: old # keep me
spec:
  backend:
    serviceName: default-http
    servicePort: 80
  rules:
    - host: a.example.com
      http:
        paths:
          - path: /api
            backend:
              serviceName: api
              servicePort: http
          - path: /web
            pathType: Exact
            backend: { serviceName: web, servicePort: "8080" }
`;

test('a v1beta1 Ingress becomes a valid networking.k8s.io/v1 Ingress', () => {
  const r = rewriteToNetworkingV1(OLD)!;
  assert.deepEqual(parse(r.text), {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'old' },
    spec: {
      defaultBackend: { service: { name: 'default-http', port: { number: 80 } } },
      rules: [{
        host: 'a.example.com',
        http: {
          paths: [
            { path: '/api', pathType: 'ImplementationSpecific', backend: { service: { name: 'api', port: { name: 'http' } } } },
            { path: '/web', pathType: 'Exact', backend: { service: { name: 'web', port: { number: 8080 } } } },
          ],
        },
      }],
    },
  });
  assert.match(r.text, /# keep me/);
  assert.deepEqual(r.changes, [
    'apiVersion: extensions/v1beta1 → networking.k8s.io/v1',
    'spec.backend → spec.defaultBackend',
    'spec.defaultBackend: serviceName/servicePort → service.name/service.port.number',
    'spec.rules[0].http.paths[0].pathType: ImplementationSpecific (the v1beta1 default) written out',
    'spec.rules[0].http.paths[0].backend: serviceName/servicePort → service.name/service.port.name',
    'spec.rules[0].http.paths[1].backend: serviceName/servicePort → service.name/service.port.number',
  ]);
});

test('a v1beta1 IngressClass only changes its apiVersion; resource backends stay', () => {
  const r = rewriteToNetworkingV1('apiVersion: networking.k8s.io/v1beta1\nkind: IngressClass\nmetadata: {name: c}\nspec: {controller: acme.io/x}\n')!;
  assert.equal(r.text, 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: { name: c }\nspec: { controller: acme.io/x }\n');
  const res = rewriteToNetworkingV1('apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nspec:\n  backend:\n    resource: {kind: B, name: b}\n')!;
  assert.deepEqual(parse(res.text).spec, { defaultBackend: { resource: { kind: 'B', name: 'b' } } });
});

test('which versions are removed, and broken text is not rewritten', () => {
  assert.ok(isRemovedApiVersion('extensions/v1beta1', 'Ingress'));
  assert.ok(isRemovedApiVersion('networking.k8s.io/v1beta1', 'IngressClass'));
  assert.ok(!isRemovedApiVersion('networking.k8s.io/v1', 'Ingress'));
  assert.ok(!isRemovedApiVersion('extensions/v1beta1', 'Service'));
  assert.equal(rewriteToNetworkingV1('apiVersion: [unclosed\n'), undefined);
});
