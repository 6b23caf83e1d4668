// What the proxy does with one readable request, by the rule set it is routed with
// (route-sets.ts): answer it itself (a controller redirect, a Gateway API RequestRedirect, a
// 404/500 the set explains), refuse it saying why, or forward it to a Service with the path
// (and Host) the backend is to see. Requests and WebSocket upgrades take the same plan, so an
// upgrade is redirected, rewritten and split between canaries exactly as a request is.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { GatewayTable } from '../gateway/table';
import type { ControllerProfile } from '../ingress/routing/profiles/types';
import { gatewayAction, plainHeaders, type ControllerReply, type ControllerRequest } from './controller-action';
import type { DecisionCache } from './decisions';
import type { Refusal } from './explain';
import { chooseSet, type RouteSetId } from './route-sets';
import type { RequestTarget } from './target';
import type { ServiceTarget } from './upstream';

export interface RouteSets {
  /** The Ingress set: the spec matcher's decisions and the controller profile on top. */
  decisions: DecisionCache;
  profile: ControllerProfile | undefined;
  /** The Gateway API set (converted Ingresses and the workspace's HTTPRoutes). */
  gateway: GatewayTable;
  /** The set of a request without X-Ingress-Lab-As. */
  fallback: RouteSetId;
}

export interface Plan {
  /** The rule used (X-Ingress-Lab-Route), undefined when none routes the request. */
  rule: string | undefined;
  /** The proxy answers itself, as the controller or the Gateway API filter would; `who` says which. */
  reply?: { answer: ControllerReply; who: string };
  refusal?: Refusal;
  target?: ServiceTarget;
  /** The Host and request-target the upstream gets. */
  sent: RequestTarget;
  /** The request named its rule set (X-Ingress-Lab-As): the answer also says what was sent upstream ("Try both" compares it). */
  named?: boolean;
}

function ingressPlan(sets: RouteSets, req: ControllerRequest, request: RequestTarget): Plan {
  const d = sets.decisions.decide(request.host, request.path);
  const act = sets.decisions.action(sets.profile, req);
  if (act.reply) return { rule: d.rule, reply: { answer: act.reply, who: `${sets.profile!.id} profile` }, sent: request };
  const target = act.target ?? d.target;
  if (!target) return { rule: d.rule, refusal: d.refusal, sent: request };
  return { rule: d.rule, target, sent: act.path ? { ...request, origin: act.path } : request };
}

function gatewayPlan(sets: RouteSets, req: ControllerRequest, request: RequestTarget): Plan {
  const act = gatewayAction(sets.gateway, req);
  const rule = act.rule;
  if (act.reply) return { rule, reply: { answer: act.reply, who: 'Gateway API routes' }, sent: request };
  if (!act.target) return { rule, refusal: { status: 502, rule, reason: 'the backendRef names no Service: the proxy forwards only to Services' }, sent: request };
  return { rule, target: act.target, sent: { host: act.host ?? request.host, path: request.path, origin: act.path ?? request.origin } };
}

export function planRequest(sets: RouteSets, req: IncomingMessage, request: RequestTarget): Plan {
  const choice = chooseSet(req.headers, sets.fallback);
  if (!choice.ok) return { rule: undefined, refusal: { status: 400, reason: choice.reason }, sent: request };
  const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  let headers: ControllerRequest['headers'] | undefined;
  // Copied on first use only: the spec-only profile never reads them, and this runs for every request.
  const creq: ControllerRequest = { scheme, host: request.host, url: request.origin, method: req.method ?? 'GET', get headers() { return (headers ??= plainHeaders(req.headers, request.host)); } };
  const plan = choice.set === 'gateway-api' ? gatewayPlan(sets, creq, request) : ingressPlan(sets, creq, request);
  return choice.named ? { ...plan, named: true } : plan;
}
