// The registry of every rule. Ids are stable: never renumber or reuse one.
import { pathAbsolute } from './ingress/path-absolute';
import type { Rule } from './rule';

export const ALL_RULES: readonly Rule[] = [
  pathAbsolute,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
