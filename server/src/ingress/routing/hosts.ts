// Host matching as the Kubernetes docs define it ("Hostname wildcards"): an exact host
// matches itself; "*.foo.com" matches exactly one extra leftmost label (bar.foo.com, not
// baz.bar.foo.com nor foo.com); a rule without host matches every request. Hosts compare
// case-insensitively and the port of a Host header is ignored. No I/O.

export type HostKind = 'exact' | 'wildcard' | 'any';

export interface HostKey {
  kind: HostKind;
  /** Lower-cased host as written ("*.foo.com"), "" for a rule without host. */
  key: string;
}

export function hostKey(host: string | undefined): HostKey {
  const h = (host ?? '').trim().toLowerCase();
  if (h === '') return { kind: 'any', key: '' };
  return { kind: h.startsWith('*.') ? 'wildcard' : 'exact', key: h };
}

/** The request host as matched: lower-cased, port and a trailing dot dropped, brackets of an IPv6 literal kept. */
export function normalizeRequestHost(raw: string): string {
  let h = raw.trim().toLowerCase();
  const v6 = /^(\[[^\]]*\])(:\d*)?$/.exec(h);
  if (v6) return v6[1]!;
  h = h.replace(/:\d*$/, '');
  return h.endsWith('.') ? h.slice(0, -1) : h;
}

/** "*.foo.com" → "foo.com": the suffix a wildcard rule is indexed under. */
export function wildcardSuffix(key: string): string {
  return key.slice(2);
}

/** The wildcard suffix a request host falls under ("bar.foo.com" → "foo.com"), if it has one label to spare. */
export function requestWildcardSuffix(host: string): string | undefined {
  const dot = host.indexOf('.');
  return dot > 0 ? host.slice(dot + 1) : undefined;
}

/** Does a rule host (as a key) serve a request host? Exact or one-label wildcard; "" serves all. */
export function hostMatches(rule: HostKey, requestHost: string): boolean {
  if (rule.kind === 'any') return true;
  if (rule.kind === 'exact') return rule.key === requestHost;
  const suffix = requestWildcardSuffix(requestHost);
  return suffix !== undefined && suffix === wildcardSuffix(rule.key);
}
