// The custom requests' data, each an adapter over the project model's one route table: the
// route table (every host/path → backend of the workspace, and the table itself as data for the
// editor's proxy), the route tree (host → path → Service:port → readiness, with the findings on
// each path), a route explanation and the story of one path.
import type { Finding } from '../ingress/findings';
import type { Ingress, IngressBackend } from '../ingress/model';
import { analyzeRoutes, describeEntry } from '../ingress/routing/index';
import { contains, type SMap } from '../ingress/source';
import type { ObjectStore } from '../ingress/store';
import { routeTableData } from '../proxy/objects-table';
import type {
  ExplainRouteParams, ExplainRouteResult, RouteEntry, RouteTableResult, RouteTreeHost, RouteTreePath, RouteTreeResult, ClusterStatusParams,
} from '../protocol';
import type { ClusterFacts } from '../rules/rule';
import { schemeFor, serviceOf } from './codelens';
import { toLocation, type LinesOf } from './convert';
import { hostsOf, type Project as Workspace } from '../engine/index';

function ingresses(ws: Workspace, uri?: string): Ingress[] {
  return ws.index.list('Ingress').filter((i) => !uri || i.uri === uri)
    .sort((a, b) => a.uri.localeCompare(b.uri) || a.span.start - b.span.start);
}

export function routeTable(ws: Workspace, uri?: string, withTable = false): RouteTableResult {
  const routes = ingresses(ws, uri).flatMap((ing) => ing.rules.flatMap((r) => r.paths.map((p) =>
    routeEntry(ws, ing, r.host?.value ?? '', p.path?.value ?? '', p.pathType?.value ?? '', p.backend, p.node))));
  return withTable ? { routes, table: routeTableData(ws.routeTable(), ws.store) } : { routes };
}

/** One path of an Ingress as the client lists it (the route table, the explained route). */
function routeEntry(ws: Workspace, ing: Ingress, host: string, path: string, pathType: string, backend: IngressBackend | undefined, node: SMap): RouteEntry {
  return {
    host, path, pathType, namespace: ing.namespace, ingress: ing.name, ingressClass: ing.ingressClassName?.value ?? ing.classAnnotation,
    tls: schemeFor(ing, host) === 'https',
    service: serviceOf(backend),
    location: toLocation(ws.linesOf, ing.uri, node.span),
  };
}

export function routeTree(ws: Workspace, facts: ClusterFacts | undefined, cluster: ClusterStatusParams, uri?: string): RouteTreeResult {
  const hosts = new Map<string, RouteTreeHost>();
  const findings = new Map<string, Finding[]>();
  const findingsOf = (u: string) => findings.get(u) ?? findings.set(u, ws.findings(u)).get(u)!;
  const store = ws.store;
  const linesOf = ws.linesOf;
  const relations = pathRelations(ws);
  for (const ing of ingresses(ws, uri)) {
    for (const r of ing.rules) {
      const hostName = r.host?.value ?? '*';
      let host = hosts.get(hostName);
      if (!host) {
        hosts.set(hostName, (host = { host: hostName, tls: schemeFor(ing, r.host?.value ?? '') === 'https', paths: [],
          location: toLocation(linesOf, ing.uri, (r.host?.node ?? r.node).span) }));
      }
      for (const p of r.paths) {
        host.paths.push({
          path: p.path?.value ?? '', pathType: p.pathType?.value ?? '', ingress: ing.name, namespace: ing.namespace,
          backend: treeBackend(store, linesOf, facts, ing.namespace, p.backend),
          problems: findingsOf(ing.uri).filter((f) => contains(p.node.span, f.span.start))
            .map((f) => ({ code: f.ruleId, message: f.message, severity: f.severity })),
          location: toLocation(linesOf, ing.uri, p.node.span),
          ...relations.get(`${ing.uri}#${p.node.span.start}`),
        });
      }
    }
  }
  return { hosts: [...hosts.values()].sort((a, b) => a.host.localeCompare(b.host)), cluster };
}

/** A path's backend Service in the Routes view: its port, whether it exists, its readiness and pods. */
function treeBackend(store: ObjectStore, linesOf: LinesOf, facts: ClusterFacts | undefined, namespace: string, backend: IngressBackend | undefined): RouteTreePath['backend'] {
  const service = serviceOf(backend);
  if (!service) return undefined;
  const live = store.find('Service', namespace, service.name)[0];
  const ep = facts?.endpoints(namespace, service.name);
  return {
    service: service.name, port: service.port, namespace, ready: ep?.ready, total: ep?.total, exists: !!live,
    location: live && live.origin === 'workspace' ? toLocation(linesOf, live.uri, live.span) : undefined,
    pods: facts?.podsOf?.(namespace, service.name),
  };
}

type Relation = Pick<RouteTreePath, 'status' | 'others' | 'reason'>;

/** Conflict/shadowing of every path (workspace and live Ingresses together), keyed by `uri#offset`. */
function pathRelations(ws: Workspace): Map<string, Relation> {
  const linesOf = ws.linesOf;
  const out = new Map<string, Relation>();
  for (const h of ws.routeTree().hosts) {
    for (const p of h.paths) {
      out.set(`${p.uri}#${p.span.start}`, {
        status: p.status, reason: p.reason,
        others: p.others.map((o) => ({ ingress: o.ingress, path: o.path, pathType: o.pathType ?? '', backend: o.backendLabel, location: toLocation(linesOf, o.uri, o.span) })),
      });
    }
  }
  return out;
}

/** host+path → the route the shared matcher picks, with its trace. */
export function explainRoute(ws: Workspace, p: ExplainRouteParams): ExplainRouteResult {
  const result = ws.route(p.host, p.path, { explain: 5 });
  const e = result.match?.entry;
  // Each candidate names its path and Ingress, as `ingress-lab route` prints it: ✓ won, · matched too, ✗ no match.
  const trace = result.trace.flatMap((t) => [t.message, ...(t.candidates ?? []).map((c) =>
    `  ${c.winner ? '✓' : c.matches ? '·' : '✗'} ${c.pathType ?? '(no pathType)'} ${c.path || '(empty)'} in Ingress ${c.ingress}: ${c.reason}`)]);
  return {
    route: e ? routeEntry(ws, e.ingress, e.host ?? '', e.path, e.pathType ?? '', e.backend, e.node) : undefined,
    decision: `${result.status} ${result.trace[result.trace.length - 1]?.message ?? ''}`,
    trace,
  };
}

/** Markdown for a path: which requests it wins, which longer paths take part of them, what shadows it. */
export function pathStory(ws: Workspace, ing: Ingress, pathNode: SMap): string | undefined {
  const table = ws.routeTable({ ingresses: [...new Set([ing, ...ws.index.ingressesFor([...hostsOf(ing), ''])])] });
  const group = table.groups.find((g) => g.entries.some((e) => e.node === pathNode));
  const entry = group?.entries.find((e) => e.node === pathNode);
  if (!group || !entry) return undefined;
  const lines = [`**${describeEntry(entry)}**`, ''];
  const base = entry.key || '';
  lines.push(entry.match === 'Exact' ? `Wins requests for exactly \`${entry.path}\`.` : `Wins requests for \`${base || '/'}\` and \`${base}/…\`.`);
  const longer = group.entries.filter((e) => e !== entry && entry.match !== 'Exact' && e.key !== base && (base === '' || e.key.startsWith(`${base}/`)));
  if (longer.length) lines.push('', `Except where a longer path wins: ${longer.slice(0, 5).map((e) => `\`${e.path}\` (${e.pathType ?? '?'})`).join(', ')}${longer.length > 5 ? ` and ${longer.length - 5} more` : ''}.`);
  const shadow = analyzeRoutes(table).shadowedBy.get(entry);
  if (shadow) lines.push('', `⚠ Shadowed by ${describeEntry(shadow.by)}: ${shadow.reason}.`);
  return lines.join('\n');
}
