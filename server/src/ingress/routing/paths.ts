// Path matching as the Kubernetes docs define it (concepts/services-networking/ingress,
// "Examples" table): Exact compares the whole path, case-sensitive; Prefix compares element
// by element (split on "/"), ignoring a trailing slash on either side, so Prefix /aaa/bbb
// matches /aaa/bbb, /aaa/bbb/ and /aaa/bbb/ccc but not /aaa/bbbxyz, and Prefix / matches
// everything. ImplementationSpecific is treated as Prefix. No I/O.

export type PathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';
export type MatchKind = 'Exact' | 'Prefix';

/** How a written pathType is matched, and a note when that is our choice rather than the spec's. */
export function effectiveMatch(pathType: string | undefined): { kind: MatchKind; note?: string } {
  if (pathType === 'Exact') return { kind: 'Exact' };
  if (pathType === 'Prefix') return { kind: 'Prefix' };
  if (pathType === 'ImplementationSpecific') {
    return { kind: 'Prefix', note: 'ImplementationSpecific is matched as Prefix (controller-specific in the spec)' };
  }
  return {
    kind: 'Prefix',
    note: pathType === undefined
      ? 'pathType missing: matched as ImplementationSpecific, i.e. Prefix (the v1beta1 default; networking.k8s.io/v1 requires pathType)'
      : `pathType "${pathType}" is not valid: matched as Prefix`,
  };
}

/** The path a rule matches on: an empty path (allowed for ImplementationSpecific) means "/". */
export function rulePath(path: string | undefined): string {
  return path === undefined || path === '' ? '/' : path;
}

/**
 * `s` without its trailing slashes. A loop, not `s.replace(/\/+$/, '')`: that regex is
 * tried from every start position, each scanning the run of slashes, so a path of many
 * slashes followed by any other character took quadratic time (issue 10, defect 3).
 */
export function trimTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47 /* / */) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** The index key of a rule path: Exact keeps it whole; Prefix drops trailing slashes ("/" → ""). */
export function matchKey(kind: MatchKind, path: string): string {
  return kind === 'Exact' ? path : trimTrailingSlashes(path);
}

/**
 * The Prefix keys a request path can match, shortest first: "/a/b" → "", "/a", "/a/b".
 * A Prefix rule matches the request exactly when its key is one of these. With `lengths`
 * (the lengths of the keys an index holds), only keys of those lengths are made: a request
 * of n slashes then costs O(n) plus the keys looked up, not n keys of up to n characters.
 */
export function prefixKeys(requestPath: string, lengths?: ReadonlySet<number>): string[] {
  const keys: string[] = [];
  const wanted = (n: number) => !lengths || lengths.has(n);
  for (let i = 0; i < requestPath.length; i++) {
    if (requestPath.charCodeAt(i) === 47 /* / */ && wanted(i)) keys.push(requestPath.slice(0, i));
  }
  const whole = trimTrailingSlashes(requestPath);
  if (keys[keys.length - 1] !== whole && wanted(whole.length)) keys.push(whole);
  return keys;
}

/** Does a rule (kind + key) match the request path? The same answer the index gives, one rule at a time. */
export function pathMatches(kind: MatchKind, key: string, requestPath: string): boolean {
  if (kind === 'Exact') return key === requestPath;
  return key === '' || requestPath === key || requestPath.startsWith(`${key}/`);
}

/** Why a rule does not match a request path, in words a user can act on. */
export function whyNoMatch(kind: MatchKind, path: string, requestPath: string): string {
  if (kind === 'Exact') {
    if (requestPath === `${path}/`) return 'Exact does not match the path with a trailing slash';
    if (`${requestPath}/` === path) return 'Exact with a trailing slash does not match the path without it';
    if (requestPath.toLowerCase() === path.toLowerCase()) return 'paths are case-sensitive';
    return 'Exact needs the identical path';
  }
  const key = matchKey('Prefix', path);
  if (requestPath.startsWith(key)) return `Prefix matches whole path elements: "${key}" is not an element prefix of "${requestPath}"`;
  if (requestPath.toLowerCase().startsWith(key.toLowerCase())) return 'paths are case-sensitive';
  return `"${requestPath}" is not under "${key}"`;
}

/** A request path as matched: query and fragment dropped, "/" when empty. */
export function normalizeRequestPath(raw: string): { path: string; note?: string } {
  let path = raw.replace(/[?#].*$/s, '');
  const notes: string[] = [];
  if (path !== raw) notes.push('query/fragment ignored');
  if (path === '') path = '/';
  if (!path.startsWith('/')) {
    path = `/${path}`;
    notes.push('a leading "/" was added');
  }
  return notes.length ? { path, note: `request path ${JSON.stringify(raw)} read as "${path}" (${notes.join(', ')})` } : { path };
}
