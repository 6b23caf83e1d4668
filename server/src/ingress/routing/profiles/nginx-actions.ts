// What ingress-nginx does once a location is chosen, in the order nginx runs it: app-root
// (server level: `if ($uri = /) { return 302 $scheme://$http_host<app-root>; }`, e2e
// annotations/approot.go), temporal-redirect (302) over permanent-redirect (301), the
// HTTP→HTTPS redirect (lua_ingress.lua redirect_to_https: force-ssl-redirect, or ssl-redirect
// — default true — when a TLS certificate covers the host; http-redirect-code 308; the
// request URI loses a trailing slash; e2e forcesslredirect.go), then rewrite-target (`rewrite
// "(?i)<path>" <target> break;`: the whole URI is replaced, capture groups $1..$9 filled, the
// query kept), canary selection (nginx-canary.ts) and backend-protocol. No I/O.
import type { Ingress, IngressBackend } from '../../model';
import { hostKey, hostMatches } from '../hosts';
import type { HttpRequest, RouteAnswer, WeightedBackend } from './answer';
import { isCanary, nginx, nginxBool, redirectCode } from './nginx-annotations';
import { canaryDecision } from './nginx-canary';
import type { NormalizedPath } from './normalize';
import { weighted } from './types';

export interface Chosen {
  ingress: Ingress;
  backend: IngressBackend | undefined;
  via: string;
  /** Rule host key and path as written (undefined for a defaultBackend). */
  ruleHost?: string;
  rulePath?: string;
}

type Answer = Omit<RouteAnswer, 'trace' | 'profile' | 'via'>;

export function tlsCovers(ingresses: readonly Ingress[], host: string): boolean {
  return ingresses.some((i) => i.tls.some((t) => t.hosts.some((h) => hostMatches(hostKey(h.value), host))));
}

function redirect(status: number, location: string): Answer {
  return { status, backends: [], location };
}

/** app-root and the redirect annotations, or undefined when none applies. */
export function redirects(c: Chosen, req: HttpRequest, host: string, np: NormalizedPath, all: readonly Ingress[], trace: string[]): Answer | undefined {
  const ing = c.ingress;
  const appRoot = nginx(ing, 'app-root');
  if (appRoot && np.path === '/') {
    trace.push(`app-root: "/" redirected to ${appRoot} (302)`);
    return redirect(302, `${req.scheme}://${req.host}${appRoot}`);
  }
  const temporal = nginx(ing, 'temporal-redirect');
  const permanent = nginx(ing, 'permanent-redirect');
  if (temporal || permanent) {
    const status = temporal ? redirectCode(ing, 'temporal-redirect-code', 302) : redirectCode(ing, 'permanent-redirect-code', 301);
    trace.push(`${temporal ? 'temporal-redirect' : 'permanent-redirect'}: ${status} to ${temporal ?? permanent}`);
    return redirect(status, (temporal ?? permanent)!);
  }
  const force = nginxBool(ing, 'force-ssl-redirect', false);
  const ssl = nginxBool(ing, 'ssl-redirect', true) && tlsCovers(all, host);
  if (req.scheme === 'http' && (force || ssl)) {
    let uri = req.path.startsWith('/') ? req.path : `/${req.path}`;
    const q = uri.indexOf('?');
    const path = q >= 0 ? uri.slice(0, q) : uri;
    if (path.endsWith('/')) uri = path.slice(0, -1) + (q >= 0 ? uri.slice(q) : '');
    trace.push(`${force ? 'force-ssl-redirect' : 'ssl-redirect (default true; a TLS certificate covers this host)'}: http redirected to https (308)`);
    return redirect(308, `https://${host}${uri}`);
  }
  return undefined;
}

/** rewrite-target: the path the backend receives, or undefined when there is none. */
export function rewritten(c: Chosen, np: NormalizedPath, trace: string[]): string | undefined {
  const target = nginx(c.ingress, 'rewrite-target');
  if (target === undefined || c.rulePath === undefined) return undefined;
  let re: RegExp;
  try {
    re = new RegExp(c.rulePath || '/', 'i');
  } catch {
    trace.push(`rewrite-target: the path "${c.rulePath}" is not a valid regex here; no rewrite`);
    return undefined;
  }
  const m = re.exec(np.path);
  if (!m) return undefined;
  const path = target.replace(/\$(\d)/g, (_, d: string) => m[Number(d)] ?? '');
  trace.push(`rewritten to ${path} by rewrite-target "${target}" (path regex "(?i)${c.rulePath}")`);
  return `${path}${np.query && !path.includes('?') ? `?${np.query}` : ''}`;
}

function canaryOf(c: Chosen, canaries: readonly Ingress[]): Ingress | undefined {
  if (c.rulePath === undefined) return undefined;
  return canaries.find((ing) => ing.rules.some((r) => hostKey(r.host?.value).key === c.ruleHost && r.paths.some((p) => (p.path?.value ?? '') === c.rulePath)));
}

function canaryBackend(canary: Ingress, c: Chosen): IngressBackend | undefined {
  for (const r of canary.rules) for (const p of r.paths) if ((p.path?.value ?? '') === c.rulePath && hostKey(r.host?.value).key === c.ruleHost) return p.backend;
  return undefined;
}

export function backendsFor(c: Chosen, canaries: readonly Ingress[], req: HttpRequest, trace: string[]): WeightedBackend[] {
  const main = weighted(c.ingress, c.backend);
  const canary = canaryOf(c, canaries);
  let out = [main];
  if (canary) {
    const d = canaryDecision(canary, req);
    const cb = weighted(canary, canaryBackend(canary, c));
    if (d.to === true) out = [cb];
    else if (typeof d.to === 'number' && d.to > 0) out = [{ ...main, weight: d.total - d.to }, { ...cb, weight: d.to }].filter((b) => b.weight > 0);
    trace.push(`canary Ingress ${canary.namespace}/${canary.name}: ${d.why}`);
  }
  const protocol = nginx(c.ingress, 'backend-protocol')?.toUpperCase();
  if (protocol && protocol !== 'HTTP') trace.push(`backend-protocol: the controller speaks ${protocol} to the backend`);
  return out.map((b) => (protocol && protocol !== 'HTTP' ? { ...b, protocol } : b));
}

export { isCanary };
