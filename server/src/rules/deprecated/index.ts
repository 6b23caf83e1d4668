// Family deprecated/: see DESIGN.md for what belongs here.
import type { Rule } from '../rule';

export const DEPRECATED_RULES: readonly Rule[] = [];
