// Controller profiles: how a controller routes beyond what the Ingress spec says. The
// spec-only profile is the engine's matcher as is; ingress-nginx adds its annotations, regex
// locations and URI normalization. A profile answers a whole request (RouteAnswer) so a face
// can show the redirect or rewrite the controller would do, and so the conversion check can
// compare it with the Gateway API matcher. No I/O.
import type { Ingress, IngressBackend } from '../../model';
import { ingressRef } from '../order';
import type { RouteTable } from '../table';
import type { HttpRequest, RouteAnswer, WeightedBackend } from './answer';

export type ProfileId = 'spec-only' | 'ingress-nginx';
export const PROFILE_SETTINGS = ['auto', 'spec-only', 'ingress-nginx'] as const;
export type ProfileSetting = (typeof PROFILE_SETTINGS)[number];

export interface ControllerProfile {
  id: ProfileId;
  /** Why this profile applies ("IngressClass nginx has controller k8s.io/ingress-nginx"). */
  reason: string;
  route(table: RouteTable, req: HttpRequest): RouteAnswer;
}

/** An Ingress backend as a weighted Service backend (a resource backend has no Service: service "" ). */
export function weighted(ing: Ingress, b: IngressBackend | undefined, weight = 1): WeightedBackend {
  const s = b?.service;
  const port = s?.portNumber ? String(s.portNumber.value) : s?.portName?.value ?? '?';
  return { namespace: ing.namespace, service: s?.name?.value ?? '', port, weight };
}

export function ingressVia(ing: Ingress, field: string | undefined): string {
  return `Ingress ${ingressRef(ing)} ${field ?? 'spec.defaultBackend'}`;
}
