// The route tree: hosts ordered exact → wildcard → any, each node linked to its YAML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRouteTree } from '../../src/ingress/routing/index';
import { tableOf } from '../helpers/routing';

const text = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: t, namespace: web }
spec:
  defaultBackend: { service: { name: fallback, port: { name: http } } }
  tls: [{ hosts: ["*.example.com"], secretName: wild }]
  rules:
    - http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: any, port: { number: 80 } } } }] }
    - host: "*.example.com"
      http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: wild, port: { number: 80 } } } }] }
    - host: shop.example.com
      http:
        paths:
          - { path: /b, pathType: Prefix, backend: { service: { name: b, port: { number: 80 } } } }
          - { path: /a, pathType: ImplementationSpecific, backend: { resource: { apiGroup: k8s.example.com, kind: Bucket, name: static } } }
`;

test('route tree: host order, TLS, path order, backends and YAML links', () => {
  const tree = buildRouteTree(tableOf(text));
  assert.deepEqual(tree.hosts.map((h) => [h.host, h.kind, h.tls]), [
    ['shop.example.com', 'exact', true], ['*.example.com', 'wildcard', true], [null, 'any', false],
  ]);
  const shop = tree.hosts[0]!;
  assert.equal(text.slice(shop.source.span.start, shop.source.span.end), 'shop.example.com');
  assert.equal(shop.source.field, 'spec.rules[2].host');
  assert.deepEqual(shop.paths.map((p) => [p.path, p.match, p.backendLabel, p.field]), [
    ['/a', 'Prefix', 'resource k8s.example.com/Bucket static', 'spec.rules[2].http.paths[1]'],
    ['/b', 'Prefix', 'service b:80', 'spec.rules[2].http.paths[0]'],
  ]);
  assert.match(shop.paths[0]!.note!, /ImplementationSpecific is matched as Prefix/);
  assert.deepEqual(tree.defaultBackends.map((d) => [d.ingress, d.backendLabel, d.catchAll, d.field]), [
    ['web/t', 'service fallback:http', false, 'spec.defaultBackend'],
  ]);
});
