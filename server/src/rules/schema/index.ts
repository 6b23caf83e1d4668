// Family schema/: see DESIGN.md for what belongs here.
import type { Rule } from '../rule';

export const SCHEMA_RULES: readonly Rule[] = [];
