// Sends one HTTP request to an upstream and streams the answer back. A pod whose
// connection fails before any answer is reported to the resolver and, when the request
// has no body (nothing consumed yet), the request is tried on another pod.
import { Agent, request, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { originForm } from './decide';
import { endToEnd, headerText, upstreamHeaders } from './headers';
import { ROUTE_HEADER, UPSTREAM_HEADER, type Refusal } from './explain';
import { targetKey, type ServiceTarget, type Upstream, type UpstreamResolver } from './upstream';

const MAX_ATTEMPTS = 3;

export interface Forwarded {
  status: number;
  upstream?: string;
  refusal?: Refusal;
}

export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function failureText(upstream: Upstream, err: Error): string {
  const code = (err as { code?: string }).code;
  const what = upstream.address ? `mapped upstream ${upstream.label}` : upstream.label;
  if (code === 'ECONNREFUSED') return `${what} refused the connection (ECONNREFUSED)`;
  return `${what} failed: ${code ?? err.message}`;
}

/**
 * An agent for one connection over a stream (a port-forward). Not `createConnection` alone: VS
 * Code's extension host patches node:http to route every request through its proxy agent,
 * which uses an explicit agent but ignores createConnection (it would dial localhost:80).
 */
class StreamAgent extends Agent {
  constructor(private readonly stream: Duplex) {
    super({ keepAlive: false });
  }

  override createConnection(): Duplex {
    return this.stream;
  }
}

/** A failed attempt: `retry` when nothing was consumed or answered yet; `reused` when it failed on a kept-alive socket the upstream had closed. */
type Attempt = { ok: true; status: number } | { ok: false; error: Error; retry: boolean; reused?: boolean };

function send(req: IncomingMessage, res: ServerResponse, upstream: Upstream, stream: Duplex | undefined, agent: Agent, rule: string | undefined): Promise<Attempt> {
  return new Promise((resolve) => {
    const headers = upstreamHeaders(req);
    const base = { method: req.method, path: originForm(req.url), headers };
    const upReq: ClientRequest = stream
      ? request({ ...base, agent: new StreamAgent(stream) })
      : request({ ...base, host: upstream.address!.host, port: upstream.address!.port, agent });
    upReq.once('response', (up) => {
      res.writeHead(up.statusCode ?? 502, {
        ...endToEnd(up.headers),
        ...(rule ? { [ROUTE_HEADER]: headerText(rule) } : {}),
        [UPSTREAM_HEADER]: headerText(upstream.label),
      });
      up.pipe(res);
      up.once('error', () => res.destroy());
      up.once('end', () => resolve({ ok: true, status: up.statusCode ?? 502 }));
      res.once('close', () => { if (!up.complete) { up.destroy(); resolve({ ok: true, status: up.statusCode ?? 502 }); } });
    });
    upReq.once('error', (error) => resolve({ ok: false, error, retry: !res.headersSent && !res.destroyed && !hasBody(req), reused: upReq.reusedSocket }));
    res.once('close', () => { if (!res.writableFinished) upReq.destroy(); });
    if (hasBody(req)) req.pipe(upReq);
    else upReq.end();
  });
}

/** Forwards req to an upstream of target, retrying other pods; returns what was answered (a refusal is not yet sent). */
export async function forward(req: IncomingMessage, res: ServerResponse, target: ServiceTarget, resolver: UpstreamResolver, agent: Agent, rule: string | undefined): Promise<Forwarded> {
  const avoid = new Set<string>();
  let lastError: string | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const r = await resolver.resolve(target, avoid);
    if (!r.ok) {
      const reason = lastError && avoid.size ? `${lastError}; ${r.reason}` : r.reason;
      const status = lastError ? 502 : r.status;
      return { status, refusal: { status, rule, reason } };
    }
    let stream: Duplex | undefined;
    let out: Attempt;
    try {
      stream = r.upstream.connect ? await r.upstream.connect() : undefined;
      out = await send(req, res, r.upstream, stream, agent, rule);
    } catch (error) {
      out = { ok: false, error: error as Error, retry: true };
    }
    if (out.ok) return { status: out.status, upstream: r.upstream.label };
    // The client went away: nothing to answer, and the upstream is not to blame.
    if (res.destroyed) return { status: 499, upstream: r.upstream.label };
    // A kept-alive connection the upstream closed meanwhile: the same upstream, on a new connection.
    if (out.retry && out.reused) continue;
    resolver.failed?.(target, r.upstream);
    lastError = failureText(r.upstream, out.error);
    if (!out.retry || r.upstream.address) return { status: 502, upstream: r.upstream.label, refusal: { status: 502, rule, reason: lastError } };
    avoid.add(r.upstream.label);
  }
  return { status: 502, refusal: { status: 502, rule, reason: `${lastError ?? 'no upstream answered'} (gave up on Service ${targetKey(target)} after ${MAX_ATTEMPTS} attempts)` } };
}
