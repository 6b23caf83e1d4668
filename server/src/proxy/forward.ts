// Sends one HTTP request to an upstream and streams the answer back. A pod whose
// connection fails before any answer is reported to the resolver and, when the request
// has no body (nothing consumed yet), the request is tried on another pod. Every wait on
// the upstream is bounded (timeouts.ts): a time-out before the headers is an explained 504,
// one mid-response cuts the response and is logged as aborted.
import { Agent, request, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { endToEnd, endToEndRaw, headerText, upstreamHeaderList, upstreamHeaders } from './headers';
import { ROUTE_HEADER, UPSTREAM_HEADER, UPSTREAM_HOST_HEADER, UPSTREAM_PATH_HEADER, type Refusal } from './explain';
import { dispatchPooled, type UpstreamPools } from './pooled';
import type { RequestTarget } from './target';
import { armTimeouts, connectWithin, UpstreamTimeout, type UpstreamTimeouts } from './timeouts';
import { targetKey, type ServiceTarget, type Upstream, type UpstreamResolver } from './upstream';

const MAX_ATTEMPTS = 3;

export interface Forwarded {
  status: number;
  upstream?: string;
  refusal?: Refusal;
  /** Why the response was cut after its headers went to the client (the upstream closed or fell silent). */
  aborted?: string;
}

/** What a forward needs besides the request: where to, how, and the rule for the headers. */
export interface ForwardContext {
  resolver: UpstreamResolver;
  /** Keep-alive connections to mapped local URLs. */
  pools: UpstreamPools;
  timeouts: UpstreamTimeouts;
  rule: string | undefined;
  /** The host and origin-form target the upstream is sent (after a rewrite). */
  request: RequestTarget;
  /** Say in the answer what the upstream was sent (X-Ingress-Lab-Upstream-Path/-Host): only when asked, off the common path. */
  reportSent?: boolean;
}

export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/** Why an upstream gave no answer, for the 502/504 body and the log. */
export function failureText(upstream: Upstream, err: Error): string {
  const code = (err as { code?: string }).code;
  const what = upstream.address ? `mapped upstream ${upstream.label}` : upstream.label;
  if (err instanceof UpstreamTimeout) return `${what} timed out: ${err.message}`;
  if (code === 'ECONNREFUSED') return `${what} refused the connection (ECONNREFUSED)`;
  if (code === 'ECONNRESET') return `${what} closed the connection before answering (ECONNRESET)`;
  return `${what} failed: ${code ?? err.message}`;
}

/** 504 when the upstream took too long, 502 when it failed. */
export function failureStatus(err: Error): 502 | 504 {
  return err instanceof UpstreamTimeout ? 504 : 502;
}

/**
 * An agent for one connection over a stream (a port-forward). Not `createConnection` alone: VS
 * Code's extension host patches node:http to route every request through its proxy agent,
 * which uses an explicit agent but ignores createConnection (it would dial localhost:80).
 */
export class StreamAgent extends Agent {
  constructor(private readonly stream: Duplex) {
    super({ keepAlive: false });
  }

  override createConnection(): Duplex {
    return this.stream;
  }
}

function abortText(err: Error): string {
  return err instanceof UpstreamTimeout ? err.message : 'the upstream closed the connection mid-response';
}

/** A failed attempt: `retry` when nothing was consumed or answered yet; `reused` when it failed on a kept-alive socket the upstream had closed. */
type Attempt = { ok: true; status: number; aborted?: string } | { ok: false; error: Error; retry: boolean; reused?: boolean };

/** The headers the proxy adds to an upstream's answer, as name/value pairs: the rule used, the upstream, and when asked the path and Host it was sent. */
function proxyHeaderList({ rule, request: sent, reportSent }: Pick<ForwardContext, 'rule' | 'request' | 'reportSent'>, upstream: Upstream): string[] {
  const out = rule ? [ROUTE_HEADER, headerText(rule), UPSTREAM_HEADER, headerText(upstream.label)] : [UPSTREAM_HEADER, headerText(upstream.label)];
  if (reportSent) out.push(UPSTREAM_PATH_HEADER, headerText(sent.origin), UPSTREAM_HOST_HEADER, headerText(sent.host));
  return out;
}

/** proxyHeaderList() as an object, for node:http's writeHead with an object. */
export function proxyHeaders(ctx: Pick<ForwardContext, 'rule' | 'request' | 'reportSent'>, upstream: Upstream): Record<string, string> {
  const list = proxyHeaderList(ctx, upstream);
  const out: Record<string, string> = {};
  for (let i = 0; i < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
}

/** Streams the upstream's answer to the client; resolves when it ended, was cut, or the client left. */
function relay(up: IncomingMessage, res: ServerResponse, upstream: Upstream, ctx: ForwardContext, resolve: (a: Attempt) => void): void {
  const status = up.statusCode ?? 502;
  res.writeHead(status, { ...endToEnd(up.headers), ...proxyHeaders(ctx, upstream) });
  up.pipe(res);
  up.once('error', (e) => { res.destroy(); resolve({ ok: true, status, aborted: abortText(e) }); });
  up.once('end', () => resolve({ ok: true, status }));
  res.once('close', () => { if (!up.complete) { up.destroy(); resolve({ ok: true, status }); } });
}

/** Whether a failure before any answer may be tried again, and on the same upstream (a pooled connection it had closed). */
function failed(req: IncomingMessage, res: ServerResponse, error: Error, reused: boolean): Attempt {
  const sent = error instanceof UpstreamTimeout && error.phase === 'headers'; // the upstream has the request: do not repeat it
  return { ok: false, error, retry: !sent && !res.headersSent && !res.destroyed && !hasBody(req), reused };
}

/** Through a stream of its own (a port-forward), with node:http. */
function sendOnStream(req: IncomingMessage, res: ServerResponse, upstream: Upstream, stream: Duplex, ctx: ForwardContext): Promise<Attempt> {
  return new Promise((resolve) => {
    const upReq: ClientRequest = request({ method: req.method, path: ctx.request.origin, headers: upstreamHeaders(req, ctx.request.host), agent: new StreamAgent(stream) });
    const responded = armTimeouts(upReq, ctx.timeouts);
    let answer: IncomingMessage | undefined;
    upReq.once('response', (up) => {
      answer = up;
      responded(up);
      relay(up, res, upstream, ctx, resolve);
    });
    upReq.once('error', (error) => {
      if (!answer) return resolve(failed(req, res, error, upReq.reusedSocket));
      res.destroy(); // cut mid-response: the relay's client connection goes too
      resolve({ ok: true, status: answer.statusCode ?? 502, aborted: abortText(error) });
    });
    res.once('close', () => { if (!res.writableFinished) upReq.destroy(); });
    if (hasBody(req)) req.pipe(upReq);
    else upReq.end();
  });
}

/** To a mapped local URL, through the pool of connections to it. */
function sendPooled(req: IncomingMessage, res: ServerResponse, upstream: Upstream, ctx: ForwardContext): Promise<Attempt> {
  return new Promise((resolve) => {
    const { list, body } = upstreamHeaderList(req, ctx.request.host);
    let status = 502;
    const { host, port } = upstream.address!;
    dispatchPooled(ctx.pools.pool(host, port), req, res, { path: ctx.request.origin, headers: list, body }, ctx.timeouts, {
      head(s, fields) {
        status = s;
        res.writeHead(s, endToEndRaw(fields, proxyHeaderList(ctx, upstream)));
      },
      done(error, answered, reused) {
        if (!error) return resolve({ ok: true, status });
        const clientLeft = res.destroyed && !res.writableFinished;
        if (!answered) return resolve(failed(req, res, error, !clientLeft && reused && (error as { code?: string }).code === 'ECONNRESET'));
        res.destroy();
        resolve(clientLeft ? { ok: true, status } : { ok: true, status, aborted: abortText(error) });
      },
    });
  });
}

function refused(status: number, rule: string | undefined, reason: string, upstream?: string): Forwarded {
  return { status, upstream, refusal: { status: status as Refusal['status'], rule, reason } };
}

/** Forwards req to an upstream of target, retrying other pods; returns what was answered (a refusal is not yet sent). */
export async function forward(req: IncomingMessage, res: ServerResponse, target: ServiceTarget, ctx: ForwardContext): Promise<Forwarded> {
  const avoid = new Set<string>();
  let last: { reason: string; status: number } | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const resolving = ctx.resolver.resolve(target, avoid);
    const r = resolving instanceof Promise ? await resolving : resolving; // no turn of the event loop for a mapped URL
    if (!r.ok) return last ? refused(last.status, ctx.rule, avoid.size ? `${last.reason}; ${r.reason}` : r.reason) : refused(r.status, ctx.rule, r.reason);
    let out: Attempt;
    try {
      out = r.upstream.connect
        ? await sendOnStream(req, res, r.upstream, await connectWithin(r.upstream.connect(), ctx.timeouts.connectMs), ctx)
        : await sendPooled(req, res, r.upstream, ctx);
    } catch (error) {
      out = { ok: false, error: error as Error, retry: true };
    }
    if (out.ok) return { status: out.status, upstream: r.upstream.label, aborted: out.aborted };
    // The client went away: nothing to answer, and the upstream is not to blame.
    if (res.destroyed) return { status: 499, upstream: r.upstream.label };
    // A kept-alive connection the upstream closed meanwhile: the same upstream, on a new connection.
    if (out.retry && out.reused) continue;
    ctx.resolver.failed?.(target, r.upstream);
    last = { reason: failureText(r.upstream, out.error), status: failureStatus(out.error) };
    if (!out.retry || r.upstream.address) return refused(last.status, ctx.rule, last.reason, r.upstream.label);
    avoid.add(r.upstream.label);
  }
  return refused(last?.status ?? 502, ctx.rule, `${last?.reason ?? 'no upstream answered'} (gave up on Service ${targetKey(target)} after ${MAX_ATTEMPTS} attempts)`);
}
