// Which location ingress-nginx picks inside a server (host). Without regex, its locations
// follow the spec (Prefix /foo is `location /foo/` plus `location = /foo`), so the engine's
// matcher answers. When `use-regex` or `rewrite-target` is set on any Ingress of the host,
// "the case insensitive regular expression location modifier will be enforced on ALL paths
// for a given host regardless of what Ingress they are defined on", and since nginx takes the
// first matching regex, "ingress-nginx first orders the paths by descending length"
// (docs/user-guide/ingress-path-matching.md). Exact paths stay `location = /path`, which nginx
// checks before any regex. No I/O.
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
  const exact = group.entries.find((e) => e.pathType === 'Exact' && e.path === path);
  if (exact) return { entry: exact, message: `location = ${exact.path} (Exact) matches before any regex location` };
  const ordered = group.entries
    .filter((e) => e.pathType !== 'Exact')
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.path.length - a.e.path.length || a.i - b.i);
  const hit = ordered.find(({ e }) => locationRegex(e.path)?.test(path));
  const why = 'regex locations (use-regex/rewrite-target on this host), longest path first, first match wins, case-insensitive';
  return hit
    ? { entry: hit.e, message: `location ~* "^${hit.e.path}" matches "${path}" (${why}; ${ordered.length} location${ordered.length === 1 ? '' : 's'})` }
    : { message: `no regex location matches "${path}" (${why})` };
}
