// One proxy, two rule sets, real sockets: the same request routed by the Ingresses (with the
// ingress-nginx profile) and, with `X-Ingress-Lab-As: gateway-api`, by the Gateway API set
// (the Ingresses converted as `convert` writes them, plus the workspace's own HTTPRoutes),
// through the same forwarding code. Where the two differ (ingress-nginx's 308 vs the
// converted 301, a rewrite-target capture group no filter fills) and where they agree (the
// rewrite idiom, a TLS host over https).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderProject } from '../../src/cli/workspace';
import { gatewayTableOfObjects } from '../../src/gateway/table';
import { IngressProxy, LocalMapResolver, loadOrCreateCa, parseMapping, REASON_HEADER, ROUTE_HEADER, type CaFiles, type RequestLog } from '../../src/proxy/index';
import { AS_HEADER, type RouteSetId } from '../../src/proxy/route-sets';
import { fixturePath } from '../helpers/fixtures';
import { get, startUpstream, type Upstream } from './support';

const dir = mkdtempSync(join(tmpdir(), 'ilab-sets-'));
let ca: CaFiles;
let web: Upstream;
let api: Upstream;
let proxy: IngressProxy;
let port: number;
let httpsPort: number;
const logs: RequestLog[] = [];

/** A proxy over the fixture, both sets, `as` the default. */
async function start(as: RouteSetId): Promise<{ proxy: IngressProxy; port: number; httpsPort: number }> {
  const project = folderProject([fixturePath('proxy', 'gateway')]);
  const table = project.routeTable();
  const served = project.servedSets('auto', table);
  const { profile } = served;
  const gateway = gatewayTableOfObjects(served.gatewayObjects);
  const resolver = new LocalMapResolver([parseMapping(`shop/web:80=${web.url}`), parseMapping(`shop/api:80=${api.url}`)]);
  const p = new IngressProxy(table, { resolver, port: 0, httpsPort: 0, ca, profile, gateway, as, onRequest: (l) => logs.push(l) });
  const l = await p.listen();
  return { proxy: p, port: l.http.port, httpsPort: l.https!.port };
}

before(async () => {
  ca = await loadOrCreateCa(dir);
  web = await startUpstream('web');
  api = await startUpstream('api');
  ({ proxy, port, httpsPort } = await start('ingress'));
});

after(async () => {
  await proxy.close();
  await Promise.all([web.close(), api.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const asGateway = { headers: { [AS_HEADER]: 'gateway-api' } };

test('differ: ingress-nginx answers http on a TLS host with 308, the converted HTTPRoute with 301; each names its own rule', async () => {
  const i = await get(port, 'shop.example.com', '/cart/');
  const g = await get(port, 'shop.example.com', '/cart/', asGateway);
  assert.equal(i.status, 308);
  assert.equal(i.headers.location, 'https://shop.example.com/cart');
  assert.equal(i.headers[ROUTE_HEADER], 'Ingress shop/shop spec.rules[0].http.paths[0] (Prefix /)');
  assert.equal(g.status, 301);
  assert.equal(g.headers.location, 'https://shop.example.com/cart/');
  assert.equal(g.headers[ROUTE_HEADER], 'HTTPRoute shop/shop-shop-example-com-http spec.rules[0].matches[0] (PathPrefix /)');
  assert.match(String(g.headers[REASON_HEADER]), /^RequestRedirect: 301 to https:\/\/shop\.example\.com\/cart\//);
  assert.match(g.body, /Ingress Lab proxy, Gateway API routes/);
  assert.equal(web.seen.length, 0, 'a redirect is answered, never relayed');
});

test('differ: a rewrite-target capture group reaches the backend as /post?id=42; the converted route sends the path as it came', async () => {
  const i = await get(port, 'blog.example.com', '/posts/42');
  assert.equal(i.status, 200);
  assert.equal(api.seen.at(-1)!.url, '/post?id=42');
  assert.equal(i.headers['x-ingress-lab-upstream-path'], undefined, 'said only to a request that names its set');
  const named = await get(port, 'blog.example.com', '/posts/42', { headers: { [AS_HEADER]: 'ingress' } });
  assert.equal(named.headers['x-ingress-lab-upstream-path'], '/post?id=42', 'the answer says what the upstream was sent');
  const g = await get(port, 'blog.example.com', '/posts/42', asGateway);
  assert.equal(g.status, 200);
  assert.equal(api.seen.at(-1)!.url, '/posts/42');
  assert.equal(g.headers[ROUTE_HEADER], 'HTTPRoute shop/blog-blog-example-com spec.rules[0].matches[0] (RegularExpression (?i)/posts/([0-9]+).*)');
});

test('agree: the "<prefix>(/|$)(.*)" idiom and ReplacePrefixMatch send /v1/users?id=7 upstream as /users?id=7; the header is not passed on', async () => {
  await get(port, 'api.example.com', '/v1/users?id=7');
  const fromIngress = api.seen.at(-1)!;
  const g = await get(port, 'api.example.com', '/v1/users?id=7', asGateway);
  const fromGateway = api.seen.at(-1)!;
  assert.equal(g.status, 200);
  assert.equal(fromIngress.url, '/users?id=7');
  assert.equal(fromGateway.url, '/users?id=7');
  assert.equal(fromGateway.headers[AS_HEADER], undefined);
  assert.equal(fromGateway.headers.host, 'api.example.com');
});

test('agree: over https the TLS host goes to web through both (the converted Gateway has an HTTPS listener for it)', async () => {
  const send = (headers: Record<string, string>) => new Promise<{ status: number; body: string; route: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: httpsPort, path: '/cart', servername: 'shop.example.com', ca: ca.certPem, headers: { host: 'shop.example.com', ...headers }, agent: false }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode!, body, route: String(res.headers[ROUTE_HEADER]) }));
    });
    req.on('error', reject);
    req.end();
  });
  const i = await send({});
  const g = await send(asGateway.headers);
  assert.deepEqual([i.status, i.body, g.status, g.body], [200, 'web /cart', 200, 'web /cart']);
  assert.match(g.route, /^HTTPRoute shop\/shop-shop-example-com spec\.rules\[0\]/);
});

test('a workspace HTTPRoute is served by the Gateway API set only: URLRewrite host and path, weight 0 gets nothing', async () => {
  const i = await get(port, 'docs.example.com', '/guide/intro');
  assert.equal(i.status, 404);
  for (let n = 0; n < 4; n++) {
    const g = await get(port, 'docs.example.com', '/guide/intro', asGateway);
    assert.equal(g.body, 'web /manual/intro');
  }
  assert.equal(web.seen.at(-1)!.headers.host, 'docs.internal');
  const last = await get(port, 'docs.example.com', '/guide/intro', asGateway);
  assert.deepEqual([last.headers['x-ingress-lab-upstream-host'], last.headers['x-ingress-lab-upstream-path']], ['docs.internal', '/manual/intro']);
  assert.equal(api.seen.filter((s) => s.url.startsWith('/manual')).length, 0);
  const miss = await get(port, 'docs.example.com', '/other', asGateway);
  assert.equal(miss.status, 404);
  assert.match(String(miss.headers[REASON_HEADER]), /no match/);
});

test('an unknown X-Ingress-Lab-As value is a 400 that says which values there are; the log names the HTTPRoute rule', async () => {
  const r = await get(port, 'shop.example.com', '/', { headers: { [AS_HEADER]: 'istio' } });
  assert.equal(r.status, 400);
  assert.match(String(r.headers[REASON_HEADER]), /use ingress or gateway-api/);
  await get(port, 'blog.example.com', '/posts/7', asGateway);
  assert.match(logs.at(-1)!.rule!, /^HTTPRoute shop\/blog-blog-example-com /);
});

test('--as gateway-api: the Gateway API set by default, X-Ingress-Lab-As: ingress for the other', async () => {
  const other = await start('gateway-api');
  try {
    assert.equal((await get(other.port, 'shop.example.com', '/')).status, 301);
    assert.equal((await get(other.port, 'shop.example.com', '/', { headers: { [AS_HEADER]: 'Ingress' } })).status, 308);
  } finally {
    await other.proxy.close();
  }
});
