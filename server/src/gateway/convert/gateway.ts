// The Gateway the converted routes attach to: per host an HTTP listener (port 80) and, for a
// host covered by an Ingress TLS entry, an HTTPS listener (port 443, mode Terminate) with the
// TLS Secret as certificateRef; a listener without hostname for rules without host. Routes
// from other namespaces are admitted with allowedRoutes.namespaces.from: All. At most 64
// listeners (the CRD's limit). No I/O.
import type { Ingress } from '../../ingress/model';
import { hostKey, hostMatches } from '../../ingress/routing/hosts';
import { listenerName } from './names';
import { GATEWAY_API, type ConvertOptions, type Json } from './types';

export interface HostUse {
  host: string;
  tls: boolean;
  namespace: string;
}

function certificateRefs(host: string, all: readonly Ingress[], gwNs: string, warn: (m: string) => void): Json[] {
  for (const ing of all) {
    for (const t of ing.tls) {
      if (!t.secretName || !t.hosts.some((h) => h.value.toLowerCase() === host || hostMatches(hostKey(h.value), host))) continue;
      if (ing.namespace !== gwNs) warn(`Secret ${ing.namespace}/${t.secretName.value} is in another namespace than the Gateway: it needs a ReferenceGrant in ${ing.namespace} (not generated)`);
      return [{ kind: 'Secret', name: t.secretName.value, ...(ing.namespace !== gwNs ? { namespace: ing.namespace } : {}) }];
    }
  }
  return [];
}

export function gatewayObject(uses: readonly HostUse[], all: readonly Ingress[], opts: ConvertOptions, gwNs: string, warn: (m: string) => void): Json {
  const from = uses.some((u) => u.namespace !== gwNs) ? 'All' : 'Same';
  const listeners = new Map<string, Json>();
  for (const u of uses) {
    const hostname = u.host ? { hostname: u.host } : {};
    const http = listenerName('http', u.host);
    listeners.set(http, { name: http, ...hostname, port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from } } });
    if (!u.tls) continue;
    const https = listenerName('https', u.host);
    const tls = { mode: 'Terminate', certificateRefs: certificateRefs(u.host, all, gwNs, warn) };
    listeners.set(https, { name: https, ...hostname, port: 443, protocol: 'HTTPS', tls, allowedRoutes: { namespaces: { from } } });
  }
  if (listeners.size > 64) warn(`${listeners.size} listeners: a Gateway allows at most 64; split the hosts over several Gateways`);
  return {
    apiVersion: GATEWAY_API,
    kind: 'Gateway',
    metadata: { name: opts.gatewayName, namespace: gwNs },
    spec: { gatewayClassName: opts.gatewayClassName, listeners: [...listeners.values()] },
  };
}
