// The Routes side panel's nodes, shaped from the server's route tree (ingressLab/routeTree):
// host → path (pathType) → Service:port → pods, each with an icon, a description, a markdown
// tooltip and the YAML location a click reveals. Pure: no 'vscode' import (client/test/unit).
// Tooltips carry names, paths and rule messages only: the server sends no Secret data.
import type { Location } from 'vscode-languageserver-protocol';
import type { RouteTreeBackend, RouteTreeHost, RouteTreePath, RouteTreeResult, TryRouteArgs } from '../../server/src/protocol';
import { gatewayHostNode } from './gatewayNodes';
import { backendPortRule } from '../../server/src/rules/ref/backend-port';

export type NodeKind = 'host' | 'path' | 'backend' | 'pod';

export interface RouteNode {
  kind: NodeKind;
  /** Stable across refreshes (keeps expansion state). */
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip: string;
  /** Codicon id and an optional theme colour id. */
  icon: { id: string; color?: string };
  location?: Location;
  children: RouteNode[];
  /** A node of an HTTPRoute (Gateway API): Try and Explain send `request` through the Gateway API set. */
  gatewayApi?: boolean;
  /** The request Try and Explain send for a Gateway API match (Ingress paths take their CodeLens's). */
  request?: TryRouteArgs;
}

export const ERROR = 'list.errorForeground';
export const WARNING = 'list.warningForeground';

/** Markdown-safe inline code for a value the user wrote. */
export function code(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The value of a `path:` key on one line: its start and end columns. */
export function pathValueColumns(line: string): { start: number; end: number } | undefined {
  const m = /^(\s*(?:-\s+)?path:\s*)(["']?)([^"'#\s]*)\2/.exec(line);
  if (!m || !m[3]) return undefined;
  const start = m[1]!.length + m[2]!.length;
  return { start, end: start + m[3].length };
}

export function shapeRouteTree(tree: RouteTreeResult): RouteNode[] {
  const connected = tree.cluster.state === 'connected';
  return tree.hosts.map((h) => (h.gatewayApi ? gatewayHostNode(h, connected) : hostNode(h, connected)));
}

function hostLabel(host: string): string {
  return host === '*' ? '(any host)' : host === '' ? '(default backend)' : host;
}

function hostNode(h: RouteTreeHost, connected: boolean): RouteNode {
  const id = `host:${h.host}`;
  const conflicts = h.paths.filter((p) => p.status === 'conflict').length;
  const shadowed = h.paths.filter((p) => p.status === 'shadowed').length;
  const description = [plural(h.paths.length, 'path'), conflicts && plural(conflicts, 'conflict'), shadowed && `${shadowed} shadowed`]
    .filter(Boolean).join(' · ');
  const ingresses = [...new Set(h.paths.map((p) => `${p.namespace}/${p.ingress}`))];
  const scheme = h.tls ? 'https' : 'http';
  if (h.host === '') return defaultBackendsNode(h, id, connected, ingresses);
  const tooltip = [
    `**${scheme}://${h.host === '*' ? '*' : h.host}**`,
    h.tls ? 'TLS: a `tls` entry covers this host.' : 'No TLS entry covers this host (HTTP only).',
    `Ingresses: ${ingresses.map(code).join(', ')}`,
  ].join('\n\n');
  return {
    kind: 'host', id, label: hostLabel(h.host), description, tooltip,
    icon: { id: h.tls ? 'lock' : 'globe' }, location: h.location ?? h.paths[0]?.location,
    children: h.paths.map((p, i) => pathNode(p, `${id}/${i}:${p.namespace}/${p.ingress}:${p.pathType}:${p.path}`, connected)),
  };
}

/** The Ingresses' defaultBackends, under one node after the hosts: what no rule takes goes there. */
function defaultBackendsNode(h: RouteTreeHost, id: string, connected: boolean, ingresses: string[]): RouteNode {
  const tooltip = ['**spec.defaultBackend**', 'Requests that no rule takes (no host rule, or no path of the host matches) go to a defaultBackend: of an Ingress owning that host\'s rules, else of a catch-all Ingress.',
    `Ingresses: ${ingresses.map(code).join(', ')}`].join('\n\n');
  return {
    kind: 'host', id, label: hostLabel(''), description: plural(h.paths.length, 'Ingress') , tooltip, icon: { id: 'inbox' }, location: h.paths[0]?.location,
    children: h.paths.map((p, i) => pathNode(p, `${id}/${i}:${p.namespace}/${p.ingress}`, connected)),
  };
}

function otherText(o: NonNullable<RouteTreePath['others']>[number]): string {
  return `${o.pathType} ${o.path}`;
}

/** `ns/name` as `name` when in the path's own namespace (the sidebar is narrow). */
function shortRef(ref: string, namespace: string): string {
  return ref.startsWith(`${namespace}/`) ? ref.slice(namespace.length + 1) : ref;
}

function pathStatus(p: RouteTreePath): string | undefined {
  const first = p.others?.[0];
  if (p.status === 'shadowed' && first) return `shadowed by ${otherText(first)}`;
  if (p.status === 'conflict' && p.others?.length) return `conflicts with ${p.others.map((o) => shortRef(o.ingress, p.namespace)).join(', ')}`;
  return undefined;
}

function pathColor(p: RouteTreePath): string | undefined {
  if (p.status === 'conflict' || p.problems.some((x) => x.severity === 'error')) return ERROR;
  if (p.status === 'shadowed' || p.problems.some((x) => x.severity === 'warning')) return WARNING;
  return undefined;
}

function pathTooltip(p: RouteTreePath): string {
  const lines = [`**${p.pathType || '(no pathType)'} ${code(p.path || '(empty)')}**`, `Ingress ${code(`${p.namespace}/${p.ingress}`)}`];
  if ((p.status === 'shadowed' || p.status === 'conflict') && p.others?.length) {
    lines.push(p.status === 'shadowed' ? 'Never reached; shadowed by:' : 'The same host, path and pathType are also claimed by (the winner first):');
    lines.push(p.others.map((o) => `- ${o.pathType} ${code(o.path)} → ${o.backend} (Ingress ${code(o.ingress)})`).join('\n'));
  }
  if (p.problems.length) lines.push(p.problems.map((x) => `- ${x.severity}: ${x.message} (${code(x.code)})`).join('\n'));
  return lines.join('\n\n');
}

function pathNode(p: RouteTreePath, id: string, connected: boolean): RouteNode {
  const others = p.problems.filter((x) => !x.code.startsWith('conflict/')).length;
  const kind = p.isDefaultBackend ? `Ingress ${p.namespace}/${p.ingress}` : p.pathType || 'no pathType';
  const description = [kind, p.live && 'live (cluster only)', pathStatus(p), others && plural(others, 'problem')].filter(Boolean).join(' · ');
  const color = pathColor(p);
  const icon = p.live ? 'cloud' : 'link';
  const tooltip = p.live ? `${pathTooltip(p)}\n\nLive in the cluster only: no workspace file defines this Ingress (a click opens its read-only view).` : pathTooltip(p);
  return {
    kind: 'path', id, label: p.isDefaultBackend ? 'defaultBackend' : p.path || '(empty)', description, tooltip,
    icon: color ? { id: icon, color } : { id: icon }, location: p.location,
    children: p.backend ? [backendNode(p.backend, p.location, `${id}/backend`, connected, portProblem(p))] : [],
  };
}

/** The message of the finding that the backend's Service has no such port, if there is one. */
function portProblem(p: RouteTreePath): string | undefined {
  return p.problems.find((x) => x.code === backendPortRule.id)?.message;
}

function readiness(b: RouteTreeBackend): string | undefined {
  if (b.ready === undefined || b.total === undefined) return undefined;
  return `${b.ready}/${b.total} ready`;
}

export function backendNode(b: RouteTreeBackend, pathLoc: Location, id: string, connected: boolean, portMissing?: string): RouteNode {
  const label = b.port === undefined ? b.service : `${b.service}:${b.port}`;
  const ready = readiness(b);
  const noPort = b.exists && portMissing !== undefined;
  const description = [!b.exists && 'Service not found', noPort && 'port not found', ready].filter(Boolean).join(' · ') || undefined;
  const color = !b.exists || noPort || (b.ready === 0 && connected) ? WARNING : undefined;
  const where = b.location ? 'Defined in the workspace.' : b.exists ? 'Defined in the cluster.' : 'No Service of this name in the workspace or the cluster.';
  const tooltip = [`**Service ${code(`${b.namespace}/${b.service}`)}**${b.port === undefined ? '' : ` port ${code(String(b.port))}`}`, where, noPort ? portMissing : '',
    ready ? `Endpoints: ${ready}` : connected ? '' : 'Readiness: connect a cluster (`ingressLab.cluster.enabled`).'].filter(Boolean).join('\n\n');
  const location = b.location ?? pathLoc;
  return {
    kind: 'backend', id, label, description, tooltip, icon: color ? { id: 'server', color } : { id: 'server' }, location,
    children: podNodes(b, location, id),
  };
}

function podNodes(b: RouteTreeBackend, location: Location, id: string): RouteNode[] {
  if (!b.pods) return [];
  if (b.pods.length === 0) {
    return [{ kind: 'pod', id: `${id}/none`, label: 'no endpoints', tooltip: `Service ${code(b.service)} has no endpoints: no pod receives this traffic.`,
      icon: { id: 'warning', color: WARNING }, location, children: [] }];
  }
  return b.pods.map((p) => ({
    kind: 'pod' as const, id: `${id}/${p.name}`, label: p.name, description: [p.ready ? 'ready' : 'not ready', p.port !== undefined && `:${p.port}`].filter(Boolean).join(' · '),
    tooltip: `**Pod ${code(p.name)}**\n\n${p.ready ? 'Ready: receives traffic.' : 'Not ready: receives no traffic.'}${p.port === undefined ? '' : `\n\nThe backend's Service port reaches container port ${p.port} on it (targetPort, as its EndpointSlice resolves it).`}`,
    icon: p.ready ? { id: 'pass', color: 'testing.iconPassed' } : { id: 'error', color: 'testing.iconFailed' }, location, children: [],
  }));
}
