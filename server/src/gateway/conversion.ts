// One conversion of a route table's Ingresses to Gateway API, shared by `ingress-lab convert`
// and the editor's preview: the converter with the profile's annotation handling, the Gateway
// class from the IngressClass in use, and the converted objects checked against the v1.2 CRD
// rules (a refusal is reported, never hidden). No I/O.
import type { Service } from '../ingress/model';
import { ingressClassOf, type RouteTable } from '../ingress/routing/index';
import type { ControllerProfile } from '../ingress/routing/profiles/types';
import { checkGatewayObjects } from '../rules/gateway/index';
import { convertIngresses } from './convert/index';
import { convertedObjects, readConverted } from './convert/emit';
import type { Gateway, GatewayObject } from './model';
import type { ConvertResult } from './convert/types';

/** The Gateway converted routes attach to unless one is named (`convert --gateway`, the preview, the served set). */
export const DEFAULT_GATEWAY = 'ingress-lab';

export interface GatewayTarget {
  name: string;
  namespace?: string;
  /** gatewayClassName (default: the IngressClass in use, else "nginx"). */
  className?: string;
}

function convert(table: RouteTable, services: readonly Service[], profile: ControllerProfile, gw: GatewayTarget): ConvertResult {
  const classes = [...new Set(table.ingresses.map((i) => ingressClassOf(i)).filter(Boolean))];
  return convertIngresses(table.ingresses, services, {
    gatewayName: gw.name, gatewayNamespace: gw.namespace,
    gatewayClassName: gw.className ?? classes[0] ?? 'nginx',
    nginx: profile.id === 'ingress-nginx',
  });
}

/** Only the Gateway the conversion writes (`--with-gateway`), read back from its YAML: no self-check of the routes. */
export function convertedGateway(table: RouteTable, services: readonly Service[], profile: ControllerProfile, gw: GatewayTarget): Gateway[] {
  return readConverted('converted:///gateway.yaml', [convert(table, services, profile, gw).gateway], gw.namespace).filter((o): o is Gateway => o.kind === 'Gateway');
}

/** A conversion with its objects as read back from the YAML it writes (read once, for the CRD check and for routing). */
export type CheckedConversion = ConvertResult & { objects: GatewayObject[] };

export function convertTable(table: RouteTable, services: readonly Service[], profile: ControllerProfile, gw: GatewayTarget): CheckedConversion {
  const result = convert(table, services, profile, gw);
  const objects = convertedObjects(result);
  for (const f of checkGatewayObjects(objects)) {
    result.notes.push({ ingress: f.object ?? '?', severity: 'warning', message: `${f.ruleId}: ${f.message} (the converter wrote an object the v1.2 CRD refuses: please report it)` });
  }
  return { ...result, objects };
}
