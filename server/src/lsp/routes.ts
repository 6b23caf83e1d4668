// The custom requests' data, each an adapter over the project model's one route table: the
// route table (every host/path → backend of the workspace, and the table itself as data for the
// editor's proxy), the route tree (host → path → Service:port → pods with readiness, with the
// findings on each path; live-only Ingresses and defaultBackends too), a route explanation and
// the story of one path.
import type { Finding } from '../ingress/findings';
import type { Ingress, IngressBackend } from '../ingress/model';
import { profileLines, request } from '../ingress/routing/profiles/answer';
import { analyzeRoutes, describeEntry } from '../ingress/routing/index';
import { contains, type SMap, type Span } from '../ingress/source';
import type { PodSource } from '../proxy/pods';
import { servicePorts } from '../proxy/service-ports';
import type { ObjectStore } from '../ingress/store';
import { routeTableData } from '../proxy/objects-table';
import type {
  ExplainRouteParams, ExplainRouteResult, RouteListEntry, RouteTableResult, RouteTreeHost, RouteTreePath, RouteTreePod, RouteTreeResult, ClusterStatusParams,
} from '../protocol';
import type { Location } from 'vscode-languageserver';
import type { ClusterFacts } from '../rules/rule';
import { schemeFor, serviceOf } from './codelens';
import { toLocation, type LinesOf } from './convert';
import { liveLocation } from './live-object';
import { explainGatewayRoute, gatewayTreeHosts } from './gateway-routes';
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
function routeEntry(ws: Workspace, ing: Ingress, host: string, path: string, pathType: string, backend: IngressBackend | undefined, node: SMap): RouteListEntry {
  return {
    host, path, pathType, namespace: ing.namespace, ingress: ing.name, ingressClass: ing.ingressClassName?.value ?? ing.classAnnotation,
    tls: schemeFor(ing, host) === 'https',
    service: serviceOf(backend),
    location: toLocation(ws.linesOf, ing.uri, node.span),
  };
}

interface TreeContext {
  ws: Workspace;
  facts: ClusterFacts | undefined;
  relations: Map<string, Relation>;
  findingsOf(uri: string): Finding[];
}

/** Where a node of an Ingress is: its YAML, or for a live-only Ingress its read-only live view. */
function whereIn(ctx: TreeContext, ing: Ingress, span: Span): Location {
  if (ing.origin === 'cluster') return liveLocation(ing) ?? toLocation(() => undefined, ing.uri, span);
  return toLocation(ctx.ws.linesOf, ing.uri, span);
}

/** A path (or the defaultBackend) of an Ingress as the tree lists it. */
function treePath(ctx: TreeContext, ing: Ingress, node: SMap, backend: IngressBackend | undefined, path: string, pathType: string): RouteTreePath {
  const live = ing.origin === 'cluster';
  return {
    path, pathType, ingress: ing.name, namespace: ing.namespace,
    backend: treeBackend(ctx.ws.store, ctx.ws.linesOf, ctx.facts, ing.namespace, serviceOf(backend)),
    problems: live ? [] : ctx.findingsOf(ing.uri).filter((f) => contains(node.span, f.span.start))
      .map((f) => ({ code: f.ruleId, message: f.message, severity: f.severity })),
    location: whereIn(ctx, ing, node.span),
    ...(live ? { live } : {}),
    ...ctx.relations.get(`${ing.uri}#${node.span.start}`),
  };
}

function hostEntry(hosts: Map<string, RouteTreeHost>, name: string, make: () => RouteTreeHost): RouteTreeHost {
  return hosts.get(name) ?? hosts.set(name, make()).get(name)!;
}

/**
 * host → path → Service:port → pods, of the workspace's Ingresses and (for the whole workspace)
 * the live ones it does not redefine, marked `live`; each Ingress's defaultBackend under host ''.
 */
export function routeTree(ws: Workspace, facts: ClusterFacts | undefined, cluster: ClusterStatusParams, uri?: string): RouteTreeResult {
  const hosts = new Map<string, RouteTreeHost>();
  const findings = new Map<string, Finding[]>();
  const ctx: TreeContext = { ws, facts, relations: pathRelations(ws), findingsOf: (u) => findings.get(u) ?? findings.set(u, ws.findings(u)).get(u)! };
  const live = uri ? [] : ws.store.list('Ingress').filter((i) => i.origin === 'cluster');
  for (const ing of [...ingresses(ws, uri), ...live]) {
    for (const r of ing.rules) {
      const hostName = r.host?.value ?? '*';
      const host = hostEntry(hosts, hostName, () => ({ host: hostName, tls: schemeFor(ing, r.host?.value ?? '') === 'https', paths: [],
        location: whereIn(ctx, ing, (r.host?.node ?? r.node).span) }));
      for (const p of r.paths) host.paths.push(treePath(ctx, ing, p.node, p.backend, p.path?.value ?? '', p.pathType?.value ?? ''));
    }
    const d = ing.defaultBackend;
    if (d) hostEntry(hosts, '', () => ({ host: '', tls: false, paths: [] })).paths.push({ ...treePath(ctx, ing, d.node, d, '', ''), isDefaultBackend: true });
  }
  // Hosts by name; the defaultBackends (host '') last: they take what no rule does; then the HTTPRoutes' hostnames.
  const sorted = [...hosts.values()].sort((a, b) => (a.host === '') !== (b.host === '') ? (a.host === '' ? 1 : -1) : a.host.localeCompare(b.host));
  return { hosts: [...sorted, ...gatewayTreeHosts(ws, facts, uri)], cluster };
}

/** A path's backend Service in the Routes view: its port, whether it exists, its readiness and pods (with the container port each ready pod serves it on). */
export function treeBackend(store: ObjectStore, linesOf: LinesOf, facts: ClusterFacts | undefined, namespace: string, service: { name: string; port?: number | string } | undefined): RouteTreePath['backend'] {
  if (!service) return undefined;
  const live = store.find('Service', namespace, service.name)[0];
  const ep = facts?.endpoints(namespace, service.name);
  return {
    service: service.name, port: service.port, namespace, ready: ep?.ready, total: ep?.total, exists: !!live,
    location: live && live.origin === 'workspace' ? toLocation(linesOf, live.uri, live.span) : undefined,
    pods: podsWithPorts(store, facts, namespace, service),
  };
}

/** The Service's endpoints; a ready pod carries the container port the backend's Service port resolves to on it. */
function podsWithPorts(store: ObjectStore, facts: ClusterFacts | undefined, namespace: string, service: { name: string; port?: number | string }): RouteTreePod[] | undefined {
  const pods = facts?.podsOf?.(namespace, service.name);
  const source = facts as Partial<PodSource> | undefined;
  if (!pods || !source?.podTargets || service.port === undefined) return pods;
  const portName = servicePorts(() => store).portNameOf({ namespace, service: service.name, port: service.port });
  const ports = new Map(portName === undefined ? [] : source.podTargets(namespace, service.name, portName).map((t) => [t.pod, t.port]));
  return pods.map((p) => (ports.has(p.name) ? { ...p, port: ports.get(p.name) } : p));
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

/** What the controller profile does with the request (redirect, rewrite, canary), the profile named. */
function profileTrace(ws: Workspace, p: ExplainRouteParams): string[] {
  const table = ws.routeTable();
  const profile = ws.profile(undefined, table);
  const a = profile.route(table, request(p.host, p.path, { scheme: p.https ? 'https' : 'http' }));
  return profileLines('controller profile', profile, a);
}

/** host+path → the route the shared matcher picks, with its trace. */
export function explainRoute(ws: Workspace, p: ExplainRouteParams): ExplainRouteResult {
  if (p.gatewayApi) return explainGatewayRoute(ws, p);
  const result = ws.route(p.host, p.path, { explain: 5 });
  const e = result.match?.entry;
  // Each candidate names its path and Ingress, as `ingress-lab route` prints it: ✓ won, · matched too, ✗ no match.
  const trace = result.trace.flatMap((t) => [t.message, ...(t.candidates ?? []).map((c) =>
    `  ${c.winner ? '✓' : c.matches ? '·' : '✗'} ${c.pathType ?? '(no pathType)'} ${c.path || '(empty)'} in Ingress ${c.ingress}: ${c.reason}`)]);
  trace.push(...profileTrace(ws, p));
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
