// A backend's port number or name is not among the ports of the Service it names.
import type { Service, ServicePort } from '../../ingress/model';
import { getIn } from '../../ingress/source';
import type { ObjectRule, RuleContext } from '../rule';
import { foundIn, resolvedBackends, type BackendRef } from './lookup';

export function describePorts(ports: readonly ServicePort[]): string {
  if (ports.length === 0) return 'it declares no ports';
  return `its ports: ${ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(', ')}`;
}

/** The Service port a backend refers to, or undefined when the backend names none of them. */
export function backendPort(svc: Service, ref: BackendRef['service']): ServicePort | undefined {
  if (ref.portNumber) return svc.ports.find((p) => p.port === ref.portNumber!.value);
  if (ref.portName) return svc.ports.find((p) => p.name === ref.portName!.value);
  return undefined;
}

function related(svc: Service, ctx: RuleContext) {
  // Point at the Service's ports, where the user would add the missing one.
  const span = getIn(svc.root, 'spec', 'ports')?.span ?? svc.span;
  return svc.origin === 'workspace' ? [{ uri: svc.uri, span, message: `Service ${svc.namespace}/${svc.name} (${foundIn(svc, ctx)})` }] : [];
}

export const backendPortRule: ObjectRule<'Ingress'> = {
  id: 'ref/backend-port',
  description: 'The backend port number or name must be one of the Service\'s ports.',
  severity: 'warning',
  scope: 'object',
  kinds: ['Ingress'],
  check(obj, ctx, report) {
    const ing = obj;
    for (const { service, svc } of resolvedBackends(ing, ctx)) {
      const node = service.portNumber?.node ?? service.portName?.node;
      if (!svc || !node || svc.type === 'ExternalName' || backendPort(svc, service)) continue;
      const what = service.portNumber ? `port ${service.portNumber.value}` : `port named "${service.portName!.value}"`;
      report({
        message: `Service ${svc.namespace}/${svc.name} (${foundIn(svc, ctx)}) has no ${what}; ${describePorts(svc.ports)}`,
        span: node.span,
        field: node.path,
        related: related(svc, ctx),
      });
    }
  },
};
