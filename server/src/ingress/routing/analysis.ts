// Conflicts and shadowing, found with the matcher's own precedence so the diagnostics, the
// route tree and routing never disagree. Two entries of one host group that match the same
// request set (same effective match and key: Exact /a; Prefix /a, /a/ and ImplementationSpecific /a)
// always resolve the same way, so every one but the first can never receive traffic.
//   duplicate: the same host + path + pathType (as written) with different backends.
//   shadowed:  any other entry that always loses (different pathType or spelling, or an
//              identical copy with the same backend).
// Paths that merely overlap (Prefix /a and Exact /a, /a and /a/b) each still win some
// requests and are not reported. No I/O.
import { backendKey } from './backend';
import { whyPathWins } from './match';
import { memoize } from './memo';
import { compareEntries, type RouteEntry, type RouteTable } from './table';

export interface DuplicateRoute {
  /** The claimants in precedence order: the first one receives the traffic. */
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

function bucketsOf(entries: readonly RouteEntry[], keyOf: (e: RouteEntry) => string): RouteEntry[][] {
  const m = new Map<string, RouteEntry[]>();
  for (const e of entries) {
    const k = keyOf(e);
    const l = m.get(k);
    if (l) l.push(e);
    else m.set(k, [e]);
  }
  return [...m.values()].filter((l) => l.length > 1).map((l) => l.sort(compareEntries));
}

const spelled = (e: RouteEntry) => `${e.pathType ?? ''}\u0000${e.path}`;

function analyzeBucket(bucket: RouteEntry[], out: RouteAnalysis): void {
  for (const same of bucketsOf(bucket, spelled)) {
    if (new Set(same.map((e) => backendKey(e.backend))).size < 2) continue;
    const d: DuplicateRoute = { entries: same };
    out.duplicates.push(d);
    for (const e of same) out.duplicateOf.set(e, d);
  }
  const [w, ...losers] = bucket;
  for (const l of losers) {
    const sameBackend = backendKey(l.backend) === backendKey(w!.backend);
    if (spelled(l) === spelled(w!) && !sameBackend) continue;
    const s: ShadowedRoute = { entry: l, by: w!, reason: whyPathWins(w!, l), sameBackend };
    out.shadowed.push(s);
    out.shadowedBy.set(l, s);
  }
}

export function analyzeRoutes(table: RouteTable): RouteAnalysis {
  const out: RouteAnalysis = { duplicates: [], shadowed: [], duplicateOf: new Map(), shadowedBy: new Map() };
  for (const g of table.groups) {
    for (const bucket of bucketsOf(g.entries, (e) => `${e.match}\u0000${e.key}`)) analyzeBucket(bucket, out);
  }
  return out;
}

/** The analysis of a table, computed once per table. */
export const routeAnalysisFor: (table: RouteTable) => RouteAnalysis = memoize(analyzeRoutes);
