// A path that can never receive a request because another path of the same host matches
// exactly the same requests and always wins: Prefix "/a" next to Prefix "/a/" (the longer wins),
// ImplementationSpecific "/a" next to Prefix "/a", or the same path written twice. Paths
// that merely overlap (Exact "/a" and Prefix "/a", "/a" and "/a/b") each still win some
// requests and are not reported. Same-path different-backend claims are conflict/duplicate-route.
import { routeAnalysisFor, type ShadowedRoute } from '../../ingress/routing/index';
import type { WorkspaceRule } from '../rule';
import { backendOf, entrySpan, hostLabel, pathLabel, relatedEntry, whereFrom } from './common';

function message(s: ShadowedRoute): string {
  const { entry: e, by } = s;
  const same = s.sameBackend ? ` (same backend ${backendOf(by)}: this entry can be removed)` : `, so ${backendOf(e)} never receives traffic from it`;
  const identical = e.path === by.path && e.pathType === by.pathType;
  const what = identical ? 'the same path' : 'exactly the same requests';
  return `${pathLabel(e)} on ${hostLabel(e)} is never reached: ${pathLabel(by)} in ${whereFrom(e, by)} matches ${what} and wins (${s.reason})${same}`;
}

export const shadowedPath: WorkspaceRule = {
  id: 'conflict/shadowed-path',
  description: 'A path can never be reached because another path of the same host matches the same requests and always wins.',
  severity: 'warning',
  scope: 'workspace',
  check(_objects, ctx, report) {
    for (const s of routeAnalysisFor(ctx.routes()).shadowed) {
      if (s.entry.ingress.origin !== 'workspace') continue;
      report(s.entry.ingress, {
        ...entrySpan(s.entry),
        message: message(s),
        related: [relatedEntry(s.by, `this path wins (${backendOf(s.by)})`)],
      });
    }
  },
};
