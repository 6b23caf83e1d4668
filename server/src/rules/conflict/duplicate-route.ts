// The same host + path + pathType claimed twice (in two Ingresses, or twice in one) with
// different backends. Only one backend ever gets the traffic: the older Ingress's, then
// namespace/name order, then the first in the Ingress (see ingress/routing/match.ts).
// A group is reported once per workspace Ingress that takes part, at that Ingress's first
// claim, with a count and a bounded list of the other claims: 2,500 copies of one rule give
// one finding, not 2,500 that each list the 2,499 others.
import type { RelatedLocation } from '../../ingress/findings';
import type { Ingress } from '../../ingress/model';
import { routeAnalysisFor, whyPathWins, type RouteEntry, type RouteTable } from '../../ingress/routing/index';
import type { WorkspaceRule } from '../rule';
import { backendOf, entrySpan, hostLabel, pathLabel, relatedEntry, whereFrom } from './common';

/** How many other claims a message names, and how many related locations a finding carries. */
export const NAMED_CLAIMS = 3;
export const MAX_RELATED = 20;

function claimants(e: RouteEntry, others: RouteEntry[]): string {
  const named = others.slice(0, NAMED_CLAIMS).map((o) => `${whereFrom(e, o)} (${backendOf(o)})`);
  const rest = others.length - named.length;
  return rest > 0 ? `${named.join(', ')} and ${rest.toLocaleString('en-US')} more` : named.join(', ');
}

function message(e: RouteEntry, winner: RouteEntry, others: RouteEntry[], t: RouteTable): string {
  const claim = `${hostLabel(e)} ${pathLabel(e)} is also claimed by ${claimants(e, others)}`;
  if (e === winner) return `${claim}; this one wins (${whyPathWins(e, others[0]!, t.created)})`;
  return `${claim}; ${whereFrom(e, winner)} wins (${whyPathWins(winner, e, t.created)}), so ${backendOf(e)} never receives this traffic`;
}

function related(others: RouteEntry[], winner: RouteEntry): RelatedLocation[] {
  const shown = others.slice(0, MAX_RELATED).map((o) => relatedEntry(o, o === winner
    ? `this claim wins (${backendOf(o)})`
    : `also claimed here (${backendOf(o)}): never receives this traffic`));
  const rest = others.length - shown.length;
  if (rest > 0) shown[shown.length - 1]!.message += `; ${rest.toLocaleString('en-US')} more claims not listed`;
  return shown;
}

/** Each workspace Ingress of a group with its first claim (the group is in precedence order). */
function firstClaims(entries: readonly RouteEntry[]): RouteEntry[] {
  const seen = new Set<Ingress>();
  return entries.filter((e) => e.ingress.origin === 'workspace' && !seen.has(e.ingress) && seen.add(e.ingress));
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
      for (const e of firstClaims(d.entries)) {
        const others = d.entries.filter((o) => o !== e);
        report(e.ingress, { ...entrySpan(e), message: message(e, winner, others, table), related: related(others, winner) });
      }
    }
  },
};
