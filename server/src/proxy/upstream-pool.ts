// Kept-alive HTTP/1.1 connections to the proxy's mapped local URLs, up to POOL_SIZE per
// origin. A request takes the most recently freed connection (an idle stack), else opens a
// new one, else waits in line for the next freed one. A connection idle for KEEP_ALIVE_MS is
// closed by us, before node:http's 5 s keep-alive time-out closes it under a request (or a
// second before the time-out the upstream's Keep-Alive field names, when shorter); one the
// upstream closed meanwhile leaves the stack when its 'close' arrives, and a request that
// still caught it is retried by forward.ts (the Exchange says the connection was reused).
import { connect, type Socket } from 'node:net';

export const POOL_SIZE = 256;
const KEEP_ALIVE_MS = 3_500;
/** How long before the upstream's own announced time-out an idle connection is closed. */
const KEEP_ALIVE_MARGIN_MS = 1_000;
const SWEEP_MS = 500;

/** What a connection is doing for one request (pooled.ts). */
export interface Exchange {
  data(chunk: Buffer): void;
  /** The connection closed (error: why, when the socket said). */
  closed(error: Error | undefined): void;
}

/** A request waiting for a connection: take() answers false when it no longer wants one. */
export interface Waiter {
  take(conn: Connection): boolean;
  /** Opening the connection it waited for failed. */
  fail(error: Error): void;
}

export class Connection {
  current: Exchange | undefined;
  /** Requests it carried before the current one. */
  uses = 0;
  /** Until when it may wait idle in the pool (Date.now() time). */
  idleUntil = 0;
  /** The upstream's announced keep-alive time-out (its Keep-Alive field), if any. */
  keepAliveMs: number | undefined;
  private error: Error | undefined;

  constructor(readonly socket: Socket, pool: OriginPool) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => (this.current ? this.current.data(chunk) : socket.destroy())); // unasked-for bytes: not to be trusted
    socket.on('error', (e) => { this.error = e; });
    socket.on('close', () => {
      pool.forget(this);
      const x = this.current;
      this.current = undefined;
      x?.closed(this.error);
    });
  }
}

export class OriginPool {
  private readonly idle: Connection[] = [];
  private readonly waiting: Waiter[] = [];
  private readonly all = new Set<Connection>();
  private sweeper: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly host: string, private readonly port: number) {}

  /** Whether every connection is busy, so a new request waits in line. */
  get full(): boolean {
    return this.all.size >= POOL_SIZE && this.idle.length === 0;
  }

  /** Gives w a connection now (true) or when one is free or opened (false). */
  acquire(w: Waiter): boolean {
    for (let c = this.idle.pop(); c; c = this.idle.pop()) {
      if (c.idleUntil <= Date.now()) c.socket.destroy(); // the upstream may be closing it right now
      else if (!c.socket.destroyed && w.take(c)) return true;
    }
    if (this.all.size < POOL_SIZE && !this.closed) this.dial(w);
    else this.waiting.push(w);
    return false;
  }

  /** A connection done with its request and fit for another: to the next waiter, else idle. */
  release(c: Connection): void {
    c.uses++;
    this.offer(c);
  }

  private offer(c: Connection): void {
    c.current = undefined;
    if (c.socket.destroyed) return;
    for (let w = this.waiting.shift(); w; w = this.waiting.shift()) if (w.take(c)) return;
    const keep = Math.min(KEEP_ALIVE_MS, (c.keepAliveMs ?? Infinity) - KEEP_ALIVE_MARGIN_MS);
    if (keep <= 0) return void c.socket.destroy();
    c.idleUntil = Date.now() + keep;
    this.idle.push(c);
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS).unref();
  }

  /** The connection closed: out of the pool; a waiter may now open one in its place. */
  forget(c: Connection): void {
    this.all.delete(c);
    const i = this.idle.indexOf(c);
    if (i >= 0) this.idle.splice(i, 1);
    const w = this.waiting.shift();
    if (w) this.dial(w);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.sweeper);
    for (const c of this.all) c.socket.destroy();
    for (const w of this.waiting.splice(0)) w.fail(new Error('the proxy is closing'));
  }

  private dial(w: Waiter): void {
    const socket = connect({ host: this.host, port: this.port });
    const c = new Connection(socket, this);
    this.all.add(c);
    let connected = false;
    socket.once('connect', () => {
      connected = true;
      if (!w.take(c)) this.offer(c); // it stopped waiting (a time-out): the next one may use it
    });
    socket.once('error', (e) => { if (!connected) w.fail(e); });
  }

  private sweep(): void {
    const now = Date.now();
    let kept = 0;
    for (const c of this.idle) {
      if (c.idleUntil > now) this.idle[kept++] = c;
      else c.socket.destroy();
    }
    this.idle.length = kept;
    if (this.idle.length === 0) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }
}

/** One OriginPool per mapped host:port. */
export class UpstreamPools {
  private readonly pools = new Map<string, OriginPool>();

  pool(host: string, port: number): OriginPool {
    const key = `${host}:${port}`;
    let p = this.pools.get(key);
    if (!p) this.pools.set(key, (p = new OriginPool(host, port)));
    return p;
  }

  close(): void {
    for (const p of this.pools.values()) p.close();
    this.pools.clear();
  }
}
