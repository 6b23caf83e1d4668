// Route-by-route proof of a conversion: for every host and path the Ingress set routes, plus
// boundary requests (trailing slash, a neighbour prefix /foo vs /foox, upper case, one label
// deeper under a wildcard, an unknown host, dot segments, http and https on TLS hosts, the
// canary header and cookie), ask the Ingress profile and the Gateway API matcher where the request goes
// and list every difference: status, Services and ports (with weights), the path the backend
// sees, the redirect's Location, the backend protocol. No I/O.
import type { Ingress, Service } from '../ingress/model';
import type { RouteEntry, RouteTable } from '../ingress/routing/table';
import { answerLabel, request, type HttpRequest, type RouteAnswer, type WeightedBackend } from '../ingress/routing/profiles/answer';
import type { ControllerProfile } from '../ingress/routing/profiles/types';
import { nginx } from '../ingress/routing/profiles/nginx-annotations';
import { tlsCovers } from '../ingress/routing/profiles/nginx-actions';
import { headerWant } from '../ingress/routing/profiles/nginx-canary';
import { gatewayDecide } from './match';
import type { HTTPRoute } from './model';
import type { GatewayEntry, GatewayTable } from './table';

export interface Difference {
  request: HttpRequest;
  /** Why this request was generated ("path of Ingress shop/web", "neighbour prefix"). */
  source: string;
  ingress: RouteAnswer;
  gateway: RouteAnswer;
  /** What differs, in words. */
  why: string;
  /** The Ingress path the request was generated from (none for the unknown-host probe). */
  origin?: RouteEntry;
  /** The HTTPRoute match that answered; none when no rule matched. */
  gatewayEntry?: GatewayEntry;
  /** The HTTPRoutes serving the request's host (where a 404 "no rule matched" belongs). */
  gatewayRoutes: HTTPRoute[];
}

export interface EquivalenceResult {
  checked: number;
  differences: Difference[];
}

const MAX_REQUESTS = 5_000;

/** One character a `[...]` class matches: its first member (the start of a range), or `x` for a negated class. */
function classSample(negated: string, body: string): string {
  if (negated) return 'x';
  const first = body.startsWith('\\') ? body.slice(0, 2) : body[0] ?? 'x';
  return ESCAPE_SAMPLES[first] ?? first.replace(/^\\/, '');
}

/** Sample text for the common escapes: a digit, a word character. */
const ESCAPE_SAMPLES: Record<string, string> = { '\\d': '0', '\\w': 'x' };

/** A concrete path for a rule path: regex pieces replaced by sample text (a class with its quantifier by as many of one member). */
export function samplePath(path: string): string {
  const p = sampleText(path || '/');
  return p.startsWith('/') ? p : `/${p}`;
}

/** Text a simple regex matches: its regex pieces replaced by sample text, anchors and groups dropped. */
function sampleText(re: string): string {
  return re
    .replace(/\(\/\|\$\)/g, '/')
    .replace(/\((?:\.\*|\.\+)\)|\.\*|\.\+/g, 'x')
    .replace(/\[(\^?)((?:\\.|[^\]])*)\](?:\{(\d+)(?:,\d*)?\}|[+*?])?/g, (_, neg: string, body: string, n?: string) => classSample(neg, body).repeat(n ? Number(n) : 1))
    .replace(/\\[dw](?:\{(\d+)(?:,\d*)?\}|[+*?])?/g, (m: string, n?: string) => ESCAPE_SAMPLES[m.slice(0, 2)]!.repeat(n ? Number(n) : 1))
    .replace(/[()[\]{}^$?*+|\\]/g, '');
}

function pathVariants(path: string): [string, string][] {
  const p = samplePath(path);
  const bare = p.replace(/\/+$/, '') || '/';
  const out: [string, string][] = [[p, 'the path'], ...(bare === '/' ? [] : [[`${bare}/`, 'trailing slash'] as [string, string]]), [bare, 'no trailing slash'], [`${bare}x`, 'neighbour prefix'], [`${bare === '/' ? '' : bare}/sub`, 'one element deeper'], [p.toUpperCase(), 'upper case'], [`/.${p}`, 'dot segment']];
  return out;
}

function hostVariants(host: string): [string, string][] {
  if (!host) return [['unmatched.invalid', 'rules without host']];
  if (!host.startsWith('*.')) return [[host, 'the host']];
  const suffix = host.slice(2);
  return [[`a.${suffix}`, 'one label under the wildcard'], [`a.b.${suffix}`, 'two labels under the wildcard'], [suffix, 'the wildcard\'s parent']];
}

export interface BoundaryRequest {
  req: HttpRequest;
  source: string;
  origin?: RouteEntry;
}

/** A canary-by-header value the controller routes to the canary: the set value, text its pattern matches, or "always". */
function canaryHeaderSample(canary: Ingress): string {
  const want = headerWant(canary);
  return 'value' in want ? want.value : 'pattern' in want ? sampleText(want.pattern) : 'always';
}

export function boundaryRequests(table: RouteTable): BoundaryRequest[] {
  const seen = new Set<string>();
  const out: BoundaryRequest[] = [];
  const add = (req: HttpRequest, source: string, origin?: RouteEntry) => {
    const k = `${req.scheme} ${req.host} ${req.path} ${JSON.stringify(req.headers)}`;
    if (seen.has(k) || out.length >= MAX_REQUESTS) return;
    seen.add(k);
    out.push({ req, source, origin });
  };
  add(request('unmatched.invalid', '/'), 'a host no rule names');
  const canaryHeaders = table.ingresses.flatMap((i) => { const h = nginx(i, 'canary-by-header'); return h ? [[h, canaryHeaderSample(i)]] : []; });
  // canary-by-cookie: "always" and "never" are the values the controller acts on.
  canaryHeaders.push(...table.ingresses.flatMap((i) => { const c = nginx(i, 'canary-by-cookie'); return c ? [['cookie', `${c}=always`], ['cookie', `${c}=never`]] : []; }));
  for (const g of table.groups) {
    for (const [host, hw] of hostVariants(g.key)) {
      const schemes: HttpRequest['scheme'][] = tlsCovers(table.ingresses, host) ? ['http', 'https'] : ['http'];
      for (const e of g.entries) {
        for (const [path, pw] of [['/', 'root'] as [string, string], ...pathVariants(e.path)]) {
          for (const scheme of schemes) {
            add(request(host, path, { scheme }), `${hw}, ${pw} (${e.pathType ?? 'no pathType'} ${e.path} of Ingress ${e.ref})`, e);
            for (const [h, v] of canaryHeaders) add(request(host, path, { scheme, headers: { [h!.toLowerCase()]: v! } }), `${hw}, ${pw}, canary ${h === 'cookie' ? 'cookie' : `header ${h}:`} ${v}`, e);
          }
        }
      }
    }
  }
  return out;
}

function shares(bs: readonly WeightedBackend[], port: (b: WeightedBackend) => string): string {
  const total = bs.reduce((n, b) => n + b.weight, 0) || 1;
  return bs.map((b) => `${b.namespace}/${b.service}:${port(b)}=${Math.round((1000 * b.weight) / total)}`).sort().join(',');
}

function sameLocation(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string | undefined) => { try { return s && new URL(s).href; } catch { return s; } };
  return norm(a) === norm(b);
}

export function portResolver(services: readonly Service[]): (b: WeightedBackend) => string {
  return (b) => {
    if (/^\d+$/.test(b.port)) return b.port;
    const svc = services.find((s) => s.name === b.service && s.namespace === b.namespace);
    return String(svc?.ports.find((p) => p.name === b.port)?.port ?? b.port);
  };
}

/** What differs between two answers, or undefined when the request goes to the same place the same way. */
export function compareAnswers(i: RouteAnswer, g: RouteAnswer, port: (b: WeightedBackend) => string): string | undefined {
  if (i.status !== g.status) return `status ${i.status} vs ${g.status}`;
  if (i.location !== undefined || g.location !== undefined) return sameLocation(i.location, g.location) ? undefined : 'redirect Location differs';
  if (i.status !== 200) return undefined;
  if (shares(i.backends, port) !== shares(g.backends, port)) return 'different Service, port or weights';
  if ((i.upstreamPath ?? '/') !== (g.upstreamPath ?? '/')) return `the backend sees path ${i.upstreamPath} vs ${g.upstreamPath}`;
  if ((i.upstreamHost ?? '') !== (g.upstreamHost ?? '')) return 'the backend sees another Host';
  const proto = i.backends.find((b) => b.protocol && b.protocol !== 'HTTP')?.protocol;
  return proto ? `backend protocol ${proto} is not carried by the HTTPRoute` : undefined;
}

export function checkEquivalence(table: RouteTable, profile: ControllerProfile, gateway: GatewayTable, services: readonly Service[]): EquivalenceResult {
  const port = portResolver(services);
  const reqs = boundaryRequests(table);
  const differences: Difference[] = [];
  for (const { req, source, origin } of reqs) {
    const a = profile.route(table, req);
    const { answer: b, entry, routes } = gatewayDecide(gateway, req);
    const why = compareAnswers(a, b, port);
    if (why) differences.push({ request: req, source, ingress: a, gateway: b, why, origin, gatewayEntry: entry, gatewayRoutes: routes });
  }
  return { checked: reqs.length, differences };
}

export function differenceRow(d: Difference): string[] {
  const r = d.request;
  const headers = Object.entries(r.headers).map(([k, v]) => ` ${k}: ${v}`).join('');
  return [`${r.scheme}://${r.host}${r.path}${headers}`, answerLabel(d.ingress), answerLabel(d.gateway), `${d.why}; ${d.source}`];
}
