// The proxy on real sockets with local upstreams (--map style): it routes as `ingress-lab
// route` does, passes headers and bodies through, explains what it cannot serve, reloads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer as createNetServer } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { main } from '../../src/cli/main';
import { folderProject } from '../../src/cli/workspace';
import { buildRouteTable } from '../../src/ingress/routing/index';
import { chainResolvers, LocalMapResolver, parseMapping, requestLogLine, servicePorts, ROUTE_HEADER, REASON_HEADER } from '../../src/proxy/index';
import { fixturePath } from '../helpers/fixtures';
import { closeServer, get, listenLocal, startProxy, startUpstream, type TestProxy, type Upstream } from './support';

const folder = fixturePath('proxy', 'routes');
const SERVICES = ['web', 'api', 'health', 'apps', 'docs', 'fallback'];
const upstreams = new Map<string, Upstream>();
let p: TestProxy;

before(async () => {
  for (const s of SERVICES) upstreams.set(s, await startUpstream(s));
  const key = (s: string) => (s === 'api' ? 'shop/api:8080' : `shop/${s}:80`); // api is mapped by number, the backend names the port "http"
  const mappings = SERVICES.map((s) => parseMapping(`${key(s)}=${upstreams.get(s)!.url}`));
  const store = folderProject([folder]).store;
  p = await startProxy(folder, { resolver: chainResolvers(new LocalMapResolver(mappings, servicePorts(() => store).aliases)) });
});

after(async () => {
  await p.close();
  for (const u of upstreams.values()) await u.close();
});

async function cliRoute(host: string, path: string) {
  let out = '';
  await main(['route', '--host', host, '--path', path, '--format', 'json', folder], { out: (t) => { out += t; }, err: () => {}, version: 'test' });
  return JSON.parse(out) as { match: { ingress: string; field: string; backend: { service: { name: string } } } | null };
}

const CASES: [string, string][] = [
  ['shop.example.com', '/'], ['shop.example.com', '/cart/items'], ['Shop.Example.com:8080', '/api'], ['shop.example.com', '/api/'],
  ['shop.example.com', '/api/health'], ['shop.example.com', '/api/health/deep'], ['shop.example.com', '/apix'],
  ['a.apps.example.com', '/x'], ['b.a.apps.example.com', '/x'], ['docs.example.com', '/guide'], ['docs.example.com', '/guide/2'],
];

test('every request goes where `ingress-lab route` says, and the route header names that rule', async () => {
  for (const [host, path] of CASES) {
    const want = await cliRoute(host, path);
    assert.ok(want.match, `${host}${path} routes`);
    const r = await get(p.port, host, path);
    assert.equal(r.status, 200, `${host}${path}: ${r.body}`);
    assert.equal(r.body, `${want.match.backend.service.name} ${path}`, `${host}${path}`);
    assert.ok(String(r.headers[ROUTE_HEADER]).startsWith(`Ingress ${want.match.ingress} ${want.match.field} `), `${host}${path}: ${r.headers[ROUTE_HEADER]}`);
  }
  assert.equal((await get(p.port, 'shop.example.com', '/api/health')).headers[ROUTE_HEADER], 'Ingress shop/shop spec.rules[0].http.paths[2] (Exact /api/health)');
});

test('Host is preserved, X-Forwarded-For/Host/Proto are set, hop-by-hop headers are dropped both ways', async () => {
  const web = upstreams.get('web')!;
  const r = await get(p.port, 'shop.example.com', '/h?q=1', { headers: { connection: 'keep-alive, x-hop', 'x-hop': 'secret-ish', 'keep-alive': 'timeout=5', 'x-forwarded-for': '10.1.1.1', te: 'trailers' } });
  assert.equal(r.status, 200);
  const seen = web.seen.at(-1)!;
  assert.equal(seen.url, '/h?q=1');
  assert.equal(seen.headers.host, 'shop.example.com');
  assert.equal(seen.headers['x-forwarded-host'], 'shop.example.com');
  assert.equal(seen.headers['x-forwarded-proto'], 'http');
  assert.equal(seen.headers['x-forwarded-for'], '10.1.1.1, 127.0.0.1');
  assert.equal(seen.headers['x-hop'], undefined);
  assert.equal(seen.headers.te, undefined);
  assert.equal(r.headers['x-upstream'], 'web');
  assert.equal(r.headers['x-resp-hop'], undefined, 'a header the upstream named in Connection');
});

test('a request in proxy form (curl -x): routed by its Host, passed upstream as /path?query', async () => {
  const r = await get(p.port, 'shop.example.com', 'http://shop.example.com/api/health?x=1');
  assert.equal(r.status, 200);
  assert.equal(r.body, 'health /api/health?x=1');
});

test('request and response bodies stream through (chunked upload of 1 MiB)', async () => {
  const big = 'x'.repeat(1 << 20);
  const r = await get(p.port, 'shop.example.com', '/upload', { method: 'POST', body: big, headers: { 'transfer-encoding': 'chunked' } });
  assert.equal(r.status, 200);
  assert.equal(r.body.length, 'web '.length + big.length);
  assert.equal(upstreams.get('web')!.seen.at(-1)!.body.length, big.length);
});

test('an unrouted host: 404 saying why, no upstream contacted', async () => {
  const demo = folderProject([fixturePath('demo')]);
  const q = await startProxy(fixturePath('demo'), { resolver: chainResolvers() });
  try {
    const r = await get(q.port, 'nope.example.com', '/');
    assert.equal(r.status, 404);
    assert.match(String(r.headers[REASON_HEADER]), /no host rule matches "nope\.example\.com"/);
    assert.match(r.body, /^404 Not Found \(Ingress Lab proxy\)\nrequest: nope\.example\.com\/\nrule: none\nreason: no rule routes this request/);
    assert.equal(q.logs[0]!.status, 404);
    assert.ok(demo.routeTable().ingresses.length > 0);
  } finally {
    await q.close();
  }
});

test('a mapped upstream that refuses: 502 naming the rule and the refused URL', async () => {
  const closed = await startUpstream('gone');
  await closed.close();
  const table = folderProject([folder]).routeTable();
  const q = await startProxy(folder, { resolver: new LocalMapResolver([parseMapping(`shop/web:80=${closed.url}`)]) });
  try {
    q.proxy.updateRoutes(table);
    const r = await get(q.port, 'shop.example.com', '/');
    assert.equal(r.status, 502);
    assert.equal(r.headers[ROUTE_HEADER], 'Ingress shop/shop spec.rules[0].http.paths[0] (Prefix /)');
    assert.equal(r.headers[REASON_HEADER], `mapped upstream ${closed.url} refused the connection (ECONNREFUSED)`);
    const none = await get(q.port, 'shop.example.com', '/api');
    assert.equal(none.status, 503);
    assert.match(String(none.headers[REASON_HEADER]), /^no local mapping for Service shop\/api:http/);
  } finally {
    await q.close();
  }
});

test('a kept-alive upstream connection closed meanwhile: the request goes again on a new connection, not 502', async () => {
  // Answers the first request on each connection, and cuts the connection at the second.
  const flaky = createNetServer((socket) => {
    let n = 0;
    socket.on('data', () => {
      if (n++ === 0) socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\nok');
      else socket.destroy();
    });
  });
  await new Promise<void>((r) => flaky.listen(0, '127.0.0.1', () => r()));
  const q = await startProxy(folder, { resolver: new LocalMapResolver([parseMapping(`shop/web:80=http://127.0.0.1:${(flaky.address() as { port: number }).port}`)]) });
  try {
    for (let i = 0; i < 3; i++) assert.equal((await get(q.port, 'shop.example.com', '/')).status, 200, `request ${i}`);
  } finally {
    await q.close();
    await new Promise((r) => flaky.close(r));
  }
});

test('updateRoutes(): the next request uses the new rules, on the same listener', async () => {
  const q = await startProxy(folder, { resolver: chainResolvers(new LocalMapResolver(['docs', 'apps'].map((s) => parseMapping(`shop/${s}:80=${upstreams.get(s)!.url}`)))) });
  try {
    assert.equal((await get(q.port, 'docs.example.com', '/guide')).body, 'docs /guide');
    const shop = folderProject([folder]).routeTable().ingresses.find((i) => i.name === 'shop')!;
    // Same Ingress objects, without the docs Ingress: host docs.example.com disappears.
    q.proxy.updateRoutes(buildRouteTable([shop]));
    assert.equal((await get(q.port, 'docs.example.com', '/guide')).status, 404);
    assert.equal((await get(q.port, 'x.apps.example.com', '/')).body, 'apps /');
  } finally {
    await q.close();
  }
});

test('binds 127.0.0.1 by default', async () => {
  const addr = (p.proxy as unknown as { servers: { address(): { address: string } }[] }).servers[0]!.address();
  assert.equal(addr.address, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    const s = connect(p.port, '127.0.0.1', () => { s.destroy(); resolve(); });
    s.once('error', reject);
  });
});

test('--map refuses non-loopback, non-http and malformed targets', () => {
  assert.throws(() => parseMapping('shop/web:80=http://10.0.0.5:3000'), /10\.0\.0\.5 is not a loopback address/);
  assert.throws(() => parseMapping('shop/web:80=http://example.com:3000'), /not a loopback address/);
  assert.throws(() => parseMapping('shop/web:80=http://127.0.0.1.nip.io:3000'), /not a loopback address/);
  assert.throws(() => parseMapping('shop/web:80=file:///etc/passwd'), /only http:\/\/ URLs/);
  assert.throws(() => parseMapping('web=http://127.0.0.1:3000'), /expected NAMESPACE\/SERVICE:PORT=/);
  assert.equal(parseMapping('shop/web:http=http://[::1]:3000').key, 'shop/web:http');
  assert.equal(parseMapping('shop/web:80=http://localhost:3000').key, 'shop/web:80');
});

test('WebSocket upgrade passes through both ways, with the proxy headers', async () => {
  const wss = new WebSocketServer({ noServer: true });
  const { createServer } = await import('node:http');
  let seenHost = '';
  const server = createServer();
  server.on('upgrade', (req, socket, head) => {
    seenHost = `${req.headers.host} ${req.headers['x-forwarded-for']}`;
    wss.handleUpgrade(req, socket, head, (ws) => ws.on('message', (m) => ws.send(`echo ${String(m)}`)));
  });
  const port = await listenLocal(server);
  const q = await startProxy(folder, { resolver: new LocalMapResolver([parseMapping(`shop/web:80=http://127.0.0.1:${port}`)]) });
  try {
    const ws = new WebSocket(`ws://127.0.0.1:${q.port}/socket`, { headers: { host: 'shop.example.com' } });
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
    const reply = new Promise<string>((resolve) => ws.once('message', (m) => resolve(String(m))));
    ws.send('hi');
    assert.equal(await reply, 'echo hi');
    assert.equal(seenHost, 'shop.example.com 127.0.0.1');
    ws.close();
    // Service api is not mapped: the upgrade gets the same explained 503 a plain request would.
    const refused = new WebSocket(`ws://127.0.0.1:${q.port}/api`, { headers: { host: 'shop.example.com' } });
    const res = await new Promise<import('node:http').IncomingMessage>((resolve) => refused.once('unexpected-response', (_req, r) => resolve(r)));
    assert.equal(res.statusCode, 503);
    assert.equal(res.headers[ROUTE_HEADER], 'Ingress shop/shop spec.rules[0].http.paths[1] (Prefix /api)');
    // An upstream that closes without answering the handshake: 502.
    const mute = createNetServer((s) => s.once('data', () => s.end()));
    const mutePort = await new Promise<number>((r) => mute.listen(0, '127.0.0.1', () => r((mute.address() as { port: number }).port)));
    const m = await startProxy(folder, { resolver: new LocalMapResolver([parseMapping(`shop/web:80=http://127.0.0.1:${mutePort}`)]) });
    const cut = new WebSocket(`ws://127.0.0.1:${m.port}/socket`, { headers: { host: 'shop.example.com' } });
    const cutRes = await new Promise<import('node:http').IncomingMessage>((resolve) => cut.once('unexpected-response', (_req, r) => resolve(r)));
    assert.equal(cutRes.statusCode, 502);
    assert.match(String(cutRes.headers[REASON_HEADER]), /closed the connection before answering/);
    await m.close();
    await new Promise((r) => mute.close(r));
  } finally {
    await q.close();
    wss.close();
    await closeServer(server);
  }
});

test('a refused request without a Host header logs "(no host)" and the reason, the same line in serve and the editor', () => {
  const line = requestLogLine({ method: 'GET', host: '', path: '/x', status: 404, rule: undefined, upstream: undefined, ms: 1.25, reason: 'no rule routes this request' });
  assert.equal(line, 'GET (no host)/x 404 no rule → (no rule routes this request) 1.3ms');
});
