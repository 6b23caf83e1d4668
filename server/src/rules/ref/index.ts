// Family ref/: see DESIGN.md for what belongs here.
import type { Rule } from '../rule';

export const REF_RULES: readonly Rule[] = [];
