// The HTTPRoutes of one Ingress: one per host (and per listener scheme), rules in path order,
// cut into routes of at most 16 rules (the CRD's limit). A host covered by TLS gets a route
// on its HTTPS listener and one on its HTTP listener; under ingress-nginx the HTTP one
// redirects to https where ssl-redirect (default true) or force-ssl-redirect applies, as the
// controller does. defaultBackend becomes a last PathPrefix "/" rule of each host (the
// Ingress's own unmatched paths) and, for an Ingress without rules, a route for every host.
// app-root becomes an Exact "/" redirect rule. No I/O.
import type { Ingress } from '../../ingress/model';
import { hostKey } from '../../ingress/routing/hosts';
import { enforcesRegex, isCanary, nginx, nginxBool } from '../../ingress/routing/profiles/nginx-annotations';
import { tlsCovers } from '../../ingress/routing/profiles/nginx-actions';
import { listenerName, objectName, hostSlug } from './names';
import { convertPath } from './paths';
import { backendRef, pathRules, redirectAnnotation, type RuleContext } from './rules';
import { CONVERTED_FROM, GATEWAY_API, MAX_RULES, type ConvertOptions, type Json, type RuleJson } from './types';

export interface RouteContext extends RuleContext {
  opts: ConvertOptions;
  gatewayNamespace: string;
  /** All Ingresses converted (TLS and regex are per host across them). */
  all: readonly Ingress[];
}

function hostRules(ing: Ingress, host: string, ctx: RouteContext): RuleJson[] {
  const hostRegex = ctx.nginx && ctx.all.some((i) => enforcesRegex(i) && i.rules.some((r) => hostKey(r.host?.value).key === host));
  const redirect = redirectAnnotation(ing, ctx);
  const rules: RuleJson[] = [];
  const appRoot = ctx.nginx ? nginx(ing, 'app-root') : undefined;
  if (appRoot) rules.push({ matches: [{ path: { type: 'Exact', value: '/' } }], filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: appRoot }, statusCode: 302 } }] });
  let rootCovered = false;
  for (const r of ing.rules.filter((x) => hostKey(x.host?.value).key === host)) {
    for (const p of r.paths) {
      const path = p.path?.value ?? '';
      const conv = convertPath(ing, path, p.pathType?.value, hostRegex, ctx.nginx);
      conv.warnings.forEach((w) => ctx.warn(ing, w));
      if (!conv.match) continue;
      if ((path === '/' || path === '') && p.pathType?.value !== 'Exact') rootCovered = true;
      if (redirect) rules.push({ matches: [conv.match], filters: [redirect] });
      else rules.push(...pathRules(ing, host, path, p.backend, { match: conv.match, filters: conv.filters }, ctx));
    }
  }
  if (ctx.nginx && !hostRegex) rules.push(...autoRedirectRules(ing, host, ctx));
  const d = !rootCovered && ing.defaultBackend ? backendRef(ing, ing.defaultBackend, ctx) : undefined;
  if (d) rules.push({ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [d] });
  return rules;
}

/** nginx's auto-redirect (profiles/nginx-locations.ts): Exact "/foo" → 301 "/foo/" where only Prefix "/foo/" exists on the host. */
function autoRedirectRules(ing: Ingress, host: string, ctx: RouteContext): RuleJson[] {
  const paths = ctx.all.flatMap((i) => (isCanary(i) ? [] : i.rules.filter((r) => hostKey(r.host?.value).key === host).flatMap((r) => r.paths.map((p) => p.path?.value ?? ''))));
  const own = ing.rules.filter((r) => hostKey(r.host?.value).key === host).flatMap((r) => r.paths.filter((p) => p.pathType?.value !== 'Exact').map((p) => p.path?.value ?? ''));
  return own.filter((p) => p.length > 1 && p.endsWith('/') && !paths.includes(p.slice(0, -1))).map((p) => {
    ctx.warn(ing, `path "${p}": nginx answers "${p.slice(0, -1)}" with a 301 to "${p}" (auto-redirect); converted to an Exact ${p.slice(0, -1)} RequestRedirect rule`);
    return { matches: [{ path: { type: 'Exact', value: p.slice(0, -1) } }], filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath', replaceFullPath: p }, statusCode: 301 } }] };
  });
}

function parentRef(ing: Ingress, section: string, ctx: RouteContext): Json {
  const ns = ctx.gatewayNamespace !== ing.namespace ? { namespace: ctx.gatewayNamespace } : {};
  return { name: ctx.opts.gatewayName, ...ns, sectionName: section };
}

function routeObjects(ing: Ingress, host: string, scheme: 'http' | 'https', rules: RuleJson[], ctx: RouteContext, suffix: string): Json[] {
  const out: Json[] = [];
  for (let i = 0; i < rules.length; i += MAX_RULES) {
    const name = objectName(ing.name, hostSlug(host), suffix, i ? String(i / MAX_RULES + 1) : '');
    out.push({
      apiVersion: GATEWAY_API,
      kind: 'HTTPRoute',
      metadata: { name, namespace: ing.namespace, annotations: { [CONVERTED_FROM]: `${ing.namespace}/${ing.name}` } },
      spec: {
        parentRefs: [parentRef(ing, listenerName(scheme, host), ctx)],
        ...(host ? { hostnames: [host] } : {}),
        rules: rules.slice(i, i + MAX_RULES),
      },
    });
  }
  return out;
}

const HTTPS_REDIRECT = { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } };

function httpSide(ing: Ingress, host: string, rules: RuleJson[], tls: boolean, ctx: RouteContext): RuleJson[] {
  const force = ctx.nginx && nginxBool(ing, 'force-ssl-redirect', false);
  const ssl = ctx.nginx && tls && nginxBool(ing, 'ssl-redirect', true);
  if (!force && !ssl) return rules;
  ctx.warn(ing, `${force ? 'force-ssl-redirect' : 'ssl-redirect'} on ${host || 'every host'}: ingress-nginx answers 308 and drops a trailing slash; Gateway API v1.2 Standard allows only 301/302 for RequestRedirect, so 301 (a client may turn a POST into a GET) and the path is kept as sent`);
  return rules.map((r) => ({ matches: r.matches, filters: [HTTPS_REDIRECT] }));
}

/** The hosts an Ingress has rules for ("" for rules without host), in order. */
function hostsOf(ing: Ingress): string[] {
  return [...new Set(ing.rules.map((r) => hostKey(r.host?.value).key))];
}

export function ingressRoutes(ing: Ingress, ctx: RouteContext): { routes: Json[]; hosts: { host: string; tls: boolean }[] } {
  const routes: Json[] = [];
  const hosts: { host: string; tls: boolean }[] = [];
  const list = hostsOf(ing);
  if (!list.length && ing.defaultBackend) list.push('');
  for (const host of list) {
    const rules = hostRules(ing, host, ctx);
    if (!rules.length) continue;
    const tls = !!host && tlsCovers(ctx.all, host);
    hosts.push({ host, tls });
    if (tls) routes.push(...routeObjects(ing, host, 'https', rules, ctx, ''));
    routes.push(...routeObjects(ing, host, 'http', httpSide(ing, host, rules, tls, ctx), ctx, tls ? 'http' : ''));
  }
  return { routes, hosts };
}
