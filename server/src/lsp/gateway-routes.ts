// The Routes view's Gateway API hosts: the workspace's HTTPRoutes (attached to their Gateways'
// listeners) as hostname → HTTPRoute match → backendRef Service:port → pods, in the Gateway
// API's precedence order with conflicts and shadowed matches (gateway/tree.ts), each node
// linked to its YAML and carrying the request Try and Explain send for it. Adapter only: the
// table is the project's (Project.gatewayTable), the backends are shown as the Ingress paths'.
import type { Location } from 'vscode-languageserver';
import { samplePath } from '../gateway/equivalence';
import { gatewayDecide } from '../gateway/match';
import { answerLabel, request } from '../ingress/routing/profiles/answer';
import type { HTTPRouteFilter } from '../gateway/model';
import type { GatewayEntry } from '../gateway/table';
import { gatewayRouteTree, type GatewayTreeHost, type GatewayTreeMatch } from '../gateway/tree';
import type { Finding } from '../ingress/findings';
import { asMap, contains, get } from '../ingress/source';
import type { ExplainRouteParams, ExplainRouteResult, RouteTreeBackend, RouteTreeHost, RouteTreePath, TryRouteArgs } from '../protocol';
import type { ClusterFacts } from '../rules/rule';
import type { Project as Workspace } from '../engine/index';
import { exampleHost } from './codelens';
import { toLocation } from './convert';
import { treeBackend } from './routes';

interface Ctx {
  ws: Workspace;
  facts: ClusterFacts | undefined;
  findingsOf(uri: string): Finding[];
}

function where(ws: Workspace, e: GatewayEntry): Location {
  return toLocation(ws.linesOf, e.route.uri, (e.match.node ?? e.rule.node).span);
}

function backends(ctx: Ctx, e: GatewayEntry): RouteTreeBackend[] {
  const refs = e.rule.backendRefs.filter((b) => b.kind === 'Service' && !b.group);
  const total = refs.reduce((n, b) => n + b.weight, 0);
  return refs.flatMap((b) => {
    const t = treeBackend(ctx.ws.store, ctx.ws.linesOf, ctx.facts, b.namespace ?? e.route.namespace, { name: b.name, port: b.port });
    return t ? [refs.length > 1 ? { ...t, share: total ? Math.round((100 * b.weight) / total) : 0 } : t] : [];
  });
}

function filterLabel(f: HTTPRouteFilter): string {
  const mod = f.requestRedirect?.path ?? f.urlRewrite?.path;
  const path = mod ? ` path ${mod.replaceFullPath ?? `${mod.replacePrefixMatch ?? '/'} (prefix)`}` : '';
  const r = f.requestRedirect;
  if (r) return `RequestRedirect ${r.statusCode ?? 302}${r.scheme ? ` to ${r.scheme}` : ''}${r.hostname ? ` host ${r.hostname}` : ''}${r.port ? ` port ${r.port}` : ''}${path}`;
  if (f.urlRewrite) return `URLRewrite${f.urlRewrite.hostname ? ` host ${f.urlRewrite.hostname}` : ''}${path}`;
  return f.type;
}

function conditions(e: GatewayEntry): string[] {
  const m = e.match;
  return [...(m.method ? [m.method] : []), ...m.headers.map((h) => `header ${h.name}${h.type === 'Exact' ? '=' : '~'}${h.value}`), ...m.queryParams.map((q) => `query ${q.name}${q.type === 'Exact' ? '=' : '~'}${q.value}`)];
}

/** The request Try and Explain send for a match: a concrete host of the hostname, the path (a sample for a regex), http unless only HTTPS listeners serve it. */
function tryArgs(host: GatewayTreeHost, e: GatewayEntry, service: TryRouteArgs['service'], location: Location): TryRouteArgs {
  const ruleHost = host.hostname === '*' ? '' : host.hostname;
  const scheme = host.schemes.every((s) => s === 'https') ? 'https' : 'http';
  const name = exampleHost(ruleHost);
  const path = e.match.path.type === 'RegularExpression' ? samplePath(e.match.path.value.replace(/^\(\?i\)/, '')) : e.match.path.value;
  return { url: `${scheme}://${name}${path}`, scheme, host: name, ruleHost, path, pathType: e.match.path.type, namespace: e.route.namespace, ingress: e.route.name, service, location, isDefaultBackend: false };
}

function gatewayPath(ctx: Ctx, host: GatewayTreeHost, m: GatewayTreeMatch): RouteTreePath {
  const e = m.entry;
  const node = e.match.node ?? e.rule.node;
  const location = where(ctx.ws, e);
  const bs = backends(ctx, e);
  return {
    path: e.match.path.value, pathType: e.match.path.type, ingress: e.route.name, namespace: e.route.namespace,
    backend: bs[0], backends: bs, location, status: m.status, reason: m.reason,
    problems: ctx.findingsOf(e.route.uri).filter((f) => contains(node.span, f.span.start)).map((f) => ({ code: f.ruleId, message: f.message, severity: f.severity })),
    others: m.others.map((o) => ({ ingress: o.ref, path: o.match.path.value, pathType: o.match.path.type, backend: o.rule.backendRefs.map((b) => `${b.name}:${b.port ?? '?'}`).join(', ') || 'no backend', location: where(ctx.ws, o) })),
    gatewayApi: {
      field: `spec.rules[${e.ruleIndex}].matches[${e.matchIndex}]`, conditions: conditions(e), filters: e.rule.filters.map(filterLabel), listeners: host.via,
      reachable: m.reachable,
      request: tryArgs(host, e, bs[0] && { name: bs[0].service, port: bs[0].port }, location),
    },
  };
}

/** The HTTPRoutes' hostnames as Routes-view hosts (only the routes of `uri` when given). */
export function gatewayTreeHosts(ws: Workspace, facts: ClusterFacts | undefined, uri?: string): RouteTreeHost[] {
  const findings = new Map<string, Finding[]>();
  const ctx: Ctx = { ws, facts, findingsOf: (u) => findings.get(u) ?? findings.set(u, ws.findings(u)).get(u)! };
  return gatewayRouteTree(ws.gatewayTable()).flatMap((h): RouteTreeHost[] => {
    const matches = h.matches.filter((m) => !uri || m.entry.route.uri === uri);
    const first = matches[0]?.entry.route;
    if (!first) return [];
    const hostnames = get(asMap(get(first.root, 'spec')), 'hostnames');
    return [{
      host: h.hostname, tls: h.schemes.includes('https'), gatewayApi: true,
      location: toLocation(ws.linesOf, first.uri, (hostnames ?? first.root).span),
      paths: matches.map((m) => gatewayPath(ctx, h, m)),
    }];
  });
}

/** Explain route with the Gateway API matcher over the workspace's HTTPRoutes: the winning match and the trace. */
export function explainGatewayRoute(ws: Workspace, p: ExplainRouteParams): ExplainRouteResult {
  const { answer } = gatewayDecide(ws.gatewayTable(), request(p.host, p.path, { scheme: p.https ? 'https' : 'http' }));
  const decided = answer.status === 200 || answer.location ? `→ ${answerLabel(answer)} via ${answer.via}` : answer.trace.filter((t) => !t.startsWith('request path')).join('; ');
  return { decision: `${answer.status} ${decided}`, trace: ['Gateway API (the workspace\'s HTTPRoutes):', ...answer.trace] };
}
