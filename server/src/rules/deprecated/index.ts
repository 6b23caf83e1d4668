// Family deprecated/: API versions Kubernetes no longer serves.
import type { Rule } from '../rule';
import { apiVersionRemoved } from './api-version-removed';

export const DEPRECATED_RULES: readonly Rule[] = [apiVersionRemoved];
