// The Gateway API side of the route tree: per effective hostname (a route's hostnames after
// attaching it to its Gateways' listeners; '*' when nothing restricts it), the HTTPRoute
// matches serving it in the Gateway API's precedence order (gateway/match.ts), and the matches
// no request can reach. Two matches with the same criteria (path type and value, method,
// headers, query params) on one hostname take the same requests; the spec breaks the tie by
// the oldest route, then namespace/name, then rule order, so only the first is ever used: in
// two routes that is a conflict (both marked, the winner first), inside one route the later
// is shadowed. Any other pair is told apart by some request (a match with more criteria wins
// only the requests that meet them). No I/O.
import { compareEntries, whyMatchWins } from './match';
import type { NameValueMatch } from './model';
import type { GatewayEntry, GatewayTable, Scheme } from './table';

export interface GatewayTreeMatch {
  entry: GatewayEntry;
  status: 'active' | 'conflict' | 'shadowed';
  /** False when an earlier match with the same criteria takes every request it would. */
  reachable: boolean;
  /** The other matches with the same criteria, the winner first. */
  others: GatewayEntry[];
  /** Why the winner wins, in the spec's words. */
  reason?: string;
}

export interface GatewayTreeHost {
  /** The effective hostname; '*' for routes that accept any host. */
  hostname: string;
  /** Schemes of the listeners (undefined: an assumed listener, any scheme). */
  schemes: (Scheme | undefined)[];
  /** The listeners the routes are attached through ("Gateway ns/name listener http"). */
  via: string[];
  matches: GatewayTreeMatch[];
}

function criteria(ms: readonly NameValueMatch[], fold: boolean): string {
  return ms.map((m) => `${fold ? m.name.toLowerCase() : m.name}${m.type === 'Exact' ? '=' : '~'}${m.value}`).sort().join('&');
}

/** What decides which requests a match takes: equal keys take the same requests. */
export function matchKey(e: GatewayEntry): string {
  const m = e.match;
  return [m.path.type, m.path.value, m.method ?? '', criteria(m.headers, true), criteria(m.queryParams, false)].join(' ');
}

function relate(entries: GatewayEntry[], order: Map<unknown, number>): GatewayTreeMatch[] {
  const sorted = [...entries].sort((a, b) => compareEntries(a, b, order));
  const byKey = new Map<string, GatewayEntry[]>();
  for (const e of sorted) byKey.set(matchKey(e), [...(byKey.get(matchKey(e)) ?? []), e]);
  return sorted.map((entry): GatewayTreeMatch => {
    const same = byKey.get(matchKey(entry))!;
    const [winner] = same;
    if (same.length === 1) return { entry, status: 'active', reachable: true, others: [] };
    const others = same.filter((e) => e !== entry);
    const rival = same.find((e) => e.route !== winner!.route);
    if (entry === winner) return { entry, status: rival ? 'conflict' : 'active', reachable: true, others, reason: rival && whyMatchWins(entry, rival) };
    return { entry, status: entry.route === winner!.route ? 'shadowed' : 'conflict', reachable: false, others, reason: whyMatchWins(winner!, entry) };
  });
}

/** host → matches in precedence order, hostnames sorted ('*' last). */
export function gatewayRouteTree(table: GatewayTable): GatewayTreeHost[] {
  const hosts = new Map<string, { schemes: Set<Scheme | undefined>; via: Set<string>; routes: Set<unknown> }>();
  for (const { route, attachments } of table.routes) {
    for (const a of attachments) {
      for (const h of a.hostnames ?? ['*']) {
        const g = hosts.get(h) ?? hosts.set(h, { schemes: new Set(), via: new Set(), routes: new Set() }).get(h)!;
        g.schemes.add(a.scheme);
        g.via.add(a.via);
        g.routes.add(route);
      }
    }
  }
  const order = new Map<unknown, number>(table.routes.map((r, i) => [r.route, i]));
  return [...hosts].sort(([a], [b]) => (a === '*') !== (b === '*') ? (a === '*' ? 1 : -1) : a.localeCompare(b))
    .map(([hostname, g]) => ({
      hostname, schemes: [...g.schemes], via: [...g.via],
      matches: relate(table.entries.filter((e) => g.routes.has(e.route)), order),
    }));
}
