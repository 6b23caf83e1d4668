// Which controller profile routes a set of Ingresses: the setting (`ingressLab.controllerProfile`,
// CLI `--profile`) when it names one, else (auto) ingress-nginx when an IngressClass in scope
// has controller k8s.io/ingress-nginx, or an Ingress carries nginx.ingress.kubernetes.io/*
// annotations; otherwise spec-only. No I/O.
import type { Ingress, IngressClass } from '../../model';
import { ingressClassOf } from '../table';
import { hasNginxAnnotations } from './nginx-annotations';
import { ingressNginxProfile } from './ingress-nginx';
import { specOnlyProfile } from './spec-only';
import type { ControllerProfile, ProfileId, ProfileSetting } from './types';

export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';

export function selectProfile(setting: ProfileSetting, ingresses: readonly Ingress[], classes: readonly IngressClass[], defaultClass?: string): ControllerProfile {
  if (setting === 'spec-only') return specOnlyProfile('chosen by the setting');
  if (setting === 'ingress-nginx') return ingressNginxProfile('chosen by the setting');
  const nginxClasses = new Set(classes.filter((c) => c.controller === INGRESS_NGINX_CONTROLLER).map((c) => c.name));
  const byClass = ingresses.find((i) => nginxClasses.has(ingressClassOf(i, defaultClass)));
  if (byClass) return ingressNginxProfile(`IngressClass ${ingressClassOf(byClass, defaultClass)} has controller ${INGRESS_NGINX_CONTROLLER}`);
  const annotated = ingresses.find(hasNginxAnnotations);
  if (annotated) return ingressNginxProfile(`Ingress ${annotated.namespace}/${annotated.name} carries nginx.ingress.kubernetes.io/* annotations`);
  return specOnlyProfile('no IngressClass with an ingress-nginx controller and no nginx.ingress.kubernetes.io/* annotations');
}

/** A profile by its id (as a face received it), with the reason it was chosen. */
export function profileOf(id: ProfileId, reason: string): ControllerProfile {
  return id === 'ingress-nginx' ? ingressNginxProfile(reason) : specOnlyProfile(reason);
}
