// How long the proxy waits on an upstream, so a backend that never answers gets an
// explained 504 instead of a request that hangs forever (and, once the agent's sockets to
// it are all held, every later request too). The defaults are ingress-nginx's
// (proxy-connect-timeout 5 s, proxy-read-timeout 60 s), so Try behaves as the cluster would.
//   connect: from the request to a connected upstream (waiting for a free pooled socket
//            or for a port-forward included);
//   headers: from the connection to the response's status line and headers;
//   idle:    the longest silence from the upstream while the response body streams.
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

export interface UpstreamTimeouts {
  connectMs: number;
  headersMs: number;
  idleMs: number;
}

export const DEFAULT_TIMEOUTS: UpstreamTimeouts = { connectMs: 5_000, headersMs: 60_000, idleMs: 60_000 };

export type TimeoutPhase = 'connect' | 'headers' | 'idle';

/** An upstream that took too long: answered 504 (before any header was sent) and logged. */
export class UpstreamTimeout extends Error {
  constructor(readonly phase: TimeoutPhase, readonly ms: number, detail = '') {
    super(`${PHASE_TEXT[phase]} within ${seconds(ms)}${detail}`);
  }
}

const PHASE_TEXT: Record<TimeoutPhase, string> = {
  connect: 'no connection to the upstream',
  headers: 'no response headers from the upstream',
  idle: 'the upstream sent nothing',
};

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** Resolves as `p` does, or rejects with a connect time-out after `ms` (a late stream is destroyed). */
export function connectWithin<T extends { destroy(): void }>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => { late = true; reject(new UpstreamTimeout('connect', ms)); }, ms);
    p.then((v) => {
      clearTimeout(timer);
      if (late) v.destroy();
      else resolve(v);
    }, (e: unknown) => { clearTimeout(timer); reject(e as Error); });
  });
}

/**
 * Arms the connect and headers time-outs on an upstream request; the returned function,
 * called when the response headers arrive, switches to the idle time-out (or, without a
 * response, ends the time-outs: a tunnel). A time-out
 * destroys the request with an UpstreamTimeout, seen as its 'error' (or the response's).
 */
export function armTimeouts(upReq: ClientRequest, t: UpstreamTimeouts): (up?: IncomingMessage) => void {
  let timer = setTimeout(() => upReq.destroy(new UpstreamTimeout('connect', t.connectMs)), t.connectMs);
  const awaitHeaders = () => {
    clearTimeout(timer);
    timer = setTimeout(() => upReq.destroy(new UpstreamTimeout('headers', t.headersMs)), t.headersMs);
  };
  upReq.once('socket', (s: Socket) => {
    if (s.connecting) s.once('connect', awaitHeaders);
    else awaitHeaders();
  });
  upReq.once('close', () => clearTimeout(timer));
  return (up) => {
    clearTimeout(timer);
    if (!up) return; // an upgrade: the tunnel has no time-outs
    // Our own timer, not socket.setTimeout: a port-forward stream is no net.Socket.
    // A response paused because the client reads slowly is not the upstream's silence.
    timer = setTimeout(() => (up.isPaused() ? timer.refresh() : up.destroy(new UpstreamTimeout('idle', t.idleMs, ' mid-response'))), t.idleMs);
    up.on('data', () => timer.refresh());
    up.once('close', () => clearTimeout(timer));
  };
}
