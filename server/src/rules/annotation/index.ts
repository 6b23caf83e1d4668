// Family annotation/: see DESIGN.md for what belongs here.
import type { Rule } from '../rule';

export const ANNOTATION_RULES: readonly Rule[] = [];
