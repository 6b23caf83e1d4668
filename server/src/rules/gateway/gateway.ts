// Gateway listener rules of the v1.2 CRD (standard channel): TLS where the protocol needs it
// and nowhere else, unique names and port/protocol/hostname combinations, at most 64.
import type { GatewayObjectRule, Reporter } from '../rule';
import type { Gateway } from '../../gateway/model';
import type { SNode } from '../../ingress/source';

function listenersNode(gw: Gateway): SNode | undefined {
  const spec = gw.root.entries.find((e) => e.key === 'spec')?.value;
  return spec?.kind === 'map' ? spec.entries.find((e) => e.key === 'listeners')?.value : undefined;
}

function problems(gw: Gateway): string[] {
  const out: string[] = [];
  const ls = gw.listeners;
  if (ls.some((l) => ['HTTP', 'TCP', 'UDP'].includes(l.protocol) && l.node.entries.some((e) => e.key === 'tls'))) out.push("tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']");
  if (ls.some((l) => l.protocol === 'HTTPS' && !l.node.entries.some((e) => e.key === 'tls'))) out.push("tls must be specified for protocols ['HTTPS', 'TLS']");
  if (ls.some((l) => l.protocol === 'HTTPS' && l.node.entries.some((e) => e.key === 'tls') && l.certificateRefs.length === 0)) out.push('certificateRefs or options must be specified when mode is Terminate');
  if (new Set(ls.map((l) => l.name)).size !== ls.length) out.push('Listener name must be unique within the Gateway');
  if (new Set(ls.map((l) => `${l.port}/${l.protocol}/${l.hostname ?? ''}`)).size !== ls.length) out.push('Combination of port, protocol and hostname must be unique for each listener');
  return out;
}

export const listenerRules: GatewayObjectRule = {
  id: 'gateway/listeners',
  description: 'Gateway listeners the CRD refuses: TLS missing on HTTPS or present on HTTP, a Terminate listener without certificateRefs, duplicate names or port/protocol/hostname, more than 64.',
  severity: 'error',
  scope: 'gateway',
  check(obj, report: Reporter) {
    if (obj.kind !== 'Gateway') return;
    const node = listenersNode(obj);
    if (!node) return;
    for (const p of problems(obj)) report({ message: `${node.path}: Invalid value: "array": ${p}`, span: node.span, field: node.path });
    if (obj.listeners.length > 64) report({ message: `${node.path}: Too many: ${obj.listeners.length}: must have at most 64 items`, span: node.span, field: node.path });
  },
};
