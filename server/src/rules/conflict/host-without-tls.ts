// A rule host with no TLS entry covering it, in an Ingress that does use TLS: HTTPS requests
// for that host get no certificate of this Ingress. A TLS entry without hosts covers every
// host (the controller's wildcard), and a TLS entry for the host in another Ingress in scope
// counts too (controllers such as ingress-nginx merge certificates per host).
import { TlsIndex } from '../../ingress/routing/index';
import type { WorkspaceRule } from '../rule';
import { workspaceIngresses } from './common';

export const hostWithoutTls: WorkspaceRule = {
  id: 'conflict/host-without-tls',
  description: 'A rule host is not covered by any TLS entry although the Ingress uses TLS.',
  severity: 'warning',
  scope: 'workspace',
  check(objects, ctx, report) {
    let index: TlsIndex | undefined;
    for (const ing of workspaceIngresses(objects)) {
      if (ing.tls.length === 0 || ing.tls.some((t) => t.hosts.length === 0)) continue;
      index ??= new TlsIndex(ctx.routes().ingresses);
      for (const rule of ing.rules) {
        if (!rule.host || index.covering(rule.host.value).length > 0) continue;
        const listed = ing.tls.flatMap((t) => t.hosts);
        report(ing, {
          span: rule.host.node.span,
          field: rule.host.node.path,
          message: `host "${rule.host.value}" is not covered by any TLS entry, though this Ingress uses TLS for ${listed.map((h) => `"${h.value}"`).join(', ')}: HTTPS requests for it get no certificate from this Ingress`,
          related: listed.map((h) => ({ uri: ing.uri, span: h.node.span, message: `TLS host "${h.value}"` })),
        });
      }
    }
  },
};
