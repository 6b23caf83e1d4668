// The HTTPRoute rules of one Ingress path: its match and filters (paths.ts), its backendRefs
// (a port name is turned into the Service's port number: BackendRef.port is a number), a
// canary Ingress of the same host and path merged in (canary-weight → weighted backendRefs,
// canary-by-header → a header match rule), and the redirect annotations (permanent-redirect,
// temporal-redirect) as a RequestRedirect filter. No I/O.
import type { Ingress, IngressBackend, Service } from '../../ingress/model';
import { hostKey } from '../../ingress/routing/hosts';
import { nginx, redirectCode } from '../../ingress/routing/profiles/nginx-annotations';
import { canaryShare, headerWant } from '../../ingress/routing/profiles/nginx-canary';
import type { Json, RuleJson } from './types';

export interface RuleContext {
  services: readonly Service[];
  canaries: readonly Ingress[];
  nginx: boolean;
  warn: (ing: Ingress, message: string) => void;
}

export function backendRef(ing: Ingress, b: IngressBackend | undefined, ctx: RuleContext, weight?: number): Json | undefined {
  const s = b?.service;
  if (!s?.name) {
    ctx.warn(ing, b?.resource ? `resource backend ${b.resource.kind?.value ?? '?'} ${b.resource.name?.value ?? '?'}: an HTTPRoute backendRef to a custom resource is implementation-specific; not converted` : 'a backend without a Service; not converted');
    return undefined;
  }
  let port = s.portNumber?.value;
  if (port === undefined && s.portName) {
    const svc = ctx.services.find((x) => x.name === s.name!.value && x.namespace === ing.namespace);
    port = svc?.ports.find((p) => p.name === s.portName!.value)?.port;
    if (port === undefined) {
      ctx.warn(ing, `Service ${s.name.value} port "${s.portName.value}": a backendRef needs the port number and the Service is not among the inputs; not converted`);
      return undefined;
    }
  }
  return { name: s.name.value, port, ...(weight !== undefined ? { weight } : {}) };
}

/** Gateway API v1.2 Standard allows 301 and 302 only. */
export function standardCode(code: number): number {
  return code === 301 || code === 308 ? 301 : 302;
}

function redirectTo(url: string, code: number): Json | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const scheme = u.protocol.replace(':', '');
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  return {
    type: 'RequestRedirect',
    requestRedirect: {
      scheme, hostname: u.hostname, ...(u.port ? { port: Number(u.port) } : {}),
      path: { type: 'ReplaceFullPath', replaceFullPath: u.pathname || '/' }, statusCode: standardCode(code),
    },
  };
}

/** permanent-redirect / temporal-redirect as a RequestRedirect filter (and a warning for what differs). */
export function redirectAnnotation(ing: Ingress, ctx: RuleContext): Json | undefined {
  const temporal = nginx(ing, 'temporal-redirect');
  const url = temporal ?? nginx(ing, 'permanent-redirect');
  if (!ctx.nginx || !url) return undefined;
  const code = temporal ? redirectCode(ing, 'temporal-redirect-code', 302) : redirectCode(ing, 'permanent-redirect-code', 301);
  const f = redirectTo(url, code);
  if (!f) ctx.warn(ing, `${temporal ? 'temporal' : 'permanent'}-redirect "${url}" is not an absolute http(s) URL; not converted`);
  else {
    const extra = code !== standardCode(code) ? `; code ${code} is not in Gateway API v1.2 Standard (301, 302): ${standardCode(code)} used` : '';
    ctx.warn(ing, `${temporal ? 'temporal' : 'permanent'}-redirect: RequestRedirect to ${url}; the Gateway keeps the request's query string, nginx's "return ${code}" drops it${extra}`);
  }
  return f;
}

function canaryFor(host: string, path: string, ctx: RuleContext): Ingress | undefined {
  return ctx.canaries.find((c) => c.rules.some((r) => hostKey(r.host?.value).key === host && r.paths.some((p) => (p.path?.value ?? '') === path)));
}

function canaryPathBackend(c: Ingress, host: string, path: string): IngressBackend | undefined {
  for (const r of c.rules) for (const p of r.paths) if (hostKey(r.host?.value).key === host && (p.path?.value ?? '') === path) return p.backend;
  return undefined;
}

/**
 * The header match of a canary-by-header rule and what the conversion says of it: the value
 * (canary-by-header-value, else "always"), or canary-by-header-pattern as a RegularExpression
 * match that finds the pattern anywhere in the value, as ngx.re.match does (Gateway API regex
 * matches are full matches in an implementation-specific dialect).
 */
function canaryHeaderMatch(canary: Ingress, header: string): { match: Json; words: string } {
  const want = headerWant(canary);
  if ('pattern' in want) {
    return {
      match: { type: 'RegularExpression', name: header, value: `.*(?:${want.pattern}).*` },
      words: `canary-by-header ${header} matching ${JSON.stringify(want.pattern)} → a RegularExpression header match rule (Extended support; the regex dialect is the implementation's, PCRE in ingress-nginx)`,
    };
  }
  const value = 'value' in want ? want.value : 'always';
  const words = `canary-by-header ${header}=${value} → a header match rule${'value' in want ? '' : '; "never" (force the main backend) has no equivalent when a weight is set'}`;
  return { match: { name: header, value }, words };
}

/** The rules for one path: the main rule (weighted with a canary when there is one) and a canary header rule first. */
export function pathRules(ing: Ingress, host: string, path: string, b: IngressBackend | undefined, base: { match: Json; filters: Json[] }, ctx: RuleContext): RuleJson[] {
  const canary = ctx.nginx ? canaryFor(host, path, ctx) : undefined;
  const filters = base.filters.length ? { filters: base.filters } : {};
  const main = backendRef(ing, b, ctx);
  if (!main) return [];
  if (!canary) return [{ matches: [base.match], ...filters, backendRefs: [main] }];
  const cb = backendRef(canary, canaryPathBackend(canary, host, path), ctx);
  const out: RuleJson[] = [];
  const header = nginx(canary, 'canary-by-header');
  const ref = `canary Ingress ${canary.namespace}/${canary.name}`;
  if (header && cb) {
    const { match, words } = canaryHeaderMatch(canary, header);
    out.push({ matches: [{ ...base.match, headers: [match] }], ...filters, backendRefs: [cb] });
    ctx.warn(ing, `${ref}: ${words}`);
  }
  const cookie = nginx(canary, 'canary-by-cookie');
  if (cookie) ctx.warn(ing, `${ref}: canary-by-cookie ${cookie} has no Gateway API Standard equivalent (HTTPRoute matches no cookie): requests with ${cookie}=always follow the weights instead of the canary, ${cookie}=never too; not converted`);
  const { weight: w, total } = canaryShare(canary);
  out.push({ matches: [base.match], ...filters, backendRefs: w > 0 && cb ? [{ ...main, weight: total - w }, { ...cb, weight: w }] : [main] });
  if (w > 0) ctx.warn(ing, `${ref}: canary-weight ${w} of ${total} → weighted backendRefs`);
  return out;
}
