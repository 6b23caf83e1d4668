// The spec-only profile: the engine's matcher (routing/match.ts) with RFC 3986 path
// normalization (see normalize.ts); no annotation changes anything. No I/O.
import { lookup } from '../match';
import type { RouteTable } from '../table';
import type { HttpRequest, RouteAnswer } from './answer';
import { normalizePath } from './normalize';
import { ingressVia, weighted, type ControllerProfile } from './types';

export function specOnlyRoute(table: RouteTable, req: HttpRequest, profile = 'spec-only'): RouteAnswer {
  const np = normalizePath(req.path, 'rfc3986');
  const trace = np.notes.map((n) => `request path: ${n}`);
  const r = lookup(table, req.host, np.path);
  trace.push(...r.trace.map((s) => s.message));
  const m = r.match;
  if (!m) return { status: 404, backends: [], via: '', trace, profile };
  return {
    status: 200,
    backends: [weighted(m.ingress, m.backend)],
    upstreamPath: `${np.path}${np.query ? `?${np.query}` : ''}`,
    via: ingressVia(m.ingress, m.entry?.node.path),
    trace,
    profile,
  };
}

export function specOnlyProfile(reason: string): ControllerProfile {
  return { id: 'spec-only', reason, route: (t, req) => specOnlyRoute(t, req) };
}
