// Only a 101 makes a tunnel (RFC 9110 §7.8: a server that declines an upgrade answers as
// HTTP/1.1 and the connection stays HTTP/1.1). An upstream answering 200 to `Upgrade:
// websocket` must not leave a raw pipe through which later requests on the same client
// connection skip routing and logging.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { createServer } from 'node:http';
import { LocalMapResolver, parseMapping, REASON_HEADER, ROUTE_HEADER } from '../../src/proxy/index';
import { fixturePath } from '../helpers/fixtures';
import { closeServer, listenLocal, openRaw, responses, startProxy, type TestProxy } from './support';

const folder = fixturePath('proxy', 'routes');
const seen: string[] = [];
// Declines every upgrade (no 'upgrade' listener: node answers it as a plain request).
const backend = createServer((req, res) => {
  seen.push(`${req.headers.host} ${req.url}`);
  res.end(`backend ${req.url}`);
});
let p: TestProxy;

before(async () => {
  const port = await listenLocal(backend);
  p = await startProxy(folder, { resolver: new LocalMapResolver([parseMapping(`shop/web:80=http://127.0.0.1:${port}`)]) });
});

after(async () => {
  await p.close();
  await closeServer(backend);
});

const UPGRADE = 'GET /echo/ws HTTP/1.1\r\nHost: shop.example.com\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';
const SMUGGLED = 'GET /admin/secret HTTP/1.1\r\nHost: anything.invalid\r\n\r\n';

const open = () => openRaw(p.port);

test('an upgrade the upstream answers 200: relayed as a response, and the next request on the connection is routed and logged', async () => {
  seen.length = 0;
  const s = await open();
  try {
    const first = responses(s, 1);
    s.write(UPGRADE);
    const [declined] = await first;
    assert.equal(declined!.status, 200);
    assert.equal(declined!.body, 'backend /echo/ws');
    const second = responses(s, 1);
    s.write(SMUGGLED);
    const [routed] = await second;
    // No host rule matches: the docs Ingress's defaultBackend applies, whose Service is not mapped.
    assert.equal(routed!.status, 503, 'the proxy routed it, not the backend');
    assert.match(routed!.head, new RegExp(`${REASON_HEADER}: no local mapping for Service shop/fallback:80`, 'i'));
    assert.match(routed!.head, new RegExp(`${ROUTE_HEADER}: Ingress shop/docs spec.defaultBackend`, 'i'));
    assert.deepEqual(seen, ['shop.example.com /echo/ws'], 'the backend saw only the upgrade request');
    const logged = p.logs.map((l) => `${l.method} ${l.host}${l.path} ${l.status}`);
    assert.ok(logged.includes('GET (upgrade) shop.example.com/echo/ws 200'), logged.join('\n'));
    assert.ok(logged.includes('GET anything.invalid/admin/secret 503'), logged.join('\n'));
  } finally {
    s.destroy();
  }
});

test('the same with the next request pipelined in the same packet as the upgrade', async () => {
  seen.length = 0;
  const s = await open();
  try {
    const both = responses(s, 2);
    s.write(UPGRADE + SMUGGLED);
    const [declined, routed] = await both;
    assert.equal(declined!.status, 200);
    assert.equal(routed!.status, 503);
    assert.deepEqual(seen, ['shop.example.com /echo/ws']);
  } finally {
    s.destroy();
  }
});

test('an upstream that never answers the handshake: 504 after the headers time-out, not a hang', async () => {
  const mute = createServer();
  const held: Socket[] = [];
  mute.on('upgrade', (_req, socket: Socket) => held.push(socket)); // takes the socket, says nothing
  const port = await listenLocal(mute);
  const q = await startProxy(folder, { timeouts: { connectMs: 300, headersMs: 300, idleMs: 300 }, resolver: new LocalMapResolver([parseMapping(`shop/web:80=http://127.0.0.1:${port}`)]) });
  const s = connect(q.port, '127.0.0.1');
  try {
    const answer = new Promise<string>((resolve) => { let b = ''; s.on('data', (d: Buffer) => { b += d.toString(); }); s.once('close', () => resolve(b)); });
    s.write(UPGRADE);
    const text = await answer;
    assert.match(text, /^HTTP\/1\.1 504 Gateway Timeout\r\n/);
    assert.match(text, /x-ingress-lab-reason: mapped upstream http:\/\/127\.0\.0\.1:\d+ timed out: no response headers from the upstream within 300ms/);
    assert.equal(q.logs[0]!.status, 504);
  } finally {
    s.destroy();
    await q.close();
    for (const h of held) h.destroy();
    await closeServer(mute);
  }
});
