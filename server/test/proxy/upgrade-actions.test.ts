// A WebSocket upgrade is a request like any other to the controller: ingress-nginx applies the
// location's redirects, rewrite-target and canary choice before proxying it (the upgrade is
// only how the answer continues). Through real sockets: a 308 answered on the raw connection,
// the rewritten path reaching the upstream's handshake, a canary chosen by cookie and by header
// (header first), and the Gateway API set's RequestRedirect for the same upgrade.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { folderProject } from '../../src/cli/workspace';
import { gatewayTableOfObjects } from '../../src/gateway/table';
import { AS_HEADER, IngressProxy, LocalMapResolver, parseMapping, ROUTE_HEADER, type RequestLog } from '../../src/proxy/index';
import { fixturePath } from '../helpers/fixtures';
import { closeServer, listenLocal, openRaw } from './support';

/** An upstream that accepts every upgrade and then says its name and the path it was asked for. */
function wsUpstream(name: string, seen: string[]): Server {
  const server = createServer((_req, res) => res.end('not an upgrade'));
  server.on('upgrade', (req, socket: Socket) => {
    seen.push(`${name} ${req.url}`);
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    socket.end(`${name} ${req.url}\n`);
  });
  return server;
}

const seen: string[] = [];
const chat = wsUpstream('chat', seen);
const next = wsUpstream('chat-next', seen);
const logs: RequestLog[] = [];
let proxy: IngressProxy;
let port: number;

before(async () => {
  const [a, b] = [await listenLocal(chat), await listenLocal(next)];
  const project = folderProject([fixturePath('proxy', 'canary')]);
  const table = project.routeTable();
  const served = project.servedSets('auto', table);
  const { profile } = served;
  const gateway = gatewayTableOfObjects(served.gatewayObjects);
  const resolver = new LocalMapResolver([parseMapping(`shop/chat:80=http://127.0.0.1:${a}`), parseMapping(`shop/chat-next:80=http://127.0.0.1:${b}`)]);
  proxy = new IngressProxy(table, { resolver, port: 0, profile, gateway, onRequest: (l) => logs.push(l) });
  port = (await proxy.listen()).http.port;
});

after(async () => {
  await proxy.close();
  await Promise.all([closeServer(chat), closeServer(next)]);
});

/** Sends an upgrade on a raw connection; resolves with everything the proxy sent until it closed. */
async function upgrade(host: string, path: string, headers: Record<string, string> = {}): Promise<string> {
  const s = await openRaw(port);
  const extra = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  let text = '';
  s.on('data', (d: Buffer) => { text += d.toString('latin1'); });
  const closed = new Promise<void>((resolve) => s.once('close', () => resolve()));
  s.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`);
  await closed;
  return text;
}

test('ssl-redirect answers an upgrade over http with 308 on the raw connection; no upstream is contacted', async () => {
  seen.length = 0;
  const text = await upgrade('secure.example.com', '/live/');
  assert.match(text, /^HTTP\/1\.1 308 Permanent Redirect\r\n/);
  assert.match(text, /\r\nlocation: https:\/\/secure\.example\.com\/live\r\n/i);
  assert.match(text, new RegExp(`\\r\\n${ROUTE_HEADER}: Ingress shop/secure spec\\.rules\\[0\\]\\.http\\.paths\\[0\\] \\(Prefix /\\)\\r\\n`, 'i'));
  assert.deepEqual(seen, []);
  assert.equal(logs.at(-1)!.status, 308);
});

test('rewrite-target applies to the handshake: /ws/room1 reaches the upstream as /room1', async () => {
  seen.length = 0;
  const text = await upgrade('chat.example.com', '/ws/room1?token=1');
  assert.match(text, /^HTTP\/1\.1 101 /);
  assert.match(text, /chat \/room1\?token=1\n$/);
  assert.deepEqual(seen, ['chat /room1?token=1']);
});

test('the canary takes an upgrade by cookie "always"; a header "always" wins over a cookie "never"; "never" keeps it on the main Service', async () => {
  seen.length = 0;
  await upgrade('chat.example.com', '/ws/a', { Cookie: 'theme=dark; beta=always' });
  await upgrade('chat.example.com', '/ws/b', { 'X-Canary': 'always', Cookie: 'beta=never' });
  await upgrade('chat.example.com', '/ws/c', { Cookie: 'beta=never' });
  await upgrade('chat.example.com', '/ws/d', { Cookie: 'beta=sometimes' });
  assert.deepEqual(seen, ['chat-next /a', 'chat-next /b', 'chat /c', 'chat /d']);
});

test('the Gateway API set answers the same upgrade with its RequestRedirect (301), naming the HTTPRoute match', async () => {
  const text = await upgrade('secure.example.com', '/live/', { [AS_HEADER]: 'gateway-api' });
  assert.match(text, /^HTTP\/1\.1 301 Moved Permanently\r\n/);
  assert.match(text, /\r\nlocation: https:\/\/secure\.example\.com\/live\/\r\n/i);
  assert.match(text, new RegExp(`\\r\\n${ROUTE_HEADER}: HTTPRoute shop/secure-secure-example-com-http spec\\.rules\\[0\\]\\.matches\\[0\\] \\(PathPrefix /\\)\\r\\n`, 'i'));
});
