// LSP-level: the Routes view's data (ingressLab/routeTree) lists the workspace's HTTPRoutes as
// Gateway API hosts → matches (in Gateway API precedence, conflicts and shadowed matches
// marked) → backendRefs with their share, each linked to its YAML and carrying the request
// Try and Explain send; Explain answers with the Gateway API matcher. Over a real connection.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ExplainRouteRequest, RouteTreeRequest, RoutesChangedNotification, type RoutesChangedParams } from '../../src/protocol';
import { fixturePath } from '../helpers/fixtures';
import { TestClient } from './lsp-client';

let client: TestClient;
const URI = `file:///tmp/gateway-routes-${Math.random().toString(36).slice(2)}/routes.yaml`;
const TEXT = readFileSync(fixturePath('gateway', 'tree', 'routes.yaml'), 'utf8');

before(async () => {
  client = new TestClient();
  await client.initialize();
  await client.open(URI, TEXT);
  await client.waitForNotification<RoutesChangedParams>(RoutesChangedNotification.method, (p) => p.uris.includes(URI));
});
after(() => client.stop());

test('HTTPRoute matches are a Gateway API host\'s paths, in precedence order, with conflicts, shadowing, weights and locations', async () => {
  const tree = await client.conn.sendRequest(RouteTreeRequest, { uri: URI });
  const host = tree.hosts.find((h) => h.gatewayApi);
  assert.ok(host, JSON.stringify(tree.hosts.map((h) => h.host)));
  assert.equal(host.host, 'shop.example.com');
  assert.equal(TEXT.split('\n')[host.location!.range.start.line]!.trim(), 'hostnames: [shop.example.com]');
  assert.deepEqual(host.paths.map((p) => [p.path, p.pathType, `${p.namespace}/${p.ingress}`, p.status, p.gatewayApi?.reachable]), [
    ['/login', 'Exact', 'shop/a', 'active', true],
    ['/api', 'PathPrefix', 'shop/a', 'conflict', true],
    ['/api', 'PathPrefix', 'shop/a', 'shadowed', false],
    ['/api', 'PathPrefix', 'shop/b', 'conflict', false],
    ['/', 'PathPrefix', 'shop/b', 'active', true],
  ]);
  const [login, api, , lost, redirect] = host.paths;
  assert.deepEqual(login!.gatewayApi?.conditions, ['header x-env=canary']);
  assert.deepEqual(login!.gatewayApi?.listeners, ['Gateway shop/gw listener http']);
  assert.match(TEXT.split('\n')[login!.location.range.start.line]!, /value: \/login/, 'linked to the match');
  assert.deepEqual(api!.backends?.map((b) => [b.service, b.port, b.share]), [['api', 80, 90], ['api-canary', 80, 10]]);
  assert.equal(lost!.reason, 'the older route (then namespace/name) wins');
  assert.deepEqual(lost!.others?.map((o) => o.ingress), ['shop/a', 'shop/a']);
  assert.deepEqual(redirect!.gatewayApi?.filters, ['RequestRedirect 301 to https']);
  assert.equal(redirect!.backend, undefined);
  const req = api!.gatewayApi!.request;
  assert.deepEqual([req.url, req.scheme, req.ingress, req.service], ['http://shop.example.com/api', 'http', 'a', { name: 'api', port: 80 }]);
});

test('Explain route with gatewayApi answers with the Gateway API matcher: the winning match and why', async () => {
  const r = await client.conn.sendRequest(ExplainRouteRequest, { host: 'shop.example.com', path: '/api/x', gatewayApi: true });
  assert.match(r.decision, /^200 → shop\/api:80 \(90%\), shop\/api-canary:80 \(10%\) as \/api\/x via HTTPRoute shop\/a spec\.rules\[0\]$/);
  assert.ok(r.trace.some((t) => /HTTPRoute shop\/a spec\.rules\[0\]\.matches\[0\] \(PathPrefix \/api\) wins \(the first matching rule in list order wins/.test(t)), r.trace.join('\n'));
  const miss = await client.conn.sendRequest(ExplainRouteRequest, { host: 'nowhere.example.org', path: '/', gatewayApi: true });
  assert.match(miss.decision, /^404 .*no HTTPRoute serves host "nowhere\.example\.org"/);
});
