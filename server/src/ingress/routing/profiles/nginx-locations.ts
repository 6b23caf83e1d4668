// Which location ingress-nginx picks inside a server (host). Without regex, its locations
// follow the spec (Prefix /foo is `location /foo/` plus `location = /foo`: controller/
// location.go updateServerLocations), so the engine's matcher answers, except that a request
// for /foo when only `location /foo/` exists is nginx's auto-redirect (301 to /foo/). When
// `use-regex` or `rewrite-target` is set on any Ingress of the host, "the case insensitive
// regular expression location modifier will be enforced on ALL paths for a given host
// regardless of what Ingress they are defined on", and since nginx takes the first matching
// regex, "ingress-nginx first orders the paths by descending length"
// (docs/user-guide/ingress-path-matching.md). Exact paths then become `~* "^path"` too
// (template.go buildLocation checks enforceRegex before the Exact case). No I/O.
import type { HostGroup, RouteEntry } from '../table';
import { enforcesRegex } from './nginx-annotations';

export function regexHost(group: HostGroup | undefined): boolean {
  return !!group?.owners.some(enforcesRegex);
}

/** `~* "^path"` as a JavaScript RegExp (nginx regexes are PCRE; the common subset behaves the same). */
export function locationRegex(path: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${path || '/'})`, 'i');
  } catch {
    return undefined;
  }
}

/** The entry nginx picks for a path on a regex host, and a sentence saying how. */
export function regexLocation(group: HostGroup, path: string): { entry?: RouteEntry; message: string } {
  const ordered = group.entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.path.length - a.e.path.length || a.i - b.i);
  const hit = ordered.find(({ e }) => locationRegex(e.path)?.test(path));
  const why = 'regex locations (use-regex/rewrite-target on this host), longest path first, first match wins, case-insensitive';
  return hit
    ? { entry: hit.e, message: `location ~* "^${hit.e.path}" matches "${path}" (${why}; ${ordered.length} location${ordered.length === 1 ? '' : 's'})` }
    : { message: `no regex location matches "${path}" (${why})` };
}

/**
 * nginx's auto-redirect: "If a location is defined by a prefix string that ends with the slash
 * character, and requests are processed by ... proxy_pass ..., then in response to a request
 * with URI equal to this string, but without the trailing slash, a permanent redirect with the
 * code 301 will be returned" (nginx docs, location). A Prefix "/foo/" is `location /foo/` (and
 * `= /foo/`); only a path "/foo" of its own (Exact, or Prefix, which adds `= /foo`) prevents it.
 */
export function autoRedirect(group: HostGroup | undefined, path: string): string | undefined {
  if (!group || path === '/' || path.endsWith('/')) return undefined;
  const own = group.entries.some((e) => e.path === path && (e.pathType === 'Exact' || e.pathType === 'Prefix' || e.pathType === 'ImplementationSpecific' || e.pathType === undefined));
  const slashed = group.entries.some((e) => e.path === `${path}/` && e.pathType !== 'Exact');
  return slashed && !own ? `${path}/` : undefined;
}
