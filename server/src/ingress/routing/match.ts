// The one matcher: where does a request (host, path) go? Used by the CLI, the conflict rules,
// the route tree, the language server and the proxy, so they can never disagree.
//   1. Host: an exact host rule beats a wildcard host rule, which beats rules without host
//      (ingress-controller-conformance host_rules). Only the winning host group's paths count.
//   2. Path: among matching paths the longest wins, Exact over Prefix at equal length
//      (Kubernetes docs: "precedence will be given first to the longest matching path. If two
//      paths are still equally matched, precedence will be given to paths with an exact path
//      type over prefix path type"). The length is the matched path: the whole path for Exact,
//      the path without trailing slash for Prefix. Prefix paths that differ only by a trailing
//      slash match the same requests; the API's own text (networking/v1 PathTypePrefix) says
//      "If both paths are present in an Ingress spec, the longest matching path (/foo/) is
//      given priority", so the path as written, longer first, decides next. Remaining ties go
//      to the older Ingress, then namespace/name (ingress-nginx), then rule and path order
//      inside one Ingress.
//   3. No path matched: the defaultBackend of an Ingress owning that host's rules, else of an
//      Ingress without rules (a catch-all), else, when no rule matched the host at all, of any
//      Ingress; otherwise 404.
// Every decision is written to the trace. No I/O.
import type { Ingress, IngressBackend } from '../model';
import { normalizeRequestHost, requestWildcardSuffix } from './hosts';
import { ingressRef, ownCreationTimestamp, whyIngressWins, type CreatedAt } from './order';
import { normalizeRequestPath, prefixKeys, rulePath, whyNoMatch } from './paths';
import { backendLabel } from './backend';
import { memoize } from './memo';
import { compareEntries, type HostGroup, type RouteEntry, type RouteTable } from './table';

export interface TraceCandidate {
  ingress: string;
  host: string | null;
  path: string | null;
  pathType: string | null;
  field: string;
  matches: boolean;
  winner: boolean;
  reason: string;
}

export type TraceStepKind = 'request' | 'host' | 'path' | 'defaultBackend' | 'result';

export interface TraceStep {
  step: TraceStepKind;
  message: string;
  candidates?: TraceCandidate[];
}

export interface RouteMatch {
  via: 'rule' | 'defaultBackend';
  ingress: Ingress;
  /** The winning path for via "rule". */
  entry?: RouteEntry;
  backend: IngressBackend | undefined;
}

export interface RouteResult {
  host: string;
  path: string;
  match: RouteMatch | undefined;
  status: 200 | 404;
  /** The host group whose rules applied, if any. */
  group: HostGroup | undefined;
  trace: TraceStep[];
}

export interface LookupOptions {
  /** Also list the paths of the chosen host that did not match, with why (at most this many). */
  explain?: number;
}

export function describeEntry(e: RouteEntry): string {
  return `${e.pathType ?? '(no pathType)'} ${e.path || '(empty)'}${e.host ? ` on host ${e.host}` : ''} in Ingress ${e.ref}`;
}

function candidate(e: RouteEntry, matches: boolean, winner: boolean, reason: string): TraceCandidate {
  return {
    ingress: e.ref, host: e.host ?? null, path: e.path, pathType: e.pathType ?? null,
    field: e.node.path, matches, winner, reason,
  };
}

/** Picks the host group for a request host and says why. */
export function selectHost(table: RouteTable, host: string): { group: HostGroup | undefined; step: TraceStep } {
  const exact = table.exactHosts.get(host);
  const suffix = requestWildcardSuffix(host);
  const wildcard = suffix === undefined ? undefined : table.wildcardHosts.get(suffix);
  const any = table.anyHost;
  const owners = (g: HostGroup) => g.owners.slice(0, 5).map(ingressRef).join(', ') + (g.owners.length > 5 ? ` and ${g.owners.length - 5} more` : '');
  const skipped = (gs: (HostGroup | undefined)[], why: string) => {
    const names = gs.filter((g): g is HostGroup => !!g).map((g) => (g.kind === 'any' ? 'rules without host' : g.key));
    return names.length ? `; ${names.join(' and ')} not consulted (${why})` : '';
  };
  if (exact) {
    return { group: exact, step: { step: 'host', message: `host "${host}" matches exact host rules (Ingress ${owners(exact)})${skipped([wildcard, any], 'an exact host wins')}` } };
  }
  if (wildcard) {
    return { group: wildcard, step: { step: 'host', message: `host "${host}" matches wildcard ${wildcard.key} (one label) (Ingress ${owners(wildcard)})${skipped([any], 'a wildcard host beats rules without host')}` } };
  }
  const what = host ? `no host rule matches "${host}"` : 'the request has no host';
  if (any) {
    return { group: any, step: { step: 'host', message: `${what}: rules without host apply (Ingress ${owners(any)})` } };
  }
  return { group: undefined, step: { step: 'host', message: `${what}, and there are no rules without host` } };
}

/** Length a match counts for: the whole path for Exact, the key (no trailing slash) for Prefix. */
function matchLength(e: RouteEntry): number {
  return e.key.length;
}

/** The path as written, as long as it counts: "/foo/" outranks "/foo" (both Prefix, same key). */
function writtenLength(e: RouteEntry): number {
  return rulePath(e.path).length;
}

/** Path precedence alone (no Ingress order): longest match, Exact over Prefix, then the longer written path. */
export function comparePathPrecedence(a: RouteEntry, b: RouteEntry): number {
  return matchLength(b) - matchLength(a) || (a.match === b.match ? 0 : a.match === 'Exact' ? -1 : 1) || writtenLength(b) - writtenLength(a);
}

/** The order in which entries matching one request win: path precedence, then Ingress, rule and path order. */
export function comparePathMatches(a: RouteEntry, b: RouteEntry): number {
  return comparePathPrecedence(a, b) || compareEntries(a, b);
}

/** Why winner w beats loser l for the same request. */
export function whyPathWins(w: RouteEntry, l: RouteEntry, created: CreatedAt = ownCreationTimestamp): string {
  if (matchLength(w) !== matchLength(l)) return `longest match: "${w.key || '/'}" over "${l.key || '/'}"`;
  if (w.match !== l.match) return 'Exact beats Prefix at equal length';
  if (writtenLength(w) !== writtenLength(l)) {
    return `the longest matching path is given priority: "${w.path}" over "${rulePath(l.path)}"`;
  }
  if (w.ingress !== l.ingress) return whyIngressWins(w.ingress, l.ingress, created);
  return `${w.node.path} comes first in Ingress ${w.ref}`;
}

/** The lengths of a group's Prefix keys: a request path's prefix of another length cannot match. */
const keyLengths = memoize((index: Map<string, RouteEntry[]>) => new Set([...index.keys()].map((k) => k.length)));

/** All entries of a group matching a path, best first. */
export function matchingEntries(group: HostGroup, path: string): RouteEntry[] {
  const out = [...(group.exact.get(path) ?? [])];
  for (const key of prefixKeys(path, keyLengths(group.prefix))) out.push(...(group.prefix.get(key) ?? []));
  return out.sort(comparePathMatches);
}

function otherClass(e: RouteEntry, w: RouteEntry): string {
  if (e.ingressClass === w.ingressClass) return '';
  const name = (c: string) => (c ? `"${c}"` : 'none');
  return ` (IngressClass ${name(e.ingressClass)}, not ${name(w.ingressClass)}: its own controller would serve this request)`;
}

const paths = (n: number) => `${n} path${n === 1 ? '' : 's'}`;

function pathStep(table: RouteTable, group: HostGroup, path: string, matches: RouteEntry[], explain: number): TraceStep {
  const [w] = matches;
  const candidates = matches.map((e, i) => candidate(e, true, i === 0, i === 0
    ? `matches${e.note ? ` (${e.note})` : ''}`
    : `matches, but ${describeEntry(w!)} wins (${whyPathWins(w!, e, table.created)})${otherClass(e, w!)}`));
  if (explain > 0) {
    const hit = new Set(matches);
    const misses = group.entries.filter((e) => !hit.has(e)).slice(0, explain);
    candidates.push(...misses.map((e) => candidate(e, false, false, whyNoMatch(e.match, rulePath(e.path), path))));
  }
  const message = w
    ? `path "${path}": ${matches.length} of ${paths(group.entries.length)} ${matches.length === 1 ? 'matches' : 'match'}; ${describeEntry(w)} wins${matches.length > 1 ? ` (${whyPathWins(w, matches[1]!, table.created)})` : ''}`
    : `path "${path}": ${group.entries.length === 1 ? 'the only path' : `none of the ${group.entries.length} paths`} under ${group.kind === 'any' ? 'rules without host' : group.key} ${group.entries.length === 1 ? 'does not match' : 'match'}`;
  return { step: 'path', message, candidates };
}

function defaultBackendFor(table: RouteTable, group: HostGroup | undefined): { ingress?: Ingress; message: string } {
  const own = group?.owners.find((i) => i.defaultBackend);
  if (own) return { ingress: own, message: `defaultBackend of Ingress ${ingressRef(own)}, which owns these rules` };
  const catchAll = table.defaultBackends.find((i) => i.rules.length === 0);
  if (catchAll) return { ingress: catchAll, message: `defaultBackend of Ingress ${ingressRef(catchAll)} (no rules: a catch-all)` };
  const any = group ? undefined : table.defaultBackends[0];
  if (any) return { ingress: any, message: `defaultBackend of Ingress ${ingressRef(any)} (no rule matched the host)` };
  return { message: group ? 'no defaultBackend on the Ingresses owning this host and no catch-all Ingress' : 'no Ingress has a defaultBackend' };
}

export function lookup(table: RouteTable, rawHost: string, rawPath: string, opts: LookupOptions = {}): RouteResult {
  const host = normalizeRequestHost(rawHost);
  const np = normalizeRequestPath(rawPath);
  const trace: TraceStep[] = [];
  if (np.note || host !== rawHost) {
    trace.push({ step: 'request', message: [host !== rawHost ? `host "${rawHost}" read as "${host}" (lower case, port ignored)` : '', np.note ?? ''].filter(Boolean).join('; ') });
  }
  const { group, step } = selectHost(table, host);
  trace.push(step);
  const matches = group ? matchingEntries(group, np.path) : [];
  if (group) trace.push(pathStep(table, group, np.path, matches, opts.explain ?? 0));
  let match: RouteMatch | undefined;
  if (matches[0]) {
    match = { via: 'rule', ingress: matches[0].ingress, entry: matches[0], backend: matches[0].backend };
  } else {
    const d = defaultBackendFor(table, group);
    trace.push({ step: 'defaultBackend', message: d.message });
    if (d.ingress) match = { via: 'defaultBackend', ingress: d.ingress, backend: d.ingress.defaultBackend };
  }
  const via = match?.entry ? describeEntry(match.entry) : match && `defaultBackend of Ingress ${ingressRef(match.ingress)}`;
  trace.push({ step: 'result', message: match ? `→ ${backendLabel(match.backend)} via ${via}` : '→ 404 Not Found' });
  return { host, path: np.path, match, status: match ? 200 : 404, group, trace };
}
