// One request to a mapped local URL over a pooled keep-alive connection (upstream-pool.ts):
// the request head written in one go, the body streamed (chunked when the client's had no
// length), the answer read by h1-response.ts and streamed to the client with backpressure.
// Every wait is bounded by timeouts.ts: connect (a free or new connection), headers, idle.
// Why not undici's Pool, which this replaced: under `wrk -t1 -c50` (bench/proxy.ts) a relay
// through it cost about 45 µs of CPU per small request against about 33 through this client
// (a node:http server answering by itself: 19), and the proxy's throughput is bound by it.
// Port-forwarded pods keep node:http over their stream (forward.ts): one request per stream,
// no pool to keep, and the tunnel, not the client, sets their pace.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ResponseParser, UpstreamProtocolError, type ResponseEvents } from './h1-response';
import { UpstreamTimeout, type UpstreamTimeouts } from './timeouts';
import { POOL_SIZE, type Connection, type OriginPool, type Waiter } from './upstream-pool';

export { UpstreamPools } from './upstream-pool';

export interface PooledEvents {
  /** The response's status and header name/value pairs: write them to the client. */
  head(status: number, fields: string[]): void;
  /** The request ended: `error` when it failed, `answered` once head() was called, `reused` when it failed on a connection that had carried earlier requests. */
  done(error: Error | undefined, answered: boolean, reused: boolean): void;
}

export interface PooledRequest {
  /** Origin-form target, as sent. */
  path: string;
  /** Header fields as [name, value, ...], framing of the body excepted when it is chunked. */
  headers: readonly string[];
  /** The body and its framing: as long as its Content-Length field says, or chunked here (the client sent no length). */
  body: false | 'length' | 'chunked';
}

/** A request target and field values fit for a request head: no control characters, no spaces in the target. */
const BAD_TARGET = /[^\x21-\xff]/;
const BAD_VALUE = /[\0\r\n]/;

function requestHead(method: string, r: PooledRequest, chunked: boolean): string {
  if (BAD_TARGET.test(r.path)) throw new UpstreamProtocolError(`the path to send upstream is not a valid request target: ${JSON.stringify(r.path.slice(0, 60))}`);
  let head = `${method} ${r.path} HTTP/1.1\r\n`;
  const h = r.headers;
  for (let i = 0; i < h.length; i += 2) {
    if (BAD_VALUE.test(h[i + 1]!)) throw new UpstreamProtocolError(`the ${h[i]!} field to send upstream holds a control character`);
    head += `${h[i]!}: ${h[i + 1]!}\r\n`;
  }
  return `${head}${chunked ? 'transfer-encoding: chunked\r\n' : ''}\r\n`;
}

class PooledExchange implements Waiter, ResponseEvents {
  private conn: Connection | undefined;
  private readonly parser: ResponseParser;
  private timer: NodeJS.Timeout | undefined;
  private finished = false;
  private answered = false;
  private ended = false;
  /** The request body went out whole (or there was none): the connection may carry another request. */
  private sentAll: boolean;
  private onBody: ((chunk: Buffer) => void) | undefined;
  /** Set while the connection is paused because the client reads slowly: resumes it. */
  private resume: (() => void) | undefined;

  constructor(private readonly pool: OriginPool, private readonly req: IncomingMessage, private readonly res: ServerResponse,
    private readonly r: PooledRequest, private readonly t: UpstreamTimeouts, private readonly ev: PooledEvents) {
    this.parser = new ResponseParser(this, req.method === 'HEAD');
    this.sentAll = !r.body;
    res.once('close', () => { if (!res.writableFinished) this.finish(new Error('the client left')); });
    if (!pool.acquire(this) && !this.finished) {
      const busy = pool.full ? ` (all ${POOL_SIZE} connections to it are busy)` : '';
      this.timer = setTimeout(() => this.finish(new UpstreamTimeout('connect', t.connectMs, busy)), t.connectMs);
    }
  }

  take(conn: Connection): boolean {
    if (this.finished) return false;
    clearTimeout(this.timer);
    this.conn = conn;
    conn.current = this;
    try {
      this.send(conn);
    } catch (e) {
      this.finish(e as Error);
    }
    return true;
  }

  fail(error: Error): void {
    this.finish(error);
  }

  private send(conn: Connection): void {
    const chunked = this.r.body === 'chunked';
    conn.socket.write(requestHead(this.req.method ?? 'GET', this.r, chunked), 'latin1');
    if (this.r.body) this.sendBody(conn, chunked);
    this.timer = setTimeout(() => this.finish(new UpstreamTimeout('headers', this.t.headersMs)), this.t.headersMs);
  }

  /**
   * Streams the request body. Each turn's chunks are written in the event loop's check phase, after
   * the poll phase has read what the upstream sent: an upstream that answers early (a 413) and
   * closes makes a write fail, and a failed write closes the socket before its answer is read.
   */
  private sendBody(conn: Connection, chunked: boolean): void {
    const { socket } = conn;
    let queued: Buffer[] = [];
    const flush = () => {
      const chunks = queued;
      queued = [];
      if (this.conn !== conn) return; // answered (or failed) meanwhile: the rest is not wanted
      let ok = true;
      socket.cork();
      for (const c of chunks) {
        if (chunked) socket.write(`${c.length.toString(16)}\r\n`, 'latin1');
        ok = socket.write(c);
        if (chunked) ok = socket.write('\r\n', 'latin1');
      }
      socket.uncork();
      if (!ok) {
        this.req.pause();
        socket.once('drain', () => this.req.resume());
      }
    };
    this.onBody = (c: Buffer) => {
      if (queued.push(c) === 1) setImmediate(flush);
    };
    this.req.on('data', this.onBody);
    this.req.once('end', () => setImmediate(() => { // after the last flush
      if (this.conn !== conn) return;
      if (chunked) socket.write('0\r\n\r\n', 'latin1');
      this.sentAll = true;
    }));
  }

  data(chunk: Buffer): void {
    try {
      this.parser.push(chunk);
    } catch (e) {
      return this.finish(e as Error);
    }
    if (this.finished) return;
    if (this.ended) return this.complete(true);
    if (this.answered) this.watchIdle();
  }

  closed(error: Error | undefined): void {
    if (this.finished) return;
    // A reset mid-body is a cut answer, even one read until the connection closes.
    if (error && !this.parser.awaitingHead) return this.finish(error);
    try {
      this.parser.close();
    } catch (e) {
      // Nothing read yet on a kept-alive connection: the upstream closed it as we sent (forward.ts retries).
      return this.finish(this.parser.awaitingHead ? Object.assign(e as Error, { code: 'ECONNRESET' }) : error ?? (e as Error));
    }
    if (this.ended && !this.finished) this.complete(false);
  }

  head(status: number, fields: string[]): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.answered = true;
    this.ev.head(status, fields);
  }

  body(chunk: Buffer): void {
    if (this.finished || this.res.write(chunk) || this.resume) return;
    const socket = this.conn!.socket;
    socket.pause();
    this.resume = () => {
      this.resume = undefined;
      socket.resume();
    };
    this.res.once('drain', this.resume);
  }

  end(): void {
    this.ended = true;
  }

  /** The response is whole: the client's ends, the connection goes back to the pool when fit for another request. */
  private complete(open: boolean): void {
    const conn = this.conn!;
    this.conn = undefined;
    if (this.resume) {
      // Paused for a slow client when the last bytes came: the connection must read again before it serves another request.
      this.res.off('drain', this.resume);
      this.resume();
    }
    conn.keepAliveMs = this.parser.keepAliveMs;
    // Not after HEAD: an upstream that wrongly sends a body anyway would have it read as the next request's answer.
    if (open && this.parser.reusable && this.sentAll && this.parser.done && this.req.method !== 'HEAD') this.pool.release(conn);
    else conn.socket.destroy();
    this.res.end();
    this.finish();
  }

  /** The idle time-out while the body streams: silence from the upstream, not a pause for a slow client. */
  private watchIdle(): void {
    if (this.timer) return void this.timer.refresh();
    this.timer = setTimeout(() => {
      if (this.resume) this.timer!.refresh();
      else this.finish(new UpstreamTimeout('idle', this.t.idleMs, ' mid-response'));
    }, this.t.idleMs);
  }

  /** Ends the exchange once; a connection still held is in an unknown state and is closed. */
  private finish(error?: Error): void {
    if (this.finished) return;
    this.finished = true;
    clearTimeout(this.timer);
    if (this.onBody) this.req.off('data', this.onBody);
    const conn = this.conn;
    this.conn = undefined;
    if (conn) {
      conn.current = undefined;
      conn.socket.destroy();
    }
    this.ev.done(error, this.answered, (conn?.uses ?? 0) > 0);
  }
}

/** Sends req over a connection of the pool, streaming the answer into res with backpressure; ev hears the head and the end. */
export function dispatchPooled(pool: OriginPool, req: IncomingMessage, res: ServerResponse, r: PooledRequest, t: UpstreamTimeouts, ev: PooledEvents): void {
  new PooledExchange(pool, req, res, r, t, ev);
}
