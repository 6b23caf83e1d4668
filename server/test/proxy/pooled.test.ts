// The pooled upstream client at the level of one exchange: a real upstream socket, and on the
// client side a response stand-in whose writes can be refused (a client that stops reading),
// so what the pool hands the next request can be seen without timing a real slow client.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dispatchPooled, UpstreamPools } from '../../src/proxy/pooled';
import { closeServer, listenLocal } from './support';

const BIG = Buffer.alloc(64 * 1024, 120);
const backend = createServer((req, res) => {
  const body = req.url === '/big' ? BIG : Buffer.from('small');
  res.writeHead(200, { 'content-length': body.length });
  res.end(body);
});
let port = 0;
const pools = new UpstreamPools();
const timeouts = { connectMs: 1_000, headersMs: 1_000, idleMs: 1_000 };

before(async () => { port = await listenLocal(backend); });
after(async () => { pools.close(); await closeServer(backend); });

/** What the client side of the proxy saw: status, bytes, and how the exchange ended. */
interface Seen { status?: number; bytes: number; ended: boolean; error?: Error }

/** A ServerResponse stand-in that refuses the write which completes `refuseAt` bytes, and never drains (a client that stopped reading). */
function clientSide(refuseAt = Infinity) {
  const res = Object.assign(new EventEmitter(), {
    writableFinished: false,
    destroyed: false,
    seen: { bytes: 0, ended: false } as Seen,
    write(chunk: Buffer) { res.seen.bytes += chunk.length; return res.seen.bytes < refuseAt; },
    end() { res.seen.ended = true; res.writableFinished = true; },
    destroy() { res.destroyed = true; },
  });
  return res;
}

function exchange(path: string, res: ReturnType<typeof clientSide>): Promise<Seen> {
  const req = Object.assign(new EventEmitter(), { method: 'GET' }) as unknown as IncomingMessage;
  return new Promise((resolve) => {
    dispatchPooled(pools.pool('127.0.0.1', port), req, res as unknown as ServerResponse, { path, headers: ['host', 'pool.test'], body: false }, timeouts, {
      head(status) { res.seen.status = status; },
      done(error) { res.seen.error = error; resolve(res.seen); },
    });
  });
}

test('a connection whose last bytes came while the client was not reading is read again before it carries the next request', async () => {
  // The write of the answer's last bytes is refused, and the client side never drains: the connection goes back to the
  // pool (the answer is whole), and the next request it carries must not wait for that client to read.
  const slow = await exchange('/big', clientSide(BIG.length));
  assert.equal(slow.status, 200);
  assert.equal(slow.bytes, BIG.length, 'the whole answer was handed to the client side');
  const next = await exchange('/small', clientSide());
  assert.equal(next.error, undefined, `the next request was answered (${next.error?.message})`);
  assert.deepEqual([next.status, next.bytes, next.ended], [200, 5, true]);
});
