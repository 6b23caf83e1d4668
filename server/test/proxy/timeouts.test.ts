// Upstream time-outs on real sockets: a backend that never answers gets an explained 504
// (never a hang), a stuck backend does not starve later requests or other backends, a
// port-forward that never connects is a 504 too, and a response cut mid-body is logged as
// aborted, not as the 200 its headers said.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { chainResolvers, LocalMapResolver, parseMapping, requestLogLine, REASON_HEADER, ROUTE_HEADER, type UpstreamResolver } from '../../src/proxy/index';
import { fixturePath } from '../helpers/fixtures';
import { closeServer, get, listenLocal, startProxy, startUpstream, within, type TestProxy, type Upstream } from './support';

const folder = fixturePath('proxy', 'routes');
const timeouts = { connectMs: 400, headersMs: 400, idleMs: 400 };
const hungRequests: ServerResponse[] = [];
// /hang never answers; /stall sends headers and half a body, then nothing; /cut closes mid-body; anything else: 200.
const backend = createServer((req: IncomingMessage, res: ServerResponse) => {
  if (req.url === '/hang') return void hungRequests.push(res);
  if (req.url === '/stall' || req.url === '/cut') {
    res.writeHead(200, { 'content-length': 100 });
    res.write('x'.repeat(10));
    if (req.url === '/cut') setImmediate(() => req.socket.destroy());
    return;
  }
  res.end(`ok ${req.url}`);
});
let web: Upstream;
let p: TestProxy;
let mapped: UpstreamResolver;

before(async () => {
  const port = await listenLocal(backend);
  web = await startUpstream('docs');
  mapped = new LocalMapResolver([parseMapping(`shop/web:80=http://127.0.0.1:${port}`), parseMapping(`shop/docs:80=${web.url}`)]);
  p = await startProxy(folder, { timeouts, resolver: mapped });
});

after(async () => {
  await p.close();
  await closeServer(backend);
  await web.close();
});

test('a backend that never answers: 504 within the headers time-out, saying why, and logged', async () => {
  const r = await within(5_000, get(p.port, 'shop.example.com', '/hang'));
  assert.equal(r.status, 504);
  assert.equal(r.headers[REASON_HEADER], `mapped upstream ${'http://127.0.0.1:'}${(backend.address() as { port: number }).port} timed out: no response headers from the upstream within 400ms`);
  assert.equal(r.headers[ROUTE_HEADER], 'Ingress shop/shop spec.rules[0].http.paths[0] (Prefix /)');
  assert.match(r.body, /^504 Gateway Timeout \(Ingress Lab proxy\)\nrequest: shop\.example\.com\/hang\n/);
  const log = p.logs.find((l) => l.path === '/hang')!;
  assert.equal(log.status, 504);
  assert.match(requestLogLine(log), /^GET shop\.example\.com\/hang 504 .* \(mapped upstream .* timed out: no response headers/);
});

test('300 hung requests (more than the 256 pooled connections): every one is answered 504, later requests and other backends are served', async () => {
  // A connect time-out shorter than the headers one: the requests waiting for a pooled connection time out first, and say so.
  const q = await startProxy(folder, { timeouts: { ...timeouts, connectMs: 300, headersMs: 1_500 }, resolver: mapped });
  try {
    const hung = Array.from({ length: 300 }, () => within(10_000, get(q.port, 'shop.example.com', '/hang')));
    // Another backend is not held up by the stuck one.
    const other = await within(2_000, get(q.port, 'docs.example.com', '/guide'));
    assert.equal(other.status, 200);
    const replies = await Promise.all(hung);
    assert.deepEqual([...new Set(replies.map((r) => r.status))], [504]);
    const reasons = replies.map((r) => String(r.headers[REASON_HEADER]).replace(/^.* timed out: /, ''));
    assert.ok(reasons.includes('no connection to the upstream within 300ms (all 256 connections to it are busy)'), 'waited for a pooled connection, and told so');
    assert.ok(reasons.includes('no response headers from the upstream within 1500ms'));
    // The same backend answers the next request: no socket is held forever.
    const next = await within(3_000, get(q.port, 'shop.example.com', '/fine'));
    assert.equal(next.status, 200);
    assert.equal(next.body, 'ok /fine');
  } finally {
    await q.close();
  }
});

test('a port-forward that never connects: 504 after the connect time-out, then the next pod is tried', async () => {
  let tried = 0;
  const never: UpstreamResolver = {
    resolve: (_t, avoid) => (avoid?.size ? { ok: false, status: 503, reason: 'Service shop/web:80 has no ready pods left to try' }
      : { ok: true, upstream: { label: 'pod shop/web-1:8080', connect: () => { tried++; return new Promise(() => {}); } } }),
  };
  const q = await startProxy(folder, { timeouts, resolver: chainResolvers(never) });
  try {
    const r = await within(5_000, get(q.port, 'shop.example.com', '/'));
    assert.equal(r.status, 504);
    assert.equal(r.headers[REASON_HEADER], 'pod shop/web-1:8080 timed out: no connection to the upstream within 400ms; Service shop/web:80 has no ready pods left to try');
    assert.equal(tried, 1);
  } finally {
    await q.close();
  }
});

test('a response that stalls or is cut mid-body: the client connection is cut, the log says aborted and why', async () => {
  await assert.rejects(within(5_000, get(p.port, 'shop.example.com', '/stall')), /aborted|ECONNRESET|socket hang up/);
  await assert.rejects(within(5_000, get(p.port, 'shop.example.com', '/cut')), /aborted|ECONNRESET|socket hang up/);
  const stall = p.logs.find((l) => l.path === '/stall')!;

  assert.equal(stall.aborted, 'the upstream sent nothing within 400ms mid-response');
  assert.match(requestLogLine(stall), /^GET shop\.example\.com\/stall 200 aborted .* \(aborted: the upstream sent nothing within 400ms mid-response\) /);
  assert.equal(p.logs.find((l) => l.path === '/cut')!.aborted, 'the upstream closed the connection mid-response');
});
