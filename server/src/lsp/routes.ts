// The custom requests' data: the route table (every host/path → backend of the workspace), the
// route tree (host → path → Service:port → readiness, with the findings on each path) and a
// route explanation. Flattens the model; the matcher itself belongs to the routing module.
import type { Finding } from '../ingress/findings';
import type { Ingress } from '../ingress/model';
import { contains } from '../ingress/source';
import type {
  ExplainRouteParams, ExplainRouteResult, RouteEntry, RouteTableResult, RouteTreeHost, RouteTreeResult, ClusterStatusParams,
} from '../protocol';
import type { ClusterFacts } from '../rules/rule';
import { schemeFor } from './codelens';
import { toLocation } from './convert';
import type { Workspace } from './workspace';

function ingresses(ws: Workspace, uri?: string): Ingress[] {
  return ws.index.list('Ingress').filter((i) => !uri || i.uri === uri)
    .sort((a, b) => a.uri.localeCompare(b.uri) || a.span.start - b.span.start);
}

export function routeTable(ws: Workspace, uri?: string): RouteTableResult {
  const linesOf = (u: string) => ws.file(u)?.lines;
  const routes: RouteEntry[] = [];
  for (const ing of ingresses(ws, uri)) {
    for (const r of ing.rules) {
      const host = r.host?.value ?? '';
      for (const p of r.paths) {
        const svc = p.backend?.service;
        routes.push({
          host, path: p.path?.value ?? '', pathType: p.pathType?.value ?? '',
          namespace: ing.namespace, ingress: ing.name, ingressClass: ing.ingressClassName?.value ?? ing.classAnnotation,
          tls: schemeFor(ing, host) === 'https',
          service: svc?.name ? { name: svc.name.value, port: svc.portNumber?.value ?? svc.portName?.value } : undefined,
          location: toLocation(linesOf, ing.uri, p.node.span),
        });
      }
    }
  }
  return { routes };
}

export function routeTree(ws: Workspace, facts: ClusterFacts | undefined, cluster: ClusterStatusParams, uri?: string): RouteTreeResult {
  const hosts = new Map<string, RouteTreeHost>();
  const findings = new Map<string, Finding[]>();
  const findingsOf = (u: string) => findings.get(u) ?? findings.set(u, ws.findings(u)).get(u)!;
  const store = ws.context.store;
  const linesOf = (u: string) => ws.file(u)?.lines;
  for (const ing of ingresses(ws, uri)) {
    for (const r of ing.rules) {
      const hostName = r.host?.value ?? '*';
      let host = hosts.get(hostName);
      if (!host) hosts.set(hostName, (host = { host: hostName, tls: schemeFor(ing, r.host?.value ?? '') === 'https', paths: [] }));
      for (const p of r.paths) {
        const svc = p.backend?.service;
        const live = svc?.name ? store.find('Service', ing.namespace, svc.name.value)[0] : undefined;
        const ep = svc?.name ? facts?.endpoints(ing.namespace, svc.name.value) : undefined;
        host.paths.push({
          path: p.path?.value ?? '', pathType: p.pathType?.value ?? '', ingress: ing.name, namespace: ing.namespace,
          backend: svc?.name ? {
            service: svc.name.value, port: svc.portNumber?.value ?? svc.portName?.value, namespace: ing.namespace,
            ready: ep?.ready, total: ep?.total, exists: !!live,
            location: live && live.origin === 'workspace' ? toLocation(linesOf, live.uri, live.span) : undefined,
          } : undefined,
          problems: findingsOf(ing.uri).filter((f) => contains(p.node.span, f.span.start))
            .map((f) => ({ code: f.ruleId, message: f.message, severity: f.severity })),
          location: toLocation(linesOf, ing.uri, p.node.span),
        });
      }
    }
  }
  return { hosts: [...hosts.values()].sort((a, b) => a.host.localeCompare(b.host)), cluster };
}

/** Until the routing module's matcher is wired in: the candidate routes for the host, no decision. */
export function explainRoute(ws: Workspace, p: ExplainRouteParams): ExplainRouteResult {
  const candidates = routeTable(ws).routes.filter((r) => r.host === p.host || r.host === '');
  return {
    decision: 'The route matcher is not available in this build.',
    trace: candidates.map((r) => `candidate ${r.host || '*'} ${r.pathType} ${r.path} → ${r.service?.name ?? '?'}:${r.service?.port ?? '?'} (${r.namespace}/${r.ingress})`),
  };
}
