// What the controller profile does with a request before the proxy forwards it (ingress-nginx:
// app-root and the redirect annotations, ssl-redirect, rewrite-target, canary): a redirect is
// answered here — an answer, never a relay — a rewrite changes the path sent upstream, and a
// canary may pick another Service of the same rules. The spec-only profile does nothing, so
// the proxy's behaviour without a profile is unchanged. The Gateway API set's answer
// (gatewayAction: RequestRedirect, URLRewrite, weighted backendRefs) takes the same shape.
import { STATUS_CODES, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { rawResponse, REASON_HEADER, ROUTE_HEADER } from './explain';
import { headerText } from './headers';
import type { RouteTable } from '../ingress/routing/index';
import { gatewayLookup } from '../gateway/match';
import type { GatewayTable } from '../gateway/table';
import { actionTrace, type HttpRequest, type RouteAnswer, type WeightedBackend } from '../ingress/routing/profiles/answer';
import type { ControllerProfile } from '../ingress/routing/profiles/types';
import type { ServiceTarget } from './upstream';

export interface ControllerAction {
  /** The controller answers itself (a redirect, or 400 for a path nginx refuses). */
  reply?: { status: number; location?: string; reason: string };
  /** The path and query to send upstream, when a rewrite changed it. */
  path?: string;
  /** Another Service than the matcher's (a canary). */
  target?: ServiceTarget;
  /** The Host to send upstream, when a rewrite changed it (URLRewrite hostname). */
  host?: string;
  /** The rule that answered, when the action names it (the Gateway API set: the HTTPRoute match). */
  rule?: string;
}

/** The request as a profile reads it: the Host it was routed by; `headers` are HttpRequest's (one string per name, lower case), read only by a canary. */
export type ControllerRequest = { scheme: HttpRequest['scheme']; host: string; url: string; method: string; headers: HttpRequest['headers'] };

/** node:http's headers as HttpRequest's: repeated fields joined, the Host the proxy routed by. */
export function plainHeaders(h: IncomingHttpHeaders, host: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  out.host = host;
  return out;
}

function pickBackend(bs: readonly WeightedBackend[], random: () => number): WeightedBackend | undefined {
  const total = bs.reduce((n, b) => n + b.weight, 0);
  let r = random() * total;
  for (const b of bs) if ((r -= b.weight) < 0) return b;
  return bs[bs.length - 1];
}

function fromAnswer(a: RouteAnswer, originalPath: string, random: () => number): ControllerAction {
  if (a.location) return { reply: { status: a.status, location: a.location, reason: actionTrace(a).join('; ') || `redirect by ${a.profile}` } };
  if (a.status === 400) return { reply: { status: 400, reason: a.trace[a.trace.length - 1] ?? 'bad request' } };
  if (a.status !== 200) return { reply: { status: a.status, reason: a.trace.join('; ') } };
  const b = pickBackend(a.backends, random);
  const target = b?.service ? { namespace: b.namespace, service: b.service, port: /^\d+$/.test(b.port) ? Number(b.port) : b.port } : undefined;
  return { path: a.upstreamPath !== undefined && a.upstreamPath !== originalPath ? a.upstreamPath : undefined, target };
}

/** The request as HttpRequest, its headers still copied on first read only. */
function httpRequestOf(req: ControllerRequest): HttpRequest {
  return { scheme: req.scheme, host: req.host, path: req.url, method: req.method, get headers() { return req.headers; } };
}

/** What the controller profile does with req, and whether another request with the same scheme, Host and target gets the same action (it may then be remembered). */
export function profileAction(profile: ControllerProfile | undefined, table: RouteTable, req: ControllerRequest, random: () => number = Math.random): { action: ControllerAction; reusable: boolean } {
  if (!profile || profile.id === 'spec-only') return { action: {}, reusable: true };
  const a = profile.route(table, httpRequestOf(req));
  return { action: fromAnswer(a, req.url, random), reusable: !a.variesByRequest && a.backends.length <= 1 };
}

/** What the Gateway API set does with the request: its matcher's answer as an action, naming the HTTPRoute match that won. */
export function gatewayAction(table: GatewayTable, req: ControllerRequest, random: () => number = Math.random): ControllerAction {
  const a = gatewayLookup(table, httpRequestOf(req));
  const act = fromAnswer(a, req.url, random);
  // A redirect's reason is its RequestRedirect line; a 404/500 says every decision.
  if (act.reply && a.location) act.reply.reason = a.trace[a.trace.length - 1] ?? act.reply.reason;
  return { ...act, host: a.upstreamHost, rule: a.rule ?? (a.via || undefined) };
}

export type ControllerReply = NonNullable<ControllerAction['reply']>;

/** A reply's body and headers; `who` answered ("ingress-nginx profile", "Gateway API routes"). */
function replyParts(reply: ControllerReply, rule: string | undefined, who: string): { body: string; headers: Record<string, string | number> } {
  const body = [`${reply.status} ${STATUS_CODES[reply.status] ?? ''} (Ingress Lab proxy, ${who})`, ...(reply.location ? [`location: ${reply.location}`] : []), `reason: ${reply.reason}`, ''].join('\n');
  return {
    body,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      ...(reply.location ? { location: headerText(reply.location) } : {}),
      [REASON_HEADER]: headerText(reply.reason),
      ...(rule ? { [ROUTE_HEADER]: headerText(rule) } : {}),
    },
  };
}

/** The controller's own answer: a redirect with its Location, or an explained status. */
export function sendControllerReply(res: ServerResponse, reply: ControllerReply, rule: string | undefined, who: string): void {
  const { body, headers } = replyParts(reply, rule, who);
  res.writeHead(reply.status, headers);
  res.end(body);
}

/** The same answer as raw HTTP/1.1 on a socket (a WebSocket upgrade the controller answers itself). */
export function rawControllerReply(reply: ControllerReply, rule: string | undefined, who: string): string {
  const { body, headers } = replyParts(reply, rule, who);
  return rawResponse(reply.status, STATUS_CODES[reply.status] ?? '', headers, body);
}
