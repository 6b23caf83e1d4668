// Family conflict/: see DESIGN.md for what belongs here.
import type { Rule } from '../rule';

export const CONFLICT_RULES: readonly Rule[] = [];
