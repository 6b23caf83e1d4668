// Family ref/: references from an Ingress to Services, ports and IngressClasses, checked
// against the workspace and, when connected, the cluster.
import type { Rule } from '../rule';
import { backendPortRule } from './backend-port';
import { backendService } from './backend-service';
import { defaultClass } from './default-class';
import { ingressClass } from './ingress-class';
import { serviceEndpoints } from './service-endpoints';
import { serviceSelector } from './service-selector';
import { severalDefaultClasses } from './several-default-classes';

export const REF_RULES: readonly Rule[] = [
  backendService,
  backendPortRule,
  serviceEndpoints,
  serviceSelector,
  ingressClass,
  defaultClass,
  severalDefaultClasses,
];
