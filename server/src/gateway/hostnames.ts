// Hostname semantics of the Gateway API (HTTPRouteSpec.hostnames, Listener.hostname): a
// wildcard "*.example.com" matches one or more leading labels ("foo.example.com" and
// "foo.bar.example.com", never "example.com"), unlike an Ingress wildcard, which matches
// exactly one. A route's effective hostnames are its intersection with the listener's:
// route hostnames the listener accepts, or the listener's hostname where a route wildcard
// covers it (conformance: httproute-hostname-intersection). No I/O.

export function isWildcard(h: string): boolean {
  return h.startsWith('*.');
}

/** Does hostname pattern p (exact or "*.suffix") match the concrete host h? */
export function hostnameMatches(p: string, h: string): boolean {
  if (!isWildcard(p)) return p === h;
  const suffix = p.slice(1); // ".example.com"
  return h.length > suffix.length && h.endsWith(suffix);
}

/**
 * The hostnames a route serves through a listener. undefined: any host (neither restricts).
 * [] : no intersection (the route is not accepted on that listener).
 */
export function intersectHostnames(listener: string | undefined, route: readonly string[]): string[] | undefined {
  const l = listener?.toLowerCase();
  const r = route.map((h) => h.toLowerCase());
  if (!l) return r.length ? r : undefined;
  if (!r.length) return [l];
  const out = new Set<string>();
  for (const h of r) {
    if (h === l || hostnameMatches(l, h)) out.add(h);
    else if (hostnameMatches(h, l)) out.add(l);
  }
  return [...out];
}

/**
 * How specific a hostname is for a request host, or undefined when it does not match. The
 * spec gives precedence to "the largest number of characters in a matching non-wildcard
 * hostname", then "characters in a matching hostname": exact names rank above wildcards.
 */
export function hostnameScore(pattern: string | undefined, host: string): number | undefined {
  if (pattern === undefined) return 0;
  if (!hostnameMatches(pattern, host)) return undefined;
  return isWildcard(pattern) ? 1 + pattern.length : 1_000 + pattern.length;
}
