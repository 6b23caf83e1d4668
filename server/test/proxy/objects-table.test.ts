// The editor's proxy gets its rules as plain objects from the language server (routeTable with
// withObjects). Built from them, the table must route exactly as the one `serve` reads from files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRoutes } from '../../src/cli/workspace';
import { decide } from '../../src/proxy/decide';
import { routeObjectOf, routesFromObjects, servicePorts } from '../../src/proxy/index';
import type { RouteObject } from '../../src/protocol';
import { fixturePath } from '../helpers/fixtures';

const folder = fixturePath('proxy', 'routes');

function objectsOf(): RouteObject[] {
  const { store } = loadRoutes([folder], 'default');
  return (['Ingress', 'Service', 'IngressClass'] as const).flatMap((k) => store.list(k)).map(routeObjectOf);
}

const REQUESTS: [string, string][] = [
  ['shop.example.com', '/'], ['shop.example.com', '/api/cart'], ['shop.example.com', '/apiary'],
  ['a.apps.example.com', '/x'], ['docs.example.com', '/guide'], ['nowhere.example.org', '/'],
  ['shop.example.com', '/healthz'], ['SHOP.example.com:8080', '/api'],
];

test('routes built from the objects decide every request as the files do (rule, target, refusal)', () => {
  const files = loadRoutes([folder], 'default').table;
  const fromObjects = routesFromObjects(objectsOf()).table;
  for (const [host, path] of REQUESTS) {
    const a = decide(files, host, path);
    const b = decide(fromObjects, host, path);
    assert.deepEqual([b.rule, b.target, b.refusal], [a.rule, a.target, a.refusal], `${host}${path}`);
  }
  assert.ok(decide(fromObjects, 'shop.example.com', '/api/cart').target, 'the fixture routes /api/cart');
});

test('Services come along for port names; Secrets and non-objects are dropped', () => {
  const objects: RouteObject[] = [
    ...objectsOf(),
    { uri: 'file:///s.yaml', json: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls', namespace: 'shop' }, data: { 'tls.key': 'c2VjcmV0' } } },
    { uri: 'file:///x.yaml', json: 'not an object' },
    { uri: 'file:///y.yaml', json: [1, 2] },
  ];
  const { store } = routesFromObjects(objects);
  assert.equal(store.list('Secret').length, 0);
  assert.deepEqual(servicePorts(() => store).aliases({ namespace: 'shop', service: 'api', port: 'http' }), [8080]);
});
