// The Routes view's Gateway API nodes, shaped from the server's route tree: an HTTPRoute
// hostname → its matches in the Gateway API's precedence order (a conflict or shadowed match
// marked, with the rule that decides) → each backendRef's Service:port (with its share of the
// traffic) → pods. Marked as Gateway API in the description and the tooltip, and with their
// own icons, so they are never mistaken for the Ingress paths of the same host. Pure: no
// 'vscode' import (client/test/unit).
import type { RouteTreeHost, RouteTreePath } from '../../server/src/protocol';
import { backendNode, code, ERROR, plural, WARNING, type RouteNode } from './routeNodes';

function hostTooltip(h: RouteTreeHost): string {
  const routes = [...new Set(h.paths.map((p) => `${p.namespace}/${p.ingress}`))];
  const listeners = [...new Set(h.paths.flatMap((p) => p.gatewayApi?.listeners ?? []))];
  return [
    `**${h.host === '*' ? 'any host' : h.host}** (Gateway API)`,
    h.host.startsWith('*.') ? 'A Gateway API wildcard matches one or more labels (an Ingress wildcard exactly one).' : '',
    `HTTPRoutes: ${routes.map(code).join(', ')}`,
    `Attached through: ${listeners.join('; ')}`,
    'Matches in the Gateway API\'s precedence order: Exact, then the longest PathPrefix, method, most header matches, most query matches, oldest route, namespace/name, rule order.',
  ].filter(Boolean).join('\n\n');
}

export function gatewayHostNode(h: RouteTreeHost, connected: boolean): RouteNode {
  const id = `gateway-host:${h.host}`;
  const conflicts = h.paths.filter((p) => p.status === 'conflict').length;
  const shadowed = h.paths.filter((p) => p.status === 'shadowed').length;
  const description = ['Gateway API', `${h.paths.length} match${h.paths.length === 1 ? '' : 'es'}`, conflicts && plural(conflicts, 'conflict'), shadowed && `${shadowed} shadowed`].filter(Boolean).join(' · ');
  return {
    kind: 'host', id, label: h.host === '*' ? '(any host)' : h.host, description, tooltip: hostTooltip(h), gatewayApi: true,
    icon: { id: h.tls ? 'workspace-trusted' : 'type-hierarchy' }, location: h.location ?? h.paths[0]?.location,
    children: h.paths.map((p) => gatewayMatchNode(p, `${id}/${p.namespace}/${p.ingress}/${p.gatewayApi?.field ?? ''}`, connected)),
  };
}

function status(p: RouteTreePath): string | undefined {
  const first = p.others?.[0];
  if (!first) return undefined;
  if (p.status === 'shadowed') return `shadowed by an earlier rule (${first.pathType} ${first.path})`;
  if (p.status !== 'conflict') return undefined;
  const rivals = [...new Set(p.others!.map((o) => o.ingress).filter((r) => r !== `${p.namespace}/${p.ingress}`))];
  return p.gatewayApi?.reachable ? `wins over ${rivals.join(', ')}` : `${first.ingress} wins`;
}

function matchTooltip(p: RouteTreePath): string {
  const g = p.gatewayApi!;
  const lines = [`**${p.pathType} ${code(p.path)}**${g.conditions.length ? ` + ${g.conditions.map(code).join(', ')}` : ''}`, `HTTPRoute ${code(`${p.namespace}/${p.ingress}`)} ${code(g.field)} (Gateway API)`];
  if (g.filters.length) lines.push(`Filters: ${g.filters.join('; ')}`);
  if (p.others?.length) {
    const head = p.status === 'shadowed' ? 'Never reached: an earlier rule of the same HTTPRoute has the same match:'
      : g.reachable ? 'Wins: the same match on this hostname is also in (they get none of its requests):' : 'Never reached: the same match on this hostname is also in (the winner first):';
    lines.push(head);
    lines.push(p.others.map((o) => `- ${o.pathType} ${code(o.path)} → ${o.backend} (HTTPRoute ${code(o.ingress)})`).join('\n'));
    if (p.reason) lines.push(`Decided by: ${p.reason}.`);
  }
  if (p.problems.length) lines.push(p.problems.map((x) => `- ${x.severity}: ${x.message} (${code(x.code)})`).join('\n'));
  return lines.join('\n\n');
}

function gatewayMatchNode(p: RouteTreePath, id: string, connected: boolean): RouteNode {
  const g = p.gatewayApi;
  const loses = g?.reachable === false;
  const color = p.problems.some((x) => x.severity === 'error') ? ERROR : loses || p.problems.some((x) => x.severity === 'warning') ? WARNING : undefined;
  const description = [p.pathType, `HTTPRoute ${p.ingress}`, ...(g?.conditions ?? []), ...(g?.filters ?? []), status(p), p.problems.length && plural(p.problems.length, 'problem')].filter(Boolean).join(' · ');
  const bs = p.backends ?? (p.backend ? [p.backend] : []);
  return {
    kind: 'path', id, label: p.path, description, tooltip: matchTooltip(p), gatewayApi: true, request: g?.request,
    icon: color ? { id: 'symbol-event', color } : { id: 'symbol-event' }, location: p.location,
    children: bs.map((b, i) => {
      const n = backendNode(b, p.location, `${id}/backend/${i}`, connected);
      return b.share === undefined ? n : { ...n, description: [`${b.share}%`, n.description].filter(Boolean).join(' · ') };
    }),
  };
}

