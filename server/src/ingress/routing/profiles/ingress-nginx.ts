// The ingress-nginx profile: where ingress-nginx sends a request and what it does with it.
// Hosts: as the spec (a wildcard host becomes server_name `~^(?<subdomain>[\w-]+)\.suffix$`,
// one label; template.go buildServerName). Paths: nginx-normalized first (normalize.ts), then
// the spec matcher, or regex locations when the host enforces regex (nginx-locations.ts).
// Canary Ingresses do not make locations of their own: they share the main Ingress's
// location and take requests by header, cookie or weight (nginx-actions.ts). No I/O.
import { ingressRef } from '../order';
import { lookup, selectHost } from '../match';
import { normalizeRequestHost } from '../hosts';
import { buildRouteTable, type RouteTable } from '../table';
import type { HttpRequest, RouteAnswer } from './answer';
import { normalizePath } from './normalize';
import { backendsFor, redirects, rewritten, type Chosen } from './nginx-actions';
import { isCanary } from './nginx-annotations';
import { autoRedirect, regexHost, regexLocation } from './nginx-locations';
import { ingressVia, type ControllerProfile } from './types';

interface NginxView {
  /** The table without canary Ingresses. */
  main: RouteTable;
  canaries: RouteTable['ingresses'];
}

const views = new WeakMap<RouteTable, NginxView>();

function viewOf(table: RouteTable): NginxView {
  let v = views.get(table);
  if (!v) {
    const canaries = table.ingresses.filter(isCanary);
    const main = canaries.length ? buildRouteTable(table.ingresses.filter((i) => !isCanary(i)), { created: table.created }) : table;
    views.set(table, (v = { main, canaries }));
  }
  return v;
}

function choose(table: RouteTable, host: string, path: string, trace: string[]): Chosen | undefined {
  const { group } = selectHost(table, host);
  const r = lookup(table, host, path);
  if (regexHost(group) && group) {
    trace.push(r.trace.find((s) => s.step === 'host')!.message);
    const loc = regexLocation(group, path);
    trace.push(loc.message);
    if (loc.entry) return { ingress: loc.entry.ingress, backend: loc.entry.backend, via: ingressVia(loc.entry.ingress, loc.entry.node.path), ruleHost: loc.entry.hostKey, rulePath: loc.entry.path };
  } else {
    trace.push(...r.trace.filter((s) => s.step !== 'result').map((s) => s.message));
    const e = r.match?.entry;
    if (e) return { ingress: e.ingress, backend: e.backend, via: ingressVia(e.ingress, e.node.path), ruleHost: e.hostKey, rulePath: e.path };
  }
  const m = r.match?.via === 'defaultBackend' ? r.match : undefined;
  if (m) trace.push(`defaultBackend of Ingress ${ingressRef(m.ingress)}`);
  return m && { ingress: m.ingress, backend: m.backend, via: ingressVia(m.ingress, undefined) };
}

export function nginxRoute(table: RouteTable, req: HttpRequest): RouteAnswer {
  const profile = 'ingress-nginx';
  const np = normalizePath(req.path, 'nginx');
  const trace = np.notes.map((n) => `request path: ${n}`);
  if (np.invalid) return { status: 400, backends: [], via: '', trace: [...trace, np.invalid], profile };
  const view = viewOf(table);
  const host = normalizeRequestHost(req.host);
  const { group } = selectHost(view.main, host);
  const auto = regexHost(group) ? undefined : autoRedirect(group, np.path);
  if (auto) {
    trace.push(`nginx auto-redirect: only location ${auto} exists for "${np.path}" (a Prefix path with a trailing slash): 301 to ${auto}`);
    return { status: 301, backends: [], location: `${req.scheme}://${host}${auto}${np.query ? `?${np.query}` : ''}`, via: '', trace, profile };
  }
  const c = choose(view.main, host, np.path, trace);
  if (!c) return { status: 404, backends: [], via: '', trace: [...trace, '→ 404 (the controller\'s default backend)'], profile };
  const base = { via: c.via, trace, profile };
  const r = redirects(c, req, host, np, table.ingresses, trace);
  if (r) return { ...r, ...base };
  const rw = rewritten(c, np, trace);
  const backends = backendsFor(c, view.canaries, req, trace);
  const variesByRequest = view.canaries.length > 0 || undefined; // else scheme, Host and target decide it all
  return { ...base, status: 200, backends, upstreamPath: rw ?? `${np.path}${np.query ? `?${np.query}` : ''}`, variesByRequest };
}

export function ingressNginxProfile(reason: string): ControllerProfile {
  return { id: 'ingress-nginx', reason, route: nginxRoute };
}
