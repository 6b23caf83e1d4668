// Header fields pass through the proxy as they were sent, in both directions: repeated
// fields stay repeated (two Set-Cookie fields are two cookies, as nginx relays them), and a
// value's bytes reach the other side unchanged (the proxy reads and writes them as latin1).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { chainResolvers, LocalMapResolver, parseMapping } from '../../src/proxy/index';
import { fixturePath } from '../helpers/fixtures';
import { closeServer, get, listenLocal, startProxy, type TestProxy } from './support';

const ARROW_UTF8_AS_LATIN1 = Buffer.from('→ café', 'utf8').toString('latin1');
let seen: IncomingMessage | undefined;
const upstream = createServer((req, res) => {
  seen = req;
  if (req.url === '/chunked') {
    res.write('one,'); // no Content-Length: chunked from the upstream, chunked again to the client
    setTimeout(() => res.end('two'), 20);
    return;
  }
  res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
  res.setHeader('x-label', ARROW_UTF8_AS_LATIN1);
  res.end(Buffer.from('ok')); // a Buffer: node:http then writes the head as latin1, these very bytes
});
let p: TestProxy;

before(async () => {
  const port = await listenLocal(upstream);
  p = await startProxy(fixturePath('proxy', 'routes'), {
    resolver: chainResolvers(new LocalMapResolver([parseMapping(`shop/web:80=http://127.0.0.1:${port}`)])),
  });
});

after(async () => {
  await p.close();
  await closeServer(upstream);
});

test('repeated response fields reach the client repeated, and a UTF-8 value byte for byte', async () => {
  const r = await get(p.port, 'shop.example.com', '/');
  assert.equal(r.status, 200);
  assert.deepEqual(r.headers['set-cookie'], ['a=1; Path=/', 'b=2; Path=/']);
  assert.equal(Buffer.from(String(r.headers['x-label']), 'latin1').toString('utf8'), '→ café');
});

test('repeated request fields reach the upstream repeated, in order; one Content-Length frames the body', async () => {
  const r = await new Promise<number>((resolve, reject) => {
    // node:http's client would join the repeated fields itself: write them as a raw request.
    const s = connect(p.port, '127.0.0.1', () => {
      s.write('POST /cart HTTP/1.1\r\nHost: shop.example.com\r\nX-Trace: one\r\nX-Trace: two\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi');
    });
    let out = '';
    s.on('data', (d: Buffer) => { out += d.toString('latin1'); });
    s.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(out)?.[1])));
    s.on('error', reject);
  });
  assert.equal(r, 200);
  const raw = seen!.rawHeaders;
  const traces = raw.filter((_, i) => i % 2 === 1 && raw[i - 1]!.toLowerCase() === 'x-trace');
  assert.deepEqual(traces, ['one', 'two']);
  assert.equal(raw.filter((n, i) => i % 2 === 0 && n.toLowerCase() === 'content-length').length, 1);
});

test('HEAD gets the upstream head and no body; a chunked answer arrives whole', async () => {
  const head = await get(p.port, 'shop.example.com', '/', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.deepEqual(head.headers['set-cookie'], ['a=1; Path=/', 'b=2; Path=/']);
  assert.equal(head.body, '');
  const chunked = await get(p.port, 'shop.example.com', '/chunked');
  assert.equal(chunked.headers['transfer-encoding'], 'chunked');
  assert.equal(chunked.body, 'one,two');
});
