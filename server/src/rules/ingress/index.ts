// Family ingress/: the API server's own validation of Ingress and IngressClass objects.
import type { Rule } from '../rule';
import { pathAbsolute } from './path-absolute';

export const INGRESS_RULES: readonly Rule[] = [pathAbsolute];
