// Family tls/: see DESIGN.md for what belongs here.
import type { Rule } from '../rule';

export const TLS_RULES: readonly Rule[] = [];
