// Requests to a mapped local URL go through an undici Pool per origin (keep-alive, up to
// POOL_SIZE connections): under `wrk -t1 -c50` undici's client took about 55 µs of CPU per
// proxied request where node:http's took about 85 (bench/proxy.ts, the same run), and the
// client side is half of the proxy's work. Port-forwarded pods keep node:http (a fresh
// stream per request). undici's connect, headers and body time-outs are ours (timeouts.ts);
// waiting for a free pooled connection is bounded here by the connect time-out too.
// Where the time goes (issue 9, same machine, load average 8-10, µs of CPU per small request):
// a node:http server answering by itself 17 (half of it in the kernel); the same server
// relaying through this Pool with a raw handler and nothing else about 58; `serve` 60-66;
// nginx 19-22 with about the same kernel time as ours. What is left is undici's per-request
// work (its Request, the wasm parser's calls into JS, a setImmediate before reusing an idle
// socket): a leaner upstream client is the next step, not more trimming of the proxy's code.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Pool, type Dispatcher } from 'undici';
import { UpstreamTimeout, type UpstreamTimeouts } from './timeouts';

export const POOL_SIZE = 256;

export class UpstreamPools {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly t: UpstreamTimeouts) {}

  pool(host: string, port: number): Pool {
    const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    let p = this.pools.get(origin);
    if (!p) {
      p = new Pool(origin, {
        connections: POOL_SIZE, pipelining: 1, keepAliveTimeout: 4_000,
        connectTimeout: this.t.connectMs, headersTimeout: this.t.headersMs, bodyTimeout: this.t.idleMs,
      });
      this.pools.set(origin, p);
    }
    return p;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.destroy()));
    this.pools.clear();
  }
}

/** undici's errors in the words of timeouts.ts (undici names them UND_ERR_*_TIMEOUT). */
export function pooledError(err: Error, t: UpstreamTimeouts): Error {
  const code = (err as { code?: string }).code;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new UpstreamTimeout('connect', t.connectMs);
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return new UpstreamTimeout('headers', t.headersMs);
  if (code === 'UND_ERR_BODY_TIMEOUT') return new UpstreamTimeout('idle', t.idleMs, ' mid-response');
  if (code === 'UND_ERR_SOCKET') return Object.assign(new Error('the upstream closed the connection'), { code: 'ECONNRESET' });
  return err;
}

export interface PooledEvents {
  /** The response's status and raw header name/value pairs: write them to the client. */
  head(status: number, rawHeaders: readonly Buffer[]): void;
  /** The request ended: `error` when it failed, `answered` once a status was given to head(). */
  done(error: Error | undefined, answered: boolean): void;
}

/**
 * Sends req through the pool, streaming the answer into res with backpressure; a connection
 * not had within connectMs fails with a connect time-out. The handler is undici's raw one
 * (onConnect/onHeaders/onData/onComplete/onError): the newer controller API wraps it and
 * parses every response's headers and trailers into objects, which the proxy, passing the
 * raw pairs on, does not need (about a tenth of a proxied request's CPU time).
 */
export function dispatchPooled(pool: Pool, req: IncomingMessage, res: ServerResponse, opts: { path: string; headers: string[]; body: boolean }, t: UpstreamTimeouts, ev: PooledEvents): void {
  let answered = false;
  let finished = false;
  let abort: ((e: Error) => void) | undefined;
  let resume: (() => void) | undefined;
  let queued: NodeJS.Timeout | undefined;
  const finish = (e?: Error) => {
    if (finished) return;
    finished = true;
    clearTimeout(queued);
    ev.done(e && pooledError(e, t), answered);
  };
  res.once('close', () => { if (!res.writableFinished) abort?.(new Error('the client left')); });
  const handler: Dispatcher.DispatchHandler = {
    onConnect(a) {
      abort = a;
      if (finished) a(new Error('answered already')); // it waited past the connect time-out
      else clearTimeout(queued);
    },
    onHeaders(status, rawHeaders, r) {
      if (finished || status < 200) return true;
      answered = true;
      resume = r;
      ev.head(status, rawHeaders);
      return true;
    },
    onData(chunk) {
      if (finished || res.write(chunk)) return true;
      res.once('drain', resume!); // undici waits until then
      return false;
    },
    onComplete() {
      if (finished) return;
      res.end();
      finish();
    },
    onError(err) {
      finish(err);
    },
  };
  try {
    pool.dispatch({ method: (req.method ?? 'GET') as Dispatcher.HttpMethod, path: opts.path, headers: opts.headers, body: opts.body ? req : null }, handler);
  } catch (e) {
    finish(e as Error);
  }
  // Most requests get a pooled connection at once (onConnect ran): a time-out only for those that wait.
  if (!abort && !finished) queued = setTimeout(() => finish(new UpstreamTimeout('connect', t.connectMs, ` (all ${POOL_SIZE} connections to it are busy)`)), t.connectMs);
}
