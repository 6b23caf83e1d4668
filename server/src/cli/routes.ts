// `ingress-lab routes [PATH...]`: the route tree, host → path (pathType) → backend, with
// duplicate claims and shadowed paths marked.
import { parseArgs } from 'node:util';
import type { RoutePathNode, RouteTree } from '../ingress/routing/index';
import { normalizeClusterArgs } from './cluster-source';
import type { FileLookup } from './format';
import type { CliIO } from './io';
import { gatewayRouteTree, type GatewayTreeHost, type GatewayTreeMatch } from '../gateway/tree';
import { checkFormat, CLUSTER_USAGE, clusterFlags, jsonLocation, loadProject, ROUTING_OPTIONS, textLocation } from './workspace';

export const ROUTES_USAGE = `usage: ingress-lab routes [PATH...] [--format text|json] [--namespace NS] [--class NAME]
                          [--cluster[=optional]] [--context NAME] [--snapshot FILE]

Prints the route tree of the Ingresses in files or folders (recursive *.yaml, *.yml;
default "."): host → path (pathType) → backend, with conflicts and shadowed paths marked;
then the HTTPRoutes' (Gateway API) hostnames → matches in Gateway API precedence → backendRefs.
Exit status: 0 printed, 2 usage or I/O error.

  --format FORMAT    text (default) or json
  -n, --namespace NS namespace of manifests that name none (default "default")
  --class NAME       only the Ingresses of this IngressClass (the default class applies to
                     those without one)
${CLUSTER_USAGE}`;

type Located = { uri: string; span: { start: number; end: number } };

function located<T extends Located>(lookup: FileLookup, n: T) {
  const { uri, span, ...rest } = n;
  return { ...rest, ...jsonLocation(lookup, uri, span) };
}

export function routesJson(tree: RouteTree, lookup: FileLookup) {
  return {
    hosts: tree.hosts.map((h) => ({
      ...h,
      source: located(lookup, h.source),
      paths: h.paths.map((p) => ({ ...located(lookup, p), others: p.others.map((o) => located(lookup, o)) })),
    })),
    defaultBackends: tree.defaultBackends.map((d) => located(lookup, d)),
  };
}

function mark(p: RoutePathNode): string {
  if (p.status === 'active') return '';
  const first = p.others[0]!;
  const other = `${first.pathType ?? '(no pathType)'} ${first.path} in Ingress ${first.ingress}`;
  if (p.status === 'shadowed') return `  [shadowed: never reached, ${other} wins]`;
  return p.reachable ? `  [conflict: also claimed by ${other} (${first.backendLabel}); this one wins]` : `  [conflict: ${other} wins; this backend gets nothing]`;
}

export function routesText(tree: RouteTree, lookup: FileLookup): string {
  const lines: string[] = [];
  for (const h of tree.hosts) {
    lines.push(`${h.host ?? '(any host)'}${h.tls ? '  [TLS]' : ''}`);
    const width = Math.max(...h.paths.map((p) => `${p.path || '(empty)'} (${p.pathType ?? 'no pathType'})`.length));
    for (const p of h.paths) {
      const left = `${p.path || '(empty)'} (${p.pathType ?? 'no pathType'})`.padEnd(width);
      const cls = p.ingressClass ? ` (class ${p.ingressClass})` : '';
      lines.push(`  ${left}  → ${p.backendLabel}  Ingress ${p.ingress}${cls}  ${textLocation(lookup, p.uri, p.span)}${mark(p)}`);
    }
  }
  if (tree.defaultBackends.length) {
    lines.push('defaultBackend');
    for (const d of tree.defaultBackends) {
      lines.push(`  → ${d.backendLabel}  Ingress ${d.ingress}${d.catchAll ? ' (no rules: catch-all)' : ''}  ${textLocation(lookup, d.uri, d.span)}`);
    }
  }
  return lines.length ? lines.join('\n') : 'no Ingress rules found';
}

function gatewayMark(m: GatewayTreeMatch): string {
  const [first] = m.others;
  if (!first) return '';
  if (m.status === 'shadowed') return `  [shadowed: never reached, rule ${first.ruleIndex} has the same match]`;
  return m.reachable ? `  [conflict: the same match in HTTPRoute ${[...new Set(m.others.filter((o) => o.route !== m.entry.route).map((o) => o.ref))].join(', ')}; this one wins: ${m.reason}]` : `  [conflict: HTTPRoute ${first.ref} wins (${m.reason}); this one gets nothing]`;
}

function matchText(m: GatewayTreeMatch): string {
  const e = m.entry;
  const extras = [e.match.method, ...e.match.headers.map((h) => `header ${h.name}=${h.value}`), ...e.match.queryParams.map((q) => `query ${q.name}=${q.value}`)].filter(Boolean);
  return `${e.match.path.value} (${e.match.path.type}${extras.length ? `, ${extras.join(', ')}` : ''})`;
}

/** The HTTPRoutes among the files: hostname → matches in the Gateway API's precedence order → backendRefs. */
export function gatewayRoutesText(hosts: readonly GatewayTreeHost[], lookup: FileLookup): string[] {
  const lines: string[] = [];
  for (const h of hosts) {
    lines.push(`${h.hostname === '*' ? '(any host)' : h.hostname}  [Gateway API${h.schemes.includes('https') ? ', TLS' : ''}]`);
    const width = Math.max(...h.matches.map((m) => matchText(m).length));
    for (const m of h.matches) {
      const e = m.entry;
      const to = e.rule.filters.find((f) => f.type === 'RequestRedirect') ? 'RequestRedirect' : e.rule.backendRefs.map((b) => `${b.name}:${b.port ?? '?'}${e.rule.backendRefs.length > 1 ? ` (weight ${b.weight})` : ''}`).join(', ') || 'no backendRefs';
      lines.push(`  ${matchText(m).padEnd(width)}  → ${to}  HTTPRoute ${e.ref} spec.rules[${e.ruleIndex}]  ${textLocation(lookup, e.route.uri, (e.match.node ?? e.rule.node).span)}${gatewayMark(m)}`);
    }
  }
  return lines;
}

export function gatewayRoutesJson(hosts: readonly GatewayTreeHost[], lookup: FileLookup) {
  return hosts.map((h) => ({
    hostname: h.hostname, schemes: h.schemes.map((x) => x ?? 'any'), via: h.via,
    matches: h.matches.map((m) => ({
      httpRoute: m.entry.ref, rule: m.entry.ruleIndex, match: m.entry.matchIndex, path: m.entry.match.path,
      backendRefs: m.entry.rule.backendRefs.map((b) => ({ name: b.name, namespace: b.namespace ?? m.entry.route.namespace, port: b.port, weight: b.weight })),
      status: m.status, reachable: m.reachable, reason: m.reason, others: m.others.map((o) => `${o.ref} spec.rules[${o.ruleIndex}].matches[${o.matchIndex}]`),
      ...jsonLocation(lookup, m.entry.route.uri, (m.entry.match.node ?? m.entry.rule.node).span),
    })),
  }));
}

export async function runRoutes(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: normalizeClusterArgs(argv),
    allowPositionals: true,
    options: ROUTING_OPTIONS,
  });
  checkFormat(values.format!, ['text', 'json']);
  const { project, lookup, cluster } = await loadProject(positionals, clusterFlags(values), values.namespace, io);
  cluster?.close();
  const tree = project.routeTree(values.class !== undefined ? { ingressClass: values.class } : undefined);
  const gateway = gatewayRouteTree(project.gatewayTable());
  if (values.format === 'json') io.out(JSON.stringify({ ...routesJson(tree, lookup), ...(gateway.length ? { gatewayApi: gatewayRoutesJson(gateway, lookup) } : {}) }, null, 2));
  else io.out(gateway.length ? [...(tree.hosts.length || tree.defaultBackends.length ? [routesText(tree, lookup)] : []), ...gatewayRoutesText(gateway, lookup)].join('\n') : routesText(tree, lookup));
  return 0;
}
