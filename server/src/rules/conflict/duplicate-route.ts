// The same host + path + pathType claimed twice (in two Ingresses, or twice in one) with
// different backends. Only one backend ever gets the traffic: the older Ingress's, then
// namespace/name order, then the first in the Ingress (see ingress/routing/match.ts).
import { routeAnalysisFor, whyPathWins, type RouteEntry, type RouteTable } from '../../ingress/routing/index';
import type { WorkspaceRule } from '../rule';
import { backendOf, entrySpan, hostLabel, pathLabel, relatedEntry, whereFrom } from './common';

function message(e: RouteEntry, winner: RouteEntry, others: RouteEntry[], t: RouteTable): string {
  const claim = `${hostLabel(e)} ${pathLabel(e)} is also claimed by ${others.map((o) => `${whereFrom(e, o)} (${backendOf(o)})`).join(', ')}`;
  if (e === winner) return `${claim}; this one wins (${whyPathWins(e, others[0]!, t.created)})`;
  return `${claim}; ${whereFrom(e, winner)} wins (${whyPathWins(winner, e, t.created)}), so ${backendOf(e)} never receives this traffic`;
}

export const duplicateRoute: WorkspaceRule = {
  id: 'conflict/duplicate-route',
  description: 'The same host, path and pathType are routed to different backends (in two Ingresses or twice in one).',
  severity: 'warning',
  scope: 'workspace',
  check(_objects, ctx, report) {
    const table = ctx.routes();
    for (const d of routeAnalysisFor(table).duplicates) {
      const winner = d.entries[0]!;
      for (const e of d.entries) {
        if (e.ingress.origin !== 'workspace') continue;
        const others = d.entries.filter((o) => o !== e);
        report(e.ingress, {
          ...entrySpan(e),
          message: message(e, winner, others, table),
          related: others.map((o) => relatedEntry(o, `also claimed here (${backendOf(o)})`)),
        });
      }
    }
  },
};
