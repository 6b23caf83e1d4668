// Which TLS entries cover which hosts, across all Ingresses in scope, and whether any rule
// serves a TLS host. Uses the matcher's own host selection. No I/O.
import type { Ingress, IngressTLS, Val } from '../model';
import { requestWildcardSuffix, wildcardSuffix } from './hosts';
import { selectHost } from './match';
import type { RouteTable } from './table';

export interface TlsClaim {
  ingress: Ingress;
  tls: IngressTLS;
  host: Val;
}

export class TlsIndex {
  private readonly byHost = new Map<string, TlsClaim[]>();

  constructor(ingresses: readonly Ingress[]) {
    for (const ingress of ingresses) {
      for (const tls of ingress.tls) {
        for (const host of tls.hosts) {
          const k = host.value.toLowerCase();
          const l = this.byHost.get(k);
          if (l) l.push({ ingress, tls, host });
          else this.byHost.set(k, [{ ingress, tls, host }]);
        }
      }
    }
  }

  /** TLS entries covering a rule host: the same host, or a wildcard one label up. */
  covering(ruleHost: string): TlsClaim[] {
    const h = ruleHost.toLowerCase();
    const suffix = h.startsWith('*.') ? undefined : requestWildcardSuffix(h);
    return [...(this.byHost.get(h) ?? []), ...(suffix ? this.byHost.get(`*.${suffix}`) ?? [] : [])];
  }
}

/**
 * Does some rule serve requests for this TLS host? A plain host: whatever host group the
 * matcher picks for it (rules without host serve every host). A wildcard TLS host: a rule with
 * the same wildcard, a rule host it covers, or rules without host.
 */
export function ruleServesHost(table: RouteTable, tlsHost: string): boolean {
  const h = tlsHost.toLowerCase();
  if (!h.startsWith('*.')) return selectHost(table, h).group !== undefined;
  const suffix = wildcardSuffix(h);
  return !!table.anyHost || table.wildcardHosts.has(suffix) || table.exactSuffixes.has(suffix);
}
