// What a controller does with one request, in terms two controllers (or an Ingress set and
// its Gateway API conversion) can be compared on: the Services and ports it goes to (with
// weights), the path and host the backend sees, or the redirect it answers with. No I/O.

export interface HttpRequest {
  scheme: 'http' | 'https';
  /** The Host header as sent (port allowed). */
  host: string;
  /** The request target: path with optional ?query. */
  path: string;
  method: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

export interface WeightedBackend {
  namespace: string;
  service: string;
  /** Port number or name, as written. */
  port: string;
  weight: number;
  /** Protocol the controller speaks to the backend (HTTP unless backend-protocol says otherwise). */
  protocol?: string;
}

export interface RouteAnswer {
  /** 200 when forwarded to backends; a 3xx redirect; 404 when nothing routes; 400 for a path the controller refuses. */
  status: number;
  backends: WeightedBackend[];
  /** The path (and query) the backend receives, after normalization and any rewrite. */
  upstreamPath?: string;
  /** The Host the backend receives when a rewrite changed it. */
  upstreamHost?: string;
  /** The Location of a redirect. */
  location?: string;
  /** The rule that decided ("Ingress shop/web spec.rules[0].http.paths[1]", "HTTPRoute shop/web spec.rules[2]"). */
  via: string;
  /** The rule as the proxy's X-Ingress-Lab-Route header names it, when it says more than `via` (the HTTPRoute match that won, with its path). */
  rule?: string;
  /** Every decision, in words ("rewritten to /x by rewrite-target"). */
  trace: string[];
  /** The matcher that answered: "spec-only", "ingress-nginx" or "gateway-api". */
  profile: string;
  /** The answer may differ for another request with the same scheme, Host and target (a canary reads headers, cookies or a weight). */
  variesByRequest?: boolean;
}

export function request(host: string, path: string, more: Partial<HttpRequest> = {}): HttpRequest {
  return { scheme: 'http', host, path, method: 'GET', headers: {}, ...more };
}

/** "shop/web:80 (90%), shop/web-canary:80 (10%)". */
export function backendsLabel(bs: readonly WeightedBackend[]): string {
  const total = bs.reduce((n, b) => n + b.weight, 0);
  return bs.map((b) => `${b.namespace}/${b.service}:${b.port}${bs.length > 1 ? ` (${total ? Math.round((100 * b.weight) / total) : 0}%)` : ''}${b.protocol && b.protocol !== 'HTTP' ? ` over ${b.protocol}` : ''}`).join(', ');
}

/** One line for an answer: "→ shop/web:80 as /x", "→ 308 https://…", "→ 404". */
export function answerLabel(a: RouteAnswer): string {
  if (a.location) return `${a.status} → ${a.location}`;
  if (a.status !== 200) return String(a.status);
  const path = a.upstreamPath ? ` as ${a.upstreamHost ? `//${a.upstreamHost}` : ''}${a.upstreamPath}` : '';
  return `${backendsLabel(a.backends)}${path}`;
}

/** Trace lines that say what the controller did beyond picking a path (normalization, redirects, rewrites, canary, protocol). */
export const ACTION_TRACE = /^(request path|app-root|temporal-redirect|permanent-redirect|force-ssl-redirect|ssl-redirect|rewritten|rewrite-target|canary|backend-protocol|location|no regex|nginx auto-redirect|RequestRedirect|URLRewrite)/;

/** The lines of an answer's trace that say what the controller did (ACTION_TRACE). */
export function actionTrace(a: RouteAnswer): string[] {
  return a.trace.filter((t) => ACTION_TRACE.test(t));
}

/** A profile's answer as `route` and Explain route print it: "<label> id (reason): answer", then what it did. */
export function profileLines(label: string, profile: { id: string; reason: string }, a: RouteAnswer): string[] {
  return [`${label} ${profile.id} (${profile.reason}): ${answerLabel(a)}`, ...actionTrace(a).map((t) => `  ${t}`)];
}
