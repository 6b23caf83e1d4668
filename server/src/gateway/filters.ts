// What the winning HTTPRoute rule does with the request: a RequestRedirect answers (302
// unless statusCode says otherwise; scheme, hostname, port and path replaced as given), a
// URLRewrite changes the path or host the backend sees, and the backendRefs share the traffic
// by weight (weight 0 gets none; no backend with weight left is a 500, as the spec requires).
// ReplacePrefixMatch replaces the matched prefix element-wise (conformance:
// httproute-rewrite-path, httproute-redirect-path). No I/O.
import type { NormalizedPath } from '../ingress/routing/profiles/normalize';
import type { HttpRequest, RouteAnswer, WeightedBackend } from '../ingress/routing/profiles/answer';
import type { HTTPRouteMatch, PathModifier } from './model';
import type { GatewayEntry } from './table';

/** ReplacePrefixMatch: "/prefix/one" + "/one" turns "/prefix/one/two" into "/one/two"; "/strip" + "/" turns "/strip" into "/". */
export function replacePrefix(path: string, prefix: string, replacement: string): string {
  const rest = path.slice(prefix.replace(/\/+$/, '').length);
  const joined = replacement.endsWith('/') && rest.startsWith('/') ? replacement + rest.slice(1) : replacement + rest;
  return joined === '' ? '/' : joined;
}

function modifiedPath(mod: PathModifier | undefined, match: HTTPRouteMatch, path: string): string | undefined {
  if (!mod) return undefined;
  if (mod.type === 'ReplaceFullPath') return mod.replaceFullPath ?? '/';
  if (match.path.type !== 'PathPrefix') return undefined;
  return replacePrefix(path, match.path.value, mod.replacePrefixMatch ?? '/');
}

const WELL_KNOWN: Record<string, number> = { http: 80, https: 443 };

function redirectLocation(r: NonNullable<GatewayEntry['rule']['filters'][number]['requestRedirect']>, e: GatewayEntry, req: HttpRequest, host: string, np: NormalizedPath): string {
  const scheme = r.scheme ?? req.scheme;
  const reqPort = /:(\d+)$/.exec(req.host)?.[1];
  const port = r.port ?? (r.scheme ? undefined : reqPort ? Number(reqPort) : undefined);
  const shown = port === undefined || port === WELL_KNOWN[scheme] ? '' : `:${port}`;
  const path = modifiedPath(r.path, e.match, np.path) ?? np.path;
  return `${scheme}://${r.hostname ?? host}${shown}${path}${np.query ? `?${np.query}` : ''}`;
}

function backends(e: GatewayEntry): WeightedBackend[] {
  return e.rule.backendRefs
    .filter((b) => b.weight > 0)
    .map((b) => ({ namespace: b.namespace ?? e.route.namespace, service: b.name, port: b.port === undefined ? '?' : String(b.port), weight: b.weight }));
}

export function applyRule(e: GatewayEntry, req: HttpRequest, host: string, np: NormalizedPath, trace: string[]): RouteAnswer {
  const via = `HTTPRoute ${e.ref} spec.rules[${e.ruleIndex}]`;
  const base = { via, trace, profile: 'gateway-api' };
  const redirect = e.rule.filters.find((f) => f.type === 'RequestRedirect')?.requestRedirect;
  if (redirect) {
    const location = redirectLocation(redirect, e, req, host, np);
    const status = redirect.statusCode ?? 302;
    trace.push(`RequestRedirect: ${status} to ${location}`);
    return { ...base, status, backends: [], location };
  }
  const rewrite = e.rule.filters.find((f) => f.type === 'URLRewrite')?.urlRewrite;
  const path = modifiedPath(rewrite?.path, e.match, np.path);
  if (path !== undefined) trace.push(`URLRewrite: path rewritten to ${path}`);
  if (rewrite?.hostname) trace.push(`URLRewrite: Host rewritten to ${rewrite.hostname}`);
  const bs = backends(e);
  if (!bs.length) {
    trace.push(e.rule.backendRefs.length ? 'every backendRef has weight 0 → 500' : 'no backendRefs → 500');
    return { ...base, status: 500, backends: [] };
  }
  const upstreamPath = `${path ?? np.path}${np.query ? `?${np.query}` : ''}`;
  return { ...base, status: 200, backends: bs, upstreamPath, upstreamHost: rewrite?.hostname };
}
