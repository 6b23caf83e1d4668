// Conflicts and shadowing, found with the matcher's own precedence so the diagnostics, the
// route tree and routing never disagree. Two entries of one host group that match the same
// request set (same effective match and key: Exact /a; Prefix /a, /a/ and ImplementationSpecific /a)
// always resolve the same way, so every one but the winner can never receive traffic. The
// winner is the matcher's: of Prefix /a and /a/ the longer, /a/ (the API's PathTypePrefix
// text), then Ingress, rule and path order.
//   duplicate: the winner and every entry with its host + path + pathType (as written) but
//              a different backend.
//   shadowed:  any other entry that always loses (different pathType or spelling, an
//              identical copy with the winner's backend, or a claim that loses to a third).
// Paths that merely overlap (Prefix /a and Exact /a, /a and /a/b) each still win some
// requests and are not reported. Ingresses of different IngressClasses are served by
// different controllers, so they never conflict with each other. No I/O.
import { backendKey } from './backend';
import { comparePathMatches, whyPathWins } from './match';
import { memoize } from './memo';
import type { RouteEntry, RouteTable } from './table';

export interface DuplicateRoute {
  /** The claimants in precedence order: the first one receives the traffic, the others have other backends. */
  entries: RouteEntry[];
}

export interface ShadowedRoute {
  entry: RouteEntry;
  by: RouteEntry;
  reason: string;
  sameBackend: boolean;
}

export interface RouteAnalysis {
  duplicates: DuplicateRoute[];
  shadowed: ShadowedRoute[];
  /** The duplicate group each entry belongs to. */
  duplicateOf: Map<RouteEntry, DuplicateRoute>;
  shadowedBy: Map<RouteEntry, ShadowedRoute>;
}

/** Entries sharing a key, in the order they win a request they all match. */
function bucketsOf(entries: readonly RouteEntry[], keyOf: (e: RouteEntry) => string): RouteEntry[][] {
  const m = new Map<string, RouteEntry[]>();
  for (const e of entries) {
    const k = keyOf(e);
    const l = m.get(k);
    if (l) l.push(e);
    else m.set(k, [e]);
  }
  return [...m.values()].filter((l) => l.length > 1).map((l) => l.sort(comparePathMatches));
}

const spelled = (e: RouteEntry) => `${e.pathType ?? ''}\u0000${e.path}`;

function analyzeBucket(bucket: RouteEntry[], table: RouteTable, out: RouteAnalysis): void {
  const [w, ...losers] = bucket as [RouteEntry, ...RouteEntry[]];
  const rivals = losers.filter((l) => spelled(l) === spelled(w) && backendKey(l.backend) !== backendKey(w.backend));
  if (rivals.length > 0) {
    const d: DuplicateRoute = { entries: [w, ...rivals] };
    out.duplicates.push(d);
    for (const e of d.entries) out.duplicateOf.set(e, d);
  }
  for (const l of losers) {
    if (rivals.includes(l)) continue;
    const s: ShadowedRoute = { entry: l, by: w, reason: whyPathWins(w, l, table.created), sameBackend: backendKey(l.backend) === backendKey(w.backend) };
    out.shadowed.push(s);
    out.shadowedBy.set(l, s);
  }
}

export function analyzeRoutes(table: RouteTable): RouteAnalysis {
  const out: RouteAnalysis = { duplicates: [], shadowed: [], duplicateOf: new Map(), shadowedBy: new Map() };
  for (const g of table.groups) {
    for (const bucket of bucketsOf(g.entries, (e) => `${e.ingressClass}\u0000${e.match}\u0000${e.key}`)) analyzeBucket(bucket, table, out);
  }
  return out;
}

/** The analysis of a table, computed once per table. */
export const routeAnalysisFor: (table: RouteTable) => RouteAnalysis = memoize(analyzeRoutes);
