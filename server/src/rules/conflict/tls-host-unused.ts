// A TLS host that no rule serves: no rule of any Ingress in scope has that host (or a
// wildcard covering it, or no host at all), so its certificate is never used for routing.
// Typically a typo between spec.tls[].hosts and spec.rules[].host. An Ingress with a
// defaultBackend serves every host and is not reported.
import { ruleServesHost } from '../../ingress/routing/index';
import { workspaceIngresses } from './common';
import type { WorkspaceRule } from '../rule';

export const tlsHostUnused: WorkspaceRule = {
  id: 'conflict/tls-host-unused',
  description: 'A host listed under spec.tls is not served by any rule.',
  severity: 'warning',
  scope: 'workspace',
  check(objects, ctx, report) {
    const table = ctx.routes();
    for (const ing of workspaceIngresses(objects)) {
      if (ing.defaultBackend) continue;
      const ruleHosts = ing.rules.flatMap((r) => (r.host ? [r.host] : []));
      const served = ruleHosts.length ? `; this Ingress's rules serve ${[...new Set(ruleHosts.map((r) => `"${r.value}"`))].join(', ')}` : '';
      for (const h of ing.tls.flatMap((t) => t.hosts)) {
        if (ruleServesHost(table, h.value)) continue;
        report(ing, {
          span: h.node.span,
          field: h.node.path,
          message: `TLS host "${h.value}" is not served by any rule: no rule routes any path of this host${served}`,
          related: ruleHosts.map((r) => ({ uri: ing.uri, span: r.node.span, message: `rule host "${r.value}"` })),
        });
      }
    }
  },
};
