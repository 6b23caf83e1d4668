// How the proxy reads a request's target and headers (issue 10, "Minor"): two Host fields
// are a 400, an absolute-form target routes by its own authority (RFC 9112 §3.2.2),
// `Connection: host` cannot strip Host, too many header fields are a 431, not a silent cut.
// Raw sockets: node's client would not send most of these.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalMapResolver, parseMapping, REASON_HEADER, ROUTE_HEADER } from '../../src/proxy/index';
import { fixturePath } from '../helpers/fixtures';
import { openRaw, responses, startProxy, startUpstream, type TestProxy, type Upstream } from './support';

const folder = fixturePath('proxy', 'routes');
let web: Upstream;
let docs: Upstream;
let p: TestProxy;

before(async () => {
  web = await startUpstream('web');
  docs = await startUpstream('docs');
  p = await startProxy(folder, { resolver: new LocalMapResolver([parseMapping(`shop/web:80=${web.url}`), parseMapping(`shop/docs:80=${docs.url}`)]) });
});

after(async () => {
  await p.close();
  await web.close();
  await docs.close();
});

async function raw(text: string) {
  const s = await openRaw(p.port);
  try {
    const answer = responses(s, 1);
    s.write(text);
    return (await answer)[0]!;
  } finally {
    s.destroy();
  }
}

test('two Host header fields: 400 saying so, nothing forwarded (RFC 9112 §3.2)', async () => {
  const before = web.seen.length + docs.seen.length;
  const r = await raw('GET / HTTP/1.1\r\nHost: shop.example.com\r\nHost: docs.example.com\r\n\r\n');
  assert.equal(r.status, 400);
  assert.match(r.head, /x-ingress-lab-reason: more than one Host header field/i);
  assert.equal(web.seen.length + docs.seen.length, before);
  assert.equal(p.logs.at(-1)!.status, 400);
});

test('absolute-form: routed by the URL\'s authority, which is also the Host upstream; the path is passed as written', async () => {
  const r = await raw('GET http://docs.example.com/guide?x=1 HTTP/1.1\r\nHost: shop.example.com\r\n\r\n');
  assert.equal(r.status, 200);
  assert.equal(r.body, 'docs /guide?x=1');
  assert.match(r.head, new RegExp(`${ROUTE_HEADER}: Ingress shop/docs spec.rules\\[0\\]`, 'i'));
  const seen = docs.seen.at(-1)!;
  assert.equal(seen.headers.host, 'docs.example.com');
  assert.equal(seen.headers['x-forwarded-host'], 'docs.example.com');
  // No URL normalization on the way: what the client wrote is what the upstream gets.
  const dots = await raw('GET http://user@shop.example.com:80/a/../b HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.equal(dots.body, 'web /a/../b');
  assert.equal(web.seen.at(-1)!.headers.host, 'shop.example.com:80');
});

test('Connection: host does not strip Host before the upstream', async () => {
  const r = await raw('GET /c HTTP/1.1\r\nHost: shop.example.com\r\nConnection: keep-alive, host\r\n\r\n');
  assert.equal(r.status, 200);
  assert.equal(web.seen.at(-1)!.headers.host, 'shop.example.com');
});

test('more than 1,000 header fields: 431; fewer pass through uncut', async () => {
  const fields = (n: number) => Array.from({ length: n }, (_, i) => `x${i}: v\r\n`).join('');
  // 990, not 1,000: the proxy adds X-Forwarded-*, and the node:http backend's own parser keeps 1,000 fields.
  const ok = await raw(`GET /many HTTP/1.1\r\nHost: shop.example.com\r\n${fields(990)}\r\n`);
  assert.equal(ok.status, 200);
  const got = new Set(Object.keys(web.seen.at(-1)!.headers).filter((k) => /^x\d+$/.test(k)));
  assert.deepEqual(Array.from({ length: 990 }, (_, i) => `x${i}`).filter((k) => !got.has(k)), [], 'every field reached the upstream');
  const tooMany = await raw(`GET /many HTTP/1.1\r\nHost: shop.example.com\r\n${fields(1001)}\r\n`);
  assert.equal(tooMany.status, 431);
  assert.match(tooMany.head, new RegExp(`${REASON_HEADER}: 1002 header fields: the proxy accepts at most 1000`, 'i'));
});
