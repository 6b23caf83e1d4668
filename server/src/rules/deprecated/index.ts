// Family deprecated/: API versions Kubernetes no longer serves, and fields it warns about.
import type { Rule } from '../rule';
import { apiVersionRemoved } from './api-version-removed';
import { ingressClassAnnotation } from './ingress-class-annotation';

export const DEPRECATED_RULES: readonly Rule[] = [apiVersionRemoved, ingressClassAnnotation];
