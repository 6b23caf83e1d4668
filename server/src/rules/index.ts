// The registry of every rule, by family. Ids are stable: never renumber or reuse one.
import { ANNOTATION_RULES } from './annotation/index';
import { CONFLICT_RULES } from './conflict/index';
import { DEPRECATED_RULES } from './deprecated/index';
import { GATEWAY_RULES } from './gateway/index';
import { INGRESS_RULES } from './ingress/index';
import { REF_RULES } from './ref/index';
import type { Rule } from './rule';
import { SCHEMA_RULES } from './schema/index';
import { TLS_RULES } from './tls/index';

export const ALL_RULES: readonly Rule[] = [
  ...SCHEMA_RULES,
  ...INGRESS_RULES,
  ...DEPRECATED_RULES,
  ...REF_RULES,
  ...TLS_RULES,
  ...CONFLICT_RULES,
  ...ANNOTATION_RULES,
  ...GATEWAY_RULES,
];

const IDS = new Set(ALL_RULES.map((r) => r.id));

export function isRuleId(id: string): boolean {
  return IDS.has(id);
}

/** The keys of a severity-override setting that name no registered rule, sorted. */
export function unknownRuleIds(overrides: Record<string, unknown>): string[] {
  return Object.keys(overrides).filter((id) => !IDS.has(id)).sort();
}

export { rulesSettingSchema } from './settings-schema';
