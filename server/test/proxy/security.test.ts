// The proxy's safety properties, each tried as an attacker would on a raw socket (issue 10,
// "Security tests"): it relays only to the rules' upstreams, never off this machine; request
// smuggling shapes die at the parser (RFC 9112 §6.3, §11.2) before any upstream sees bytes;
// CONNECT makes no tunnel; size limits answer instead of cutting; secrets stay out of logs
// and answers. The CA's key permissions and the declined-upgrade tunnel are in tls.test.ts
// and upgrade.test.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalMapResolver, loadOrCreateCa, parseMapping, requestLogLine } from '../../src/proxy/index';
import { fixturePath } from '../helpers/fixtures';
import { openRaw, responses, startProxy, startUpstream, type TestProxy, type Upstream } from './support';

const folder = fixturePath('proxy', 'routes');
let web: Upstream;
let p: TestProxy;
// Counts every connection anyone makes to it: a relay to an address the rules do not name would land here.
let bystander: NetServer;
let bystanderHits = 0;

before(async () => {
  web = await startUpstream('web');
  p = await startProxy(folder, { resolver: new LocalMapResolver([parseMapping(`shop/web:80=${web.url}`)]) });
  bystander = createNetServer((s) => { bystanderHits++; s.destroy(); });
  await new Promise<void>((r) => bystander.listen(0, '127.0.0.1', () => r()));
});

after(async () => {
  await p.close();
  await web.close();
  await new Promise((r) => bystander.close(r));
});

/** Sends raw bytes; resolves with what came back before the proxy closed or `ms` passed. */
async function exchange(text: string, ms = 1500): Promise<string> {
  const s = await openRaw(p.port);
  return new Promise((resolve) => {
    let got = '';
    const done = () => { clearTimeout(timer); s.destroy(); resolve(got); };
    const timer = setTimeout(done, ms);
    s.on('data', (d: Buffer) => { got += d.toString('latin1'); });
    s.on('close', done);
    s.on('error', done);
    s.write(text);
  });
}

const bystanderPort = () => (bystander.address() as { port: number }).port;

test('never a relay to an address the rules do not name: absolute-form to another host:port, CONNECT, Host of another port', async () => {
  const seen = web.seen.length;
  const abs = await exchange(`GET http://127.0.0.1:${bystanderPort()}/x HTTP/1.1\r\nHost: 127.0.0.1:${bystanderPort()}\r\n\r\n`);
  // No Ingress names host 127.0.0.1: the docs Ingress's defaultBackend (unmapped) answers 503; nothing is relayed there.
  assert.match(abs, /^HTTP\/1\.1 503 /);
  const tunnel = await exchange(`CONNECT 127.0.0.1:${bystanderPort()} HTTP/1.1\r\nHost: 127.0.0.1:${bystanderPort()}\r\n\r\n`);
  assert.doesNotMatch(tunnel, /^HTTP\/1\.1 200/, 'no tunnel');
  // A routed host with another port: routed by the host, sent only to the mapped upstream.
  const port = await exchange(`GET http://shop.example.com:${bystanderPort()}/p HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  assert.match(port, /^HTTP\/1\.1 200 /);
  assert.equal(web.seen.length, seen + 1);
  assert.equal(bystanderHits, 0, 'the bystander port was never connected to');
});

// Each is refused by the HTTP/1.1 parser (400) and the upstream sees nothing of it.
const SMUGGLING: [string, string][] = [
  ['Content-Length and Transfer-Encoding together', 'POST / HTTP/1.1\r\nHost: shop.example.com\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: shop.example.com\r\n\r\n'],
  ['two different Content-Length values', 'POST / HTTP/1.1\r\nHost: shop.example.com\r\nContent-Length: 4\r\nContent-Length: 40\r\n\r\nabcd'],
  ['Content-Length with a list', 'POST / HTTP/1.1\r\nHost: shop.example.com\r\nContent-Length: 4, 40\r\n\r\nabcd'],
  ['obs-fold (a header continued on the next line)', 'GET / HTTP/1.1\r\nHost: shop.example.com\r\nX-A: a\r\n b\r\n\r\n'],
  ['whitespace before the colon', 'POST / HTTP/1.1\r\nHost: shop.example.com\r\nContent-Length : 4\r\n\r\nabcd'],
  ['Transfer-Encoding not ending in chunked', 'POST / HTTP/1.1\r\nHost: shop.example.com\r\nTransfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n'],
  ['a bad chunk size', 'POST / HTTP/1.1\r\nHost: shop.example.com\r\nTransfer-Encoding: chunked\r\n\r\nz\r\nabc\r\n0\r\n\r\n'],
  ['a negative Content-Length', 'POST / HTTP/1.1\r\nHost: shop.example.com\r\nContent-Length: -1\r\n\r\n'],
  ['a bare CR in a header value', 'GET / HTTP/1.1\r\nHost: shop.example.com\r\nX-A: a\rb\r\n\r\n'],
  ['a NUL in the request target', 'GET /a\0b HTTP/1.1\r\nHost: shop.example.com\r\n\r\n'],
  ['two Host fields', 'GET / HTTP/1.1\r\nHost: shop.example.com\r\nHost: evil.example.com\r\n\r\n'],
];

for (const [name, text] of SMUGGLING) {
  test(`smuggling shape refused before any upstream: ${name}`, async () => {
    const seen = web.seen.length;
    const answer = await exchange(text);
    assert.match(answer, /^HTTP\/1\.1 400 /, JSON.stringify(answer.slice(0, 80)));
    assert.equal(web.seen.length, seen, 'no complete request reached the upstream');
    assert.doesNotMatch(answer, /smuggled/);
  });
}

test('limits answer instead of cutting: a 20 KiB header is a 431, 1,001 fields a 431', async () => {
  assert.match(await exchange(`GET / HTTP/1.1\r\nHost: shop.example.com\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`), /^HTTP\/1\.1 431 /);
  const fields = Array.from({ length: 1001 }, (_, i) => `x${i}: v\r\n`).join('');
  assert.match(await exchange(`GET / HTTP/1.1\r\nHost: shop.example.com\r\n${fields}\r\n`), /^HTTP\/1\.1 431 /);
});

test('secrets never shown: credentials, cookies and query strings appear in no log line and no refusal', async () => {
  const s = await openRaw(p.port);
  const answers = responses(s, 2);
  s.write('GET /cart?token=q-secret HTTP/1.1\r\nHost: shop.example.com\r\nAuthorization: Bearer h-secret\r\nCookie: session=c-secret\r\n\r\n');
  s.write('GET /none?token=q-secret HTTP/1.1\r\nHost: nope.example.org\r\nAuthorization: Bearer h-secret\r\n\r\n');
  const [ok, refused] = await answers;
  s.destroy();
  assert.equal(ok!.status, 200);
  assert.equal(refused!.status, 503);
  const lines = p.logs.map(requestLogLine).join('\n');
  for (const secret of ['q-secret', 'h-secret', 'c-secret']) {
    assert.doesNotMatch(lines, new RegExp(secret));
    assert.doesNotMatch(refused!.head + refused!.body, new RegExp(secret));
  }
});

test('the CA key is 0600 in a 0700 folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ilab-ca-perm-'));
  try {
    await loadOrCreateCa(join(dir, 'ca'));
    assert.equal(statSync(join(dir, 'ca', 'ca-key.pem')).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'ca')).mode & 0o777, 0o700);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
