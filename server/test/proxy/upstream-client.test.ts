// The proxy's own HTTP/1.1 client to mapped upstreams (pooled.ts, upstream-pool.ts,
// h1-response.ts) on real sockets, with raw upstreams that write exact bytes: kept-alive
// connections are reused only when RFC 9112 allows it, an answer the proxy must not relay is
// a 502 saying why (and the next request works), request bodies reach the upstream byte for
// byte with their framing, and an early answer ends the exchange without a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { LocalMapResolver, parseMapping, REASON_HEADER, type RequestLog } from '../../src/proxy/index';
import { fixturePath } from '../helpers/fixtures';
import { rawUpstream, respond, type Answer, type RawUpstream } from './raw-upstream';
import { closeServer, get, listenLocal, openRaw, startProxy, startUpstream, within, type Reply } from './support';

const HOST = 'shop.example.com';

/** Runs fn against a proxy whose shop/web:80 is a raw upstream answering with `answer`. */
async function through(answer: Answer, fn: (port: number, up: RawUpstream, logs: RequestLog[]) => Promise<void>, early = false): Promise<void> {
  const up = await rawUpstream(answer, early);
  const p = await startProxy(fixturePath('proxy', 'routes'), { resolver: new LocalMapResolver([parseMapping(`shop/web:80=${up.url}`)]) });
  try {
    await fn(p.port, up, p.logs);
  } finally {
    await p.close();
    await up.close();
  }
}

const echo: Answer = (req, s) => s.write(respond('200 OK', `${req.method} ${req.path} #${req.conn}`));

function send(port: number, path: string, opts: Parameters<typeof get>[3] = {}): Promise<Reply> {
  return within(5_000, get(port, HOST, path, opts));
}

test('sequential requests share one kept-alive upstream connection', async () => {
  await through(echo, async (port, up) => {
    for (let i = 0; i < 5; i++) assert.equal((await send(port, `/r${i}`)).body, `GET /r${i} #1`);
    assert.equal(up.connections(), 1);
  });
});

/** Two requests to an upstream answering with `answer`: each must be answered, the second on a new connection. */
async function newConnectionEach(answer: Answer): Promise<void> {
  await through(answer, async (port, up) => {
    assert.equal((await send(port, '/a')).body, '#1');
    assert.equal((await send(port, '/b')).body, '#2');
    assert.equal(up.connections(), 2);
  });
}

test('Connection: close from the upstream (RFC 9112 §9.6): the next request opens a new connection and succeeds', async () => {
  await newConnectionEach((req, s) => s.end(respond('200 OK', `#${req.conn}`, 'Connection: close\r\n')));
});

test('an upstream that closes an idle connection (after 100 ms): the next request succeeds on a new one, no 502', async () => {
  const answer: Answer = (req, s) => {
    s.write(respond('200 OK', `#${req.conn}`));
    s.setTimeout(100, () => s.destroy());
  };
  await through(answer, async (port, up) => {
    assert.equal((await send(port, '/a')).body, '#1');
    await up.closed(1);
    const r = await send(port, '/b');
    assert.deepEqual([r.status, r.body], [200, '#2']);
  });
});

test('bytes after a complete response: the client gets the response, the connection is not used again', async () => {
  const answer: Answer = (req, s) => s.write(`${respond('200 OK', `#${req.conn}`)}HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nforged`);
  await through(answer, async (port, up) => {
    assert.equal((await send(port, '/a')).body, '#1');
    assert.equal((await send(port, '/b')).body, '#2', 'not the forged response');
    assert.equal(up.connections(), 2);
  });
});

test('a close-delimited body (RFC 9112 §6.3 item 8) reaches the client whole, and the connection is not reused', async () => {
  const part = 'x'.repeat(50_000);
  const answer: Answer = (req, s) => {
    s.write(`HTTP/1.1 200 OK\r\nx-conn: ${req.conn}\r\n\r\n${part}`);
    setImmediate(() => s.end(`${part}end`));
  };
  await through(answer, async (port, up) => {
    const r = await send(port, '/a');
    assert.equal(r.body, `${part}${part}end`);
    assert.equal((await send(port, '/b')).headers['x-conn'], '2');
    assert.equal(up.connections(), 2);
  });
});

const REFUSED: [string, string, string][] = [
  ['obs-fold', 'HTTP/1.1 200 OK\r\nX-A: a\r\n b\r\ncontent-length: 0\r\n\r\n', 'the upstream folded a header field over lines (obsolete line folding, RFC 9112 section 5.2)'],
  ['a Content-Length "5, 6"', 'HTTP/1.1 200 OK\r\ncontent-length: 5, 6\r\n\r\nhello', 'the upstream\'s Content-Length is not one number: "5, 6"'],
  ['a 101 nobody asked for', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n', 'the upstream switched protocols (101) on a request that asked for no upgrade'],
  ['LF-only line ends (kept open: a 502 at once, not a 504 after the headers time-out)', 'HTTP/1.1 200 OK\nContent-Length: 2\n\nok', 'the upstream\'s response head ends its lines with LF alone, not CRLF (RFC 9112 section 2.2)'],
  ['a control character in a value', 'HTTP/1.1 200 OK\r\nX-A: a\x01b\r\ncontent-length: 0\r\n\r\n', 'the upstream\'s X-A field holds a control character'],
];

for (const [what, bad, message] of REFUSED) {
  test(`an answer with ${what}: 502 saying so, and the next request to the same upstream works`, async () => {
    const answer: Answer = (req, s) => s.write(req.path === '/bad' ? bad : respond('200 OK', 'fine'));
    await through(answer, async (port, up) => {
      const r = await send(port, '/bad');
      assert.equal(r.status, 502);
      assert.equal(r.headers[REASON_HEADER], `mapped upstream ${up.url} failed: ${message}`);
      assert.match(r.body, new RegExp(`mapped upstream ${up.url} failed: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.equal((await send(port, '/ok')).body, 'fine');
      assert.equal(up.connections(), 2, 'the connection that carried the bad answer is not reused');
    });
  });
}

test('repeated identical Content-Length fields reach a node:http client as one length it accepts', async () => {
  await through((_req, s) => s.write('HTTP/1.1 200 OK\r\ncontent-length: 3, 3\r\n\r\nabc'), async (port) => {
    const r = await send(port, '/');
    assert.deepEqual([r.status, r.headers['content-length'], r.body], [200, '3', 'abc']);
  });
});

/** Sends pieces of a body (with a Content-Length when `length`, else chunked by node:http) and reads the answer. */
function upload(port: number, pieces: Buffer[], length: boolean): Promise<Reply> {
  return within(10_000, new Promise<Reply>((resolve, reject) => {
    const total = pieces.reduce((n, b) => n + b.length, 0);
    const headers = { host: HOST, ...(length ? { 'content-length': String(total) } : {}) };
    const req = request({ host: '127.0.0.1', port, path: '/upload', method: 'POST', headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => {
        req.destroy(); // an early answer: the rest of the upload is not wanted
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts).toString() });
      });
    });
    req.on('error', reject);
    for (const p of pieces) req.write(p);
    req.end();
  }));
}

/** The chunks of a chunked body as RFC 9112 §7.1 frames them, strictly (no extensions, no trailers: the proxy sends none). */
function dechunk(raw: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; ;) {
    const line = raw.indexOf('\r\n', at);
    const size = raw.toString('latin1', at, line);
    assert.match(size, /^[0-9a-f]+$/, `a chunk-size line at ${at}`);
    const n = parseInt(size, 16);
    if (n === 0) {
      assert.equal(raw.length, line + 4, 'last-chunk then the empty line end the body');
      assert.equal(raw.toString('latin1', line, line + 4), '\r\n\r\n');
      return out;
    }
    out.push(raw.subarray(line + 2, line + 2 + n));
    assert.equal(raw.toString('latin1', line + 2 + n, line + 4 + n), '\r\n', 'CRLF after chunk data');
    at = line + 4 + n;
  }
}

const BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const framing = (head: string) => head.split('\r\n').filter((l) => /^(content-length|transfer-encoding):/i.test(l));

test('a POST with a Content-Length reaches the upstream byte for byte, framed by that length', async () => {
  await through(echo, async (port, up) => {
    assert.equal((await upload(port, [BYTES, Buffer.from('\r\n0\r\n\r\n')], true)).status, 200);
    assert.deepEqual(framing(up.requests[0]!.head), ['content-length: 263']);
    assert.ok(up.requests[0]!.body.equals(Buffer.concat([BYTES, Buffer.from('\r\n0\r\n\r\n')])));
  });
});

test('a chunked upload (no length) reaches the upstream chunked (RFC 9112 §7.1), its bytes unchanged', async () => {
  await through(echo, async (port, up) => {
    const pieces = [BYTES, Buffer.from('0\r\n\r\n'), Buffer.alloc(70_000, 0xab)];
    assert.equal((await upload(port, pieces, false)).status, 200);
    assert.deepEqual(framing(up.requests[0]!.head), ['transfer-encoding: chunked']);
    assert.ok(Buffer.concat(dechunk(up.requests[0]!.body)).equals(Buffer.concat(pieces)));
  });
});

test('an upstream answering 413 before the body is finished: the client gets the 413, the connection is not reused, nothing hangs', async () => {
  const answer: Answer = (req, s) => s.write(req.method === 'POST' ? respond('413 Content Too Large', 'too big') : respond('200 OK', `#${req.conn}`));
  await through(answer, async (port, up) => {
    const r = await upload(port, [Buffer.alloc(8 << 20, 0x61)], true);
    assert.deepEqual([r.status, r.body], [413, 'too big']);
    const next = await send(port, '/after');
    assert.deepEqual([next.status, next.body], [200, '#2']);
    assert.equal(up.connections(), 2, 'the connection with half a body sent is closed, not reused');
  }, true);
});

test('interim 100 and 103 answers (RFC 9110 §15.2) are read and dropped: the client gets the final answer whole', async () => {
  const answer: Answer = (req, s) => {
    s.write('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n');
    setImmediate(() => s.write(`\r\n${respond('201 Created', `#${req.conn}`, 'X-Final: yes\r\n')}`));
  };
  await through(answer, async (port, up) => {
    const r = await send(port, '/a', { method: 'POST', body: 'x' });
    assert.deepEqual([r.status, r.headers['x-final'], r.body], [201, 'yes', '#1']);
    assert.equal(r.headers.link, undefined, 'the 103\'s fields are not the final answer\'s');
    assert.equal((await send(port, '/b')).body, '#1', 'the connection carries the next request');
    assert.equal(up.connections(), 1);
  });
});

test('a HEAD answer has no body whatever its Content-Length says (RFC 9112 §6.3 item 1); the next request is answered right', async () => {
  await through((req, s) => s.write(req.method === 'HEAD' ? 'HTTP/1.1 200 OK\r\ncontent-length: 1000\r\n\r\n' : respond('200 OK', `#${req.conn}`)), async (port) => {
    const head = await send(port, '/h', { method: 'HEAD' });
    assert.deepEqual([head.status, head.headers['content-length'], head.body], [200, '1000', '']);
    assert.equal((await send(port, '/g')).status, 200);
  });
});

for (const [what, bytes] of [['a Content-Length body', respond('200 OK', 'x'.repeat(100)).slice(0, -50)], ['a chunked body', 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n']] as const) {
  test(`${what} cut by the upstream's close: the client sees a cut response, not a complete one, and the log says aborted`, async () => {
    await through((req, s) => (req.path === '/cut' ? s.end(bytes) : s.write(respond('200 OK', 'fine'))), async (port, _up, logs) => {
      await assert.rejects(send(port, '/cut'), /aborted|socket hang up|ECONNRESET/);
      assert.equal(logs.find((l) => l.path === '/cut')?.aborted, 'the upstream closed the connection mid-response');
      assert.equal((await send(port, '/ok')).body, 'fine');
    });
  });
}

test('a request with no Host (HTTP/1.0) goes upstream as HTTP/1.1 with an empty Host (RFC 9112 §3.2), which a node:http upstream answers', async () => {
  const web = await startUpstream('fallback'); // node:http: an HTTP/1.1 request without Host gets a 400 (RFC 9112 §3.2)
  const p = await startProxy(fixturePath('proxy', 'routes'), { resolver: new LocalMapResolver([parseMapping(`shop/fallback:80=${web.url}`)]) });
  try {
    const s = await openRaw(p.port);
    let answer = '';
    s.on('data', (d: Buffer) => { answer += d.toString('latin1'); });
    await within(5_000, new Promise((r) => { s.once('close', r); s.write('GET /x HTTP/1.0\r\n\r\n'); }));
    assert.match(answer, /^HTTP\/1\.1 200 OK\r\n[^]*\r\n\r\nfallback \/x$/);
    assert.equal(web.seen[0]!.headers.host, '');
  } finally {
    await p.close();
    await web.close();
  }
});

test('concurrent requests: one request at a time per connection (no pipelining), each client gets its own answer, connections reused after', async () => {
  const busy = new Set<number>();
  let overlapped = 0;
  const answer: Answer = (req, s) => {
    if (busy.has(req.conn)) overlapped++;
    busy.add(req.conn);
    setImmediate(() => {
      busy.delete(req.conn);
      s.write(respond('200 OK', req.path));
    });
  };
  await through(answer, async (port, up) => {
    const paths = Array.from({ length: 20 }, (_, i) => `/c${i}`);
    assert.deepEqual((await Promise.all(paths.map((x) => send(port, x)))).map((r) => r.body), paths);
    const opened = up.connections();
    assert.ok(opened >= 1 && opened <= 20);
    for (const x of paths.slice(0, 5)) assert.equal((await send(port, x)).body, x);
    assert.equal(up.connections(), opened, 'the idle connections carry later requests');
    assert.equal(overlapped, 0, 'a request sent on a connection whose answer was still awaited');
  });
});

/** How long the proxy keeps the first connection idle after an answer with these extra fields; then the next request opens a second one. */
async function idleLifetime(fields: string): Promise<number> {
  let ms = 0;
  await through((req, s) => s.write(respond('200 OK', `#${req.conn}`, fields)), async (port, up) => {
    assert.equal((await send(port, '/a')).body, '#1');
    const idle = Date.now();
    await within(6_000, up.closed(1));
    ms = Date.now() - idle;
    assert.equal((await send(port, '/b')).body, '#2');
  });
  return ms;
}

test('a connection idle for 3.5 s is closed by the proxy, before node:http\'s 5 s keep-alive time-out can close it under a request', async () => {
  const ms = await idleLifetime('');
  assert.ok(ms >= 3_400 && ms < 5_000, `closed after ${ms} ms`);
});

test('an upstream announcing Keep-Alive: timeout=2 has its idle connection closed by the proxy a second before that, not at 3.5 s', async () => {
  const ms = await idleLifetime('Keep-Alive: timeout=2\r\n');
  assert.ok(ms >= 900 && ms < 1_900, `closed after ${ms} ms`);
});

test('an upstream announcing Keep-Alive: timeout=1 gets a new connection per request (no idle time left to use)', async () => {
  await newConnectionEach((req, s) => s.write(respond('200 OK', `#${req.conn}`, 'Keep-Alive: timeout=1, max=100\r\n')));
});

test('a node:http upstream answering 413 with Connection: close without reading an 8 MiB upload: the client gets the 413, not a 502', async () => {
  // node:http closes such a connection with the upload unread, so the proxy's next write fails: the answer must be read first.
  const web = createServer((_req, res) => {
    res.writeHead(413, { connection: 'close' });
    res.end('too big');
  });
  const port = await listenLocal(web);
  const p = await startProxy(fixturePath('proxy', 'routes'), { resolver: new LocalMapResolver([parseMapping(`shop/web:80=http://127.0.0.1:${port}`)]) });
  try {
    for (let i = 0; i < 3; i++) {
      const r = await upload(p.port, [Buffer.alloc(8 << 20, 0x61)], true);
      assert.deepEqual([r.status, r.body], [413, 'too big'], `upload ${i}`);
    }
  } finally {
    await p.close();
    await closeServer(web);
  }
});

test('a kept-alive connection closed under a request: a GET goes again on a new connection, a POST is not sent twice (502)', async () => {
  const perConn = new Map<number, number>();
  const answer: Answer = (req, s) => {
    const n = (perConn.get(req.conn) ?? 0) + 1;
    perConn.set(req.conn, n);
    if (n === 2) s.destroy(); // the second request on any connection: closed with no answer
    else s.write(respond('200 OK', `${req.method} #${req.conn}`));
  };
  await through(answer, async (port, up) => {
    assert.equal((await send(port, '/a')).body, 'GET #1');
    assert.equal((await send(port, '/b')).body, 'GET #2', 'retried on a new connection');
    const post = await send(port, '/c', { method: 'POST', body: 'once' });
    assert.equal(post.status, 502);
    assert.match(String(post.headers[REASON_HEADER]), /closed the connection before answering \(ECONNRESET\)$/);
    assert.equal(up.requests.filter((r) => r.method === 'POST').length, 1, 'the POST reached the upstream once');
  });
});
