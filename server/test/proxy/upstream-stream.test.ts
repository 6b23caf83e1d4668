// A large response streamed through the proxy's upstream client (pooled.ts) to a client
// that reads slowly: backpressure reaches the upstream (the proxy holds back its reads instead
// of buffering the body), a client pausing longer than the idle time-out is not the upstream's
// silence, and the connection goes back to the pool able to carry the next request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import type { Socket } from 'node:net';
import { LocalMapResolver, parseMapping } from '../../src/proxy/index';
import { fixturePath } from '../helpers/fixtures';
import { rawUpstream, respond, type RawRequest } from './raw-upstream';
import { closeServer, get, listenLocal, startProxy, within } from './support';

const MiB = 1 << 20;
const TOTAL = 48 * MiB;
const PIECE = Buffer.alloc(64 * 1024, 0x78);
const IDLE_MS = 200;
/** The client's pauses: longer than the idle time-out. */
const PAUSE_MS = 2 * IDLE_MS;

/** Writes TOTAL bytes with a Content-Length, a piece at a time as the socket drains; counts what it wrote. */
function stream(s: Socket, progress: { written: number }): void {
  s.write(`HTTP/1.1 200 OK\r\ncontent-length: ${TOTAL}\r\n\r\n`);
  const more = () => {
    while (progress.written < TOTAL) {
      progress.written += PIECE.length;
      if (!s.write(PIECE)) return void s.once('drain', more);
    }
  };
  more();
}

/** Reads the response, pausing PAUSE_MS at each quarter; `gap` is called with the bytes read at the end of each pause. */
function slowRead(port: number, gap: (read: number) => void): Promise<{ status: number; read: number }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/big', headers: { host: 'shop.example.com' }, agent: false }, (res) => {
      let read = 0;
      let next = TOTAL / 4;
      res.on('data', (d: Buffer) => {
        read += d.length;
        if (read < next || read === TOTAL) return;
        next += TOTAL / 4;
        res.pause();
        setTimeout(() => { gap(read); res.resume(); }, PAUSE_MS); // the client's own pace, not a wait for readiness
      });
      res.on('end', () => resolve({ status: res.statusCode!, read }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

test('a slow client of a 48 MiB response: no abort, the upstream held back while it pauses, the connection reused after', async () => {
  const progress = { written: 0 };
  const up = await rawUpstream((req: RawRequest, s) => (req.path === '/big' ? stream(s, progress) : s.write(respond('200 OK', `#${req.conn}`))));
  const p = await startProxy(fixturePath('proxy', 'routes'), {
    resolver: new LocalMapResolver([parseMapping(`shop/web:80=${up.url}`)]),
    timeouts: { connectMs: 1_000, headersMs: 1_000, idleMs: IDLE_MS },
  });
  try {
    const ahead: number[] = [];
    const r = await within(30_000, slowRead(p.port, (read) => ahead.push(progress.written - read)));
    assert.deepEqual([r.status, r.read], [200, TOTAL], 'the whole body, not cut by the idle time-out');
    assert.equal(p.logs.find((l) => l.path === '/big')?.aborted, undefined);
    // While the client paused, the upstream could write only what the sockets' buffers hold, far from the whole body.
    assert.equal(ahead.length, 3);
    for (const a of ahead) assert.ok(a < 24 * MiB, `the upstream was ${(a / MiB).toFixed(1)} MiB ahead of the client`);
    // The connection that carried it serves the next request (it went back to the pool reading, not paused).
    const next = await within(2_000, get(p.port, 'shop.example.com', '/next'));
    assert.deepEqual([next.status, next.body, up.connections()], [200, '#1', 1]);
  } finally {
    await p.close();
    await up.close();
  }
});

test('full duplex: an upstream echoing a 16 MiB chunked upload while it reads gets it whole, and the client reads it back whole', async () => {
  const echo = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    req.pipe(res);
  });
  const port = await listenLocal(echo);
  const p = await startProxy(fixturePath('proxy', 'routes'), { resolver: new LocalMapResolver([parseMapping(`shop/web:80=http://127.0.0.1:${port}`)]) });
  try {
    const piece = Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 7) & 0xff));
    const got = await within(30_000, new Promise<Buffer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: p.port, path: '/echo', method: 'POST', headers: { host: 'shop.example.com' }, agent: false }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve(Buffer.concat(parts)));
        res.on('error', reject);
      });
      req.on('error', reject);
      let left = 256; // 16 MiB in 64 KiB pieces, as the proxy takes them
      const more = () => {
        while (left > 0) if (left-- && !req.write(piece)) return void req.once('drain', more);
        req.end();
      };
      more();
    }));
    assert.equal(got.length, 256 * piece.length);
    for (let at = 0; at < got.length; at += piece.length) assert.ok(got.subarray(at, at + piece.length).equals(piece), `bytes at ${at}`);
  } finally {
    await p.close();
    await closeServer(echo);
  }
});
