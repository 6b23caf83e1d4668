// Gateway listener rules of the v1.2 CRD (standard channel): TLS where the protocol needs it
// and nowhere else, unique names and port/protocol/hostname combinations, at most 64.
import type { Gateway } from '../../gateway/model';
import { crdRule, field, specOf, tooMany } from './common';

function problems(gw: Gateway): string[] {
  const out: string[] = [];
  const ls = gw.listeners;
  const hasTls = (l: Gateway['listeners'][number]) => l.node.entries.some((e) => e.key === 'tls');
  if (ls.some((l) => ['HTTP', 'TCP', 'UDP'].includes(l.protocol) && hasTls(l))) out.push("tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']");
  if (ls.some((l) => l.protocol === 'HTTPS' && !hasTls(l))) out.push("tls must be specified for protocols ['HTTPS', 'TLS']");
  if (ls.some((l) => l.protocol === 'HTTPS' && hasTls(l) && l.certificateRefs.length === 0)) out.push('certificateRefs or options must be specified when mode is Terminate');
  if (new Set(ls.map((l) => l.name)).size !== ls.length) out.push('Listener name must be unique within the Gateway');
  if (new Set(ls.map((l) => `${l.port}/${l.protocol}/${l.hostname ?? ''}`)).size !== ls.length) out.push('Combination of port, protocol and hostname must be unique for each listener');
  return out;
}

export const listenerRules = crdRule('Gateway', 'gateway/listeners',
  'Gateway listeners the CRD refuses: TLS missing on HTTPS or present on HTTP, a Terminate listener without certificateRefs, duplicate names or port/protocol/hostname, more than 64.',
  (gw, report) => {
    const node = field(specOf(gw), 'listeners');
    if (!node) return;
    for (const p of problems(gw)) report({ message: `${node.path}: Invalid value: "array": ${p}`, span: node.span, field: node.path });
    tooMany(report, node, gw.listeners.length, 64);
  });
