// The editor's proxy gets the project's route table as data from the language server
// (routeTable with withTable). Rebuilt from it, the table must route exactly as the project's
// own: the same rule, target and refusal, also when a live Ingress's creationTimestamp decides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderProject } from '../../src/cli/workspace';
import { decide } from '../../src/proxy/decide';
import { routeTableData, servicePorts, tableFromData } from '../../src/proxy/index';
import { projectOf } from '../../src/rules/analyze';
import { ClusterObjects } from '../../src/ingress/store';
import { fixturePath } from '../helpers/fixtures';
import { gatewayObjectsOf } from '../../src/engine/gateway-objects';
import { servedGatewayObjects } from '../../src/gateway/served';
import { gatewayTableOfObjects } from '../../src/gateway/table';
import { gatewayLookup } from '../../src/gateway/match';
import { request } from '../../src/ingress/routing/profiles/answer';
import { servedSetsData } from '../../src/proxy/objects-table';
import { ingressesOf } from '../helpers/routing';

const folder = fixturePath('proxy', 'routes');

const REQUESTS: [string, string][] = [
  ['shop.example.com', '/'], ['shop.example.com', '/api/cart'], ['shop.example.com', '/apiary'],
  ['a.apps.example.com', '/x'], ['docs.example.com', '/guide'], ['nowhere.example.org', '/'],
  ['shop.example.com', '/healthz'], ['SHOP.example.com:8080', '/api'],
];

test('the table sent as data decides every request as the project does (rule, target, refusal)', () => {
  const project = folderProject([folder]);
  const own = project.routeTable();
  const sent = tableFromData(JSON.parse(JSON.stringify(routeTableData(own, project.store)))).table;
  for (const [host, path] of REQUESTS) {
    const a = decide(own, host, path);
    const b = decide(sent, host, path);
    assert.deepEqual([b.rule, b.target, b.refusal], [a.rule, a.target, a.refusal], `${host}${path}`);
  }
  assert.ok(decide(sent, 'shop.example.com', '/api/cart').target, 'the fixture routes /api/cart');
});

test('Services come along for port names; no Secret is ever sent', () => {
  const project = folderProject([folder]);
  const data = routeTableData(project.routeTable(), project.store);
  assert.ok(!JSON.stringify(data).includes('"Secret"'));
  const { store } = tableFromData(data);
  assert.deepEqual(servicePorts(() => store).aliases({ namespace: 'shop', service: 'api', port: 'http' }), [8080]);
});

test('a live Ingress older than the workspace one wins in the data too (its creationTimestamp travels with it)', () => {
  const ing = (name: string, svc: string, ts?: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: ${name}${ts ? `, creationTimestamp: "${ts}"` : ''} }
spec:
  rules:
    - host: x.example.com
      http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: ${svc}, port: { number: 80 } } } }] }
`;
  const cluster = new ClusterObjects();
  for (const o of ingressesOf(ing('live', 'old', '2024-01-01T00:00:00Z'), 'k8s://default/live', 'cluster')) cluster.upsert(o);
  const project = projectOf([{ uri: 'file:///w.yaml', text: ing('mine', 'new') }], { clusterObjects: cluster });
  const sent = tableFromData(JSON.parse(JSON.stringify(routeTableData(project.routeTable(), project.store)))).table;
  assert.equal(decide(sent, 'x.example.com', '/').target?.service, 'old');
  assert.equal(decide(project.routeTable(), 'x.example.com', '/').target?.service, 'old');
});

test('the served sets sent as data: the same profile, and the Gateway API set answers every request as the server\'s would', () => {
  const project = folderProject([fixturePath('proxy', 'gateway')]);
  const table = project.routeTable();
  const profile = project.profile('auto', table);
  const objects = servedGatewayObjects(table, project.store.list('Service'), profile, gatewayObjectsOf(project));
  const data = JSON.parse(JSON.stringify({ ...routeTableData(table, project.store), ...servedSetsData(profile, objects) }));
  const sent = tableFromData(data);
  assert.equal(sent.profile?.id, 'ingress-nginx');
  const own = gatewayTableOfObjects(objects);
  for (const [host, path, scheme] of [['shop.example.com', '/cart/', 'http'], ['shop.example.com', '/', 'https'], ['api.example.com', '/v1/x?y=1', 'http'], ['blog.example.com', '/posts/9', 'http'], ['docs.example.com', '/guide', 'http'], ['nowhere.example.org', '/', 'http']] as const) {
    const req = request(host, path, { scheme });
    const a = gatewayLookup(own, req);
    const b = gatewayLookup(sent.gateway!, req);
    assert.deepEqual([b.status, b.backends, b.upstreamPath, b.upstreamHost, b.location, b.rule], [a.status, a.backends, a.upstreamPath, a.upstreamHost, a.location, a.rule], `${scheme}://${host}${path}`);
  }
  assert.equal(gatewayLookup(sent.gateway!, request('docs.example.com', '/guide')).upstreamHost, 'docs.internal', 'the workspace HTTPRoute came along');
});
