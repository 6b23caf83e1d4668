// The Gateway API matcher: where does a request go among HTTPRoutes? As the HTTPRoute spec
// orders it (HTTPRouteRule docs, "Proxy or Load Balancer routing configuration generated from
// HTTPRoutes MUST prioritize matches based on the following criteria"):
//   0. hostname: the most specific matching hostname (exact over wildcard, then length); only
//      the routes serving that hostname count;
//   1. an Exact path match, 2. the longest PathPrefix, 3. a method match, 4. the most header
//      matches, 5. the most query param matches; then the oldest route, namespace/name, and
//      the first rule (and match) in list order.
// RegularExpression paths (implementation-specific) rank after every PathPrefix. No I/O.
import { pathMatches } from '../ingress/routing/paths';
import { normalizeRequestHost } from '../ingress/routing/hosts';
import { normalizePath, type NormalizedPath } from '../ingress/routing/profiles/normalize';
import type { HttpRequest, RouteAnswer } from '../ingress/routing/profiles/answer';
import type { HTTPRoute, HTTPRouteMatch, NameValueMatch } from './model';
import { hostnameScore } from './hostnames';
import { applyRule } from './filters';
import type { GatewayEntry, GatewayTable } from './table';

function prefixKey(value: string): string {
  return value.replace(/\/+$/, '');
}

/** A full-match RegExp; a leading RE2/PCRE "(?i)" becomes the i flag (JavaScript has no inline flags). */
function safeRegex(source: string): RegExp | undefined {
  const fold = source.startsWith('(?i)');
  try {
    return new RegExp(`^(?:${fold ? source.slice(4) : source})$`, fold ? 'i' : '');
  } catch {
    return undefined;
  }
}

function pathMatch(m: HTTPRouteMatch, path: string): boolean {
  const { type, value } = m.path;
  if (type === 'Exact') return value === path;
  if (type === 'PathPrefix') return pathMatches('Prefix', prefixKey(value), path);
  return safeRegex(value)?.test(path) ?? false;
}

/** Only the first entry of a repeated name counts (HTTPHeaderMatch docs). */
function firstByName(ms: readonly NameValueMatch[], fold: boolean): NameValueMatch[] {
  const seen = new Set<string>();
  return ms.filter((m) => {
    const k = fold ? m.name.toLowerCase() : m.name;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function valueMatches(m: NameValueMatch, v: string | undefined): boolean {
  if (v === undefined) return false;
  return m.type === 'Exact' ? m.value === v : safeRegex(m.value)?.test(v) ?? false;
}

export function matchesRequest(m: HTTPRouteMatch, req: HttpRequest, np: NormalizedPath): boolean {
  if (!pathMatch(m, np.path)) return false;
  if (m.method && m.method !== req.method.toUpperCase()) return false;
  if (!firstByName(m.headers, true).every((h) => valueMatches(h, req.headers[h.name.toLowerCase()]))) return false;
  const query = new URLSearchParams(np.query);
  return firstByName(m.queryParams, false).every((q) => valueMatches(q, query.get(q.name) ?? undefined));
}

/** [kind, length, written length]: Exact, then PathPrefix by its element prefix, then regex; PathPrefix "/foo/" over "/foo" (the longer as written). */
function pathRank(m: HTTPRouteMatch): [number, number, number] {
  if (m.path.type === 'Exact') return [2, m.path.value.length, 0];
  if (m.path.type === 'PathPrefix') return [1, prefixKey(m.path.value).length, m.path.value.length];
  return [0, m.path.value.length, 0];
}

/** Negative when a takes precedence; `order` is the route order of the table (oldest first). */
export function compareEntries(a: GatewayEntry, b: GatewayEntry, order: Map<unknown, number>): number {
  const [ka, la, wa] = pathRank(a.match);
  const [kb, lb, wb] = pathRank(b.match);
  return kb - ka || lb - la || wb - wa
    || Number(!!b.match.method) - Number(!!a.match.method)
    || b.match.headers.length - a.match.headers.length
    || b.match.queryParams.length - a.match.queryParams.length
    || order.get(a.route)! - order.get(b.route)!
    || a.ruleIndex - b.ruleIndex || a.matchIndex - b.matchIndex;
}

/** Why winner w beats loser l, in the spec's words. */
export function whyMatchWins(w: GatewayEntry, l: GatewayEntry): string {
  const [kw, lw, ww] = pathRank(w.match);
  const [kl, ll, wl] = pathRank(l.match);
  if (kw !== kl) return kw === 2 ? 'an Exact path match comes first' : 'PathPrefix before RegularExpression';
  if (lw !== ll || ww !== wl) return 'the longest path match wins';
  if (!!w.match.method !== !!l.match.method) return 'a method match comes next';
  if (w.match.headers.length !== l.match.headers.length) return 'more header matches win';
  if (w.match.queryParams.length !== l.match.queryParams.length) return 'more query param matches win';
  if (w.route !== l.route) return 'the older route (then namespace/name) wins';
  return 'the first matching rule in list order wins';
}

function selectHostname(table: GatewayTable, host: string, scheme: HttpRequest['scheme']): { routes: Set<unknown>; message: string } {
  let best = -1;
  let routes = new Set<unknown>();
  let label = '';
  for (const { route, attachments } of table.routes) {
    for (const a of attachments) {
      if (a.scheme && a.scheme !== scheme) continue;
      for (const h of a.hostnames ?? [undefined]) {
        const s = hostnameScore(h, host);
        if (s === undefined || s < best) continue;
        if (s > best) [best, routes, label] = [s, new Set(), h ?? 'any hostname'];
        routes.add(route);
      }
    }
  }
  const message = best < 0
    ? `no HTTPRoute serves host "${host}" on ${scheme}`
    : `host "${host}" is served by hostname ${label} (${routes.size} HTTPRoute${routes.size === 1 ? '' : 's'}; a wildcard matches one or more labels)`;
  return { routes, message };
}

export function entryLabel(e: GatewayEntry): string {
  const m = e.match;
  const extras = [m.method, ...m.headers.map((h) => `header ${h.name}=${h.value}`), ...m.queryParams.map((q) => `query ${q.name}=${q.value}`)].filter(Boolean);
  return `HTTPRoute ${e.ref} spec.rules[${e.ruleIndex}].matches[${e.matchIndex}] (${m.path.type} ${m.path.value}${extras.length ? `, ${extras.join(', ')}` : ''})`;
}

/** Where the Gateway API sends a request, and which match decided (undefined: none; `routes` then are the HTTPRoutes serving the host). */
export interface GatewayDecision {
  answer: RouteAnswer;
  entry?: GatewayEntry;
  routes: HTTPRoute[];
}

export function gatewayDecide(table: GatewayTable, req: HttpRequest): GatewayDecision {
  const host = normalizeRequestHost(req.host);
  const np = normalizePath(req.path, 'rfc3986');
  const trace = np.notes.map((n) => `request path: ${n} (normalization is implementation-specific in the Gateway API)`);
  const { routes, message } = selectHostname(table, host, req.scheme);
  trace.push(message);
  const order = new Map<unknown, number>(table.routes.map((r, i) => [r.route, i]));
  const matches = table.entries.filter((e) => routes.has(e.route) && matchesRequest(e.match, req, np)).sort((a, b) => compareEntries(a, b, order));
  const [w] = matches;
  const served = table.routes.map((r) => r.route).filter((r) => routes.has(r));
  if (!w) {
    trace.push(`path "${np.path}": no match → 404`);
    return { answer: { status: 404, backends: [], via: '', trace, profile: 'gateway-api' }, routes: served };
  }
  trace.push(`${matches.length} matching rule${matches.length === 1 ? '' : 's'}; ${entryLabel(w)} wins${matches[1] ? ` (${whyMatchWins(w, matches[1])} over ${entryLabel(matches[1])})` : ''}`);
  return { answer: { ...applyRule(w, req, host, np, trace), rule: entryLabel(w) }, entry: w, routes: served };
}

/** Where the Gateway API sends a request (all inputs known: no I/O). */
export function gatewayLookup(table: GatewayTable, req: HttpRequest): RouteAnswer {
  return gatewayDecide(table, req).answer;
}
